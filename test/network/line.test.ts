import { describe, expect, it } from 'vitest';
import { q, type Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { lossAlongLine, outputsAlongLine, penaltyAlongLine } from '../../src/network/line.ts';
import { squaredError } from '../../src/network/loss.ts';
import { ratNetwork } from '../../src/network/network.ts';

const F = RationalField;

// f(x) = 3·relu(2x + 1): parameters W1[0,0] = 2, b1[0] = 1, W2[0,0] = 3.
const net = ratNetwork({ layers: [{ weights: [[2]], bias: [1], activation: relu(F) }, { weights: [[3]] }] });
const data = ratData([[1]], [0]);
const X = [q(1), q(0), q(0)];

/** The coefficients up to the last non-zero one (the expansion may carry zero higher terms). */
const coefficients = (p: readonly Rational[]): string[] => {
  let n = p.length;
  while (n > 0 && p[n - 1]!.isZero()) n--;
  return p.slice(0, n).map(String);
};

describe('the loss along a line', () => {
  it('is 9(3 + t)² for f = 3·relu((2 + t)x + 1) at x = 1, y = 0 (sum of squares)', () => {
    expect(coefficients(lossAlongLine(net, data, squaredError('sum'), X))).toEqual(['81', '54', '9']);
  });

  it('adds λ Σ_{k∈S} (θ_k + tX_k)² for a weight penalty', () => {
    // ½((2 + t)² + 3²) = 13/2 + 2t + t²/2 on top of 81 + 54t + 9t².
    const poly = lossAlongLine(net, data, squaredError('sum'), X, { penalty: { lambda: q(1, 2), parameters: [0, 2] } });
    expect(coefficients(poly)).toEqual(['175/2', '56', '19/2']);
  });

  it('refuses a direction of the wrong length and a network with an exponential unit', () => {
    expect(() => lossAlongLine(net, data, squaredError('sum'), [q(1)])).toThrow(/^direction has 1 entries, the network has 3 parameters$/);
    const withExp = ratNetwork({ layers: [{ weights: [[2]], bias: [1], activation: relu(F) }, { weights: [[3]] }], expUnits: [{ a: 1, w: [0], b: 0 }] });
    expect(() => lossAlongLine(withExp, data, squaredError('sum'), [...X, q(0), q(0), q(0)])).toThrow(
      /^lossAlongLine: the exponential unit is not polynomial in its parameters$/,
    );
  });
});

describe('the outputs and the penalty along a line', () => {
  it('f = 3·relu((2 + t)x + 1) is 9 + 3t at x = 1 and 3 + 0t at x = 0, one polynomial per sample and output', () => {
    const outputs = outputsAlongLine(net, ratData([[1], [0]], [0, 0]), X);
    expect(outputs.map((perSample) => perSample.map(coefficients))).toEqual([[['9', '3']], [['3']]]);
  });

  it('is λ(θ_k + tX_k)² summed over the penalised parameters, nothing without a penalty', () => {
    expect(coefficients(penaltyAlongLine(net, X, { lambda: q(2), parameters: [0] }))).toEqual(['8', '8', '2']);
    expect(penaltyAlongLine(net, X, undefined)).toEqual([]);
  });

  it('names itself when refusing an exponential unit', () => {
    const withExp = ratNetwork({ layers: [{ weights: [[2]], bias: [1], activation: relu(F) }, { weights: [[3]] }], expUnits: [{ a: 1, w: [0], b: 0 }] });
    expect(() => outputsAlongLine(withExp, data, [...X, q(0), q(0), q(0)])).toThrow(/^outputsAlongLine: the exponential unit is not polynomial in its parameters$/);
  });
});
