// The second routes of the liu/ claims (properties/liu/_confirm.ts and the claims' `confirm`): each
// confirms where the negation of its statement holds — a stored witness, a hand-made instance, or, for
// statements that are theorems, the part of the negation that a point or an instance outside the
// hypotheses does satisfy — and does not confirm where the statement holds.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Claim, PropertyCheck, ReproductionCheck } from '../../../src/claims/claim.ts';
import { decodeInstance } from '../../../src/claims/codec.ts';
import type { Confirmation } from '../../../src/claims/confirmation.ts';
import type { TableRow } from '../../../src/claims/result.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { standardNormalCdf } from '../../../src/numbers/normal-distribution.ts';
import * as smt from '../../../src/smt/index.ts';
import { releaseSolver } from '../../../src/smt/solver.ts';
import * as route from '../../../properties/liu/_confirm.ts';
import appendixE1 from '../../../properties/liu/appendix-e1.ts';
import criteria from '../../../properties/liu/criteria-11-13.ts';
import eq2 from '../../../properties/liu/eq-2.ts';
import eq2024 from '../../../properties/liu/eq-20-24.ts';
import eq79 from '../../../properties/liu/eq-7-9.ts';
import lemma1 from '../../../properties/liu/lemma-1.ts';
import lemmaA2 from '../../../properties/liu/lemma-a2.ts';
import moorePenrose from '../../../properties/liu/moore-penrose.ts';
import probability from '../../../properties/liu/probability.ts';
import theorem1 from '../../../properties/liu/theorem-1.ts';
import theorem2 from '../../../properties/liu/theorem-2.ts';
import theorem3 from '../../../properties/liu/theorem-3.ts';

afterAll(releaseSolver);

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const rows = (...rs: number[][]): Rational[][] => rs.map((r) => r.map((v) => q(v)));
const pointOf = (w: number[][], z: number[]) => ({ weights: rows(...w), biases: null, outputWeights: z.map((v) => q(v)), outputBias: null });
const status = (c: Confirmation): string => c.status;

const CLAIMS: Record<string, Claim> = {
  'liu/theorem-1': theorem1,
  'liu/lemma-a2': lemmaA2,
  'liu/criteria-11-13': criteria,
  'liu/theorem-3': theorem3,
};

function check(claim: Claim, name: RegExp): PropertyCheck & { confirm: NonNullable<PropertyCheck['confirm']> } {
  const found = claim.checks.find((c) => name.test(c.name));
  if (found === undefined || found.kind !== 'property' || found.confirm === undefined) throw new Error(`no property check with a second route matching ${String(name)}`);
  return found as PropertyCheck & { confirm: NonNullable<PropertyCheck['confirm']> };
}

/** The check's second route on an instance, with the check's own witness when it fails (else an empty one). */
async function confirmOn(c: PropertyCheck & { confirm: NonNullable<PropertyCheck['confirm']> }, instance: unknown, witness?: Record<string, unknown>): Promise<Confirmation> {
  const outcome = c.evaluate(instance);
  return c.confirm(instance, witness ?? (outcome.status === 'fail' ? outcome.witness : {}));
}

describe('the stored witnesses of liu/ are confirmed by their checks\' second routes', () => {
  const root = 'counterexamples/liu';
  const files = readdirSync(root).flatMap((claim) => readdirSync(`${root}/${claim}`).map((f) => `${root}/${claim}/${f}`));

  it('there are six of them, for theorem-1, lemma-a2, criteria-11-13 and theorem-3', () => {
    expect(files).toHaveLength(6);
  });

  for (const file of files) {
    it(file, async () => {
      const record = JSON.parse(readFileSync(file, 'utf8')) as { claim: string; check: string; instance: unknown };
      const c = check(CLAIMS[record.claim]!, new RegExp(`^${record.check.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      const instance = decodeInstance(record.instance);
      const outcome = c.evaluate(instance);
      expect(outcome.status).toBe('fail');
      if (outcome.status !== 'fail') return;
      expect(outcome.certificate.kind).toBe('exact');
      expect(status(await c.confirm(instance, outcome.witness))).toBe('confirmed');
    });
  }
});

describe('network routes: local extrema, rays, kinks, cells (z3 on L(z, w) from the raw numbers)', () => {
  // Theorem 3's stored witness: a non-differentiable local minimum with (19) at equality.
  const boundary = { data: ratData([[1, 1], [0, 1], [-1, 1]], [-1, 3, 1]), point: pointOf([[-1, 1], [0, 1]], [1, 0]) };
  // Theorem 1's stored kink witness: w = 0, z = 2, x = (0, 1), y = 1, a local maximum that is not flat.
  const kink = { data: ratData([[0, 1]], [1]), point: pointOf([[0, 0]], [2]) };
  // A dead unit: L is constant near θ.
  const dead = { data: ratData([[0, 1]], [0]), point: pointOf([[0, -1]], [1]) };

  it('a local minimum and a local maximum are certified where they are, and not where they are not', async () => {
    expect(status(await route.localExtremum('t', boundary.data, boundary.point, 'minimum'))).toBe('confirmed');
    expect(status(await route.localExtremum('t', boundary.data, boundary.point, 'maximum'))).not.toBe('confirmed');
    expect(status(await route.localExtremum('t', kink.data, kink.point, 'maximum'))).toBe('confirmed');
    expect(status(await route.localExtremum('t', kink.data, kink.point, 'minimum'))).not.toBe('confirmed');
  });

  it('a strict local maximum is not certified where the loss is flat along w_1 (Theorem 1 leaves none to confirm)', async () => {
    expect(status(await route.localExtremum('t', kink.data, kink.point, 'maximum', true))).not.toBe('confirmed');
    expect(status(await route.localExtremum('t', dead.data, dead.point, 'maximum', true))).not.toBe('confirmed');
  });

  it('not locally constant: a descent ray from the hint or from the coordinate directions, none at a dead unit', async () => {
    const hint = { dw: rows([0, 1]), dz: [q(0)] };
    expect(status(await route.notLocallyConstant('t', kink.data, kink.point, hint, 'descent'))).toBe('confirmed');
    expect(status(await route.notLocallyConstant('t', kink.data, kink.point, null, 'descent'))).toBe('confirmed');
    expect(status(await route.notLocallyConstant('t', kink.data, kink.point, null, 'ascent'))).not.toBe('confirmed');
    expect(status(await route.notLocallyConstant('t', dead.data, dead.point, null))).not.toBe('confirmed');
  });

  it('differentiable and kink facts', async () => {
    expect(status(await route.differentiableAt('t', dead.data, dead.point))).toBe('confirmed');
    expect(status(await route.differentiableAt('t', kink.data, kink.point))).toBe('contradicted');
    expect(status(await route.onAKink('t', kink.data, kink.point))).toBe('confirmed');
    expect(status(await route.onAKink('t', dead.data, dead.point))).toBe('contradicted');
  });

  it('a lower value of the cell\'s L(R), and ∂L/∂R ≠ 0, exactly where R(θ) is not the cell\'s minimiser', async () => {
    const data = ratData([[0, 1]], [1]);
    const off = pointOf([[0, 2]], [1]); // f = 2, y = 1: L = 1, the cell's minimum is 0
    const at = pointOf([[0, 1]], [1]);
    expect(status(await route.cellMinimumBelow('t', data, off))).toBe('confirmed');
    expect(status(await route.cellMinimumBelow('t', data, at))).toBe('contradicted');
    expect(status(await route.someNonZero('t', '∂L/∂R ≠ 0', route.gradientInR(data, off).flat()))).toBe('confirmed');
    expect(status(await route.someNonZero('t', '∂L/∂R ≠ 0', route.gradientInR(data, at).flat()))).toBe('contradicted');
  });
});

describe('liu/theorem-1 and liu/lemma-1: the routes do not confirm where the statements hold', () => {
  const data = ratData([[0, 1]], [1]);
  const minimiser = { family: 'cell-minimum' as const, data, point: pointOf([[0, 1]], [1]) };

  it('(i) a cell minimiser: its loss is the cell\'s minimum, so "global in the cell" is not contradicted', async () => {
    expect(status(await check(theorem1, /attains the minimum/).confirm(minimiser, {}))).not.toBe('confirmed');
  });

  it('"no strict maximum", "flat maxima", "literal" and "kink" routes at points where those hold', async () => {
    const flat = { family: 'cell-point' as const, data: ratData([[0, 1]], [0]), point: pointOf([[0, -1]], [1]) };
    const kinkMin = { family: 'kink' as const, data: ratData([[0, 1]], [0]), point: pointOf([[1, 0]], [1]) };
    expect(status(await confirmOn(check(theorem1, /no strict local maximum/), { family: 'kink', data, point: pointOf([[0, 0]], [2]) }))).not.toBe('confirmed');
    expect(status(await check(theorem1, /locally constant \(what convexity/).confirm(flat, { 'descent ray': 'none' }))).not.toBe('confirmed');
    expect(status(await check(theorem1, /^literal/).confirm(minimiser, {}))).not.toBe('confirmed');
    expect(status(await check(theorem1, /at a kink/).confirm(kinkMin, { 'descent ray': 'none' }))).not.toBe('confirmed');
  });

  it('lemma 1: Theorem 2\'s saddle has ∂L/∂R ≠ 0 but is no local minimum, so the route does not confirm', async () => {
    const saddle = { family: 'saddle' as const, data: ratData([[1, 1], [-1, 1]], [1, -1]), point: pointOf([[0, 1]], [0]) };
    expect(status(await route.someNonZero('t', '∂L/∂R ≠ 0', route.gradientInR(saddle.data, saddle.point).flat()))).toBe('confirmed');
    expect(status(await check(lemma1, /∂L\/∂R_j = 0/).confirm(saddle, {}))).not.toBe('confirmed');
    expect(status(await check(lemma1, /∂L\/∂R_j = 0/).confirm(minimiser, {}))).not.toBe('confirmed');
  });
});

describe('liu/lemma-a2: (F.1), convexity and definiteness', () => {
  const definite = { data: ratData([[0, 1], [1, 1]], [1, 0]), region: [[1, 1]], R: rows([1, 1]), lossIndex: 0 };
  // Cubic hinge with residual 1 − yŷ = 0 at the first sample and 2 at the second: l'' is 0 and 24 there.
  const hinge = { data: ratData([[0, 1], [1, 1]], [1, -1]), region: [[1, 1]], R: rows([0, 1]), lossIndex: 1 };

  it('the Hessian by exact second differences equals (F.1), and differs from twice (F.1)', async () => {
    for (const instance of [definite, hinge]) {
      const cp = { data: instance.data, region: instance.region, R: instance.R, kind: instance.lossIndex === 0 ? ('squared' as const) : ('cubic hinge' as const) };
      expect(status(await check(lemmaA2, /^\(F\.1\)/).confirm(instance, {}))).toBe('contradicted');
      expect(status(await route.hessianDiffersFrom('t', cp, (a, b) => smt.mul(smt.real(2), route.formulaEntry(cp, a, b))))).toBe('confirmed');
    }
  });

  it('convexity holds (route contradicted); a segment outside the convex function\'s reach is not needed', async () => {
    expect(status(await check(lemmaA2, /Lemma A1/).confirm([definite, [q(3), q(-1)], q(1, 2)], {}))).toBe('contradicted');
    expect(status(await check(lemmaA2, /Lemma A1/).confirm([hinge, [q(-2), q(1)], q(1, 4)], {}))).toBe('contradicted');
  });

  it('positive definite where the x̃_i span: the literal route is contradicted; the equivalence route is contradicted at the stored witness', async () => {
    expect(status(await check(lemmaA2, /^literal/).confirm(definite, {}))).toBe('contradicted');
    const witness = { data: ratData([[0, 1]], [1]), region: [[1]], R: rows([0, 1]), lossIndex: 0 };
    expect(status(await check(lemmaA2, /iff the x̃_i span/).confirm(witness, {}))).toBe('contradicted');
    expect(status(await check(lemmaA2, /iff the x̃_i span/).confirm(definite, {}))).toBe('contradicted');
  });
});

describe('liu/criteria-11-13: the routes where the criterion is right', () => {
  const appB = ratData([[1, 0], [0, 1]], [1, -1]);

  it('case 1, App. B r4 with y2 = −1: the criterion fails and no genuine point exists', async () => {
    expect(status(await confirmOn(check(criteria, /case 1\)/), { data: appB, region: [[1, 1]] }, {}))).toBe('contradicted');
  });

  it('case 2, App. B r3: the criterion holds and a genuine point exists', async () => {
    expect(status(await confirmOn(check(criteria, /case 2\)/), { data: appB, region: [[1, -1]] }, {}))).toBe('contradicted');
  });

  it('the wrong case is refused: a case-1 instance is not confirmed by the case-2 route', async () => {
    expect(status(await confirmOn(check(criteria, /case 2\)/), { data: appB, region: [[1, 1]] }, {}))).toBe('contradicted');
  });

  it('the literal criterion against the library reading can only name the side that is wrong', async () => {
    const c = await check(criteria, /literal criterion/).confirm({ data: appB, region: [[1, -1]] }, { 'paper criterion': false });
    expect(c.status).toBe('contradicted');
    expect(c.status === 'contradicted' && c.reason).toMatch(/literal criterion is wrong/);
  });

  it('the decided predicates on hand-made cells', async () => {
    expect((await route.paperCriterionHolds({ data: appB, region: [[1, -1]] })).value).toBe(true);
    expect((await route.paperCriterionHolds({ data: appB, region: [[1, 1]] })).value).toBe(false);
    expect((await route.genuinePointExists({ data: appB, region: [[1, 1]] })).value).toBe(false);
    expect((await route.nonUniqueMinimiser({ data: appB, region: [[1, -1]] })).value).toBe(true);
  });
});

describe('liu/theorem-2 and liu/theorem-3: the routes at points where the statements hold', () => {
  const saddleData = ratData([[1, 1], [-1, 1]], [1, -1]);
  const saddle = { data: saddleData, region: [[1, 1]], stationary: [] as number[] };
  const saddleWitness = { z: ['0'], w: [['0', '1']] };

  it('Theorem 2: the recipe holds at the hand-made saddle, which is neither critical-free nor an extremum', async () => {
    expect(status(await route.confirmSat('t', 'recipe', () => route.saddleRecipe(saddleData, pointOf([[0, 1]], [0]), [[1, 1]], [])))).toBe('confirmed');
    const saddleCheck = check(theorem2, /classifier finds a saddle/);
    expect(saddleCheck.evaluate(saddle).status).toBe('pass');
    for (const failure of ['a local minimum', 'a local maximum', 'not critical']) {
      expect(status(await saddleCheck.confirm(saddle, { ...saddleWitness, failure }))).not.toBe('confirmed');
    }
    expect(status(await saddleCheck.confirm(saddle, { ...saddleWitness, failure: '∂L/∂z_j = 0 off (C.4)', unit: 0, 'w_j off (C.4)': ['1/2', '1'] }))).toBe('contradicted');
  });

  const equality = { data: ratData([[0, 1], [1, 1], [-2, 1]], [4, -2, 2]), weights: rows([-1, 1]), z: [q(1)], m: 0, n: 1 };

  it('Theorem 3 "if": the criterion holds at a criterion point, but it has no descent ray', async () => {
    const inside = { ...equality, data: ratData([[0, 1], [1, 1], [-2, 1]], [4, -3, 2]), sides: [-1, 1] as const };
    const c = check(theorem3, /^if:/);
    expect(c.evaluate(inside).status).toBe('pass');
    expect(status(await c.confirm(inside, { z: ['1'], w: [['-1', '1']], 'descent ray': 'none' }))).not.toBe('confirmed');
  });

  it('Theorem 3 "only if": a descent point with (19) < 0 is not a local minimum; the (19) = 0 hypotheses fail there', async () => {
    const violated = { ...equality, data: ratData([[0, 1], [1, 1], [-2, 1]], [4, -1, 2]), sides: [-1, -1] as const };
    expect(status(await check(theorem3, /strictly/).confirm(violated, {}))).not.toBe('confirmed');
    expect(status(await check(theorem3, /at equality/).confirm({ ...violated, sides: [-1, 0] as const }, {}))).toBe('contradicted');
    expect(status(await check(theorem3, /DR = d fails/).confirm(violated, {}))).not.toBe('confirmed');
  });
});

describe('exact identities: eq. (2), (5)–(9), Moore–Penrose, (20)–(24), App. E.1', () => {
  const appB = ratData([[1, 0], [0, 1]], [1, 1]);

  it('eq. (2): the routes are contradicted on a point in a cell and on a kink; c < 0 (outside the statement) changes the cell', async () => {
    const instance = { data: ratData([[1, 1], [-2, 1]], [1, -1]), region: [[1, -1]] };
    for (const point of [pointOf([[1, 0]], [2]), pointOf([[1, 2]], [-1])]) {
      expect(status(await check(eq2, /^Σ_j z_j/).confirm({ instance, point }, {}))).toBe('contradicted');
    }
    const point = pointOf([[1, 0]], [2]);
    expect(status(await check(eq2, /rescaling|\(c z_j/).confirm([instance, point, [q(3, 2)]], {}))).toBe('contradicted');
    expect(status(await check(eq2, /rescaling|\(c z_j/).confirm([instance, point, [q(-1)]], {}))).toBe('confirmed');
  });

  it('eqs. (5)–(9): every route is contradicted in the four cells of App. B', async () => {
    for (const signs of [[-1, -1], [-1, 1], [1, -1], [1, 1]]) {
      const instance = { data: appB, region: [signs], c: [q(1), q(-2)] };
      for (const c of eq79.checks) if (c.kind === 'property' && c.confirm !== undefined) expect(status(await c.confirm(instance, {}))).toBe('contradicted');
    }
  });

  it('Moore–Penrose: M⁺ by its least-squares definition is the known inverse of a rank-one matrix, and every route is contradicted', async () => {
    const M = rows([1, 2], [2, 4]); // M⁺ = M/25
    const equalsKnown = await route.confirmSat('t', 'M⁺ = M/25', (qq) => route.termMatrix.equal(route.pseudoInverseTerms(qq, M, 2, 'P'), route.termMatrix.literal(M.map((r) => r.map((v) => v.div(q(25)))))));
    const equalsWrong = await route.confirmSat('t', 'M⁺ = M/5', (qq) => route.termMatrix.equal(route.pseudoInverseTerms(qq, M, 2, 'P'), route.termMatrix.literal(M.map((r) => r.map((v) => v.div(q(5)))))));
    expect([status(equalsKnown), status(equalsWrong)]).toEqual(['confirmed', 'contradicted']);
    const system = { M, b: [q(1), q(0)], c: [q(1), q(-1)], n: 2 };
    const consistent = { ...system, b: [q(1), q(2)] };
    const [fullRank, identities, solvability, leastSquares] = moorePenrose.checks as PropertyCheck[];
    expect(status(await fullRank!.confirm!({ m: 2, n: 2, r: 1, F: rows([1], [2]), G: rows([1, 2]) }, {}))).toBe('contradicted');
    for (const instance of [system, consistent]) {
      for (const c of [identities!, solvability!, leastSquares!]) expect(status(await c.confirm!(instance, {}))).toBe('contradicted');
    }
  });

  it('eqs. (20)–(24): every route is contradicted on a two-weight instance', async () => {
    const instance = {
      data: { inputs: [[q(2)], [q(-2)], [q(3)], [q(1)]], targets: [[q(1)], [q(-1)], [q(1)], [q(-1)]] },
      weights: { normals: [1, -1] as (1 | -1)[], positions: [q(1, 2), q(-1)] },
    };
    for (const c of eq2024.checks) if (c.kind === 'property') expect(status(await c.confirm!(instance, {}))).toBe('contradicted');
  });

  it('App. E.1: contradicted where a), b), c) hold; confirmed when a sample sits where the hypotheses forbid one', async () => {
    const [equalRows, zeroRow, plateau] = appendixE1.checks as PropertyCheck[];
    const pair = { x: [q(-1), q(2)], y: [q(1), q(-1)], normals: [1, 1] as (1 | -1)[], h: [q(1, 4), q(3, 4)] };
    const between = { ...pair, x: [q(1, 2), q(2)] };
    expect(status(await equalRows!.confirm!(pair, {}))).toBe('contradicted');
    expect(status(await equalRows!.confirm!(between, {}))).toBe('confirmed');
    const empty = { x: [q(-1), q(0)], y: [q(1), q(1)], normals: [1] as (1 | -1)[], h: [q(1, 2)] };
    const occupied = { ...empty, x: [q(-1), q(1)] };
    expect(status(await zeroRow!.confirm!(empty, {}))).toBe('contradicted');
    expect(status(await zeroRow!.confirm!(occupied, {}))).toBe('confirmed');
    expect(status(await plateau!.confirm!(empty, { 'descent ray': 'none', 'ascent ray': 'none' }))).not.toBe('confirmed');
    expect(status(await plateau!.confirm!(occupied, { 'descent ray': 'none', 'ascent ray': 'none' }))).toBe('confirmed');
  });
});

describe('liu/probability: the formulas in decimal.js and an own Monte Carlo', () => {
  const reproduceCheck = probability.checks.find((c) => c.name === 'reproduce') as ReproductionCheck;
  const monteCarloCheck = probability.checks.find((c) => c.name === 'monte-carlo') as ReproductionCheck;
  const row = (quantity: string): TableRow => ({ quantity, paper: '≥ 0.99', computed: '0', match: false });

  it('Φ by the alternating erf series agrees with the library\'s other series to 10⁻⁹⁰', () => {
    for (const x of ['-7.25', '-1', '0', '0.5', '3', '7']) {
      expect(route.normalCdf(x).minus(standardNormalCdf(x, 100)).abs().lt('1e-90')).toBe(true);
    }
    expect(route.normalCdf('1.96').toSignificantDigits(12).toString()).toBe('0.975002104852');
  });

  it('the literal (25)–(26) at x_w1 = 6 is far below 0.99 (confirmed); (1 − P(g_1))^N there is above it (contradicted)', async () => {
    const literal = await reproduceCheck.confirm!([row('literal (25)–(26): (1 − P(g_1 ∪ g_2))^N at x_w1 = 6, x_w2 = 0: "close to 1"')], undefined);
    const own = await reproduceCheck.confirm!([row('(1 − P(g_1))^N at x_w1 = 6 (w_1 alone; the reading of Fig. 4(b)): "close to 1"')], undefined);
    expect([status(literal), status(own)]).toEqual(['confirmed', 'contradicted']);
    expect(status(await reproduceCheck.confirm!([row('(E.8) P_g − max_i P(g_i) ≥ 0 at every grid point')], undefined))).toBe('unknown');
  });

  it('the trials\' own minimiser leaves the cell far more often than (25) says (confirmed); "no sample in g_1" agrees with (25) (contradicted)', async () => {
    const worst = ' — 25 comparisons; worst relative to its tolerance at x_w1 = 3 (|Δ| = 0.37)';
    const genuine = row(`(25) (1 − P(g_1))^N as the probability that w_1's cell holds a genuine minimum${worst}`);
    const emptyGap = row(`(25) (1 − P(g_1))^N vs the fraction of 20000 trials of N = 100 samples with no sample in g_1${worst}`);
    const [a, b] = [await monteCarloCheck.confirm!([genuine], undefined), await monteCarloCheck.confirm!([emptyGap], undefined)];
    expect([status(a), status(b)]).toEqual(['confirmed', 'contradicted']);
  });

  it('Chernoff\'s bound: tiny far in the tail, 1 at the mean', () => {
    expect(route.binomialTailBound(19, 100_000, 8e-7)).toBeLessThan(1e-20);
    expect(route.binomialTailBound(50, 100, 0.5)).toBeCloseTo(1, 12);
  });
});
