import type { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { type InfeasibilityCertificate } from './certificate.ts';
import { checkFeasibility } from './feasibility.ts';
import { inputDimension, signSystem, signsAt, type ArrangementOptions } from './arrangement.ts';
import type { Sign, SignVector } from './pattern.ts';

/**
 * An activation region of a one-hidden-layer network with K units: one sign vector per unit
 * (region[j][i] = sign of unit j on sample i). The units' constraints are independent, so the
 * region is the product of K one-unit faces. A 0 entry asks for that pre-activation to be exactly
 * zero (a boundary); the only realizable entry for x_i = 0 without bias is 0.
 */
export type Region = readonly SignVector[];

/** First-layer parameters: weights K×d (row j = w_j) and, with bias, biases of length K. */
export interface HiddenLayerPoint {
  readonly weights: Rational[][];
  readonly biases?: Rational[];
}

/** Either the inputs (N×d) or a whole dataset. */
export type DataInputs = Dataset<Rational> | readonly (readonly Rational[])[];

export function inputsOf(data: DataInputs): readonly (readonly Rational[])[] {
  return Array.isArray(data) ? data : (data as Dataset<Rational>).inputs;
}

/** Per unit: a verified point, or the certificate that this unit's signs are not realizable. */
export type RegionFeasibility =
  | { readonly realizable: true; readonly point: HiddenLayerPoint }
  | { readonly realizable: false; readonly unit: number; readonly certificate: InfeasibilityCertificate };

/** Exact realizability of a region, with a point of its relative interior or a per-unit certificate. */
export function regionFeasibility(data: DataInputs, region: Region, options: ArrangementOptions = {}): RegionFeasibility {
  const inputs = inputsOf(data);
  const d = inputDimension(inputs);
  const weights: Rational[][] = [];
  const biases: Rational[] = [];
  for (let j = 0; j < region.length; j++) {
    const result = checkFeasibility(signSystem(inputs, region[j]!, options));
    if (!result.feasible) return { realizable: false, unit: j, certificate: result.certificate };
    weights.push(result.point.slice(0, d));
    if (options.bias) biases.push(result.point[d]!);
  }
  const point = options.bias ? { weights, biases } : { weights };
  if (!hasSigns(inputs, region, point)) throw new Error('internal: region point has the wrong signs');
  return { realizable: true, point };
}

/** A simple exact point with exactly the region's signs (relative interior when signs contain 0), or null. */
export function interiorPoint(data: DataInputs, region: Region, options: ArrangementOptions = {}): HiddenLayerPoint | null {
  const result = regionFeasibility(data, region, options);
  return result.realizable ? result.point : null;
}

export function isRealizable(data: DataInputs, region: Region, options: ArrangementOptions = {}): boolean {
  return regionFeasibility(data, region, options).realizable;
}

/**
 * A point where unit `unit` has pre-activation exactly 0 on sample `sample` and every other sign
 * is as in the region (the shared boundary of the region and its neighbour across that kink),
 * or null when the region does not touch that hyperplane in this way.
 */
export function boundaryPoint(
  data: DataInputs,
  region: Region,
  unit: number,
  sample: number,
  options: ArrangementOptions = {},
): HiddenLayerPoint | null {
  return interiorPoint(data, onBoundary(region, unit, sample), options);
}

/** The region with entry (unit, sample) set to 0. */
export function onBoundary(region: Region, unit: number, sample: number): Sign[][] {
  const row = region[unit];
  if (row === undefined) throw new RangeError(`region has no unit ${unit} (K = ${region.length})`);
  if (!Number.isInteger(sample) || sample < 0 || sample >= row.length) {
    throw new RangeError(`sample ${sample} out of range 0..${row.length - 1}`);
  }
  return region.map((signs, j) => (j === unit ? signs.map((s, i) => (i === sample ? 0 : s)) : [...signs]));
}

/** Exact check that the point has exactly the region's signs. */
export function hasSigns(data: DataInputs, region: Region, point: HiddenLayerPoint): boolean {
  const inputs = inputsOf(data);
  if (point.weights.length !== region.length) return false;
  return region.every((signs, j) => {
    const actual = signsAt(inputs, point.weights[j]!, point.biases?.[j]);
    return actual.length === signs.length && actual.every((s, i) => s === signs[i]);
  });
}
