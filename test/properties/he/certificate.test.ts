import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { twoPiece } from '../../../src/network/activation.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { certifyLinearRegimeMinimum } from '../../../src/network/he-certificate.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { network } from '../../../src/network/network.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const relu = twoPiece(F, q(0), q(1));

// x = 0, 1, 2 with labels 0, 1, 1: the least-squares line is x/2 + 1/6, with risk 1/18.
const data = ratData([[0], [1], [2]], [0, 1, 1]);

/** Unit 1 computes x/2 + 7/6 > 0 (active on every sample); the output is unit 1 − 1 = x/2 + 1/6. */
const withSecondUnit = (w: Rational, b: Rational) =>
  network(F, {
    layers: [
      { weights: [[q(1, 2)], [w]], bias: [q(7, 6), b], activation: relu },
      { weights: [[q(1), q(0)]], bias: [q(-1)] },
    ],
  });

describe('he: the certificate of a linear-regime minimum', () => {
  it('lists the piece of every unit, hidden and output', () => {
    // Unit 2 computes the constant 1 > 0: both ReLU units are in piece 1; the identity output has one piece.
    const c = certifyLinearRegimeMinimum(withSecondUnit(q(0), q(1)), data, loss);
    expect(c.certified).toBe(true);
    if (!c.certified) return;
    expect(c.pieces).toEqual([[1, 1], [0]]);
    expect(c.risk.toString()).toBe('1/18');
    // An inactive second unit (constant −1) is in piece 0.
    const inactive = certifyLinearRegimeMinimum(withSecondUnit(q(0), q(-1)), data, loss);
    expect(inactive.certified && inactive.pieces).toEqual([[1, 0], [0]]);
  });

  it('refuses a unit sitting on its turning point for every sample, though the outputs are unchanged', () => {
    // Unit 2 computes 0 for every x: on the breakpoint from sample 0 on, read out with weight 0.
    const c = certifyLinearRegimeMinimum(withSecondUnit(q(0), q(0)), data, loss);
    expect(c).toEqual({ certified: false, reason: 'unit 2 of layer 1 is on a breakpoint for sample 0' });
  });

  it('refuses a unit that sees the samples in different pieces, and names the pieces', () => {
    // Unit 2 computes x − 1/2: −1/2, 1/2, 3/2, i.e. pieces 0, 1, 1.
    const c = certifyLinearRegimeMinimum(withSecondUnit(q(1), q(-1, 2)), data, loss);
    expect(c).toEqual({ certified: false, reason: 'unit 2 of layer 1 sees the samples in different pieces (0, 1, 1)' });
  });
});
