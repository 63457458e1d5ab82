import { Decimal } from 'decimal.js';
import { NetworkError } from '../network/errors.ts';
import {
  classFrequency,
  classTruncatedMean,
  intervalFrequency,
  regionOptimum,
  sortTrials,
  trialCounts,
  twoGaussianSamples,
  type MonteCarloEstimate,
  type FloatInterval,
  type TrialCounts,
} from './liu-monte-carlo.ts';
import { classMass, liuTwoWeightProbability, truncatedMean, type AxisInterval, type LiuTwoWeightProbability } from './liu-probability.ts';
import { seededRandom } from './rng.ts';

/**
 * The experiment of Liu §7.3 / Fig. 4(b): w_2 fixed at x_w2, w_1 moved over a grid, N samples;
 * at every grid point the analytic quantities of §7.2/App. E.2 next to Monte Carlo estimates.
 */
export interface LiuExperimentOptions {
  /** Positions of w_1 (decimal strings, e.g. '0.25'). */
  readonly positions: readonly string[];
  readonly fixedPosition: string;
  /** N of (25). */
  readonly samples: number;
  /** Trials of N samples for (25) and for the genuineness frequencies. */
  readonly trials: number;
  /** Size of the one large sample for (E.7), (E.9), (E.10) and (24). */
  readonly formulaSamples: number;
  readonly seed: number;
}

/** Analytic (decimal) and Monte Carlo (float) value of one quantity. */
export interface AnalyticVersusMonteCarlo {
  readonly analytic: Decimal;
  readonly estimate: MonteCarloEstimate;
}

export interface LiuExperimentPoint {
  readonly position: string;
  readonly analytic: LiuTwoWeightProbability;
  /** (E.9): P_{1±}, P_{3±} (class masses of Ω_1 = (h_1, ∞) and Ω_3 = (−∞, h_2)). */
  readonly classMasses: readonly AnalyticVersusMonteCarlo[];
  /** (E.10): x̄_{1±}, x̄_{3±}; estimates with fewer than `minimumCount` samples are left out. */
  readonly truncatedMeans: readonly AnalyticVersusMonteCarlo[];
  /** (24): h_1*, h_2*. */
  readonly optimal: readonly [AnalyticVersusMonteCarlo, AnalyticVersusMonteCarlo];
  /** (E.7): P(x ∈ g_1), P(x ∈ g_2). */
  readonly gaps: readonly [AnalyticVersusMonteCarlo, AnalyticVersusMonteCarlo];
  readonly trials: TrialCounts;
}

/** Smallest number of samples behind a Monte Carlo mean that is compared at all. */
export const LIU_MINIMUM_COUNT = 30;

const toFloat = (g: AxisInterval): FloatInterval => ({ lower: g.lower?.toNumber() ?? null, upper: g.upper?.toNumber() ?? null });

export function liuProbabilityExperiment(options: LiuExperimentOptions): LiuExperimentPoint[] {
  const { positions, fixedPosition, samples, trials, formulaSamples, seed } = options;
  if (positions.length === 0) throw new NetworkError('the experiment needs at least one position of w_1');
  const random = seededRandom(seed);
  const large = twoGaussianSamples(random, formulaSamples);
  const runs = sortTrials(twoGaussianSamples(random, samples * trials), samples);
  const h2 = new Decimal(fixedPosition);
  return positions.map((position) => {
    const h1 = new Decimal(position);
    const analytic = liuTwoWeightProbability(h1, h2, samples);
    const regions: AxisInterval[] = [
      { lower: h1, upper: null },
      { lower: null, upper: h2 },
    ];
    const perClass = regions.flatMap((region) => ([1, -1] as const).map((label) => ({ region, label })));
    const classMasses = perClass.map(({ region, label }) => ({ analytic: classMass(region, label), estimate: classFrequency(large, label, toFloat(region)) }));
    const truncatedMeans = perClass.flatMap(({ region, label }) => {
      const estimate = classTruncatedMean(large, label, toFloat(region));
      return estimate.count < LIU_MINIMUM_COUNT ? [] : [{ analytic: truncatedMean(region, label), estimate }];
    });
    const optimal = regions.map((region, k) => ({ analytic: analytic.optimal[k]!, estimate: regionOptimum(large, toFloat(region)) })) as [AnalyticVersusMonteCarlo, AnalyticVersusMonteCarlo];
    const gaps = analytic.gaps.map((gap, k) => ({ analytic: analytic.gapProbabilities[k]!, estimate: intervalFrequency(large, toFloat(gap)) })) as [AnalyticVersusMonteCarlo, AnalyticVersusMonteCarlo];
    const bounds = analytic.gaps.map((g) => [g.lower!.toNumber(), g.upper!.toNumber()] as const) as [readonly [number, number], readonly [number, number]];
    return {
      position,
      analytic,
      classMasses,
      truncatedMeans,
      optimal,
      gaps,
      trials: trialCounts(runs, h1.toNumber(), h2.toNumber(), bounds),
    };
  });
}
