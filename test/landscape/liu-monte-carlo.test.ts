import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parallelSystem, type ParallelWeights } from '../../src/landscape/liu-parallel.ts';
import {
  classFrequency,
  classTruncatedMean,
  intervalFrequency,
  regionOptimum,
  sortTrials,
  trialCounts,
  twoGaussianSamples,
  type LabelledSamples,
} from '../../src/landscape/liu-monte-carlo.ts';
import { gaussian, seededRandom } from '../../src/landscape/rng.ts';
import { solve } from '../../src/linalg/elimination.ts';
import { Rational } from '../../src/numbers/rational.ts';

/** A trial's samples as exact rationals (floats are dyadic rationals). */
function exactTrial(s: LabelledSamples, from: number, size: number): { x: Rational[]; y: Rational[] } {
  const x = Array.from(s.x.subarray(from, from + size), (v) => Rational.fromNumber(v));
  const y = Array.from(s.y.subarray(from, from + size), (v) => Rational.fromInt(v));
  return { x, y };
}

/** Which units each sample activates (I_ik): the cell of the weights. */
const cellOf = (x: readonly Rational[], weights: ParallelWeights): string =>
  JSON.stringify(x.map((xi) => weights.normals.map((n, k) => xi.sub(weights.positions[k]!).sign() === n)));

/**
 * Exact reference for "the cell of w holds a minimiser of (20)": solve ∂L/∂h = 2(Fh − f) = 0 in
 * rationals (any solution when F is singular: a unit without samples is free) and compare the cell
 * of the solution with the cell of w. For one unit on its own or both at once.
 */
function genuineExactly(x: readonly Rational[], y: readonly Rational[], weights: ParallelWeights): boolean {
  const { F, f } = parallelSystem(x, y, weights);
  const solution = solve(F, f);
  if (solution.kind !== 'solution') throw new Error('Fh = f is consistent for a least-squares problem');
  // A free unit (no samples) keeps its own position: the rest of the solution does not depend on it.
  const h = solution.particular.map((v, k) => (F.row(k).every((e) => e.isZero()) ? weights.positions[k]! : v));
  const moved = { normals: weights.normals, positions: h };
  if (x.some((xi) => h.some((hk) => hk.equals(xi)))) return false;
  return cellOf(x, moved) === cellOf(x, weights);
}

/** Brute force per trial: scan every sample, no sorting. */
function bruteForce(s: LabelledSamples, size: number, h1: number, h2: number, gaps: readonly [number, number][]) {
  const counts = { emptyGap: [0, 0], emptyUnion: 0, genuine: [0, 0], genuineBoth: 0 };
  for (let from = 0; from < s.x.length; from += size) {
    const xs = Array.from(s.x.subarray(from, from + size));
    const ys = Array.from(s.y.subarray(from, from + size));
    const empty = gaps.map(([a, b]) => xs.every((v) => !(v > Math.min(a, b) && v < Math.max(a, b))));
    const ok = [
      { h: h1, active: (v: number) => v > h1 },
      { h: h2, active: (v: number) => v < h2 },
    ].map(({ h, active }) => {
      const idx = xs.flatMap((v, i) => (active(v) ? [i] : []));
      if (idx.length === 0) return true;
      const opt = idx.reduce((t, i) => t + xs[i]! - ys[i]!, 0) / idx.length;
      return xs.every((v) => !(v > Math.min(h, opt) && v < Math.max(h, opt)));
    });
    [0, 1].forEach((k) => {
      if (empty[k]) counts.emptyGap[k]!++;
      if (ok[k]) counts.genuine[k]!++;
    });
    if (empty[0] && empty[1]) counts.emptyUnion++;
    if (ok[0] && ok[1]) counts.genuineBoth++;
  }
  return counts;
}

describe('Liu §7.3 Monte Carlo', () => {
  it('trialCounts (sorted trials, binary search) equals a brute-force scan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -8, max: 12 }),
        fc.integer({ min: -12, max: 0 }),
        (seed, size, k1, k2) => {
          const h1 = Math.max(k1, k2) / 4;
          const h2 = k2 / 4;
          const gaps: [[number, number], [number, number]] = [
            [h1, h1 - 0.6],
            [h2, h2 - 0.3],
          ];
          const s = twoGaussianSamples(seededRandom(seed), size * 40);
          const got = trialCounts(sortTrials(s, size), h1, h2, gaps);
          const want = bruteForce(s, size, h1, h2, gaps);
          expect({ emptyGap: [...got.emptyGap], emptyUnion: got.emptyUnion, genuine: [...got.genuine], genuineBoth: got.genuineBoth }).toEqual(want);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the genuineness frequencies match the exact rational cell test of (20)', () => {
    const size = 6;
    const s = twoGaussianSamples(seededRandom(7), size * 30);
    const seen: number[] = [];
    for (const [h1, h2] of [
      [0.75, 0],
      [2.5, 0],
      [0, 0],
      [1.25, -0.5],
    ] as const) {
      const counts = trialCounts(sortTrials(s, size), h1, h2, [
        [h1, h1],
        [h2, h2],
      ]);
      let one = 0;
      let both = 0;
      for (let from = 0; from < s.x.length; from += size) {
        const { x, y } = exactTrial(s, from, size);
        const p1 = Rational.fromNumber(h1);
        const p2 = Rational.fromNumber(h2);
        if (genuineExactly(x, y, { normals: [1], positions: [p1] })) one++;
        if (genuineExactly(x, y, { normals: [1, -1], positions: [p1, p2] })) both++;
      }
      expect(counts.genuine[0], `w_1 alone at ${h1}`).toBe(one);
      expect(counts.genuineBoth, `both at (${h1}, ${h2})`).toBe(both);
      seen.push(one, both);
    }
    // The instances separate the outcomes: some but not all trials hold a minimum.
    expect(seen.some((n) => n > 0 && n < 30)).toBe(true);
  });

  it('samples: equal class priors, class means ±1 (within 5 standard errors; seeded)', () => {
    const s = twoGaussianSamples(seededRandom(3), 40_000);
    const positives = classFrequency(s, 1, { lower: null, upper: null }).count;
    expect(Math.abs(positives / 40_000 - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / 40_000));
    for (const label of [1, -1] as const) {
      const m = classTruncatedMean(s, label, { lower: null, upper: null });
      expect(Math.abs(m.value - label)).toBeLessThan(5 * m.standardError);
    }
  });
});

// Keep the exact helper honest: a hand-checked instance (x = 1, 5 both with y = +1, w_1 at 3/4):
// x_{w1*} = mean(x − y) = 2 and the sample at 1 lies between 3/4 and 2, so the cell holds no minimum.
describe('the exact reference', () => {
  it('finds no minimum in the cell of w_1 = 3/4 for samples 1, 5 with labels +1', () => {
    const x = [Rational.of(1), Rational.of(5)];
    const y = [Rational.ONE, Rational.ONE];
    expect(genuineExactly(x, y, { normals: [1], positions: [Rational.of(3, 4)] })).toBe(false);
    expect(genuineExactly(x, y, { normals: [1], positions: [Rational.of(3, 2)] })).toBe(true);
  });
});

/** Hand-made samples: x values with their labels. */
const labelled = (x: readonly number[], y: readonly (1 | -1)[]): LabelledSamples => ({ x: Float64Array.from(x), y: Int8Array.from(y) });

/** A uniform source that replays the given draws (and fails loudly when it runs out). */
function scripted(draws: readonly number[]): () => number {
  let k = 0;
  return () => {
    if (k >= draws.length) throw new Error('scripted draws exhausted');
    return draws[k++]!;
  };
}

describe('twoGaussianSamples', () => {
  it('draws the label first (+1 iff the uniform is below ½), then adds one standard normal to it', () => {
    // Per sample: one draw for the label, two for Box–Muller; angle ½ gives z = −√(2 ln 2) < 0.
    const draws = [0.25, 0.5, 0.5, 0.5, 0.5, 0.5, 0.75, 0.25, 0.5];
    const s = twoGaussianSamples(scripted(draws), 3);
    expect(Array.from(s.y)).toEqual([1, -1, -1]);
    const z = gaussian(scripted([0.5, 0.5]));
    expect(z).toBeCloseTo(-Math.sqrt(2 * Math.log(2)), 12);
    const z3 = gaussian(scripted([0.25, 0.5]));
    expect(Array.from(s.x)).toEqual([1 + z, -1 + z, -1 + z3]);
  });

  it('consumes the stream sample by sample: two calls equal one call of the total length', () => {
    const a = seededRandom(11);
    const first = twoGaussianSamples(a, 3);
    const second = twoGaussianSamples(a, 2);
    const whole = twoGaussianSamples(seededRandom(11), 5);
    expect(Array.from(whole.x)).toEqual([...first.x, ...second.x]);
    expect(Array.from(whole.y)).toEqual([...first.y, ...second.y]);
  });

  it('accepts one sample and rejects counts that are not positive integers', () => {
    expect(twoGaussianSamples(seededRandom(1), 1).x.length).toBe(1);
    for (const count of [0, -2, 1.5]) {
      expect(() => twoGaussianSamples(seededRandom(1), count)).toThrow(`sample count must be a positive integer, got ${count}`);
    }
  });
});

describe('frequencies and means on hand-made samples', () => {
  // x = −1, 0, 1, 2 with labels +, −, +, −.
  const s = labelled([-1, 0, 1, 2], [1, -1, 1, -1]);

  it('intervalFrequency counts the open interval: ends are excluded', () => {
    // (0, 2) holds only 1: p = 1/4, standard error √(p(1 − p)/n) = √(3/16 / 4) = √3/8.
    const mid = intervalFrequency(s, { lower: 0, upper: 2 });
    expect(mid.value).toBe(0.25);
    expect(mid.standardError).toBeCloseTo(Math.sqrt(3) / 8, 15);
    expect(mid.count).toBe(4);
    expect(intervalFrequency(s, { lower: 0, upper: null }).value).toBe(0.5); // 1, 2
    expect(intervalFrequency(s, { lower: null, upper: 0 }).value).toBe(0.25); // −1
    expect(intervalFrequency(s, { lower: -1, upper: 1 }).value).toBe(0.25); // 0
    expect(intervalFrequency(s, { lower: null, upper: null })).toEqual({ value: 1, standardError: 0, count: 4 });
  });

  it('classFrequency counts one class only, relative to that class', () => {
    // Class −1 is {0, 2}: (−1, 1) holds 0 → p = 1/2, SE = √(1/4 / 2).
    const minus = classFrequency(s, -1, { lower: -1, upper: 1 });
    expect(minus).toEqual({ value: 0.5, standardError: Math.sqrt(0.25 / 2), count: 2 });
    // Class +1 is {−1, 1}: (−1, 1) is open, so neither.
    expect(classFrequency(s, 1, { lower: -1, upper: 1 }).value).toBe(0);
    expect(classFrequency(s, 1, { lower: -2, upper: 1.5 }).value).toBe(1);
  });

  it('classTruncatedMean: sample mean and standard error s/√n; undefined below two samples', () => {
    const t = labelled([0, 1, 5, 7], [1, 1, 1, -1]);
    // Class +1 on (−1, 6): 0, 1, 5 → mean 2, s² = (4 + 1 + 9)/2 = 7, SE = √(7/3).
    const m = classTruncatedMean(t, 1, { lower: -1, upper: 6 });
    expect(m.value).toBe(2);
    expect(m.standardError).toBeCloseTo(Math.sqrt(7 / 3), 14);
    expect(m.count).toBe(3);
    // Two samples 1, 5 (above 1/2): mean 3, s² = (4 + 4)/1 = 8, SE = √(8/2) = 2.
    expect(classTruncatedMean(t, 1, { lower: 0.5, upper: null })).toEqual({ value: 3, standardError: 2, count: 2 });
    const single = classTruncatedMean(t, -1, { lower: null, upper: null });
    expect(single.count).toBe(1);
    expect(single.value).toBeNaN();
    expect(single.standardError).toBeNaN();
  });

  it('regionOptimum is the mean of x − y over the samples of the region', () => {
    // x − y = −2, 1, 0, 3.
    expect(regionOptimum(s, { lower: null, upper: null })).toMatchObject({ value: 0.5, count: 4 });
    // (−1, ∞) holds 0, 1, 2 → x − y = 1, 0, 3 → mean 4/3.
    expect(regionOptimum(s, { lower: -1, upper: null }).value).toBeCloseTo(4 / 3, 15);
    expect(regionOptimum(s, { lower: null, upper: 0.5 })).toMatchObject({ value: -0.5, count: 2 });
  });
});

describe('sortTrials and trialCounts: ties and validation', () => {
  it('on half-integer samples (ties with weights, gap ends and optima) trialCounts equals the brute-force scan', () => {
    const sample = fc.tuple(fc.integer({ min: -4, max: 4 }), fc.constantFrom<1 | -1>(1, -1));
    const half = fc.integer({ min: -4, max: 4 }).map((k) => k / 2);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(sample, { minLength: 1, maxLength: 15 }), half, half, half, half, (size, raw, p, q, e1, e2) => {
        const pairs = Array.from({ length: size * Math.ceil(raw.length / size) }, (_, k) => raw[k % raw.length]!);
        const s = labelled(
          pairs.map(([k]) => k / 2),
          pairs.map(([, y]) => y),
        );
        const h1 = Math.max(p, q);
        const h2 = Math.min(p, q);
        const gaps: [[number, number], [number, number]] = [
          [h1, e1],
          [e2, h2],
        ];
        const got = trialCounts(sortTrials(s, size), h1, h2, gaps);
        expect({ emptyGap: [...got.emptyGap], emptyUnion: got.emptyUnion, genuine: [...got.genuine], genuineBoth: got.genuineBoth }).toEqual(bruteForce(s, size, h1, h2, gaps));
      }),
      { numRuns: 200 },
    );
  });

  it('sortTrials sorts each trial and keeps the prefix sums of x − y', () => {
    const s = labelled([2, -1, 0, 1, 3, -2], [1, -1, 1, -1, 1, 1]);
    const sorted = sortTrials(s, 3);
    expect(sorted.trials).toBe(2);
    expect(Array.from(sorted.x)).toEqual([-1, 0, 2, -2, 1, 3]);
    // Trial 0 in order: (−1, −), (0, +), (2, +) → x − y = 0, −1, 1; trial 1: (−2, +), (1, −), (3, +) → −3, 2, 2.
    expect(Array.from(sorted.prefix)).toEqual([0, 0, -1, 0, 0, -3, -1, 1]);
  });

  it('rejects trial sizes that do not divide the samples', () => {
    const s = labelled([0, 1, 2], [1, 1, -1]);
    for (const size of [0, -1, 1.5, 2]) expect(() => sortTrials(s, size)).toThrow(`3 samples do not split into trials of ${size}`);
    expect(sortTrials(s, 3).trials).toBe(1);
  });

  it('requires h_2 ≤ h_1 and accepts h_2 = h_1', () => {
    const sorted = sortTrials(labelled([0, 1], [1, -1]), 2);
    const gaps: [[number, number], [number, number]] = [
      [0, 0],
      [0, 0],
    ];
    expect(() => trialCounts(sorted, 0, 0.5, gaps)).toThrow('h_2 ≤ h_1 in the two-weight setting');
    expect(trialCounts(sorted, 0.5, 0.5, gaps).trials).toBe(1);
  });
});
