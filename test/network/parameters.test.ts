import { describe, expect, it } from 'vitest';
import { ratNetwork } from '../../src/network/network.ts';
import { parameterCount, parameterIndex, parameterNames, validateSelection } from '../../src/network/parameters.ts';

// W1 (1×2), b1, then one exp unit on the scalar output: a, w (2 entries), b — 3 + 4 = 7 parameters.
const net = ratNetwork({ layers: [{ weights: [[1, 2]], bias: [3] }], expUnits: [{ a: 4, w: [5, 6], b: 7 }] });

describe('parameters', () => {
  it('exp units come after the layers as a, w row, b, with their names', () => {
    expect(parameterNames(net)).toEqual(['W1[0,0]', 'W1[0,1]', 'b1[0]', 'exp.a[0]', 'exp.w[0,0]', 'exp.w[0,1]', 'exp.b[0]']);
    expect(parameterCount(net)).toBe(7);
    expect(parameterIndex(net, 'exp.w[0,1]')).toBe(5);
  });

  it('an unknown name is refused with the list of names', () => {
    const small = ratNetwork({ layers: [{ weights: [[1]], bias: [0] }] });
    expect(() => parameterIndex(small, 'W9[0,0]')).toThrow('no parameter named "W9[0,0]"; the network has W1[0,0], b1[0]');
  });

  it('a selection holds distinct integer indices in 0..n−1', () => {
    expect(() => validateSelection(net, [0, 6])).not.toThrow();
    expect(() => validateSelection(net, [])).not.toThrow();
    expect(() => validateSelection(net, [7])).toThrow('parameter index 7 outside 0..6');
    expect(() => validateSelection(net, [-1])).toThrow('parameter index -1 outside 0..6');
    expect(() => validateSelection(net, [1.5])).toThrow('parameter index 1.5 outside 0..6');
    expect(() => validateSelection(net, [2, 2])).toThrow('parameter index 2 selected twice');
  });
});
