import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import { requireSquare } from './errors.ts';
import { Matrix } from './matrix.ts';
import { zeroTest, type ZeroToleranceOptions } from './zero-test.ts';

/** A diagonal block of D: 1×1, or 2×2 with negative determinant (one positive, one negative eigenvalue). */
export interface DiagonalBlock {
  readonly start: number;
  readonly size: 1 | 2;
}

/**
 * PᵀHP = L·D·Lᵀ: P a permutation matrix ((PᵀHP)_ij = H[permutation[i], permutation[j]]), L unit lower
 * triangular, D block diagonal with the listed blocks. By Sylvester's law D has the inertia of H.
 */
export interface SymmetricFactorization<T> {
  readonly permutation: readonly number[];
  readonly P: Matrix<T>;
  readonly L: Matrix<T>;
  readonly D: Matrix<T>;
  readonly blocks: readonly DiagonalBlock[];
}

/** Bunch–Parlett: a 1×1 pivot unless every diagonal entry is below α times the largest off-diagonal one. */
const ALPHA = Rational.of(16, 25);

export function requireSymmetric<T>(operation: string, H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): void {
  requireSquare(operation, H.rows, H.cols);
  const F = H.field;
  const isZero = zeroTest(H, operation, options);
  for (let i = 0; i < H.rows; i++) {
    for (let j = i + 1; j < H.cols; j++) {
      if (!isZero(F.sub(H.get(i, j), H.get(j, i)))) {
        throw new RangeError(`${operation}: matrix is not symmetric at (${i},${j}): ${F.toString(H.get(i, j))} ≠ ${F.toString(H.get(j, i))}`);
      }
    }
  }
}

/**
 * Symmetric indefinite factorisation with 1×1 and 2×2 pivots (Bunch–Parlett complete pivoting).
 * Exact over the rationals; over inexact fields entries within the zero tolerance count as zero.
 */
export function ldlt<T>(H: Matrix<T>, options: ZeroToleranceOptions<T> = {}): SymmetricFactorization<T> {
  requireSymmetric('LDLᵀ', H, options);
  const F = H.field;
  const n = H.rows;
  const isZero = zeroTest(H, 'LDLᵀ', options);
  const S = H.toArrays();
  const L = Matrix.identity(F, n).toArrays();
  const D = Matrix.zeros(F, n, n).toArrays();
  const permutation = Array.from({ length: n }, (_, i) => i);
  const blocks: DiagonalBlock[] = [];
  const swap = (k: number, i: number): void => {
    if (i === k) return;
    [S[k], S[i]] = [S[i]!, S[k]!];
    for (const row of S) [row[k], row[i]] = [row[i]!, row[k]!];
    [permutation[k], permutation[i]] = [permutation[i]!, permutation[k]!];
    for (let j = 0; j < k; j++) [L[k]![j], L[i]![j]] = [L[i]![j]!, L[k]![j]!];
  };
  let k = 0;
  while (k < n) {
    const pivot = choosePivot(F, S, k, isZero);
    if (pivot.kind === 'zero') {
      for (; k < n; k++) blocks.push({ start: k, size: 1 });
      break;
    }
    if (pivot.kind === 'one') {
      swap(k, pivot.i);
      eliminateOne(F, S, L, D, k);
      blocks.push({ start: k, size: 1 });
      k += 1;
    } else {
      swap(k, pivot.i);
      swap(k + 1, pivot.j === k ? pivot.i : pivot.j);
      eliminateTwo(F, S, L, D, k);
      blocks.push({ start: k, size: 2 });
      k += 2;
    }
  }
  const P = Matrix.build(F, n, n, (i, j) => (permutation[j] === i ? F.one : F.zero));
  return { permutation, P, L: Matrix.from(F, L, n), D: Matrix.from(F, D, n), blocks };
}

type Pivot = { kind: 'zero' } | { kind: 'one'; i: number } | { kind: 'two'; i: number; j: number };

function choosePivot<T>(F: Field<T>, S: T[][], k: number, isZero: (x: T) => boolean): Pivot {
  const n = S.length;
  let diag = -1;
  for (let i = k; i < n; i++) {
    if (!isZero(S[i]![i]!) && (diag < 0 || F.compare(F.abs(S[i]![i]!), F.abs(S[diag]![diag]!)) > 0)) diag = i;
  }
  let off: [number, number] | null = null;
  for (let i = k; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (isZero(S[i]![j]!)) continue;
      if (off === null || F.compare(F.abs(S[i]![j]!), F.abs(S[off[0]]![off[1]]!)) > 0) off = [i, j];
    }
  }
  if (diag < 0 && off === null) return { kind: 'zero' };
  if (off === null) return { kind: 'one', i: diag };
  const largestOff = F.abs(S[off[0]]![off[1]]!);
  if (diag >= 0 && F.compare(F.abs(S[diag]![diag]!), F.mul(F.fromRational(ALPHA), largestOff)) >= 0) return { kind: 'one', i: diag };
  return { kind: 'two', i: off[0], j: off[1] };
}

function eliminateOne<T>(F: Field<T>, S: T[][], L: T[][], D: T[][], k: number): void {
  const n = S.length;
  const d = S[k]![k]!;
  D[k]![k] = d;
  for (let i = k + 1; i < n; i++) L[i]![k] = F.div(S[i]![k]!, d);
  for (let i = k + 1; i < n; i++) {
    const lik = L[i]![k]!;
    if (F.isZero(lik)) continue;
    for (let j = k + 1; j < n; j++) S[i]![j] = F.sub(S[i]![j]!, F.mul(lik, S[k]![j]!));
  }
}

function eliminateTwo<T>(F: Field<T>, S: T[][], L: T[][], D: T[][], k: number): void {
  const n = S.length;
  const a = S[k]![k]!;
  const b = S[k]![k + 1]!;
  const c = S[k + 1]![k + 1]!;
  const det = F.sub(F.mul(a, c), F.mul(b, b));
  D[k]![k] = a;
  D[k]![k + 1] = b;
  D[k + 1]![k] = b;
  D[k + 1]![k + 1] = c;
  // [L_ik, L_i,k+1] = [S_ik, S_i,k+1]·E⁻¹ with E⁻¹ = [[c, −b], [−b, a]] / det.
  for (let i = k + 2; i < n; i++) {
    const s0 = S[i]![k]!;
    const s1 = S[i]![k + 1]!;
    L[i]![k] = F.div(F.sub(F.mul(s0, c), F.mul(s1, b)), det);
    L[i]![k + 1] = F.div(F.sub(F.mul(s1, a), F.mul(s0, b)), det);
  }
  for (let i = k + 2; i < n; i++) {
    for (let j = k + 2; j < n; j++) {
      S[i]![j] = F.sub(S[i]![j]!, F.add(F.mul(L[i]![k]!, S[k]![j]!), F.mul(L[i]![k + 1]!, S[k + 1]![j]!)));
    }
  }
}
