import { Decimal } from 'decimal.js';
import {
  allConfirmed,
  confirmed,
  contradicted,
  example,
  LIU_MINIMUM_COUNT,
  LIU_PROBABILITY_DIGITS,
  liuProbabilityExperiment,
  numerical,
  reproduction,
  selfConsistentPosition,
  unconfirmed,
  type AnalyticVersusMonteCarlo,
  type Confirmation,
  type TableRow,
  type LiuExperimentPoint,
  type QuantityRow,
  type Reproduction,
} from '../../src/index.ts';
import { NORMAL_ERROR, SECOND_ROUTE_DIGITS, binomialTailBound, noneOf, simulateTrials, twoWeightGaps } from './_confirm.ts';

// §7.3: means x_± = ±1, identity covariance, N = 100, w_2 fixed at x = 0, w_1 moved over [0, 6].
const N = 100;
const FIXED = '0';
const POSITIONS = Array.from({ length: 25 }, (_, k) => String(k / 4));
const TRIALS = 20_000;
const FORMULA_SAMPLES = 200_000;
const SEED = 0;
/** Allowed Monte Carlo deviation in standard errors. */
const SIGMAS = 4;
/** "Close to 1" read as at least this. */
const CLOSE_TO_ONE = '0.99';

let cache: LiuExperimentPoint[] | null = null;
/** The experiment is deterministic (seeded); both tables read the same run. */
function experiment(): LiuExperimentPoint[] {
  cache ??= liuProbabilityExperiment({ positions: POSITIONS, fixedPosition: FIXED, samples: N, trials: TRIALS, formulaSamples: FORMULA_SAMPLES, seed: SEED });
  return cache;
}

const plain = (x: Decimal.Value, digits = 12): string => new Decimal(x).toSignificantDigits(digits).toFixed();
const at = (p: LiuExperimentPoint): string => `x_w1 = ${p.position}`;

/** One analytic value against its Monte Carlo estimate, with the tolerance of that estimate. */
interface Comparison {
  readonly where: string;
  readonly analytic: Decimal;
  readonly estimate: number;
  readonly tolerance: number;
}

/** A frequency of n Bernoulli trials: SIGMAS binomial standard errors at the analytic p, plus one count. */
function frequency(where: string, analytic: Decimal, hits: number, n: number): Comparison {
  const p = Math.min(1, Math.max(0, analytic.toNumber()));
  return { where, analytic, estimate: hits / n, tolerance: SIGMAS * Math.sqrt((p * (1 - p)) / n) + 1 / n };
}

/** A sample mean: SIGMAS estimated standard errors; left out below LIU_MINIMUM_COUNT samples. */
function mean(where: string, c: AnalyticVersusMonteCarlo): Comparison[] {
  if (c.estimate.count < LIU_MINIMUM_COUNT) return [];
  return [{ where, analytic: c.analytic, estimate: c.estimate.value, tolerance: SIGMAS * c.estimate.standardError }];
}

const proportion = (where: string, c: AnalyticVersusMonteCarlo): Comparison =>
  frequency(where, c.analytic, Math.round(c.estimate.value * c.estimate.count), c.estimate.count);

/**
 * The grid point with the largest |analytic − Monte Carlo| / tolerance as a row (the row holds iff
 * every point is within its tolerance), naming the largest absolute difference too.
 */
function worstRow(quantity: string, comparisons: readonly Comparison[]): QuantityRow {
  const gap = (c: Comparison): number => Math.abs(c.analytic.toNumber() - c.estimate);
  const worst = comparisons.reduce((a, b) => (gap(b) / b.tolerance > gap(a) / a.tolerance ? b : a));
  const largest = comparisons.reduce((a, b) => (gap(b) > gap(a) ? b : a));
  return {
    quantity:
      `${quantity} — ${comparisons.length} comparisons; worst relative to its tolerance at ${worst.where} ` +
      `(|Δ| = ${plain(gap(worst), 3)}); largest |Δ| = ${plain(gap(largest), 3)} at ${largest.where} (tolerance there ${plain(largest.tolerance, 3)})`,
    paper: plain(worst.analytic),
    computed: plain(worst.estimate),
    tolerance: plain(worst.tolerance, 6),
  };
}

const CLASS_LABELS = ['P_{1+}', 'P_{1−}', 'P_{3+}', 'P_{3−}'];
const MEAN_LABELS = ['x̄_{1+}', 'x̄_{1−}', 'x̄_{3+}', 'x̄_{3−}'];

function monteCarlo(): Reproduction {
  const points = experiment();
  const rows: QuantityRow[] = [
    worstRow(
      `(E.9) class masses ${CLASS_LABELS.join(', ')} (analytic) vs class frequencies in ${FORMULA_SAMPLES} samples`,
      points.flatMap((p) => p.classMasses.map((c, k) => proportion(`${at(p)}, ${CLASS_LABELS[k]}`, c))),
    ),
    worstRow(
      `(E.10) truncated means (analytic) vs class means of the samples in the region (regions with ≥ ${LIU_MINIMUM_COUNT} samples)`,
      points.flatMap((p) => p.truncatedMeans.flatMap((c) => mean(`${at(p)}, x̄ of ${plain(c.analytic, 4)}`, c))),
    ),
    worstRow(
      '(24) x_{w1*}, x_{w2*} (analytic) vs the mean of x − y over the samples of Ω_1, Ω_3',
      points.flatMap((p) => p.optimal.flatMap((c, k) => mean(`${at(p)}, x_{w${k + 1}*}`, c))),
    ),
    worstRow(
      `(E.7) P(x ∈ g_1), P(x ∈ g_2) (analytic) vs the fraction of ${FORMULA_SAMPLES} samples in the gap`,
      points.flatMap((p) => p.gaps.map((c, k) => proportion(`${at(p)}, g_${k + 1}`, c))),
    ),
    worstRow(
      `(25) (1 − P(g_1))^N vs the fraction of ${TRIALS} trials of N = ${N} samples with no sample in g_1`,
      points.map((p) => frequency(at(p), p.analytic.trappedPerWeight[0], p.trials.emptyGap[0], p.trials.trials)),
    ),
    worstRow(
      `(25) (1 − P_g)^N, P_g = P(g_1 ∪ g_2), vs the fraction of ${TRIALS} trials with no sample in g_1 ∪ g_2`,
      points.map((p) => frequency(at(p), p.analytic.trapped, p.trials.emptyUnion, p.trials.trials)),
    ),
    worstRow(
      `(25) (1 − P(g_1))^N as the probability that w_1's cell holds a genuine minimum: fraction of ${TRIALS} trials where the ` +
        "trial's own least-squares x_{w1*} (mean of x − y over Ω_1) lies in w_1's cell (no sample between) or Ω_1 is empty",
      points.map((p) => frequency(at(p), p.analytic.trappedPerWeight[0], p.trials.genuine[0], p.trials.trials)),
    ),
    worstRow(
      `(25) (1 − P_g)^N as the probability that the cell of (w_1, w_2) holds a genuine local minimum (both weights), ${TRIALS} trials`,
      points.map((p) => frequency(at(p), p.analytic.trapped, p.trials.genuineBoth, p.trials.trials)),
    ),
  ];
  return {
    values: rows,
    note:
      `Seeded Monte Carlo (mulberry32, Box–Muller, seed ${SEED}); x_w2 = ${FIXED}, x_w1 ∈ {0, 0.25, …, 6}, N = ${N}. ` +
      `Tolerances: ${SIGMAS} binomial standard errors at the analytic probability plus one count (frequencies), ` +
      `${SIGMAS} estimated standard errors (means). One large sample serves (E.7)–(E.10) and (24) at every grid point, ` +
      'one set of trials serves (25) at every grid point (common random numbers). The last two rows compare (25), which uses ' +
      "the population optimum (24), with what the trials' own loss does: its minimiser moves with the sample. A two-sample " +
      'instance of the gap: x = 1 and x = 5, both y = +1, w_1 at 3/4; g_1 ⊂ (0.74, 0.75) holds no sample, yet the loss in h_1 on ' +
      'this cell, (1 − h_1 − 1)² + (5 − h_1 − 1)², is minimised at h_1 = 2 and the sample at 1 lies between 3/4 and 2: the cell ' +
      'holds no local minimum (checked exactly in the tests of the Monte Carlo evaluator).',
    data: points.map((p) => ({
      position: p.position,
      optimal: p.analytic.optimal.map((x) => plain(x)),
      gapProbabilities: p.analytic.gapProbabilities.map((x) => plain(x)),
      trappedPerWeight: p.analytic.trappedPerWeight.map((x) => plain(x)),
      trapped: plain(p.analytic.trapped),
      trials: p.trials.trials,
      emptyGap: [...p.trials.emptyGap],
      emptyUnion: p.trials.emptyUnion,
      genuine: [...p.trials.genuine],
      genuineBoth: p.trials.genuineBoth,
    })),
  };
}

function analytic(): Reproduction {
  const points = experiment();
  const bound = points.map((p) => ({ p, slack: p.analytic.unionProbability.minus(p.analytic.maxGapProbability) }));
  const tightest = bound.reduce((a, b) => (b.slack.lt(a.slack) ? b : a));
  const far = points[points.length - 1]!;
  const near = points.filter((p) => Number(p.position) <= 2);
  const peak = near.reduce((a, b) => (b.analytic.trappedPerWeight[0].gt(a.analytic.trappedPerWeight[0]) ? b : a));
  const fixedPoint = selfConsistentPosition('0.5', '1', 12);
  const step = new Decimal(POSITIONS[1]!);
  return {
    values: [
      {
        quantity: `(E.8) P_g − max_i P(g_i) ≥ 0 at every grid point (smallest at ${at(tightest.p)})`,
        paper: '≥ 0',
        computed: plain(tightest.slack),
        compare: () => bound.every((b) => !b.slack.isNegative()),
        relation: '≥ 0 at all 25 points',
      },
      {
        quantity: `(1 − P(g_1))^N at ${at(far)} (w_1 alone; the reading of Fig. 4(b)): "close to 1" far from the data means`,
        paper: `≥ ${CLOSE_TO_ONE}`,
        computed: plain(far.analytic.trappedPerWeight[0]),
        compare: () => far.analytic.trappedPerWeight[0].gte(CLOSE_TO_ONE),
        relation: `≥ ${CLOSE_TO_ONE}`,
      },
      {
        quantity:
          `peak of (1 − P(g_1))^N on x_w1 ∈ [0, 2] (grid step ${step.toString()}: ${plain(peak.analytic.trappedPerWeight[0], 6)} at ${at(peak)}) vs ` +
          `the minimum of the loss, where h = x_{w1*}(h): h = ${plain(fixedPoint, 10)}`,
        paper: plain(fixedPoint, 10),
        computed: peak.position,
        tolerance: plain(step.div(2)),
      },
      {
        quantity:
          `literal (25)–(26): (1 − P(g_1 ∪ g_2))^N at ${at(far)}, x_w2 = ${FIXED} (g_2 = (${plain(far.analytic.optimal[1], 6)}, 0), ` +
          `P(g_2) = ${plain(far.analytic.gapProbabilities[1], 6)}): "close to 1" far from the data means`,
        paper: `≥ ${CLOSE_TO_ONE}`,
        computed: plain(far.analytic.trapped),
        compare: () => far.analytic.trapped.gte(CLOSE_TO_ONE),
        relation: `≥ ${CLOSE_TO_ONE}`,
      },
    ],
    note:
      `Φ and φ in decimal.js (Φ by its everywhere-convergent series with guard digits), results to ${LIU_PROBABILITY_DIGITS} ` +
      `digits. With w_2 at 0 its gap is (${plain(far.analytic.optimal[1], 6)}, 0) at every x_w1, so (1 − P_g)^N ≤ ` +
      `(1 − P(g_2))^N = ${plain(far.analytic.trappedPerWeight[1], 4)} everywhere: Fig. 4(b) as described ("close to 1" far away, ` +
      'a peak at the minimum) is the factor (1 − P(g_1))^N of w_1 alone, as is the "tensor product" of Fig. 4(c).',
  };
}

// The second route: Φ, φ and (24)–(26) in decimal.js with code of its own, and a Monte Carlo with
// its own generator (xoshiro128**, Marsaglia's polar method) and seed.
const SECOND_SEED = 20_240_607;
const SECOND_TRIALS = 100_000;
/** A Monte Carlo row differs when Chernoff's bound on the binomial tail under the analytic value is below this (beyond 6σ). */
const TAIL = 1e-9;
/** A Monte Carlo row agrees with the paper when the tail bound is above this. */
const AGREES = 1e-3;
const ANALYTIC_ROUTE = `decimal.js at ${SECOND_ROUTE_DIGITS} digits (Φ by the alternating erf series, its own code)`;
const MONTE_CARLO_ROUTE = `own Monte Carlo (xoshiro128**, polar method, seed ${SECOND_SEED}, ${SECOND_TRIALS} trials of N = ${N}) against ${ANALYTIC_ROUTE}`;

/** The first "x_w1 = …" of a row's text (the grid point the row names), or after `after`. */
function positionNamed(quantity: string, after = ''): string | null {
  const m = new RegExp(`${after}x_w1 = ([0-9.]+)`).exec(quantity);
  return m === null ? null : m[1]!;
}

/** A rigorous bound on (1 − p)^N from p within its error: every Φ is within NORMAL_ERROR, a mass adds four. */
function noneOfEnclosure(p: Decimal): { lo: Decimal; hi: Decimal } {
  const err = NORMAL_ERROR.times(8);
  return { lo: noneOf(Decimal.min(p.plus(err), 1), N), hi: noneOf(Decimal.max(p.minus(err), 0), N) };
}

/** "(1 − P(g_1))^N" and "(1 − P(g_1 ∪ g_2))^N ≥ 0.99 at the far point" recomputed, the rest left to the first route. */
function confirmAnalyticRow(row: TableRow): Confirmation {
  const literal = row.quantity.startsWith('literal (25)–(26)');
  if (!literal && !row.quantity.startsWith('(1 − P(g_1))^N at')) return unconfirmed(ANALYTIC_ROUTE, `no second route for the row "${row.quantity}"`);
  const h1 = positionNamed(row.quantity);
  if (h1 === null) return unconfirmed(ANALYTIC_ROUTE, 'the row names no position');
  const g = twoWeightGaps(h1, FIXED);
  const value = noneOfEnclosure(literal ? g.unionMass : g.gapMass[0]);
  const evidence = {
    position: h1,
    'x_w1*, x_w2*': g.optimal.map((v) => plain(v, 15)),
    'P(g_1), P(g_2), P(g_1 ∪ g_2)': [...g.gapMass, g.unionMass].map((v) => plain(v, 15)),
    enclosure: `[${plain(value.lo, 20)}, ${plain(value.hi, 20)}]`,
    'paper reading': `≥ ${CLOSE_TO_ONE}`,
  };
  if (value.hi.lt(CLOSE_TO_ONE)) return confirmed(ANALYTIC_ROUTE, evidence);
  if (value.lo.gte(CLOSE_TO_ONE)) return contradicted(ANALYTIC_ROUTE, `the value is at least ${CLOSE_TO_ONE}`, evidence);
  return unconfirmed(ANALYTIC_ROUTE, 'the enclosure contains the boundary', evidence);
}

/** The events of the trial rows, by the start of their text. */
const TRIAL_EVENTS = [
  { prefix: '(25) (1 − P(g_1))^N vs the fraction', event: 'emptyFirstGap', union: false },
  { prefix: '(25) (1 − P_g)^N, P_g = P(g_1 ∪ g_2), vs', event: 'emptyUnion', union: true },
  { prefix: '(25) (1 − P(g_1))^N as the probability', event: 'firstGenuine', union: false },
  { prefix: '(25) (1 − P_g)^N as the probability', event: 'bothGenuine', union: true },
] as const;

/**
 * Each differing trial row at the grid point it names as the worst: the frequency of its event in
 * an independent simulation against the analytic value, decided by Chernoff's tail bound.
 */
function confirmTrialRows(rows: readonly TableRow[]): Confirmation {
  const wanted = rows.map((row) => ({ row, kind: TRIAL_EVENTS.find((e) => row.quantity.startsWith(e.prefix)), h1: positionNamed(row.quantity, 'worst relative to its tolerance at ') }));
  const positions = [...new Set(wanted.flatMap((w) => (w.kind !== undefined && w.h1 !== null ? [w.h1] : [])))];
  const gaps = positions.map((h1) => twoWeightGaps(h1, FIXED));
  const events = simulateTrials(SECOND_SEED, SECOND_TRIALS, N, Number(FIXED), positions.map((h1, k) => ({ h1: Number(h1), gaps: gaps[k]!.gaps.map(([a, b]) => [a.toNumber(), b.toNumber()] as const) as never })));
  const parts = wanted.map(({ row, kind, h1 }): Confirmation => {
    if (kind === undefined || h1 === null) return unconfirmed(MONTE_CARLO_ROUTE, `no second route for the row "${row.quantity}"`);
    const k = positions.indexOf(h1);
    const g = gaps[k]!;
    const analytic = noneOf(kind.union ? g.unionMass : g.gapMass[0], N).toNumber();
    const hits = events[k]![kind.event];
    const bound = binomialTailBound(hits, SECOND_TRIALS, analytic);
    const sigma = Math.sqrt((analytic * (1 - analytic)) / SECOND_TRIALS);
    const evidence = { position: h1, event: kind.event, analytic: plain(analytic, 6), frequency: `${hits}/${SECOND_TRIALS}`, 'Chernoff tail bound': bound.toExponential(2), 'σ at the analytic value': sigma.toExponential(2), 'deviation in σ': ((hits / SECOND_TRIALS - analytic) / sigma).toFixed(1) };
    if (bound < TAIL) return confirmed(MONTE_CARLO_ROUTE, evidence);
    return bound > AGREES ? contradicted(MONTE_CARLO_ROUTE, 'the frequency agrees with the analytic value', evidence) : unconfirmed(MONTE_CARLO_ROUTE, `tail bound ${bound.toExponential(2)} decides neither way`, evidence);
  });
  return allConfirmed(MONTE_CARLO_ROUTE, parts);
}

export default example({
  id: 'liu/probability',
  paper: 'liu',
  title: '§7.2–7.3, App. E.2: probability of genuine local minima for two Gaussian classes, analytic vs Monte Carlo',
  statement:
    'Two weights parallel to i (Fig. 3, right): w_1 with normal +i at x_w1 (active on Ω_1 = (x_w1, ∞)), w_2 with normal −i ' +
    'at x_w2 ≤ x_w1 (active on Ω_3 = (−∞, x_w2)), z_k = n_k; the x coordinate is N(±1, 1) for labels ±1 of equal prior. ' +
    '(24) x_{wk*} = (P_+ x̄_+ + P_− x̄_− − P_+ + P_−)/(P_+ + P_−) over the unit\'s region, with (E.9) P = Φ-differences and ' +
    '(E.10) the truncated-Gaussian mean μ + (φ(a − μ) − φ(b − μ))/P; (E.7) P(x ∈ g_i) = ½[|ΔΦ(· − x_+)| + |ΔΦ(· − x_−)|] ' +
    'for the gap g_i between x_wi and x_{wi*}; (E.8) P_g = P(g_1 ∪ g_2) ≥ max_i P(g_i); (25) P_t = (1 − P_g)^N is the ' +
    'probability that local minima exist (no sample in the gaps). §7.3: N = 100, x_w2 = 0, x_w1 ∈ [0, 6]; Fig. 4(b): the ' +
    'probability is close to 1 far from the data means and peaks at the minimum of the loss. Checked on x_w1 ∈ {0, 0.25, …, 6}: ' +
    `the formulas at ${LIU_PROBABILITY_DIGITS} digits (Φ by series with guard digits), each against seeded Monte Carlo ` +
    `(${FORMULA_SAMPLES} samples; ${TRIALS} trials of N samples) within ${SIGMAS} standard errors; (25) both as "no sample in ` +
    "the gaps\" and as the frequency with which the trial's own loss has its minimiser in the cell of w (the event (25) " +
    'stands for). Reading: Fig. 4(b) plots (1 − P(g_1))^N of w_1 alone; the literal (25)–(26) with both gaps is checked too.',
  basis: numerical(LIU_PROBABILITY_DIGITS),
  reproduce: analytic,
  confirm: (rows) => allConfirmed(ANALYTIC_ROUTE, rows.map(confirmAnalyticRow)),
  checks: [reproduction({ name: 'monte-carlo', basis: 'evidence', reproduce: monteCarlo, confirm: confirmTrialRows })],
});
