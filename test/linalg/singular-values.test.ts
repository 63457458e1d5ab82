import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatConditionNumber, floatSingularValues, floatSpectralNorm, floatSymmetricEigenvalues } from '../../src/linalg/float.ts';
import { Matrix, rat } from '../../src/linalg/matrix.ts';
import { SingularValues, mergeIntervals, singularValueCountIn, singularValueIntervals } from '../../src/linalg/singular-values.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { anyMatrix, ratMatrix, squareMatrix } from './support.ts';

const Q = RationalField;

/** A rational rotation from the Pythagorean triple (a, b, c). */
function rotation(a: number, b: number, c: number): Matrix<Rational> {
  return rat([
    [q(a, c), q(-b, c)],
    [q(b, c), q(a, c)],
  ]);
}

describe('exact singular values', () => {
  it('isolating intervals contain the ml-matrix SVD values, in order, with the requested width', () => {
    fc.assert(
      fc.property(anyMatrix(4), (A) => {
        const width = q(1, 10 ** 6);
        const intervals = singularValueIntervals(A, width);
        const expanded = intervals.flatMap((s) => Array.from({ length: s.multiplicity }, () => s));
        const floats = floatSingularValues(A);
        expect(expanded.length).toBe(Math.min(A.rows, A.cols));
        expect(floats.length).toBe(expanded.length);
        const tolerance = 1e-9 * Math.max(1, floats[0] ?? 0);
        expanded.forEach((s, i) => {
          expect(s.hi.sub(s.lo).le(width)).toBe(true);
          expect(s.lo.sign()).toBeGreaterThanOrEqual(0);
          expect(floats[i]!).toBeGreaterThanOrEqual(s.lo.toNumber() - tolerance);
          expect(floats[i]!).toBeLessThanOrEqual(s.hi.toNumber() + tolerance);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('interval counts agree with the float SVD away from the singular values', () => {
    const ends = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([x, y]) => [Math.min(x, y) / 20, Math.max(x, y) / 20] as const);
    fc.assert(
      fc.property(anyMatrix(4), ends, (A, [a, b]) => {
        const floats = floatSingularValues(A);
        fc.pre(floats.every((s) => Math.abs(s - a) > 1e-6 && Math.abs(s - b) > 1e-6));
        const expected = floats.filter((s) => s >= a && s <= b).length;
        expect(singularValueCountIn(A, Rational.fromNumber(a), Rational.fromNumber(b))).toBe(expected);
      }),
      { numRuns: 80 },
    );
  });

  it('each isolating interval holds exactly its multiplicity, decided exactly at its ends', () => {
    fc.assert(
      fc.property(anyMatrix(4, 1), (A) => {
        const sv = new SingularValues(A);
        const intervals = sv.intervals(q(1, 1000));
        for (const s of intervals) expect(sv.countIn(s.lo, s.hi)).toBe(s.multiplicity);
        expect(sv.countIn(q(0), q(10 ** 6))).toBe(sv.size);
        expect(sv.countInUnion(intervals.map(({ lo, hi }) => ({ lo, hi })))).toBe(sv.size);
      }),
      { numRuns: 50 },
    );
  });

  it('Qi (1984): the union of [(b_i − d_i)₊, b_i + d_i] holds every singular value', () => {
    fc.assert(
      fc.property(squareMatrix(4, 1), (A) => {
        const n = A.rows;
        const intervals = Array.from({ length: n }, (_, i) => {
          const b = A.get(i, i).abs();
          const rowSum = A.row(i).reduce((s, x, j) => (j === i ? s : s.add(x.abs())), Q.zero);
          const colSum = A.col(i).reduce((s, x, j) => (j === i ? s : s.add(x.abs())), Q.zero);
          const d = rowSum.max(colSum);
          return { lo: b.sub(d).max(Q.zero), hi: b.add(d) };
        });
        expect(new SingularValues(A).countInUnion(intervals)).toBe(n);
      }),
      { numRuns: 60 },
    );
  });

  it('diagonal, rotated and repeated examples are exact points', () => {
    const diag = singularValueIntervals(rat([[3, 0, 0], [0, -4, 0], [0, 0, 0]]));
    expect(diag.map((s) => [s.lo.toString(), s.hi.toString(), s.multiplicity])).toEqual([['4', '4', 1], ['3', '3', 1], ['0', '0', 1]]);
    // U·diag(2, 1/2)·Vᵀ with rational rotations U, V: singular values exactly 2 and 1/2
    const U = rotation(3, 4, 5);
    const V = rotation(5, 12, 13);
    const A = U.mul(Matrix.diag(Q, [q(2), q(1, 2)])).mul(V.transpose());
    expect(singularValueIntervals(A).map((s) => [s.lo.toString(), s.hi.toString(), s.multiplicity])).toEqual([['2', '2', 1], ['1/2', '1/2', 1]]);
    const repeated = U.scale(q(7, 3));
    expect(singularValueIntervals(repeated).map((s) => [s.lo.toString(), s.multiplicity])).toEqual([['7/3', 2]]);
    expect(singularValueCountIn(repeated, q(7, 3), q(7, 3))).toBe(2);
    expect(singularValueCountIn(repeated, q(0), q(233, 100))).toBe(0);
    // a wide matrix has min(m, n) singular values
    expect(singularValueIntervals(rat([[3, 4, 0]])).map((s) => s.lo.toString())).toEqual(['5']);
    expect(singularValueIntervals(Matrix.zeros(Q, 0, 3))).toEqual([]);
  });

  it('interval helpers validate and merge', () => {
    expect(mergeIntervals([{ lo: q(2), hi: q(3) }, { lo: q(0), hi: q(1) }, { lo: q(1), hi: q(2) }]).map((i) => [i.lo.toString(), i.hi.toString()])).toEqual([['0', '3']]);
    expect(() => singularValueCountIn(rat([[1]]), q(2), q(1))).toThrow(/empty interval/);
  });
});

describe('float extras', () => {
  it('condition number and spectral norm match the exact singular value intervals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => ratMatrix(n, n)), (A) => {
        const intervals = singularValueIntervals(A, q(1, 10 ** 9));
        const largest = intervals[0]!;
        const smallest = intervals[intervals.length - 1]!;
        const norm = floatSpectralNorm(A);
        expect(norm).toBeCloseTo(largest.lo.toNumber(), 6);
        if (smallest.hi.isZero()) expect(floatConditionNumber(A)).toBeGreaterThan(1e12);
        else {
          const exact = largest.lo.toNumber() / smallest.lo.toNumber();
          expect(Math.abs(floatConditionNumber(A) - exact) / exact).toBeLessThan(1e-5);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('symmetric eigenvalues of AᵀA are the squared singular values', () => {
    fc.assert(
      fc.property(anyMatrix(4, 1), (A) => {
        const G = A.transpose().mul(A);
        const eig = floatSymmetricEigenvalues(G).slice(-Math.min(A.rows, A.cols)).reverse();
        const s = floatSingularValues(A);
        const scale = Math.max(1, eig[0] ?? 0);
        eig.forEach((l, i) => expect(Math.abs(l - s[i]! * s[i]!)).toBeLessThan(1e-8 * scale));
      }),
      { numRuns: 40 },
    );
  });
});
