// liu, §4.1 eqs. (5)–(9): the minima of a cell by the Moore–Penrose inverse of A.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  designMatrix,
  empiricalRisk,
  fail,
  forAll,
  inverse,
  oneHiddenLayerNetwork,
  pass,
  pseudoInverse,
  rank,
  regionActivations,
  regionToPattern,
  smallRational,
  solve,
  squaredError,
  subglobalMinimum,
  theorem,
} from '../../src/index.ts';
import { blocks, cellIndicators, cellInstance, dataWitness, paperDesign, show, type CellInstance } from './_cells.ts';

const F = RationalField;

interface Instance extends CellInstance {
  /** The arbitrary vector c ∈ ℝ^{Kd} of (7). */
  readonly c: Rational[];
}

/** N ≤ 5 samples, d = 2, K ≤ 2: both the unique (N ≥ Kd) and the continuous case occur. */
const instances: fc.Arbitrary<Instance> = cellInstance({ maxPoints: 5, maxUnits: 2 }).chain((instance) => {
  const n = instance.region.length * instance.data.inputs[0]!.length;
  return fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: n, maxLength: n }).map((c) => ({ ...instance, c }));
});

interface Quantities {
  readonly A: Matrix<Rational>;
  readonly Aplus: Matrix<Rational>;
  readonly y: Rational[];
  readonly N: number;
  readonly Kd: number;
  /** R*(c) = A⁺y + (I − A⁺A)c. */
  readonly Rstar: (c: readonly Rational[]) => Rational[];
  /** (1/N)‖AR − y‖². */
  readonly loss: (R: readonly Rational[]) => Rational;
}

function quantities({ data, region }: CellInstance): Quantities {
  const N = data.inputs.length;
  const A = paperDesign(data.inputs, cellIndicators(region, N));
  const Aplus = pseudoInverse(A);
  const y = data.targets.map((t) => t[0]!);
  const projector = Matrix.identity(F, A.cols).sub(Aplus.mul(A));
  const particular = Aplus.mulVec(y);
  return {
    A,
    Aplus,
    y,
    N,
    Kd: A.cols,
    Rstar: (c) => particular.map((v, k) => v.add(projector.mulVec(c)[k]!)),
    loss: (R) => A.mulVec(R).reduce((s, v, i) => s.add(v.sub(y[i]!).mul(v.sub(y[i]!))), Rational.ZERO).div(Rational.fromInt(N)),
  };
}

const equalVectors = (a: readonly Rational[], b: readonly Rational[]): boolean => a.length === b.length && a.every((v, k) => v.equals(b[k]!));

const witnessOf = (instance: CellInstance) => ({ ...dataWitness(instance.data), region: instance.region.map((s) => s.join(' ')) });

const generalSolution = forAll({
  name: '(6), (7): the minimisers of (5) are exactly R* = A⁺y + (I − A⁺A)c (normal equations solved by elimination; the library\'s subglobal minimum agrees)',
  basis: 'exact',
  arbitrary: instances,
  check: (instance) => {
    const { data, region, c } = instance;
    const q = quantities(instance);
    // A of (6) is the library's design matrix for the cell (independent constructions).
    if (!q.A.equals(designMatrix(data.inputs, regionActivations(region), { bias: false, outputBias: false }))) {
      return fail({ ...witnessOf(instance), '(6)': q.A.toStrings(), library: 'design matrix differs' });
    }
    const At = q.A.transpose();
    const normal = At.mul(q.A);
    const rhs = At.mulVec(q.y);
    const R = q.Rstar(c);
    if (!equalVectors(normal.mulVec(R), rhs)) return fail({ ...witnessOf(instance), c: show(c), 'R*(c)': show(R), 'solves AᵀAR = Aᵀy': false });
    // Every minimiser x (particular + a combination of the null basis) is R*(x).
    const all = solve(normal, rhs);
    if (all.kind !== 'solution') return fail({ ...witnessOf(instance), 'normal equations': 'inconsistent' });
    const x = all.particular.map((v, k) => all.nullBasis.reduce((s, u, b) => s.add(u[k]!.mul(c[b % c.length]!)), v));
    if (!equalVectors(q.Rstar(x), x)) return fail({ ...witnessOf(instance), minimiser: show(x), 'R*(minimiser)': show(q.Rstar(x)) });
    const library = subglobalMinimum(data, regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });
    return equalVectors(library.minimiser, q.Aplus.mulVec(q.y)) && library.value.equals(q.loss(R))
      ? pass()
      : fail({ ...witnessOf(instance), 'A⁺y': show(q.Aplus.mulVec(q.y)), 'library minimiser': show(library.minimiser), 'L(R*)': String(q.loss(R)), 'library value': String(library.value) });
  },
});

const uniqueness = forAll({
  name: 'case 1): R* is unique iff rank A = Kd (iff A⁺A = I), so N ≥ Kd is necessary, and then R* = (AᵀA)⁻¹Aᵀy (8)',
  basis: 'exact',
  arbitrary: instances,
  check: (instance) => {
    const q = quantities(instance);
    const At = q.A.transpose();
    const all = solve(At.mul(q.A), At.mulVec(q.y));
    const unique = all.kind === 'solution' && all.nullBasis.length === 0;
    const fullRank = rank(q.A) === q.Kd;
    const identity = q.Aplus.mul(q.A).equals(Matrix.identity(F, q.Kd));
    const facts: Record<string, boolean> = {
      'unique ⇔ rank A = Kd': unique === fullRank,
      'unique ⇔ A⁺A = I': unique === identity,
      'unique ⇒ N ≥ Kd': !unique || q.N >= q.Kd,
    };
    if (unique) facts['(8) (AᵀA)⁻¹Aᵀy = A⁺y'] = equalVectors(inverse(At.mul(q.A)).mulVec(At.mulVec(q.y)), q.Aplus.mulVec(q.y));
    const broken = Object.entries(facts).filter(([, ok]) => !ok).map(([k]) => k);
    return broken.length === 0 ? pass() : fail({ ...witnessOf(instance), N: q.N, Kd: q.Kd, 'rank A': rank(q.A), unique, failing: broken });
  },
});

const minimalLoss = forAll({
  name: '(9): L(R*) = (1/N)‖AA⁺y − y‖² (also by the network with the cell\'s pattern frozen), and it is 0 iff AR = y is solvable',
  basis: 'exact',
  arbitrary: instances,
  check: (instance) => {
    const { data, region, c } = instance;
    const q = quantities(instance);
    const R = q.Rstar(c);
    const projected = q.A.mulVec(q.Aplus.mulVec(q.y));
    const formula = projected.reduce((s, v, i) => s.add(v.sub(q.y[i]!).mul(v.sub(q.y[i]!))), Rational.ZERO).div(Rational.fromInt(q.N));
    const d = data.inputs[0]!.length;
    // The network z_j = 1, w_j = R*_j evaluated as g_A (the cell's pattern frozen): eq. (2) by the library's forward pass.
    const net = oneHiddenLayerNetwork({ weights: blocks(R, d), biases: null, outputWeights: region.map(() => Rational.ONE), outputBias: null });
    const byNetwork = empiricalRisk(net, data, squaredError('mean'), { pattern: regionToPattern(region, 2) });
    const solvable = solve(q.A, q.y).kind === 'solution';
    const facts = {
      '(9)': formula.equals(q.loss(R)),
      'network': byNetwork.equals(formula),
      'zero ⇔ AR = y solvable': formula.isZero() === solvable,
      'zero ⇔ AA⁺y = y': formula.isZero() === equalVectors(projected, q.y),
    };
    const broken = Object.entries(facts).filter(([, ok]) => !ok).map(([k]) => k);
    return broken.length === 0
      ? pass()
      : fail({ ...witnessOf(instance), c: show(c), '(9)': String(formula), 'L(R*(c))': String(q.loss(R)), network: String(byNetwork), solvable, failing: broken });
  },
});

const freeUnits = forAll({
  name: 'case 2 b): a unit inactive on every sample has a zero block of A⁺y and an identity block of I − A⁺A (R_j free); A = 0 gives R* = c',
  basis: 'exact',
  arbitrary: cellInstance({ maxPoints: 4, maxUnits: 3 }).chain((instance) =>
    // Make some units dead on every sample (their cell is the all-negative one, always realizable with (x, 1)).
    fc.array(fc.boolean(), { minLength: instance.region.length, maxLength: instance.region.length }).map((dead) => ({
      ...instance,
      region: instance.region.map((signs, j) => (dead[j] ? signs.map(() => -1 as const) : signs)),
    })),
  ),
  check: (instance) => {
    const q = quantities(instance);
    const d = instance.data.inputs[0]!.length;
    const projector = Matrix.identity(F, q.Kd).sub(q.Aplus.mul(q.A));
    const particular = q.Aplus.mulVec(q.y);
    const dead = instance.region.flatMap((signs, j) => (signs.every((s) => s < 0) ? [j] : []));
    for (const j of dead) {
      const rows = Array.from({ length: d }, (_, k) => j * d + k);
      const ok =
        rows.every((r) => particular[r]!.isZero()) &&
        rows.every((r) => projector.row(r).every((v, col) => (col === r ? v.equals(Rational.ONE) : v.isZero())));
      if (!ok) return fail({ ...witnessOf(instance), unit: j, 'A⁺y': show(particular), 'I − A⁺A': projector.toStrings() });
    }
    if (q.A.isZero() && !(q.Aplus.isZero() && projector.equals(Matrix.identity(F, q.Kd)))) {
      return fail({ ...witnessOf(instance), 'A⁺': q.Aplus.toStrings(), 'I − A⁺A': projector.toStrings() });
    }
    return pass();
  },
});

export default theorem({
  id: 'liu/eq-7-9',
  paper: 'liu',
  title: 'Eqs. (5)–(9): minima in a cell R* = A⁺y + (I − A⁺A)c, uniqueness, minimal loss',
  statement:
    'Squared loss, homogeneous inputs (x, 1), a cell given by its indicators I_ij, A of eq. (6) with rows ' +
    '(I_i1 x_iᵀ, …, I_iK x_iᵀ). Checked exactly with the Moore–Penrose inverse: (7) the minimisers of (5) are ' +
    'exactly A⁺y + (I − A⁺A)c (against the normal equations solved by elimination, and the library\'s ' +
    'subglobal minimum); case 1) R* is unique iff rank A = Kd iff A⁺A = I, so N ≥ Kd is necessary, and then ' +
    'R* = (AᵀA)⁻¹Aᵀy (8); (9) L(R*) = (1/N)‖AA⁺y − y‖², the same as the network loss with the cell\'s pattern ' +
    'frozen, and it is 0 iff AR = y is solvable (iff AA⁺y = y); case 2 b) a unit inactive on every sample has ' +
    'R_j free (zero block of A⁺y, identity block of I − A⁺A), and A = 0 gives A⁺ = 0 and R* = c. N ≤ 5, d = 2, ' +
    'K ≤ 2 (K ≤ 3 for the free units), labels ±1 or small rationals.',
  checks: [generalSolution, uniqueness, minimalLoss, freeUnits],
});
