import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { twoPiece } from '../../../src/network/activation.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { cellNetwork } from '../../../src/network/he-cell.ts';
import { cellCriticalPoint, cellSigns, classifyCellPoint } from '../../../src/network/he-cell-critical.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { referenceRisk } from './reference.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);
const signs = (rows: readonly (readonly Rational[])[], inputs: readonly (readonly Rational[])[]): string =>
  rows.map((w) => inputs.map((x) => dot(w, x).sign()).join()).join('|');

// h = h_{0,−3/2}; x = (0, 2), (0, 1), (−1, 2); y = 0, −1, 2. Unit 1 (row (−1, −1)) is negative on every
// sample, so it outputs 0 whatever W_2; unit 2 (row (3, 2)) is positive on all, with z = 4, 2, 1 and
// W_2 = 0. So f = 0, r = f − y = (0, 1, −2), R = 5/3, and g_2 = (2/3)Σ r_i(−3/2)x_i = (−2, 3) ⟂ (3, 2).
const act = twoPiece(F, q(0), q(-3, 2));
const data = ratData([[0, 2], [0, 1], [-1, 2]], [0, -1, 2]);
const g2 = [q(-2), q(3)];
const saddleAt = (scale: Rational) => cellNetwork([[q(-1), q(-1)], [q(3).mul(scale), q(2).mul(scale)]], [q(1), q(0)], act);

/** t² coefficient of R along δW_12 = −κg_2, δW_22 = 1: (1/n)Σ(s W_12·x_i)² − κ‖g_2‖² (first order 0). */
const curvature = (row: readonly Rational[], kappa: Rational): Rational => {
  const a = data.inputs.map((x) => q(-3, 2).mul(dot(row, x)));
  return dot(a, a).div(q(3)).sub(kappa.mul(dot(g2, g2)));
};

describe('he: classifying a point of a cell', () => {
  it('a saddle along the second unit: the first κ = 2^k with negative curvature, and a lower risk inside the cell', () => {
    const net = saddleAt(q(1));
    expect(referenceRisk(net, data.inputs, data.targets).toString()).toBe('5/3');
    const c = classifyCellPoint(net, data, loss);
    expect(c.kind).toBe('saddle');
    if (c.kind !== 'saddle') return;
    // Curvature 63/4 − 13κ: positive at κ = 1, negative at κ = 2.
    expect(curvature([q(3), q(2)], q(1)).sign()).toBe(1);
    expect(c.unit).toBe(1);
    expect(c.direction.map(String)).toEqual(['0', '0', '4', '-6', '0', '1']);
    expect(c.firstOrder.isZero()).toBe(true);
    expect(c.secondOrder.toString()).toBe(curvature([q(3), q(2)], q(2)).toString());
    const moved = cellNetwork(
      [[q(-1), q(-1)], [q(3).add(c.step.mul(q(4))), q(2).sub(c.step.mul(q(6)))]],
      [q(1), c.step],
      act,
    );
    expect(signs(moved.layers[0]!.weights, data.inputs)).toBe(signs(net.layers[0]!.weights, data.inputs));
    expect(c.riskAfter.toString()).toBe(referenceRisk(moved, data.inputs, data.targets).toString());
    expect(c.riskAfter.lt(q(5, 3))).toBe(true);
  });

  it('gives up after κ = 2^39 when the curvature stays positive (the unit row scaled up)', () => {
    // Scaling row 2 by λ keeps the cell, g_2 and criticality, and multiplies (1/n)Σ(s W_12·x_i)² by λ².
    const limit = q(2).pow(39);
    const scales = Array.from({ length: 40 }, (_, m) => [q(1), q(4, 3), q(3, 2)].map((r) => r.mul(q(2).pow(m)))).flat();
    const scale = scales.find((s) => {
      const row = [q(3).mul(s), q(2).mul(s)];
      return curvature(row, limit).sign() > 0 && curvature(row, limit.mul(q(2))).sign() < 0;
    })!;
    const c = classifyCellPoint(saddleAt(scale), data, loss);
    expect(c).toEqual({ kind: 'undecided', reason: 'no descent found along unit 2' });
  });

  it('a point with a non-zero gradient is not critical', () => {
    // f = relu(x) at x = 1, y = 0: R = 1, ∂R/∂W_1 = 2·1·W_2·x = 2, ∂R/∂W_2 = 2·1·relu(1) = 2.
    const net = cellNetwork([[q(1)]], [q(1)], twoPiece(F, q(0), q(1)));
    const c = classifyCellPoint(net, ratData([[1]], [0]), loss);
    expect(c.kind).toBe('not-critical');
    if (c.kind === 'not-critical') expect(c.gradient.map(String)).toEqual(['2', '2']);
    // W_2 = 0, y = 1: f = 0, ∂R/∂W_1 = 2·(−1)·0·x = 0 but ∂R/∂W_2 = 2·(−1)·relu(1) = −2.
    const flat = classifyCellPoint(cellNetwork([[q(1)]], [q(0)], twoPiece(F, q(0), q(1))), ratData([[1]], [1]), loss);
    expect(flat.kind).toBe('not-critical');
    if (flat.kind === 'not-critical') expect(flat.gradient.map(String)).toEqual(['0', '-2']);
  });

  it('every unit dead: W_2 = 0 and each row in its cone orthogonal to g_j = −(2/n)Σ y_i s_ji x_i', () => {
    const W1 = [[q(-1), q(-1)], [q(3), q(2)]];
    const net = cellCriticalPoint(data, act, W1, { alive: [false, false], signs: [1, 1] }, loss);
    expect(net).not.toBeNull();
    expect(net!.layers[1]!.weights[0]!.map(String)).toEqual(['0', '0']);
    expect(signs(net!.layers[0]!.weights, data.inputs)).toBe(signs(W1, data.inputs));
    // Unit 2: g = −(2/3)(−3/2)Σ y_i x_i = Σ y_i x_i = (−2, 3); unit 1 has slope 0, so g_1 = 0.
    expect(dot(net!.layers[0]!.weights[1]!, g2).isZero()).toBe(true);
    expect(classifyCellPoint(net!, data, loss).kind).not.toBe('not-critical');
  });

  it('names the unit and the sample of a zero pre-activation', () => {
    const onEdge = cellNetwork([[q(1), q(0)], [q(1), q(-1)]], [q(1), q(1)], act);
    expect(() => cellSigns(onEdge, ratData([[1, 0], [1, 1]], [0, 0]))).toThrow(/^not inside a cell: unit 2 has a zero pre-activation at sample 1$/);
  });
});
