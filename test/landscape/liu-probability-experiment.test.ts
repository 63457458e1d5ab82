import { describe, expect, it } from 'vitest';
import {
  classFrequency,
  classTruncatedMean,
  intervalFrequency,
  regionOptimum,
  sortTrials,
  trialCounts,
  twoGaussianSamples,
  type FloatInterval,
  type LabelledSamples,
} from '../../src/landscape/liu-monte-carlo.ts';
import { LIU_MINIMUM_COUNT, liuProbabilityExperiment, type LiuExperimentOptions, type LiuExperimentPoint } from '../../src/landscape/liu-probability-experiment.ts';
import { classMass, liuTwoWeightProbability, truncatedMean } from '../../src/landscape/liu-probability.ts';
import { seededRandom } from '../../src/landscape/rng.ts';

const base = { fixedPosition: '-0.5', samples: 4, trials: 400, formulaSamples: 3000, seed: 5 } as const;

/** The seeded stream as the experiment reads it: first the large sample, then the trials. */
function streams(options: LiuExperimentOptions): { large: LabelledSamples; runs: LabelledSamples } {
  const random = seededRandom(options.seed);
  const large = twoGaussianSamples(random, options.formulaSamples);
  return { large, runs: twoGaussianSamples(random, options.samples * options.trials) };
}

/** Class −1 samples of the large sample, largest first: a weight just at the k-th leaves k − 1 above it. */
function minusClassDescending(large: LabelledSamples): number[] {
  return Array.from(large.x)
    .filter((_, i) => large.y[i] === -1)
    .sort((a, b) => b - a);
}

/** |estimate − analytic| within 5 standard errors (plus one sample's weight for frequencies near 0 or 1). */
function agrees(analytic: number, value: number, standardError: number, count: number): boolean {
  return Math.abs(value - analytic) <= 5 * standardError + 1 / count;
}

describe('Liu §7.3 experiment', () => {
  const options: LiuExperimentOptions = { ...base, positions: ['0.25', '1', '2.5'] };
  // Run inside each test (cheap), so each test that reads the experiment also runs it.
  const experiment = () => liuProbabilityExperiment(options);
  const { large, runs } = streams(options);
  const h2 = -0.5;

  it('returns one point per position of w_1, each with the analytic quantities of §7.2', () => {
    expect(experiment().map((p) => p.position)).toEqual(options.positions);
    for (const p of experiment()) {
      const want = liuTwoWeightProbability(p.position, options.fixedPosition, options.samples);
      expect(p.analytic.positions.map((v) => v.toString())).toEqual([p.position, options.fixedPosition]);
      expect(p.analytic.trapped.eq(want.trapped)).toBe(true);
      expect(p.analytic.gapProbabilities.map((v) => v.toString())).toEqual(want.gapProbabilities.map((v) => v.toString()));
    }
  });

  it('is rebuilt from its parts: one large sample, then trials of N samples from the same seeded stream', () => {
    for (const p of experiment()) {
      const h1 = Number(p.position);
      const regions: FloatInterval[] = [
        { lower: h1, upper: null },
        { lower: null, upper: h2 },
      ];
      // Class masses in the order (Ω_1, +), (Ω_1, −), (Ω_3, +), (Ω_3, −).
      const order = regions.flatMap((region) => ([1, -1] as const).map((label) => ({ region, label })));
      expect(p.classMasses.map((m) => m.estimate)).toEqual(order.map(({ region, label }) => classFrequency(large, label, region)));
      expect(p.optimal.map((o) => o.estimate)).toEqual(regions.map((region) => regionOptimum(large, region)));
      const gaps = p.analytic.gaps.map((g) => [g.lower!.toNumber(), g.upper!.toNumber()] as [number, number]);
      expect(p.gaps.map((g) => g.estimate)).toEqual(gaps.map(([lower, upper]) => intervalFrequency(large, { lower, upper })));
      expect(p.trials).toEqual(trialCounts(sortTrials(runs, options.samples), h1, h2, [gaps[0]!, gaps[1]!]));
    }
  });

  it('Monte Carlo agrees with (E.9), (E.10), (24), (E.7) and (25) within 5 standard errors', () => {
    for (const p of experiment()) {
      const h1 = Number(p.position);
      const regions = [
        { lower: p.analytic.positions[0], upper: null },
        { lower: null, upper: p.analytic.positions[1] },
      ];
      expect(p.classMasses.map((m) => m.analytic.toString())).toEqual(regions.flatMap((r) => [classMass(r, 1).toString(), classMass(r, -1).toString()]));
      for (const { analytic, estimate } of [...p.classMasses, ...p.gaps]) {
        const a = analytic.toNumber();
        expect(agrees(a, estimate.value, Math.sqrt((a * (1 - a)) / estimate.count), estimate.count), `at ${h1}`).toBe(true);
      }
      for (const { analytic, estimate } of [...p.truncatedMeans, ...p.optimal]) {
        expect(agrees(analytic.toNumber(), estimate.value, estimate.standardError, estimate.count), `at ${h1}`).toBe(true);
      }
      const perWeight = p.analytic.trappedPerWeight.map((v) => v.toNumber());
      const frequencies = p.trials.emptyGap.map((n) => n / p.trials.trials);
      perWeight.forEach((q, k) => expect(agrees(q, frequencies[k]!, Math.sqrt((q * (1 - q)) / options.trials), options.trials)).toBe(true));
      const q = p.analytic.trapped.toNumber();
      expect(agrees(q, p.trials.emptyUnion / p.trials.trials, Math.sqrt((q * (1 - q)) / options.trials), options.trials)).toBe(true);
    }
  });

  it('truncated means are paired with (E.10) and left out below the minimum count', () => {
    for (const p of experiment()) {
      for (const { estimate } of p.truncatedMeans) expect(estimate.count).toBeGreaterThanOrEqual(LIU_MINIMUM_COUNT);
      // Ω_3 = (−∞, −1/2) holds hundreds of samples of each class: both means are kept.
      const h1 = Number(p.position);
      const kept = [1, -1].flatMap((label) =>
        [{ lower: h1, upper: null }, { lower: null, upper: h2 }].filter((r) => classTruncatedMean(large, label as 1 | -1, r).count >= LIU_MINIMUM_COUNT),
      );
      expect(p.truncatedMeans).toHaveLength(kept.length);
    }
    // At h_1 = 2.5 the class −1 has about 1500 · (1 − Φ(3.5)) < 1 samples in Ω_1: three means remain.
    const far = experiment()[2]!;
    expect(far.truncatedMeans).toHaveLength(3);
    expect(far.truncatedMeans[0]!.analytic.eq(truncatedMean({ lower: far.analytic.positions[0], upper: null }, 1))).toBe(true);
  });

  it('a mean of exactly the minimum count is kept, one sample fewer is left out', () => {
    const minus = minusClassDescending(large);
    // A weight at the (k + 1)-th largest class −1 sample leaves exactly k of them strictly above it.
    const atMinimum = String(minus[LIU_MINIMUM_COUNT]!);
    const belowMinimum = String(minus[LIU_MINIMUM_COUNT - 1]!);
    const [keep, drop] = liuProbabilityExperiment({ ...base, positions: [atMinimum, belowMinimum] }) as [LiuExperimentPoint, LiuExperimentPoint];
    // Order (Ω_1, +), (Ω_1, −), (Ω_3, +), (Ω_3, −); Ω_1 of class +1 and Ω_3 hold hundreds of samples.
    expect(keep.truncatedMeans).toHaveLength(4);
    expect(keep.truncatedMeans[1]!.estimate.count).toBe(LIU_MINIMUM_COUNT);
    expect(keep.truncatedMeans[1]!.analytic.eq(truncatedMean({ lower: keep.analytic.positions[0], upper: null }, -1))).toBe(true);
    expect(drop.truncatedMeans.map((m) => m.estimate.count)).toEqual([
      classTruncatedMean(large, 1, { lower: Number(belowMinimum), upper: null }).count,
      keep.truncatedMeans[2]!.estimate.count,
      keep.truncatedMeans[3]!.estimate.count,
    ]);
  });

  it('needs at least one position of w_1', () => {
    expect(() => liuProbabilityExperiment({ ...base, positions: [] })).toThrow('the experiment needs at least one position of w_1');
  });
});
