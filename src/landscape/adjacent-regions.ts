import { Rational } from '../numbers/rational.ts';
import { arrangementCells } from '../geometry/arrangement.ts';
import type { Sign } from '../geometry/pattern.ts';
import type { Region } from '../geometry/region.ts';
import { insidePiece } from '../network/activation.ts';
import type { DatasetPattern } from '../network/pattern.ts';
import { liftedInputs, liftedWeights, type OneHiddenLayerPoint } from './one-hidden-layer.ts';

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
  return arrangementCells(kinks.map((i) => lifted[i]!)).map((cell) => {
    const full = [...signs];
    kinks.forEach((i, k) => (full[i] = cell.signs[k]!));
    return full;
  });
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
