import type { Field } from '../numbers/field.ts';
import type { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { fractionFreeReduceInPlace } from './fraction-free.ts';
import { Matrix } from './matrix.ts';
import { zeroTest, type ZeroToleranceOptions } from './zero-test.ts';

/** The reduced row echelon form R of M, with the columns holding its leading ones. */
export interface RowEchelon<T> {
  readonly rref: Matrix<T>;
  readonly pivotColumns: readonly number[];
  readonly rank: number;
}

/** R = E·M with E invertible: E records the row operations (its trailing rows span the left null space). */
export interface RowEchelonWithTransform<T> extends RowEchelon<T> {
  readonly transform: Matrix<T>;
}

/** A solution set x_p + span(nullBasis), or a certificate y with yᵀA = 0 and yᵀb = 1. */
export type Solution<T> =
  | { readonly kind: 'solution'; readonly particular: T[]; readonly nullBasis: T[][] }
  | { readonly kind: 'inconsistent'; readonly certificate: T[] };

/** AX = B column by column; `column` names the first right-hand side that has no solution. */
export type MatrixSolution<T> =
  | { readonly kind: 'solution'; readonly particular: Matrix<T>; readonly nullBasis: T[][] }
  | { readonly kind: 'inconsistent'; readonly column: number; readonly certificate: T[] };

/**
 * Gauss–Jordan elimination in place on the rows `a`, choosing pivots only among the first
 * `pivotLimit` columns (the remaining columns ride along: right-hand sides, a transform).
 * Exact fields take the first non-zero pivot; inexact fields the largest (partial pivoting).
 */
function reduceInPlace<T>(F: Field<T>, a: T[][], pivotLimit: number, isZero: (x: T) => boolean): number[] {
  // Over the rationals the fraction-free route gives the same rows without a gcd per operation.
  if ((F as unknown) === RationalField) return fractionFreeReduceInPlace(a as unknown as Rational[][], pivotLimit);
  const rows = a.length;
  const width = a[0]?.length ?? 0;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < pivotLimit && r < rows; c++) {
    const p = choosePivotRow(F, a, r, c, isZero);
    if (p < 0) {
      for (let i = r; i < rows; i++) a[i]![c] = F.zero;
      continue;
    }
    [a[r], a[p]] = [a[p]!, a[r]!];
    const pivotRow = a[r]!;
    const inv = F.div(F.one, pivotRow[c]!);
    for (let j = c; j < width; j++) pivotRow[j] = F.mul(pivotRow[j]!, inv);
    pivotRow[c] = F.one;
    for (let i = 0; i < rows; i++) {
      if (i === r) continue;
      const row = a[i]!;
      const factor = row[c]!;
      if (F.isZero(factor)) continue;
      for (let j = c; j < width; j++) {
        if (!F.isZero(pivotRow[j]!)) row[j] = F.sub(row[j]!, F.mul(factor, pivotRow[j]!));
      }
      row[c] = F.zero;
    }
    pivots.push(c);
    r++;
  }
  return pivots;
}

function choosePivotRow<T>(F: Field<T>, a: T[][], from: number, c: number, isZero: (x: T) => boolean): number {
  let best = -1;
  for (let i = from; i < a.length; i++) {
    const x = a[i]![c]!;
    if (isZero(x)) continue;
    if (F.exact) return i;
    if (best < 0 || F.compare(F.abs(x), F.abs(a[best]![c]!)) > 0) best = i;
  }
  return best;
}

function testFor<T>(M: Matrix<T>, options: ZeroToleranceOptions<T>): (x: T) => boolean {
  return zeroTest(M, 'row reduction', options);
}

/** Reduced row echelon form with its pivot columns. */
export function rref<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): RowEchelon<T> {
  const a = M.toArrays();
  const pivots = reduceInPlace(M.field, a, M.cols, testFor(M, options));
  return { rref: Matrix.from(M.field, a, M.cols), pivotColumns: pivots, rank: pivots.length };
}

/** Reduced row echelon form R together with an invertible E such that E·M = R. */
export function rrefWithTransform<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): RowEchelonWithTransform<T> {
  const F = M.field;
  const isZero = testFor(M, options);
  const a = M.toArrays().map((row, i) => [...row, ...Array.from({ length: M.rows }, (_, j) => (i === j ? F.one : F.zero))]);
  const pivots = reduceInPlace(F, a, M.cols, isZero);
  return {
    rref: Matrix.from(F, a.map((row) => row.slice(0, M.cols)), M.cols),
    transform: Matrix.from(F, a.map((row) => row.slice(M.cols)), M.rows),
    pivotColumns: pivots,
    rank: pivots.length,
  };
}

export function rank<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): number {
  return rref(M, options).rank;
}

/** Basis of {v : Mv = 0}: one vector per free column, with a 1 in that column. */
export function nullSpace<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): T[][] {
  const { rref: R, pivotColumns } = rref(M, options);
  return nullBasisFromRref(R, pivotColumns, M.cols);
}

function nullBasisFromRref<T>(R: Matrix<T>, pivotColumns: readonly number[], cols: number): T[][] {
  const F = R.field;
  const isPivot = new Set(pivotColumns);
  const basis: T[][] = [];
  for (let f = 0; f < cols; f++) {
    if (isPivot.has(f)) continue;
    const v = Array.from({ length: cols }, () => F.zero);
    v[f] = F.one;
    pivotColumns.forEach((c, i) => {
      v[c] = F.neg(R.get(i, f));
    });
    basis.push(v);
  }
  return basis;
}

/** Basis of the column space: the pivot columns of M itself. */
export function columnSpace<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): T[][] {
  return rref(M, options).pivotColumns.map((c) => M.col(c));
}

/** Basis of the row space: the non-zero rows of the RREF. */
export function rowSpace<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): T[][] {
  const { rref: R, rank: r } = rref(M, options);
  return Array.from({ length: r }, (_, i) => R.row(i));
}

/** Basis of {y : yᵀM = 0}. */
export function leftNullSpace<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): T[][] {
  return nullSpace(M.transpose(), options);
}

/** All solutions of Ax = b, or an exact certificate of inconsistency. */
export function solve<T>(A: Matrix<T>, b: readonly T[], options: ZeroToleranceOptions<T> = {}): Solution<T> {
  if (b.length !== A.rows) throw new RangeError(`solve: right-hand side has ${b.length} entries, matrix has ${A.rows} rows`);
  const result = solveMatrix(A, Matrix.column(A.field, b), options);
  if (result.kind === 'inconsistent') return { kind: 'inconsistent', certificate: result.certificate };
  return { kind: 'solution', particular: result.particular.col(0), nullBasis: result.nullBasis };
}

/** All solutions of AX = B: a particular X (free variables set to 0) plus the null space of A. */
export function solveMatrix<T>(A: Matrix<T>, B: Matrix<T>, options: ZeroToleranceOptions<T> = {}): MatrixSolution<T> {
  if (B.rows !== A.rows) throw new RangeError(`solve: right-hand side has ${B.rows} rows, matrix has ${A.rows}`);
  const F = A.field;
  const n = A.cols;
  const k = B.cols;
  const augmented = A.hstack(B);
  const isZero = testFor(augmented, options);
  // Carry the identity along so that an inconsistent row yields its certificate yᵀA = 0, yᵀb ≠ 0.
  const a = augmented.toArrays().map((row, i) => [...row, ...Array.from({ length: A.rows }, (_, j) => (i === j ? F.one : F.zero))]);
  const pivots = reduceInPlace(F, a, n, isZero);
  const r = pivots.length;
  for (let col = 0; col < k; col++) {
    for (let i = r; i < A.rows; i++) {
      const beta = a[i]![n + col]!;
      if (isZero(beta)) continue;
      const certificate = a[i]!.slice(n + k).map((y) => F.div(y, beta));
      return { kind: 'inconsistent', column: col, certificate };
    }
  }
  const particular = Matrix.build(F, n, k, () => F.zero).toArrays();
  pivots.forEach((c, i) => {
    for (let col = 0; col < k; col++) particular[c]![col] = a[i]![n + col]!;
  });
  const R = Matrix.from(F, a.map((row) => row.slice(0, n)), n);
  return { kind: 'solution', particular: Matrix.from(F, particular, k), nullBasis: nullBasisFromRref(R, pivots, n) };
}
