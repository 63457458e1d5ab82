import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { piecewiseLinear, relu, twoPiece } from '../../../src/network/activation.ts';
import { embedAtKink, mirrorHiddenLayers } from '../../../src/network/he-embedding.ts';
import { kinkOf } from '../../../src/network/he-kink.ts';
import { ratNetwork } from '../../../src/network/network.ts';
import { referenceOutput } from './reference.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const inputs = [[q(0)], [q(1)], [q(-1)]];
const outputs = (net: ReturnType<typeof ratNetwork>): string[] => inputs.map((x) => referenceOutput(net, x)[0]!.toString());

// h with turning point t = 0 (s− = −1, s+ = 2, σ = 1) and h(0) = 1/2.
const h = piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(-1), q(2), q(0)], valueAtZero: q(1, 2) });
const kink = kinkOf(h, 0);

describe('he: embedding at a turning point', () => {
  it('a prototype without biases keeps its outputs (the translation supplies t and h(t))', () => {
    const proto = ratNetwork({
      layers: [
        { weights: [[1], [-2]], activation: twoPiece(F, kink.sMinus, kink.sPlus) },
        { weights: [[3, -1]] },
      ],
    });
    // |pre-activations| ≤ 2 on these inputs; the scale 1/4 keeps them in (−σ, σ) = (−1, 1).
    const embedded = embedAtKink(proto, h, kink, [q(1, 4)]);
    expect(outputs(embedded)).toEqual(outputs(proto));
    expect(embedded.layers[0]!.activation).toBe(h);
  });

  it('needs one positive scale per hidden layer', () => {
    const proto = ratNetwork({ layers: [{ weights: [[1]], bias: [0], activation: twoPiece(F, kink.sMinus, kink.sPlus) }, { weights: [[1]], bias: [0] }] });
    expect(() => embedAtKink(proto, h, kink, [q(1), q(1)])).toThrow(/^embedAtKink: 2 scale\(s\) for 1 hidden layer\(s\)$/);
    expect(() => embedAtKink(proto, h, kink, [q(0)])).toThrow(/^embedAtKink: scale ρ_1 = 0 must be positive$/);
    expect(() => embedAtKink(proto, h, kink, [q(-1, 2)])).toThrow(/^embedAtKink: scale ρ_1 = -1\/2 must be positive$/);
  });
});

describe('he: undoing a mirrored build', () => {
  it('negates the hidden layers and gives them the activation asked for, leaving the output layer', () => {
    const net = ratNetwork({ layers: [{ weights: [[1], [-2]], bias: [1, 1], activation: relu(F) }, { weights: [[3, -1]], bias: [1] }] });
    const leaky = twoPiece(F, q(1, 2), q(1));
    const byHand = ratNetwork({ layers: [{ weights: [[-1], [2]], bias: [-1, -1], activation: leaky }, { weights: [[3, -1]], bias: [1] }] });
    // x = 1: pre-activations (−2, 1) → leaky (−1, 1) → 3(−1) − 1 + 1 = −3.
    expect(outputs(mirrorHiddenLayers(net, leaky))).toEqual(outputs(byHand));
    expect(outputs(byHand)[1]).toBe('-3');
  });
});
