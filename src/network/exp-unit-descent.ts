import type { Decimal } from 'decimal.js';
import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import {
  augmentedValue,
  baseValue,
  convertHead,
  convertProblem,
  type AugmentedProblem,
  type ExpUnitParameters,
} from './augmented-objective.ts';
import type { DecimalInterval, IntervalField } from '../numbers/decimal-interval.ts';
import { distinctInputGroups, groupedLossGradients, separatingDirection, stationarityMoments, unitSlope } from './stationarity-moments.ts';

/**
 * (a e^{−t}, b + t·1, W): every g_k(x) = a_k e^{−t} e^{w_kᵀx + b_k + t} is unchanged while the penalty
 * λ‖a‖² shrinks by e^{−2t}. Its t-derivative at t = 0 is Σ_k (∂L̃/∂b_k − a_k ∂L̃/∂a_k) = −2λ‖a‖²: eq. (9).
 */
export function rescaledHead<T>(F: Field<T>, exp: (z: T) => T, head: ExpUnitParameters<T>, t: T): ExpUnitParameters<T> {
  const shrink = exp(F.neg(t));
  return { a: head.a.map((v) => F.mul(v, shrink)), b: head.b.map((v) => F.add(v, t)), w: head.w };
}

/** Enclosures of L̃ along the rescaling ray, with the closed form L̃(start) − λ‖a‖²(1 − e^{−2t}) beside them. */
export interface RayCertificate {
  readonly kind: 'ray';
  readonly start: DecimalInterval;
  readonly points: readonly { readonly t: Rational; readonly value: DecimalInterval; readonly predicted: DecimalInterval }[];
  /** Each value lies entirely below the previous one (the start first): a certified strict decrease. */
  readonly strictlyDecreasing: boolean;
  /** Each value's enclosure meets the closed form's. */
  readonly matchesClosedForm: boolean;
}

export const enclosuresOverlap = (x: DecimalInterval, y: DecimalInterval): boolean => x.lo.lte(y.hi) && y.lo.lte(x.hi);

/** x certainly < y. */
export const certainlyBelow = (x: DecimalInterval, y: DecimalInterval): boolean => x.hi.lt(y.lo);

/** L̃ along (a e^{−t}, b + t, W) for the given t > 0, in interval arithmetic. */
export function rescalingRay(p: AugmentedProblem<DecimalInterval>, head: ExpUnitParameters<DecimalInterval>, ts: readonly Rational[]): RayCertificate {
  const F = p.field;
  const start = augmentedValue(p, head);
  const points = ts.map((t) => {
    const ti = F.fromRational(t);
    const value = augmentedValue(p, rescaledHead(F, p.exp, head, ti)).value;
    const decay = F.sub(F.one, p.exp(F.mul(F.fromInt(-2), ti)));
    return { t, value, predicted: F.sub(start.value, F.mul(start.penalty, decay)) };
  });
  const values = [start.value, ...points.map((q) => q.value)];
  return {
    kind: 'ray',
    start: start.value,
    points,
    strictlyDecreasing: values.every((v, i) => i === 0 || certainlyBelow(v, values[i - 1]!)),
    matchesClosedForm: points.every((q) => enclosuresOverlap(q.value, q.predicted)),
  };
}

/** A point (a_k = −sτ, b, w_k + ε̄u) close to (0, b, W) where L̃ is certified below L(θ). */
export interface DescentPoint {
  readonly epsilon: Rational;
  /** ζ_k(ε̄) = m·∂L̃/∂a_k there at a = 0 (an enclosure excluding 0). */
  readonly slope: DecimalInterval;
  readonly tau: Rational;
  readonly value: DecimalInterval;
  /** L̃ at a_k = −sσ for σ = τ·j/samples, j = 1 … samples (strictly decreasing when samples > 1). */
  readonly samples: readonly DecimalInterval[];
}

/**
 * Why (0, b, W) is not a local minimum when θ is not per-input optimal (the proof of Theorem 1 run
 * backwards): some distinct input x̄_j has Σ_{i∈I_j} ∇ℓ_{y_i}(f(x̄_j))_k ≠ 0, so by the Vandermonde
 * argument of eq. (12) some moment z_t (t ≤ m' − 1) is non-zero; then ζ_k(ε̄) = Σ_t ε̄^t z_t / t! is a
 * non-zero analytic function, non-zero for all small ε̄ ≠ 0, and moving a_k against its sign lowers L̃.
 */
export interface MomentCertificate {
  readonly kind: 'moments';
  readonly unit: number;
  readonly groupSums: readonly Rational[];
  readonly direction: readonly Rational[];
  /** The first t with z_t certified non-zero, and z_0 … z_t. */
  readonly order: number;
  readonly moments: readonly DecimalInterval[];
  readonly baseValue: DecimalInterval;
  readonly points: readonly DescentPoint[];
}

export type MomentOutcome = MomentCertificate | { readonly kind: 'optimal' } | { readonly kind: 'failed'; readonly reason: string };

export interface MomentOptions {
  /** Distances ε̄ (when the order is > 0) and first trial τ at which descent points are exhibited. */
  readonly radii?: readonly Rational[];
  /** Sample points per a-segment that must decrease strictly (1: only the end point is compared with L(θ)). */
  readonly samples?: number;
}

const DEFAULT_RADII = [Rational.of(1, 100), Rational.of(1, 10_000), Rational.of(1, 1_000_000)];

export function momentDescent(
  pq: AugmentedProblem<Rational>,
  I: IntervalField,
  head: Pick<ExpUnitParameters<Rational>, 'b' | 'w'>,
  options: MomentOptions = {},
): MomentOutcome {
  const groups = distinctInputGroups(pq.inputs);
  const sums = groupedLossGradients(pq, groups);
  const dy = pq.outputs[0]!.length;
  const unit = Array.from({ length: dy }, (_, k) => k).find((k) => sums.some((s) => !s[k]!.isZero()));
  if (unit === undefined) return { kind: 'optimal' };
  const p = convertProblem(pq, I);
  const zeroA = pq.outputs[0]!.map(() => Rational.ZERO);
  const hI = convertHead(I, { a: zeroA, b: head.b, w: head.w });
  const u = separatingDirection(groups.points);
  const uI = u.map((v) => I.fromRational(v));
  const moments = stationarityMoments(p, hI, unit, uI, groups.points.length - 1);
  const order = moments.findIndex((z) => !z.containsZero());
  if (order < 0) return { kind: 'failed', reason: `no moment z_0 … z_${moments.length - 1} certified non-zero at ${I.precision} digits` };
  const L0 = baseValue(p);
  const points: DescentPoint[] = [];
  for (const r of options.radii ?? DEFAULT_RADII) {
    const point = descentPointAt(p, I, hI, unit, u, order === 0 ? Rational.ZERO : r, r, L0, options.samples ?? 1);
    if (typeof point === 'string') return { kind: 'failed', reason: point };
    points.push(point);
  }
  return { kind: 'moments', unit, groupSums: sums.map((s) => s[unit]!), direction: u, order, moments: moments.slice(0, order + 1), baseValue: L0, points };
}

function descentPointAt(
  p: AugmentedProblem<DecimalInterval>,
  I: IntervalField,
  head: ExpUnitParameters<DecimalInterval>,
  unit: number,
  u: readonly Rational[],
  epsilon: Rational,
  firstTau: Rational,
  L0: DecimalInterval,
  samples: number,
): DescentPoint | string {
  const uI = u.map((v) => I.fromRational(v));
  const slope = unitSlope(p, head, unit, uI, I.fromRational(epsilon));
  if (slope.containsZero()) return `ζ(${epsilon.toString()}) not certified non-zero: ${slope.toString()}`;
  const s = slope.isPositive() ? Rational.MINUS_ONE : Rational.ONE;
  const w = head.w.map((wk, k) => (k === unit ? wk.map((v, c) => I.add(v, I.mul(I.fromRational(epsilon), uI[c]!))) : wk));
  const at = (sigma: Rational): DecimalInterval => {
    const a = head.a.map((v, k) => (k === unit ? I.fromRational(s.mul(sigma)) : v));
    return augmentedValue(p, { a, b: head.b, w }).value;
  };
  let tau = firstTau;
  for (let attempt = 0; attempt < 80; attempt++, tau = tau.div(Rational.of(10))) {
    // The end point first (one evaluation); the intermediate samples only once it is below L(θ).
    const end = at(tau);
    if (!certainlyBelow(end, L0)) continue;
    const values = [...Array.from({ length: samples - 1 }, (_, j) => at(tau.mul(Rational.of(j + 1, samples)))), end];
    const chain = [L0, ...values];
    if (chain.every((v, j) => j === 0 || certainlyBelow(v, chain[j - 1]!))) return { epsilon, slope, tau, value: end, samples: values };
  }
  return `no step τ ≤ ${firstTau.toString()} certified to lower L̃ below L(θ) at ε̄ = ${epsilon.toString()}`;
}

export type NotLocalMinimum = RayCertificate | MomentCertificate;

/**
 * A certificate that (a, b, W) is not a local minimum of L̃|θ: for a ≠ 0 the rescaling ray (values
 * strictly below L̃(a, b, W) at every t > 0, arbitrarily close to the point); for a = 0 the moment
 * descent (requires θ not per-input optimal). Returns the reason when neither can be certified.
 */
export function notLocalMinimum(
  pq: AugmentedProblem<Rational>,
  I: IntervalField,
  head: ExpUnitParameters<Rational>,
  rayTimes: readonly Rational[] = [Rational.of(1, 1_000_000), Rational.of(1, 1000), Rational.of(1, 10), Rational.ONE, Rational.of(10)],
): NotLocalMinimum | { readonly kind: 'optimal' } | { readonly kind: 'failed'; readonly reason: string } {
  if (head.a.some((v) => !v.isZero())) {
    const ray = rescalingRay(convertProblem(pq, I), convertHead(I, head), rayTimes);
    if (!ray.strictlyDecreasing || !ray.matchesClosedForm) {
      return { kind: 'failed', reason: `rescaling ray: decreasing ${ray.strictlyDecreasing}, closed form ${ray.matchesClosedForm}` };
    }
    return ray;
  }
  return momentDescent(pq, I, head);
}

/** A readable decimal of an enclosure: its midpoint to `digits` significant digits and its radius. */
export function describeEnclosure(x: DecimalInterval, digits = 12): string {
  return `${readable(x.midpoint(), digits)} ± ${readable(x.radius(), 2)}`;
}

function readable(d: Decimal, digits: number): string {
  if (d.isZero()) return '0';
  const small = d.abs().lt('1e-6') || d.abs().gte('1e12');
  return small ? d.toExponential(digits - 1) : d.toSignificantDigits(digits).toString();
}

/** A path from (a, b, W) along which L̃ is enclosed at every listed point, in order. */
export interface DescentPath {
  /** 'ray' from a ≠ 0; 'moments-then-ray' from a = 0 (the a-segment of the moment descent first). */
  readonly kind: 'ray' | 'moments-then-ray';
  readonly start: DecimalInterval;
  /** L(θ) = L̃ at a = 0. */
  readonly baseValue: DecimalInterval;
  readonly values: readonly DecimalInterval[];
  /** Every value certainly below the one before (the start first). */
  readonly strictlyDecreasing: boolean;
  /** b_k at the end of the path (b_k + the largest t): the unit's bias runs off. */
  readonly finalB: readonly Rational[];
  /** a_k at the end, enclosed: a_k e^{−t} → 0. */
  readonly finalA: readonly DecimalInterval[];
}

const PATH_TIMES = [Rational.of(1, 1000), Rational.of(1, 10), Rational.of(1, 2), Rational.ONE, Rational.of(2), Rational.of(5), Rational.of(10), Rational.of(20), Rational.of(40)];

/**
 * The failure mode of Theorem 4 made visible: from a = 0 the moment descent moves a_k off 0 (values
 * strictly decreasing below L(θ) at `samples` points), then, as from any a ≠ 0, the rescaling ray
 * (a e^{−t}, b + t, W) keeps lowering L̃ while b → ∞ and a → 0: the decrease never stops at a finite point.
 */
export function descentPath(pq: AugmentedProblem<Rational>, I: IntervalField, head: ExpUnitParameters<Rational>, times: readonly Rational[] = PATH_TIMES): DescentPath | { readonly kind: 'optimal' } | { readonly kind: 'failed'; readonly reason: string } {
  const p = convertProblem(pq, I);
  const L0 = baseValue(p);
  const tMax = times.reduce((m, t) => (t.gt(m) ? t : m), Rational.ZERO);
  const finish = (kind: DescentPath['kind'], start: DecimalInterval, before: readonly DecimalInterval[], from: ExpUnitParameters<DecimalInterval>, bRational: readonly Rational[]): DescentPath => {
    const ray = rescalingRay(p, from, times);
    const values = [...before, ...ray.points.map((q) => q.value)];
    const chain = [start, ...values];
    const end = rescaledHead(I, p.exp, from, I.fromRational(tMax));
    return {
      kind,
      start,
      baseValue: L0,
      values,
      strictlyDecreasing: chain.every((v, i) => i === 0 || certainlyBelow(v, chain[i - 1]!)),
      finalB: bRational.map((v) => v.add(tMax)),
      finalA: end.a,
    };
  };
  if (head.a.some((v) => !v.isZero())) {
    const h = convertHead(I, head);
    return finish('ray', augmentedValue(p, h).value, [], h, head.b);
  }
  const moments = momentDescent(pq, I, head, { radii: [Rational.of(1, 100)], samples: 8 });
  if (moments.kind !== 'moments') return moments;
  const step = moments.points[0]!;
  const k = moments.unit;
  const s = step.slope.isPositive() ? Rational.MINUS_ONE : Rational.ONE;
  const w = head.w.map((wk, j) => (j === k ? wk.map((v, c) => v.add(step.epsilon.mul(moments.direction[c]!))) : wk));
  const a = head.a.map((v, j) => (j === k ? s.mul(step.tau) : v));
  return finish('moments-then-ray', L0, step.samples, convertHead(I, { a, b: head.b, w }), head.b);
}
