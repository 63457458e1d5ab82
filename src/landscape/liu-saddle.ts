import { Rational } from '../numbers/rational.ts';
import type { InfeasibilityCertificate } from '../geometry/certificate.ts';
import type { LinearConstraint } from '../geometry/constraint.ts';
import { checkFeasibility } from '../geometry/feasibility.ts';
import type { Region } from '../geometry/region.ts';
import { nullSpace } from '../linalg/elimination.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { pseudoInverse } from '../linalg/pseudo-inverse.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import { designMatrix, regionActivations } from './design-matrix.ts';
import { genuineness, type Genuineness } from './genuineness.ts';
import type { OneHiddenLayerPoint } from './one-hidden-layer.ts';
import { scalarTargets } from './subglobal-minimum.ts';

/** Liu Theorem 2 / App. C: a candidate differentiable saddle of the bias-free network Σ z_j[w_j·x]_+. */
export interface LiuSaddleConstruction {
  /** The units j_1..j_K' with ∂L/∂R_j = 0 (sorted). */
  readonly stationaryUnits: readonly number[];
  /** B and b of (C.2), (C.3); BR̃ = b is the normal system of those units alone. */
  readonly B: Matrix<Rational>;
  readonly b: readonly Rational[];
  /** B⁺b and a basis of ker B: every solution R̃ (C.7). */
  readonly particular: readonly Rational[];
  readonly nullBasis: readonly (readonly Rational[])[];
  /** e_i = Σ_{k stationary} I_ik R_k·x_i − y_i (the same for every solution). */
  readonly errors: readonly Rational[];
  /** Σ_i e_i I_ij x_i for each other unit j: (C.4) puts w_j on the hyperplane orthogonal to it. */
  readonly hyperplaneNormals: ReadonlyMap<number, readonly Rational[]>;
  /** The theorem's premise ∂L/∂R_j ≠ 0 for the other units: every hyperplane normal is non-zero. */
  readonly premise: boolean;
  /** A point inside the region (strict signs), or null with the reason. */
  readonly point: OneHiddenLayerPoint | null;
  readonly reason: string;
  /** The stationary units' genuineness LP; for other units, the infeasible cell ∩ hyperplane, if any. */
  readonly stationaryGenuineness: Genuineness | null;
  readonly hyperplaneFailure: { readonly unit: number; readonly certificate: InfeasibilityCertificate } | null;
}

/**
 * Builds the point of Liu's Theorem 2 for a region (strict signs, so that the point is
 * differentiable): stationary units realise a solution of BR̃ = b inside their cells (output signs
 * ±1, or 0 with R_j = 0); the others get z_j = 0 and w_j in their open cell on the hyperplane
 * (C.4). No claim is made about the result: `classifyPoint` decides whether it is a saddle.
 */
export function liuSaddlePoint(data: Dataset<Rational>, region: Region, stationaryUnits: readonly number[]): LiuSaddleConstruction {
  const K = region.length;
  const S = [...new Set(stationaryUnits)].sort((a, b) => a - b);
  S.forEach((j) => {
    if (!Number.isInteger(j) || j < 0 || j >= K) throw new NetworkError(`stationary unit ${j} outside 0..${K - 1}`);
  });
  if (S.length >= K) throw new NetworkError(`Theorem 2 needs K' < K stationary units, got ${S.length} of ${K}`);
  const inputs = data.inputs;
  const d = inputs[0]?.length ?? 0;
  const y = scalarTargets(data);
  const I = regionActivations(region);
  const AS = designMatrix(inputs, I.map((row) => S.map((j) => row[j]!)), { bias: false, outputBias: false });
  const B = AS.transpose().mul(AS);
  const b = AS.transpose().mulVec(y);
  const particular = pseudoInverse(B).mulVec(b);
  const nullBasis = nullSpace(B);
  const fitted = S.length > 0 ? AS.mulVec(particular) : y.map(() => Rational.ZERO);
  const errors = fitted.map((f, i) => f.sub(y[i]!));
  const others = Array.from({ length: K }, (_, j) => j).filter((j) => !S.includes(j));
  const hyperplaneNormals = new Map(
    others.map((j) => [j, Array.from({ length: d }, (_, k) => inputs.reduce((s, x, i) => s.add(errors[i]!.mul(I[i]![j]!).mul(x[k]!)), Rational.ZERO))] as const),
  );
  const premise = [...hyperplaneNormals.values()].every((g) => g.some((v) => !v.isZero()));
  const base = { stationaryUnits: S, B, b, particular, nullBasis, errors, hyperplaneNormals, premise };

  let stationaryGenuineness: Genuineness | null = null;
  let stationaryPoint: OneHiddenLayerPoint | null = null;
  if (S.length > 0) {
    const layout = { units: S.length, inputDim: d, bias: false, outputBias: false };
    stationaryGenuineness = genuineness({ layout, lifted: inputs, minimiser: particular, nullBasis }, S.map((j) => region[j]!));
    if (!stationaryGenuineness.genuine) {
      return { ...base, point: null, reason: 'no solution of BR̃ = b puts the stationary units inside their cells', stationaryGenuineness, hyperplaneFailure: null };
    }
    stationaryPoint = stationaryGenuineness.point;
  }
  const weights: Rational[][] = new Array(K);
  const outputWeights: Rational[] = new Array(K);
  S.forEach((j, k) => {
    weights[j] = [...stationaryPoint!.weights[k]!];
    outputWeights[j] = stationaryPoint!.outputWeights[k]!;
  });
  for (const j of others) {
    const result = checkFeasibility({ dimension: d, constraints: [...cellRows(inputs, region[j]!), { coefficients: hyperplaneNormals.get(j)!, kind: '=', bound: Rational.ZERO }] });
    if (!result.feasible) {
      return { ...base, point: null, reason: `unit ${j}: its open cell misses the hyperplane (C.4)`, stationaryGenuineness, hyperplaneFailure: { unit: j, certificate: result.certificate } };
    }
    weights[j] = result.point;
    outputWeights[j] = Rational.ZERO;
  }
  const point: OneHiddenLayerPoint = { weights, biases: null, outputWeights, outputBias: null };
  return { ...base, point, reason: 'constructed inside the region', stationaryGenuineness, hyperplaneFailure: null };
}

/** Strict rows sign(w·x_i) = signs[i] (0 as an equality). */
export function cellRows(inputs: readonly (readonly Rational[])[], signs: readonly (-1 | 0 | 1)[]): LinearConstraint[] {
  return inputs.map((x, i) => {
    const s = signs[i]!;
    if (s === 0) return { coefficients: [...x], kind: '=' as const, bound: Rational.ZERO };
    return { coefficients: x.map((v) => (s > 0 ? v : v.neg())), kind: '>' as const, bound: Rational.ZERO };
  });
}
