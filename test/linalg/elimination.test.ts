import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import {
  columnSpace,
  leftNullSpace,
  nullSpace,
  rank,
  rowSpace,
  rref,
  rrefWithTransform,
  solve,
  solveMatrix,
} from '../../src/linalg/elimination.ts';
import { Matrix, rat, ratVec } from '../../src/linalg/matrix.ts';
import { NumberError } from '../../src/numbers/errors.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import type { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { anyMatrix, bruteForceRank, isZeroVector, leibnizDeterminant, ratMatrix } from './support.ts';

const Q = RationalField;

/** Checks the defining shape of a reduced row echelon form. */
function isReducedRowEchelon(R: Matrix<Rational>, pivots: readonly number[]): boolean {
  for (let i = 0; i < R.rows; i++) {
    const lead = R.row(i).findIndex((x) => !x.isZero());
    if (i >= pivots.length) {
      if (lead !== -1) return false;
      continue;
    }
    if (lead !== pivots[i] || !R.get(i, lead).equals(Q.one)) return false;
    if (i > 0 && pivots[i]! <= pivots[i - 1]!) return false;
    if (R.col(lead).some((x, k) => k !== i && !x.isZero())) return false;
  }
  return true;
}

describe('row reduction', () => {
  it('rank equals the size of the largest non-zero minor', () => {
    fc.assert(fc.property(anyMatrix(4), (M) => rank(M) === bruteForceRank(M)), { numRuns: 120 });
  });

  it('rref is reduced row echelon and equals E·M with E invertible', () => {
    fc.assert(
      fc.property(anyMatrix(4), (M) => {
        const { rref: R, transform: E, pivotColumns } = rrefWithTransform(M);
        expect(isReducedRowEchelon(R, pivotColumns)).toBe(true);
        expect(E.mul(M).equals(R)).toBe(true);
        expect(leibnizDeterminant(E).isZero()).toBe(false);
        expect(rref(M).rref.equals(R)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('null space: Mv = 0, independent, cols − rank vectors', () => {
    fc.assert(
      fc.property(anyMatrix(4), (M) => {
        const basis = nullSpace(M);
        expect(basis.length).toBe(M.cols - bruteForceRank(M));
        for (const v of basis) expect(isZeroVector(M.mulVec(v))).toBe(true);
        if (basis.length > 0) expect(bruteForceRank(Matrix.fromColumns(Q, basis, M.cols))).toBe(basis.length);
      }),
      { numRuns: 80 },
    );
  });

  it('column space, row space and left null space have the right sizes and spans', () => {
    fc.assert(
      fc.property(anyMatrix(4), (M) => {
        const r = bruteForceRank(M);
        const cols = columnSpace(M);
        expect(cols.length).toBe(r);
        if (r > 0) {
          const C = Matrix.fromColumns(Q, cols, M.rows);
          expect(bruteForceRank(C)).toBe(r);
          // every column of M lies in the span of the basis
          expect(bruteForceRank(C.hstack(M))).toBe(r);
          const rowBasis = Matrix.from(Q, rowSpace(M), M.cols);
          expect(bruteForceRank(rowBasis.vstack(M))).toBe(r);
        }
        const left = leftNullSpace(M);
        expect(left.length).toBe(M.rows - r);
        for (const y of left) expect(isZeroVector(M.transpose().mulVec(y))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('solve: a consistent system gives verified solutions, an inconsistent one a verified certificate', () => {
    const system = anyMatrix(4, 1).chain((A) =>
      fc.tuple(fc.constant(A), fc.array(smallRational(), { minLength: A.rows, maxLength: A.rows }), fc.array(smallRational(), { minLength: A.cols, maxLength: A.cols })),
    );
    fc.assert(
      fc.property(system, ([A, b, x0]) => {
        const consistentRhs = A.mulVec(x0);
        const ok = solve(A, consistentRhs);
        expect(ok.kind).toBe('solution');
        const augmentedRank = bruteForceRank(A.hstack(Matrix.column(Q, b)));
        const rankA = bruteForceRank(A);
        const s = solve(A, b);
        if (s.kind === 'solution') {
          expect(augmentedRank).toBe(rankA);
          expect(A.mulVec(s.particular).every((v, i) => v.equals(b[i]!))).toBe(true);
          expect(s.nullBasis.length).toBe(A.cols - rankA);
          for (const v of s.nullBasis) expect(isZeroVector(A.mulVec(v))).toBe(true);
        } else {
          expect(augmentedRank).toBe(rankA + 1);
          const y = s.certificate;
          expect(isZeroVector(A.transpose().mulVec(y))).toBe(true);
          expect(y.reduce((acc, yi, i) => acc.add(yi.mul(b[i]!)), Q.zero).equals(Q.one)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('solveMatrix solves AX = B column by column', () => {
    const system = fc
      .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 0, max: 3 }) })
      .chain(({ m, n, k }) => fc.tuple(ratMatrix(m, n), ratMatrix(n, k)));
    fc.assert(
      fc.property(system, ([A, X0]) => {
        const B = A.mul(X0);
        const s = solveMatrix(A, B);
        if (s.kind !== 'solution') throw new Error('AX = A·X0 reported inconsistent');
        expect(A.mul(s.particular).equals(B)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a worked example', () => {
    const A = rat([
      [1, 2, 3],
      [2, 4, 6],
      [1, 0, 1],
    ]);
    const { rref: R, pivotColumns } = rref(A);
    expect(R.toStrings()).toEqual([
      ['1', '0', '1'],
      ['0', '1', '1'],
      ['0', '0', '0'],
    ]);
    expect(pivotColumns).toEqual([0, 1]);
    expect(nullSpace(A).map((v) => v.map(String))).toEqual([['-1', '-1', '1']]);
    const bad = solve(A, ratVec([1, 3, 0]));
    expect(bad.kind).toBe('inconsistent');
  });

  it('empty shapes', () => {
    const wide = Matrix.zeros(Q, 0, 3);
    expect(rank(wide)).toBe(0);
    expect(nullSpace(wide).length).toBe(3);
    const tall = Matrix.zeros(Q, 3, 0);
    expect(nullSpace(tall)).toEqual([]);
    const s = solve(tall, ratVec([0, 1, 0]));
    expect(s.kind).toBe('inconsistent');
  });

  it('bad input is rejected', () => {
    expect(() => solve(rat([[1, 2]]), ratVec([1, 2]))).toThrow(/right-hand side has 2 entries/);
    const withNaN = Matrix.from(FloatField, [[1, NaN], [0, 1]]);
    expect(() => rank(withNaN)).toThrow(NumberError);
    expect(() => rank(withNaN)).toThrow('row reduction: entry (0,1) is NaN, not a finite number');
    expect(() => rank(Matrix.from(FloatField, [[Infinity]]))).toThrow(/entry \(0,0\) is Infinity/);
  });

  it('over floats, rank of an integer low-rank product matches the exact rank', () => {
    const lowRank = fc
      .record({ m: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 5 }), r: fc.integer({ min: 0, max: 3 }) })
      .chain(({ m, n, r }) => fc.tuple(ratMatrix(m, r, 4, 1), ratMatrix(r, n, 4, 1)).map(([X, Y]) => X.mul(Y)));
    fc.assert(
      fc.property(lowRank, (M) => rank(M.map(FloatField, (x) => x.toNumber())) === rank(M)),
      { numRuns: 80 },
    );
  });
});
