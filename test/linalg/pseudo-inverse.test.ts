import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import { characteristicCoefficients } from '../../src/linalg/characteristic-polynomial.ts';
import { solve } from '../../src/linalg/elimination.ts';
import { floatSingularValues, toMlMatrix } from '../../src/linalg/float.ts';
import { inverse } from '../../src/linalg/inverse.ts';
import { Matrix, rat } from '../../src/linalg/matrix.ts';
import { fullRankFactorization, pseudoInverse } from '../../src/linalg/pseudo-inverse.ts';
import type { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { pseudoInverse as mlPseudoInverse } from 'ml-matrix';
import { anyMatrix, bruteForceRank, lowRankMatrix, ratMatrix } from './support.ts';

const Q = RationalField;

/**
 * Decell's formula (Cayley–Hamilton on B = MᵀM, det(tI − B) = Σ a_j t^{n−j}, k the last index with
 * a_k ≠ 0): M⁺ = −(1/a_k)·(B^{k−1} + a_1 B^{k−2} + … + a_{k−1} I)·Mᵀ. Independent of elimination.
 */
function decellPseudoInverse(M: Matrix<Rational>): Matrix<Rational> {
  const B = M.transpose().mul(M);
  const n = B.rows;
  const ascending = characteristicCoefficients(B);
  const a = (j: number): Rational => ascending[n - j]!;
  let k = n;
  while (k > 0 && a(k).isZero()) k--;
  if (k === 0) return Matrix.zeros(Q, M.cols, M.rows);
  let poly = Matrix.identity(Q, n);
  for (let j = 1; j < k; j++) poly = poly.mul(B).add(Matrix.identity(Q, n).scale(a(j)));
  return poly.mul(M.transpose()).scale(a(k).inv().neg());
}

describe('Moore–Penrose inverse', () => {
  it('satisfies the four Penrose equations exactly', () => {
    fc.assert(
      fc.property(anyMatrix(4), (M) => {
        const X = pseudoInverse(M);
        expect([X.rows, X.cols]).toEqual([M.cols, M.rows]);
        expect(M.mul(X).mul(M).equals(M)).toBe(true);
        expect(X.mul(M).mul(X).equals(X)).toBe(true);
        expect(M.mul(X).isSymmetric()).toBe(true);
        expect(X.mul(M).isSymmetric()).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('equals Decell’s Cayley–Hamilton formula (an independent route)', () => {
    fc.assert(
      fc.property(anyMatrix(4), (M) => pseudoInverse(M).equals(decellPseudoInverse(M))),
      { numRuns: 80 },
    );
  });

  it('is (AᵀA)⁻¹Aᵀ for full column rank and Aᵀ(AAᵀ)⁻¹ for full row rank', () => {
    const shape = fc.record({ m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(shape.chain(({ m, n }) => ratMatrix(m, n)), (A) => {
        const r = bruteForceRank(A);
        const X = pseudoInverse(A);
        const At = A.transpose();
        if (r === A.cols) expect(X.equals(inverse(At.mul(A)).mul(At))).toBe(true);
        if (r === A.rows) expect(X.equals(At.mul(inverse(A.mul(At))))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('full-rank factorisation: M = FG with F of full column rank and G of full row rank', () => {
    fc.assert(
      fc.property(anyMatrix(4), (M) => {
        const { F, G, rank } = fullRankFactorization(M);
        expect(rank).toBe(bruteForceRank(M));
        expect([F.rows, F.cols, G.rows, G.cols]).toEqual([M.rows, rank, rank, M.cols]);
        expect(F.mul(G).equals(M)).toBe(true);
        if (rank > 0) {
          expect(bruteForceRank(F)).toBe(rank);
          expect(bruteForceRank(G)).toBe(rank);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('Mz = b is solvable iff MM⁺b = b, and M⁺b solves it then', () => {
    const system = anyMatrix(4, 1).chain((M) => fc.tuple(fc.constant(M), fc.array(smallRational(), { minLength: M.rows, maxLength: M.rows })));
    fc.assert(
      fc.property(system, ([M, b]) => {
        const X = pseudoInverse(M);
        const z = X.mulVec(b);
        const projected = M.mulVec(z);
        const solvable = projected.every((v, i) => v.equals(b[i]!));
        expect(solve(M, b).kind === 'solution').toBe(solvable);
      }),
      { numRuns: 80 },
    );
  });

  it('agrees with the float SVD pseudo-inverse of ml-matrix', () => {
    fc.assert(
      fc.property(lowRankMatrix(4, 3, 2), (M) => {
        const exact = pseudoInverse(M).toArrays();
        const approx = mlPseudoInverse(toMlMatrix(M)).to2DArray();
        const scale = Math.max(1, ...floatSingularValues(M).filter((s) => s > 1e-9).map((s) => 1 / s));
        exact.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(x.toNumber() - approx[i]![j]!)).toBeLessThan(1e-8 * scale * scale)));
      }),
      { numRuns: 40 },
    );
  });

  it('zero matrix, empty shapes and a worked example', () => {
    expect(pseudoInverse(Matrix.zeros(Q, 2, 3)).equals(Matrix.zeros(Q, 3, 2))).toBe(true);
    expect([pseudoInverse(Matrix.zeros(Q, 0, 3)).rows, pseudoInverse(Matrix.zeros(Q, 0, 3)).cols]).toEqual([3, 0]);
    expect([pseudoInverse(Matrix.zeros(Q, 2, 0)).rows, pseudoInverse(Matrix.zeros(Q, 2, 0)).cols]).toEqual([0, 2]);
    // [1 1]⁺ = [1/2, 1/2]ᵀ by hand (full row rank: Aᵀ(AAᵀ)⁻¹).
    expect(pseudoInverse(rat([[1, 1]])).toStrings()).toEqual([['1/2'], ['1/2']]);
  });
});
