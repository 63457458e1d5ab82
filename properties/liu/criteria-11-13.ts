// liu, §4.3 eqs. (10)–(13): is the minimum of a cell inside the cell (a genuine differentiable local minimum)?
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  allConfirmed,
  classifyPoint,
  discard,
  fail,
  forAll,
  genuineness,
  isFeasible,
  oneHiddenLayerNetwork,
  pass,
  pseudoInverse,
  rank,
  regionActivations,
  reparametrise,
  squaredError,
  subglobalMinimum,
  theorem,
  type LinearConstraint,
  type OneHiddenLayerPoint,
  type OutputSign,
  type Sign,
  type Witness,
  undecided,
  unconfirmed,
  contradicted,
  type Confirmation,
} from '../../src/index.ts';
import { blocks, cellIndicators, cellInstance, dataWitness, dot, paperDesign, pointWitness, showRows, type CellInstance } from './_cells.ts';
import { expectDecision, genuineMinimumAt, genuinePointExists, nonUniqueMinimiser, paperCriterionHolds, pointHint } from './_confirm.ts';

const F = RationalField;

/** The paper's criterion, computed literally from A⁺y and I − A⁺A. */
export interface PaperCriterion {
  /** I − A⁺A = 0: case 1), R* = A⁺y. */
  readonly unique: boolean;
  /** (11)/(12) for one sign per unit (unique case), or the half-spaces (13) intersect for one sign per unit. */
  readonly holds: boolean;
  readonly Rstar: Rational[][];
}

/** All sign vectors in {+1, −1}^K. */
function signCombinations(K: number): (1 | -1)[][] {
  return Array.from({ length: 2 ** K }, (_, m) => Array.from({ length: K }, (_, j) => ((m >> j) & 1 ? -1 : 1)));
}

/**
 * (11) for σ = +1 and (12) for σ = −1: σ R_j·x_i > 0 where I_ij = 1, σ R_j·x_i ≤ 0 where I_ij = 0.
 * Exported for the tests.
 */
export function signConditions(Rj: readonly Rational[], inputs: readonly (readonly Rational[])[], active: readonly number[], sigma: 1 | -1): boolean {
  return inputs.every((x, i) => {
    const s = dot(Rj, x).sign() * sigma;
    return active[i] === 1 ? s > 0 : s <= 0;
  });
}

/** Liu §4.3 literally: (11)/(12) for a unique R*, otherwise the intersection of the half-spaces (13) in c ∈ ℝ^{Kd}. */
export function paperCriterion({ data, region }: CellInstance): PaperCriterion {
  const N = data.inputs.length;
  const I = cellIndicators(region, N);
  const A = paperDesign(data.inputs, I);
  const Aplus = pseudoInverse(A);
  const y = data.targets.map((t) => t[0]!);
  const d = data.inputs[0]!.length;
  const K = region.length;
  const particular = Aplus.mulVec(y);
  const projector = Matrix.identity(F, A.cols).sub(Aplus.mul(A));
  const Rstar = blocks(particular, d);
  const column = (j: number, i: number) => Array.from({ length: N }, (_, n) => I[n]![j]!).at(i)!;
  if (projector.isZero()) {
    const holds = Rstar.every((Rj, j) => ([1, -1] as const).some((sigma) => signConditions(Rj, data.inputs, data.inputs.map((_, i) => column(j, i)), sigma)));
    return { unique: true, holds, Rstar };
  }
  const holds = signCombinations(K).some((sigmas) => {
    const constraints: LinearConstraint[] = [];
    sigmas.forEach((sigma, j) => {
      const rows = projector.toArrays().slice(j * d, (j + 1) * d); // (I − A⁺A)_j
      data.inputs.forEach((x, i) => {
        // σ x_iᵀ((A⁺y)_j + (I − A⁺A)_j c): a·c + b.
        const a = Array.from({ length: A.cols }, (_, col) => rows.reduce((s, row, k) => s.add(x[k]!.mul(row[col]!)), Rational.ZERO).mul(Rational.fromInt(sigma)));
        const b = dot(x, Rstar[j]!).mul(Rational.fromInt(sigma));
        if (I[i]![j] === 1) constraints.push({ coefficients: a, kind: '>', bound: b.neg() });
        else constraints.push({ coefficients: a.map((v) => v.neg()), kind: '>=', bound: b });
      });
    });
    return isFeasible({ dimension: A.cols, constraints });
  });
  return { unique: false, holds, Rstar };
}

/**
 * The statement's subject decided without the criterion: for a unique R*, some σ_j ∈ {+1, −1, 0}
 * per unit puts w_j = σ_j R*_j strictly inside unit j's cell (σ_j = 0: z_j = 0, allowed iff R*_j = 0,
 * with w_j any point of the non-empty open cell). Exported for the tests.
 */
export function uniqueRealisable(Rstar: readonly (readonly Rational[])[], inputs: readonly (readonly Rational[])[], region: readonly (readonly Sign[])[]): boolean {
  return Rstar.every((Rj, j) => Rj.every((v) => v.isZero()) || ([1, -1] as const).some((sigma) => inputs.every((x, i) => dot(Rj, x).sign() * sigma === region[j]![i])));
}

/** y = A R₀ for a small integer R₀ (drawn apart from the cell, so that shrinking keeps it): R*_j = 0 occurs. */
function fitted(instance: CellInstance, R0: readonly number[]): CellInstance {
  const I = cellIndicators(instance.region, instance.data.inputs.length);
  const A = paperDesign(instance.data.inputs, I);
  const y = A.mulVec(Array.from({ length: A.cols }, (_, k) => Rational.fromInt(R0[k] ?? 0)));
  return { ...instance, data: { inputs: instance.data.inputs, targets: y.map((v) => [v]) } };
}

/** ±1 or small rational labels (§2 says ±1; §4 never uses it), or labels fitted by some R₀. */
const instances: fc.Arbitrary<CellInstance> = fc
  .tuple(cellInstance({ maxPoints: 5, maxUnits: 2 }), fc.boolean(), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 4, maxLength: 4 }))
  .map(([instance, fit, R0]) => (fit ? fitted(instance, R0) : instance));

/** rank A = Kd: R* is unique (case 1). Case-1 instances are the rarer ones, so that check draws only those. */
const uniqueMinimiser = ({ data, region }: CellInstance): boolean =>
  rank(paperDesign(data.inputs, cellIndicators(region, data.inputs.length))) === region.length * data.inputs[0]!.length;

const minimum = ({ data, region }: CellInstance) => subglobalMinimum(data, regionActivations(region), { bias: false, outputBias: false, normalisation: 'mean' });

/** A genuine differentiable local minimum: the library LP (open cell, z_j ∈ {+1, −1, 0}), its point re-checked directly. */
function genuinePoint(instance: CellInstance): OneHiddenLayerPoint | null {
  const m = minimum(instance);
  const g = genuineness(m, instance.region, { inactive: 'strict', outputSigns: [1, -1, 0] });
  if (!g.genuine) return null;
  const inside = g.point.weights.every((w, j) => instance.data.inputs.every((x, i) => dot(w, x).sign() === instance.region[j]![i]));
  const fitted = m.design.mulVec(reparametrise(g.point));
  if (!inside || fitted.some((v, i) => !v.equals(m.fitted[i]!))) throw new Error('internal: the genuineness point is not a minimiser inside the cell');
  return g.point;
}

const witnessOf = (instance: CellInstance, criterion: PaperCriterion) => ({
  ...dataWitness(instance.data),
  region: instance.region.map((s) => s.join(' ')),
  'R* = A⁺y': showRows(criterion.Rstar),
  'paper criterion': criterion.holds,
});

/** The classifier confirms that a genuine point is a local minimum of L(z, w). */
function confirmedLocalMinimum(instance: CellInstance, point: OneHiddenLayerPoint): string | null {
  const k = classifyPoint(oneHiddenLayerNetwork(point), instance.data, squaredError('mean'));
  const min = k.localMin.nonStrict;
  return min.holds === true && min.basis !== 'evidence' ? null : `${k.kind}: ${min.reason}`;
}

const ROUTE = 'z3 on the cell\'s normal equations and sign conditions written from the raw instance';

/**
 * The second route of both cases: z3 decides the case, the criterion (some minimiser meets (11) or
 * (12) per unit), and then either that no minimiser is realised inside the open cell (criterion
 * true) or that the witness's point is a genuine local minimum (criterion false).
 */
async function confirmCriterionWrong(instance: CellInstance, witness: Witness, unique: boolean): Promise<Confirmation> {
  const caseOf = expectDecision(ROUTE, await nonUniqueMinimiser(instance), !unique);
  if (caseOf.status !== 'confirmed') return caseOf;
  const criterion = await paperCriterionHolds(instance);
  if (criterion.value === null) return expectDecision(ROUTE, criterion, false);
  if (criterion.value) return allConfirmed(ROUTE, [caseOf, expectDecision(ROUTE, criterion, true), expectDecision(ROUTE, await genuinePointExists(instance), false)]);
  const point = pointHint(witness);
  if (point === null) {
    const exists = await genuinePointExists(instance);
    return exists.value === false ? contradicted(ROUTE, 'neither the criterion nor a genuine point: they agree', exists.evidence) : unconfirmed(ROUTE, 'the witness names no genuine point');
  }
  return allConfirmed(ROUTE, [caseOf, expectDecision(ROUTE, criterion, false), await genuineMinimumAt(`${ROUTE}: the witness's point`, instance, point)]);
}

const uniqueCase = forAll({
  name: 'case 1) R* unique: (11) or (12) holds for every unit ⇔ a genuine differentiable local minimum lies in the cell',
  basis: 'certified',
  arbitrary: instances.filter(uniqueMinimiser),
  check: (instance) => {
    const criterion = paperCriterion(instance);
    if (!criterion.unique) return discard('R* is not unique (case 2)');
    const truth = uniqueRealisable(criterion.Rstar, instance.data.inputs, instance.region);
    const point = genuinePoint(instance);
    if (truth !== (point !== null)) throw new Error('internal: direct membership and the genuineness LP disagree');
    if (point !== null) {
      const why = confirmedLocalMinimum(instance, point);
      if (why !== null) return undecided(`the classifier does not certify the genuine point as a local minimum: ${why}`);
    }
    return criterion.holds === truth
      ? pass()
      : fail({ ...witnessOf(instance, criterion), 'genuine minimum in the open cell': truth, ...(point ? pointWitness(point) : {}) });
  },
  confirm: (instance, witness) => confirmCriterionWrong(instance, witness, true),
});

const continuousCase = forAll({
  name: 'case 2) R* continuous: the half-spaces (13) in c intersect for one sign per unit ⇔ a genuine differentiable local minimum lies in the cell',
  basis: 'certified',
  arbitrary: instances,
  check: (instance) => {
    const criterion = paperCriterion(instance);
    if (criterion.unique) return discard('R* is unique (case 1)');
    const point = genuinePoint(instance);
    if (point !== null) {
      const why = confirmedLocalMinimum(instance, point);
      if (why !== null) return undecided(`the classifier does not certify the genuine point as a local minimum: ${why}`);
    }
    return criterion.holds === (point !== null)
      ? pass()
      : fail({ ...witnessOf(instance, criterion), 'genuine minimum in the open cell': point !== null, ...(point ? pointWitness(point) : {}) });
  },
  confirm: (instance, witness) => confirmCriterionWrong(instance, witness, false),
});

const SIGNS_AS_WRITTEN: readonly OutputSign[] = [1, -1];

const sameAsLibraryReading = forAll({
  name: 'the literal criterion (11)–(13) agrees with the library LP read the paper\'s way (I_ij = 0 as ≤ 0, z_j = ±1 only)',
  basis: 'exact',
  arbitrary: instances,
  check: (instance) => {
    const criterion = paperCriterion(instance);
    const library = genuineness(minimum(instance), instance.region, { inactive: 'closed', outputSigns: SIGNS_AS_WRITTEN }).genuine;
    return criterion.holds === library ? pass() : fail({ ...witnessOf(instance, criterion), unique: criterion.unique, 'library (closed, ±1)': library });
  },
  // Both sides compute one predicate, so a disagreement is a fault of one of them, never the paper's:
  // z3 decides the predicate and names the side that is wrong.
  confirm: async (instance, witness) => {
    const p = await paperCriterionHolds(instance);
    if (p.value === null) return unconfirmed(ROUTE, 'the solver gave no answer', p.evidence);
    const wrong = p.value === witness['paper criterion'] ? 'the library LP' : 'the literal criterion';
    return contradicted(ROUTE, `both compute one predicate, which z3 decides ${p.value}: ${wrong} is wrong`, p.evidence);
  },
});

export default theorem({
  id: 'liu/criteria-11-13',
  paper: 'liu',
  title: 'Criteria (10)–(13): when the minimum of a cell is a genuine differentiable local minimum',
  statement:
    'Squared loss, homogeneous inputs (x, 1), a cell (I_ij fixed), N ≤ 5, d = 2, K ≤ 2. A genuine differentiable ' +
    'local minimum is a minimiser R* of the cell\'s L(R) realised by some (z, w) inside the open cell (the loss ' +
    'is differentiable only there; (10) writes ≤ 0 for I_ij = 0, which admits the kink, and is read as the ' +
    'paper\'s own words "inside their defining cells"). The paper\'s criterion is implemented literally: for a ' +
    'unique R* = A⁺y, every R*_j satisfies (11) (R_j·x_i > 0 if I_ij = 1, ≤ 0 if I_ij = 0) or (12) (< 0, ≥ 0); ' +
    'otherwise some choice of (11)/(12) per unit makes the half-spaces (13) in c ∈ ℝ^{Kd} intersect (exact LP). ' +
    'It is compared with the truth decided independently: for a unique R*, direct membership — some ' +
    'σ_j ∈ {+1, −1, 0} puts σ_j R*_j strictly in the cell (σ_j = 0 means z_j = 0, possible iff R*_j = 0, with ' +
    'w_j anywhere in the cell); in both cases the library\'s genuineness LP over the null space (strict signs, ' +
    'z_j ∈ {+1, −1, 0}) with its point re-checked, and the classifier confirming that point is a local minimum ' +
    'of L(z, w). The paper\'s two branches z_j > 0, z_j < 0 omit z_j = 0, so a unit with R*_j = 0 that is ' +
    'active on some sample fails (11) and (12) although z_j = 0 realises it; a kink R*_j·x_i = 0 passes (11) but ' +
    'is not inside the cell (R*_j = 0 with an active unit happens with ±1 labels too, e.g. x = (−1, 1), (1, 1), ' +
    '(−2, 1), (2, 1), y = (1, 1, −1, −1) in the all-active cell). Labels ±1, small rationals, or fitted y = AR₀ ' +
    '(so that R*_j = 0 occurs often). Third ' +
    'check: the literal criterion equals the library LP run in the paper\'s reading (closed, z_j = ±1).',
  checks: [uniqueCase, continuousCase, sameAsLibraryReading],
});
