import type { Decimal } from 'decimal.js';
import type { Rational } from './rational.ts';

/**
 * The arithmetic that linear algebra and network evaluators are written against, once.
 * `exact` tells whether comparisons decide (rationals) or only estimate (floats, decimals).
 */
export interface Field<T> {
  readonly name: string;
  readonly exact: boolean;
  readonly zero: T;
  readonly one: T;
  fromInt(n: number | bigint): T;
  fromRational(r: Rational): T;
  /** Exact value of a number (for float fields: the number itself). */
  fromNumber(x: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  /** Throws NumberError on division by an exact zero. */
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  sign(a: T): -1 | 0 | 1;
  compare(a: T, b: T): -1 | 0 | 1;
  isZero(a: T): boolean;
  eq(a: T, b: T): boolean;
  toNumber(a: T): number;
  toDecimal(a: T): Decimal;
  toString(a: T): string;
  /** exp is transcendental: only inexact fields implement it. */
  exp?(a: T): T;
}

/** Sum of a list in a field. */
export function sum<T>(F: Field<T>, xs: readonly T[]): T {
  let s = F.zero;
  for (const x of xs) s = F.add(s, x);
  return s;
}

/** Dot product of two equally long vectors. */
export function dot<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  if (a.length !== b.length) throw new RangeError(`dot: lengths ${a.length} and ${b.length} differ`);
  let s = F.zero;
  for (let i = 0; i < a.length; i++) s = F.add(s, F.mul(a[i]!, b[i]!));
  return s;
}
