import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { parallelLoss, parallelRegions, parallelSystem, twoWeightClosedForm, type ParallelWeights } from '../../src/landscape/liu-parallel.ts';

const q = (n: number, d = 1) => Rational.of(n, d);

/** Σ_i (Σ_k I_ik (x_i − h_k) − y_i)² sample by sample, I_ik = 1(n_k(x_i − h_k) > 0): no regions. */
function direct(x: readonly Rational[], y: readonly Rational[], normals: readonly (1 | -1)[], h: readonly Rational[]): Rational {
  return x.reduce((s, xi, i) => {
    const f = h.reduce((t, hk, k) => (xi.sub(hk).sign() === normals[k] ? t.add(xi.sub(hk)) : t), Rational.ZERO);
    return s.add(f.sub(y[i]!).pow(2));
  }, Rational.ZERO);
}

const instance = fc
  .record({ normals: fc.array(fc.constantFrom<1 | -1>(1, -1), { minLength: 1, maxLength: 3 }), points: fc.integer({ min: 1, max: 5 }) })
  .chain(({ normals, points }) =>
    fc.record({
      normals: fc.constant(normals),
      h: fc.array(smallRational(), { minLength: normals.length, maxLength: normals.length }),
      x: fc.array(smallRational(), { minLength: points, maxLength: points }),
      y: fc.array(smallRational(), { minLength: points, maxLength: points }),
    }),
  )
  .filter(({ x, h }) => x.every((xi) => h.every((hk) => !hk.equals(xi))));

describe('Liu §7.1: parallel weights', () => {
  it('(20) over the regions equals the sample-by-sample loss', () => {
    fc.assert(
      fc.property(instance, ({ normals, h, x, y }) => {
        expect(parallelLoss(x, y, { normals, positions: h }).equals(direct(x, y, normals, h))).toBe(true);
        const regions = parallelRegions(x, { normals, positions: h });
        expect(regions.flatMap((r) => r.samples).sort((a, b) => a - b)).toEqual(x.map((_, i) => i));
      }),
      { numRuns: 100 },
    );
  });

  it('(22): 2(Fh − f) and 2F are the exact central differences of the quadratic loss', () => {
    fc.assert(
      fc.property(instance, ({ normals, h, x, y }) => {
        const weights: ParallelWeights = { normals, positions: h };
        const { F, f } = parallelSystem(x, y, weights);
        // Small enough that no h_k crosses a sample: the loss is one quadratic around h.
        const t = q(1, 1 << 20);
        const L = (shift: (k: number) => Rational) => direct(x, y, normals, h.map((v, k) => v.add(shift(k))));
        const e = (l: number, s: Rational) => (k: number) => (k === l ? s : Rational.ZERO);
        const Fh = F.mulVec(h);
        for (let l = 0; l < h.length; l++) {
          const grad = L(e(l, t)).sub(L(e(l, t.neg()))).div(t.mul(q(2)));
          expect(grad.equals(Fh[l]!.sub(f[l]!).mul(q(2)))).toBe(true);
          for (let k = 0; k < h.length; k++) {
            const two = (a: Rational, b: Rational) => (j: number) => (j === l ? a : Rational.ZERO).add(j === k ? b : Rational.ZERO);
            const second = L(two(t, t)).sub(L(two(t, t.neg()))).sub(L(two(t.neg(), t))).add(L(two(t.neg(), t.neg()))).div(t.mul(t).mul(q(4)));
            expect(second.equals(F.get(l, k).mul(q(2)))).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('(24) on a hand example: positives at 2, 3 and −1, negatives at −2, 1 and 4; h1 = 1/2, h2 = −3/2', () => {
    const x = [q(2), q(3), q(-1), q(-2), q(1), q(4)];
    const y = [q(1), q(1), q(1), q(-1), q(-1), q(-1)];
    // Ω1 = (1/2, ∞): positives 2, 3 (P+ = 2/3, x̄+ = 5/2), negatives 1, 4 (P− = 2/3, x̄− = 5/2):
    // h1* = (2/3·5/2 + 2/3·5/2 − 2/3 + 2/3)/(4/3) = 5/2. Ω3 = (−∞, −3/2): the negative −2 only:
    // h2* = (1/3·(−2) + 1/3)/(1/3) = −1.
    const [h1, h2] = twoWeightClosedForm(x, y, [q(1, 2), q(-3, 2)]);
    expect([String(h1), String(h2)]).toEqual(['5/2', '-1']);
    // No sample left of −5: (24) divides by zero for Ω3.
    expect(twoWeightClosedForm(x, y, [q(1, 2), q(-5)])[1]).toBeNull();
    expect(() => twoWeightClosedForm(x, y, [q(-3, 2), q(1, 2)])).toThrow(/h_2 < h_1/);
  });

  it('a sample on a weight belongs to no open region', () => {
    expect(() => parallelRegions([q(1)], { normals: [1], positions: [q(1)] })).toThrow(/lies on a weight/);
  });
});
