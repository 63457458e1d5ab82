import { describe, expect, it } from 'vitest';
import { q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { twoPiece } from '../../src/network/activation.ts';
import { forward } from '../../src/network/forward.ts';
import { mirrorLayers } from '../../src/network/mirror.ts';
import { ratNetwork } from '../../src/network/network.ts';

const F = RationalField;
const net = ratNetwork({
  layers: [
    { weights: [[1, -2]], bias: [1], activation: twoPiece(F, q(1, 2), q(2)) },
    { weights: [[3]], bias: [-1] },
  ],
});

describe('mirrorLayers', () => {
  it('accepts every existing layer, the output layer included, and keeps the function', () => {
    const x = [q(1), q(2)];
    const y = forward(net, x).output.map(String);
    for (const layers of [[0], [1], [0, 1]]) expect(forward(mirrorLayers(net, layers), x).output.map(String)).toEqual(y);
    // The mirrored layer 2 has weight −3 and bias 1.
    expect(mirrorLayers(net, [1]).layers[1]!.weights[0]!.map(String)).toEqual(['-3']);
  });

  it('names a layer that does not exist', () => {
    expect(() => mirrorLayers(net, [2])).toThrow(/^layer 2 does not exist \(the network has 2\)$/);
    expect(() => mirrorLayers(net, [-1])).toThrow(/^layer -1 does not exist/);
    expect(() => mirrorLayers(net, [0.5])).toThrow(/^layer 0.5 does not exist/);
  });
});
