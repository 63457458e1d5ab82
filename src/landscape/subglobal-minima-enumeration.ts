import { Rational } from '../numbers/rational.ts';
import { arrangementCells, type ArrangementFace } from '../geometry/arrangement.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import { subglobalMinimum, type SubglobalMinimumOptions } from './subglobal-minimum.ts';

/** A subglobal minimum value and how many activation regions (ordered h-tuples of unit cells) attain it. */
export interface LossCount {
  readonly loss: Rational;
  readonly regions: bigint;
}

/** Every subglobal minimum of the networks with `units` hidden units, by value (ascending). */
export interface UnitCountMinima {
  readonly units: number;
  readonly minima: readonly LossCount[];
  /** cells^units: every activation region of the network. */
  readonly regions: bigint;
}

/** A set of distinct unit cells (indices into `cells`) and its subglobal minimum value. */
export interface CellSetMinimum {
  readonly cells: readonly number[];
  readonly loss: Rational;
}

export interface SubglobalMinimaEnumeration {
  /** The realizable activation patterns of one unit: the cells of its hyperplane arrangement. */
  readonly cells: readonly ArrangementFace[];
  /** One exact solve per set of distinct unit cells of size 1 … min(maxUnits, cells). */
  readonly sets: readonly CellSetMinimum[];
  /** h = 1 … maxUnits. */
  readonly byUnits: readonly UnitCountMinima[];
}

export interface SubglobalMinimaOptions extends SubglobalMinimumOptions {
  /** Largest number of hidden units h. */
  readonly maxUnits: number;
}

/**
 * The subglobal minima of one-hidden-layer networks with h = 1 … maxUnits hidden units over all
 * activation regions. A region is an ordered h-tuple of single-unit cells. Hidden units are
 * interchangeable and a repeated per-unit pattern adds only a repeated block of columns (same
 * column space), so the region's minimum depends only on the SET T of distinct cells: each set is
 * solved once, exactly (subglobalMinimum), and the ordered tuples with exactly the cells T are
 * counted as surjections h → T, |T|!·S(h, |T|).
 */
export function subglobalMinimaEnumeration(data: Dataset, options: SubglobalMinimaOptions): SubglobalMinimaEnumeration {
  const { maxUnits } = options;
  if (!Number.isSafeInteger(maxUnits) || maxUnits < 1) throw new RangeError(`maxUnits must be a positive integer, got ${maxUnits}`);
  if (data.inputs.length === 0) throw new NetworkError('the subglobal minima of an empty dataset are undefined');
  const cells = arrangementCells(data.inputs, { bias: options.bias });
  const columns = cells.map(cellActivations);
  const sets: CellSetMinimum[] = [];
  for (let size = 1; size <= Math.min(maxUnits, cells.length); size++) {
    for (const subset of kSubsets(cells.length, size)) {
      sets.push({ cells: subset, loss: setMinimum(data, columns, subset, options) });
    }
  }
  const byUnits = Array.from({ length: maxUnits }, (_, k) => tally(k + 1, cells.length, sets));
  return { cells, sets, byUnits };
}

/** a_i = 1(wᵀx_i (+ b) > 0) of a cell, one entry per sample. */
export function cellActivations(cell: ArrangementFace): Rational[] {
  return cell.signs.map((s) => (s > 0 ? Rational.ONE : Rational.ZERO));
}

/** The subglobal minimum value of the region whose units have exactly the cells in `subset`, once each. */
function setMinimum(data: Dataset, columns: readonly Rational[][], subset: readonly number[], options: SubglobalMinimumOptions): Rational {
  const activations = data.inputs.map((_, i) => subset.map((c) => columns[c]![i]!));
  return subglobalMinimum(data, activations, options).value;
}

/** The values for h units: every set of at most h cells, weighted by its ordered h-tuples. */
function tally(units: number, cellCount: number, sets: readonly CellSetMinimum[]): UnitCountMinima {
  const byValue = new Map<string, LossCount>();
  for (const set of sets) {
    if (set.cells.length > units) continue;
    const key = set.loss.toString();
    const previous = byValue.get(key);
    const regions = (previous?.regions ?? 0n) + surjections(units, set.cells.length);
    byValue.set(key, { loss: set.loss, regions });
  }
  const minima = [...byValue.values()].sort((a, b) => a.loss.compare(b.loss));
  return { units, minima, regions: BigInt(cellCount) ** BigInt(units) };
}

/** The k-subsets of {0, …, n−1} in lexicographic order. */
export function* kSubsets(n: number, k: number): Generator<number[]> {
  if (k > n || k < 0) return;
  const index = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield [...index];
    let i = k - 1;
    while (i >= 0 && index[i] === n - k + i) i--;
    if (i < 0) return;
    index[i]!++;
    for (let j = i + 1; j < k; j++) index[j] = index[j - 1]! + 1;
  }
}

/** Stirling numbers of the second kind S(n, k): partitions of n labelled items into k non-empty blocks. */
export function stirling2(n: number, k: number): bigint {
  if (n < 0 || k < 0) throw new RangeError(`stirling2(${n}, ${k}) needs non-negative arguments`);
  // Row by row: S(m, j) = j·S(m−1, j) + S(m−1, j−1).
  let row: bigint[] = [1n];
  for (let m = 1; m <= n; m++) {
    const next: bigint[] = new Array<bigint>(m + 1).fill(0n);
    for (let j = 1; j <= m; j++) next[j] = BigInt(j) * (row[j] ?? 0n) + (row[j - 1] ?? 0n);
    row = next;
  }
  return row[k] ?? 0n;
}

/** Maps from an n-set onto a k-set: k!·S(n, k). */
export function surjections(n: number, k: number): bigint {
  let factorial = 1n;
  for (let j = 2; j <= k; j++) factorial *= BigInt(j);
  return factorial * stirling2(n, k);
}

/** Whether every subglobal minimum value of `smaller` is also one of `larger` (exact equality). */
export function minimaValuesSubset(smaller: UnitCountMinima, larger: UnitCountMinima): boolean {
  const values = new Set(larger.minima.map((m) => m.loss.toString()));
  return smaller.minima.every((m) => values.has(m.loss.toString()));
}

/** The values of `smaller` missing among those of `larger`. */
export function missingMinimaValues(smaller: UnitCountMinima, larger: UnitCountMinima): Rational[] {
  const values = new Set(larger.minima.map((m) => m.loss.toString()));
  return smaller.minima.filter((m) => !values.has(m.loss.toString())).map((m) => m.loss);
}

/** The share of regions whose subglobal minimum is the global minimum (the smallest value), exactly. */
export function globalMinimumShare(minima: UnitCountMinima): Rational {
  const best = minima.minima[0];
  if (best === undefined) throw new RangeError('no subglobal minima');
  return Rational.of(best.regions, minima.regions);
}

/** Σ regions over the values (equals cells^h when the enumeration is complete). */
export function totalRegions(minima: UnitCountMinima): bigint {
  return minima.minima.reduce((s, m) => s + m.regions, 0n);
}

/** The share of regions whose subglobal minimum exceeds `threshold` (poor regions for a fixed loss level). */
export function shareAbove(minima: UnitCountMinima, threshold: Rational): Rational {
  const above = minima.minima.reduce((s, m) => (m.loss.gt(threshold) ? s + m.regions : s), 0n);
  return Rational.of(above, minima.regions);
}

/**
 * The loss levels t (among the values of either list) at which the share of regions above t is
 * larger for `larger` than for `smaller`; empty iff the values for more units are stochastically
 * no larger — what adding a unit to a uniformly random region does (its cells form a superset, and
 * more columns never raise a least-squares minimum).
 */
export function levelsWherePoorShareGrows(smaller: UnitCountMinima, larger: UnitCountMinima): Rational[] {
  const levels = [...smaller.minima, ...larger.minima].map((m) => m.loss);
  const distinct = [...new Map(levels.map((t) => [t.toString(), t])).values()].sort((a, b) => a.compare(b));
  return distinct.filter((t) => shareAbove(larger, t).gt(shareAbove(smaller, t)));
}
