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
