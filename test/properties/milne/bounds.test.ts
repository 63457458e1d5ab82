import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatSingularValues } from '../../../src/linalg/float.ts';
import { rat } from '../../../src/linalg/matrix.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { inMilneU1, inMilneU2, inMilneU3, milneM, milneNormBound, milneThreshold, qiIntervals, smallestSingularValueBounds } from '../../../src/network/milne-bounds.ts';
import { ratMatrix } from '../../linalg/support.ts';

const q = (x: number | string): Rational => Rational.from(x);

describe("Qi's intervals", () => {
  it('by hand: b_i = |a_ii|, d_i = max(off-diagonal row sum, column sum)', () => {
    // Off-diagonal row sums: 3, 1, 1; column sums: 1, 2, 2.
    const A = rat([
      [4, -2, 1],
      [0, -1, 1],
      [1, 0, '1/2'],
    ]);
    const B = qiIntervals(A).map(({ b, d, lo, hi }) => [b, d, lo, hi].map(String));
    expect(B).toEqual([
      ['4', '3', '1', '7'],
      ['1', '2', '0', '3'],
      ['1/2', '2', '0', '5/2'],
    ]);
  });
});

describe('norms, M, U-membership and ε', () => {
  const W = [
    [
      [q(1), q(-2)],
      [q('1/2'), q(0)],
    ],
    [[q(3)], [q(-1)]],
  ];
  it('n(W) is the largest 1-norm of a row or column of any W_i', () => {
    // W_0 rows 3, 1/2; columns 3/2, 2; W_1 rows 3, 1; column 4.
    expect(milneNormBound(W).toString()).toBe('4');
    expect(inMilneU1(W, q(5))).toBe(false); // needs 4 < β − 1
    expect(inMilneU1(W, q('51/10'))).toBe(true);
    // Here a row wins: W_0 = [3, −2] has row norm 5, columns 3 and 2; W_1 = [1; 1] has rows 1, 1 and column 2.
    expect(milneNormBound([[[q(3), q(-2)]], [[q(1)], [q(1)]]]).toString()).toBe('5');
  });
  it('M, U₂, U₃ and ε(R) by hand', () => {
    expect(milneM([q(2), q(1)], q(2), 1).toString()).toBe('11'); // 3/2·2 + 2³
    expect(inMilneU2([q(3), q(1)], [q(2), q(1)])).toBe(false); // |3 − 2| = 1 = f/2 is not < f/2
    expect(inMilneU2([q('29/10'), q(1)], [q(2), q(1)])).toBe(true);
    // U₃: 4M²ℓ < (λ − θ)²; M = 11, ℓ = 1/484 gives 4·121/484 = 1 = (3/2 − 1/2)².
    expect(inMilneU3(q('1/484'), q('3/2'), q('1/2'), q(11))).toBe(false);
    expect(inMilneU3(q('1/485'), q('3/2'), q('1/2'), q(11))).toBe(true);
    // ε(R) = (λ − θ)²/(4M(f, R + 1, H)²) with R = 1, H = 1, max f = 2: M = 3 + 8 = 11.
    expect(milneThreshold([q(2), q(1)], q(1), 1, q('3/2'), q('1/2')).toString()).toBe('1/484');
  });
});

describe('argument checks and boundary cases', () => {
  it("Qi's intervals need a square matrix", () => {
    expect(() => qiIntervals(rat([[1, 2]]))).toThrow(/Qi's intervals need a square matrix, got 1×2/);
  });
  it('M(f, β, H) needs a target and a non-negative integer H; H = 0 is allowed', () => {
    expect(() => milneM([], q(2), 1)).toThrow(/M\(f, β, H\) needs at least one target/);
    expect(() => milneM([q(2)], q(2), -1)).toThrow(/H must be a non-negative integer, got -1/);
    expect(() => milneM([q(2)], q(2), 1.5)).toThrow(/H must be a non-negative integer, got 1.5/);
    expect(milneM([q(2)], q(2), 0).toString()).toBe('7'); // 3/2·2 + 2²
  });
  it('U₂ needs one output per target', () => {
    expect(() => inMilneU2([q(1), q(2)], [q(1)])).toThrow(/2 outputs but 1 targets/);
  });
  it('U₃ is empty when λ ≤ θ, even at zero loss', () => {
    expect(inMilneU3(q(0), q('1/2'), q('3/2'), q(11))).toBe(false);
    expect(inMilneU3(q(0), q('1/2'), q('1/2'), q(11))).toBe(false);
    expect(inMilneU3(q(0), q('3/2'), q('1/2'), q(11))).toBe(true);
  });
});

describe('smallest singular value bounds', () => {
  it('bracket the float SVD minimum', () => {
    const square = fc.integer({ min: 1, max: 5 }).chain((n) => ratMatrix(n, n, 4, 3));
    fc.assert(
      fc.property(square, (A) => {
        const { lo, hi } = smallestSingularValueBounds(A, q('1/1000000'));
        const s = floatSingularValues(A);
        const smallest = s[s.length - 1]!;
        expect(lo.toNumber()).toBeLessThanOrEqual(smallest + 1e-9);
        expect(hi.toNumber()).toBeGreaterThanOrEqual(smallest - 1e-9);
        expect(hi.sub(lo).le(q('1/1000000'))).toBe(true);
      }),
      { numRuns: 40, seed: 41 },
    );
  });
  it('is exact for diag(3, 1/2)', () => {
    const { lo, hi } = smallestSingularValueBounds(rat([[3, 0], [0, '1/2']]));
    expect(lo.le(q('1/2')) && hi.ge(q('1/2'))).toBe(true);
  });
});
