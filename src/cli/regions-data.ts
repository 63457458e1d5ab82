import type { JsonValue } from '../claims/codec.ts';
import { arrangementCells, cellCountBound, type ArrangementFace } from '../geometry/arrangement.ts';
import type { Sign } from '../geometry/pattern.ts';
import type { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { InputError } from '../claims/errors.ts';
import type { Normalisation } from '../network/loss.ts';
import { regionActivations } from '../landscape/design-matrix.ts';
import { genuineness } from '../landscape/genuineness.ts';
import { subglobalMinimum } from '../landscape/subglobal-minimum.ts';

export interface RegionsRequest {
  readonly data: Dataset<Rational>;
  readonly dataFile: string;
  readonly hidden: number;
  /** Hidden biases b_j and an output bias c (decomposition), or neither (Liu). */
  readonly bias: boolean;
  readonly normalisation: Normalisation;
  readonly genuineOnly: boolean;
  readonly maxRegions: number;
  /** The run stops (an InputError) once this many seconds have passed. */
  readonly timeLimitSeconds: number;
  readonly version: string;
}

/** Unit arrangements with more cells than this (by Cover's bound) are refused before any LP. */
export const MAX_CELL_BOUND = 100_000;
/** --max-regions goes no higher: the JSON of more regions runs to hundreds of megabytes. */
export const MAX_REGIONS_LIMIT = 100_000;
/** Default of regions --time-limit: the exact LPs of a large arrangement can otherwise run for hours. */
export const DEFAULT_REGIONS_TIME_LIMIT_SECONDS = 600;

/** What limits a regions request before any LP: Cover's bound on one unit's cells and the regions it allows. */
export interface RegionBound {
  /** Cells of one unit's arrangement, at most (general position has the most). */
  readonly cells: bigint;
  /** Multisets of K such cells: the regions listed, at most. */
  readonly regions: bigint;
}

/** Cover / Zaslavsky: N points in dimension d (d + 1 with bias) give at most 2·Σ_{k≤d} C(N−1, k) cells per unit; K units at most C(cells + K − 1, K) regions. */
export function regionBound(points: number, inputDim: number, bias: boolean, hidden: number): RegionBound {
  const cells = cellCountBound(points, inputDim + (bias ? 1 : 0));
  return { cells, regions: multisetCountOf(cells, hidden) };
}

/** Thrown from inside the enumeration when the time limit has passed. */
class TimeLimitReached extends Error {}

const str = (x: Rational): string => x.toString();
const vec = (xs: readonly Rational[]): string[] => xs.map(str);
const signText = (signs: readonly Sign[]): string => signs.map((s) => (s > 0 ? '+' : s < 0 ? '-' : '0')).join('');

/**
 * The regions of a one-hidden-layer ReLU network on the data, up to the order of the (interchangeable)
 * hidden units: multisets of K unit cells, each with its subglobal minimum and genuineness, as the
 * JSON of schemas/regions-output.schema.json.
 */
export function regionsJson(request: RegionsRequest): JsonValue {
  const { data, hidden: K } = request;
  requireWithinBound(request, data.inputs.length, data.inputs[0]!.length);
  const deadline = performance.now() + request.timeLimitSeconds * 1000;
  const checkpoint = (): void => {
    if (performance.now() > deadline) throw new TimeLimitReached();
  };
  const progress: Progress = { cells: null, regions: 0 };
  try {
    return enumerateRegions(request, checkpoint, progress);
  } catch (error) {
    if (!(error instanceof TimeLimitReached)) throw error;
    const where =
      progress.cells === null
        ? 'while enumerating the cells of one unit'
        : `after ${progress.regions} of ${multisetCount(progress.cells, K)} regions`;
    throw new InputError(
      `${request.dataFile} with --hidden ${K}: stopped at the time limit of ${request.timeLimitSeconds} s ${where}; nothing was printed (raise it with --time-limit, or use fewer points or units)`,
    );
  }
}

/** Refuses, before any LP, a request whose regions may exceed --max-regions by Cover's bound. */
function requireWithinBound(request: RegionsRequest, N: number, d: number): void {
  const { hidden: K, bias } = request;
  const bound = regionBound(N, d, bias, K);
  const where = `${N} points in dimension ${d}${bias ? ' with bias' : ''}`;
  if (bound.cells > BigInt(MAX_CELL_BOUND)) {
    throw new InputError(`${request.dataFile}: ${where} may give up to ${bound.cells} cells per unit; at most ${MAX_CELL_BOUND} are enumerated`);
  }
  if (bound.regions > BigInt(request.maxRegions)) {
    throw new InputError(
      `${request.dataFile} with --hidden ${K}: ${bound.cells} cells per unit give ${bound.regions} regions up to the order of the units, more than --max-regions ${request.maxRegions} ` +
        `(at most: Cover's bound for ${where}, known before any enumeration; raise --max-regions, up to ${MAX_REGIONS_LIMIT}, or use fewer points or units)`,
    );
  }
}

/** How far the enumeration got, for the message when the time limit stops it. */
interface Progress {
  cells: number | null;
  regions: number;
}

function enumerateRegions(request: RegionsRequest, checkpoint: () => void, progress: Progress): JsonValue {
  const { data, hidden: K, bias } = request;
  const N = data.inputs.length;
  const d = data.inputs[0]!.length;
  const cells = arrangementCells(data.inputs, { bias, checkpoint });
  progress.cells = cells.length;
  const unordered = multisetCount(cells.length, K);
  const regions: JsonValue[] = [];
  let genuineCount = 0;
  let least: Rational | null = null;
  let leastGenuine: Rational | null = null;
  for (const choice of multisets(cells.length, K)) {
    checkpoint();
    const region = choice.map((c) => cells[c]!.signs);
    const minimum = subglobalMinimum(data, regionActivations(region), { bias, outputBias: bias, normalisation: request.normalisation });
    const real = genuineness(minimum, region, { maxCombinations: 3 ** K });
    if (least === null || minimum.value.compare(least) < 0) least = minimum.value;
    if (real.genuine) {
      genuineCount++;
      if (leastGenuine === null || minimum.value.compare(leastGenuine) < 0) leastGenuine = minimum.value;
    }
    progress.regions++;
    if (request.genuineOnly && !real.genuine) continue;
    regions.push({
      cells: choice,
      orderings: Number(orderings(choice)),
      signs: region.map(signText),
      subglobalMinimum: {
        value: str(minimum.value),
        unique: minimum.unique,
        rank: minimum.rank,
        dimension: minimum.design.cols,
        interpolates: minimum.interpolates,
        minimiser: vec(minimum.minimiser),
      },
      genuine: real.genuine,
      point: real.genuine
        ? {
            weights: real.point.weights.map(vec),
            biases: real.point.biases === null ? null : vec(real.point.biases),
            outputWeights: vec(real.point.outputWeights),
            outputBias: real.point.outputBias === null ? null : str(real.point.outputBias),
          }
        : null,
    });
  }
  return {
    version: request.version,
    data: { file: request.dataFile, points: N, inputDim: d },
    hidden: K,
    bias,
    outputBias: bias,
    activation: 'relu',
    loss: { name: 'squared error', normalisation: request.normalisation },
    genuineOnly: request.genuineOnly,
    cells: cells.map((c, index) => cellJson(c, index)),
    regionCount: { ordered: (BigInt(cells.length) ** BigInt(K)).toString(), unordered: Number(unordered) },
    genuineCount,
    leastSubglobalMinimum: least === null ? null : str(least),
    leastGenuineMinimum: leastGenuine === null ? null : str(leastGenuine),
    regions,
  };
}

function cellJson(cell: ArrangementFace, index: number): JsonValue {
  return { index, signs: signText(cell.signs), weight: vec(cell.weight), bias: cell.bias === undefined ? null : str(cell.bias) };
}

/** Non-decreasing K-tuples over 0 … n−1: the multisets of K cells, in lexicographic order. */
export function* multisets(n: number, k: number): Generator<number[]> {
  if (n === 0) return;
  const index = new Array<number>(k).fill(0);
  for (;;) {
    yield [...index];
    let i = k - 1;
    while (i >= 0 && index[i] === n - 1) i--;
    if (i < 0) return;
    const next = index[i]! + 1;
    for (let j = i; j < k; j++) index[j] = next;
  }
}

/** C(n + k − 1, k). */
export function multisetCount(n: number, k: number): bigint {
  return multisetCountOf(BigInt(n), k);
}

function multisetCountOf(n: bigint, k: number): bigint {
  let c = 1n;
  for (let j = 1; j <= k; j++) c = (c * (n + BigInt(j - 1))) / BigInt(j);
  return c;
}

/** K! / Π m_c!: the ordered tuples a multiset of cells stands for. */
export function orderings(choice: readonly number[]): bigint {
  const factorial = (m: number): bigint => (m <= 1 ? 1n : BigInt(m) * factorial(m - 1));
  const counts = new Map<number, number>();
  for (const c of choice) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((acc, m) => acc / factorial(m), factorial(choice.length));
}
