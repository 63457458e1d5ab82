import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { Matrix } from '../linalg/matrix.ts';
import type { Region } from '../geometry/region.ts';
import { NetworkError } from '../network/errors.ts';
import { liftedInputs, type ReparametrisationLayout } from './one-hidden-layer.ts';

/** a_ij (N×K): the slope unit j's activation has on sample i in a region (1 or 0 for ReLU). */
export type UnitActivations = readonly (readonly Rational[])[];

/**
 * The region's slopes: s+ where the sign is +1, s− where it is −1 or 0 (the papers' 1(z > 0):
 * a pre-activation at the kink counts as inactive). ReLU by default (s− = 0, s+ = 1).
 */
export function regionActivations(
  region: Region,
  slopes: { readonly sMinus: Rational; readonly sPlus: Rational } = { sMinus: Rational.ZERO, sPlus: Rational.ONE },
): Rational[][] {
  const n = region[0]?.length ?? 0;
  region.forEach((signs, j) => {
    if (signs.length !== n) throw new NetworkError(`region unit ${j} has ${signs.length} signs, expected ${n}`);
  });
  return Array.from({ length: n }, (_, i) => region.map((signs) => (signs[i]! > 0 ? slopes.sPlus : slopes.sMinus)));
}

/**
 * A with rows [a_i1 x̃_iᵀ, …, a_iK x̃_iᵀ (, 1)]: g_A(x_i) = (A R)_i for R = (v_1 w̃_1, …, v_K w̃_K (, c)).
 * Liu's eq. (6) without bias and c; decomposition's eq. (4) with both.
 */
export function designMatrix(
  inputs: readonly (readonly Rational[])[],
  activations: UnitActivations,
  layout: Pick<ReparametrisationLayout, 'bias' | 'outputBias'>,
): Matrix<Rational> {
  if (activations.length !== inputs.length) {
    throw new NetworkError(`activations have ${activations.length} rows for ${inputs.length} samples`);
  }
  const K = activations[0]?.length ?? 0;
  const lifted = liftedInputs(inputs, layout.bias);
  const rows = lifted.map((x, i) => {
    const a = activations[i]!;
    if (a.length !== K) throw new NetworkError(`activations[${i}] has ${a.length} entries, expected ${K}`);
    const row = a.flatMap((aij) => x.map((v) => aij.mul(v)));
    return layout.outputBias ? [...row, Rational.ONE] : row;
  });
  const cols = K * (lifted[0]?.length ?? 0) + (layout.outputBias ? 1 : 0);
  return Matrix.from(RationalField, rows, cols);
}
