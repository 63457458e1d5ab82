import { evaluate, locate, type Position } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import type { Network } from './network.ts';
import type { DatasetPattern, PointPattern } from './pattern.ts';
import { requireExp } from './transcendental.ts';

/** Everything the forward pass computes for one input. */
export interface ForwardTrace<T> {
  /** f(x), including the exponential head if there is one. */
  readonly output: T[];
  /** z_l = W_l a_{l-1} + b_l per layer. */
  readonly preActivations: T[][];
  /** a_l = h_l(z_l) per layer (the last one is the output before the exp head). */
  readonly activations: T[][];
  /** Position of each pre-activation in its activation: pattern[layer][unit]. */
  readonly pattern: PointPattern;
}

export function checkInput<T>(net: Network<T>, x: readonly T[], what = 'input'): void {
  if (x.length !== net.inputDim) throw new NetworkError(`${what} has ${x.length} entries, the network expects ${net.inputDim}`);
}

/** z = W·a + b for one layer. */
export function affine<T>(net: Network<T>, l: number, a: readonly T[]): T[] {
  const F = net.field;
  const { weights, bias } = net.layers[l]!;
  return weights.map((row, i) => {
    let s = bias ? bias[i]! : F.zero;
    for (let j = 0; j < row.length; j++) s = F.add(s, F.mul(row[j]!, a[j]!));
    return s;
  });
}

/** g(x) = Σ_k a_k exp(w_kᵀx + b_k) per output coordinate (zero vector without a head). */
export function expHead<T>(net: Network<T>, x: readonly T[], outputs: number): T[] {
  const F = net.field;
  const g = Array.from({ length: outputs }, () => F.zero);
  if (net.expUnits.length === 0) return g;
  const exp = requireExp(F, 'the exponential unit');
  for (const u of net.expUnits) {
    let z = u.b;
    for (let j = 0; j < x.length; j++) z = F.add(z, F.mul(u.w[j]!, x[j]!));
    g[u.output] = F.add(g[u.output]!, F.mul(u.a, exp(z)));
  }
  return g;
}

export function forward<T>(net: Network<T>, x: readonly T[]): ForwardTrace<T> {
  checkInput(net, x);
  const F = net.field;
  const preActivations: T[][] = [];
  const activations: T[][] = [];
  const pattern: Position[][] = [];
  let a: readonly T[] = x;
  net.layers.forEach((layer, l) => {
    const z = affine(net, l, a);
    preActivations.push(z);
    pattern.push(z.map((zi) => locate(F, layer.activation, zi)));
    const next = z.map((zi) => evaluate(F, layer.activation, zi));
    activations.push(next);
    a = next;
  });
  const g = expHead(net, x, a.length);
  const output = a.map((v, k) => F.add(v, g[k]!));
  return { output, preActivations, activations, pattern };
}

/** f(x) only. */
export function networkOutput<T>(net: Network<T>, x: readonly T[]): T[] {
  return forward(net, x).output;
}

/** Outputs and activation pattern of every input: pattern[point][layer][unit]. */
export function forwardDataset<T>(
  net: Network<T>,
  data: Dataset<T> | readonly (readonly T[])[],
): { outputs: T[][]; pattern: DatasetPattern; traces: ForwardTrace<T>[] } {
  const inputs = 'inputs' in data ? data.inputs : data;
  const traces = inputs.map((x, i) => {
    checkInput(net, x, `input ${i}`);
    return forward(net, x);
  });
  return { outputs: traces.map((t) => t.output), pattern: traces.map((t) => t.pattern), traces };
}

/** The activation pattern of a dataset at the network's current parameters. */
export function activationPattern<T>(net: Network<T>, data: Dataset<T> | readonly (readonly T[])[]): DatasetPattern {
  return forwardDataset(net, data).pattern;
}
