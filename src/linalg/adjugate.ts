import { characteristicCoefficients } from './characteristic-polynomial.ts';
import { requireSquare } from './errors.ts';
import { Matrix } from './matrix.ts';

/**
 * adj(M), the transposed cofactor matrix, for any square M (singular included), from Cayley–Hamilton:
 * with det(tI − M) = Σ c_k t^k, M·Σ_{k≥1} c_k M^{k−1} = −c₀I = (−1)^{n+1} det(M) I, and the identity
 * adj(M) = (−1)^{n+1} Σ_{k≥1} c_k M^{k−1} is polynomial in the entries, so it holds everywhere.
 */
export function adjugate<T>(M: Matrix<T>): Matrix<T> {
  requireSquare('adjugate', M.rows, M.cols);
  const F = M.field;
  const n = M.rows;
  if (n === 0) return M;
  const c = characteristicCoefficients(M);
  const identity = Matrix.identity(F, n);
  let horner = identity.scale(c[n]!);
  for (let k = n - 1; k >= 1; k--) horner = horner.mul(M).add(identity.scale(c[k]!));
  return n % 2 === 1 ? horner : horner.neg();
}
