import { describe, expect, it } from 'vitest';
import { classifyFixedActivationPoint, fixedActivationPattern } from '../../src/landscape/fixed-activation.ts';
import type { OneHiddenLayerPoint } from '../../src/landscape/one-hidden-layer.ts';
import { insidePiece } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { Rational } from '../../src/numbers/rational.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);

describe('fixedActivationPattern', () => {
  it('maps a_ij = 1 to the right ReLU piece, 0 to the left one, and the output to its single piece', () => {
    expect(fixedActivationPattern([[q(1), q(0)]])).toEqual([[[insidePiece(1), insidePiece(0)], [insidePiece(0)]]]);
  });

  it('rejects an activation value other than 0 and 1, naming it', () => {
    expect(() => fixedActivationPattern([[q(1), q(1, 2)]])).toThrow(/ReLU activation values are 0 or 1, got 1\/2/);
  });
});

describe('classifyFixedActivationPoint without biases', () => {
  // x = 1, 2, y = 1, 1, one unit active on both samples, f = v·w·x (no b, no c).
  const data = ratData([[1], [2]], [1, 1]);
  const active = [[q(1)], [q(1)]];
  const at = (w: number, v: number): OneHiddenLayerPoint => ({ weights: [[q(w)]], biases: null, outputWeights: [q(v)], outputBias: null });

  it('the minimum is the fit through the origin, not an affine fit', () => {
    // p = Σxy/Σx² = 3/5, residuals 2/5 and −1/5: ½(4/25 + 1/25) = 1/10 (an affine fit would reach 0).
    const k = classifyFixedActivationPoint(at(0, 0), data, active, 'half-sum');
    expect(k.minimum.equals(q(1, 10))).toBe(true);
    // At v = w = 0 the gradient vanishes, L = 1 > 1/10, and the (w, v) Hessian is [[0, −Σxy], [−Σxy, 0]].
    expect(k.gradient.every((g) => g.isZero())).toBe(true);
    expect(k.value.equals(q(1))).toBe(true);
    expect(k.kind).toBe('saddle');
  });

  it('a non-zero gradient entry makes the point not critical, even when other entries vanish', () => {
    // v = 0, w = 1: ∂L/∂w = v·Σ r_i x_i = 0, ∂L/∂v = Σ r_i w x_i = −(1 + 2) = −3 (r = −y).
    const k = classifyFixedActivationPoint(at(1, 0), data, active, 'half-sum');
    expect(k.gradient.map(String)).toEqual(['0', '-3']);
    expect(k.kind).toBe('not-critical');
    // v = w = 1: r = (0, 1), ∂L/∂w = ∂L/∂v = Σ r_i x_i = 2.
    const all = classifyFixedActivationPoint(at(1, 1), data, active, 'half-sum');
    expect(all.gradient.map(String)).toEqual(['2', '2']);
    expect(all.kind).toBe('not-critical');
  });
});
