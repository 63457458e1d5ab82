import { Decimal } from 'decimal.js';
import { NumberError } from './errors.ts';
import type { Field } from './field.ts';

/**
 * decimal.js arithmetic at a chosen number of significant digits: for transcendental claims
 * (exp units, Gaussian CDFs) and for finite-difference checks of exact derivatives.
 */
export function decimalField(precision: number): Field<Decimal> {
  if (!Number.isInteger(precision) || precision < 1 || precision > 1_000_000) {
    throw new NumberError(`decimal precision must be a positive integer, got ${precision}`);
  }
  const D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
  const make = (x: Decimal.Value): Decimal => {
    const d = new D(x);
    if (!d.isFinite()) throw new NumberError(`not a finite number: ${String(x)}`);
    return d;
  };
  return {
    name: `decimal(${precision})`,
    exact: false,
    zero: make(0),
    one: make(1),
    fromInt: (n) => make(n.toString()),
    fromRational: (r) => make(r.num.toString()).div(r.den.toString()),
    fromNumber: (x) => make(x),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => {
      if (b.isZero()) throw new NumberError(`division by zero: ${a.toString()} / 0`);
      return a.div(b);
    },
    neg: (a) => a.neg(),
    abs: (a) => a.abs(),
    sign: (a) => (a.isZero() ? 0 : a.isNegative() ? -1 : 1),
    compare: (a, b) => a.comparedTo(b) as -1 | 0 | 1,
    isZero: (a) => a.isZero(),
    eq: (a, b) => a.eq(b),
    toNumber: (a) => a.toNumber(),
    toDecimal: (a) => a,
    toString: (a) => a.toString(),
    exp: (a) => a.exp(),
  };
}
