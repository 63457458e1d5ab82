import { NetworkError } from './errors.ts';
import { network, type Network } from './network.ts';

export type ParameterKind = 'weight' | 'bias' | 'exp-a' | 'exp-w' | 'exp-b';

/**
 * One coordinate of the flat parameter vector. Names use 1-based layer numbers and 0-based
 * entries: "W2[1,0]" is row 1, column 0 of the second layer's weights (unit 1 ← input 0),
 * "b2[1]" its bias; exponential unit k has "exp.a[k]", "exp.w[k,j]", "exp.b[k]".
 */
export interface ParameterInfo {
  readonly index: number;
  readonly name: string;
  readonly kind: ParameterKind;
  /** 0-based layer for weights and biases; the exp unit for exp parameters. */
  readonly layer?: number;
  readonly unit?: number;
  readonly row?: number;
  readonly col?: number;
}

/**
 * The flat order: for each layer in turn, its weights row by row (W[0,0], W[0,1], …), then its
 * bias if it has one; after the last layer, for each exp unit: a, then w, then b.
 */
export function parameterInfo<T>(net: Network<T>): ParameterInfo[] {
  const out: ParameterInfo[] = [];
  const push = (p: Omit<ParameterInfo, 'index'>): void => void out.push({ index: out.length, ...p });
  net.layers.forEach((layer, l) => {
    layer.weights.forEach((row, i) =>
      row.forEach((_, j) => push({ name: `W${l + 1}[${i},${j}]`, kind: 'weight', layer: l, row: i, col: j })),
    );
    layer.bias?.forEach((_, i) => push({ name: `b${l + 1}[${i}]`, kind: 'bias', layer: l, row: i }));
  });
  net.expUnits.forEach((u, k) => {
    push({ name: `exp.a[${k}]`, kind: 'exp-a', unit: k });
    u.w.forEach((_, j) => push({ name: `exp.w[${k},${j}]`, kind: 'exp-w', unit: k, col: j }));
    push({ name: `exp.b[${k}]`, kind: 'exp-b', unit: k });
  });
  return out;
}

export function parameterCount<T>(net: Network<T>): number {
  let n = 0;
  for (const l of net.layers) n += l.weights.length * (l.weights[0]?.length ?? 0) + (l.bias?.length ?? 0);
  for (const u of net.expUnits) n += u.w.length + 2;
  return n;
}

export function parameterNames<T>(net: Network<T>): string[] {
  return parameterInfo(net).map((p) => p.name);
}

/** All weights and biases as one vector, in the order of parameterInfo. */
export function flattenParameters<T>(net: Network<T>): T[] {
  const out: T[] = [];
  for (const l of net.layers) {
    for (const row of l.weights) out.push(...row);
    if (l.bias) out.push(...l.bias);
  }
  for (const u of net.expUnits) out.push(u.a, ...u.w, u.b);
  return out;
}

/** The network of the same architecture with parameters θ (inverse of flattenParameters). */
export function unflattenParameters<T>(net: Network<T>, theta: readonly T[]): Network<T> {
  const expected = parameterCount(net);
  if (theta.length !== expected) throw new NetworkError(`parameter vector has ${theta.length} entries, the network has ${expected}`);
  let k = 0;
  const take = (n: number): T[] => theta.slice(k, (k += n));
  const layers = net.layers.map((l) => ({
    weights: l.weights.map((row) => take(row.length)),
    bias: l.bias ? take(l.bias.length) : null,
    activation: l.activation,
  }));
  const expUnits = net.expUnits.map((u) => {
    const [a] = take(1);
    const w = take(u.w.length);
    const [b] = take(1);
    return { output: u.output, a: a!, w, b: b! };
  });
  return network(net.field, { inputDim: net.inputDim, layers, expUnits });
}

/** The index of a named coordinate ("W1[0,1]"), or an error listing the names. */
export function parameterIndex<T>(net: Network<T>, name: string): number {
  const i = parameterNames(net).indexOf(name);
  if (i < 0) throw new NetworkError(`no parameter named "${name}"; the network has ${parameterNames(net).join(', ')}`);
  return i;
}

/** Indices of the coordinates chosen by name or by a predicate, in flat order. */
export function selectParameters<T>(net: Network<T>, choose: readonly string[] | ((p: ParameterInfo) => boolean)): number[] {
  if (typeof choose === 'function') return parameterInfo(net).filter(choose).map((p) => p.index);
  return [...choose].map((name) => parameterIndex(net, name)).sort((a, b) => a - b);
}

/** Checks a subset of parameter indices: integers in range, no repeats. */
export function validateSelection<T>(net: Network<T>, indices: readonly number[]): void {
  const n = parameterCount(net);
  const seen = new Set<number>();
  for (const i of indices) {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new NetworkError(`parameter index ${i} outside 0..${n - 1}`);
    if (seen.has(i)) throw new NetworkError(`parameter index ${i} selected twice`);
    seen.add(i);
  }
}
