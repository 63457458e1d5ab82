import { rref } from './elimination.ts';
import { inverse } from './inverse.ts';
import { Matrix } from './matrix.ts';
import type { ZeroToleranceOptions } from './zero-test.ts';

/** M = F·G with F (m×r) the pivot columns of M and G (r×n) the non-zero rows of its RREF; r = rank M. */
export interface FullRankFactorization<T> {
  readonly F: Matrix<T>;
  readonly G: Matrix<T>;
  readonly rank: number;
  readonly pivotColumns: readonly number[];
}

export function fullRankFactorization<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): FullRankFactorization<T> {
  const { rref: R, pivotColumns, rank } = rref(M, options);
  return {
    F: M.select(range(M.rows), pivotColumns),
    G: R.slice(0, rank, 0, M.cols),
    rank,
    pivotColumns,
  };
}

/**
 * The Moore–Penrose inverse M⁺ (n×m) = Gᵀ(GGᵀ)⁻¹(FᵀF)⁻¹Fᵀ from the full-rank factorisation;
 * exact over the rationals. The zero matrix (and any empty shape) has M⁺ = 0ᵀ.
 */
export function pseudoInverse<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): Matrix<T> {
  const { F, G, rank } = fullRankFactorization(M, options);
  if (rank === 0) return Matrix.zeros(M.field, M.cols, M.rows);
  const Ft = F.transpose();
  const Gt = G.transpose();
  // FᵀF and GGᵀ are r×r of rank r, hence invertible.
  return Gt.mul(inverse(G.mul(Gt), options)).mul(inverse(Ft.mul(F), options)).mul(Ft);
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
