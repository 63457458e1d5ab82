import { Rational, gcd } from '../numbers/rational.ts';

/**
 * The simplest rational in the closed interval [lo, hi] (smallest denominator, then smallest
 * |numerator|): 0 if the interval holds 0, else the integer nearest 0 if there is one, else a
 * continued-fraction step (Stern–Brocot descent).
 */
export function simplestBetween(lo: Rational, hi: Rational): Rational {
  if (lo.gt(hi)) throw new RangeError(`simplestBetween: empty interval [${lo}, ${hi}]`);
  if (lo.sign() <= 0 && hi.sign() >= 0) return Rational.ZERO;
  if (hi.sign() < 0) return simplestBetween(hi.neg(), lo.neg()).neg();
  const c = Rational.fromInt(lo.ceil());
  if (c.le(hi)) return c;
  // lo and hi share the integer part f: answer f + 1/simplest(1/(hi − f), 1/(lo − f)).
  const f = Rational.fromInt(lo.floor());
  return f.add(simplestBetween(hi.sub(f).inv(), lo.sub(f).inv()).inv());
}

/** Total bit size of the coordinates: the measure of a point's simplicity used here. */
export function bitSize(point: readonly Rational[]): number {
  const bits = (n: bigint): number => (n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length);
  return point.reduce((s, v) => s + bits(v.num) + bits(v.den) - 1, 0);
}

/** The positive multiple of a non-zero vector whose entries are coprime integers. */
export function primitiveIntegerVector(v: readonly Rational[]): Rational[] {
  if (v.every((x) => x.isZero())) return v.map(() => Rational.ZERO);
  let l = 1n;
  for (const x of v) l = (l / gcd(l, x.den)) * x.den;
  const ints = v.map((x) => (x.num * l) / x.den);
  const g = ints.reduce((a, b) => gcd(a, b), 0n);
  return ints.map((x) => Rational.fromInt(x / g));
}
