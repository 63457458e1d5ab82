// Instances shared by the §2 claims of decomposition: one hidden ReLU layer with biases, ½Σ squared loss.
import fc from 'fast-check';
import {
  Rational,
  arrangementCells,
  dataset,
  fixedActivationDerivatives,
  negativeDirection,
  oneHiddenLayerNetwork,
  oneHiddenLayerPoint,
  networkAndDataset,
  parameterIndex,
  realisingPoint,
  realizableRegion,
  smallRational,
  squaredError,
  type Dataset,
  type Decision,
  type Matrix,
  type OneHiddenLayerPoint,
  type ReparametrisationLayout,
  type Sign,
  type UnitActivations,
} from '../../src/index.ts';

/** Eq. (3): L = ½ Σ (f(x_i) − y_i)². */
export const NORMALISATION = 'half-sum' as const;
export const loss = squaredError(NORMALISATION);
/** Decomposition's model has hidden biases b and an output bias c. */
export const WITH_BIASES = { bias: true, outputBias: true, normalisation: NORMALISATION } as const;

export const show = (xs: readonly Rational[]): string[] => xs.map(String);

export interface NetworkInstance {
  readonly data: Dataset<Rational>;
  readonly point: OneHiddenLayerPoint;
}

/** A network f(x) = vᵀσ(Wx + b) + c (width ≤ maxWidth, input dimension ≤ 2) with a dataset of ≤ 4 points. */
export function networkInstance(generalPosition: boolean, maxWidth = 3): fc.Arbitrary<NetworkInstance> {
  return networkAndDataset({
    architecture: { minDepth: 1, maxDepth: 1, maxWidth, activations: ['relu'], bias: true, outputDim: 1 },
    data: { minPoints: 1, maxPoints: 4 },
    generalPosition,
  }).map(({ data, network }) => ({ data, point: oneHiddenLayerPoint(network) }));
}

/** The witness fields of a network instance. */
export function describeInstance({ data, point }: NetworkInstance): Record<string, unknown> {
  return {
    inputs: data.inputs.map(show),
    targets: data.targets.map((t) => String(t[0])),
    W: point.weights.map(show),
    b: show(point.biases ?? []),
    v: show(point.outputWeights),
    c: String(point.outputBias),
  };
}

/** A dataset (≤ 4 points, dimension ≤ 2) with an arbitrary activation pattern A (N × K values in {0, 1}, K ≤ 3). */
export const patternInstance = fc
  .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 4 }), units: fc.integer({ min: 1, max: 3 }) })
  .chain(({ data, units }) =>
    fc
      .array(fc.array(fc.constantFrom(Rational.ONE, Rational.ZERO), { minLength: units, maxLength: units }), {
        minLength: data.inputs.length,
        maxLength: data.inputs.length,
      })
      .map((activations) => ({ data, activations })),
  );

/**
 * A pattern instance with the choices that fix one critical point of L_gA (fixedCriticalPoint):
 * the stationary units, non-zero output weights, null-space coefficients and free vectors,
 * entries p/q with |p| ≤ maxNumerator, q ≤ 2.
 */
export function fixedCriticalInstance(maxNumerator: number, maxCoefficients: number) {
  return patternInstance.chain(({ data, activations }) => {
    const K = activations[0]!.length;
    const s = data.inputs[0]!.length + 1;
    const entry = smallRational({ maxNumerator, maxDenominator: 2 });
    return fc.record({
      data: fc.constant(data),
      activations: fc.constant(activations),
      stationary: fc.subarray(Array.from({ length: K }, (_, j) => j)),
      outputWeights: fc.array(smallRational({ maxNumerator, maxDenominator: 2, nonZero: true }), { minLength: K, maxLength: K }),
      nullCoefficients: fc.array(entry, { minLength: 1, maxLength: maxCoefficients }),
      freeVectors: fc.array(fc.array(entry, { minLength: s, maxLength: s }), { minLength: K, maxLength: K }),
    });
  });
}

/** θ of L_gA as one flat vector in the parameter order of its derivatives (W row by row, b, v, c), and back. */
export const flatPoint = (p: OneHiddenLayerPoint): Rational[] => [...p.weights.flat(), ...p.biases!, ...p.outputWeights, p.outputBias!];
export function pointFromFlat(like: OneHiddenLayerPoint, theta: readonly Rational[]): OneHiddenLayerPoint {
  const [K, d] = [like.weights.length, like.weights[0]!.length];
  return {
    weights: Array.from({ length: K }, (_, j) => theta.slice(j * d, (j + 1) * d)),
    biases: theta.slice(K * d, K * d + K),
    outputWeights: theta.slice(K * d + K, K * d + 2 * K),
    outputBias: theta[K * d + 2 * K]!,
  };
}

/** A dataset with a realizable region of K ≤ 3 units (strict signs: the open region, where L_f is differentiable). */
export const regionInstance: fc.Arbitrary<{ data: Dataset<Rational>; region: Sign[][] }> = fc
  .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 4 }), units: fc.integer({ min: 1, max: 3 }) })
  .chain(({ data, units }) => realizableRegion(data.inputs, units, { bias: true }).map((region) => ({ data, region })));

export const networkOf = (point: OneHiddenLayerPoint) => oneHiddenLayerNetwork(point);

/** The layout of R = (p_1, q_1, …, p_h, q_h, c).*/
export const layoutOf = (inputDim: number, units: number): ReparametrisationLayout => ({ units, inputDim, bias: true, outputBias: true });

/** Flat network indices of p_1, q_1, …, p_h, q_h, c (the order of R) at a point with v = 1. */
export function reparametrisedIndices(point: OneHiddenLayerPoint): number[] {
  const net = oneHiddenLayerNetwork(point);
  const d = point.weights[0]!.length;
  const units = point.weights.flatMap((_, j) => [...Array.from({ length: d }, (_, k) => `W1[${j},${k}]`), `b1[${j}]`]);
  return [...units, 'b2[0]'].map((name) => parameterIndex(net, name));
}

/** With v = 1, (w_j, b_j, c) are exactly (p_j, q_j, c): derivatives of L_gA in these are those in R. */
export function derivativesInR(layout: ReparametrisationLayout, R: readonly Rational[], problem: { data: Dataset<Rational>; activations: UnitActivations }) {
  const point = realisingPoint(layout, R);
  return fixedActivationDerivatives(point, problem.data, problem.activations, NORMALISATION, reparametrisedIndices(point));
}


export interface CriticalRegionInstance {
  readonly data: Dataset<Rational>;
  readonly region: Sign[][];
  /** The units that get v_j ≠ 0. */
  readonly stationary: number[];
}

/**
 * A region with a set S of units to carry v_j ≠ 0. 'any': every subset (S = all units gives the
 * subglobal minima). 'saddle-prone': N ≥ 2, S a proper subset and some unit outside S active on a
 * sample — the instances whose critical points can lie above the subglobal minimum.
 */
export function criticalRegionInstance(kind: 'any' | 'saddle-prone', maxUnits = 3): fc.Arbitrary<CriticalRegionInstance> {
  const prone = kind === 'saddle-prone';
  return fc
    .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: prone ? 2 : 1, maxPoints: 4 }), units: fc.integer({ min: 1, max: maxUnits }) })
    .chain(({ data, units }) => realizableRegion(data.inputs, units, { bias: true }).map((region) => ({ data, region })))
    .chain(({ data, region }) =>
      fc
        .subarray(Array.from({ length: region.length }, (_, j) => j), { maxLength: prone ? region.length - 1 : region.length })
        .map((stationary) => ({ data, region, stationary })),
    )
    .filter(({ region, stationary }) => !prone || region.some((signs, j) => !stationary.includes(j) && signs.some((s) => s > 0)));
}

/** Every cell of one unit with bias: where a unit outside S may go when its own cell misses g_j^⊥. */
export const otherCells = (data: Dataset<Rational>): Sign[][] => arrangementCells(data.inputs, { bias: true }).map((c) => [...c.signs]);

/**
 * The direction a certified "not a local minimum" ("not a local maximum") rests on: the certificate's
 * ray, −∇L (+∇L), or else a direction of negative (positive) curvature of the Hessian; null if none.
 */
export function refutingDirection(decision: Decision, kind: 'minimum' | 'maximum', hessian: () => Matrix<Rational>): Rational[] | null {
  const c = decision.certificate;
  if (c?.kind === 'ray') return [...c.expansion.direction];
  if (c?.kind === 'gradient') return c.gradient.map((g) => (kind === 'minimum' ? g.neg() : g));
  const H = hessian();
  return negativeDirection(kind === 'minimum' ? H : H.neg());
}
