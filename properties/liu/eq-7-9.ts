// liu, §4.1 eqs. (5)–(9): the minima of a cell by the Moore–Penrose inverse of A.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  anyConfirmed,
  confirmed,
  contradicted,
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
  smt,
  solve,
  squaredError,
  subglobalMinimum,
  theorem,
  unconfirmed,
} from '../../src/index.ts';
import { blocks, cellIndicators, cellInstance, dataWitness, paperDesign, show, type CellInstance } from './_cells.ts';
import { cellDesign, columnsDependent, confirmSat, equalVectors as sameTerms, inverseTerms, pseudoInverseTerms, satisfiable, termMatrix as T, type Decided } from './_confirm.ts';

const ROUTE = 'z3 with A of (6) from the raw data and A⁺ as the unknowns X = AᵀY, AᵀAX = Aᵀ';

/** A of (6), y, and the sizes, from the raw instance (the second route\'s own). */
function rawCell({ data, region }: CellInstance) {
  const A = cellDesign(data.inputs, region);
  return { A, y: data.targets.map((t) => smt.real(t[0]!)), N: data.inputs.length, Kd: region.length * data.inputs[0]!.length };
}

/** ‖Az − y‖² for terms z. */
const residual = (A: readonly (readonly Rational[])[], y: readonly smt.Term[], z: readonly smt.Term[]): smt.Term =>
  smt.add(...T.mulVec(T.literal(A), z).map((v, i) => smt.square(smt.sub(v, y[i]!))));

/** A⁺y + (I − A⁺A)c for the unknowns X = A⁺. */
function generalTerms(A: readonly (readonly Rational[])[], X: smt.Term[][], y: readonly smt.Term[], c: readonly smt.Term[], Kd: number): smt.Term[] {
  const projector = T.sub(T.identity(Kd), T.mul(X, T.literal(A)));
  return T.mulVec(X, y).map((v, k) => smt.add(v, T.mulVec(projector, c)[k]!));
}

/** Confirmed when some named fact, decided from z3's answers, is false. */
function factsDecided(facts: Readonly<Record<string, boolean | null>>, decided: readonly Decided[]) {
  const evidence = Object.fromEntries(decided.map((d) => [d.meaning, d.evidence]));
  if (Object.values(facts).some((v) => v === null)) return unconfirmed(ROUTE, 'the solver gave no answer', evidence);
  const broken = Object.entries(facts).filter(([, ok]) => ok === false).map(([k]) => k);
  return broken.length > 0 ? confirmed(ROUTE, { failing: broken, ...evidence }) : contradicted(ROUTE, 'z3 decides every fact true', evidence);
}

const iff = (a: boolean | null, b: boolean | null): boolean | null => (a === null || b === null ? null : a === b);

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
  // The paper's statement by the definition of a minimiser (the library's own values are not the paper's).
  confirm: async (instance) => {
    const { A, y, Kd } = rawCell(instance);
    const c = instance.c.map(smt.real);
    return anyConfirmed([
      await confirmSat(ROUTE, 'some R has ‖AR − y‖² below ‖AR*(c) − y‖², R*(c) = A⁺y + (I − A⁺A)c', (q) => {
        const R = Array.from({ length: Kd }, (_, k) => q.declare(`R_${k + 1}`));
        return smt.lt(residual(A, y, R), residual(A, y, generalTerms(A, pseudoInverseTerms(q, A, Kd, 'X'), y, c, Kd)));
      }),
      await confirmSat(ROUTE, 'some x with ‖Ax − y‖² ≤ ‖AR*(c) − y‖² is not A⁺y + (I − A⁺A)x', (q) => {
        const x = Array.from({ length: Kd }, (_, k) => q.declare(`x_${k + 1}`));
        const X = pseudoInverseTerms(q, A, Kd, 'X');
        return smt.and(smt.le(residual(A, y, x), residual(A, y, generalTerms(A, X, y, c, Kd))), smt.not(sameTerms(generalTerms(A, X, y, x, Kd), x)));
      }),
    ]);
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
  confirm: async (instance) => {
    const { A, y, N, Kd } = rawCell(instance);
    // Two different minimisers exist iff R* is not unique (by the definition, with the minimum ‖AA⁺y − y‖²).
    const twoMinimisers = await satisfiable('two different R, R′ both minimise ‖AR − y‖²', (q) => {
      const [R, S] = ['R', 'S'].map((n) => Array.from({ length: Kd }, (_, k) => q.declare(`${n}_${k + 1}`)));
      const best = residual(A, y, T.mulVec(pseudoInverseTerms(q, A, Kd, 'X'), y));
      return smt.and(smt.le(residual(A, y, R!), best), smt.le(residual(A, y, S!), best), smt.not(sameTerms(R!, S!)));
    });
    const dependent = await columnsDependent(A, Kd);
    const identity = await satisfiable('A⁺A = I', (q) => T.equal(T.mul(pseudoInverseTerms(q, A, Kd, 'X'), T.literal(A)), T.identity(Kd)));
    const unique = twoMinimisers.value === null ? null : !twoMinimisers.value;
    const formula8 =
      unique === true
        ? await satisfiable('(AᵀA)⁻¹Aᵀy = A⁺y', (q) => {
            const At = T.transpose(T.literal(A), Kd);
            return sameTerms(T.mulVec(T.mul(inverseTerms(q, T.mul(At, T.literal(A)), 'S'), At), y), T.mulVec(pseudoInverseTerms(q, A, Kd, 'X'), y));
          })
        : null;
    return factsDecided(
      {
        'unique ⇔ rank A = Kd': iff(unique, dependent.value === null ? null : !dependent.value),
        'unique ⇔ A⁺A = I': iff(unique, identity.value),
        'unique ⇒ N ≥ Kd': unique === null ? null : !unique || N >= Kd,
        ...(formula8 !== null ? { '(8) (AᵀA)⁻¹Aᵀy = A⁺y': formula8.value } : {}),
      },
      [twoMinimisers, dependent, identity, ...(formula8 !== null ? [formula8] : [])],
    );
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
  confirm: async (instance) => {
    const { A, y, N, Kd } = rawCell(instance);
    const c = instance.c.map(smt.real);
    const d = instance.data.inputs[0]!.length;
    // The network with z_j = 1, w_j = R*_j and the cell's pattern frozen: Σ_j I_ij R*_j·x_i, from the region's signs.
    const network = (R: readonly smt.Term[]) =>
      smt.add(
        ...instance.data.inputs.map((x, i) => {
          const f = smt.add(...instance.region.flatMap((signs, j) => (signs[i]! > 0 ? [smt.add(...x.map((v, k) => smt.mul(smt.real(v), R[j * d + k]!)))] : [])));
          return smt.square(smt.sub(f, y[i]!));
        }),
      );
    const mismatch = await satisfiable('(9) (1/N)‖AA⁺y − y‖² differs from L(R*(c)) or from the frozen-pattern network loss', (q) => {
      const X = pseudoInverseTerms(q, A, Kd, 'X');
      const formula = q.define('formula', smt.div(residual(A, y, T.mulVec(X, y)), smt.real(N)));
      const R = generalTerms(A, X, y, c, Kd);
      return smt.or(smt.not(smt.eq(formula, smt.div(residual(A, y, R), smt.real(N)))), smt.not(smt.eq(formula, smt.div(network(R), smt.real(N)))));
    });
    const zero = await satisfiable('(1/N)‖AA⁺y − y‖² = 0', (q) => smt.eq(residual(A, y, T.mulVec(pseudoInverseTerms(q, A, Kd, 'X'), y)), smt.ZERO));
    const solvable = await satisfiable('AR = y for some R', (q) => sameTerms(T.mulVec(T.literal(A), Array.from({ length: Kd }, (_, k) => q.declare(`R_${k + 1}`))), y));
    const projects = await satisfiable('AA⁺y = y', (q) => sameTerms(T.mulVec(T.mul(T.literal(A), pseudoInverseTerms(q, A, Kd, 'X')), y), y));
    return factsDecided(
      {
        '(9) and the network': mismatch.value === null ? null : !mismatch.value,
        'zero ⇔ AR = y solvable': iff(zero.value, solvable.value),
        'zero ⇔ AA⁺y = y': iff(zero.value, projects.value),
      },
      [mismatch, zero, solvable, projects],
    );
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
  confirm: (instance) => {
    const { A, y, Kd } = rawCell(instance);
    const d = instance.data.inputs[0]!.length;
    const dead = instance.region.flatMap((signs, j) => (signs.every((s) => s < 0) ? [j] : []));
    const zeroA = A.every((row) => row.every((v) => v.isZero()));
    return confirmSat(ROUTE, 'a dead unit has a non-zero block of A⁺y or a non-identity block of I − A⁺A, or A = 0 with A⁺ ≠ 0 or I − A⁺A ≠ I', (q) => {
      const X = pseudoInverseTerms(q, A, Kd, 'X');
      const particular = T.mulVec(X, y);
      const projector = T.sub(T.identity(Kd), T.mul(X, T.literal(A)));
      const broken = dead.flatMap((j) =>
        Array.from({ length: d }, (_, k) => j * d + k).map((r) =>
          smt.not(smt.and(smt.eq(particular[r]!, smt.ZERO), ...projector[r]!.map((v, col) => smt.eq(v, col === r ? smt.ONE : smt.ZERO)))),
        ),
      );
      const zeroCase = zeroA ? [smt.not(smt.and(T.equal(X, X.map((row) => row.map(() => smt.ZERO))), T.equal(projector, T.identity(Kd))))] : [];
      return smt.or(...broken, ...zeroCase);
    });
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
