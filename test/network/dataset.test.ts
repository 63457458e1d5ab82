import { describe, expect, it } from 'vitest';
import { q } from '../../src/numbers/rational.ts';
import { datasetSize, ratData } from '../../src/network/dataset.ts';

describe('datasets', () => {
  it('ratData reads numbers and strings, scalar targets as vectors of length 1', () => {
    const data = ratData([[1, '1/2'], [-3, 0]], [2, ['-1/3']]);
    expect(data.inputs.map((x) => x.map(String))).toEqual([['1', '1/2'], ['-3', '0']]);
    expect(data.targets.map((y) => y.map(String))).toEqual([['2'], ['-1/3']]);
    expect(() => ratData([[1], [2]], [1])).toThrow('dataset has 2 inputs but 1 targets');
  });

  it('datasetSize gives N, the input and the target dimension (0 for an empty dataset)', () => {
    expect(datasetSize(ratData([[1, 2, 3], [4, 5, 6]], [[1, 0], [0, 1]]))).toEqual({ n: 2, d: 3, dY: 2 });
    expect(datasetSize({ inputs: [], targets: [] })).toEqual({ n: 0, d: 0, dY: 0 });
    expect(datasetSize({ inputs: [[q(1)]], targets: [[q(1)]] })).toEqual({ n: 1, d: 1, dY: 1 });
  });
});
