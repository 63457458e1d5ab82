import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { PropertyCheck } from '../../../src/claims/claim.ts';
import { decodeInstance } from '../../../src/claims/codec.ts';
import type { Confirmation } from '../../../src/claims/confirmation.ts';
import { runClaim } from '../../../src/claims/runner.ts';
import type { TableRow } from '../../../src/claims/result.ts';
import { ratData, type Dataset } from '../../../src/network/dataset.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { releaseSolver } from '../../../src/smt/solver.ts';
import * as smt from '../../../src/smt/index.ts';
import {
  confirmAboveLeastValue,
  confirmBlockSystemFails,
  confirmBoxLeavesRegion,
  confirmCritical,
  confirmDeadUnitBreaksMinimum,
  confirmDefinite,
  confirmDerivativeDiffers,
  confirmExtremum,
  confirmExtremumAboveSubglobal,
  confirmGradientIsNotBlockResidual,
  confirmHistogramDefect,
  confirmJensenFails,
  confirmLeastValue,
  confirmLinearRegionPointFails,
  confirmLineSlopeNonZero,
  confirmLineStatusDiffers,
  confirmNetworkIsNotFixed,
  confirmNonSaddleAboveMinimum,
  confirmNotConvexInR,
  confirmProofPointNotIndefinite,
  confirmRay,
  confirmRegionCountDiffers,
  confirmRegionTotalDiffers,
  confirmReluProofPointNotIndefinite,
  confirmSemidefinite,
  confirmSemidefiniteCriticalAboveMinimum,
  confirmSignsKept,
  confirmStationaryVersusMinimal,
  confirmStatusesDiffer,
  confirmTupleValueDiffers,
  fixedLoss,
  fromFlat,
  leastSquaresValue,
  samples,
  type LossAt,
  type PointNumbers,
} from '../../../properties/decomposition/_confirm.ts';
import fig1 from '../../../properties/decomposition/fig-1.ts';
import fig2 from '../../../properties/decomposition/fig-2.ts';
import fig3 from '../../../properties/decomposition/fig-3.ts';
import sec32 from '../../../properties/decomposition/sec-3.2.ts';
import theorem25 from '../../../properties/decomposition/theorem-2.5.ts';

afterAll(releaseSolver);

const q = (text: string | number): Rational => (typeof text === 'number' ? Rational.fromInt(text) : Rational.parse(text));
const vec = (...xs: (string | number)[]): Rational[] => xs.map(q);
const point = (W: (string | number)[][], b: (string | number)[], v: (string | number)[], c: string | number): PointNumbers => ({
  weights: W.map((row) => vec(...row)),
  biases: vec(...b),
  outputWeights: vec(...v),
  outputBias: q(c),
});

const propertyCheck = (claim: { checks: readonly { kind: string; name: string }[] }, name: RegExp): PropertyCheck => {
  const found = claim.checks.find((c) => name.test(c.name));
  if (!found || found.kind !== 'property') throw new Error(`no check ${String(name)}`);
  return found as PropertyCheck;
};

const expectStatus = async (c: Promise<Confirmation> | Confirmation, status: Confirmation['status']) => {
  const got = await c;
  expect(got.status, got.status === 'confirmed' ? got.route : `${got.route}: ${got.reason}`).toBe(status);
  return got;
};

/** The stored §3.2 refutation: x = −4, 0, −2/3, y = 0, 0, −2/3; f = −2/31·relu(x + 5) and the unit w = 1, v = 0 on its kink at x = 0. */
const stored = JSON.parse(readFileSync(new URL('../../../counterexamples/decomposition/sec-3.2/090e106193f0.json', import.meta.url), 'utf8'));
const sec32Instance = decodeInstance(stored.instance) as { data: Dataset<Rational>; weight: Rational[]; outgoing: Rational; margin: Rational };
const sec32Small = point([[1]], [5], ['-2/31'], 0);
const sec32Large = point([[1], [1]], [5, 0], ['-2/31', 0], 0);
const sec32Descent = vec(0, 3, 0, 2, 0, 1, 0);

/** The instance of the old Theorem 2.5 (1) false alarm (seed 9): an indefinite Hessian whose direction was 10^17 long. */
const seed9 = {
  data: ratData([[4, -6], ['5/3', '5/2'], ['-5/3', '1/3'], [3, 5]], ['-3/4', 0, 6, 6]),
  region: [[-1, 1, 1, 1], [1, 1, 1, -1], [1, 1, 1, 1]],
  hidden: { weights: [vec(-4, '7/2'), vec('37/4', -16), vec(0, '1/8')], biases: vec(12, 32, 1) },
  v: vec(0, 1, 1),
};

/** One unit, two samples x = 0, 1 (y = 1, 3), active on both: L_gA = ½Σ(v(w x + b) + c − y)². */
const line = ratData([[0], [1]], [1, 3]);
const allOn = [[q(1)], [q(1)]];
const exactFit = point([[2]], [1], [1], 0); // v(wx + b) + c = 2x + 1: zero residuals
const offFit = point([[2]], [1], [1], 1); // residuals 1, 1

describe('decomposition second routes: building blocks', () => {
  const shape = { units: 1, inputDim: 1, bias: true, outputBias: true };
  const lossOnLine: LossAt = (_q, theta) => fixedLoss(samples(line), [[true], [true]], fromFlat(theta, shape));
  const thetaOf = (p: PointNumbers) => [...p.weights.flat(), ...p.biases, ...p.outputWeights, p.outputBias].map(smt.real);
  const bowl: LossAt = (_q, t) => smt.add(smt.square(t[0]!), smt.square(t[1]!));
  const saddle: LossAt = (_q, t) => smt.sub(smt.square(t[0]!), smt.square(t[1]!));

  it('a zero gradient is confirmed at an exact fit and contradicted off it', async () => {
    await expectStatus(confirmCritical('z3', lossOnLine, thetaOf(exactFit)), 'confirmed');
    await expectStatus(confirmCritical('z3', lossOnLine, thetaOf(offFit)), 'contradicted');
  });

  it('a value above the least value of ½‖AR − y‖² is confirmed off the fit; the least value at the fit', async () => {
    const data = samples(line);
    const value = (p: PointNumbers) => (qq: smt.SmtQuery) => lossOnLine(qq, thetaOf(p), 'theta');
    await expectStatus(confirmAboveLeastValue('z3', data, [[true], [true]], shape, value(offFit)), 'confirmed');
    await expectStatus(confirmAboveLeastValue('z3', data, [[true], [true]], shape, value(exactFit)), 'contradicted');
    await expectStatus(confirmLeastValue('z3', data, [[true], [true]], shape, value(exactFit)), 'confirmed');
    await expectStatus(confirmLeastValue('z3', data, [[true], [true]], shape, value(offFit)), 'contradicted');
  });

  it('curvature: θ₁² + θ₂² is positive definite and semidefinite, θ₁² − θ₂² neither', async () => {
    const origin = [smt.ZERO, smt.ZERO];
    await expectStatus(confirmDefinite('z3', bowl, origin, 'minimum'), 'confirmed');
    await expectStatus(confirmDefinite('z3', saddle, origin, 'minimum'), 'contradicted');
    await expectStatus(confirmSemidefinite('z3', bowl, origin), 'confirmed');
    await expectStatus(confirmSemidefinite('z3', saddle, origin), 'contradicted');
  });

  it('local extrema and rays: the bowl has a minimum at 0, descends from (1, 0) along −e₁ and not along +e₁', async () => {
    await expectStatus(confirmExtremum('z3', bowl, [smt.ZERO, smt.ZERO], 'minimum'), 'confirmed');
    // Every box around (1, 0) holds a lower value: no radius certifies, which decides nothing either way.
    await expectStatus(confirmExtremum('z3', bowl, [smt.real(1), smt.ZERO], 'minimum'), 'unknown');
    await expectStatus(confirmRay('z3', bowl, [smt.real(1), smt.ZERO], vec(-1, 0)), 'confirmed');
    await expectStatus(confirmRay('z3', bowl, [smt.real(1), smt.ZERO], vec(1, 0), 'descent', 4), 'unknown');
  });

  it('signs kept: every pre-activation keeps its sign near an interior point, not near a kink', async () => {
    const data = samples(ratData([[1], [-1]], [0, 2]));
    const at = (p: PointNumbers) => [...p.weights.flat(), ...p.biases, ...p.outputWeights, p.outputBias].map(smt.real);
    await expectStatus(confirmSignsKept('z3', data, at(point([[1]], [0], [2], 1)), shape, q('1/4')), 'confirmed');
    await expectStatus(confirmSignsKept('z3', data, at(point([[1]], [-1], [2], 1)), shape, q('1/4')), 'contradicted');
  });

  it('least-squares values by Gram–Schmidt: 0 for an exact line, ½·Σ residuals² of the mean otherwise', () => {
    expect(leastSquaresValue(samples(line), [[true, true]], true, true).equals(q(0))).toBe(true);
    // No unit active: only c, the mean 2, residuals ∓1.
    expect(leastSquaresValue(samples(line), [[false, false]], true, true).equals(q(1))).toBe(true);
    // No unit and no c: ½(1 + 9).
    expect(leastSquaresValue(samples(line), [[false, false]], true, false).equals(q(5))).toBe(true);
  });
});

describe('decomposition second routes on failing instances', () => {
  it('§3.2: the stored refutation is confirmed (θ a local minimum of the smaller network, a descent ray with the new unit)', async () => {
    const check = propertyCheck(sec32, /as written/);
    const outcome = check.evaluate(sec32Instance);
    expect(outcome.status).toBe('fail');
    if (outcome.status !== 'fail') return;
    await expectStatus(check.confirm!(sec32Instance, outcome.witness), 'confirmed');
    await expectStatus(confirmDeadUnitBreaksMinimum(sec32Instance.data, sec32Small, sec32Instance, sec32Descent), 'confirmed');
  });

  it('§3.2: no confirmation for a strictly dead unit or an outgoing weight that raises the loss', async () => {
    await expectStatus(confirmDeadUnitBreaksMinimum(sec32Instance.data, sec32Small, { ...sec32Instance, margin: q(1) }, sec32Descent), 'unknown');
    await expectStatus(confirmDeadUnitBreaksMinimum(sec32Instance.data, sec32Small, { ...sec32Instance, outgoing: q(-1) }, sec32Descent), 'unknown');
    // The loss does not change with a dead unit.
    await expectStatus(confirmDeadUnitBreaksMinimum(sec32Instance.data, sec32Small, sec32Instance, null), 'contradicted');
  });

  it('Lemma 2.2 (status): at the §3.2 kink point L_gA is at its least value while L_f descends — outside the lemma, so the route confirms', async () => {
    await expectStatus(confirmStatusesDiffer(sec32Instance.data, sec32Large, { fDescent: sec32Descent }), 'confirmed');
  });

  it('eq. (4): with the wrong activation values the network is not g_A; with its own it is', async () => {
    const data = ratData([[1], [-1]], [0, 2]);
    const p = point([[1]], [0], [2], 1);
    await expectStatus(confirmNetworkIsNotFixed(data, p, [[false], [true]]), 'confirmed');
    await expectStatus(confirmNetworkIsNotFixed(data, p), 'contradicted');
    await expectStatus(confirmNetworkIsNotFixed(data, p, [[true], [false]]), 'contradicted');
  });

  it('Lemma 2.2 (box): a move of fifty radii leaves the region; one of half a radius does not', async () => {
    const data = ratData([[1], [-1]], [0, 2]);
    const p = point([[1]], [0], [2], 1);
    const U = [vec(-1, 0, 0, 0)];
    await expectStatus(confirmBoxLeavesRegion(data, p, U, q(50)), 'confirmed');
    await expectStatus(confirmBoxLeavesRegion(data, p, U, q('1/2')), 'contradicted');
  });

  it('Lemma 2.2 (curvature): against L_gA of other activation values the derivatives differ; against its own they agree', async () => {
    const data = ratData([[1], [-1]], [0, 2]);
    const p = point([[1]], [0], [2], 1);
    // ∂L/∂c is the sum of the residuals: 3 − 1 with θ's activation values, 1 − 3 with the swapped ones.
    await expectStatus(confirmDerivativeDiffers(data, p, { k: 3, l: null }, [[false], [true]]), 'confirmed');
    await expectStatus(confirmDerivativeDiffers(data, p, { k: 3, l: null }), 'contradicted');
    await expectStatus(confirmDerivativeDiffers(data, p, { k: 0, l: 2 }), 'contradicted');
  });

  it('Lemma 2.3: Jensen fails for λ = 2 (outside [0, 1]) and holds for λ = 1/2', async () => {
    const data = ratData([[0], [1]], [1, 3]);
    const R1 = vec(1, 0, 0);
    const R2 = vec(0, 0, 0);
    await expectStatus(confirmJensenFails(data, allOn, R1, R2, q(2)), 'confirmed');
    await expectStatus(confirmJensenFails(data, allOn, R1, R2, q('1/2')), 'contradicted');
  });

  it('Fig. 1: the Fig. 1 inputs have 6 regions, not 7; random general-position data have the arrangement count', async () => {
    const inputs = [vec(-1, 1), vec(2, 1), vec(1, 3)];
    await expectStatus(confirmRegionCountDiffers(inputs, false, 7), 'confirmed');
    await expectStatus(confirmRegionCountDiffers(inputs, false, 6), 'contradicted');
    await expectStatus(confirmRegionCountDiffers(inputs, true), 'contradicted');
    // Not in general position (two parallel inputs): no confirmation.
    await expectStatus(confirmRegionCountDiffers([vec(1, 1), vec(2, 2)], false), 'unknown');
    const reproduce = fig1.checks[0]!;
    expect(reproduce.kind === 'reproduction' && reproduce.confirm !== undefined).toBe(true);
    if (reproduce.kind === 'reproduction') await expectStatus(reproduce.confirm!([], undefined), 'contradicted');
  });

  it('Fig. 2: a wrong derivation at (0, 1) (said not a local minimum) is confirmed wrong; the right one is not', async () => {
    const data = ratData([[-2], [2]], [-3, -1]);
    const derived = { localMin: true, localMax: false, strictMin: false, strictMax: false };
    await expectStatus(confirmLineStatusDiffers(data, q(1), { ...derived, localMin: false }, ['localMin']), 'confirmed');
    await expectStatus(confirmLineStatusDiffers(data, q(1), derived, ['localMin', 'strictMin']), 'contradicted');
    await expectStatus(confirmLineStatusDiffers(data, q(-1), { ...derived, localMin: false }, ['localMin']), 'contradicted');
  });

  it('Fig. 3: a wrong region total is confirmed, the right one contradicted; the figure rows by the own enumeration', async () => {
    const data = ratData([[-1, 1], [2, 1], [1, 3]], [1, 2, 3]);
    await expectStatus(confirmRegionTotalDiffers(data, false, 2, 35n), 'confirmed');
    await expectStatus(confirmRegionTotalDiffers(data, false, 2, 36n), 'contradicted');
    const reproduce = fig3.checks[0]!;
    if (reproduce.kind !== 'reproduction' || reproduce.confirm === undefined) throw new Error('fig-3 has no second route for its rows');
    const row = (quantity: string, paper: unknown, computed: unknown): TableRow => ({ quantity, paper: paper as never, computed: computed as never, match: false });
    await expectStatus(reproduce.confirm([row('non-empty activation regions of one node (Fig. 1)', 7, 6)], undefined), 'confirmed');
    await expectStatus(reproduce.confirm([row('non-empty activation regions of one node (Fig. 1)', 6, 7)], undefined), 'contradicted');
    await expectStatus(reproduce.confirm([row('share of regions above 0 (the global minimum at h = 5), h = 1 … 5', 'falls as h grows', [])], undefined), 'contradicted');
  });
});

describe('decomposition second routes where the statement holds', () => {
  it('Theorem 2.5 (1): the seed-9 proof point has an indefinite Hessian, so no confirmation', async () => {
    await expectStatus(confirmProofPointNotIndefinite(seed9.data, seed9.region, seed9.hidden, seed9.v), 'contradicted');
    // All activations zero: L_gA = ½Σ(c − y)² is convex.
    const dead = seed9.region.map((signs) => signs.map(() => -1));
    await expectStatus(confirmProofPointNotIndefinite(seed9.data, dead, seed9.hidden, seed9.v), 'contradicted');
  });

  it('Theorem 2.5 (2), (3): a global minimum is not above the least value; at the kink-free seed-9 point nothing is critical', async () => {
    const activations = [[q(1)], [q(1)]];
    await expectStatus(confirmSemidefiniteCriticalAboveMinimum(line, activations, exactFit), 'contradicted');
    await expectStatus(confirmNonSaddleAboveMinimum(line, activations, exactFit), 'contradicted');
    await expectStatus(confirmNonSaddleAboveMinimum(line, activations, offFit), 'contradicted');
  });

  it('Corollary 2.7: the proof point of a ReLU network has an indefinite Hessian; an exact fit is at its subglobal minimum', async () => {
    const data = ratData([[1], [-1], [2]], [0, 2, 1]);
    await expectStatus(confirmReluProofPointNotIndefinite(data, point([[1], [-1]], [0, '1/2'], [1, 2], 0)), 'contradicted');
    await expectStatus(confirmExtremumAboveSubglobal(line, exactFit, 'minimum'), 'contradicted');
  });

  it('Lemma 2.3: L_gA is convex in (p, q, c)', async () => {
    await expectStatus(confirmNotConvexInR(line, allOn, vec(1, 2, 3)), 'contradicted');
  });

  it('Lemma 2.4: stationary and minimal coincide at an exact fit and off it', async () => {
    await expectStatus(confirmStationaryVersusMinimal(line, allOn, vec(2, 1, 0)), 'contradicted');
    await expectStatus(confirmStationaryVersusMinimal(line, allOn, vec(2, 1, 1)), 'contradicted');
  });

  it('Lemma 2.2 (status): at an exact fit L_f has no descent along the hint', async () => {
    await expectStatus(confirmStatusesDiffer(line, exactFit, { fDescent: vec(1, 0, 0, 0) }), 'unknown');
  });

  it('Eqs. (6), (7): the gradient is M p − Y; the least-squares minimiser solves eq. (7); a non-solution is no counterexample', async () => {
    const data = ratData([[1, 0], [0, 1], [1, 1]], [1, 2, 4]);
    const activations = [[q(1)], [q(1)], [q(1)]];
    await expectStatus(confirmGradientIsNotBlockResidual(data, activations, vec(1, 2)), 'contradicted');
    // Normal equations [[2, 1], [1, 2]] p = [5, 6]: p = (4/3, 7/3).
    await expectStatus(confirmBlockSystemFails(data, activations, { minimiser: vec('4/3', '7/3') }), 'contradicted');
    await expectStatus(confirmBlockSystemFails(data, activations, { unsolvable: true }), 'contradicted');
    await expectStatus(confirmBlockSystemFails(data, activations, { solutions: [vec('4/3', '7/3')] }), 'contradicted');
    await expectStatus(confirmBlockSystemFails(data, activations, { solutions: [vec(1, 2)] }), 'contradicted');
  });

  it('§3.1: the eq. (5) point is active everywhere, fits the line and does not descend', async () => {
    // x = 0, 1, 2 with y = 0, 1, 0: the fit is the constant 1/3; W = 1 gives b = 1, v = 0, c = 1/3.
    const data = ratData([[0], [1], [2]], [0, 1, 0]);
    await expectStatus(confirmLinearRegionPointFails(data, [vec(1)], null), 'contradicted');
    await expectStatus(confirmLinearRegionPointFails(data, [vec(1)], { u: vec(0), d: q('1/3'), v: vec(0) }), 'contradicted');
    await expectStatus(confirmLinearRegionPointFails(data, [vec(1)], { u: vec(0), d: q('1/3'), v: vec(0), descent: vec(0, 0, 1, 0) }), 'unknown');
    // A wrong fit is not taken on trust.
    await expectStatus(confirmLinearRegionPointFails(data, [vec(1)], { u: vec(1), d: q(0), v: vec(1) }), 'unknown');
  });

  it('Fig. 2: the loss is flat in w2 on the line w1 = 0', async () => {
    await expectStatus(confirmLineSlopeNonZero(ratData([[-2], [2]], [-3, -1]), vec(-1, 0, '1/2', 3)), 'contradicted');
    const reproduce = fig2.checks[0]!;
    if (reproduce.kind !== 'reproduction' || reproduce.confirm === undefined) throw new Error('fig-2 has no second route for its rows');
    const row: TableRow = { quantity: 'non-differentiable local minima', paper: 'exist', computed: 'none found', match: false };
    await expectStatus(reproduce.confirm([row], undefined), 'unknown');
  });

  it('Fig. 3: a tuple and its distinct regions have the same value; the histograms of random data have no defect', async () => {
    const data = ratData([[-1, 1], [2, 1], [1, 3]], [1, 2, 3]);
    await expectStatus(confirmTupleValueDiffers(data, false, false, [[1, 1, 1], [1, 1, 1], [1, -1, 1]]), 'contradicted');
    // A sign vector that no unit realises is not taken on trust.
    await expectStatus(confirmTupleValueDiffers(ratData([[1], [2]], [0, 1]), false, false, [[1, -1]]), 'unknown');
    await expectStatus(confirmHistogramDefect(ratData([['2/3'], ['-3/2']], [2, -2]), false, false, 3), 'contradicted');
  });
});

describe('decomposition regressions', () => {
  it('Theorem 2.5 at seed 9, 300 runs: check (1) holds (an indefinite Hessian is never a failure of the segment search)', async () => {
    const result = await runClaim(theorem25, { runs: 300, seed: 9 });
    const shape = result.detail.checks.find((c) => c.name.startsWith('(1)'))!;
    expect(shape.verdict, shape.summary).toBe('holds');
    expect(result.verdict, result.detail.summary).toBe('holds');
  });

  it('Theorem 2.5 (1) on the seed-9 instance passes exactly', () => {
    const outcome = propertyCheck(theorem25, /^\(1\)/).evaluate(seed9);
    expect(outcome.status).toBe('pass');
  });
});
