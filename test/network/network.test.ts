import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { architecture, networkOn, networkAndDataset } from '../../src/generators/network.ts';
import { smallRational } from '../../src/generators/rational.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { evaluate, relu, twoPiece } from '../../src/network/activation.ts';
import { forward, forwardDataset, networkOutput } from '../../src/network/forward.ts';
import { mirrorLayers } from '../../src/network/mirror.ts';
import { kawaguchiHead, layerMatrix, mapNetwork, network, ratNetwork, type Network } from '../../src/network/network.ts';
import {
  flattenParameters,
  parameterCount,
  parameterIndex,
  parameterInfo,
  parameterNames,
  selectParameters,
  unflattenParameters,
} from '../../src/network/parameters.ts';
import { networkFromJSON, networkToJSON } from '../../src/network/serialize.ts';

const F = RationalField;
const someNetwork = architecture({ maxDepth: 3, maxWidth: 3, outputDim: 2, outputActivation: 'any' }).chain((a) => networkOn(a));
const inputFor = (net: Network<Rational>) => fc.array(smallRational(), { minLength: net.inputDim, maxLength: net.inputDim });

/** f(x) through Matrix products, written separately from forward(). */
function viaMatrices(net: Network<Rational>, x: readonly Rational[]): Rational[] {
  let a = Matrix.column(F, x);
  net.layers.forEach((layer, l) => {
    let z = layerMatrix(net, l).mul(a);
    if (layer.bias) z = z.add(Matrix.column(F, layer.bias));
    a = z.map(F, (v) => evaluate(F, layer.activation, v));
  });
  return a.col(0);
}

describe('networks', () => {
  it('forward agrees with matrix products, and its pattern locates every pre-activation', () => {
    fc.assert(
      fc.property(someNetwork.chain((n) => fc.tuple(fc.constant(n), inputFor(n))), ([net, x]) => {
        const t = forward(net, x);
        expect(t.output.map(String)).toEqual(viaMatrices(net, x).map(String));
        t.preActivations.forEach((z, l) =>
          z.forEach((zi, u) => {
            const pos = t.pattern[l]![u]!;
            const bs = net.layers[l]!.activation.breakpoints;
            const below = bs.filter((b) => b.lt(zi)).length;
            const on = bs.some((b) => b.equals(zi));
            expect(pos).toBe(2 * below + (on ? 1 : 0));
          }),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('parameters flatten and unflatten, with names in the documented order', () => {
    fc.assert(
      fc.property(someNetwork, (net) => {
        const theta = flattenParameters(net);
        expect(theta.length).toBe(parameterCount(net));
        expect(flattenParameters(unflattenParameters(net, theta)).map(String)).toEqual(theta.map(String));
        const info = parameterInfo(net);
        info.forEach((p) => {
          const value = p.kind === 'weight' ? net.layers[p.layer!]!.weights[p.row!]![p.col!]! : net.layers[p.layer!]!.bias![p.row!]!;
          expect(theta[p.index]!.equals(value)).toBe(true);
          expect(parameterIndex(net, p.name)).toBe(p.index);
        });
      }),
      { numRuns: 40 },
    );
    const net = ratNetwork({ layers: [{ weights: [[1, 2], [3, 4]], bias: [5, 6], activation: relu(F) }, { weights: [[7, 8]] }] });
    expect(parameterNames(net)).toEqual(['W1[0,0]', 'W1[0,1]', 'W1[1,0]', 'W1[1,1]', 'b1[0]', 'b1[1]', 'W2[0,0]', 'W2[0,1]']);
    expect(flattenParameters(net).map(String)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(selectParameters(net, (p) => p.kind === 'bias')).toEqual([4, 5]);
    expect(selectParameters(net, ['W2[0,1]', 'b1[0]'])).toEqual([4, 7]);
    expect(() => parameterIndex(net, 'b2[0]')).toThrow(/no parameter named "b2\[0\]"/);
    expect(() => unflattenParameters(net, [q(1)])).toThrow(/1 entries, the network has 8/);
  });

  it('mapNetwork to decimals and back is exact; floats agree to double precision', () => {
    fc.assert(
      fc.property(someNetwork.chain((n) => fc.tuple(fc.constant(n), inputFor(n))), ([net, x]) => {
        const D = decimalField(40);
        const back = mapNetwork(mapNetwork(net, FloatField), F);
        expect(flattenParameters(back).map(String)).toEqual(flattenParameters(net).map(String));
        const exact = networkOutput(net, x);
        const dec = networkOutput(mapNetwork(net, D), x.map((v) => D.fromRational(v)));
        exact.forEach((v, k) => expect(dec[k]!.minus(v.toDecimal(40)).abs().lte(new Decimal('1e-30'))).toBe(true));
      }),
      { numRuns: 30 },
    );
  });

  it('JSON keeps every number exactly', () => {
    fc.assert(
      fc.property(someNetwork.chain((n) => fc.tuple(fc.constant(n), inputFor(n))), ([net, x]) => {
        const again = networkFromJSON(JSON.parse(JSON.stringify(networkToJSON(net))));
        expect(networkOutput(again, x).map(String)).toEqual(networkOutput(net, x).map(String));
        expect(networkToJSON(again)).toEqual(networkToJSON(net));
      }),
      { numRuns: 30 },
    );
  });

  it('He et al. App. A.2: negating the hidden layers and using h_{−s+,−s−} computes the same function', () => {
    const twoPieceNets = networkAndDataset({ architecture: { maxDepth: 3, maxWidth: 3, activations: ['two-piece', 'relu', 'leaky-relu'], outputActivation: 'any' }, generalPosition: false });
    fc.assert(
      fc.property(twoPieceNets, fc.integer({ min: 0, max: 7 }), ({ network: net, data }, mask) => {
        const mirrored = mirrorLayers(net);
        const subset = mirrorLayers(net, net.layers.map((_, l) => l).filter((l) => (mask >> l) & 1));
        for (const x of data.inputs) {
          expect(networkOutput(mirrored, x).map(String)).toEqual(networkOutput(net, x).map(String));
          expect(networkOutput(subset, x).map(String)).toEqual(networkOutput(net, x).map(String));
        }
        // The hidden activations really changed to h_{−s+,−s−}, the weights to their negatives.
        const h = net.layers[0]!.activation;
        expect(mirrored.layers[0]!.activation.slopes.map(String)).toEqual([h.slopes[1]!.neg(), h.slopes[0]!.neg()].map(String));
        expect(mirrored.layers[0]!.weights[0]![0]!.equals(net.layers[0]!.weights[0]![0]!.neg())).toBe(true);
      }),
      { numRuns: 40 },
    );
    // Negating the weights without switching the activation changes the function.
    const net = ratNetwork({ layers: [{ weights: [[1]], activation: twoPiece(F, q(0), q(1)) }, { weights: [[1]] }] });
    const wrong = ratNetwork({ layers: [{ weights: [[-1]], activation: twoPiece(F, q(0), q(1)) }, { weights: [[1]] }] });
    expect(networkOutput(wrong, [q(1)])[0]!.equals(networkOutput(net, [q(1)])[0]!)).toBe(false);
  });

  it('the exponential head adds Σ a_k exp(w_kᵀx + b_k) in decimal fields and is refused over the rationals', () => {
    const D = decimalField(50);
    const d = (x: string): Decimal => D.fromRational(q(x));
    const base = { layers: [{ weights: [[d('1'), d('-1')]], bias: [d('1/2')], activation: relu(D) }, { weights: [[d('2')], [d('-1')]] }] };
    const net = network(D, { ...base, expUnits: kawaguchiHead([d('3'), d('-1/2')], [[d('1'), d('0')], [d('-1'), d('2')]], [d('0'), d('1/3')]) });
    const x = [d('1/2'), d('-1')];
    // ReLU(1·½ − 1·(−1) + ½) = 2 > 0; computed with the field's own Decimal clone (50 digits).
    const hidden = d('1/2').plus(1).plus(d('1/2'));
    expect(hidden.gt(0)).toBe(true);
    const expected = [
      hidden.times(2).plus(d('3').times(d('1/2').exp())),
      hidden.neg().plus(d('-1/2').times(d('-1/2').minus(2).plus(d('1/3')).exp())),
    ];
    networkOutput(net, x).forEach((v, k) => expect(v.minus(expected[k]!).abs().lte('1e-45')).toBe(true));
    const exact = ratNetwork({ layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [1], b: 0 }] });
    expect(() => networkOutput(exact, [q(1)])).toThrow(/^the exponential unit needs exp.*rational field.*exact/);
  });

  it('on a scalar output every exp unit defaults to output 0, and their terms add up', () => {
    const D = decimalField(50);
    const d = (x: string): Decimal => D.fromRational(q(x));
    const net = network(D, { layers: [{ weights: [[d('0')]] }], expUnits: [{ a: d('2'), w: [d('1')], b: d('0') }, { a: d('-1'), w: [d('-1')], b: d('1') }] });
    expect(net.expUnits.map((u) => u.output)).toEqual([0, 0]);
    // g(1) = 2e^{1} − e^{−1+1} = 2e − 1.
    expect(networkOutput(net, [d('1')])[0]!.minus(d('1').exp().times(2).minus(1)).abs().lte('1e-45')).toBe(true);
    // Two outputs and three units: which output each unit feeds must be given.
    expect(() => ratNetwork({ layers: [{ weights: [[1], [1]] }], expUnits: [0, 1, 2].map(() => ({ a: 1, w: [1], b: 0 })) })).toThrow(
      'exp unit 0: give its output index (3 units for 2 outputs)',
    );
  });

  it('validates shapes and numbers with messages naming the part', () => {
    expect(() => ratNetwork({ layers: [] })).toThrow(/at least one layer/);
    // The error class names itself, so that a caller's log shows which part of the program refused.
    expect(() => ratNetwork({ layers: [] })).toThrow(expect.objectContaining({ name: 'NetworkError' }));
    // Weights may also be given as a Matrix (out × in).
    const fromMatrix = network(F, { layers: [{ weights: Matrix.from(F, [[q(1), q(2)]]) }] });
    expect(networkOutput(fromMatrix, [q(3), q(-1)])[0]!.toString()).toBe('1');
    expect(() => ratNetwork({ layers: [{ weights: [[1, 2], [3]] }] })).toThrow(/row 1 of W1 has 1 entries, expected 2/);
    expect(() => ratNetwork({ layers: [{ weights: [[1, 2]] }, { weights: [[1, 2]] }] })).toThrow(/layer 2: row 0 of W2 has 2 entries, expected 1/);
    expect(() => ratNetwork({ layers: [{ weights: [[1]], bias: [1, 2] }] })).toThrow(/bias b1 has 2 entries, expected 1/);
    expect(() => ratNetwork({ layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [1, 2], b: 0 }] })).toThrow(/exp unit 0: w has 2 entries/);
    expect(() => network(FloatField, { layers: [{ weights: [[Number.NaN]] }] })).toThrow(/W1\[0,0\] is NaN/);
    expect(() => networkOutput(ratNetwork({ layers: [{ weights: [[1, 2]] }] }), [q(1)])).toThrow(/input has 1 entries, the network expects 2/);
    expect(() => forwardDataset(ratNetwork({ layers: [{ weights: [[1, 2]] }] }), [[q(1), q(2)], [q(1)]])).toThrow(/input 1 has 1 entries/);
  });
});
