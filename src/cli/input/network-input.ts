import { count } from '../plural.ts';
import { InputError, messageOf } from '../../claims/errors.ts';
import { Rational } from '../../numbers/rational.ts';
import { RationalField } from '../../numbers/rational-field.ts';
import { identity, leakyRelu, linear, piecewiseLinear, relu, twoPiece, type Activation, type ActivationKind } from '../../network/activation.ts';
import { network, type Network } from '../../network/network.ts';
import { exactNumber, exactVector } from './exact-fields.ts';
import type { JsonInput } from './exact-json.ts';
import { requireSchema } from './schemas.ts';

const F = RationalField;

/** Networks beyond these sizes are refused: exact Hessians and ray searches at kinks grow fast (105 parameters at 7 kinks: about a minute). */
export const MAX_LAYERS = 16;
export const MAX_PARAMETERS = 200;

interface LayerJson {
  readonly weights: readonly (readonly unknown[])[];
  readonly bias?: readonly unknown[] | null;
  readonly activation?: string | Record<string, unknown>;
}

/**
 * The network of a network file (schemas/network.schema.json): shape, then every number exactly,
 * then the architecture's consistency; every problem is an InputError naming the file and field.
 */
export function networkFromInput(input: JsonInput): Network<Rational> {
  const { display } = input;
  const plain = input.plain as { expUnits?: unknown };
  if (Array.isArray(plain?.expUnits) && plain.expUnits.length > 0) {
    throw new InputError(`${display}: field "expUnits" must be empty: exponential units are not piecewise linear and cannot be decided exactly`);
  }
  requireSchema('network', input.plain, display);
  const exact = input.exact as { inputDim?: unknown; layers: readonly LayerJson[] };
  const layers = exact.layers;
  if (layers.length > MAX_LAYERS) throw new InputError(`${display}: field "layers" has ${layers.length} layers; at most ${MAX_LAYERS} are supported`);
  const inputDim = (input.plain as { inputDim?: number }).inputDim;
  let fanIn = inputDim ?? layers[0]!.weights[0]!.length;
  let parameters = 0;
  const specs = layers.map((layer, l) => {
    const field = `layers[${l}]`;
    const transposed = transposeHint(layer, fanIn, field);
    layer.weights.forEach((row, i) => {
      if (row.length !== fanIn) {
        if (transposed !== null) throw new InputError(`${display}: ${transposed}`);
        const source = l === 0 ? (inputDim !== undefined ? `inputDim is ${fanIn}` : `as row 0`) : `layers[${l - 1}] has ${fanIn} units`;
        throw new InputError(`${display}: field "${field}.weights[${i}]" has ${row.length} entries, expected ${fanIn} (${source})`);
      }
    });
    const units = layer.weights.length;
    if (layer.bias != null && layer.bias.length !== units) {
      const rowLength = layer.weights[0]!.length;
      // Weights written input × units: the bias then has as many entries as a row.
      const hint = l === 0 && inputDim === undefined && layer.bias.length === rowLength ? `; the weights look transposed: rows are units, so give the ${rowLength}×${units} transpose` : '';
      throw new InputError(`${display}: field "${field}.bias" has ${count(layer.bias.length, 'entry')}, but the weights have ${count(units, 'row')} (one per unit)${hint}`);
    }
    parameters += units * fanIn + (layer.bias != null ? units : 0);
    if (parameters > MAX_PARAMETERS) throw new InputError(`${display}: more than ${MAX_PARAMETERS} parameters; exact classification supports at most ${MAX_PARAMETERS}`);
    fanIn = units;
    return {
      weights: layer.weights.map((row, i) => exactVector(row, `${field}.weights[${i}]`, display)),
      bias: layer.bias != null ? exactVector(layer.bias, `${field}.bias`, display) : null,
      activation: activationOf(layer.activation, l === layers.length - 1, `${field}.activation`, display),
    };
  });
  try {
    return network(F, { inputDim: inputDim ?? specs[0]!.weights[0]!.length, layers: specs });
  } catch (error) {
    throw new InputError(`${display}: ${messageOf(error)}`);
  }
}

/** Why pieces given with a named kind are not that kind, or null when they are. */
function kindMismatch(kind: ActivationKind | 'identity', h: Activation<Rational>): string | null {
  const list = (xs: readonly Rational[]): string => `[${xs.map(String).join(', ')}]`;
  const kinkAtZero = h.breakpoints.length === 1 && h.breakpoints[0]!.isZero() && h.valueAtZero.isZero();
  switch (kind) {
    case 'piecewise-linear':
      return null;
    case 'relu':
      return kinkAtZero && h.slopes[0]!.isZero() && h.slopes[1]!.equals(Rational.ONE) ? null : `has breakpoints ${list(h.breakpoints)}, slopes ${list(h.slopes)} and h(0) = ${h.valueAtZero.toString()}: not max(0, x)`;
    case 'leaky-relu':
      return kinkAtZero && h.slopes[1]!.equals(Rational.ONE) ? null : `has breakpoints ${list(h.breakpoints)}, slopes ${list(h.slopes)} and h(0) = ${h.valueAtZero.toString()}: not max(αx, x)`;
    case 'two-piece':
      return kinkAtZero ? null : `has breakpoints ${list(h.breakpoints)} and h(0) = ${h.valueAtZero.toString()}: not two pieces meeting at 0`;
    case 'identity':
      return h.breakpoints.length === 0 && h.slopes[0]!.equals(Rational.ONE) && h.valueAtZero.isZero() ? null : 'is not the identity';
    case 'linear':
      return h.breakpoints.length === 0 && h.valueAtZero.isZero() ? null : 'is not linear through 0';
  }
}

/**
 * Weights written input × units (the transpose of what the format takes, rows = units): every row
 * has the width of the layer's output instead of its input, and there are as many rows as inputs.
 */
function transposeHint(layer: LayerJson, fanIn: number, field: string): string | null {
  const rows = layer.weights.length;
  const width = layer.weights[0]?.length ?? 0;
  if (rows !== fanIn || width === fanIn || !layer.weights.every((row) => row.length === width)) return null;
  return `field "${field}.weights" is ${rows}×${width}, but its input has ${count(fanIn, 'entry')}: rows are units, so give the ${width}×${rows} transpose`;
}

function activationOf(value: LayerJson['activation'], output: boolean, field: string, display: string): Activation<Rational> {
  if (value === undefined) return output ? identity(F) : relu(F);
  if (typeof value === 'string') return value === 'relu' ? relu(F) : identity(F);
  const kind = value.kind as ActivationKind | 'identity';
  const num = (key: string): Rational => exactNumber(value[key], `${field}.${key}`, display);
  const has = (key: string): boolean => value[key] !== undefined;
  const bad = (message: string): never => {
    throw new InputError(`${display}: field "${field}" ${message}`);
  };
  try {
    if (has('breakpoints')) {
      if (!has('slopes')) bad('gives breakpoints but no slopes');
      const breakpoints = exactVector(value.breakpoints as unknown[], `${field}.breakpoints`, display);
      const slopes = exactVector(value.slopes as unknown[], `${field}.slopes`, display);
      const valueAtZero = has('valueAtZero') ? num('valueAtZero') : Rational.ZERO;
      const pieces = piecewiseLinear(F, { breakpoints, slopes, valueAtZero }, kind === 'identity' ? 'linear' : kind);
      // The pieces must be what the kind names: "relu" with slopes [0, 2] would print as relu and compute 2·relu.
      const mismatch = kindMismatch(kind, pieces);
      if (mismatch !== null) bad(`of kind ${kind} ${mismatch} (give "kind": "piecewise-linear" for any other pieces)`);
      return pieces;
    }
    const extra = (allowed: readonly string[]): void => {
      const other = Object.keys(value).find((k) => k !== 'kind' && !allowed.includes(k));
      if (other !== undefined) bad(`of kind ${kind} does not take "${other}"`);
    };
    switch (kind) {
      case 'relu':
        extra([]);
        return relu(F);
      case 'identity':
      case 'linear':
        extra(['slope']);
        return has('slope') ? linear(F, num('slope')) : identity(F);
      case 'leaky-relu':
        extra(['alpha']);
        if (!has('alpha')) bad('of kind leaky-relu needs "alpha"');
        return leakyRelu(F, num('alpha'));
      case 'two-piece': {
        extra(['slopes']);
        const slopes = has('slopes') ? exactVector(value.slopes as unknown[], `${field}.slopes`, display) : [];
        if (slopes.length !== 2) bad('of kind two-piece needs "slopes": [s−, s+]');
        return twoPiece(F, slopes[0]!, slopes[1]!);
      }
      case 'piecewise-linear':
        return bad('of kind piecewise-linear needs "breakpoints" and "slopes"');
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${display}: field "${field}": ${messageOf(error)}`);
  }
  return bad(`has unknown kind ${JSON.stringify(kind)}`);
}
