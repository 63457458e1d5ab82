// he, §4.2 Theorem 3 and Corollary 1, App. B.4: the local minima of a cell form one equivalence class and one valley inside the cell.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  cellFeatures,
  cellMinimiserComponents,
  cellNetwork,
  cellParts,
  cellSigns,
  cellSlopes,
  collapsedWeights,
  discard,
  empiricalRisk,
  fail,
  forAll,
  forwardDataset,
  liftCollapsed,
  nullSpace,
  pass,
  patternsEqual,
  smallRational,
  squaredError,
  theorem,
  twoPiece,
  undecided,
  type Dataset,
  type DatasetPattern,
  type MinimiserComponents,
  type MinimiserPiece,
  type Network,
} from '../../src/index.ts';
import { confirmNoPathInCell, confirmTwoClasses, confirmValleyBreaks } from './_confirm.ts';
import { cellInstance, datasetOf, type CellInstance } from './_instances.ts';

const F = RationalField;
const loss = squaredError('mean');
const PATH_POINTS = [0, 1, 2, 3, 4, 6, 8].map((k) => Rational.of(k, 8));

interface CellContext {
  readonly data: Dataset<Rational>;
  readonly cell: Network<Rational>;
  readonly pattern: DatasetPattern;
  readonly minimisers: MinimiserComponents;
}

function context(instance: CellInstance): CellContext {
  const data = datasetOf(instance);
  const cell = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
  return { data, cell, pattern: forwardDataset(cell, data).pattern, minimisers: cellMinimiserComponents(cell, data, loss) };
}

/** A local minimum of the cell: inside it (same pattern; the cell is open) with the cell's least risk. */
function isCellMinimum(ctx: CellContext, net: Network<Rational>): boolean {
  return patternsEqual(forwardDataset(net, ctx.data).pattern, ctx.pattern) && empiricalRisk(net, ctx.data, loss).equals(ctx.minimisers.cellMinimum);
}

const show = (net: Network<Rational>) => {
  const { W1, w2 } = cellParts(net);
  return { W1, W2: w2, 'Q(W1, W2)': collapsedWeights(net) };
};

/** θ(τ): each unit rescaled by λ_j(τ) = 1 + τ(a_j − 1) > 0, W_1j ↦ λW_1j, W_2j ↦ W_2j/λ (App. B.4). */
function rescaled(net: Network<Rational>, factors: readonly Rational[], tau: Rational): Network<Rational> {
  const { W1, w2 } = cellParts(net);
  const lambda = factors.map((a) => Rational.ONE.add(tau.mul(a.sub(Rational.ONE))));
  return cellNetwork(
    W1.map((row, j) => row.map((w) => w.mul(lambda[j]!))),
    w2.map((w, j) => w.div(lambda[j]!)),
    net.layers[0]!.activation,
  );
}

const valleyInstance = cellInstance({ maxInputDim: 2, maxUnits: 2 }).chain((instance) =>
  fc.record({
    instance: fc.constant(instance),
    factors: fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2, positive: true }), { minLength: instance.W1.length, maxLength: instance.W1.length }),
  }),
);

const rescalingValley = forAll({
  name: 'path inside the cell, the proof\'s valley: two minima with the same Q are joined by the rescaling path, inside the cell at constant risk',
  basis: 'exact',
  arbitrary: valleyInstance,
  check: ({ instance, factors }) => {
    const ctx = context(instance);
    const piece = ctx.minimisers.pieces[0];
    if (piece === undefined) return discard('the cell has no local minimum');
    const start = liftCollapsed(ctx.cell, piece);
    const q = collapsedWeights(start);
    for (const tau of PATH_POINTS) {
      const point = rescaled(start, factors, tau);
      const sameQ = collapsedWeights(point).every((v, k) => v.equals(q[k]!));
      if (!isCellMinimum(ctx, point) || !sameQ) {
        return fail({ tau, point: show(point), risk: empiricalRisk(point, ctx.data, loss), 'cell minimum': ctx.minimisers.cellMinimum, start: show(start) });
      }
    }
    return pass();
  },
  confirm: ({ instance, factors }, witness) => confirmValleyBreaks(instance, factors, witness),
});

/** Two pieces of different components, preferring a pair where some W_2j has opposite signs (what the second route needs). */
function separatedPair(minimisers: MinimiserComponents): [MinimiserPiece, MinimiserPiece] {
  const { pieces, components } = minimisers;
  const pairs = components.flatMap((a, ca) =>
    components.slice(ca + 1).flatMap((b) => a.flatMap((i) => b.map((k) => [pieces[i]!, pieces[k]!] as [MinimiserPiece, MinimiserPiece]))),
  );
  return pairs.find(([p, q]) => p.signs.some((s, j) => s * q.signs[j]! < 0)) ?? pairs[0]!;
}

const connected = forAll({
  name: 'path inside the cell: any two local minima of a cell are joined by a continuous path of constant risk that stays in the open cell',
  basis: 'certified',
  arbitrary: cellInstance({ maxInputDim: 2, maxUnits: 2 }),
  check: (instance) => {
    const ctx = context(instance);
    const { pieces, components } = ctx.minimisers;
    if (pieces.length === 0) return discard('the cell has no local minimum');
    if (components.length === 1) return pass();
    const [a, b] = separatedPair(ctx.minimisers);
    const [first, second] = [liftCollapsed(ctx.cell, a), liftCollapsed(ctx.cell, b)];
    if (!isCellMinimum(ctx, first) || !isCellMinimum(ctx, second)) return undecided('a lifted minimiser of the collapsed risk is not a minimum of the cell');
    return fail({
      reason:
        'Q maps the cell\'s minima onto K = M* ∩ Π_j(C_j ∪ −C_j ∪ {0}); K has ' +
        `${components.length} components (no piece of one meets the closure of a piece of another, exact LPs), ` +
        'so no path of minima inside the cell joins these two',
      'cell minimum': ctx.minimisers.cellMinimum,
      'cell signs σ_ji of (W_1)_j x_i': cellSigns(ctx.cell, ctx.data),
      'slopes A_ji': cellSlopes(ctx.cell, ctx.data),
      first: { ...show(first), 'signs of W̄_j (C_j: 1, −C_j: −1, 0)': a.signs },
      second: { ...show(second), 'signs of W̄_j (C_j: 1, −C_j: −1, 0)': b.signs },
      components: components.map((c) => c.map((i) => pieces[i]!.signs)),
    });
  },
  confirm: (instance, witness) => confirmNoPathInCell(instance, witness),
});

/** Cell minima with different Q: representatives of two pieces, or a representative moved along null(X̂). */
function twoClasses(ctx: CellContext): [Network<Rational>, Network<Rational>] | null {
  const { pieces } = ctx.minimisers;
  if (pieces.length >= 2) return [liftCollapsed(ctx.cell, pieces[0]!), liftCollapsed(ctx.cell, pieces[1]!)];
  const piece = pieces[0]!;
  const features = cellFeatures(cellSlopes(ctx.cell, ctx.data), ctx.data.inputs);
  const dX = ctx.data.inputs[0]!.length;
  const size = piece.point.length;
  // Directions that keep the outputs (X̂v = 0) and keep the units with W̄_j = 0 at zero.
  const pinned = piece.signs.flatMap((s, j) => (s !== 0 ? [] : Array.from({ length: dX }, (_, k) => Array.from({ length: size }, (_, i) => (i === j * dX + k ? F.one : F.zero)))));
  for (const v of nullSpace(Matrix.from(F, [...features, ...pinned], size))) {
    for (let k = 0, step = Rational.ONE; k < 40; k++, step = step.div(Rational.of(2))) {
      const moved = { signs: piece.signs, point: piece.point.map((p, i) => p.add(step.mul(v[i]!))) };
      const net = liftCollapsed(ctx.cell, moved);
      if (isCellMinimum(ctx, net)) return [liftCollapsed(ctx.cell, piece), net];
    }
  }
  return null;
}

const oneClass = forAll({
  name: 'the equivalence class: all local minima of a cell have the same Q(W1, W2) = diag(W2)W1 (one class of ~R)',
  basis: 'exact',
  arbitrary: cellInstance({ maxInputDim: 2, maxUnits: 2 }),
  check: (instance) => {
    const ctx = context(instance);
    if (ctx.minimisers.pieces.length === 0) return discard('the cell has no local minimum');
    const pair = twoClasses(ctx);
    if (pair === null) return pass();
    const [first, second] = pair;
    if (!isCellMinimum(ctx, first) || !isCellMinimum(ctx, second)) return undecided('a constructed pair of minimisers of the collapsed risk are not minima of the cell');
    return fail({ 'cell minimum (both risks)': ctx.minimisers.cellMinimum, first: show(first), second: show(second) });
  },
  confirm: (instance, witness) => confirmTwoClasses(instance, witness),
});

export default theorem({
  id: 'he/theorem-3',
  paper: 'he',
  title: 'Theorem 3 / Corollary 1: the local minima of a cell form one equivalence class and one valley inside the cell',
  statement:
    'One hidden layer, no biases, scalar output, h_{s−,s+} (s− ≠ s+), the squared loss (strictly convex in ' +
    'the prediction). A cell is the open set of (W_1, W_2) with a fixed sign pattern of the (W_1)_j x_i; its ' +
    'local minima are exactly its points of least risk (Theorem 2), i.e. the points whose W̄ = Q(W_1, W_2) = ' +
    'vec(diag(W_2)W_1) minimises the convex R(W̄) (set M*) with W̄_j ∈ C_j ∪ −C_j ∪ {0} (C_j the cone of unit ' +
    'j). The two parts are checked separately. (1) The equivalence class: "all local minima in a cell ' +
    'constitute an equivalence class" of (W_1, W_2) ~R (W′_1, W′_2) ⇔ Q equal, read as: all cell minima have ' +
    'one Q. (2) The path inside the cell: "all local minima in a cell are connected with each other by a ' +
    'continuous path" of constant risk, with the path inside the open cell, as the proof\'s convexity ' +
    'argument uses and as Corollary 1 presupposes ("parallel valleys … do not appear because of the ' +
    'constraints from the cell boundaries"). Decided exactly: Q is continuous and maps the cell\'s minima ' +
    'onto K = M* ∩ Π_j(C_j ∪ −C_j ∪ {0}), a union of relatively open convex pieces; two pieces have a ' +
    'connected union iff one meets the closure of the other (exact LPs), so K\'s components are those of the ' +
    'touching graph, and two components of K are two minima that no path of minima in the cell joins. A path ' +
    'that leaves the open cell (e.g. along a boundary face, where some (W_1)_j x_i = 0) can join such minima: ' +
    'that is a different reading and is not checked. Also checked under (2), the valley of the proof ' +
    '(App. B.4): two minima with the same Q are joined by the moves W_1j ↦ λW_1j, W_2j ↦ W_2j/λ, λ > 0, inside ' +
    'the cell at constant risk, exactly at τ = 0, ⅛, ¼, ⅜, ½, ¾, 1 of the path. The proof assumes R has a ' +
    'unique minimiser in W̄; that fails when X̂ = (A_·i ⊗ x_i) lacks full rank (e.g. n < d1·dX), and then (1) ' +
    'and (2) can fail. Second routes (z3): two points inside the cell, of equal risk, with no point of the ' +
    'cell below it (over U_j = W_2jW_1j, which ranges exactly over Π_j(C_j ∪ −C_j ∪ {0})); for (1) their Q ' +
    'differ; for (2) some W_2j has opposite signs at the two, so every path between them has W_2j = 0 ' +
    'somewhere, and no minimum of the cell has W_2j = 0. Corollary 1\'s quotient-space construction (the ' +
    'operation ⊕ through T(W_1, W_2) = (diag(W_2)W_1, 1)) is definitional and not checked.',
  checks: [oneClass, connected, rescalingValley],
});
