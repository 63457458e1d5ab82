import { Rational, gcd } from '../numbers/rational.ts';

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Least common multiple of the denominators of a list of rationals (1 for an empty list). */
export function commonDenominator(xs: readonly Rational[]): bigint {
  return xs.reduce((l, x) => lcm(l, x.den), 1n);
}

/** The vector scaled by a positive integer so that its entries are coprime integers (zero stays zero). */
export function clearDenominators(v: readonly Rational[]): Rational[] {
  const l = commonDenominator(v);
  const ints = v.map((x) => (x.num * l) / x.den);
  const g = ints.reduce((acc, x) => gcd(acc, x), 0n);
  return ints.map((x) => Rational.of(g === 0n ? x : x / g));
}
