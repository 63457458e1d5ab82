import { Rational } from '../numbers/rational.ts';
import { arrangementCells } from '../geometry/arrangement.ts';
import type { Sign } from '../geometry/pattern.ts';
import type { Region } from '../geometry/region.ts';
import { insidePiece } from '../network/activation.ts';
import type { DatasetPattern } from '../network/pattern.ts';
import { liftedInputs, liftedWeights, type OneHiddenLayerPoint } from './one-hidden-layer.ts';

/** Thrown from the enumeration of adjacent cells and regions when a caller's time limit has passed. */
export class TimeLimitReached extends Error {
  override readonly name = 'TimeLimitReached';
}

/** The time check of the computation running now (synchronous code only: set and restored around it). */
let activeCheck: (() => void) | undefined;

/**
 * Runs `work` with `check` called before each cell LP and each adjacent region enumerated here
 * (check throws TimeLimitReached once time is up), so that a caller with a time limit can stop a
 * computation, such as reparametrisedOptimality, that enumerates them through these functions.
 */
export function withTimeCheck<T>(check: () => void, work: () => T): T {
  const outer = activeCheck;
  activeCheck = check;
  try {
    return work();
  } finally {
    activeCheck = outer;
  }
}

/**
 * The cells of one unit's arrangement whose closure contains w̃ (its full sign vectors): signs
 * that are non-zero at w̃ stay; the samples with x̃_i·w̃ = 0 (x̃_i ≠ 0) take every sign pattern of
 * the central arrangement of those x̃_i, since near w̃ the sign of x̃_i·(w̃ + δ) is that of x̃_i·δ.
 * Degenerate samples (x̃_i = 0) keep sign 0.
 */
export function adjacentUnitCells(lifted: readonly (readonly Rational[])[], weight: readonly Rational[]): Sign[][] {
  const signs = lifted.map((x) => dotOf(x, weight).sign());
  const kinks = signs.flatMap((s, i) => (s === 0 && lifted[i]!.some((v) => !v.isZero()) ? [i] : []));
  if (kinks.length === 0) return [signs];
  activeCheck?.();
  return kinkCells(kinks.map((i) => lifted[i]!)).map((cellSigns) => {
    const full = [...signs];
    kinks.forEach((i, k) => (full[i] = cellSigns[k]!));
    return full;
  });
}

/**
 * The cells of the central arrangement of the kink vectors, as arrangementCells lists them (sign
 * vectors, + before − in lexicographic order). Vectors on one line through 0 cut along one
 * hyperplane, so the LPs run on one vector per line: a thousand points on a few lines cost a few.
 */
function kinkCells(vectors: readonly (readonly Rational[])[]): Sign[][] {
  const lines = new Map<string, number>();
  const representatives: Rational[][] = [];
  const lineOf: number[] = [];
  const orientation: Sign[] = [];
  for (const v of vectors) {
    const lead = v.find((x) => !x.isZero())!;
    const direction = v.map((x) => x.div(lead));
    const key = direction.map(String).join(',');
    let line = lines.get(key);
    if (line === undefined) {
      line = representatives.length;
      lines.set(key, line);
      representatives.push(direction);
    }
    lineOf.push(line);
    orientation.push(lead.sign());
  }
  const cells = arrangementCells(representatives, { checkpoint: activeCheck }).map((cell) =>
    lineOf.map((line, k) => (cell.signs[line]! * orientation[k]!) as Sign),
  );
  return cells.sort(lexicographic);
}

/** + before −, position by position (the order of arrangementCells). */
function lexicographic(a: readonly Sign[], b: readonly Sign[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? -1 : 1;
  return 0;
}

/** Per unit, the adjacent cells of a one-hidden-layer point (see `adjacentUnitCells`). */
export function adjacentCellsByUnit(inputs: readonly (readonly Rational[])[], point: OneHiddenLayerPoint): Sign[][][] {
  const lifted = liftedInputs(inputs, point.biases !== null);
  return liftedWeights(point).map((w) => adjacentUnitCells(lifted, w));
}

/** How many regions touch the point: the product of the per-unit counts. */
export function adjacentRegionCount(cellsByUnit: readonly (readonly Sign[][])[]): number {
  return cellsByUnit.reduce((n, cells) => n * cells.length, 1);
}

/** Every adjacent region (one cell per unit), as K sign vectors. */
export function* adjacentRegions(cellsByUnit: readonly (readonly Sign[][])[]): Generator<Region> {
  activeCheck?.();
  if (cellsByUnit.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = cellsByUnit;
  for (const cell of first!) for (const tail of adjacentRegions(rest)) yield [cell, ...tail];
}

/**
 * The network pattern (point → layer → unit positions) of a one-hidden-layer region: inside the
 * positive piece for sign +1, the other one for −1 and 0 (a 0 here is a degenerate sample, where
 * both pieces give the same value). A hidden activation without breakpoint has one piece.
 */
export function regionToPattern(region: Region, hiddenPieces: number): DatasetPattern {
  const n = region[0]?.length ?? 0;
  return Array.from({ length: n }, (_, i) => [
    region.map((signs) => insidePiece(hiddenPieces === 1 ? 0 : signs[i]! > 0 ? 1 : 0)),
    [insidePiece(0)],
  ]);
}

function dotOf(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, k) => (v.isZero() ? s : s.add(v.mul(b[k]!))), Rational.ZERO);
}
