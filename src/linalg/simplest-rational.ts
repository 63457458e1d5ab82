import { Rational } from '../numbers/rational.ts';

/**
 * The rational with the smallest denominator (then smallest |numerator|) strictly between lo and
 * hi, found through continued fractions. Root isolation tries it first, so that rational roots
 * are hit exactly once an interval is narrow enough (width < 1/den² suffices).
 */
export function simplestRationalBetween(lo: Rational, hi: Rational | null): Rational {
  if (hi !== null && !lo.lt(hi)) throw new RangeError(`empty interval (${lo.toString()}, ${hi.toString()})`);
  if (lo.sign() < 0) {
    if (hi === null || hi.sign() > 0) return Rational.ZERO;
    return simplestRationalBetween(hi.neg(), lo.neg()).neg();
  }
  // Now 0 ≤ lo < hi (hi = null means +∞).
  const next = Rational.fromInt(lo.floor() + 1n);
  if (hi === null || next.lt(hi)) return next;
  const whole = Rational.fromInt(lo.floor());
  // lo and hi share the integer part a: x = a + 1/y with y between 1/(hi − a) and 1/(lo − a).
  const yLo = hi.sub(whole).inv();
  const yHi = lo.equals(whole) ? null : lo.sub(whole).inv();
  return whole.add(simplestRationalBetween(yLo, yHi).inv());
}
