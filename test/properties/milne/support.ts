// Independent re-implementations used to check the milne evaluators: nested ReLUs straight from
// eq. (1), the full Leibniz sum over all n! permutations, and decimal.js finite differences.
import { Decimal } from 'decimal.js';
import { Matrix } from '../../../src/linalg/matrix.ts';
import { determinant } from '../../../src/linalg/determinant.ts';
import type { Field } from '../../../src/numbers/field.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { D } from '../../network/fd.ts';

export { D };

/** y(a, W) = σ(W_Hᵀσ(…σ(W_0ᵀa))) by plain loops, W_i ∈ F^{n_i×n_{i+1}}. */
export function nestedRelu<T>(F: Field<T>, a: readonly T[], W: readonly (readonly (readonly T[])[])[]): T {
  let h: T[] = [...a];
  for (const Wi of W) {
    const cols = Wi[0]!.length;
    h = Array.from({ length: cols }, (_, k) => {
      let z = F.zero;
      Wi.forEach((row, j) => (z = F.add(z, F.mul(row[k]!, h[j]!))));
      return F.sign(z) > 0 ? z : F.zero;
    });
  }
  return h[0]!;
}

/** All permutations of 0..n−1 (Heap's algorithm) with their signs. */
export function* permutations(n: number): Generator<{ p: number[]; sign: number }> {
  const p = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  let sign = 1;
  yield { p: [...p], sign };
  let i = 0;
  while (i < n) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [p[j], p[i]] = [p[i]!, p[j]!];
      sign = -sign;
      yield { p: [...p], sign };
      c[i]!++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/** det by the full Leibniz sum (9) over all n! permutations. */
export function fullLeibniz(A: Matrix<Rational>): Rational {
  let s = Rational.ZERO;
  for (const { p, sign } of permutations(A.rows)) {
    let prod = Rational.ONE;
    for (let i = 0; i < A.rows && !prod.isZero(); i++) prod = prod.mul(A.get(i, p[i]!));
    s = sign > 0 ? s.add(prod) : s.sub(prod);
  }
  return s;
}

export const dec = (x: Rational): Decimal => D.fromRational(x);

/** det(A + tX) in decimal.js (pivoted Gaussian elimination at 60 digits). */
export function decimalDeterminantAt(A: Matrix<Rational>, X: Matrix<Rational>, t: Decimal): Decimal {
  const M = Matrix.build(D, A.rows, A.cols, (i, j) => dec(A.get(i, j)).plus(dec(X.get(i, j)).times(t)));
  return determinant(M);
}

const h = new Decimal('1e-15');

/** Central differences (f(h) − f(−h))/2h and (f(h) − 2f(0) + f(−h))/h² of a decimal function of t. */
export function centralDifferences(f: (t: Decimal) => Decimal): { first: Decimal; second: Decimal } {
  const plus = f(h);
  const minus = f(h.neg());
  const zero = f(new Decimal(0));
  return { first: plus.minus(minus).div(h.times(2)), second: plus.minus(zero.times(2)).plus(minus).div(h.times(h)) };
}

/** |exact − approx| ≤ 10^{-digits}·max(1, |exact|). */
export function near(exact: Rational, approx: Decimal, digits = 12): boolean {
  const e = dec(exact);
  return e.minus(approx).abs().lte(Decimal.max(1, e.abs()).times(new Decimal(10).pow(-digits)));
}
