import type { JsonValue } from '../claims/codec.ts';
import { arrangementCells, generalPositionCellCount, type ArrangementFace } from '../geometry/arrangement.ts';
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
  readonly version: string;
}

/** Unit arrangements with more cells than this (by Cover's bound) are refused before any LP. */
export const MAX_CELL_BOUND = 100_000;

const str = (x: Rational): string => x.toString();
const vec = (xs: readonly Rational[]): string[] => xs.map(str);
const signText = (signs: readonly Sign[]): string => signs.map((s) => (s > 0 ? '+' : s < 0 ? '-' : '0')).join('');

/**
 * The regions of a one-hidden-layer ReLU network on the data, up to the order of the (interchangeable)
 * hidden units: multisets of K unit cells, each with its subglobal minimum and genuineness, as the
 * JSON of schemas/regions-output.schema.json.
 */
export function regionsJson(request: RegionsRequest): JsonValue {
  const { data, hidden: K, bias } = request;
  const N = data.inputs.length;
  const d = data.inputs[0]!.length;
  const bound = generalPositionCellCount(N, d + (bias ? 1 : 0));
  if (bound > MAX_CELL_BOUND) {
    throw new InputError(`${request.dataFile}: ${N} points in dimension ${d}${bias ? ' with bias' : ''} may give up to ${bound} cells per unit; at most ${MAX_CELL_BOUND} are enumerated`);
  }
  const cells = arrangementCells(data.inputs, { bias });
  const unordered = multisetCount(cells.length, K);
  if (unordered > BigInt(request.maxRegions)) {
    throw new InputError(
      `${request.dataFile} with --hidden ${K}: ${cells.length} cells per unit give ${unordered} regions up to the order of the units, more than --max-regions ${request.maxRegions}`,
    );
  }
  const regions: JsonValue[] = [];
  let genuineCount = 0;
  let least: Rational | null = null;
  let leastGenuine: Rational | null = null;
  for (const choice of multisets(cells.length, K)) {
    const region = choice.map((c) => cells[c]!.signs);
    const minimum = subglobalMinimum(data, regionActivations(region), { bias, outputBias: bias, normalisation: request.normalisation });
    const real = genuineness(minimum, region, { maxCombinations: 3 ** K });
    if (least === null || minimum.value.compare(least) < 0) least = minimum.value;
    if (real.genuine) {
      genuineCount++;
      if (leastGenuine === null || minimum.value.compare(leastGenuine) < 0) leastGenuine = minimum.value;
    }
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
  let c = 1n;
  for (let j = 1; j <= k; j++) c = (c * BigInt(n + j - 1)) / BigInt(j);
  return c;
}

/** K! / Π m_c!: the ordered tuples a multiset of cells stands for. */
export function orderings(choice: readonly number[]): bigint {
  const factorial = (m: number): bigint => (m <= 1 ? 1n : BigInt(m) * factorial(m - 1));
  const counts = new Map<number, number>();
  for (const c of choice) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.values()].reduce((acc, m) => acc / factorial(m), factorial(choice.length));
}
