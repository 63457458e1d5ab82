import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matrix } from '../../../src/linalg/matrix.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { leibnizDeterminant, milneActivePaths, nonZeroLeibnizTerms, permutationSign, permutationStructure } from '../../../src/network/milne-leibniz.ts';
import { milneMatrix } from '../../../src/network/milne-matrix.ts';
import { point } from '../../../properties/milne/_instances.ts';
import { ratMatrix } from '../../linalg/support.ts';
import { fullLeibniz, nestedRelu, permutations } from './support.ts';

const q = (x: number): Rational => Rational.of(x);

/** Parity of the number of inversions: an independent definition of the sign. */
function inversionSign(p: readonly number[]): number {
  let inversions = 0;
  for (let i = 0; i < p.length; i++) for (let j = i + 1; j < p.length; j++) if (p[i]! > p[j]!) inversions++;
  return inversions % 2 === 0 ? 1 : -1;
}

describe('Leibniz terms', () => {
  it('permutationSign agrees with the inversion count on every permutation of 5 elements', () => {
    for (const { p, sign } of permutations(5)) {
      expect(permutationSign(p)).toBe(inversionSign(p));
      expect(sign).toBe(inversionSign(p));
    }
  });

  it('permutationSign rejects lists that are not bijections of 0..n−1', () => {
    expect(() => permutationSign([0.5, 0])).toThrow(/not a permutation of 0..1: 0.5,0/);
    expect(() => permutationSign([-1, 0])).toThrow(/not a permutation of 0..1: -1,0/);
    expect(() => permutationSign([0, 2])).toThrow(/not a permutation of 0..1: 0,2/);
    // In range but repeated: [1, 1] would otherwise read as one fixed point and one 1-cycle.
    expect(() => permutationSign([1, 1])).toThrow(/not a permutation of 0..1: 1,1/);
    expect(() => permutationSign([0, 0])).toThrow(/not a permutation/);
    expect(permutationSign([])).toBe(1);
  });

  it('nonZeroLeibnizTerms needs a square matrix', () => {
    expect(() => nonZeroLeibnizTerms(Matrix.from(RationalField, [[q(1), q(2)]]))).toThrow(/Leibniz terms need a square matrix, got 1×2/);
  });

  it('the pruned depth-first Leibniz sum equals the full n! sum', () => {
    const sized = fc.integer({ min: 1, max: 5 }).chain((n) => ratMatrix(n, n, 2, 1).map((A) => A));
    fc.assert(
      fc.property(sized, (A) => {
        expect(leibnizDeterminant(A).equals(fullLeibniz(A))).toBe(true);
        for (const t of nonZeroLeibnizTerms(A)) expect(t.product.isZero()).toBe(false);
      }),
      { numRuns: 60, seed: 21 },
    );
  });

  it('finds exactly the non-zero terms of a hand-made matrix', () => {
    // Row 1 must take column 0, row 2 column 1, so row 0 column 2: σ = [2, 0, 1], a 3-cycle (sign +1), product 2·3·4.
    const A = Matrix.from(RationalField, [
      [q(0), q(1), q(2)],
      [q(3), q(0), q(0)],
      [q(0), q(4), q(0)],
    ]);
    const terms = nonZeroLeibnizTerms(A);
    expect(terms.map((t) => t.permutation)).toEqual([[2, 0, 1]]);
    expect(terms[0]!.product.toString()).toBe('24');
    expect(terms[0]!.sign).toBe(1);
  });
});

describe('active paths of eq. (8)', () => {
  it('the sum of the path products is y(a, W) (nested ReLUs)', () => {
    fc.assert(
      fc.property(point({ maxDepth: 2 }), ({ a, W }) => {
        const total = milneActivePaths(a, W).reduce((s, p) => s.add(p.product), Rational.ZERO);
        expect(total.equals(nestedRelu(RationalField, a, W))).toBe(true);
      }),
      { numRuns: 60, seed: 22 },
    );
  });

  it('hand example: a = 2, W_0 = [1, −1], W_1 = [3; 5] has the single path 0 → 0 → 0 of product 6', () => {
    const paths = milneActivePaths([q(2)], [[[q(1), q(-1)]], [[q(3)], [q(5)]]]);
    expect(paths.map((p) => [p.nodes, p.product.toString()])).toEqual([[[0, 0, 0], '6']]);
  });
});

describe('active paths with zero factors', () => {
  it('a path through an active neuron but over a zero weight or a zero input entry is left out', () => {
    // a = (1, 0), W_0 = [[1, 2], [5, 5]]: z_1 = (1, 2), both on; W_1 = [0; 1]: z_2 = 2, on.
    // Paths from a_0: 0→0→0 has w^1_{0,0} = 0, 0→1→0 has product 1·2·1 = 2; paths from a_1 start at 0.
    const paths = milneActivePaths([q(1), q(0)], [[[q(1), q(2)], [q(5), q(5)]], [[q(0)], [q(1)]]]);
    expect(paths.map((p) => [p.nodes, p.product.toString()])).toEqual([[[0, 1, 0], '2']]);
  });
});

describe('permutationStructure', () => {
  // widths [1, 2, 1]: index 0, J_0 = {1}, J_1 = {2, 3}, J_2 = {4}.
  const widths = [1, 2, 1];
  it('reads the cycle 0 → 1 → 3 → 4 → 0 as the path (0, 1, 0)', () => {
    const s = permutationStructure([1, 3, 2, 4, 0], widths);
    expect(s).toEqual({ endsAtFirstIndex: true, oneMovePerLayer: true, path: [0, 1, 0] });
  });
  it('rejects a permutation that moves two indices of J_1', () => {
    const s = permutationStructure([1, 2, 3, 4, 0], widths);
    expect(s.oneMovePerLayer).toBe(false);
  });
  it('endsAtFirstIndex needs both σ(1) ∈ J_0 and σ(n) = 1', () => {
    // σ(0) = 1 ∈ J_0 but σ(4) = 4.
    expect(permutationStructure([1, 0, 2, 3, 4], widths).endsAtFirstIndex).toBe(false);
    // σ(4) = 0 but σ(0) = 2 ∈ J_1 (the cycle 0 → 2 → 4 → 0 skips J_0).
    expect(permutationStructure([2, 1, 4, 3, 0], widths)).toEqual({ endsAtFirstIndex: false, oneMovePerLayer: false, path: null });
  });
  it('oneMovePerLayer fails on each single violation when the number of moved indices is right', () => {
    // 0 → 1 → 2 → 3 → 0: four indices move, but both indices of J_1 move; the walk leaves the layers at 3.
    expect(permutationStructure([1, 2, 3, 0, 4], widths)).toEqual({ endsAtFirstIndex: false, oneMovePerLayer: false, path: null });
    // (1 3)(2 4): J_0 sends 1 into J_1 and the first moved index of J_1 goes to J_2, but J_1 moves twice.
    expect(permutationStructure([0, 3, 4, 1, 2], widths).oneMovePerLayer).toBe(false);
    // 0 → 4 → 1 → 2 → 0: one index per layer moves, but 2 ∈ J_1 goes back to 0 instead of into J_2.
    expect(permutationStructure([4, 2, 0, 3, 1], widths).oneMovePerLayer).toBe(false);
  });
  it('index 0 belongs to no block J_k', () => {
    // widths [1, 1]: J_0 = {1}, J_1 = {2}. σ = (0 2 1): J_0's index 1 moves to 0, not into J_1.
    expect(permutationStructure([2, 0, 1], [1, 1])).toEqual({ endsAtFirstIndex: false, oneMovePerLayer: false, path: null });
  });
  it('the per-layer moves alone are not enough: index 0 and the last index must move too', () => {
    // widths [1, 1]: σ swaps 1 and 2 only; J_0 moves once into J_1, yet 0 stays fixed.
    expect(permutationStructure([0, 2, 1], [1, 1]).oneMovePerLayer).toBe(false);
    expect(permutationStructure([1, 2, 0], [1, 1])).toEqual({ endsAtFirstIndex: true, oneMovePerLayer: true, path: [0, 0] });
  });
  it('a walk through all layers that does not return to 0 is not a path', () => {
    // widths [1, 2]: J_0 = {1}, J_1 = {2, 3}; 0 → 1 → 2 → 3 → 0 passes J_0, J_1 and then 3 instead of 0.
    expect(permutationStructure([1, 2, 3, 0], [1, 2]).path).toBeNull();
  });
  it('every non-zero term of A(a, W) reads as a path whose length is H + 2 layers', () => {
    fc.assert(
      fc.property(point({ maxDepth: 2 }), ({ a, W }) => {
        const widths = [W[0]!.length, ...W.map((Wi) => Wi[0]!.length)];
        for (const t of nonZeroLeibnizTerms(milneMatrix(a, W))) expect(permutationStructure(t.permutation, widths).path?.length).toBe(W.length + 1);
      }),
      { numRuns: 30, seed: 23 },
    );
  });
});
