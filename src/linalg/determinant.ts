import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import { requireSquare } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { requireFiniteEntries } from './zero-test.ts';
import { commonDenominator } from './denominators.ts';
import { asRationalMatrix, isRationalMatrix } from './rational-matrix.ts';

/**
 * det(M). Rationals: each row is scaled to integers and the integer matrix goes through
 * fraction-free Bareiss elimination (exact, no gcds). Other exact fields: Bareiss in the field.
 * Inexact fields: Gaussian elimination with partial pivoting.
 */
export function determinant<T>(M: Matrix<T>): T {
  requireSquare('determinant', M.rows, M.cols);
  if (isRationalMatrix(M)) return rationalDeterminant(asRationalMatrix(M)) as unknown as T;
  const F = M.field;
  requireFiniteEntries(M, 'determinant');
  return F.exact ? bareiss(fieldRing(F), M.toArrays()) : pivotedGaussDeterminant(F, M.toArrays());
}

/** det of a rational matrix through one integer Bareiss run. */
export function rationalDeterminant(M: Matrix<Rational>): Rational {
  requireSquare('determinant', M.rows, M.cols);
  let scale = 1n;
  const ints = M.toArrays().map((row) => {
    const l = commonDenominator(row);
    scale *= l;
    return row.map((x) => (x.num * l) / x.den);
  });
  return Rational.of(integerDeterminant(ints), scale);
}

/** det of an integer matrix by Bareiss: every division is exact, entries stay minors of the input. */
export function integerDeterminant(rows: readonly (readonly bigint[])[]): bigint {
  return bareiss(bigintRing, rows.map((r) => [...r]));
}

/** What Bareiss needs: a commutative ring with exact division by known divisors. */
interface ExactDivisionRing<T> {
  readonly zero: T;
  readonly one: T;
  isZero(a: T): boolean;
  neg(a: T): T;
  mul(a: T, b: T): T;
  sub(a: T, b: T): T;
  exactDiv(a: T, b: T): T;
}

const bigintRing: ExactDivisionRing<bigint> = {
  zero: 0n,
  one: 1n,
  isZero: (a) => a === 0n,
  neg: (a) => -a,
  mul: (a, b) => a * b,
  sub: (a, b) => a - b,
  exactDiv: (a, b) => a / b,
};

function fieldRing<T>(F: Field<T>): ExactDivisionRing<T> {
  return { zero: F.zero, one: F.one, isZero: F.isZero, neg: F.neg, mul: F.mul, sub: F.sub, exactDiv: F.div };
}

function bareiss<T>(R: ExactDivisionRing<T>, a: T[][]): T {
  const n = a.length;
  if (n === 0) return R.one;
  let negate = false;
  let previous = R.one;
  for (let k = 0; k < n - 1; k++) {
    if (R.isZero(a[k]![k]!)) {
      const p = a.findIndex((row, i) => i > k && !R.isZero(row[k]!));
      if (p < 0) return R.zero;
      [a[k], a[p]] = [a[p]!, a[k]!];
      negate = !negate;
    }
    const pivot = a[k]![k]!;
    for (let i = k + 1; i < n; i++) {
      const row = a[i]!;
      for (let j = k + 1; j < n; j++) {
        row[j] = R.exactDiv(R.sub(R.mul(row[j]!, pivot), R.mul(row[k]!, a[k]![j]!)), previous);
      }
      row[k] = R.zero;
    }
    previous = pivot;
  }
  const d = a[n - 1]![n - 1]!;
  return negate ? R.neg(d) : d;
}

function pivotedGaussDeterminant<T>(F: Field<T>, a: T[][]): T {
  const n = a.length;
  let det = F.one;
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (F.compare(F.abs(a[i]![k]!), F.abs(a[p]![k]!)) > 0) p = i;
    const pivot = a[p]![k]!;
    if (F.isZero(pivot)) return F.zero;
    if (p !== k) {
      [a[k], a[p]] = [a[p]!, a[k]!];
      det = F.neg(det);
    }
    det = F.mul(det, pivot);
    for (let i = k + 1; i < n; i++) {
      const factor = F.div(a[i]![k]!, pivot);
      for (let j = k + 1; j < n; j++) a[i]![j] = F.sub(a[i]![j]!, F.mul(factor, a[k]![j]!));
    }
  }
  return det;
}
