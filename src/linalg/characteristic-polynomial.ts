import type { Field } from '../numbers/field.ts';
import type { Rational } from '../numbers/rational.ts';
import { requireSquare } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { Polynomial } from './polynomial.ts';
import { requireFiniteEntries } from './zero-test.ts';

/**
 * Coefficients c₀..cₙ (ascending, cₙ = 1) of det(tI − M) by Berkowitz's algorithm: division-free,
 * so it is exact over any field and works for singular matrices too.
 */
export function characteristicCoefficients<T>(M: Matrix<T>): T[] {
  requireSquare('characteristic polynomial', M.rows, M.cols);
  const F = M.field;
  requireFiniteEntries(M, 'characteristic polynomial');
  // Descending coefficients of det(tI − A_r), A_r the leading r×r block; det(tI − A_0) = 1.
  let c: T[] = [F.one];
  for (let r = 0; r < M.rows; r++) c = toeplitzTimes(F, berkowitzColumn(F, M, r), c);
  return c.reverse();
}

/**
 * For A_{r+1} = [[A_r, s], [ρ, a]]: the vector (1, −a, −ρs, −ρA_r s, …, −ρA_r^{r−1}s) whose lower
 * triangular Toeplitz matrix maps det(tI − A_r) to det(tI − A_{r+1}).
 */
function berkowitzColumn<T>(F: Field<T>, M: Matrix<T>, r: number): T[] {
  const q: T[] = [F.one, F.neg(M.get(r, r))];
  let w: T[] = Array.from({ length: r }, (_, i) => M.get(i, r));
  for (let k = 0; k < r; k++) {
    let rho = F.zero;
    for (let j = 0; j < r; j++) rho = F.add(rho, F.mul(M.get(r, j), w[j]!));
    q.push(F.neg(rho));
    if (k + 1 < r) w = leadingBlockTimes(F, M, r, w);
  }
  return q;
}

function leadingBlockTimes<T>(F: Field<T>, M: Matrix<T>, r: number, w: readonly T[]): T[] {
  return Array.from({ length: r }, (_, i) => {
    let s = F.zero;
    for (let j = 0; j < r; j++) s = F.add(s, F.mul(M.get(i, j), w[j]!));
    return s;
  });
}

function toeplitzTimes<T>(F: Field<T>, q: readonly T[], c: readonly T[]): T[] {
  return Array.from({ length: c.length + 1 }, (_, i) => {
    let s = F.zero;
    for (let j = 0; j < c.length && j <= i; j++) s = F.add(s, F.mul(q[i - j]!, c[j]!));
    return s;
  });
}

/** det(tI − M) as an exact rational polynomial in t. */
export function characteristicPolynomial(M: Matrix<Rational>): Polynomial {
  return new Polynomial(characteristicCoefficients(M));
}
