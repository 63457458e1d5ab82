// he, §4.2 Theorem 3 and Corollary 1, App. B.4: the local minima of a cell form one valley and one class.
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
  type Dataset,
  type DatasetPattern,
  type MinimiserComponents,
  type Network,
} from '../../src/index.ts';
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
  name: 'two minima of a cell with the same Q are joined inside the cell by the rescaling path, at constant risk',
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
});

const connected = forAll({
  name: 'any two local minima of a cell are joined by a path of constant risk inside the cell',
  basis: 'certified',
  arbitrary: cellInstance({ maxInputDim: 2, maxUnits: 2 }),
  check: (instance) => {
    const ctx = context(instance);
    const { pieces, components } = ctx.minimisers;
    if (pieces.length === 0) return discard('the cell has no local minimum');
    if (components.length === 1) return pass();
    const [a, b] = [pieces[components[0]![0]!]!, pieces[components[1]![0]!]!];
    const [first, second] = [liftCollapsed(ctx.cell, a), liftCollapsed(ctx.cell, b)];
    if (!isCellMinimum(ctx, first) || !isCellMinimum(ctx, second)) return fail({ reason: 'internal: a lifted minimiser is not a cell minimum' });
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
  name: 'all local minima of a cell have the same Q(W1, W2) = diag(W2)W1 (one equivalence class of ~R)',
  basis: 'exact',
  arbitrary: cellInstance({ maxInputDim: 2, maxUnits: 2 }),
  check: (instance) => {
    const ctx = context(instance);
    if (ctx.minimisers.pieces.length === 0) return discard('the cell has no local minimum');
    const pair = twoClasses(ctx);
    if (pair === null) return pass();
    const [first, second] = pair;
    if (!isCellMinimum(ctx, first) || !isCellMinimum(ctx, second)) return fail({ reason: 'internal: not cell minima' });
    return fail({ 'cell minimum (both risks)': ctx.minimisers.cellMinimum, first: show(first), second: show(second) });
  },
});

export default theorem({
  id: 'he/theorem-3',
  paper: 'he',
  title: 'Theorem 3 / Corollary 1: the local minima of a cell form one valley and one equivalence class',
  statement:
    'One hidden layer, no biases, scalar output, h_{s−,s+} (s− ≠ s+), the squared loss (strictly convex in ' +
    'the prediction). A cell is the open set of (W_1, W_2) with a fixed sign pattern of the (W_1)_j x_i; its ' +
    'local minima are exactly its points of least risk (Theorem 2), i.e. the points whose W̄ = Q(W_1, W_2) = ' +
    'vec(diag(W_2)W_1) minimises the convex R(W̄) (set M*) with W̄_j ∈ C_j ∪ −C_j ∪ {0} (C_j the cone of unit ' +
    'j). Read: (a) the valley of the proof (App. B.4): two minima with the same Q are joined by the moves ' +
    'W_1j ↦ λW_1j, W_2j ↦ W_2j/λ, λ > 0, inside the cell at constant risk — checked exactly at τ = 0, ⅛, ¼, ⅜, ' +
    '½, ¾, 1 of the path; (b) "all local minima in a cell are connected with each other by a continuous path" ' +
    'with constant risk, the path inside the cell as in the proof and as Corollary 1 presupposes ("parallel ' +
    'valleys … do not appear because of the constraints from the cell boundaries"); a path that may leave the ' +
    'cell is not checked. Decided exactly: Q is continuous and maps the cell\'s minima onto K = M* ∩ ' +
    'Π_j(C_j ∪ −C_j ∪ {0}), a union of relatively open convex pieces; two pieces have a connected union iff one ' +
    'meets the closure of the other (exact LPs), so K\'s components are those of the touching graph, and two ' +
    'components of K are two minima that no path of minima in the cell joins. (c) "all local minima in a cell ' +
    'constitute an equivalence class" of (W_1, W_2) ~R (W′_1, W′_2) ⇔ Q equal: all cell minima have one Q. ' +
    'The proof assumes R has a unique minimiser in W̄; that fails when X̂ = (A_·i ⊗ x_i) lacks full rank ' +
    '(e.g. n < d1·dX), and then (b) and (c) can fail. Corollary 1\'s quotient-space construction (the ' +
    'operation ⊕ through T(W_1, W_2) = (diag(W_2)W_1, 1)) is definitional and not checked.',
  checks: [rescalingValley, connected, oneClass],
});
