import { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { empiricalRisk, type Loss } from '../network/loss.ts';
import type { Network } from '../network/network.ts';
import { flattenParameters, parameterInfo, unflattenParameters } from '../network/parameters.ts';
import type { Penalty } from '../network/penalty.ts';
import { homogeneousSlopes } from './one-hidden-layer.ts';

/** Points θ(α) ≠ θ with exactly the loss of θ, converging to θ as α → 1: θ is not a strict extremum. */
export interface EqualLossCurve {
  readonly layer: number;
  readonly unit: number;
  readonly description: string;
  /** θ(α) for α = 1 + 2^−4, 1 + 2^−8, 1 + 2^−12, each checked exactly. */
  readonly points: readonly (readonly Rational[])[];
}

const ALPHAS = [4, 8, 12].map((k) => Rational.ONE.add(Rational.of(1n, 1n << BigInt(k))));

/**
 * The positive-homogeneity curve of a hidden unit whose activation satisfies h(αz) = αh(z) for
 * α > 0 (ReLU, leaky, two-piece, linear): scale its incoming weights and bias by α and its outgoing
 * weights by 1/α. The network function does not change, so neither does the loss (a penalty may
 * change it: every point is re-checked exactly). Null when no unit gives a curve of distinct points.
 */
export function rescalingCurve(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, penalty?: Penalty<Rational>): EqualLossCurve | null {
  if (net.expUnits.length > 0) return null;
  const theta = flattenParameters(net);
  const info = parameterInfo(net);
  const value = empiricalRisk(net, data, loss, { penalty });
  for (let l = 0; l + 1 < net.layers.length; l++) {
    if (homogeneousSlopes(net.layers[l]!.activation) === null) continue;
    for (let u = 0; u < net.layers[l]!.weights.length; u++) {
      const incoming = info.filter((p) => p.layer === l && p.row === u).map((p) => p.index);
      const outgoing = info.filter((p) => p.layer === l + 1 && p.kind === 'weight' && p.col === u).map((p) => p.index);
      if ([...incoming, ...outgoing].every((k) => theta[k]!.isZero())) continue;
      const points = ALPHAS.map((alpha) =>
        theta.map((v, k) => (incoming.includes(k) ? v.mul(alpha) : outgoing.includes(k) ? v.div(alpha) : v)),
      );
      const same = points.every((p) => empiricalRisk(unflattenParameters(net, p), data, loss, { penalty }).equals(value));
      if (same) {
        return {
          layer: l,
          unit: u,
          description: `unit ${u} of hidden layer ${l + 1}: incoming weights and bias × α, outgoing weights × 1/α (α → 1)`,
          points,
        };
      }
    }
  }
  return null;
}
