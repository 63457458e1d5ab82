import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjugate } from '../../src/linalg/adjugate.ts';
import { determinant, integerDeterminant } from '../../src/linalg/determinant.ts';
import { SingularMatrixError } from '../../src/linalg/errors.ts';
import { inverse } from '../../src/linalg/inverse.ts';
import { Matrix, rat } from '../../src/linalg/matrix.ts';
import type { Field } from '../../src/numbers/field.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import type { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { cofactorAdjugate, identity, leibnizDeterminant, ratMatrix, squareMatrix } from './support.ts';

const Q = RationalField;
/** The rationals under another identity: forces the generic exact-field (in-field Bareiss) path. */
const OtherRationals: Field<Rational> = { ...RationalField, name: 'rational (generic path)' };

const pair = fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(ratMatrix(n, n), ratMatrix(n, n)));

describe('determinant', () => {
  it('equals the Leibniz expansion (n ≤ 4), on both exact paths', () => {
    fc.assert(
      fc.property(squareMatrix(4), (M) => {
        const expected = leibnizDeterminant(M);
        expect(determinant(M).equals(expected)).toBe(true);
        expect(determinant(M.map(OtherRationals, (x) => x)).equals(expected)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('is multiplicative', () => {
    fc.assert(
      fc.property(pair, ([A, B]) => determinant(A.mul(B)).equals(determinant(A).mul(determinant(B)))),
      { numRuns: 80 },
    );
  });

  it('float Gaussian elimination agrees with the exact value', () => {
    fc.assert(
      fc.property(squareMatrix(5, 1), (M) => {
        const exact = determinant(M).toNumber();
        const approx = determinant(M.map(FloatField, (x) => x.toNumber()));
        expect(Math.abs(approx - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
      }),
      { numRuns: 60 },
    );
  });

  it('decimal (40 digits) elimination agrees with the exact value to 30 digits', () => {
    const D = decimalField(40);
    fc.assert(
      fc.property(squareMatrix(4, 1), (M) => {
        const exact = determinant(M).toDecimal(60);
        const approx = determinant(M.map(D, (x) => D.fromRational(x)));
        expect(approx.minus(exact).abs().lte(exact.abs().plus(1).times('1e-30'))).toBe(true);
      }),
      { numRuns: 30 },
    );
    expect(() => determinant(Matrix.from(FloatField, [[NaN]]))).toThrow(/entry \(0,0\) is NaN/);
  });

  it('integer Bareiss on a known matrix', () => {
    // By hand along the first row: 2·(3·2 − 2·1) − 0 + 1·(1·1 − 3·1) = 8 − 2 = 6.
    expect(integerDeterminant([[2n, 0n, 1n], [1n, 3n, 2n], [1n, 1n, 2n]])).toBe(6n);
    expect(integerDeterminant([])).toBe(1n);
    expect(() => determinant(rat([[1, 2]]))).toThrow(/square/);
  });
});

describe('inverse', () => {
  it('M·M⁻¹ = M⁻¹·M = I when det ≠ 0, SingularMatrixError otherwise', () => {
    fc.assert(
      fc.property(squareMatrix(4), (M) => {
        const n = M.rows;
        if (leibnizDeterminant(M).isZero()) {
          expect(() => inverse(M)).toThrow(SingularMatrixError);
          return;
        }
        const Minv = inverse(M);
        expect(M.mul(Minv).equals(identity(n))).toBe(true);
        expect(Minv.mul(M).equals(identity(n))).toBe(true);
      }),
      { numRuns: 120 },
    );
  });

  it('names the rank in the error', () => {
    expect(() => inverse(rat([[1, 2], [2, 4]]))).toThrow('inverse: matrix is singular (rank 1 of 2)');
  });
});

describe('adjugate', () => {
  it('adj(M)·M = M·adj(M) = det(M)·I, singular matrices included', () => {
    fc.assert(
      fc.property(squareMatrix(5), (M) => {
        const A = adjugate(M);
        const dI = identity(M.rows).scale(determinant(M));
        expect(A.mul(M).equals(dI)).toBe(true);
        expect(M.mul(A).equals(dI)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('equals the transposed cofactor matrix (n ≤ 4)', () => {
    fc.assert(
      fc.property(squareMatrix(4), (M) => adjugate(M).equals(cofactorAdjugate(M))),
      { numRuns: 100 },
    );
  });

  it('rank n−1 and rank ≤ n−2 examples', () => {
    expect(adjugate(rat([[1, 2], [2, 4]])).toStrings()).toEqual([['4', '-2'], ['-2', '1']]);
    expect(adjugate(rat([[1, 2, 3], [2, 4, 6], [3, 6, 9]])).isZero()).toBe(true);
    expect(adjugate(rat([[7]])).toStrings()).toEqual([['1']]);
    expect(adjugate(Matrix.zeros(Q, 0, 0)).rows).toBe(0);
  });
});
