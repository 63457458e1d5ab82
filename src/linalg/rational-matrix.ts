import type { Field } from '../numbers/field.ts';
import { Rational, gcd } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { Matrix } from './matrix.ts';

/** True when the matrix is over the exact rationals, so bigint fast paths apply. */
export function isRationalMatrix<T>(M: Matrix<T>): boolean {
  return (M.field as Field<unknown>) === RationalField;
}

/** The same matrix viewed over the rationals; callers check isRationalMatrix first. */
export function asRationalMatrix<T>(M: Matrix<T>): Matrix<Rational> {
  if (!isRationalMatrix(M)) throw new TypeError(`expected a rational matrix, got one over ${M.field.name}`);
  return M as unknown as Matrix<Rational>;
}

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
