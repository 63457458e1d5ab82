import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { designMatrix, regionActivations } from '../../src/landscape/design-matrix.ts';

const r = (...xs: (number | string)[]): Rational[] => xs.map((x) => Rational.from(x));
const str = (rows: readonly (readonly Rational[])[]): string[][] => rows.map((row) => row.map(String));

describe('regionActivations', () => {
  it('uses s+ for sign +1 and s− for −1 and for 0 (a pre-activation at the kink counts as inactive)', () => {
    // One unit, three samples: signs +1, 0, −1.
    expect(str(regionActivations([[1, 0, -1]]))).toEqual([['1'], ['0'], ['0']]);
    expect(str(regionActivations([[1, 0, -1]], { sMinus: Rational.from('1/2'), sPlus: Rational.from(2) }))).toEqual([['2'], ['1/2'], ['1/2']]);
  });

  it('has one row per sample, none for an empty region, and needs as many signs per unit', () => {
    expect(regionActivations([])).toEqual([]);
    expect(() => regionActivations([[1, -1], [1]])).toThrow(/region unit 1 has 1 signs, expected 2/);
  });
});

describe('designMatrix', () => {
  it('row i is [a_i1 x̃_i, …, a_iK x̃_i, 1]', () => {
    // x̃ = (x, 1) with a hidden bias: row 0 = [1·(2, 1), 0·(2, 1), 1], row 1 = [0·(3, 1), 1·(3, 1), 1].
    const A = designMatrix([r(2), r(3)], [r(1, 0), r(0, 1)], { bias: true, outputBias: true });
    expect(str(A.toArrays())).toEqual([
      ['2', '1', '0', '0', '1'],
      ['0', '0', '3', '1', '1'],
    ]);
  });

  it('no samples: no rows, and only the output-bias column', () => {
    const A = designMatrix([], [], { bias: true, outputBias: true });
    expect([A.rows, A.cols]).toEqual([0, 1]);
  });

  it('needs K activations on every sample', () => {
    expect(() => designMatrix([r(2), r(3)], [r(1, 0), r(1)], { bias: false, outputBias: false })).toThrow(/activations\[1\] has 1 entries, expected 2/);
  });
});
