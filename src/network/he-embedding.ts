import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { mirrorLayers } from './mirror.ts';
import type { Activation } from './activation.ts';
import { NetworkError } from './errors.ts';
import type { Kink } from './he-kink.ts';
import { network, withLayers, type Network } from './network.ts';

const F = RationalField;

type Rows = readonly (readonly Rational[])[];

const scaleRows = (c: Rational, W: Rows): Rational[][] => W.map((row) => row.map((w) => c.mul(w)));
const rowSums = (W: Rows, c: Rational): Rational[] => W.map((row) => row.reduce((s, w) => s.add(w.mul(c)), Rational.ZERO));

/**
 * The scaling and translation of He, Wang & Tao, Lemma 6 and the proof of Theorem 1: from a network
 * whose hidden layers use h_{s−,s+} (turning point 0, h(0) = 0), the network with activation h whose
 * layer-i pre-activations are t + c_i·(the prototype's), c_i = ρ_1⋯ρ_i. With ρ_1 = 1/M, ρ_i = α_i
 * this is Lemma 6; with ρ_1 = 1/M, ρ_2 = 1/M̄, ρ_i = 1 the proof of Theorem 1:
 *   W''_1 = ρ_1 W'_1,  b''_1 = ρ_1 b'_1 + t·1,
 *   W''_i = ρ_i W'_i,  b''_i = −ρ_i W'_i h(t)1 + t·1 + c_i b'_i   (1 < i < L),
 *   W''_L = W'_L / c_{L−1},  b''_L = b'_L − W'_L h(t)1 / c_{L−1}.
 * Where every c_i·(prototype pre-activation) lies in (−σ, σ), h(t + u) = h(t) + h_{s−,s+}(u) and the
 * two networks compute the same outputs (checked by the callers, not assumed).
 */
export function embedAtKink(prototype: Network<Rational>, act: Activation<Rational>, kink: Kink, scales: readonly Rational[]): Network<Rational> {
  const hidden = prototype.layers.length - 1;
  if (scales.length !== hidden) throw new NetworkError(`embedAtKink: ${scales.length} scale(s) for ${hidden} hidden layer(s)`);
  scales.forEach((r, i) => {
    if (r.sign() <= 0) throw new NetworkError(`embedAtKink: scale ρ_${i + 1} = ${r.toString()} must be positive`);
  });
  const { t, value } = kink;
  let c = Rational.ONE;
  const layers = prototype.layers.map((layer, l) => {
    const bias = layer.bias ?? layer.weights.map(() => Rational.ZERO);
    if (l === hidden) {
      const back = rowSums(layer.weights, value);
      return { weights: scaleRows(c.inv(), layer.weights), bias: bias.map((b, k) => b.sub(back[k]!.div(c))) };
    }
    const rho = scales[l]!;
    c = c.mul(rho);
    // The input of the first layer is x itself, not h(t)·1 + c·(prototype activations).
    const shift = l === 0 ? layer.weights.map(() => Rational.ZERO) : rowSums(layer.weights, value);
    return {
      weights: scaleRows(rho, layer.weights),
      bias: bias.map((b, k) => t.sub(rho.mul(shift[k]!)).add(c.mul(b))),
      activation: act,
    };
  });
  return network(F, { inputDim: prototype.inputDim, layers });
}

/** The network with every hidden layer negated and the activation `act` (App. A.2): undoes a mirrored build. */
export function mirrorHiddenLayers(net: Network<Rational>, act: Activation<Rational>): Network<Rational> {
  const mirrored = mirrorLayers(net);
  const last = mirrored.layers.length - 1;
  return withLayers(mirrored, (layer, l) => (l === last ? layer : { ...layer, activation: act }));
}
