import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData } from '../../src/network/dataset.ts';
import { randomActivations, signAccuracy, subglobalFit } from '../../src/landscape/pattern-fit.ts';

const r = (...xs: (number | string)[]): Rational[] => xs.map((x) => Rational.from(x));
const str = (xs: readonly Rational[]): string[] => xs.map(String);

describe('subglobalFit: degenerate design matrices', () => {
  const data = ratData([[1], [2]], [1, 3]);

  it('no units and no output bias: A has no columns, the fit is 0', () => {
    expect(str(subglobalFit(data, [[], []], { bias: false, outputBias: false }))).toEqual(['0', '0']);
  });

  it('no units with an output bias: the best constant is the mean of y', () => {
    expect(str(subglobalFit(data, [[], []], { bias: false, outputBias: true }))).toEqual(['2', '2']);
  });

  it('no samples: no fitted values', () => {
    expect(subglobalFit({ inputs: [], targets: [] }, [], { bias: true, outputBias: true })).toEqual([]);
  });
});

describe('signAccuracy', () => {
  const data = ratData([[0], [0], [0], [0]], [1, -1, 1, 0]);

  it('counts a sample as right when the fitted value has the sign of its label; a fitted 0 is always wrong', () => {
    // Right: sample 0 (2 > 0, +1) and sample 1 (−1/2 < 0, −1); wrong: sample 2 (negative), sample 3 (a fitted 0, even for label 0).
    expect(signAccuracy(r(2, '-1/2', -1, 0), data).toString()).toBe('1/2');
  });

  it('needs one fitted value per sample', () => {
    expect(() => signAccuracy(r(1, 1, 1), data)).toThrow(/signAccuracy: 3 fitted values for 4 samples/);
  });
});

describe('randomActivations', () => {
  it('is 1 exactly when the uniform draw is below ½', () => {
    const sequence = (values: number[]): (() => number) => {
      let k = 0;
      return () => values[k++ % values.length]!;
    };
    expect(randomActivations(2, 2, sequence([0.25, 0.5, 0.75, 0])).map(str)).toEqual([
      ['1', '0'],
      ['0', '1'],
    ]);
  });
});
