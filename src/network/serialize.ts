import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { piecewiseLinear, type ActivationKind } from './activation.ts';
import { NetworkError } from './errors.ts';
import { exactValue, network, type Network } from './network.ts';

/** A network with every number as an exact rational string ("-3/4"): the witness format. */
export interface NetworkJSON {
  readonly inputDim: number;
  readonly layers: readonly {
    readonly weights: readonly (readonly string[])[];
    readonly bias: readonly string[] | null;
    readonly activation: { readonly kind: ActivationKind; readonly breakpoints: readonly string[]; readonly slopes: readonly string[]; readonly valueAtZero: string };
  }[];
  readonly expUnits: readonly { readonly output: number; readonly a: string; readonly w: readonly string[]; readonly b: string }[];
}

export function networkToJSON<T>(net: Network<T>): NetworkJSON {
  const s = (x: T): string => exactValue(net.field, x).toString();
  return {
    inputDim: net.inputDim,
    layers: net.layers.map((l) => ({
      weights: l.weights.map((r) => r.map(s)),
      bias: l.bias ? l.bias.map(s) : null,
      activation: {
        kind: l.activation.kind,
        breakpoints: l.activation.breakpoints.map(s),
        slopes: l.activation.slopes.map(s),
        valueAtZero: s(l.activation.valueAtZero),
      },
    })),
    expUnits: net.expUnits.map((u) => ({ output: u.output, a: s(u.a), w: u.w.map(s), b: s(u.b) })),
  };
}

const KINDS: readonly ActivationKind[] = ['relu', 'linear', 'two-piece', 'leaky-relu', 'piecewise-linear'];

export function networkFromJSON(json: NetworkJSON): Network<Rational> {
  const r = (x: string): Rational => Rational.parse(x);
  if (!Array.isArray(json.layers as unknown)) throw new NetworkError('network JSON: "layers" must be an array');
  return network(RationalField, {
    inputDim: json.inputDim,
    layers: json.layers.map((l, i) => {
      if (!KINDS.includes(l.activation?.kind)) throw new NetworkError(`network JSON: layer ${i + 1} has unknown activation kind "${String(l.activation?.kind)}"`);
      return {
        weights: l.weights.map((row) => row.map(r)),
        bias: l.bias ? l.bias.map(r) : null,
        activation: piecewiseLinear(
          RationalField,
          { breakpoints: l.activation.breakpoints.map(r), slopes: l.activation.slopes.map(r), valueAtZero: r(l.activation.valueAtZero) },
          l.activation.kind,
        ),
      };
    }),
    expUnits: (json.expUnits ?? []).map((u) => ({ output: u.output, a: r(u.a), w: u.w.map(r), b: r(u.b) })),
  });
}
