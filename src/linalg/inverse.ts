import { rrefWithTransform } from './elimination.ts';
import { SingularMatrixError, requireSquare } from './errors.ts';
import type { Matrix } from './matrix.ts';
import type { ZeroToleranceOptions } from './zero-test.ts';

/** M⁻¹ by Gauss–Jordan (exact over the rationals); throws SingularMatrixError when rank < n. */
export function inverse<T>(M: Matrix<T>, options: ZeroToleranceOptions<T> = {}): Matrix<T> {
  requireSquare('inverse', M.rows, M.cols);
  const { rank, transform } = rrefWithTransform(M, options);
  if (rank < M.rows) throw new SingularMatrixError('inverse', rank, M.rows);
  return transform;
}
