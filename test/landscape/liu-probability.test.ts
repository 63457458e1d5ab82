import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classMass,
  gapProbability,
  intervalBetween,
  liuTwoWeightProbability,
  mergeGaps,
  noSampleProbability,
  optimalPosition,
  selfConsistentPosition,
  truncatedMean,
  unionProbability,
  type AxisInterval,
} from '../../src/landscape/liu-probability.ts';
import { Rational } from '../../src/numbers/rational.ts';

const W = Decimal.clone({ precision: 40 });
const d = (x: Decimal.Value): Decimal => new W(x);
const close = (a: Decimal, b: Decimal.Value, tol: string): boolean => a.minus(b).abs().lte(tol);

/**
 * Independent quadrature in floats: composite Simpson of g(x)·N(x; μ, 1) over (a, b) (infinite ends cut
 * at μ ± 14, where the density is below 1e−42), 2000 panels per unit; error well below 1e−12 here.
 */
function simpson(interval: AxisInterval, mean: number, g: (x: number) => number): number {
  const a = interval.lower === null ? mean - 14 : interval.lower.toNumber();
  const b = interval.upper === null ? mean + 14 : interval.upper.toNumber();
  const panels = Math.max(2, 2 * Math.ceil((b - a) * 1000));
  const h = (b - a) / panels;
  const f = (x: number): number => (g(x) * Math.exp(-((x - mean) ** 2) / 2)) / Math.sqrt(2 * Math.PI);
  let sum = f(a) + f(b);
  for (let k = 1; k < panels; k++) sum += f(a + h * k) * (k % 2 === 1 ? 4 : 2);
  return (sum * h) / 3;
}

const one = (): number => 1;
const identity = (x: number): number => x;

describe('Liu App. E.2: analytic quantities', () => {
  it('(E.9) class masses and (E.10) truncated means agree with quadrature', () => {
    const intervals: AxisInterval[] = [
      { lower: d('0.75'), upper: null },
      { lower: null, upper: d(0) },
      { lower: d('-0.4839'), upper: d('0.3') },
      { lower: d(3), upper: d('3.5') },
    ];
    for (const interval of intervals) {
      for (const mean of [1, -1] as const) {
        const mass = simpson(interval, mean, one);
        expect(close(classMass(interval, mean), mass, '1e-12')).toBe(true);
        expect(close(truncatedMean(interval, mean), simpson(interval, mean, identity) / mass, '1e-10')).toBe(true);
      }
    }
  });

  it('(24) equals the mean of x − y over the region, by quadrature', () => {
    for (const region of [{ lower: d('0.5'), upper: null }, { lower: null, upper: d('-0.25') }] as AxisInterval[]) {
      // E[(x − y) 1_region] / P(region) with y = ±1 of prior ½: the ½ cancels.
      const numerator = simpson(region, 1, (x) => x - 1) + simpson(region, -1, (x) => x + 1);
      const denominator = simpson(region, 1, one) + simpson(region, -1, one);
      expect(close(optimalPosition(region), numerator / denominator, '1e-10')).toBe(true);
    }
  });

  it('the two-weight problem is symmetric: h_1*(h) = −h_2*(−h), P(g_1) at h equals P(g_2) at −h', () => {
    for (const h of ['0', '0.4', '1.7']) {
      const r = liuTwoWeightProbability(h, d(h).neg(), 100);
      expect(close(r.optimal[0], r.optimal[1].neg(), '1e-38')).toBe(true);
      expect(close(r.gapProbabilities[0], r.gapProbabilities[1], '1e-38')).toBe(true);
    }
  });

  it('(E.7) is the mixture mass of the gap, in either orientation', () => {
    const a = d('0.2');
    const b = d('1.1');
    const byQuadrature = (simpson({ lower: a, upper: b }, 1, one) + simpson({ lower: a, upper: b }, -1, one)) / 2;
    expect(close(gapProbability(intervalBetween(a, b)), byQuadrature, '1e-12')).toBe(true);
    expect(gapProbability(intervalBetween(b, a)).eq(gapProbability(intervalBetween(a, b)))).toBe(true);
  });

  it('(E.8): the union of gaps has probability ≥ the largest gap and ≤ their sum; = the sum when disjoint', () => {
    const end = fc.integer({ min: -40, max: 40 }).map((k) => d(k).div(10));
    fc.assert(
      fc.property(fc.array(fc.tuple(end, end), { minLength: 1, maxLength: 3 }), (pairs) => {
        const gaps = pairs.map(([a, b]) => intervalBetween(a, b));
        const union = unionProbability(gaps);
        const each = gaps.map(gapProbability);
        const eps = '1e-35';
        expect(union.plus(eps).gte(Decimal.max(...each))).toBe(true);
        expect(union.lte(each.reduce((s, p) => s.plus(p), d(0)).plus(eps))).toBe(true);
      }),
      { numRuns: 30 },
    );
    const disjoint = [intervalBetween(d(-1), d(0)), intervalBetween(d('0.5'), d(2))];
    expect(close(unionProbability(disjoint), gapProbability(disjoint[0]!).plus(gapProbability(disjoint[1]!)), '1e-38')).toBe(true);
  });

  it('(25) (1 − p)^N agrees with the exact rational power', () => {
    for (const [p, n] of [[Rational.of(1, 7), 100], [Rational.of(3, 1000), 37]] as const) {
      const exact = Rational.ONE.sub(p).pow(n);
      const got = noSampleProbability(d(p.num.toString()).div(p.den.toString()), n);
      expect(close(got, d(exact.num.toString()).div(exact.den.toString()), '1e-38')).toBe(true);
    }
  });

  it('at the self-consistent position w_1 has an empty gap: (1 − P(g_1))^N = 1 − O(tolerance)', () => {
    const h = selfConsistentPosition('0.5', '1', 20);
    expect(close(optimalPosition({ lower: h, upper: null }), h, '1e-19')).toBe(true);
    expect(liuTwoWeightProbability(h, 0, 100).trappedPerWeight[0].gt('0.999999999999')).toBe(true);
  });
});

describe('Liu §7.2: unions, bounds and input checks', () => {
  const gap = (a: Decimal.Value, b: Decimal.Value): AxisInterval => ({ lower: d(a), upper: d(b) });
  const ends = (gs: readonly AxisInterval[]): string[][] => gs.map((g) => [g.lower!.toString(), g.upper!.toString()]);

  it('mergeGaps joins overlapping and touching gaps, sorts them and drops empty ones', () => {
    expect(ends(mergeGaps([gap(1, 3), gap(0, 2)]))).toEqual([['0', '3']]);
    expect(ends(mergeGaps([gap(2, 3), gap(0, 2), gap(5, 6)]))).toEqual([
      ['0', '3'],
      ['5', '6'],
    ]);
    // A gap inside another leaves the outer one.
    expect(ends(mergeGaps([gap(0, 4), gap(1, 2)]))).toEqual([['0', '4']]);
    // (a, a) holds no point; so does a reversed pair.
    expect(mergeGaps([gap(1, 1), gap(2, 1)])).toEqual([]);
    expect(unionProbability([gap(2, 1)]).isZero()).toBe(true);
  });

  it('the union of two overlapping gaps has the mass of the merged gap', () => {
    const union = unionProbability([gap('-0.5', '0.5'), gap(0, 1)]);
    expect(close(union, gapProbability(gap('-0.5', 1)), '1e-38')).toBe(true);
    expect(union.lt(gapProbability(gap('-0.5', '0.5')).plus(gapProbability(gap(0, 1))))).toBe(true);
  });

  it('mergeGaps accepts bounded gaps only', () => {
    for (const g of [{ lower: null, upper: d(1) }, { lower: d(0), upper: null }, { lower: null, upper: null }]) {
      expect(() => mergeGaps([gap(0, 1), g])).toThrow('gaps are bounded intervals');
    }
  });

  it('a truncated mean needs mass: the degenerate interval is rejected', () => {
    expect(() => truncatedMean(gap(1, 1), 1)).toThrow('truncated mean of an interval without mass');
  });

  it('(25) with N = 0 is 1; N must be a non-negative integer', () => {
    expect(noSampleProbability(d('0.3'), 0).eq(1)).toBe(true);
    for (const n of [-1, 2.5]) expect(() => noSampleProbability(d('0.3'), n)).toThrow(`sample count must be a non-negative integer, got ${n}`);
  });

  it('the two-weight result keeps the positions, the largest gap bound and orders the (25) values', () => {
    // Asymmetric weights: the two gaps differ in mass.
    const r = liuTwoWeightProbability('1.5', '-0.25', 20);
    expect(r.positions.map((p) => p.toString())).toEqual(['1.5', '-0.25']);
    const [p1, p2] = r.gapProbabilities;
    expect(p1.eq(p2)).toBe(false);
    expect(r.maxGapProbability.eq(p1.gt(p2) ? p1 : p2)).toBe(true);
    expect(r.trappedMaxApproximation.gte(r.trapped)).toBe(true);
    expect(close(r.trappedPerWeight[0], d(1).minus(p1).pow(20), '1e-38')).toBe(true);
  });

  it('requires h_2 ≤ h_1 and accepts h_2 = h_1', () => {
    expect(() => liuTwoWeightProbability('0', '0.5', 10)).toThrow('h_2 ≤ h_1');
    expect(liuTwoWeightProbability('0.5', '0.5', 10).positions[1].eq('0.5')).toBe(true);
  });

  it('selfConsistentPosition needs a sign change of h − h_1*(h)', () => {
    // For large h the region (h, ∞) is nearly all class +1 and h_1* ≈ E[x | x > h] − 1 < h: h − h_1*(h) > 0 at both ends.
    expect(optimalPosition({ lower: d(2), upper: null }).lt(2)).toBe(true);
    expect(optimalPosition({ lower: d(3), upper: null }).lt(3)).toBe(true);
    expect(() => selfConsistentPosition('2', '3')).toThrow('h − h_1*(h) has the same sign at both ends');
  });
});
