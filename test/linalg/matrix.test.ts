import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matrix, rat, ratVec } from '../../src/linalg/matrix.ts';
import { FloatField, RationalField, q, type Rational } from '../../src/numbers/index.ts';
import { ratMatrix } from './support.ts';

const Q = RationalField;

/** Entry (i, j) of a product by the textbook triple sum, written out independently. */
function productEntry(a: Rational[][], b: Rational[][], i: number, j: number): string {
  let s = q(0);
  for (let k = 0; k < b.length; k++) s = s.add(a[i]![k]!.mul(b[k]![j]!));
  return s.toString();
}

describe('Matrix: construction and shape checks', () => {
  it('from, build, zeros, identity, diag, column, rowVector and fromColumns', () => {
    expect(rat([[1, '1/2'], [0, -3]]).toStrings()).toEqual([['1', '1/2'], ['0', '-3']]);
    expect(Matrix.zeros(Q, 2, 3).toStrings()).toEqual([['0', '0', '0'], ['0', '0', '0']]);
    expect(Matrix.identity(Q, 2).toStrings()).toEqual([['1', '0'], ['0', '1']]);
    expect(Matrix.diag(Q, ratVec([2, 3])).toStrings()).toEqual([['2', '0'], ['0', '3']]);
    expect(Matrix.column(Q, ratVec([1, 2])).toStrings()).toEqual([['1'], ['2']]);
    expect(Matrix.rowVector(Q, ratVec([1, 2])).toStrings()).toEqual([['1', '2']]);
    expect(Matrix.fromColumns(Q, [ratVec([1, 2]), ratVec([3, 4])]).toStrings()).toEqual([['1', '3'], ['2', '4']]);
    expect(Matrix.build(Q, 2, 2, (i, j) => q(10 * i + j)).toStrings()).toEqual([['0', '1'], ['10', '11']]);
    const empty = Matrix.from(Q, []);
    expect([empty.rows, empty.cols]).toEqual([0, 0]);
    const wide = Matrix.from(Q, [], 3);
    expect([wide.rows, wide.cols]).toEqual([0, 3]);
    const noColumns = Matrix.fromColumns(Q, []);
    expect([noColumns.rows, noColumns.cols]).toEqual([0, 0]);
    expect(Matrix.fromColumns(Q, [], 2).rows).toBe(2);
  });

  it('rejects ragged rows and columns and invalid sizes with messages', () => {
    expect(() => rat([[1, 2], [3]])).toThrow('matrix row 1 has 1 entries, expected 2');
    expect(() => Matrix.fromColumns(Q, [ratVec([1, 2]), ratVec([3])])).toThrow('column 1 has 1 entries, expected 2');
    expect(() => Matrix.zeros(Q, -1, 2)).toThrow('invalid matrix size -1×2');
    expect(() => Matrix.zeros(Q, 2, -1)).toThrow(RangeError);
    expect(() => Matrix.zeros(Q, 1.5, 2)).toThrow(RangeError);
    expect(() => Matrix.zeros(Q, 2, 0.5)).toThrow(RangeError);
    expect(Matrix.zeros(Q, 0, 2).cols).toBe(2);
  });

  it('block matrices check heights and widths', () => {
    const A = rat([[1, 2]]);
    const B = rat([[3]]);
    const C = rat([[4, 5], [6, 7]]);
    const D = rat([[8], [9]]);
    expect(Matrix.block(Q, [[A, B], [C, D]]).toStrings()).toEqual([['1', '2', '3'], ['4', '5', '8'], ['6', '7', '9']]);
    expect(A.hstack(B).toStrings()).toEqual([['1', '2', '3']]);
    expect(A.vstack(C).toStrings()).toEqual([['1', '2'], ['4', '5'], ['6', '7']]);
    expect(() => Matrix.block(Q, [[A, D]])).toThrow('block (0,1) has 2 rows, expected 1');
    expect(() => Matrix.block(Q, [[A, B], [C]])).toThrow('block row 1 has 1 blocks');
    expect(() => Matrix.block(Q, [[A, B], [D, D]])).toThrow('block (1,0) has 1 columns, expected 2');
    const none = Matrix.block(Q, []);
    expect([none.rows, none.cols]).toEqual([0, 0]);
  });
});

describe('Matrix: access and arithmetic', () => {
  const M = rat([[1, 2, 3], [4, 5, 6]]);

  it('get checks every bound; row, col, vec, toArrays, select, slice and with', () => {
    expect(M.get(1, 2).toString()).toBe('6');
    for (const [i, j] of [[-1, 0], [2, 0], [0, -1], [0, 3]] as const) expect(() => M.get(i, j)).toThrow(`index (${i},${j}) outside a 2×3 matrix`);
    expect(M.row(1).map(String)).toEqual(['4', '5', '6']);
    expect(M.col(1).map(String)).toEqual(['2', '5']);
    expect(M.vec().map(String)).toEqual(['1', '4', '2', '5', '3', '6']);
    expect(M.toArrays().map((r) => r.map(String))).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(M.select([1, 0], [2, 0]).toStrings()).toEqual([['6', '4'], ['3', '1']]);
    expect(M.slice(0, 2, 1, 3).toStrings()).toEqual([['2', '3'], ['5', '6']]);
    expect(M.slice(1, 1, 0, 3).rows).toBe(0);
    for (const [r0, r1, c0, c1] of [[-1, 1, 0, 1], [0, 3, 0, 1], [2, 1, 0, 1], [0, 1, -1, 1], [0, 1, 0, 4], [0, 1, 2, 1]] as const) {
      expect(() => M.slice(r0, r1, c0, c1)).toThrow(`slice [${r0},${r1})×[${c0},${c1}) outside a 2×3 matrix`);
    }
    const changed = M.with(0, 1, q(9));
    expect(changed.toStrings()).toEqual([['1', '9', '3'], ['4', '5', '6']]);
    expect(M.get(0, 1).toString()).toBe('2');
    expect(() => M.with(2, 0, q(1))).toThrow(RangeError);
  });

  it('add, sub, scale, neg, transpose, trace and mulVec by hand', () => {
    const N = rat([[0, 1, 0], [1, 0, -1]]);
    expect(M.add(N).toStrings()).toEqual([['1', '3', '3'], ['5', '5', '5']]);
    expect(M.sub(N).toStrings()).toEqual([['1', '1', '3'], ['3', '5', '7']]);
    expect(M.scale(q(1, 2)).toStrings()).toEqual([['1/2', '1', '3/2'], ['2', '5/2', '3']]);
    expect(M.neg().toStrings()).toEqual([['-1', '-2', '-3'], ['-4', '-5', '-6']]);
    expect(M.transpose().toStrings()).toEqual([['1', '4'], ['2', '5'], ['3', '6']]);
    expect(rat([[1, 2], [3, 4]]).trace().toString()).toBe('5');
    expect(() => M.trace()).toThrow('trace of a non-square 2×3 matrix');
    expect(M.mulVec(ratVec([1, 0, -1])).map(String)).toEqual(['-2', '-2']);
    expect(() => M.mulVec(ratVec([1, 0]))).toThrow('cannot multiply 2×3 by a vector of 2');
    expect(() => M.add(M.transpose())).toThrow('add: shapes 2×3 and 3×2 differ');
    expect(() => M.sub(rat([[1, 2, 3]]))).toThrow('sub: shapes 2×3 and 1×3 differ');
    expect(() => M.mul(M)).toThrow('cannot multiply 2×3 by 2×3');
  });

  it('mul agrees with the triple sum, also with zero entries', () => {
    fc.assert(
      fc.property(ratMatrix(2, 3), ratMatrix(3, 2), (A, B) => {
        const C = A.mul(B);
        const a = A.toArrays();
        const b = B.toArrays();
        expect([C.rows, C.cols]).toEqual([2, 2]);
        for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(C.get(i, j).toString()).toBe(productEntry(a, b, i, j));
      }),
    );
  });

  it('equals, isZero, isSquare, isSymmetric, map and printing', () => {
    expect(M.equals(rat([[1, 2, 3], [4, 5, 6]]))).toBe(true);
    expect(M.equals(rat([[1, 2, 3], [4, 5, 7]]))).toBe(false);
    expect(M.equals(rat([[1, 2, 3]]))).toBe(false);
    expect(M.equals(M.transpose())).toBe(false);
    expect(rat([[1, 2], [3, 4]]).equals(rat([[1, 3], [2, 4]]))).toBe(false);
    expect(rat([[1, 2]]).equals(rat([[1], [2]]))).toBe(false);
    expect([Matrix.zeros(Q, 2, 2).isZero(), rat([[0, 1]]).isZero()]).toEqual([true, false]);
    expect([M.isSquare(), rat([[1]]).isSquare()]).toEqual([false, true]);
    expect([rat([[1, 2], [2, 1]]).isSymmetric(), rat([[1, 2], [3, 1]]).isSymmetric(), M.isSymmetric()]).toEqual([true, false, false]);
    const floats = M.map(FloatField, (x, i, j) => x.toNumber() + 10 * i + 100 * j);
    expect(floats.toArrays()).toEqual([[1, 102, 203], [14, 115, 216]]);
    expect(floats.field).toBe(FloatField);
    expect(rat([[1, '1/2'], [0, -3]]).toString()).toBe('[1, 1/2]\n[0, -3]');
  });
});
