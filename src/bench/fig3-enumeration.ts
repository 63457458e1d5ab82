import { arrangementCells } from '../geometry/arrangement.ts';
import type { Dataset } from '../network/dataset.ts';
import { ratData } from '../network/dataset.ts';
import type { Rational } from '../numbers/rational.ts';
import { subglobalMinimum, type SubglobalMinimumOptions } from '../landscape/subglobal-minimum.ts';
import { cellActivations, subglobalMinimaEnumeration } from '../landscape/subglobal-minima-enumeration.ts';
import { medianTimePerCall } from './timing.ts';

/** decomposition Fig. 3: x1 = [−1, 1], y1 = 1; x2 = [2, 1], y2 = 2; x3 = [1, 3], y3 = 3; bias-free, ½Σ. */
export const FIG3_DATA: Dataset = ratData(
  [
    [-1, 1],
    [2, 1],
    [1, 3],
  ],
  [1, 2, 3],
);

const FIG3_OPTIONS: SubglobalMinimumOptions = { bias: false, outputBias: false, normalisation: 'half-sum' };

/** One network size: the enumeration's time beside the naive one's (one exact solve per ordered tuple). */
export interface Fig3EnumerationRow {
  readonly h: number;
  /** Activation regions of the network: ordered h-tuples of unit regions (6^h). */
  readonly regions: number;
  /** Exact solves of the enumeration: one per set of distinct unit regions. */
  readonly solves: number;
  readonly enumerationMs: number;
  /** The naive time, or null when it was not run (a smaller h already went over the limit) or went over the limit. */
  readonly naiveMs: number | null;
  readonly naive: 'done' | 'over limit' | 'not run';
  /** Whether the naive histogram equals the enumeration's exactly (null when the naive run did not finish). */
  readonly agrees: boolean | null;
}

export type Fig3EnumerationBench =
  | { readonly available: true; readonly naiveLimitMs: number; readonly rows: readonly Fig3EnumerationRow[] }
  | { readonly available: false; readonly reason: string };

export interface Fig3BenchOptions {
  readonly repetitions: number;
  readonly quick: boolean;
  /** Largest h (default 10). */
  readonly maxH?: number;
  /** A naive run that takes longer is stopped, and larger h are not run (default: 60 s, quick 1 s). */
  readonly naiveLimitMs?: number;
}

/** value → count, the histogram as plain strings (for comparing the two methods exactly). */
type Histogram = Map<string, bigint>;

/** The enumeration: one exact solve per set of distinct unit regions, tuples counted combinatorially. */
function enumerationHistogram(data: Dataset, h: number): { histogram: Histogram; solves: number } {
  const e = subglobalMinimaEnumeration(data, { ...FIG3_OPTIONS, maxUnits: h });
  const m = e.byUnits[h - 1]!;
  return { histogram: new Map(m.minima.map((x) => [x.loss.toString(), x.regions])), solves: e.sets.length };
}

/**
 * The naive way: every ordered h-tuple of unit regions (odometer order), each region's
 * least-squares problem solved on its own. Null when the deadline (performance.now()) passes.
 */
export function naiveHistogram(data: Dataset, h: number, deadline = Infinity): Histogram | null {
  const columns = arrangementCells(data.inputs, { bias: FIG3_OPTIONS.bias }).map(cellActivations);
  const tuple = new Array<number>(h).fill(0);
  const histogram: Histogram = new Map();
  for (;;) {
    if (performance.now() > deadline) return null;
    const activations: Rational[][] = data.inputs.map((_, i) => tuple.map((c) => columns[c]![i]!));
    const key = subglobalMinimum(data, activations, FIG3_OPTIONS).value.toString();
    histogram.set(key, (histogram.get(key) ?? 0n) + 1n);
    let j = h - 1;
    while (j >= 0 && tuple[j] === columns.length - 1) tuple[j--] = 0;
    if (j < 0) return histogram;
    tuple[j]!++;
  }
}

function sameHistogram(a: Histogram, b: Histogram): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/**
 * decomposition/fig-3 for h = 1 … 10: the enumeration (median of `repetitions`) beside the naive
 * enumeration (one run per h, stopped at the limit; larger h are then not run), and whether both
 * give the same exact histogram.
 */
export function benchFig3Enumeration(options: Fig3BenchOptions, onRow?: (row: Fig3EnumerationRow) => void): Fig3EnumerationBench {
  const maxH = options.maxH ?? 10;
  const naiveLimitMs = options.naiveLimitMs ?? (options.quick ? 1_000 : 60_000);
  const cells = arrangementCells(FIG3_DATA.inputs, { bias: FIG3_OPTIONS.bias }).length;
  const rows: Fig3EnumerationRow[] = [];
  let naiveStopped = false;
  naiveHistogram(FIG3_DATA, 1); // warms the solver up, as medianTimePerCall does for the enumeration
  for (let h = 1; h <= maxH; h++) {
    const fast = enumerationHistogram(FIG3_DATA, h);
    const enumerationMs = medianTimePerCall(() => enumerationHistogram(FIG3_DATA, h), options.repetitions, options.quick ? 5 : 20);
    let naiveMs: number | null = null;
    let naive: Fig3EnumerationRow['naive'] = 'not run';
    let agrees: boolean | null = null;
    if (!naiveStopped) {
      const start = performance.now();
      const histogram = naiveHistogram(FIG3_DATA, h, start + naiveLimitMs);
      if (histogram === null) {
        naive = 'over limit';
        naiveStopped = true;
      } else {
        naiveMs = performance.now() - start;
        naive = 'done';
        agrees = sameHistogram(histogram, fast.histogram);
      }
    }
    const row: Fig3EnumerationRow = { h, regions: cells ** h, solves: fast.solves, enumerationMs, naiveMs, naive, agrees };
    rows.push(row);
    onRow?.(row);
  }
  return { available: true, naiveLimitMs, rows };
}
