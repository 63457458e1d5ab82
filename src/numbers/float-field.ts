import { Decimal } from 'decimal.js';
import { NumberError } from './errors.ts';
import type { Field } from './field.ts';

function finite(x: number, what: string): number {
  if (!Number.isFinite(x)) throw new NumberError(`${what} gave ${x}`);
  return x;
}

/** float64 arithmetic: for searching only; comparisons are estimates. */
export const FloatField: Field<number> = {
  name: 'float64',
  exact: false,
  zero: 0,
  one: 1,
  fromInt: (n) => finite(Number(n), `float of ${n}`),
  fromRational: (r) => finite(r.toNumber(), `float of ${r.toString()}`),
  fromNumber: (x) => finite(x, 'float input'),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => {
    if (b === 0) throw new NumberError(`division by zero: ${a} / 0`);
    return a / b;
  },
  neg: (a) => -a,
  abs: (a) => Math.abs(a),
  sign: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  isZero: (a) => a === 0,
  eq: (a, b) => a === b,
  toNumber: (a) => a,
  toDecimal: (a) => new Decimal(a),
  toString: (a) => String(a),
  exp: (a) => Math.exp(a),
};
