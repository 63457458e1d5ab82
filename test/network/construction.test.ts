import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Matrix } from '../../src/linalg/matrix.ts';
import { FloatField, NumberError, Rational, RationalField, decimalField, q } from '../../src/numbers/index.ts';
import { relu } from '../../src/network/activation.ts';
import { NetworkError } from '../../src/network/errors.ts';
import { exactValue, kawaguchiHead, layerMatrix, mapNetwork, network, outputDim, widths } from '../../src/network/network.ts';

const F = FloatField;

describe('network construction: validation, defaults and conversions', () => {
  it('input dimension, empty layers and row widths are checked', () => {
    expect(() => network(F, { layers: [] })).toThrow('a network needs at least one layer');
    expect(() => network(F, { inputDim: 0, layers: [{ weights: [[1]] }] })).toThrow('input dimension must be a positive integer, got 0');
    expect(() => network(F, { inputDim: 1.5, layers: [{ weights: [[1]] }] })).toThrow(NetworkError);
    expect(() => network(F, { layers: [{ weights: [] }] })).toThrow('input dimension must be a positive integer, got 0');
    expect(() => network(F, { inputDim: 2, layers: [{ weights: [] }] })).toThrow('layer 1 has no units');
    expect(() => network(F, { layers: [{ weights: [[1, 2]] }, { weights: [[1, 2]] }] })).toThrow('layer 2: row 0 of W2 has 2 entries, expected 1');
    const net = network(F, { layers: [{ weights: Matrix.from(F, [[1, 2], [3, 4], [5, 6]]) }, { weights: [[1, 1, 1]] }] });
    expect([net.inputDim, widths(net), outputDim(net)]).toEqual([2, [3, 1], 1]);
    expect(layerMatrix(net, 0).toArrays()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(() => layerMatrix(net, 2)).toThrow('layer 2 does not exist (the network has 2)');
  });

  it('non-finite weights, biases and exp-unit entries are rejected with their names', () => {
    expect(() => network(F, { layers: [{ weights: [[1, Number.NaN]] }] })).toThrow('W1[0,1] is NaN, not a finite number');
    expect(() => network(F, { layers: [{ weights: [[1]], bias: [Infinity] }] })).toThrow('b1[0] is Infinity, not a finite number');
    expect(() => network(F, { layers: [{ weights: [[1]] }, { weights: [[1]], bias: [Number.NaN] }] })).toThrow('b2[0] is NaN');
    expect(() => network(F, { layers: [{ weights: [[1]], bias: [1, 2] }] })).toThrow('layer 1: bias b1 has 2 entries, expected 1');
    const D = decimalField(20);
    expect(() => network(D, { layers: [{ weights: [[new Decimal(Infinity)]] }] })).toThrow(NumberError);
    expect(() => network(F, { layers: [{ weights: [[1]] }], expUnits: [{ a: Number.NaN, w: [1], b: 0 }] })).toThrow('exp.a[0] is NaN');
    expect(() => network(F, { layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [1], b: Infinity }] })).toThrow('exp.b[0] is Infinity');
    expect(() => network(F, { layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [Number.NaN], b: 0 }] })).toThrow('exp.w[0,0] is NaN');
    // An object with an isFinite that is not a function is not a number to check.
    const odd = { isFinite: true } as unknown as number;
    expect(network(F, { layers: [{ weights: [[odd]] }] }).layers[0]!.weights[0]![0]).toBe(odd);
  });

  it('exp units: default outputs, explicit outputs and their ranges', () => {
    const one = network(F, { layers: [{ weights: [[1, 0]] }], expUnits: [{ a: 1, w: [0, 1], b: 0 }] });
    expect(one.expUnits.map((u) => u.output)).toEqual([0]);
    const two = network(F, { layers: [{ weights: [[1, 0], [0, 1]] }], expUnits: kawaguchiHead([1, 2], [[0, 1], [1, 0]], [0, 0]) });
    expect(two.expUnits.map((u) => u.output)).toEqual([0, 1]);
    const perOutput = network(F, { layers: [{ weights: [[1, 0], [0, 1]] }], expUnits: [{ a: 1, w: [0, 1], b: 0 }, { a: 2, w: [1, 0], b: 0 }] });
    expect(perOutput.expUnits.map((u) => u.output)).toEqual([0, 1]);
    expect(() => network(F, { layers: [{ weights: [[1, 0], [0, 1]] }], expUnits: [{ a: 1, w: [0, 1], b: 0 }] })).toThrow(
      'exp unit 0: give its output index (1 units for 2 outputs)',
    );
    for (const output of [2, -1, 0.5]) {
      expect(() => network(F, { layers: [{ weights: [[1, 0], [0, 1]] }], expUnits: [{ output, a: 1, w: [0, 1], b: 0 }] })).toThrow(`exp unit 0: output ${output} outside 0..1`);
    }
    expect(() => network(F, { layers: [{ weights: [[1, 0]] }], expUnits: [{ a: 1, w: [1], b: 0 }] })).toThrow('exp unit 0: w has 1 entries, expected the input dimension 2');
    expect(() => kawaguchiHead([1, 2], [[0, 1]], [0, 0])).toThrow('exp head: a, w and b must have one entry per output (got 2, 1, 2)');
    expect(() => kawaguchiHead([1], [[0, 1]], [0, 0])).toThrow(NetworkError);
  });

  it('networks are frozen deeply', () => {
    const net = network(F, { layers: [{ weights: [[1, 2]], bias: [0] }], expUnits: [{ a: 1, w: [0, 1], b: 0 }] });
    expect([Object.isFrozen(net), Object.isFrozen(net.layers), Object.isFrozen(net.layers[0]), Object.isFrozen(net.layers[0]!.weights[0])]).toEqual([true, true, true, true]);
    expect([Object.isFrozen(net.layers[0]!.bias), Object.isFrozen(net.expUnits[0]), Object.isFrozen(net.expUnits[0]!.w)]).toEqual([true, true, true]);
  });

  it('exactValue and mapNetwork convert through the exact value, exp units included', () => {
    expect(exactValue(RationalField, q(1, 3)).toString()).toBe('1/3');
    expect(exactValue(F, 0.1).toString()).toBe('3602879701896397/36028797018963968');
    const D = decimalField(30);
    expect(exactValue(D, D.fromRational(q(1, 8))).toString()).toBe('1/8');
    const exact = network(RationalField, {
      layers: [{ weights: [[q(1, 2), q(-3)]], bias: [q(1, 4)], activation: relu(RationalField) }],
      expUnits: [{ a: q(1, 2), w: [q(1), q(0)], b: q(-1, 2) }],
    });
    const floats = mapNetwork(exact, F);
    expect([floats.layers[0]!.weights, floats.layers[0]!.bias]).toEqual([[[0.5, -3]], [0.25]]);
    expect(floats.expUnits).toEqual([{ output: 0, a: 0.5, w: [1, 0], b: -0.5 }]);
    const back = mapNetwork(floats, RationalField);
    expect(back.expUnits[0]!.a.toString()).toBe('1/2');
    expect(back.layers[0]!.weights[0]!.map(String)).toEqual(['1/2', '-3']);
    const noBias = mapNetwork(network(RationalField, { layers: [{ weights: [[q(1)]] }] }), F);
    expect(noBias.layers[0]!.bias).toBeNull();
    expect((back.layers[0]!.weights[0]![0] as Rational).equals(q(1, 2))).toBe(true);
  });
});
