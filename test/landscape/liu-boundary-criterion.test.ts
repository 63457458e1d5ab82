import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { pointOnBoundary, realizableRegion } from '../../src/generators/region.ts';
import { interiorPoint, onBoundary } from '../../src/geometry/region.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import { liuBoundaryCriterionAt } from '../../src/landscape/liu-boundary-criterion.ts';
import { liuBoundaryPoint } from '../../src/landscape/liu-boundary.ts';
import type { OneHiddenLayerPoint } from '../../src/landscape/one-hidden-layer.ts';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** (1/N)Σ(Σ_k z_k[w_k·x_i]_+ − y_i)², written out. */
function loss(data: Dataset<Rational>, point: OneHiddenLayerPoint): Rational {
  const s = data.inputs.reduce((acc, x, i) => {
    const f = point.weights.reduce((t, w, k) => t.add(point.outputWeights[k]!.mul(dot(w, x).max(Rational.ZERO))), Rational.ZERO);
    return acc.add(f.sub(data.targets[i]![0]!).pow(2));
  }, Rational.ZERO);
  return s.div(Rational.fromInt(data.inputs.length));
}

/** The exact one-sided derivative at t = 0+ of L(w_m + t·v): L is quadratic in t near 0+, so a = (4q(t/2) − q(t))/t. */
function oneSided(data: Dataset<Rational>, point: OneHiddenLayerPoint, m: number, v: readonly Rational[]): Rational {
  const at = (t: Rational) => loss(data, { ...point, weights: point.weights.map((w, j) => (j === m ? w.map((c, k) => c.add(t.mul(v[k]!))) : w)) });
  const t = Rational.of(1n, 1n << 40n);
  const base = at(Rational.ZERO);
  const q = (s: Rational) => at(s).sub(base);
  return q(t.div(Rational.fromInt(2))).mul(Rational.fromInt(4)).sub(q(t)).div(t);
}

const problem = fc
  .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 2, maxPoints: 4 }), units: fc.integer({ min: 1, max: 2 }) })
  .map(({ data, units }) => ({ units, data: { inputs: data.inputs.map((x) => [...x, Rational.ONE]), targets: data.targets } }))
  .chain(({ data, units }) => fc.record({ data: fc.constant(data), region: realizableRegion(data.inputs, units), m: fc.nat(units - 1), n: fc.nat(data.inputs.length - 1) }))
  .filter(({ data, region, m, n }) => interiorPoint(data.inputs, onBoundary(region, m, n)) !== null)
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      hidden: pointOnBoundary(p.data.inputs, p.region, p.m, p.n),
      z: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: p.region.length, maxLength: p.region.length }),
    }),
  )
  .map(({ p, hidden, z }) => ({ ...p, point: { weights: hidden.weights, biases: null, outputWeights: z.map((v, j) => Rational.fromInt(j === p.m && v === 0 ? 1 : v)), outputBias: null } as OneHiddenLayerPoint }));

describe('liuBoundaryCriterionAt: Theorem 3 evaluated at a point', () => {
  it('(18) and (19) are (N/2)× the one-sided derivatives of L along ∓x_n and ±x_n for w_m', () => {
    fc.assert(
      fc.property(problem, ({ data, m, n, point }) => {
        const c = liuBoundaryCriterionAt(data, point, m, n);
        const half = Rational.fromInt(data.inputs.length).div(Rational.fromInt(2));
        const xn = data.inputs[n]!;
        expect(oneSided(data, point, m, xn).mul(half).equals(c.side19)).toBe(true);
        expect(oneSided(data, point, m, xn.map((v) => v.neg())).mul(half).equals(c.side18.neg())).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('the residual rows are D·R − d of liuBoundaryPoint’s D and d', () => {
    fc.assert(
      fc.property(problem, ({ data, region, m, n, point }) => {
        // The point's own cells (unit m on the kink of x_n, + there), which liuBoundaryPoint puts back on the kink.
        const cell = point.weights.map((w) => data.inputs.map((x) => (dot(w, x).sign() < 0 ? -1 : 1)));
        expect(cell.every((row, j) => row.every((s, i) => (j === m && i === n) || s === region[j]![i]))).toBe(true);
        const built = liuBoundaryPoint(data, cell, m, n);
        const R = point.weights.flatMap((w, k) => w.map((v) => v.mul(point.outputWeights[k]!)));
        const DR = built.D.mulVec(R).map((v, k) => v.sub(built.d[k]!));
        const c = liuBoundaryCriterionAt(data, point, m, n);
        expect(c.residual.map(String)).toEqual(DR.map(String));
        expect(c.stationary).toBe(DR.every((v) => v.isZero()));
      }),
      { numRuns: 40 },
    );
  });

  it('a hand-checked point: x = (0,1), (1,1), (−2,1), y = (4, −2, 2), w = (−1, 1) on the kink of x2, z = 1', () => {
    // e = f − y = (1 − 4, 0 + 2, 3 − 2) = (−3, 2, 1); Σ_{i≠2} e_i x_i = (−2, −2) = −2·x2; (18): −2·2 = −4; (19): −4 + 2·2 = 0.
    const data = ratData([[0, 1], [1, 1], [-2, 1]], [4, -2, 2]);
    const point: OneHiddenLayerPoint = { weights: [[Rational.MINUS_ONE, Rational.ONE]], biases: null, outputWeights: [Rational.ONE], outputBias: null };
    const c = liuBoundaryCriterionAt(data, point, 0, 1);
    expect(c.errors.map(String)).toEqual(['-3', '2', '1']);
    expect(c.stationary).toBe(true);
    expect([String(c.side18), String(c.side19)]).toEqual(['-4', '0']);
    expect(c.criterion).toBe(false);
    expect(() => liuBoundaryCriterionAt(data, point, 0, 0)).toThrow(/not on the hyperplane/);
  });
  it('a second unit on a kink of its own counts as inactive there: I_ik = 1(w_k·x_i > 0)', () => {
    // Unit 1, w = (1, 0), z = 1, has w·x1 = 0, w·x2 = 1, w·x3 = −2: f = (1, 1, 3), e = (−3, 3, 1);
    // its rows Σ_i e_i I_i1 x_i take x2 alone: 3·(1, 1) = (3, 3).
    const data = ratData([[0, 1], [1, 1], [-2, 1]], [4, -2, 2]);
    const point: OneHiddenLayerPoint = { weights: [[Rational.MINUS_ONE, Rational.ONE], [Rational.ONE, Rational.ZERO]], biases: null, outputWeights: [Rational.ONE, Rational.ONE], outputBias: null };
    const c = liuBoundaryCriterionAt(data, point, 0, 1);
    expect(c.errors.map(String)).toEqual(['-3', '3', '1']);
    expect(c.residual.slice(2, 4).map(String)).toEqual(['3', '3']);
    expect(c.stationary).toBe(false);
  });

  it('the criterion needs DR = d, (18) < 0 strictly and (19) > 0', () => {
    // x = (0,1), x_n = (1,1), w = (−1,1), z = 1: f = (1, 0), e = (1 − y_0, −y_1); u_0 = (1,1) − 2(0,1) = (1,−1).
    const at = (y0: number, y1: number) => liuBoundaryCriterionAt(ratData([[0, 1], [1, 1]], [y0, y1]), { weights: [[Rational.MINUS_ONE, Rational.ONE]], biases: null, outputWeights: [Rational.ONE], outputBias: null }, 0, 1);
    // e = (0, 1): stationary, (18) = 0, (19) = 2: not strict in (18).
    expect(at(1, -1)).toMatchObject({ stationary: true, criterion: false });
    expect([String(at(1, -1).side18), String(at(1, -1).side19)]).toEqual(['0', '2']);
    // e = (−1, 1): residual −(1,−1) ≠ 0 although (18) = −1 < 0 and (19) = −1 + 2 = 1 > 0.
    expect(at(2, -1)).toMatchObject({ stationary: false, criterion: false });
    expect([String(at(2, -1).side18), String(at(2, -1).side19)]).toEqual(['-1', '1']);
  });

  it('rejects biases, a unit or a sample outside the network and data', () => {
    const data = ratData([[0, 1], [1, 1]], [1, -1]);
    const base: OneHiddenLayerPoint = { weights: [[Rational.MINUS_ONE, Rational.ONE]], biases: null, outputWeights: [Rational.ONE], outputBias: null };
    const noBias = /^Liu's network has no biases/;
    expect(() => liuBoundaryCriterionAt(data, { ...base, biases: [Rational.ZERO] }, 0, 1)).toThrow(noBias);
    expect(() => liuBoundaryCriterionAt(data, { ...base, outputBias: Rational.ZERO }, 0, 1)).toThrow(noBias);
    expect(() => liuBoundaryCriterionAt(data, base, -1, 1)).toThrow(/^unit -1 outside 0\.\.0$/);
    expect(() => liuBoundaryCriterionAt(data, base, 1, 1)).toThrow(/^unit 1 outside 0\.\.0$/);
    expect(() => liuBoundaryCriterionAt(data, base, 0.5, 1)).toThrow(/^unit 0\.5 outside/);
    expect(() => liuBoundaryCriterionAt(data, base, 0, 2)).toThrow(/^sample 2 outside 0\.\.1$/);
    expect(liuBoundaryCriterionAt(data, base, 0, 1).stationary).toBe(true);
  });
});
