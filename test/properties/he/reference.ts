// Independent reference computations for the He, Wang & Tao evaluators: no library forward pass,
// activation evaluation or loss is used here, only Rational arithmetic.
import { Rational } from '../../../src/numbers/rational.ts';
import type { Activation } from '../../../src/network/activation.ts';
import type { Network } from '../../../src/network/network.ts';

/**
 * h(x) from h(0) by integrating the slopes between 0 and x: h(x) = h(0) + ∫_0^x h′. Independent of
 * the library's offsets and piece lookup.
 */
export function referenceActivation(act: Activation<Rational>, x: Rational): Rational {
  const slopeAt = (u: Rational, side: 1 | -1): Rational => {
    let k = 0;
    while (k < act.breakpoints.length && (side > 0 ? act.breakpoints[k]!.le(u) : act.breakpoints[k]!.lt(u))) k++;
    return act.slopes[k]!;
  };
  const [lo, hi, sign] = x.sign() >= 0 ? [Rational.ZERO, x, Rational.ONE] : [x, Rational.ZERO, Rational.MINUS_ONE];
  const cuts = [lo, ...act.breakpoints.filter((t) => t.gt(lo) && t.lt(hi)), hi];
  let integral = Rational.ZERO;
  for (let k = 0; k + 1 < cuts.length; k++) integral = integral.add(slopeAt(cuts[k]!, 1).mul(cuts[k + 1]!.sub(cuts[k]!)));
  return act.valueAtZero.add(sign.mul(integral));
}

/** The network output by plain loops (identity on the last layer). */
export function referenceOutput(net: Network<Rational>, x: readonly Rational[]): Rational[] {
  let a: Rational[] = [...x];
  net.layers.forEach((layer, l) => {
    const z = layer.weights.map((row, i) => row.reduce((s, w, j) => s.add(w.mul(a[j]!)), layer.bias ? layer.bias[i]! : Rational.ZERO));
    a = l === net.layers.length - 1 ? z : z.map((v) => referenceActivation(layer.activation, v));
  });
  return a;
}

/** (1/n)Σ_i ‖f(x_i) − y_i‖². */
export function referenceRisk(net: Network<Rational>, inputs: readonly (readonly Rational[])[], targets: readonly (readonly Rational[])[]): Rational {
  const total = inputs.reduce((s, x, i) => {
    const y = referenceOutput(net, x);
    return s.add(y.reduce((t, v, k) => t.add(v.sub(targets[i]![k]!).mul(v.sub(targets[i]![k]!))), Rational.ZERO));
  }, Rational.ZERO);
  return total.div(Rational.of(inputs.length));
}

/** Every hidden pre-activation, by plain loops: [sample][layer][unit]. */
export function referencePreActivations(net: Network<Rational>, x: readonly Rational[]): Rational[][] {
  const out: Rational[][] = [];
  let a: Rational[] = [...x];
  net.layers.forEach((layer) => {
    const z = layer.weights.map((row, i) => row.reduce((s, w, j) => s.add(w.mul(a[j]!)), layer.bias ? layer.bias[i]! : Rational.ZERO));
    out.push(z);
    a = z.map((v) => referenceActivation(layer.activation, v));
  });
  return out;
}
