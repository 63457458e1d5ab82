import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctInputs } from '../../../src/generators/dataset.ts';
import { smallRational } from '../../../src/generators/rational.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { firstSum, gammaBound, lemma7Separation, separationGap } from '../../../src/network/he-separation.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

describe('he: the separation of Lemma 7', () => {
  it('the tilted case worked by hand: u = (1, −1), v = (0, 0), x = (1), (2)', () => {
    // Both values tie; the largest x with u ≠ 0 is x = 2 (sample 1), β = 2; ⟨2, 1⟩ = 2 < 4 puts sample 0 in J.
    const sep = lemma7Separation([q(1), q(-1)], [q(0), q(0)], [[q(1)], [q(2)]]);
    expect(sep.kind).toBe('projection');
    expect(sep.first).toEqual([1]);
    expect(sep.rest).toEqual([0]);
    expect(sep.beta.map(String)).toEqual(['2']);
    expect(firstSum(sep, [q(1), q(-1)]).toString()).toBe('-1');
    // g = −αβx: g_1 = −4α < g_0 = −2α; the γ bound is ½·αβ(x_1 − x_0) = α.
    expect(separationGap(sep, [q(0), q(0)], [[q(1)], [q(2)]], q(1, 8)).toString()).toBe('1/4');
    expect(gammaBound(sep, [[q(1)], [q(2)]], q(1, 8)).toString()).toBe('1/8');
  });

  it('the level-set case worked by hand: u = (1, 1, −2), v = (0, 0, 1)', () => {
    const sep = lemma7Separation([q(1), q(1), q(-2)], [q(0), q(0), q(1)], [[q(0)], [q(1)], [q(2)]]);
    expect(sep.kind).toBe('level-set');
    expect(sep.first).toEqual([0, 1]);
    expect(sep.rest).toEqual([2]);
    expect(sep.beta.map(String)).toEqual(['0']);
  });

  it('(1.1) holds at every sampled small α and (1.2) by direct summation', () => {
    const instance = fc
      .record({ n: fc.integer({ min: 2, max: 5 }), m: fc.integer({ min: 1, max: 2 }), tied: fc.boolean() })
      .chain(({ n, m, tied }) =>
        fc.record({
          head: fc.array(smallRational({ maxNumerator: 3, maxDenominator: 1 }), { minLength: n - 1, maxLength: n - 1 }),
          v: fc.array(smallRational({ maxNumerator: tied ? 0 : 1, maxDenominator: 1 }), { minLength: n, maxLength: n }),
          x: distinctInputs(m, { minPoints: n, maxPoints: n, entries: { maxNumerator: 2, maxDenominator: 1 } }),
        }),
      );
    fc.assert(
      fc.property(instance, ({ head, v, x }) => {
        const u = [...head, head.reduce((s, a) => s.add(a), Rational.ZERO).neg()];
        fc.pre(u.some((ui) => !ui.isZero()));
        const sep = lemma7Separation(u, v, x);
        // (1.2) by summing over I directly.
        expect(sep.first.reduce((s, i) => s.add(u[i]!), Rational.ZERO).isZero()).toBe(false);
        // (1.1) for α = 2^{−k}, k = 12…20, and a few non-dyadic values below them, pair by pair.
        for (let k = 12; k <= 20; k++) {
          for (const alpha of [q(1, 2 ** k), q(1, 3 * 2 ** k)]) {
            const g = v.map((vi, i) => vi.sub(alpha.mul(dot(sep.beta, x[i]!))));
            for (const i of sep.first) for (const j of sep.rest) expect(g[i]!.lt(g[j]!)).toBe(true);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('rejects u = 0 and Σu ≠ 0', () => {
    expect(() => lemma7Separation([q(0), q(0)], [q(0), q(1)], [[q(0)], [q(1)]])).toThrow(/u ≠ 0/);
    expect(() => lemma7Separation([q(1), q(0)], [q(0), q(1)], [[q(0)], [q(1)]])).toThrow(/Σu_i = 0/);
  });

  it('the tilted case with samples ahead of and behind the pivot: u = (1, −1, 0, 0), v = 0, x = 1, 3, 2, 6', () => {
    const u = [q(1), q(-1), q(0), q(0)];
    const v = [q(0), q(0), q(0), q(0)];
    const x = [[q(1)], [q(3)], [q(2)], [q(6)]];
    // One level set. Among u ≠ 0 the longest x is x_1 = 3: β = 3, ‖β‖² = 9. βx = 3, 9, 6, 18:
    // sample 3 (18 ≥ 9) joins I before the pivot, samples 0 and 2 (3, 6 < 9) are tied after it.
    const sep = lemma7Separation(u, v, x);
    expect(sep.kind).toBe('projection');
    expect(sep.pivot).toBe(1);
    expect(sep.first).toEqual([3, 1]);
    expect(sep.tiedAfter).toEqual([0, 2]);
    expect(sep.rest).toEqual([0, 2]);
    // g = −αβx = (−3α, −9α, −6α, −18α): max over I is −9α, min over J is −6α, gap 3α = 1/2 at α = 1/6.
    expect(separationGap(sep, v, x, q(1, 6)).toString()).toBe('1/2');
    // γ bound ½·min(αβ(3 − 1), αβ(3 − 2)) = ½·min(6α, 3α) = 3α/2 = 1/4.
    expect(gammaBound(sep, x, q(1, 6)).toString()).toBe('1/4');
  });

  it('rejects u, v and x of different lengths', () => {
    expect(() => lemma7Separation([q(1), q(-1)], [q(0)], [[q(0)], [q(1)]])).toThrow(/one entry per sample \(got 2, 1, 2\)/);
    expect(() => lemma7Separation([q(1), q(-1)], [q(0), q(1)], [[q(0)]])).toThrow(/one entry per sample \(got 2, 2, 1\)/);
  });
});
