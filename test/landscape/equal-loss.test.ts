import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { piecewiseLinear, relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { empiricalRisk, squaredError } from '../../src/network/loss.ts';
import { ratNetwork } from '../../src/network/network.ts';
import { flattenParameters, parameterIndex, unflattenParameters } from '../../src/network/parameters.ts';
import { rescalingCurve } from '../../src/landscape/equal-loss.ts';

const F = RationalField;
const loss = squaredError('mean');
const alphas = [4, 8, 12].map((k) => Rational.ONE.add(Rational.of(1n, 1n << BigInt(k))));
const str = (points: readonly (readonly Rational[])[]): string[][] => points.map((p) => p.map(String));

describe('rescalingCurve: the positive-homogeneity curve of a hidden unit', () => {
  it('scales exactly the unit’s incoming weights and bias by α and its outgoing weight by 1/α', () => {
    const net = ratNetwork({ layers: [{ weights: [[2], [3]], bias: [1, -1], activation: relu(F) }, { weights: [[5, 7]], bias: [4] }] });
    const data = ratData([[1], [-1]], [0, 2]);
    const curve = rescalingCurve(net, data, loss);
    expect(curve?.layer).toBe(0);
    expect(curve?.unit).toBe(0);
    expect(curve?.description).toMatch(/^unit 0 of hidden layer 1:/);
    // Built by name: W1[0,0] and b1[0] times α, W2[0,0] over α, everything else unchanged.
    const theta = flattenParameters(net);
    const expected = alphas.map((a) => {
      const p = [...theta];
      for (const name of ['W1[0,0]', 'b1[0]']) p[parameterIndex(net, name)] = p[parameterIndex(net, name)]!.mul(a);
      p[parameterIndex(net, 'W2[0,0]')] = p[parameterIndex(net, 'W2[0,0]')]!.div(a);
      return p;
    });
    expect(str(curve!.points)).toEqual(str(expected));
    // The network function, hence the loss, is unchanged along the curve.
    for (const p of curve!.points) expect(empiricalRisk(unflattenParameters(net, p), data, loss).equals(empiricalRisk(net, data, loss))).toBe(true);
  });

  it('skips a unit whose parameters are all zero, but not one with a single zero weight', () => {
    const zeroFirst = ratNetwork({ layers: [{ weights: [[0], [3]], bias: [0, 1], activation: relu(F) }, { weights: [[0, 2]] }] });
    const curve = rescalingCurve(zeroFirst, ratData([[1]], [0]), loss);
    expect([curve?.layer, curve?.unit]).toEqual([0, 1]);
    const oneZero = ratNetwork({ layers: [{ weights: [[0], [3]], bias: [1, 1], activation: relu(F) }, { weights: [[2, 2]] }] });
    expect(rescalingCurve(oneZero, ratData([[1]], [0]), loss)?.unit).toBe(0);
  });

  it('is null when no hidden unit gives a curve; the output layer is not a hidden layer', () => {
    // The hidden unit is all zero; the ReLU output is inactive (−1 < 0), so scaling its bias would keep the loss.
    const net = ratNetwork({ layers: [{ weights: [[0]], bias: [0], activation: relu(F) }, { weights: [[0]], bias: [-1], activation: relu(F) }] });
    expect(rescalingCurve(net, ratData([[1], [2]], [1, 0]), loss)).toBe(null);
  });

  it('is null for a hidden activation that is not positively homogeneous, even where it is flat', () => {
    // Clamp: 0 on z ≤ 0, z on [0, 1], 1 on z ≥ 1. Here z = −1, so scaling would keep the loss, but h(αz) ≠ αh(z) in general.
    const clamp = piecewiseLinear(F, { breakpoints: [Rational.ZERO, Rational.ONE], slopes: [Rational.ZERO, Rational.ONE, Rational.ZERO] });
    const net = ratNetwork({ layers: [{ weights: [[1]], bias: [0], activation: clamp }, { weights: [[1]] }] });
    expect(rescalingCurve(net, ratData([[-1]], [1]), loss)).toBe(null);
  });

  it('declines a network with an exponential head', () => {
    const net = ratNetwork({ layers: [{ weights: [[1]], activation: relu(F) }, { weights: [[1]] }], expUnits: [{ a: 1, w: [1], b: 0 }] });
    expect(rescalingCurve(net, ratData([[1]], [0]), loss)).toBe(null);
  });

  it('includes the penalty in the loss it compares', () => {
    const net = ratNetwork({ layers: [{ weights: [[2]], bias: [1], activation: relu(F) }, { weights: [[3]], bias: [1] }] });
    const data = ratData([[1]], [0]);
    // A penalty on the output bias alone does not change along the curve.
    const onBias = { lambda: Rational.ONE, parameters: [parameterIndex(net, 'b2[0]')] };
    expect(rescalingCurve(net, data, loss, onBias)?.unit).toBe(0);
    // Weight decay on w, v: w²α² + v²/α² = w² + v² only at α = v/w. With w = 16, v = 17 that is the first α = 17/16 alone.
    const decay = ratNetwork({ layers: [{ weights: [[16]], activation: relu(F) }, { weights: [[17]] }] });
    expect(rescalingCurve(decay, data, loss, { lambda: Rational.ONE })).toBe(null);
    // Without the penalty the same point has a curve.
    expect(rescalingCurve(decay, data, loss)?.unit).toBe(0);
  });
});
