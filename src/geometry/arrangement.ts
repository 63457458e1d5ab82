import { Rational } from '../numbers/rational.ts';
import type { LinearConstraint, LinearSystem } from './constraint.ts';
import { checkFeasibility } from './feasibility.ts';
import { signString, type Sign, type SignVector } from './pattern.ts';

export interface ArrangementOptions {
  /** Hyperplanes {(w, b) : wᵀx_i + b = 0} in R^{d+1} instead of {w : wᵀx_i = 0} in R^d. */
  readonly bias?: boolean;
  /** Called before each exact LP of the enumeration: a caller with a time limit throws from it to stop. */
  readonly checkpoint?: () => void;
}

/**
 * A face of the arrangement of one unit: the set of parameters with these pre-activation signs
 * on the samples, with an exact point in its relative interior (a cell when no sign is 0).
 */
export interface ArrangementFace {
  readonly signs: Sign[];
  readonly weight: Rational[];
  /** Present exactly when the arrangement has a bias coordinate. */
  readonly bias?: Rational;
}

type Inputs = readonly (readonly Rational[])[];

/** Input dimension d after checking that every sample has d rational entries. */
export function inputDimension(inputs: Inputs): number {
  const d = inputs[0]?.length ?? 0;
  inputs.forEach((x, i) => {
    if (x.length !== d) throw new RangeError(`inputs[${i}] has ${x.length} entries, expected ${d}`);
    x.forEach((v, k) => {
      if (!(v instanceof Rational)) throw new TypeError(`inputs[${i}][${k}] is not a Rational: ${String(v)}`);
    });
  });
  return d;
}

/** Normals of the hyperplanes in parameter space: x_i, or (x_i, 1) with bias. */
export function hyperplaneNormals(inputs: Inputs, options: ArrangementOptions = {}): Rational[][] {
  inputDimension(inputs);
  return inputs.map((x) => (options.bias ? [...x, Rational.ONE] : [...x]));
}

/** The rows "sign(θ·normal_i) = signs[i]" for all samples: > 0, < 0 (as −a·θ > 0) or = 0. */
export function signSystem(inputs: Inputs, signs: SignVector, options: ArrangementOptions = {}): LinearSystem {
  if (signs.length !== inputs.length) {
    throw new RangeError(`sign vector has ${signs.length} entries for ${inputs.length} samples`);
  }
  const normals = hyperplaneNormals(inputs, options);
  const dimension = inputDimension(inputs) + (options.bias ? 1 : 0);
  return { dimension, constraints: normals.map((a, i) => signRow(a, signs[i]!, i)) };
}

function signRow(a: readonly Rational[], s: Sign, i: number): LinearConstraint {
  if (s === 0) return { coefficients: a, kind: '=', bound: Rational.ZERO };
  if (s === 1) return { coefficients: a, kind: '>', bound: Rational.ZERO };
  if (s === -1) return { coefficients: a.map((v) => v.neg()), kind: '>', bound: Rational.ZERO };
  throw new RangeError(`signs[${i}] must be -1, 0 or 1, got ${String(s)}`);
}

/** sign(wᵀx_i + b) for every sample. */
export function signsAt(inputs: Inputs, weight: readonly Rational[], bias?: Rational): Sign[] {
  const d = inputDimension(inputs);
  if (weight.length !== d) throw new RangeError(`weight has ${weight.length} entries, input dimension is ${d}`);
  return inputs.map((x) => x.reduce((s, v, k) => s.add(v.mul(weight[k]!)), bias ?? Rational.ZERO).sign());
}

/**
 * The cells (full-dimensional regions) of one unit's arrangement, built incrementally: the
 * hyperplanes are inserted one at a time and each current cell is split by an exact strict LP
 * per side (a side that contains the cell's own point needs no LP), so only realizable sign
 * vectors are ever tested. Degenerate samples (x_i = 0 without bias: w·0 = 0 for every w) have
 * sign 0 in every cell; all other entries are ±1. Sorted by sign vector, + before −.
 */
export function arrangementCells(inputs: Inputs, options: ArrangementOptions = {}): ArrangementFace[] {
  return enumerate(inputs, options, [1, -1]);
}

/**
 * Every face: all realizable sign vectors in {−1, 0, +1}^N, each with a point of its relative
 * interior (the points where exactly the 0-samples sit on their kinks). Sorted by number of
 * zeros (cells first), then by sign vector with + before − before 0.
 */
export function arrangementFaces(inputs: Inputs, options: ArrangementOptions = {}): ArrangementFace[] {
  return enumerate(inputs, options, [1, -1, 0]);
}

interface PartialFace {
  readonly signs: Sign[];
  readonly point: Rational[];
}

function enumerate(inputs: Inputs, options: ArrangementOptions, choices: readonly Sign[]): ArrangementFace[] {
  const normals = hyperplaneNormals(inputs, options);
  const dimension = inputDimension(inputs) + (options.bias ? 1 : 0);
  let faces: PartialFace[] = [{ signs: [], point: new Array<Rational>(dimension).fill(Rational.ZERO) }];
  normals.forEach((a, i) => {
    const degenerate = a.every((v) => v.isZero());
    const next: PartialFace[] = [];
    for (const face of faces) {
      const here = dot(a, face.point).sign();
      for (const s of degenerate ? [0 as Sign] : choices) {
        const signs = [...face.signs, s];
        if (s === here) {
          next.push({ signs, point: face.point });
          continue;
        }
        const system: LinearSystem = {
          dimension,
          constraints: normals.slice(0, i + 1).map((n, k) => signRow(n, signs[k]!, k)),
        };
        options.checkpoint?.();
        const result = checkFeasibility(system);
        if (result.feasible) next.push({ signs, point: result.point });
      }
    }
    faces = next;
  });
  return faces.sort(compareFaces).map((f) => toFace(inputs, normals, f, options));
}

function toFace(inputs: Inputs, normals: readonly Rational[][], f: PartialFace, options: ArrangementOptions): ArrangementFace {
  // Final exact check: the point really has the recorded signs on every sample.
  normals.forEach((a, i) => {
    if (dot(a, f.point).sign() !== f.signs[i]) {
      throw new Error(`internal: face ${signString(f.signs)} point fails sample ${i}`);
    }
  });
  const d = inputDimension(inputs);
  return options.bias ? { signs: f.signs, weight: f.point.slice(0, d), bias: f.point[d]! } : { signs: f.signs, weight: f.point };
}

const order = (s: Sign): number => (s === 1 ? 0 : s === -1 ? 1 : 2);

function compareFaces(a: PartialFace, b: PartialFace): number {
  const zeros = (f: PartialFace): number => f.signs.filter((s) => s === 0).length;
  const dz = zeros(a) - zeros(b);
  if (dz !== 0) return dz;
  for (let i = 0; i < a.signs.length; i++) {
    const d = order(a.signs[i]!) - order(b.signs[i]!);
    if (d !== 0) return d;
  }
  return 0;
}

function dot(a: readonly Rational[], b: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (let k = 0; k < a.length; k++) if (!a[k]!.isZero() && !b[k]!.isZero()) s = s.add(a[k]!.mul(b[k]!));
  return s;
}

/**
 * Cells of a central arrangement of n hyperplanes in general position in R^dim (Cover / Zaslavsky):
 * 2·Σ_{k<dim} C(n−1, k); with bias use dim = d + 1 (the lifted normals (x_i, 1)).
 */
export function generalPositionCellCount(n: number, dim: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(dim) || dim < 0) throw new RangeError(`dim must be a non-negative integer, got ${dim}`);
  if (n === 0) return 1;
  if (dim === 0) return 0;
  let total = 0;
  let binom = 1;
  for (let k = 0; k < dim && k <= n - 1; k++) {
    total += binom;
    binom = (binom * (n - 1 - k)) / (k + 1);
  }
  return 2 * total;
}

/**
 * The same count exactly, as a bigint: an upper bound on the cells of any central arrangement of n
 * hyperplanes in R^dim (general position has the most), known before any LP is solved.
 */
export function cellCountBound(n: number, dim: number): bigint {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(dim) || dim < 0) throw new RangeError(`dim must be a non-negative integer, got ${dim}`);
  if (n === 0) return 1n;
  let total = 0n;
  let binom = 1n;
  for (let k = 0; k < dim && k <= n - 1; k++) {
    total += binom;
    binom = (binom * BigInt(n - 1 - k)) / BigInt(k + 1);
  }
  return 2n * total;
}
