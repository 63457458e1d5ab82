import { Decimal } from 'decimal.js';
import { NetworkError } from '../network/errors.ts';
import { standardNormalCdf, standardNormalPdf } from '../numbers/normal-distribution.ts';

/**
 * Liu §7.2 and App. E.2 for the two-weight setting of §7.1 (Fig. 3, right): w_1 with normal +i at
 * x = h_1 (active on Ω_1 = (h_1, ∞)), w_2 with normal −i at h_2 ≤ h_1 (active on Ω_3 = (−∞, h_2)),
 * z_k = n_k. The x coordinate of a sample is y + ε, ε ~ N(0, 1), with labels y = ±1 of equal prior
 * (class means x_± = ±1, identity covariance; the other coordinates integrate out).
 */

/** An interval of the x axis; null ends are ∓∞. */
export interface AxisInterval {
  readonly lower: Decimal | null;
  readonly upper: Decimal | null;
}

export type ClassSign = 1 | -1;

/** Digits of the analytic quantities (Φ itself is evaluated with guard digits on top). */
export const LIU_PROBABILITY_DIGITS = 40;

const D = Decimal.clone({ precision: LIU_PROBABILITY_DIGITS + 10, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
const WORK = LIU_PROBABILITY_DIGITS + 10;
/** Φ and φ memoised by argument: a grid with one weight fixed asks for the same values again and again. */
function memoised(f: (x: Decimal, digits: number) => Decimal): (x: Decimal) => Decimal {
  const seen = new Map<string, Decimal>();
  return (x) => {
    const key = x.toString();
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= 10_000) seen.clear();
      value = new D(f(x, WORK));
      seen.set(key, value);
    }
    return value;
  };
}
const cdf = memoised(standardNormalCdf);
const pdf = memoised(standardNormalPdf);
const ZERO = new D(0);
const ONE = new D(1);
const HALF = new D('0.5');

/** Φ(b − μ) − Φ(a − μ): the mass of N(μ, 1) on (a, b) — (E.9) for a half line. */
export function classMass(interval: AxisInterval, mean: ClassSign): Decimal {
  const upper = interval.upper === null ? ONE : cdf(new D(interval.upper).minus(mean));
  const lower = interval.lower === null ? ZERO : cdf(new D(interval.lower).minus(mean));
  return upper.minus(lower);
}

/**
 * (E.10) on any interval: the mean of N(μ, 1) truncated to (a, b) is μ + (φ(a − μ) − φ(b − μ))/P;
 * for (h, ∞) this is the paper's φ(h − x_+)/[1 − Φ(h − x_+)] + x_+.
 */
export function truncatedMean(interval: AxisInterval, mean: ClassSign): Decimal {
  const mass = classMass(interval, mean);
  if (mass.isZero()) throw new NetworkError('truncated mean of an interval without mass');
  const atLower = interval.lower === null ? ZERO : pdf(new D(interval.lower).minus(mean));
  const atUpper = interval.upper === null ? ZERO : pdf(new D(interval.upper).minus(mean));
  return atLower.minus(atUpper).div(mass).plus(mean);
}

/** (24): h* = (P_+ x̄_+ + P_− x̄_− − P_+ + P_−)/(P_+ + P_−) for the samples of one outer region. */
export function optimalPosition(region: AxisInterval): Decimal {
  const pPlus = classMass(region, 1);
  const pMinus = classMass(region, -1);
  const moment = pPlus.times(truncatedMean(region, 1)).plus(pMinus.times(truncatedMean(region, -1)));
  return moment.minus(pPlus).plus(pMinus).div(pPlus.plus(pMinus));
}

/** The interval between two points, in either order. */
export function intervalBetween(a: Decimal, b: Decimal): AxisInterval {
  return a.lte(b) ? { lower: a, upper: b } : { lower: b, upper: a };
}

/** (E.7): P(x ∈ g) = ½[|Φ(b − x_+) − Φ(a − x_+)| + |Φ(b − x_−) − Φ(a − x_−)|] under equal priors. */
export function gapProbability(gap: AxisInterval): Decimal {
  return HALF.times(classMass(gap, 1).abs().plus(classMass(gap, -1).abs()));
}

/** Disjoint, increasing intervals covering the same points as the given bounded ones. */
export function mergeGaps(intervals: readonly AxisInterval[]): AxisInterval[] {
  const bounded = intervals.map((g) => {
    if (g.lower === null || g.upper === null) throw new NetworkError('gaps are bounded intervals');
    return { lower: g.lower, upper: g.upper };
  });
  const sorted = bounded.filter((g) => g.lower.lt(g.upper)).sort((a, b) => a.lower.comparedTo(b.lower));
  const merged: { lower: Decimal; upper: Decimal }[] = [];
  for (const g of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && g.lower.lte(last.upper)) merged[merged.length - 1] = { lower: last.lower, upper: Decimal.max(last.upper, g.upper) };
    else merged.push(g);
  }
  return merged;
}

/** (26): P_g = P(x ∈ g_1 ∪ … ∪ g_K), the mixture mass of the union. */
export function unionProbability(gaps: readonly AxisInterval[]): Decimal {
  return mergeGaps(gaps).reduce((s, g) => s.plus(gapProbability(g)), ZERO);
}

/** (25): P_t = (1 − P_g)^N, the probability that none of N i.i.d. samples falls into the gaps. */
export function noSampleProbability(pGap: Decimal, samples: number): Decimal {
  if (!Number.isInteger(samples) || samples < 0) throw new NetworkError(`sample count must be a non-negative integer, got ${samples}`);
  return ONE.minus(new D(pGap)).pow(samples);
}

/** Everything §7.2 computes for the two weights at (h_1, h_2). */
export interface LiuTwoWeightProbability {
  readonly positions: readonly [Decimal, Decimal];
  /** (24): h_1* from Ω_1 = (h_1, ∞), h_2* from Ω_3 = (−∞, h_2). */
  readonly optimal: readonly [Decimal, Decimal];
  readonly gaps: readonly [AxisInterval, AxisInterval];
  /** (E.7) per gap. */
  readonly gapProbabilities: readonly [Decimal, Decimal];
  /** (26): P_g of the union. */
  readonly unionProbability: Decimal;
  /** (E.8)'s lower bound max_i P(g_i). */
  readonly maxGapProbability: Decimal;
  /** (25) with P_g of the union. */
  readonly trapped: Decimal;
  /** (25) with P_g ≈ max_i P(g_i), the paper's approximation (an upper bound of `trapped`). */
  readonly trappedMaxApproximation: Decimal;
  /** (1 − P(g_k))^N: the probability that weight k's own gap is empty. */
  readonly trappedPerWeight: readonly [Decimal, Decimal];
}

export function liuTwoWeightProbability(h1: Decimal.Value, h2: Decimal.Value, samples: number): LiuTwoWeightProbability {
  const a = new D(h1);
  const b = new D(h2);
  if (b.gt(a)) throw new NetworkError('§7.1 has w_2 (normal −i) at or left of w_1 (normal +i): h_2 ≤ h_1');
  const optimal: [Decimal, Decimal] = [optimalPosition({ lower: a, upper: null }), optimalPosition({ lower: null, upper: b })];
  const gaps: [AxisInterval, AxisInterval] = [intervalBetween(a, optimal[0]), intervalBetween(b, optimal[1])];
  const gapProbabilities: [Decimal, Decimal] = [gapProbability(gaps[0]), gapProbability(gaps[1])];
  const union = unionProbability(gaps);
  const max = new D(Decimal.max(...gapProbabilities));
  return {
    positions: [a, b],
    optimal,
    gaps,
    gapProbabilities,
    unionProbability: union,
    maxGapProbability: max,
    trapped: noSampleProbability(union, samples),
    trappedMaxApproximation: noSampleProbability(max, samples),
    trappedPerWeight: [noSampleProbability(gapProbabilities[0], samples), noSampleProbability(gapProbabilities[1], samples)],
  };
}

/**
 * The position h with h = h_1*(h) for w_1 (normal +i, Ω_1 = (h, ∞)): its gap is empty, (25) gives
 * P = 1 for that weight. Bisection on h − h_1*(h), which must change sign on [lower, upper].
 */
export function selfConsistentPosition(lower: Decimal.Value, upper: Decimal.Value, digits = 30): Decimal {
  const excess = (h: Decimal): Decimal => h.minus(optimalPosition({ lower: h, upper: null }));
  let lo = new D(lower);
  let hi = new D(upper);
  const sLo = excess(lo).isNegative();
  if (sLo === excess(hi).isNegative()) throw new NetworkError('h − h_1*(h) has the same sign at both ends');
  const width = new D(10).pow(-digits);
  while (hi.minus(lo).gt(width)) {
    const mid = lo.plus(hi).div(2);
    if (excess(mid).isNegative() === sLo) lo = mid;
    else hi = mid;
  }
  return lo.plus(hi).div(2);
}
