import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { adjugate } from '../../src/linalg/adjugate.ts';
import { SingularMatrixError, requireSquare } from '../../src/linalg/errors.ts';
import { floatConditionNumber, floatSingularValues, floatSpectralNorm, floatSymmetricEigenvalues, fromMlMatrix, toMlMatrix } from '../../src/linalg/float.ts';
import { inverse } from '../../src/linalg/inverse.ts';
import { Matrix, rat, ratVec } from '../../src/linalg/matrix.ts';
import { clearDenominators, commonDenominator } from '../../src/linalg/denominators.ts';
import { asRationalMatrix, isRationalMatrix } from '../../src/linalg/rational-matrix.ts';
import { simplestRationalBetween } from '../../src/linalg/simplest-rational.ts';
import { requireFiniteEntries, zeroTest } from '../../src/linalg/zero-test.ts';
import { FloatField, NumberError, Rational, RationalField, decimalField, q } from '../../src/numbers/index.ts';

const F = FloatField;
const floats = (rows: number[][]): Matrix<number> => Matrix.from(F, rows);

describe('linalg helpers', () => {
  it('SingularMatrixError carries rank and size; requireSquare names the operation', () => {
    const e = new SingularMatrixError('inverse', 1, 3);
    expect([e.name, e.message, e.rank, e.size, e instanceof Error]).toEqual(['SingularMatrixError', 'inverse: matrix is singular (rank 1 of 3)', 1, 3, true]);
    expect(() => requireSquare('det', 2, 3)).toThrow('det: expected a square matrix, got 2×3');
    expect(() => requireSquare('det', 2, 2)).not.toThrow();
  });

  it('inverse: exact for a regular matrix, SingularMatrixError with the rank otherwise', () => {
    expect(inverse(rat([[2, 1], [1, 1]])).toStrings()).toEqual([['1', '-1'], ['-1', '2']]);
    expect(() => inverse(rat([[1, 2], [2, 4]]))).toThrow('inverse: matrix is singular (rank 1 of 2)');
    expect(() => inverse(rat([[1, 2]]))).toThrow(RangeError);
  });

  it('adjugate against the cofactor formula for 1×1, 2×2, 3×3 (singular too)', () => {
    expect(adjugate(rat([[5]])).toStrings()).toEqual([['1']]);
    expect(adjugate(rat([[1, 2], [3, 4]])).toStrings()).toEqual([['4', '-2'], ['-3', '1']]);
    // Cofactors of [[1,2,3],[4,5,6],[7,8,9]] (rank 2), transposed.
    expect(adjugate(rat([[1, 2, 3], [4, 5, 6], [7, 8, 9]])).toStrings()).toEqual([['-3', '6', '-3'], ['6', '-12', '6'], ['-3', '6', '-3']]);
    expect(adjugate(rat([[2, 0, 0], [0, 3, 0], [0, 0, 4]])).toStrings()).toEqual([['12', '0', '0'], ['0', '8', '0'], ['0', '0', '6']]);
    expect(adjugate(Matrix.zeros(RationalField, 0, 0)).rows).toBe(0);
    expect(() => adjugate(rat([[1, 2]]))).toThrow('adjugate: expected a square matrix, got 1×2');
  });

  it('float helpers: conversion both ways, singular values, eigenvalues, condition number and norm', () => {
    const M = rat([[3, 0], [0, '-1/2']]);
    expect(toMlMatrix(M).to2DArray()).toEqual([[3, 0], [0, -0.5]]);
    expect(fromMlMatrix(new MlMatrix([[1, 2], [3, 4]])).toArrays()).toEqual([[1, 2], [3, 4]]);
    expect(fromMlMatrix(new MlMatrix(0, 3)).cols).toBe(3);
    expect(() => toMlMatrix(Matrix.from(F, [[1, Number.NaN]]))).toThrow('entry (0,1) = NaN is not a finite float64');
    expect(floatSingularValues(M)).toEqual([3, 0.5]);
    expect(floatSingularValues(rat([[0, 0, 2]]))).toEqual([2]);
    expect(floatSingularValues(Matrix.zeros(RationalField, 0, 2))).toEqual([]);
    expect(floatSingularValues(Matrix.zeros(RationalField, 2, 0))).toEqual([]);
    expect(floatSymmetricEigenvalues(rat([[2, 1], [1, 2]])).map((x) => Math.round(x * 1e12) / 1e12)).toEqual([1, 3]);
    expect(floatSymmetricEigenvalues(Matrix.zeros(RationalField, 0, 0))).toEqual([]);
    expect(() => floatSymmetricEigenvalues(rat([[1, 2]]))).toThrow(RangeError);
    expect(floatConditionNumber(M)).toBe(6);
    expect(floatConditionNumber(rat([[1, 0], [0, 0]]))).toBe(Infinity);
    expect(() => floatConditionNumber(Matrix.zeros(RationalField, 0, 0))).toThrow('condition number of an empty matrix');
    expect(floatSpectralNorm(M)).toBe(3);
    expect(floatSpectralNorm(Matrix.zeros(RationalField, 0, 0))).toBe(0);
  });

  it('rational matrices: recognition, common denominators and primitive integer vectors', () => {
    expect([isRationalMatrix(rat([[1]])), isRationalMatrix(floats([[1]]))]).toEqual([true, false]);
    expect(() => asRationalMatrix(floats([[1]]))).toThrow('expected a rational matrix, got one over float64');
    expect(commonDenominator([])).toBe(1n);
    expect(commonDenominator(ratVec(['1/4', '1/6', 2]))).toBe(12n);
    expect(clearDenominators(ratVec(['1/4', '-1/6', 0])).map(String)).toEqual(['3', '-2', '0']);
    expect(clearDenominators(ratVec([4, 6])).map(String)).toEqual(['2', '3']);
    expect(clearDenominators(ratVec([0, 0])).map(String)).toEqual(['0', '0']);
  });

  it('simplestRationalBetween: open intervals, unbounded above, negative side', () => {
    expect(() => simplestRationalBetween(q(1), q(1))).toThrow('empty interval (1, 1)');
    expect(simplestRationalBetween(q(-1), q(1)).toString()).toBe('0');
    expect(simplestRationalBetween(q(-1), null).toString()).toBe('0');
    expect(simplestRationalBetween(q(-3), q(-2)).toString()).toBe('-5/2');
    expect(simplestRationalBetween(q(-3), q(0)).toString()).toBe('-1');
    expect(simplestRationalBetween(q(0), q(1)).toString()).toBe('1/2');
    expect(simplestRationalBetween(q(2), null).toString()).toBe('3');
    expect(simplestRationalBetween(q(1, 3), q(1, 2)).toString()).toBe('2/5');
    expect(simplestRationalBetween(q(1), q(3, 2)).toString()).toBe('4/3');
    expect(simplestRationalBetween(q(0), q(2)).toString()).toBe('1');
  });

  it('zero tests: exact over the rationals, tolerance-based (and checked) over floats', () => {
    const exact = zeroTest(rat([[1]]), 'op');
    expect([exact(Rational.ZERO), exact(q(1, 10 ** 9))]).toEqual([true, false]);
    const M = floats([[1, 2], [3, 4]]);
    const isZero = zeroTest(M, 'op');
    // Default tolerance max|entry| · max(rows, cols) · 2⁻⁵² = 8 · 2⁻⁵².
    expect([isZero(8 * Number.EPSILON), isZero(-8 * Number.EPSILON), isZero(9 * Number.EPSILON)]).toEqual([true, true, false]);
    const loose = zeroTest(M, 'op', { zeroTolerance: 0.5 });
    expect([loose(0.5), loose(0.51)]).toEqual([true, false]);
    expect(() => zeroTest(M, 'op', { zeroTolerance: -1 })).toThrow('op: zeroTolerance must be ≥ 0, got -1');
    expect(() => zeroTest(M, 'op', { zeroTolerance: Number.NaN })).toThrow(RangeError);
    expect(() => zeroTest(M, 'op', { zeroTolerance: Infinity })).toThrow(RangeError);
    expect(() => zeroTest(floats([[1, Infinity]]), 'rank')).toThrow('rank: entry (0,1) is Infinity, not a finite number');
    expect(() => requireFiniteEntries(floats([[Number.NaN]]), 'op')).toThrow(NumberError);
    expect(() => requireFiniteEntries(floats([[1, 2]]), 'op')).not.toThrow();
    const D = decimalField(20);
    const tiny = zeroTest(Matrix.from(D, [[D.fromInt(1)]]), 'op');
    expect([tiny(D.fromNumber(1e-30)), tiny(D.fromNumber(1e-10))]).toEqual([true, false]);
    // A 3×1 matrix: the size factor is max(rows, cols) = 3.
    const tall = zeroTest(floats([[1], [0], [0]]), 'op');
    expect([tall(3 * Number.EPSILON), tall(4 * Number.EPSILON)]).toEqual([true, false]);
  });
});
