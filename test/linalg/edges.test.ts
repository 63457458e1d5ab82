import { describe, expect, it } from 'vitest';
import { characteristicCoefficients } from '../../src/linalg/characteristic-polynomial.ts';
import { determinant } from '../../src/linalg/determinant.ts';
import { rank, rowSpace, rref, solve, solveMatrix } from '../../src/linalg/elimination.ts';
import { nullDirection } from '../../src/linalg/inertia.ts';
import { inverse } from '../../src/linalg/inverse.ts';
import { ldlt } from '../../src/linalg/ldl.ts';
import { Matrix, rat } from '../../src/linalg/matrix.ts';
import { hasSingularValueIn, singularValueCountIn, singularValueCountInUnion, singularValues } from '../../src/linalg/singular-values.ts';
import { zeroTest } from '../../src/linalg/zero-test.ts';
import { FloatField, Rational, RationalField, q } from '../../src/numbers/index.ts';

const Q = RationalField;
const floats = (rows: number[][]): Matrix<number> => Matrix.from(FloatField, rows);

describe('linalg edges', () => {
  it('float elimination pivots on the largest entry: a tiny pivot (first or last candidate) would lose two digits', () => {
    // Without partial pivoting, x0 comes out as 1.015625 instead of 1 + 1e−14 in both systems.
    for (const [rows, b] of [
      [[[1e-14, 1], [1, 1]], [1, 2]],
      [[[1, 1], [1e-14, 1]], [2, 1]],
    ] as [number[][], number[]][]) {
      const floatSolution = solve(floats(rows), b);
      // The same system solved exactly over the rationals (entries are the same doubles).
      const exact = solve(Matrix.from(Q, rows.map((r) => r.map((x) => Rational.fromNumber(x)))), b.map((x) => q(x)));
      expect(floatSolution.kind === 'solution' && exact.kind === 'solution').toBe(true);
      if (floatSolution.kind === 'solution' && exact.kind === 'solution') {
        floatSolution.particular.forEach((x, i) => expect(Math.abs(x - exact.particular[i]!.toNumber())).toBeLessThan(1e-12));
      }
    }
  });

  it('float elimination of empty shapes, row spaces and shape errors', () => {
    expect(rank(Matrix.zeros(FloatField, 0, 3))).toBe(0);
    expect(rref(Matrix.zeros(FloatField, 0, 2)).pivotColumns).toEqual([]);
    expect(rowSpace(rat([[1, 2], [2, 4], [0, 1]])).map((r) => r.map(String))).toEqual([['1', '0'], ['0', '1']]);
    expect(rowSpace(floats([[2, 4], [1, 2]]))).toEqual([[1, 2]]);
    expect(() => solveMatrix(rat([[1, 2]]), rat([[1], [2]]))).toThrow('solve: right-hand side has 2 rows, matrix has 1');
    expect(() => solve(rat([[1, 2]]), [q(1), q(2)])).toThrow('solve: right-hand side has 2 entries, matrix has 1 rows');
  });

  it('exact zero tests ignore magnitude: 10⁻³⁰ is not zero', () => {
    const isZero = zeroTest(rat([[1]]), 'op');
    expect(isZero(Rational.of(1n, 10n ** 30n))).toBe(false);
    expect(rank(rat([['1/1000000000000000000000000000000']]))).toBe(1);
  });

  it('operations name themselves in their errors', () => {
    expect(() => inverse(rat([[1, 2]]))).toThrow('inverse: expected a square matrix, got 1×2');
    expect(() => determinant(rat([[1, 2]]))).toThrow('determinant: expected a square matrix, got 1×2');
    expect(() => determinant(floats([[1, Number.NaN], [0, 1]]))).toThrow('determinant: entry (0,1) is NaN, not a finite number');
    expect(() => characteristicCoefficients(rat([[1, 2]]))).toThrow('characteristic polynomial: expected a square matrix, got 1×2');
    expect(() => characteristicCoefficients(floats([[Infinity]]))).toThrow('characteristic polynomial: entry (0,0) is Infinity, not a finite number');
    expect(() => ldlt(rat([[1, 2], [3, 4]]))).toThrow('LDLᵀ: matrix is not symmetric at (0,1): 2 ≠ 3');
    expect(() => ldlt(floats([[1, 2], [2, 1]]), { zeroTolerance: -1 })).toThrow('LDLᵀ: zeroTolerance must be ≥ 0, got -1');
    expect(() => nullDirection(rat([[1, 2], [3, 4]]))).toThrow('null direction: matrix is not symmetric at (0,1): 2 ≠ 3');
  });

  it('singular values: counts on intervals and unions, edge intervals, and the convenience functions', () => {
    // diag(3, 1, 0): singular values 3, 1, 0.
    const A = rat([[3, 0, 0], [0, 1, 0], [0, 0, 0]]);
    const s = singularValues(A);
    expect([s.countIn(0, 3), s.countIn('1/2', 2), s.countIn(-5, -1), s.countIn(-1, '1/2'), s.countIn(1, 1)]).toEqual([3, 1, 0, 1, 1]);
    expect(() => s.countIn(2, 1)).toThrow('singular value count: empty interval [2, 1]');
    expect([s.hasSingularValueIn(2, '5/2'), s.hasSingularValueIn('5/2', 3)]).toEqual([false, true]);
    expect([hasSingularValueIn(A, 0, 0), hasSingularValueIn(A, '1/10', '9/10')]).toEqual([true, false]);
    expect(singularValueCountIn(A, 0, 10)).toBe(3);
    const union = [{ lo: q(0), hi: q(1) }, { lo: q(1, 2), hi: q(2) }, { lo: q(3), hi: q(4) }];
    expect(singularValueCountInUnion(A, union)).toBe(3);
    expect(s.countInUnion([{ lo: q(2), hi: q(5, 2) }])).toBe(0);
    expect(() => s.countInUnion([{ lo: q(0), hi: q(1) }, { lo: q(2), hi: q(1) }])).toThrow('interval 1 is empty: [2, 1]');
  });

  it('Matrix: shapes that differ only in columns, writes to later rows, empty block rows', () => {
    const M = rat([[1, 2, 3], [4, 5, 6]]);
    expect(M.equals(rat([[1, 2], [4, 5]]))).toBe(false);
    expect(M.equals(rat([[1, 2], [3, 4]]))).toBe(false); // same leading entries, fewer columns
    expect(M.equals(rat([[1, 2], [3, 4], [5, 6]]))).toBe(false);
    expect(() => M.add(rat([[1, 2], [3, 4]]))).toThrow('add: shapes 2×3 and 2×2 differ');
    expect(M.with(1, 2, q(0)).toStrings()).toEqual([['1', '2', '3'], ['4', '5', '0']]);
    expect(() => Matrix.zeros(Q, 2, -1)).toThrow('invalid matrix size 2×-1');
    const noRows = Matrix.block(Q, [[Matrix.zeros(Q, 0, 2), Matrix.zeros(Q, 0, 3)]]);
    expect([noRows.rows, noRows.cols]).toEqual([0, 5]);
    const emptyRow = Matrix.block(Q, [[]]);
    expect([emptyRow.rows, emptyRow.cols]).toEqual([0, 0]);
  });
});
