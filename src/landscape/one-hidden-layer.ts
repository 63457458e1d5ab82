import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { relu, twoPieceSlopes, type Activation } from '../network/activation.ts';
import { NetworkError } from '../network/errors.ts';
import { squaredErrorPoint, type Loss } from '../network/loss.ts';
import { network, type Network } from '../network/network.ts';

const F = RationalField;

/**
 * Parameters of f(x) = Σ_j v_j σ(w_jᵀx + b_j) + c with a scalar output. Decomposition writes
 * (v, W, b, c); Liu writes (z, w) with no biases and no c (homogeneous inputs instead).
 */
export interface OneHiddenLayerPoint {
  /** K×d: row j is w_j. */
  readonly weights: readonly (readonly Rational[])[];
  /** b_j, or null for a bias-free hidden layer. */
  readonly biases: readonly Rational[] | null;
  /** v_j (decomposition) = z_j (Liu). */
  readonly outputWeights: readonly Rational[];
  /** c, or null when the output has no bias. */
  readonly outputBias: Rational | null;
}

/** Which coordinates the reparametrisation R = (v_1 w̃_1, …, v_K w̃_K[, c]) has. */
export interface ReparametrisationLayout {
  readonly units: number;
  readonly inputDim: number;
  /** Hidden biases: w̃_j = (w_j, b_j) and x̃_i = (x_i, 1). */
  readonly bias: boolean;
  /** An output bias c, the last coordinate of R. */
  readonly outputBias: boolean;
}

/** d̃ = d (+1 with bias): the length of one unit's block R_j. */
export function blockSize(layout: ReparametrisationLayout): number {
  return layout.inputDim + (layout.bias ? 1 : 0);
}

/** Length of R: K·d̃ (+1 for c). */
export function reparametrisedDimension(layout: ReparametrisationLayout): number {
  return layout.units * blockSize(layout) + (layout.outputBias ? 1 : 0);
}

/** The block R_j of unit j. */
export function unitBlock(layout: ReparametrisationLayout, R: readonly Rational[], unit: number): Rational[] {
  const s = blockSize(layout);
  return R.slice(unit * s, (unit + 1) * s);
}

/** x̃_i = (x_i, 1) with bias, x_i without. */
export function liftedInputs(inputs: readonly (readonly Rational[])[], bias: boolean): Rational[][] {
  return inputs.map((x) => (bias ? [...x, Rational.ONE] : [...x]));
}

/** w̃_j = (w_j, b_j) with bias, w_j without. */
export function liftedWeights(point: OneHiddenLayerPoint): Rational[][] {
  return point.weights.map((w, j) => (point.biases ? [...w, point.biases[j]!] : [...w]));
}

export function layoutOf(point: OneHiddenLayerPoint): ReparametrisationLayout {
  return {
    units: point.weights.length,
    inputDim: point.weights[0]?.length ?? 0,
    bias: point.biases !== null,
    outputBias: point.outputBias !== null,
  };
}

/** R = (v_1 w̃_1, …, v_K w̃_K[, c]): p_j = v_j w_j, q_j = v_j b_j (decomposition), R_j = z_j w_j (Liu). */
export function reparametrise(point: OneHiddenLayerPoint): Rational[] {
  const R = liftedWeights(point).flatMap((w, j) => w.map((x) => x.mul(point.outputWeights[j]!)));
  return point.outputBias ? [...R, point.outputBias] : R;
}

/** Checks shapes and returns the point unchanged. */
export function checkPoint(point: OneHiddenLayerPoint): OneHiddenLayerPoint {
  const K = point.weights.length;
  if (K === 0) throw new NetworkError('a one-hidden-layer point needs at least one hidden unit');
  const d = point.weights[0]!.length;
  point.weights.forEach((w, j) => {
    if (w.length !== d) throw new NetworkError(`weights[${j}] has ${w.length} entries, expected ${d}`);
  });
  if (point.biases && point.biases.length !== K) throw new NetworkError(`biases has ${point.biases.length} entries for ${K} units`);
  if (point.outputWeights.length !== K) throw new NetworkError(`outputWeights has ${point.outputWeights.length} entries for ${K} units`);
  return point;
}

/** The network f(x) = Σ_j v_j h(w_jᵀx + b_j) + c over the rationals (ReLU by default). */
export function oneHiddenLayerNetwork(point: OneHiddenLayerPoint, activation: Activation<Rational> = relu(F)): Network<Rational> {
  checkPoint(point);
  return network(F, {
    layers: [
      { weights: point.weights, bias: point.biases, activation },
      { weights: [point.outputWeights], bias: point.outputBias ? [point.outputBias] : null },
    ],
  });
}

/** Why `net` is not a one-hidden-layer network with a scalar identity output, or null if it is. */
export function oneHiddenLayerShapeReason(net: Network<Rational>): string | null {
  if (net.field !== F) return 'the network is not over the rationals';
  if (net.layers.length !== 2) return `the network has ${net.layers.length - 1} hidden layers, not one`;
  if (net.expUnits.length > 0) return 'the network has an exponential head';
  const out = net.layers[1]!;
  if (out.weights.length !== 1) return `the output has ${out.weights.length} coordinates, not one`;
  const act = out.activation;
  if (act.breakpoints.length !== 0 || !act.slopes[0]!.equals(Rational.ONE) || !act.valueAtZero.isZero()) {
    return 'the output activation is not the identity';
  }
  return null;
}

/** The point of a one-hidden-layer network with a scalar identity output; throws otherwise. */
export function oneHiddenLayerPoint(net: Network<Rational>): OneHiddenLayerPoint {
  const reason = oneHiddenLayerShapeReason(net);
  if (reason) throw new NetworkError(`not a one-hidden-layer network: ${reason}`);
  const [hidden, out] = net.layers;
  return {
    weights: hidden!.weights.map((r) => [...r]),
    biases: hidden!.bias ? [...hidden!.bias] : null,
    outputWeights: [...out!.weights[0]!],
    outputBias: out!.bias ? out!.bias[0]! : null,
  };
}

/** Slopes of a hidden activation that is positively homogeneous (h(αz) = αh(z), α > 0): s− for z < 0, s+ for z > 0. */
export function homogeneousSlopes(act: Activation<Rational>): { sMinus: Rational; sPlus: Rational } | null {
  if (act.breakpoints.length === 0) return act.valueAtZero.isZero() ? { sMinus: act.slopes[0]!, sPlus: act.slopes[0]! } : null;
  return twoPieceSlopes(F, act);
}

/**
 * Why the convex reparametrisation does not describe the loss of `net`, or null when it does:
 * one hidden layer with a positively homogeneous activation (ReLU, leaky, two-piece, linear), a
 * scalar identity output and the squared error (any normalisation), no penalty.
 */
export function reparametrisationReason(net: Network<Rational>, loss: Loss, penalised = false): string | null {
  const shape = oneHiddenLayerShapeReason(net);
  if (shape) return shape;
  if (homogeneousSlopes(net.layers[0]!.activation) === null) return 'the hidden activation is not of the form h_{s−,s+} (breakpoint 0, h(0) = 0)';
  if (loss.point !== squaredErrorPoint) return `the loss is ${loss.point.name}, not the squared error`;
  if (penalised) return 'a weight penalty is not a function of the reparametrised coordinates';
  return null;
}
