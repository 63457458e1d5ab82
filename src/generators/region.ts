/**
 * Arbitraries for activation regions of a one-hidden-layer network on a fixed dataset.
 *
 * Shrinking:
 * - `realizableSigns` / `realizableRegion` pick cells by index into the sorted enumeration of the
 *   arrangement and shrink toward index 0: the first cell, i.e. the sign vector that is
 *   lexicographically most `+` (the all-active cell whenever it is realizable; always with bias).
 * - `pointInRegion` is the region's simple interior point (small integers for these cones) plus
 *   2^(−k)·v for a small rational direction v; it shrinks toward v = 0, i.e. toward the simple
 *   interior point itself, and toward the largest step that stays inside.
 * - `pointOnBoundary` is `pointInRegion` of the region with one sign set to 0, so it shrinks toward
 *   the simple point of that boundary face.
 * Every generated point is re-checked exactly against the signs it claims.
 */
import fc from 'fast-check';
import { Rational } from '../numbers/rational.ts';
import { parametrizeEqualities, pointFromFree } from '../geometry/affine.ts';
import { arrangementCells, arrangementFaces, inputDimension, signSystem, type ArrangementOptions } from '../geometry/arrangement.ts';
import { satisfiesSystem } from '../geometry/constraint.ts';
import { signString, type Sign, type SignVector } from '../geometry/pattern.ts';
import { hasSigns, interiorPoint, onBoundary, type HiddenLayerPoint, type Region } from '../geometry/region.ts';
import { rationalVector } from './rational.ts';

type Inputs = readonly (readonly Rational[])[];

export interface RealizableOptions extends ArrangementOptions {
  /** Choose among all faces (sign vectors with zeros too), cells first; default: cells only. */
  readonly faces?: boolean;
}

/** A realizable sign vector of one unit on the inputs, shrinking toward the first cell. */
export function realizableSigns(inputs: Inputs, options: RealizableOptions = {}): fc.Arbitrary<Sign[]> {
  const all = options.faces ? arrangementFaces(inputs, options) : arrangementCells(inputs, options);
  return fc.integer({ min: 0, max: all.length - 1 }).map((i) => [...all[i]!.signs]);
}

/** A realizable region of K units (a tuple of per-unit cells), each unit shrinking toward the first cell. */
export function realizableRegion(inputs: Inputs, units: number, options: RealizableOptions = {}): fc.Arbitrary<Sign[][]> {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`units must be a positive integer, got ${units}`);
  const all = options.faces ? arrangementFaces(inputs, options) : arrangementCells(inputs, options);
  const index = fc.integer({ min: 0, max: all.length - 1 });
  return fc.array(index, { minLength: units, maxLength: units }).map((idx) => idx.map((i) => [...all[i]!.signs]));
}

export interface PointOptions extends ArrangementOptions {
  /** Largest |numerator| of the perturbation direction's entries (default 3). */
  readonly maxNumerator?: number;
  /** Largest denominator of the perturbation direction's entries (default 2). */
  readonly maxDenominator?: number;
  /** Extra halvings of the step beyond the first that stays inside (default 0..3). */
  readonly maxExtraHalvings?: number;
}

/**
 * An exact point with exactly the region's signs (in the relative interior when some signs are 0).
 * Throws at construction when the region is not realizable.
 */
export function pointInRegion(inputs: Inputs, region: Region, options: PointOptions = {}): fc.Arbitrary<HiddenLayerPoint> {
  const base = interiorPoint(inputs, region, options);
  if (base === null) {
    throw new RangeError(`region ${region.map(signString).join(' | ')} is not realizable on these inputs`);
  }
  const d = inputDimension(inputs);
  const perUnit = region.map((signs, j) => {
    const start = options.bias ? [...base.weights[j]!, base.biases![j]!] : [...base.weights[j]!];
    return pointNear(inputs, signs, start, options);
  });
  return fc.tuple(...perUnit).map((thetas) => {
    const point: HiddenLayerPoint = options.bias
      ? { weights: thetas.map((t) => t.slice(0, d)), biases: thetas.map((t) => t[d]!) }
      : { weights: thetas.map((t) => [...t]) };
    if (!hasSigns(inputs, region, point)) throw new Error('internal: generated point has the wrong signs');
    return point;
  });
}

/**
 * A point on the boundary of the region where unit `unit` is exactly at its kink on sample
 * `sample` and every other sign is unchanged. Throws at construction when that boundary face is empty.
 */
export function pointOnBoundary(
  inputs: Inputs,
  region: Region,
  unit: number,
  sample: number,
  options: PointOptions = {},
): fc.Arbitrary<HiddenLayerPoint> {
  const face = onBoundary(region, unit, sample);
  if (interiorPoint(inputs, face, options) === null) {
    throw new RangeError(`unit ${unit} cannot sit on the kink of sample ${sample} with the other signs of this region`);
  }
  return pointInRegion(inputs, face, options);
}

/** A realizable region together with a point inside it. */
export function regionWithPoint(
  inputs: Inputs,
  units: number,
  options: RealizableOptions & PointOptions = {},
): fc.Arbitrary<{ region: Sign[][]; point: HiddenLayerPoint }> {
  return realizableRegion(inputs, units, options).chain((region) =>
    pointInRegion(inputs, region, options).map((point) => ({ region, point })),
  );
}

/**
 * One unit's parameters: start + 2^(−k)·v moved only along the free directions of the face's
 * equalities, with k the first step (from 0) that stays inside, plus a few extra halvings.
 */
function pointNear(inputs: Inputs, signs: SignVector, start: readonly Rational[], options: PointOptions): fc.Arbitrary<Rational[]> {
  const system = signSystem(inputs, signs, options);
  const param = parametrizeEqualities(system.dimension, system.constraints.filter((c) => c.kind === '='));
  if (param === null) throw new Error('internal: realizable face with inconsistent equalities');
  const free = param.free.map((f) => start[f]!);
  const direction = rationalVector(free.length, {
    maxNumerator: options.maxNumerator ?? 3,
    maxDenominator: options.maxDenominator ?? 2,
  });
  const extra = fc.integer({ min: 0, max: options.maxExtraHalvings ?? 3 });
  return fc.tuple(direction, extra).map(([v, more]) => {
    let step = Rational.ONE;
    for (let k = 0; k < 64; k++, step = step.div(Rational.fromInt(2))) {
      const candidate = pointFromFree(param, free.map((x, i) => x.add(step.mul(v[i]!))));
      if (!satisfiesSystem(system, candidate)) continue;
      const scaled = step.div(Rational.fromInt(2 ** more));
      const deeper = pointFromFree(param, free.map((x, i) => x.add(scaled.mul(v[i]!))));
      // The segment from start to candidate lies in the convex face, so deeper is inside too.
      return deeper;
    }
    return [...start];
  });
}
