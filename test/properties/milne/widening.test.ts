import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinant } from '../../../src/linalg/determinant.ts';
import { smallRational } from '../../../src/generators/rational.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { milneMatrix, milneSwitches, milneWidths } from '../../../src/network/milne-matrix.ts';
import { milneSwitchDiagonal, milneWidenedDiagonal, milneWidening } from '../../../src/network/milne-widening.ts';
import { point } from '../../../properties/milne/_instances.ts';
import { fullLeibniz, nestedRelu } from './support.ts';

const q = (x: number | string): Rational => Rational.from(x);
const product = (xs: readonly Rational[]): Rational => xs.reduce((p, x) => p.mul(x), Rational.ONE);

describe('φ(a, W) of Lemma 8', () => {
  it('pads by hand: a = 2, W_0 = [1, −1], W_1 = [3; 5], d = 1', () => {
    const phi = milneWidening([q(2)], [[[q(1), q(-1)]], [[q(3)], [q(5)]]], 1);
    expect(phi.input.map(String)).toEqual(['2', '0']);
    expect(phi.weights.map((Wi) => Wi.map((r) => r.map(String)))).toEqual([
      [
        ['1', '-1', '0'],
        ['0', '0', '0'],
      ],
      [['3'], ['5'], ['0']],
    ]);
  });

  it('the widened network computes the same output (nested ReLUs, independent of the library)', () => {
    fc.assert(
      fc.property(point({ maxDepth: 2 }), fc.integer({ min: 1, max: 3 }), ({ a, W }, d) => {
        const phi = milneWidening(a, W, d);
        expect(nestedRelu(RationalField, phi.input, phi.weights).equals(nestedRelu(RationalField, a, W))).toBe(true);
      }),
      { numRuns: 40, seed: 31 },
    );
  });
});

describe('modified diagonals', () => {
  it('widened diagonal: β = γ^d on the first n_i entries, α_i^d = β^{1−n_i}, det D_i = β', () => {
    const D = milneWidenedDiagonal([2, 3, 1], 2, q('3/2'));
    const beta = q('9/4');
    D.forEach((Di, i) => {
      const n = [2, 3][i]!;
      expect(Di.slice(0, n).every((x) => x.equals(beta))).toBe(true);
      expect(Di.slice(n).every((x) => x.pow(2).equals(beta.pow(1 - n)))).toBe(true);
      expect(product(Di).equals(beta)).toBe(true);
    });
  });

  it('switch diagonal (17): α_j^{n_j−p_j}β_j^{p_j−1} = 1 in every layer with 1 ≤ p_j < n_j', () => {
    fc.assert(
      fc.property(point({ maxDepth: 2 }), smallRational({ maxNumerator: 3, maxDenominator: 2, positive: true }), ({ a, W }, g) => {
        const S = milneSwitches(a, W);
        milneSwitchDiagonal(a, W, g).forEach((Di, j) => {
          const on = S[j]!.map((s) => !s.isZero());
          const p = on.filter(Boolean).length;
          const n = on.length;
          if (p < 1 || p === n) return;
          const alpha = Di[on.indexOf(false)]!;
          const beta = Di[on.indexOf(true)]!;
          expect(alpha.pow(n - p).mul(beta.pow(p - 1)).equals(Rational.ONE)).toBe(true);
        });
      }),
      { numRuns: 40, seed: 32 },
    );
  });

  it('det of the widened matrix with the modified diagonal equals det A (full Leibniz on the small cases)', () => {
    fc.assert(
      fc.property(point({ maxDepth: 1, maxWidth: 2, maxInputDim: 1 }), smallRational({ maxNumerator: 3, maxDenominator: 2, positive: true }), ({ a, W }, g) => {
        const phi = milneWidening(a, W, 1);
        const wide = milneMatrix(phi.input, phi.weights, { diagonal: milneWidenedDiagonal(milneWidths(W), 1, g) });
        expect(fullLeibniz(wide).equals(determinant(milneMatrix(a, W)))).toBe(true);
      }),
      { numRuns: 15, seed: 33 },
    );
  });

  it('rejects d = 0 and γ ≤ 0', () => {
    expect(() => milneWidenedDiagonal([2, 1], 0, q(2))).toThrow(/d ≥ 1/);
    expect(() => milneWidenedDiagonal([2, 1], 1, q(0))).toThrow(/γ must be > 0/);
  });
});

describe('argument checks and the choices in (17)', () => {
  const a = [q(2)];
  const W = [[[q(1), q(-1)]], [[q(3)], [q(5)]]];

  it('the widening d must be a non-negative integer; d = 0 is no padding', () => {
    expect(() => milneWidening(a, W, -1)).toThrow(/the widening d must be a non-negative integer, got -1/);
    expect(() => milneWidening(a, W, 1.5)).toThrow(/the widening d must be a non-negative integer, got 1.5/);
    expect(() => milneWidenedDiagonal([2, 1], -1, q(2))).toThrow(/the widening d must be a non-negative integer, got -1/);
    expect(milneWidening(a, W, 0).weights.map((Wi) => Wi.map((r) => r.map(String)))).toEqual([[['1', '-1']], [['3'], ['5']]]);
  });

  it('the input must have n_0 entries', () => {
    expect(() => milneWidening([q(1), q(2)], W, 1)).toThrow(/input a has 2 entries, the network expects n_0 = 1/);
  });

  it('switch diagonal by hand: one block per layer 0..H', () => {
    // S_0 = (1): n_0 = 1, all on, β^{n_0−1} = 1 holds for any β and γ is taken; S_1 = (1, 0): p = 1, β = γ, α = γ^0 = 1.
    expect(milneSwitchDiagonal(a, W, q(3)).map((D) => D.map(String))).toEqual([['3'], ['3', '1']]);
    // a = (1, 1), W_0 = −1s: z_1 = (−2, −2), all off, α = γ; the input layer (n_0 = 2, all on) keeps β = 1.
    const off = [
      [
        [q(-1), q(-1)],
        [q(-1), q(-1)],
      ],
      [[q(1)], [q(1)]],
    ];
    expect(milneSwitchDiagonal([q(1), q(1)], off, q(3)).map((D) => D.map(String))).toEqual([
      ['1', '1'],
      ['3', '3'],
    ]);
    expect(() => milneSwitchDiagonal(a, W, q(0))).toThrow(/γ must be > 0, got 0/);
  });
});
