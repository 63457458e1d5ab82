import { describe, expect, it } from 'vitest';
import {
  checkPoint,
  homogeneousSlopes,
  layoutOf,
  oneHiddenLayerPoint,
  oneHiddenLayerShapeReason,
  reparametrisationReason,
  type OneHiddenLayerPoint,
} from '../../src/landscape/one-hidden-layer.ts';
import { linear, piecewiseLinear, relu, type Activation } from '../../src/network/activation.ts';
import { softmaxCrossEntropy, squaredError } from '../../src/network/loss.ts';
import { network } from '../../src/network/network.ts';
import { FloatField } from '../../src/numbers/float-field.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';

const F = RationalField;
const q = (n: number): Rational => Rational.fromInt(n);
const row = (...xs: number[]): Rational[] => xs.map(q);

/** f(x) = v·h(wx) (+ an optional second output coordinate or output activation). */
const hidden = { weights: [row(1)], activation: relu(F) };

describe('checkPoint', () => {
  const valid: OneHiddenLayerPoint = { weights: [row(1, 2), row(3, 4)], biases: row(0, 1), outputWeights: row(1, -1), outputBias: null };

  it('returns a consistent point unchanged', () => {
    expect(checkPoint(valid)).toBe(valid);
  });

  it('names the inconsistent shape', () => {
    expect(() => checkPoint({ ...valid, weights: [] })).toThrow(/needs at least one hidden unit/);
    expect(() => checkPoint({ ...valid, weights: [row(1, 2), row(3)] })).toThrow(/weights\[1\] has 1 entries, expected 2/);
    expect(() => checkPoint({ ...valid, biases: row(0) })).toThrow(/biases has 1 entries for 2 units/);
    expect(() => checkPoint({ ...valid, outputWeights: row(1) })).toThrow(/outputWeights has 1 entries for 2 units/);
  });
});

describe('layoutOf', () => {
  it('reads units and input dimension from W, and 0 inputs when there is no unit', () => {
    expect(layoutOf({ weights: [row(1, 2, 3)], biases: null, outputWeights: row(1), outputBias: q(0) })).toEqual({ units: 1, inputDim: 3, bias: false, outputBias: true });
    expect(layoutOf({ weights: [], biases: null, outputWeights: [], outputBias: null })).toEqual({ units: 0, inputDim: 0, bias: false, outputBias: false });
  });
});

describe('oneHiddenLayerShapeReason', () => {
  it('accepts one hidden layer with a scalar identity output', () => {
    expect(oneHiddenLayerShapeReason(network(F, { layers: [hidden, { weights: [row(2)] }] }))).toBeNull();
  });

  it('names what is wrong', () => {
    const floats = network(FloatField, { layers: [{ weights: [[1]], activation: relu(FloatField) }, { weights: [[1]] }] });
    expect(oneHiddenLayerShapeReason(floats as never)).toBe('the network is not over the rationals');
    expect(oneHiddenLayerShapeReason(network(F, { layers: [hidden, hidden, { weights: [row(1)] }] }))).toBe('the network has 2 hidden layers, not one');
    expect(oneHiddenLayerShapeReason(network(F, { layers: [hidden, { weights: [row(1)] }], expUnits: [{ a: q(1), w: row(1), b: q(0) }] }))).toBe(
      'the network has an exponential head',
    );
    expect(oneHiddenLayerShapeReason(network(F, { layers: [hidden, { weights: [row(1), row(2)] }] }))).toBe('the output has 2 coordinates, not one');
  });

  it('rejects every output activation other than the identity: ReLU, slope 2, and x + 1', () => {
    const withOutput = (activation: Activation<Rational>) => oneHiddenLayerShapeReason(network(F, { layers: [hidden, { weights: [row(1)], activation }] }));
    expect(withOutput(relu(F))).toBe('the output activation is not the identity');
    expect(withOutput(linear(F, q(2)))).toBe('the output activation is not the identity');
    expect(withOutput(piecewiseLinear(F, { breakpoints: [], slopes: [q(1)], valueAtZero: q(1) }))).toBe('the output activation is not the identity');
  });

  it('oneHiddenLayerPoint refuses such a network with the reason', () => {
    expect(() => oneHiddenLayerPoint(network(F, { layers: [hidden, hidden, { weights: [row(1)] }] }))).toThrow(
      /not a one-hidden-layer network: the network has 2 hidden layers, not one/,
    );
  });
});

describe('homogeneousSlopes', () => {
  it('a linear activation s·x has s− = s+ = s; an affine one is not homogeneous', () => {
    const s = homogeneousSlopes(linear(F, q(2)));
    expect(s && [s.sMinus.toString(), s.sPlus.toString()]).toEqual(['2', '2']);
    expect(homogeneousSlopes(piecewiseLinear(F, { breakpoints: [], slopes: [q(1)], valueAtZero: q(1) }))).toBeNull();
  });
});

describe('reparametrisationReason', () => {
  const net = network(F, { layers: [hidden, { weights: [row(1)] }] });

  it('accepts the squared error without a penalty', () => {
    expect(reparametrisationReason(net, squaredError('mean'))).toBeNull();
  });

  it('rejects another loss, a penalty, and a hidden activation with its kink away from 0', () => {
    expect(reparametrisationReason(net, softmaxCrossEntropy('mean'))).toBe('the loss is softmax cross-entropy, not the squared error');
    expect(reparametrisationReason(net, squaredError('mean'), true)).toBe('a weight penalty is not a function of the reparametrised coordinates');
    const shifted = network(F, { layers: [{ weights: [row(1)], activation: piecewiseLinear(F, { breakpoints: [q(1)], slopes: [q(0), q(1)] }) }, { weights: [row(1)] }] });
    expect(reparametrisationReason(shifted, squaredError('mean'))).toMatch(/the hidden activation is not of the form/);
  });
});
