import { NumberError } from '../numbers/errors.ts';
import type { Matrix } from './matrix.ts';

/** Options shared by every elimination-based routine. */
export interface ZeroToleranceOptions<T> {
  /**
   * Inexact fields only: entries with |x| ≤ zeroTolerance count as zero. Default: the LAPACK-style
   * max(rows, cols) · 2⁻⁵² · max|entry|. Exact fields always test for an exact zero.
   */
  readonly zeroTolerance?: T;
}

/** Inexact fields only: throws a NumberError naming the first NaN or infinite entry. */
export function requireFiniteEntries<T>(M: Matrix<T>, operation: string): void {
  const F = M.field;
  if (F.exact) return;
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < M.cols; j++) {
      const x = M.get(i, j);
      // x − x is 0 for finite x and NaN for NaN and ±∞, in every float-like field.
      if (!F.eq(F.sub(x, x), F.zero)) throw new NumberError(`${operation}: entry (${i},${j}) is ${F.toString(x)}, not a finite number`);
    }
  }
}

/** How an algorithm decides "this entry is zero": exactly over exact fields, by a tolerance otherwise. */
export function zeroTest<T>(M: Matrix<T>, operation: string, options: ZeroToleranceOptions<T> = {}): (x: T) => boolean {
  const F = M.field;
  if (F.exact) return (x) => F.isZero(x);
  requireFiniteEntries(M, operation);
  const tolerance = options.zeroTolerance ?? defaultTolerance(M);
  if (!F.eq(F.sub(tolerance, tolerance), F.zero) || F.sign(tolerance) < 0) throw new RangeError(`${operation}: zeroTolerance must be ≥ 0, got ${F.toString(tolerance)}`);
  return (x) => F.compare(F.abs(x), tolerance) <= 0;
}

function defaultTolerance<T>(M: Matrix<T>): T {
  const F = M.field;
  let largest = F.zero;
  for (const row of M.toArrays()) {
    for (const x of row) {
      const a = F.abs(x);
      if (F.compare(a, largest) > 0) largest = a;
    }
  }
  return F.mul(F.mul(largest, F.fromInt(Math.max(1, M.rows, M.cols))), F.fromNumber(Number.EPSILON));
}
