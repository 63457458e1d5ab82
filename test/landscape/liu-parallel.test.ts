import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { classCounts, parallelLoss, parallelPoint, parallelRegions, parallelSystem, twoWeightClosedForm, type ParallelWeights } from '../../src/landscape/liu-parallel.ts';

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
  it('a sample on any one of several weights is rejected', () => {
    expect(() => parallelRegions([q(0), q(3)], { normals: [1, -1], positions: [q(1), q(3)] })).toThrow(/^sample 1 lies on a weight vector \(x = 3\)$/);
  });

  it('equal positions make one cut: two regions, with both units deciding each', () => {
    // Left of 1 only the −i unit is active, right of 1 only the +i unit.
    const regions = parallelRegions([q(0), q(2)], { normals: [1, -1], positions: [q(1), q(1)] });
    expect(regions.map((r) => [String(r.lower), String(r.upper), r.active, r.samples])).toEqual([
      ['null', '1', [false, true], [0]],
      ['1', 'null', [true, false], [1]],
    ]);
  });

  it('rejects mismatched or empty weights, and labels other than ±1', () => {
    expect(() => parallelRegions([q(0)], { normals: [1, -1], positions: [q(1)] })).toThrow(/^2 normals for 1 positions$/);
    expect(() => parallelRegions([q(0)], { normals: [], positions: [] })).toThrow(/^parallel weights need at least one unit$/);
    expect(() => parallelPoint({ normals: [1], positions: [q(1), q(2)] }, 1)).toThrow(/^1 normals for 2 positions$/);
    expect(() => classCounts([q(0), q(1)], [q(1), q(0)], [0, 1])).toThrow(/^labels must be ±1$/);
    expect(classCounts([q(0), q(1), q(3)], [q(1), q(-1), q(1)], [0, 1, 2])).toMatchObject({ positives: 2, negatives: 1 });
  });

  it('parallelPoint: z_k[w_k·(x, 1)]₊ = I_k (x_1 − h_k), only the first coordinate counts', () => {
    const weights: ParallelWeights = { normals: [1, -1], positions: [q(1, 2), q(-1)] };
    const p = parallelPoint(weights, 2);
    expect(p.weights.map((w) => w.map(String))).toEqual([['1', '0', '-1/2'], ['-1', '0', '-1']]);
    expect(p.outputWeights.map(String)).toEqual(['1', '-1']);
    for (const [x1, x2] of [[q(2), q(5)], [q(-3), q(-7)], [q(0), q(1)]] as const) {
      const out = p.weights.reduce((s, w, k) => s.add(p.outputWeights[k]!.mul(w[0]!.mul(x1).add(w[1]!.mul(x2)).add(w[2]!).max(Rational.ZERO))), Rational.ZERO);
      const direct = weights.positions.reduce((s, h, k) => (x1.sub(h).sign() === weights.normals[k] ? s.add(x1.sub(h)) : s), Rational.ZERO);
      expect(out.equals(direct)).toBe(true);
    }
  });

  it('parallelPoint rejects an input dimension that is not a positive integer', () => {
    const weights: ParallelWeights = { normals: [1], positions: [q(0)] };
    expect(() => parallelPoint(weights, 0)).toThrow(/^inputDim must be a positive integer, got 0$/);
    expect(() => parallelPoint(weights, 1.5)).toThrow(/^inputDim must be a positive integer, got 1\.5$/);
    expect(parallelPoint(weights, 1).weights).toHaveLength(1);
  });
});
