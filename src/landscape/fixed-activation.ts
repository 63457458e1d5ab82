import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { inertiaCounts, type InertiaCounts } from '../linalg/inertia.ts';
import { insidePiece } from '../network/activation.ts';
import type { Dataset } from '../network/dataset.ts';
import { lossDerivatives, type LossDerivatives } from '../network/derivatives.ts';
import { NetworkError } from '../network/errors.ts';
import { frozenOutputs } from '../network/frozen.ts';
import { riskOfOutputs, squaredError, type Normalisation } from '../network/loss.ts';
import type { DatasetPattern } from '../network/pattern.ts';
import type { UnitActivations } from './design-matrix.ts';
import { oneHiddenLayerNetwork, type OneHiddenLayerPoint } from './one-hidden-layer.ts';
import { subglobalMinimum } from './subglobal-minimum.ts';

/**
 * The frozen pattern of g_A (decomposition eq. (2)) for a one-hidden-layer ReLU network: unit j
 * on the right piece for sample i iff a_ij = 1; the identity output has a single piece.
 */
export function fixedActivationPattern(activations: UnitActivations): DatasetPattern {
  return activations.map((row) =>
    [
      row.map((a) => {
        if (!a.isZero() && !a.equals(Rational.ONE)) throw new NetworkError(`ReLU activation values are 0 or 1, got ${a}`);
        return insidePiece(a.isZero() ? 0 : 1);
      }),
      [insidePiece(0)],
    ],
  );
}

/** L_gA(θ) = c_N Σ (g_A(x_i, θ) − y_i)², evaluated through the frozen forward pass. */
export function fixedActivationLoss(
  point: OneHiddenLayerPoint,
  data: Dataset<Rational>,
  activations: UnitActivations,
  normalisation: Normalisation,
): Rational {
  const net = oneHiddenLayerNetwork(point);
  const outputs = frozenOutputs(net, data, fixedActivationPattern(activations));
  return riskOfOutputs(RationalField, squaredError(normalisation), outputs, data.targets);
}

/** Exact value, gradient and Hessian of L_gA in θ = (W, b, v, c) (flat network order), by jets. */
export function fixedActivationDerivatives(
  point: OneHiddenLayerPoint,
  data: Dataset<Rational>,
  activations: UnitActivations,
  normalisation: Normalisation,
  parameters?: readonly number[],
): LossDerivatives<Rational> {
  const net = oneHiddenLayerNetwork(point);
  return lossDerivatives(net, data, squaredError(normalisation), { pattern: fixedActivationPattern(activations), parameters });
}

/**
 * What θ is for L_gA, each answer with a sound certificate: 'not-critical' (exact non-zero
 * gradient), 'global-min' (the value equals the subglobal minimum, the least value of L_gA since
 * every R is some R(θ)), 'saddle' (zero gradient and an indefinite exact Hessian: descent and
 * ascent directions), otherwise 'undecided'.
 */
export type FixedPointKind = 'not-critical' | 'global-min' | 'saddle' | 'undecided';

export interface FixedPointClassification {
  readonly kind: FixedPointKind;
  readonly value: Rational;
  /** The subglobal minimum of A (the global minimum of L_gA). */
  readonly minimum: Rational;
  readonly gradient: readonly Rational[];
  /** Inertia of the exact Hessian of L_gA at θ. */
  readonly inertia: InertiaCounts;
}

export function classifyFixedActivationPoint(
  point: OneHiddenLayerPoint,
  data: Dataset<Rational>,
  activations: UnitActivations,
  normalisation: Normalisation,
): FixedPointClassification {
  const d = fixedActivationDerivatives(point, data, activations, normalisation);
  const minimum = subglobalMinimum(data, activations, { bias: point.biases !== null, outputBias: point.outputBias !== null, normalisation }).value;
  const inertia = inertiaCounts(d.hessian);
  const base = { value: d.value, minimum, gradient: d.gradient, inertia };
  if (d.gradient.some((g) => !g.isZero())) return { ...base, kind: 'not-critical' };
  if (d.value.equals(minimum)) return { ...base, kind: 'global-min' };
  if (inertia.negative > 0 && inertia.positive > 0) return { ...base, kind: 'saddle' };
  return { ...base, kind: 'undecided' };
}
