import fc from 'fast-check';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { identity, leakyRelu, linear, locate, isOnBreakpoint, piecewiseLinear, relu, twoPiece, insidePiece, type Activation } from '../network/activation.ts';
import type { Dataset } from '../network/dataset.ts';
import { activationPattern, affine } from '../network/forward.ts';
import { evaluate } from '../network/activation.ts';
import { network, type Network } from '../network/network.ts';
import { hasBreakpoint, type DatasetPattern } from '../network/pattern.ts';
import { parameterCount } from '../network/parameters.ts';
import { dataset, type DatasetOptions } from './dataset.ts';
import { simplicityOrder, smallRational, type RationalOptions } from './rational.ts';

const F = RationalField;

/** Activation families, in shrinking order: a failing case shrinks toward ReLU. */
export type ActivationChoice = 'relu' | 'leaky-relu' | 'two-piece' | 'linear' | 'piecewise-linear';
export const ACTIVATION_CHOICES: readonly ActivationChoice[] = ['relu', 'leaky-relu', 'two-piece', 'linear', 'piecewise-linear'];

/** The shape of a network: hidden widths, one activation for all hidden layers, bias on/off. */
export interface Architecture {
  readonly inputDim: number;
  readonly hidden: readonly number[];
  readonly outputDim: number;
  readonly bias: boolean;
  readonly activation: Activation<Rational>;
  /** Milne's networks put a ReLU on the scalar output. */
  readonly outputActivation: 'identity' | 'relu';
}

export interface ArchitectureOptions {
  /** Hidden layers (default 1..2). */
  readonly minDepth?: number;
  readonly maxDepth?: number;
  /** Hidden widths 1..maxWidth (default 3). */
  readonly maxWidth?: number;
  /** Input dimension (default 1..2). */
  readonly minInputDim?: number;
  readonly maxInputDim?: number;
  readonly outputDim?: number;
  /** Allowed families (default all), the first is where shrinking goes. */
  readonly activations?: readonly ActivationChoice[];
  /** true/false fixes it; default either, shrinking toward no bias. */
  readonly bias?: boolean;
  /** Default 'identity'; 'any' draws either, shrinking toward the identity. */
  readonly outputActivation?: 'identity' | 'relu' | 'any';
}

const slope = smallRational({ maxNumerator: 3, maxDenominator: 2 });

/** An activation of one family with small rational parameters; non-linear families get distinct adjacent slopes. */
export function activationOf(kind: ActivationChoice): fc.Arbitrary<Activation<Rational>> {
  switch (kind) {
    case 'relu':
      return fc.constant(relu(F));
    case 'leaky-relu':
      return slope.filter((a) => !a.equals(Rational.ONE)).map((a) => leakyRelu(F, a));
    case 'linear':
      return slope.map((s) => linear(F, s));
    case 'two-piece':
      return fc.tuple(slope, slope).filter(([a, b]) => !a.equals(b)).map(([a, b]) => twoPiece(F, a, b));
    case 'piecewise-linear':
      return fc
        .integer({ min: 1, max: 2 })
        .chain((m) =>
          fc.tuple(
            fc.uniqueArray(smallRational({ maxNumerator: 2, maxDenominator: 2 }), { minLength: m, maxLength: m, selector: String }),
            fc.array(slope, { minLength: m + 1, maxLength: m + 1 }),
            smallRational({ maxNumerator: 2, maxDenominator: 2 }),
          ),
        )
        .filter(([, ss]) => ss.every((s, k) => k === 0 || !s.equals(ss[k - 1]!)))
        .map(([ts, ss, h0]) => piecewiseLinear(F, { breakpoints: [...ts].sort((a, b) => a.compare(b)), slopes: ss, valueAtZero: h0 }));
  }
}

/** Architectures that shrink toward one hidden layer of width 1, no bias, ReLU, input dimension 1. */
export function architecture(options: ArchitectureOptions = {}): fc.Arbitrary<Architecture> {
  const kinds = options.activations ?? ACTIVATION_CHOICES;
  // A plain array (not depth.chain) so that shrinking can drop layers and narrow them together.
  const hidden = fc.array(fc.integer({ min: 1, max: options.maxWidth ?? 3 }), { minLength: options.minDepth ?? 1, maxLength: options.maxDepth ?? 2 });
  const out = options.outputActivation ?? 'identity';
  return fc.record({
    inputDim: fc.integer({ min: options.minInputDim ?? 1, max: options.maxInputDim ?? 2 }),
    hidden,
    outputDim: fc.constant(options.outputDim ?? 1),
    bias: options.bias === undefined ? fc.boolean() : fc.constant(options.bias),
    activation: fc.constantFrom(...kinds).chain(activationOf),
    outputActivation: out === 'any' ? fc.constantFrom<'identity' | 'relu'>('identity', 'relu') : fc.constant(out),
  });
}

export interface NetworkOptions {
  /** Entries of weights and biases (default |p| ≤ 3, q ≤ 2). */
  readonly weights?: RationalOptions;
  /**
   * Only networks with no pre-activation on a breakpoint (for ReLU: no zero) at any of these
   * inputs: the parameters are then inside an open activation region. Weights hitting a breakpoint
   * are moved by the simplest rational that clears it; the rare unrepairable case is filtered, so
   * the inputs must admit such a network (prefer networkAndDataset, which redraws the data too).
   */
  readonly generalPositionOn?: readonly (readonly Rational[])[];
}

/** Networks of an architecture with small rational weights (row-major, shrinking toward 0 and integers). */
export function networkOn(arch: Architecture, options: NetworkOptions = {}): fc.Arbitrary<Network<Rational>> {
  const entry = smallRational(options.weights ?? { maxNumerator: 3, maxDenominator: 2 });
  const sizes = [...arch.hidden, arch.outputDim];
  const layers = fc.tuple(
    ...sizes.map((rows, l) => {
      const cols = l === 0 ? arch.inputDim : sizes[l - 1]!;
      return fc.record({
        weights: fc.array(fc.array(entry, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
        bias: arch.bias ? fc.array(entry, { minLength: rows, maxLength: rows }) : fc.constant(null),
      });
    }),
  );
  const nets = layers.map((ls) =>
    network(F, {
      inputDim: arch.inputDim,
      layers: ls.map((l, i) => ({
        ...l,
        activation: i < arch.hidden.length ? arch.activation : arch.outputActivation === 'relu' ? relu(F) : identity(F),
      })),
    }),
  );
  const inputs = options.generalPositionOn;
  if (!inputs) return nets;
  // Some inputs admit no such network (x and −x behind a bias-free width-1 ReLU layer), and a
  // filter would then retry forever: networkAndDataset filters the pair instead.
  return nets.map((n) => moveOffBreakpoints(n, inputs)).filter((n) => !hasBreakpoint(activationPattern(n, inputs)));
}

/**
 * Layer by layer, moves each unit whose pre-activation hits a breakpoint at some input: its bias
 * (or else one weight) gets the simplest non-zero shift δ that clears every breakpoint at every input.
 */
export function moveOffBreakpoints(net: Network<Rational>, inputs: readonly (readonly Rational[])[]): Network<Rational> {
  const layers = net.layers.map((l) => ({ weights: l.weights.map((r) => [...r]), bias: l.bias ? [...l.bias] : null, activation: l.activation }));
  let acts: Rational[][] = inputs.map((x) => [...x]);
  layers.forEach((layer, l) => {
    const partial = network(F, { inputDim: net.inputDim, layers: layers.slice(0, l + 1) });
    const ts = layer.activation.breakpoints;
    layer.weights.forEach((row, u) => {
      const z = acts.map((a) => affine(partial, l, a)[u]!);
      if (!z.some((zi) => isOnBreakpoint(locate(F, layer.activation, zi)))) return;
      // Shifting coordinate c by δ moves z_i by δ·a_i[c] (by δ for the bias).
      const clears = (rate: (i: number) => Rational, d: Rational): boolean =>
        z.every((zi, i) => ts.every((t) => !zi.add(d.mul(rate(i))).equals(t)));
      const shifts = simplicityOrder(6, 4).filter((d) => !d.isZero());
      if (layer.bias) {
        const d = shifts.find((s) => clears(() => Rational.ONE, s))!;
        layer.bias[u] = layer.bias[u]!.add(d);
        return;
      }
      for (let c = 0; c < row.length; c++) {
        const d = shifts.find((s) => clears((i) => acts[i]![c]!, s));
        if (d) {
          row[c] = row[c]!.add(d);
          return;
        }
      }
    });
    const fixed = network(F, { inputDim: net.inputDim, layers: layers.slice(0, l + 1) });
    acts = acts.map((a) => affine(fixed, l, a).map((zi) => evaluate(F, layer.activation, zi)));
  });
  return network(F, { inputDim: net.inputDim, layers, expUnits: net.expUnits });
}

export interface NetworkAndDataset {
  readonly architecture: Architecture;
  readonly network: Network<Rational>;
  readonly data: Dataset<Rational>;
}

/**
 * A dataset and a network that fit together, the network in general position on the data (no
 * pre-activation on a breakpoint): the setting of every "inside a region" statement.
 */
export function networkAndDataset(
  options: { architecture?: ArchitectureOptions; data?: DatasetOptions; network?: Omit<NetworkOptions, 'generalPositionOn'>; generalPosition?: boolean } = {},
): fc.Arbitrary<NetworkAndDataset> {
  return architecture(options.architecture).chain((arch) =>
    // A zero input leaves a bias-free unit at z = 0 whatever its weights: excluded up front.
    dataset({ maxPoints: 3, nonZeroInputs: true, ...options.data, minDim: arch.inputDim, maxDim: arch.inputDim, outputs: arch.outputDim }).chain((data) =>
      networkOn(arch, options.network).map((net): NetworkAndDataset => ({
        architecture: arch,
        network: options.generalPosition === false ? net : moveOffBreakpoints(net, data.inputs),
        data,
      })),
    ),
  ).filter((c) => options.generalPosition === false || !hasBreakpoint(activationPattern(c.network, c.data)));
}

/** A parameter direction with small rational entries (shrinks toward the zero direction). */
export function parameterDirection(net: Network<Rational>, entries: RationalOptions = { maxNumerator: 3, maxDenominator: 2 }): fc.Arbitrary<Rational[]> {
  const n = parameterCount(net);
  return fc.array(smallRational(entries), { minLength: n, maxLength: n });
}

/** An arbitrary frozen pattern for `points` inputs: every unit inside some piece of its activation. */
export function frozenPattern(net: Network<Rational>, points: number): fc.Arbitrary<DatasetPattern> {
  const pointPattern = fc.tuple(
    ...net.layers.map((layer) =>
      fc.array(fc.integer({ min: 0, max: layer.activation.slopes.length - 1 }).map(insidePiece), {
        minLength: layer.weights.length,
        maxLength: layer.weights.length,
      }),
    ),
  );
  return fc.array(pointPattern, { minLength: points, maxLength: points });
}
