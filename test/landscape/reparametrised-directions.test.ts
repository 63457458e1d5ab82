import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { squaredError } from '../../src/network/loss.ts';
import { ratNetwork, type Network } from '../../src/network/network.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';
import { oneHiddenLayerPoint, reparametrise } from '../../src/landscape/one-hidden-layer.ts';
import { lossOnRay } from '../../src/landscape/ray.ts';
import { reparametrisedDirections } from '../../src/landscape/reparametrised-directions.ts';
import { reparametrisedOptimality, type ReparametrisedFailure } from '../../src/landscape/reparametrised-optimality.ts';
import { realChangeAlong, str } from './support.ts';

const F = RationalField;
const vec = (...xs: (number | string)[]): Rational[] => xs.map((x) => Rational.from(x));
const strs = (vs: readonly (readonly Rational[])[]): string[][] => vs.map(str);
const loss = squaredError('half-sum');

/** A failure with the given R-space direction (the region does not enter the construction). */
const failure = (direction: Rational[], outputSigns: (1 | -1)[]): ReparametrisedFailure => ({ region: outputSigns.map(() => [1]), outputSigns, direction });

/** R(θ + tX), recomputed from the moved network. */
function movedR(net: Network<Rational>, X: readonly Rational[], t: Rational): Rational[] {
  const theta = flattenParameters(net).map((v, k) => v.add(t.mul(X[k]!)));
  return reparametrise(oneHiddenLayerPoint(unflattenParameters(net, theta)));
}

/**
 * The construction's promise, checked on the moved network: a block with z_j ≠ 0 moves to R_j + t d_j;
 * a block with z_j = 0 (and d_j ≠ 0) to t s_j w̃_j + t² λ d_j; the output bias to c + t d_c.
 */
function expectRMoves(net: Network<Rational>, f: ReparametrisedFailure, X: readonly Rational[], lambda: Rational): void {
  const point = oneHiddenLayerPoint(net);
  const R = reparametrise(point);
  const s = point.weights[0]!.length + (point.biases ? 1 : 0);
  for (const t of [Rational.of(1n, 3n), Rational.fromInt(2)]) {
    const moved = movedR(net, X, t);
    const expected = R.map((r, k) => {
      const j = Math.floor(k / s);
      const d = f.direction[k]!;
      if (j >= point.outputWeights.length || !point.outputWeights[j]!.isZero()) return r.add(t.mul(d));
      const block = f.direction.slice(j * s, (j + 1) * s);
      if (block.every((v) => v.isZero())) return r;
      const wTilde = point.biases ? [...point.weights[j]!, point.biases[j]!] : point.weights[j]!;
      return t.mul(Rational.fromInt(f.outputSigns[j]!)).mul(wTilde[k - j * s]!).add(t.mul(t).mul(lambda).mul(d));
    });
    expect(str(moved)).toEqual(str(expected));
  }
}

describe('reparametrisedDirections', () => {
  // Two units on R², hidden and output biases, v = (2, −1): every z_j ≠ 0, so one direction per failure.
  const full = ratNetwork({ layers: [{ weights: [[1, 2], [3, -1]], bias: [1, -2], activation: relu(F) }, { weights: [[2, -1]], bias: [1] }] });

  it('divides each block by its output weight and moves c by the last coordinate', () => {
    const f = failure(vec(2, 4, -6, 1, 0, 3, 5), [1, -1]);
    const out = [...reparametrisedDirections(full, [f])];
    // Flat order W₁ (row by row), b₁, v, c: unit 0 moves by (2, 4, −6)/2, unit 1 by (1, 0, 3)/(−1).
    expect(strs(out)).toEqual([['1', '2', '-1', '0', '-3', '-3', '0', '0', '5']]);
    expectRMoves(full, f, out[0]!, Rational.ONE);
  });

  it('moves a unit with z_j = 0 along its output sign, with the two scales λ = 1 and 16', () => {
    // No output bias; z = (0, 3). Unit 0 gets w̃ += λ·s₀·d₀ and v₀ += s₀ = −1; unit 1 gets w̃ += d₁/3.
    const half = ratNetwork({ layers: [{ weights: [[1, 1], [2, 0]], bias: [0, 1], activation: relu(F) }, { weights: [[0, 3]] }] });
    const f1 = failure(vec(1, -1, 2, 3, 6, 0), [-1, 1]);
    // Unit 0's block is zero: it is left alone, v₀ included.
    const f2 = failure(vec(0, 0, 0, 3, 0, 0), [1, 1]);
    const out = [...reparametrisedDirections(half, [f1, f2])];
    expect(strs(out)).toEqual([
      ['-1', '1', '1', '2', '-2', '0', '-1', '0'],
      ['-16', '16', '1', '2', '-32', '0', '-1', '0'],
      ['0', '0', '1', '0', '0', '0', '0', '0'],
      ['0', '0', '1', '0', '0', '0', '0', '0'],
    ]);
    expectRMoves(half, f1, out[0]!, Rational.ONE);
    expectRMoves(half, f1, out[1]!, Rational.fromInt(16));
    expectRMoves(half, f2, out[2]!, Rational.ONE);
  });

  it('handles a bias-free hidden layer', () => {
    // K = 2, d = 1, z = (1, 0): X = (w₀, w₁, v₀, v₁) = (2, −λ·3, 0, −1).
    const plain = ratNetwork({ layers: [{ weights: [[1], [2]], activation: relu(F) }, { weights: [[1, 0]] }] });
    const f = failure(vec(2, 3), [1, -1]);
    const out = [...reparametrisedDirections(plain, [f])];
    expect(strs(out)).toEqual([['2', '-3', '0', '-1'], ['2', '-48', '0', '-1']]);
    expectRMoves(plain, f, out[1]!, Rational.fromInt(16));
  });

  it('rejects a failure direction of the wrong length', () => {
    expect(() => [...reparametrisedDirections(full, [failure(vec(1, 2, 3, 4, 5, 6), [1, -1])])]).toThrow(/failure direction has the wrong length/);
  });

  it('turns the failures at a kink that is not a minimum into an exact descent ray', () => {
    // f(x) = v·relu(w x + b) on (x, y) = (1, 1). At (w, b, v) = (0, 0, 1) moving into the active side descends at
    // first order; at (0, 0, 0) the output weight must grow with the unit, f = O(t²): descent at order 2.
    const data = ratData([[1]], [1]);
    for (const [v, order] of [[1, 1], [0, 2]] as const) {
      const net = ratNetwork({ layers: [{ weights: [[0]], bias: [0], activation: relu(F) }, { weights: [[v]] }] });
      const opt = reparametrisedOptimality(net, data, loss);
      expect(opt.applicable && !opt.holds).toBe(true);
      if (!opt.applicable) continue;
      const rays = [...reparametrisedDirections(net, opt.failures)].map((X) => lossOnRay(net, data, loss, X));
      const descent = rays.find((r) => r.sign === -1);
      expect(descent?.order).toBe(order);
      expect(realChangeAlong(net, data, loss, descent!).sign()).toBe(-1);
    }
  });
});
