import { mirrorActivation } from './activation.ts';
import { NetworkError } from './errors.ts';
import { withLayers, type Network } from './network.ts';

/**
 * Negate the weights and bias of the given layers (0-based) and mirror their activations
 * (h ↦ h̃, h̃(u) = h(−u)). Each such layer then outputs h̃(−z) = h(z), so the network computes
 * the same function: He et al. App. A.2 with h_{s−,s+} ↦ h_{−s+,−s−} on layers 1..L−1.
 * Default: all hidden layers (every layer but the last).
 */
export function mirrorLayers<T>(net: Network<T>, layers?: readonly number[]): Network<T> {
  const chosen = new Set(layers ?? net.layers.slice(0, -1).map((_, l) => l));
  for (const l of chosen) {
    if (!Number.isInteger(l) || l < 0 || l >= net.layers.length) throw new NetworkError(`layer ${l} does not exist (the network has ${net.layers.length})`);
  }
  const F = net.field;
  return withLayers(net, (layer, l) =>
    chosen.has(l)
      ? {
          weights: layer.weights.map((row) => row.map((w) => F.neg(w))),
          bias: layer.bias ? layer.bias.map((b) => F.neg(b)) : null,
          activation: mirrorActivation(F, layer.activation),
        }
      : layer,
  );
}
