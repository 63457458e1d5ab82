import { createRequire } from 'node:module';
import type { Matrix as MlMatrix } from 'ml-matrix';

type MlMatrixModule = typeof import('ml-matrix');
let mlMatrix: MlMatrixModule | undefined;
/** ml-matrix is loaded on first use: most commands never call a float routine, and loading it costs a start-up. */
function ml(): MlMatrixModule {
  mlMatrix ??= createRequire(import.meta.url)('ml-matrix') as MlMatrixModule;
  return mlMatrix;
}
import { NumberError } from '../numbers/errors.ts';
import { FloatField } from '../numbers/float-field.ts';
import { requireSquare } from './errors.ts';
import { Matrix } from './matrix.ts';

/** The matrix as float64 entries in an ml-matrix Matrix (for searching, never for verdicts). */
export function toMlMatrix<T>(M: Matrix<T>): MlMatrix {
  const F = M.field;
  const rows = M.toArrays().map((row, i) =>
    row.map((x, j) => {
      const v = F.toNumber(x);
      if (!Number.isFinite(v)) throw new NumberError(`entry (${i},${j}) = ${F.toString(x)} is not a finite float64`);
      return v;
    }),
  );
  return new (ml().Matrix)(rows);
}

export function fromMlMatrix(m: MlMatrix): Matrix<number> {
  return Matrix.from(FloatField, m.to2DArray(), m.columns);
}

/** The min(m, n) singular values in float64, largest first. */
export function floatSingularValues<T>(M: Matrix<T>): number[] {
  if (M.rows === 0 || M.cols === 0) return [];
  const svd = new (ml().SingularValueDecomposition)(toMlMatrix(M), {
    autoTranspose: true,
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
  });
  return [...svd.diagonal].slice(0, Math.min(M.rows, M.cols)).sort((a, b) => b - a);
}

/** Eigenvalues of a symmetric matrix in float64, ascending. */
export function floatSymmetricEigenvalues<T>(M: Matrix<T>): number[] {
  requireSquare('symmetric eigenvalues', M.rows, M.cols);
  if (M.rows === 0) return [];
  const evd = new (ml().EigenvalueDecomposition)(toMlMatrix(M), { assumeSymmetric: true });
  return [...evd.realEigenvalues].sort((a, b) => a - b);
}

/** σ_max / σ_min in the 2-norm (Infinity for a numerically singular matrix). */
export function floatConditionNumber<T>(M: Matrix<T>): number {
  const s = floatSingularValues(M);
  if (s.length === 0) throw new RangeError('condition number of an empty matrix');
  const smallest = s[s.length - 1]!;
  return smallest === 0 ? Infinity : s[0]! / smallest;
}

/** The spectral norm ‖M‖₂ = σ_max in float64 (0 for empty shapes). */
export function floatSpectralNorm<T>(M: Matrix<T>): number {
  return floatSingularValues(M)[0] ?? 0;
}
