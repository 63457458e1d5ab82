// liu, Theorem 1 / App. A: differentiable local minima are global in their cell; "no local maxima".
import {
  Rational,
  allConfirmed,
  classifyPoint,
  discard,
  fail,
  forAll,
  oneHiddenLayerNetwork,
  pass,
  solve,
  squaredError,
  theorem,
  undecided,
  type Dataset,
  type Outcome,
  type PointClassification,
  type Witness,
} from '../../src/index.ts';
import { candidates, type Candidate } from './_candidates.ts';
import { dataWitness, indicators, paperDesign, pointWitness, rayWitness } from './_cells.ts';
import { cellMinimumBelow, differentiableAt, directionHint, localExtremum, notLocallyConstant, onAKink } from './_confirm.ts';

const loss = squaredError('mean');

const classify = ({ data, point }: Candidate): PointClassification => classifyPoint(oneHiddenLayerNetwork(point), data, loss);

/** min over R of (1/N)‖AR − y‖² for the cell of the point, from the normal equations AᵀAR = Aᵀy (solved by elimination). */
function cellMinimum(data: Dataset<Rational>, I: readonly (readonly number[])[]): Rational {
  const A = paperDesign(data.inputs, I);
  const y = data.targets.map((t) => t[0]!);
  const At = A.transpose();
  const solution = solve(At.mul(A), At.mulVec(y));
  if (solution.kind !== 'solution') throw new Error('internal: the normal equations are always consistent');
  const r = A.mulVec(solution.particular).map((v, i) => v.sub(y[i]!));
  return r.reduce((s, v) => s.add(v.mul(v)), Rational.ZERO).div(Rational.fromInt(data.inputs.length));
}

const certified = (d: { holds: boolean | null; basis: string }): boolean | null => (d.basis === 'evidence' ? null : d.holds);

const witnessOf = (c: Candidate, k: PointClassification) => ({
  family: c.family,
  ...dataWitness(c.data),
  ...pointWitness(c.point),
  loss: String(k.value),
  classifier: k.kind,
  differentiable: k.differentiable,
  'local max (non-strict)': k.localMax.nonStrict.reason,
  'local min (non-strict)': k.localMin.nonStrict.reason,
  'descent ray': rayWitness(k.localMin.nonStrict, c.point.weights.length, c.data.inputs[0]!.length, 'descent') ?? 'none',
});

/**
 * A non-strict local maximum is locally constant iff it is also a non-strict local minimum: pass
 * when the classifier certifies that, fail when it certifies a descent, undecided otherwise.
 */
function flatMaximum(c: Candidate, k: PointClassification): Outcome {
  const min = certified(k.localMin.nonStrict);
  if (min === true) return pass();
  if (min === null) return undecided(`a local maximum where constancy is undecided: ${k.localMin.nonStrict.reason}`);
  return fail(witnessOf(c, k));
}

const ROUTE = 'z3 on L(z, w) written from the raw instance';

/** Second route of the "flat maximum" checks: θ is a local maximum and some ray descends from it. */
const confirmProperMaximum = (where: 'differentiable' | 'kink') => async (c: Candidate, witness: Witness) =>
  allConfirmed(ROUTE, [
    await (where === 'differentiable' ? differentiableAt : onAKink)(`${ROUTE}: ${where}`, c.data, c.point),
    await localExtremum(`${ROUTE}: local maximum`, c.data, c.point, 'maximum'),
    await notLocallyConstant(`${ROUTE}: not constant near θ`, c.data, c.point, directionHint(witness['descent ray']), 'descent'),
  ]);

const globalInCell = forAll({
  name: 'every differentiable local minimum attains the minimum of its cell\'s L(R)',
  basis: 'certified',
  arbitrary: candidates(['cell-minimum', 'saddle', 'cell-point']),
  check: (c) => {
    const k = classify(c);
    if (!k.differentiable) return discard('the point is not differentiable');
    const min = certified(k.localMin.nonStrict);
    if (min === false) return pass();
    if (min === null) return undecided(`classifier undecided: ${k.localMin.nonStrict.reason}`);
    const best = cellMinimum(c.data, indicators(c.data.inputs, c.point.weights));
    return k.value.equals(best) ? pass() : fail({ ...witnessOf(c, k), 'cell minimum': String(best) });
  },
  confirm: async (c) =>
    allConfirmed(ROUTE, [
      await differentiableAt(`${ROUTE}: differentiable`, c.data, c.point),
      await localExtremum(`${ROUTE}: local minimum`, c.data, c.point, 'minimum'),
      await cellMinimumBelow(`${ROUTE}: the cell has a lower L(R)`, c.data, c.point),
    ]),
});

const noStrictMaximum = forAll({
  name: 'no strict local maximum (L(θ′) < L(θ) for all θ′ ≠ θ near θ), at differentiable points and at kinks',
  basis: 'certified',
  arbitrary: candidates(['cell-minimum', 'saddle', 'cell-point', 'kink']),
  check: (c) => {
    const k = classify(c);
    const strict = certified(k.localMax.strict);
    if (strict === null) return undecided(`classifier undecided: ${k.localMax.strict.reason}`);
    return strict ? fail(witnessOf(c, k)) : pass();
  },
  confirm: (c) => localExtremum(`${ROUTE}: strict local maximum`, c.data, c.point, 'maximum', true),
});

const differentiableMaximaAreFlat = forAll({
  name: 'at a differentiable point, a non-strict local maximum is a point where L is locally constant (what convexity of L(R) gives)',
  basis: 'certified',
  arbitrary: candidates(['cell-minimum', 'saddle', 'cell-point']),
  check: (c) => {
    const k = classify(c);
    if (!k.differentiable) return discard('the point is not differentiable');
    const max = certified(k.localMax.nonStrict);
    if (max === false) return pass();
    if (max === null) return undecided(`classifier undecided: ${k.localMax.nonStrict.reason}`);
    return flatMaximum(c, k);
  },
  confirm: confirmProperMaximum('differentiable'),
});

const noMaximumAtDifferentiablePoints = forAll({
  name: 'literal: no local maximum (L(θ′) ≤ L(θ) near θ) at differentiable points',
  basis: 'certified',
  arbitrary: candidates(['cell-minimum', 'saddle', 'cell-point']),
  check: (c) => {
    const k = classify(c);
    if (!k.differentiable) return discard('the point is not differentiable');
    const max = certified(k.localMax.nonStrict);
    if (max === null) return undecided(`classifier undecided: ${k.localMax.nonStrict.reason}`);
    return max ? fail(witnessOf(c, k)) : pass();
  },
  confirm: async (c) =>
    allConfirmed(ROUTE, [
      await differentiableAt(`${ROUTE}: differentiable`, c.data, c.point),
      await localExtremum(`${ROUTE}: local maximum`, c.data, c.point, 'maximum'),
    ]),
});

const noProperMaximumAtKinks = forAll({
  name: 'at a kink, no local maximum other than where L is locally constant',
  basis: 'certified',
  arbitrary: candidates(['kink']),
  check: (c) => {
    const k = classify(c);
    if (k.differentiable) return discard('the point is differentiable');
    const max = certified(k.localMax.nonStrict);
    if (max === false) return pass();
    if (max === null) return undecided(`classifier undecided: ${k.localMax.nonStrict.reason}`);
    return flatMaximum(c, k);
  },
  confirm: confirmProperMaximum('kink'),
});

export default theorem({
  id: 'liu/theorem-1',
  paper: 'liu',
  title: 'Theorem 1: differentiable local minima are global in their cell; no local maxima',
  statement:
    'Squared loss L(z, w) = (1/N)Σ_i(Σ_j z_j[w_j·x_i]_+ − y_i)², homogeneous inputs (x, 1), K ≤ 2, N ≤ 3. ' +
    '(i) "Any differentiable local minimum is a global minimum" is read, as the paper itself explains after ' +
    'the theorem and in §4, as global in its cell: its loss equals min_R (1/N)‖AR − y‖² of the cell (computed ' +
    'from the normal equations by elimination). (ii) "There are no local maxima" is checked in both senses. ' +
    'The proof shows only that a local maximum of L(z, w) inside a cell is one of the convex L(R), and a convex ' +
    'function has no strict local maximum and only locally constant non-strict ones. So: no strict local ' +
    'maximum anywhere (expected to hold: the rescaling (c z_j, w_j/c), or (0, w_j) when z_j = 0, keeps the loss); ' +
    'at differentiable points every non-strict local maximum is locally constant (the content of the proof); ' +
    'the literal statement in the usual non-strict sense at differentiable points (with homogeneous inputs the ' +
    'dead cell w_j·x_i < 0 for all i always exists, where L is constant: a non-strict local maximum); and at ' +
    'kinks, where the proof does not apply, no non-strict local maximum other than locally constant ones. ' +
    'Every decision is the classifier\'s (classifyPoint: exact gradient, LDLᵀ inertia, certified rays, ' +
    'reparametrised certificates, equal-loss curves); undecided points make the verdict inconclusive. ' +
    'Candidates: cell minimisers realised in their open cell, Theorem 2\'s critical points, arbitrary points ' +
    'of open cells (dead cells included) and points on faces of the arrangement (w_j = 0 included).',
  checks: [globalInCell, noStrictMaximum, differentiableMaximaAreFlat, noMaximumAtDifferentiablePoints, noProperMaximumAtKinks],
});
