import { NetworkError } from '../network/errors.ts';
import { gaussian } from './rng.ts';

/**
 * Monte Carlo for Liu §7.3 (floats, seeded): x coordinates of samples y + ε, ε ~ N(0, 1), labels
 * y = ±1 with probability ½ each, and the two-weight setting of §7.1 (w_1 normal +i at h_1,
 * w_2 normal −i at h_2 ≤ h_1, z_k = n_k). Only evidence: the analytic values come from liu-probability.ts.
 */

export interface LabelledSamples {
  readonly x: Float64Array;
  readonly y: Int8Array;
}

/** `count` i.i.d. samples of the two-Gaussian mixture with equal priors. */
export function twoGaussianSamples(random: () => number, count: number): LabelledSamples {
  if (!Number.isInteger(count) || count < 1) throw new NetworkError(`sample count must be a positive integer, got ${count}`);
  const x = new Float64Array(count);
  const y = new Int8Array(count);
  for (let i = 0; i < count; i++) {
    const label = random() < 0.5 ? 1 : -1;
    y[i] = label;
    x[i] = label + gaussian(random);
  }
  return { x, y };
}

/** Open interval (lower, upper) of the x axis; null ends are ∓∞. */
export interface FloatInterval {
  readonly lower: number | null;
  readonly upper: number | null;
}

const inside = (v: number, g: FloatInterval): boolean => (g.lower === null || v > g.lower) && (g.upper === null || v < g.upper);

/** An estimated mean with its standard error (sample standard deviation / √n). */
export interface MonteCarloEstimate {
  readonly value: number;
  readonly standardError: number;
  readonly count: number;
}

function meanOf(values: readonly number[]): MonteCarloEstimate {
  const n = values.length;
  if (n < 2) return { value: Number.NaN, standardError: Number.NaN, count: n };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { value: mean, standardError: Math.sqrt(variance / n), count: n };
}

/** Fraction of the samples in the interval, with its binomial standard error. */
export function intervalFrequency(samples: LabelledSamples, interval: FloatInterval): MonteCarloEstimate {
  let hits = 0;
  for (const v of samples.x) if (inside(v, interval)) hits++;
  const n = samples.x.length;
  const p = hits / n;
  return { value: p, standardError: Math.sqrt((p * (1 - p)) / n), count: n };
}

/** Fraction of one class's samples in the interval ((E.9) estimated), with its standard error. */
export function classFrequency(samples: LabelledSamples, label: 1 | -1, interval: FloatInterval): MonteCarloEstimate {
  let hits = 0;
  let n = 0;
  for (let i = 0; i < samples.x.length; i++) {
    if (samples.y[i] !== label) continue;
    n++;
    if (inside(samples.x[i]!, interval)) hits++;
  }
  const p = hits / n;
  return { value: p, standardError: Math.sqrt((p * (1 - p)) / n), count: n };
}

/** Mean x of one class's samples inside the interval ((E.10) estimated). */
export function classTruncatedMean(samples: LabelledSamples, label: 1 | -1, interval: FloatInterval): MonteCarloEstimate {
  const values: number[] = [];
  for (let i = 0; i < samples.x.length; i++) if (samples.y[i] === label && inside(samples.x[i]!, interval)) values.push(samples.x[i]!);
  return meanOf(values);
}

/** The least-squares position of a unit active on the region: the mean of x − y over its samples ((24) estimated). */
export function regionOptimum(samples: LabelledSamples, region: FloatInterval): MonteCarloEstimate {
  const values: number[] = [];
  for (let i = 0; i < samples.x.length; i++) if (inside(samples.x[i]!, region)) values.push(samples.x[i]! - samples.y[i]!);
  return meanOf(values);
}

/** Per trial of N samples: which of the events of §7.2 happened. */
export interface TrialCounts {
  readonly trials: number;
  /** No sample in the given gap g_1, in g_2, in g_1 ∪ g_2 (the events whose probability (25) states). */
  readonly emptyGap: readonly [number, number];
  readonly emptyUnion: number;
  /**
   * Weight k's cell contains a minimiser of its own least-squares problem: with the trial's samples,
   * no sample lies strictly between h_k and the empirical optimum (or no sample activates unit k: a plateau).
   */
  readonly genuine: readonly [number, number];
  /** Both weights at once: the cell of (h_1, h_2) contains a genuine local minimum. */
  readonly genuineBoth: number;
}

/**
 * Trials of `size` samples, each sorted by x, with prefix sums of x − y in that order, so that
 * counts and least-squares optima over half lines take two binary searches per trial.
 */
export interface SortedTrials {
  readonly size: number;
  readonly trials: number;
  /** Trial t occupies [t·size, (t + 1)·size), increasing. */
  readonly x: Float64Array;
  /** Trial t occupies [t·(size + 1), (t + 1)·(size + 1)): sums of x − y over the first j samples. */
  readonly prefix: Float64Array;
}

export function sortTrials(samples: LabelledSamples, size: number): SortedTrials {
  if (!Number.isInteger(size) || size < 1 || samples.x.length % size !== 0) {
    throw new NetworkError(`${samples.x.length} samples do not split into trials of ${size}`);
  }
  const trials = samples.x.length / size;
  const x = new Float64Array(samples.x.length);
  const prefix = new Float64Array(trials * (size + 1));
  // Labels are ±1: sort each class with the native numeric sort, then merge.
  for (let t = 0; t < trials; t++) {
    const from = t * size;
    const block = samples.x.subarray(from, from + size);
    const labels = samples.y.subarray(from, from + size);
    let count = 0;
    for (let k = 0; k < size; k++) if (labels[k] === 1) count++;
    const positives = new Float64Array(count);
    const negatives = new Float64Array(size - count);
    let p = 0;
    let n = 0;
    for (let k = 0; k < size; k++) {
      if (labels[k] === 1) positives[p++] = block[k]!;
      else negatives[n++] = block[k]!;
    }
    positives.sort();
    negatives.sort();
    const base = t * (size + 1);
    let i = 0;
    let j = 0;
    let sum = 0;
    prefix[base] = 0;
    for (let k = 0; k < size; k++) {
      const takePositive = j >= negatives.length || (i < positives.length && positives[i]! <= negatives[j]!);
      const v = takePositive ? positives[i++]! : negatives[j++]!;
      x[from + k] = v;
      sum += takePositive ? v - 1 : v + 1;
      prefix[base + k + 1] = sum;
    }
  }
  return { size, trials, x, prefix };
}

/** Number of samples of trial t with x ≤ v (x ≤ v when `inclusive`, else x < v). */
function rank(s: SortedTrials, t: number, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = s.size;
  const base = t * s.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const xm = s.x[base + mid]!;
    if (inclusive ? xm <= v : xm < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Samples of trial t strictly between a and b (either order). */
function countBetween(s: SortedTrials, t: number, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return Math.max(0, rank(s, t, hi, false) - rank(s, t, lo, true));
}

/** Least-squares position of a unit active on x > h (upper) or x < h (lower) in trial t; null without samples. */
function empiricalOptimum(s: SortedTrials, t: number, h: number, side: 'above' | 'below'): number | null {
  const base = t * (s.size + 1);
  const [from, to] = side === 'above' ? [rank(s, t, h, true), s.size] : [0, rank(s, t, h, false)];
  return to === from ? null : (s.prefix[base + to]! - s.prefix[base + from]!) / (to - from);
}

/**
 * The trials evaluated at weights (h_1, h_2) with the given (population) gaps [a, b]. The same
 * trials can be reused for every grid point (common random numbers).
 */
export function trialCounts(trials: SortedTrials, h1: number, h2: number, gaps: readonly [readonly [number, number], readonly [number, number]]): TrialCounts {
  if (h2 > h1) throw new NetworkError('h_2 ≤ h_1 in the two-weight setting');
  const emptyGap: [number, number] = [0, 0];
  const genuine: [number, number] = [0, 0];
  let emptyUnion = 0;
  let genuineBoth = 0;
  const units = [
    { h: h1, side: 'above' as const },
    { h: h2, side: 'below' as const },
  ];
  for (let t = 0; t < trials.trials; t++) {
    const empty = gaps.map(([a, b]) => countBetween(trials, t, a, b) === 0);
    const ok = units.map(({ h, side }) => {
      const optimum = empiricalOptimum(trials, t, h, side);
      return optimum === null || countBetween(trials, t, h, optimum) === 0;
    });
    for (const k of [0, 1] as const) {
      if (empty[k]) emptyGap[k]++;
      if (ok[k]) genuine[k]++;
    }
    if (empty[0] && empty[1]) emptyUnion++;
    if (ok[0] && ok[1]) genuineBoth++;
  }
  return { trials: trials.trials, emptyGap, emptyUnion, genuine, genuineBoth };
}
