import { dot } from './field.ts';
import type { Field } from './field.ts';
import { Rational } from './rational.ts';

/** Exact arithmetic over bigint rationals: the field every verdict is decided in. */
export const RationalField: Field<Rational> = {
  name: 'rational',
  exact: true,
  zero: Rational.ZERO,
  one: Rational.ONE,
  fromInt: (n) => Rational.fromInt(n),
  fromRational: (r) => r,
  fromNumber: (x) => Rational.fromNumber(x),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  neg: (a) => a.neg(),
  abs: (a) => a.abs(),
  sign: (a) => a.sign(),
  compare: (a, b) => a.compare(b),
  isZero: (a) => a.isZero(),
  eq: (a, b) => a.equals(b),
  toNumber: (a) => a.toNumber(),
  toDecimal: (a) => a.toDecimal(),
  toString: (a) => a.toString(),
};

/** Exact dot product of two equally long rational vectors. */
export function rationalDot(a: readonly Rational[], b: readonly Rational[]): Rational {
  return dot(RationalField, a, b);
}
