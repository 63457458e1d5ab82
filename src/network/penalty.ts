import type { Network } from './network.ts';
import { flattenParameters, parameterCount, validateSelection } from './parameters.ts';

/**
 * λ Σ_{k ∈ parameters} θ_k² (all parameters when none are listed): Milne's weight decay λ‖W‖²,
 * Kawaguchi's λ‖a‖² with the exp unit's a coordinates.
 */
export interface Penalty<T> {
  readonly lambda: T;
  readonly parameters?: readonly number[];
}

export function penalisedIndices<T>(net: Network<T>, penalty: Penalty<T>): readonly number[] {
  if (penalty.parameters) {
    validateSelection(net, penalty.parameters);
    return penalty.parameters;
  }
  return Array.from({ length: parameterCount(net) }, (_, i) => i);
}

export function penaltyValue<T>(net: Network<T>, penalty: Penalty<T>): T {
  const F = net.field;
  const theta = flattenParameters(net);
  let s = F.zero;
  for (const k of penalisedIndices(net, penalty)) s = F.add(s, F.mul(theta[k]!, theta[k]!));
  return F.mul(penalty.lambda, s);
}
