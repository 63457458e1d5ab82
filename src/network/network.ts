import type { Field } from '../numbers/field.ts';
import { NumberError } from '../numbers/errors.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { Matrix } from '../linalg/matrix.ts';
import { identity, mapActivation, type Activation } from './activation.ts';
import { NetworkError } from './errors.ts';

/**
 * One fully connected layer: z = W·a + b, output h(z) elementwise.
 * `weights` is stored as rows (out × in): weights[i][j] connects input j to unit i, as in W_j ∈
 * ℝ^{d_j×d_{j-1}} of He et al. (Milne writes the transpose W_iᵀ). `bias` null means no bias.
 */
export interface Layer<T> {
  readonly weights: readonly (readonly T[])[];
  readonly bias: readonly T[] | null;
  readonly activation: Activation<T>;
}

/**
 * One exponential unit of Kawaguchi & Kaelbling: adds a·exp(wᵀx + b) to output coordinate `output`,
 * where x is the network input. Their head has one unit per output (g_k = a_k exp(w_kᵀx + b_k));
 * several units on a scalar output give g(x) = Σ_k a_k exp(w_kᵀx + b_k).
 */
export interface ExpUnit<T> {
  readonly output: number;
  readonly a: T;
  readonly w: readonly T[];
  readonly b: T;
}

/** A feed-forward network f(x) = h_L(W_L … h_1(W_1 x + b_1) … + b_L) + g(x), g the optional exp head. */
export interface Network<T> {
  readonly field: Field<T>;
  readonly inputDim: number;
  /** Hidden layers then the output layer; the output layer's activation is the identity unless set. */
  readonly layers: readonly Layer<T>[];
  /** Empty when there is no exponential head. */
  readonly expUnits: readonly ExpUnit<T>[];
}

export interface LayerSpec<T> {
  readonly weights: readonly (readonly T[])[] | Matrix<T>;
  readonly bias?: readonly T[] | null;
  /** Defaults to the identity. */
  readonly activation?: Activation<T>;
}

export interface ExpUnitSpec<T> {
  /** Defaults to 0 for a scalar output, to the unit's index when there is one unit per output. */
  readonly output?: number;
  readonly a: T;
  readonly w: readonly T[];
  readonly b: T;
}

export interface NetworkSpec<T> {
  /** Defaults to the column count of the first layer. */
  readonly inputDim?: number;
  readonly layers: readonly LayerSpec<T>[];
  readonly expUnits?: readonly ExpUnitSpec<T>[];
}

/** A validated, immutable network. Throws NetworkError naming the offending layer and entry. */
export function network<T>(field: Field<T>, spec: NetworkSpec<T>): Network<T> {
  if (spec.layers.length === 0) throw new NetworkError('a network needs at least one layer');
  const layers = spec.layers.map((l) => ({
    weights: l.weights instanceof Matrix ? l.weights.toArrays() : l.weights.map((r) => [...r]),
    bias: l.bias ? [...l.bias] : null,
    activation: l.activation ?? identity(field),
  }));
  const inputDim = spec.inputDim ?? layers[0]!.weights[0]?.length ?? 0;
  if (!Number.isInteger(inputDim) || inputDim < 1) throw new NetworkError(`input dimension must be a positive integer, got ${inputDim}`);
  let fanIn = inputDim;
  layers.forEach((layer, l) => {
    const name = `layer ${l + 1}`;
    if (layer.weights.length === 0) throw new NetworkError(`${name} has no units`);
    layer.weights.forEach((row, i) => {
      if (row.length !== fanIn) throw new NetworkError(`${name}: row ${i} of W${l + 1} has ${row.length} entries, expected ${fanIn} (the width of its input)`);
      row.forEach((v, j) => requireFinite(v, `W${l + 1}[${i},${j}]`));
    });
    if (layer.bias) {
      if (layer.bias.length !== layer.weights.length) throw new NetworkError(`${name}: bias b${l + 1} has ${layer.bias.length} entries, expected ${layer.weights.length}`);
      layer.bias.forEach((v, i) => requireFinite(v, `b${l + 1}[${i}]`));
    }
    fanIn = layer.weights.length;
  });
  const expUnits = (spec.expUnits ?? []).map((u, k, all) => {
    const output = u.output ?? defaultExpOutput(k, all.length, fanIn);
    if (!Number.isInteger(output) || output < 0 || output >= fanIn) throw new NetworkError(`exp unit ${k}: output ${output} outside 0..${fanIn - 1}`);
    if (u.w.length !== inputDim) throw new NetworkError(`exp unit ${k}: w has ${u.w.length} entries, expected the input dimension ${inputDim}`);
    requireFinite(u.a, `exp.a[${k}]`);
    requireFinite(u.b, `exp.b[${k}]`);
    u.w.forEach((v, j) => requireFinite(v, `exp.w[${k},${j}]`));
    return { output, a: u.a, w: [...u.w], b: u.b };
  });
  // Frozen so that a network handed to a claim cannot be changed behind its witness.
  return Object.freeze({ field, inputDim, layers: deepFreeze(layers), expUnits: deepFreeze(expUnits) });
}

function defaultExpOutput(k: number, units: number, outputs: number): number {
  if (outputs === 1) return 0;
  if (units === outputs) return k;
  throw new NetworkError(`exp unit ${k}: give its output index (${units} units for ${outputs} outputs)`);
}

/** Kawaguchi & Kaelbling's head: g(x)_k = a_k exp(w_kᵀx + b_k), one unit per output k. */
export function kawaguchiHead<T>(a: readonly T[], w: readonly (readonly T[])[], b: readonly T[]): ExpUnitSpec<T>[] {
  if (w.length !== a.length || b.length !== a.length) {
    throw new NetworkError(`exp head: a, w and b must have one entry per output (got ${a.length}, ${w.length}, ${b.length})`);
  }
  return a.map((ak, k) => ({ output: k, a: ak, w: w[k]!, b: b[k]! }));
}

/** Rejects NaN and ±Infinity in float or decimal fields (rationals are always finite). */
function requireFinite(x: unknown, name: string): void {
  const finite =
    typeof x === 'number'
      ? Number.isFinite(x)
      : typeof x === 'object' && x !== null && 'isFinite' in x && typeof x.isFinite === 'function'
        ? Boolean(x.isFinite())
        : true;
  if (!finite) throw new NumberError(`${name} is ${String(x)}, not a finite number`);
}

function deepFreeze<V>(v: V): V {
  if (Array.isArray(v)) {
    v.forEach(deepFreeze);
    return Object.freeze(v);
  }
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    Object.values(v).forEach(deepFreeze);
    return Object.freeze(v);
  }
  return v;
}

export function outputDim<T>(net: Network<T>): number {
  return net.layers[net.layers.length - 1]!.weights.length;
}

/** Units per layer (the last entry is the output dimension). */
export function widths<T>(net: Network<T>): number[] {
  return net.layers.map((l) => l.weights.length);
}

/** Layer l's weights (0-based l) as a Matrix. */
export function layerMatrix<T>(net: Network<T>, l: number): Matrix<T> {
  const layer = net.layers[l];
  if (!layer) throw new NetworkError(`layer ${l} does not exist (the network has ${net.layers.length})`);
  return Matrix.from(net.field, layer.weights);
}

/** A copy with some layers replaced (validated again). */
export function withLayers<T>(net: Network<T>, replace: (layer: Layer<T>, l: number) => LayerSpec<T>): Network<T> {
  return network(net.field, { inputDim: net.inputDim, layers: net.layers.map(replace), expUnits: net.expUnits });
}

/** The exact value of an element of any of the project's fields (decimals and doubles are dyadic/decimal fractions). */
export function exactValue<T>(F: Field<T>, x: T): Rational {
  if (x instanceof Rational) return x;
  if (typeof x === 'number') return Rational.fromNumber(x);
  return Rational.parse(F.toDecimal(x).toString());
}

/**
 * The same network in another field. By default each entry goes through its exact rational value,
 * so rational → decimal rounds once and float/decimal → rational is exact.
 */
export function mapNetwork<T, U>(net: Network<T>, target: Field<U>, convert?: (x: T) => U): Network<U> {
  const c = convert ?? ((x: T): U => target.fromRational(exactValue(net.field, x)));
  return network(target, {
    inputDim: net.inputDim,
    layers: net.layers.map((l) => ({
      weights: l.weights.map((r) => r.map(c)),
      bias: l.bias ? l.bias.map(c) : null,
      activation: mapActivation(l.activation, target, c),
    })),
    expUnits: net.expUnits.map((u) => ({ output: u.output, a: c(u.a), w: u.w.map(c), b: c(u.b) })),
  });
}

type Num = number | string | Rational;

/** An exact network from numbers or strings: ratNetwork({ layers: [{ weights: [[1, '1/2']], activation: relu(RationalField) }] }). */
export function ratNetwork(spec: {
  inputDim?: number;
  layers: readonly { weights: readonly (readonly Num[])[]; bias?: readonly Num[] | null; activation?: Activation<Rational> }[];
  expUnits?: readonly { output?: number; a: Num; w: readonly Num[]; b: Num }[];
}): Network<Rational> {
  const r = (x: Num): Rational => Rational.from(x);
  return network(RationalField, {
    inputDim: spec.inputDim,
    layers: spec.layers.map((l) => ({
      weights: l.weights.map((row) => row.map(r)),
      bias: l.bias ? l.bias.map(r) : null,
      activation: l.activation,
    })),
    expUnits: spec.expUnits?.map((u) => ({ output: u.output, a: r(u.a), w: u.w.map(r), b: r(u.b) })),
  });
}
