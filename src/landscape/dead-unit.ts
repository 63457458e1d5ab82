import { Rational } from '../numbers/rational.ts';
import { NetworkError } from '../network/errors.ts';
import type { Network } from '../network/network.ts';
import { checkPoint, oneHiddenLayerNetwork, type OneHiddenLayerPoint } from './one-hidden-layer.ts';

/** Decomposition §3.2: the point with one more hidden unit whose activations are meant to be all zero. */
export interface DeadUnitConstruction {
  readonly point: OneHiddenLayerPoint;
  readonly network: Network<Rational>;
  /** b = −max_i wᵀh_i − margin (margin 0 is the paper's formula). */
  readonly bias: Rational;
  /** wᵀx_i + b for every sample. */
  readonly preactivations: readonly Rational[];
  /**
   * Samples where the new unit sits exactly on its kink (pre-activation 0): with margin 0 at
   * least the maximising sample, so the construction as written lands on a region boundary.
   */
  readonly boundarySamples: readonly number[];
}

/**
 * Adds a hidden unit with weights w, outgoing weight v and bias b = −max_i wᵀh_i − margin to a
 * one-hidden-layer point with biases; h_i = x_i, the input of the layer the unit joins.
 */
export function addDeadUnit(
  point: OneHiddenLayerPoint,
  inputs: readonly (readonly Rational[])[],
  weight: readonly Rational[],
  outgoing: Rational,
  options: { readonly margin?: Rational } = {},
): DeadUnitConstruction {
  checkPoint(point);
  if (point.biases === null) throw new NetworkError('addDeadUnit: the construction sets a bias, the point has none');
  if (inputs.length === 0) throw new NetworkError('addDeadUnit: no samples');
  const d = point.weights[0]!.length;
  if (weight.length !== d) throw new NetworkError(`addDeadUnit: weight has ${weight.length} entries, input dimension is ${d}`);
  const margin = options.margin ?? Rational.ZERO;
  if (margin.sign() < 0) throw new NetworkError(`addDeadUnit: margin must be ≥ 0, got ${margin.toString()}`);
  const products = inputs.map((x, i) => {
    if (x.length !== d) throw new NetworkError(`addDeadUnit: inputs[${i}] has ${x.length} entries, expected ${d}`);
    return x.reduce((s, v, k) => s.add(v.mul(weight[k]!)), Rational.ZERO);
  });
  const bias = products.reduce((m, p) => (p.gt(m) ? p : m)).neg().sub(margin);
  const preactivations = products.map((p) => p.add(bias));
  const extended: OneHiddenLayerPoint = {
    weights: [...point.weights, [...weight]],
    biases: [...point.biases, bias],
    outputWeights: [...point.outputWeights, outgoing],
    outputBias: point.outputBias,
  };
  return {
    point: extended,
    network: oneHiddenLayerNetwork(extended),
    bias,
    preactivations,
    boundarySamples: preactivations.flatMap((z, i) => (z.isZero() ? [i] : [])),
  };
}
