import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { ratData } from '../../../src/network/dataset.ts';
import sec31 from '../../../properties/decomposition/sec-3.1.ts';
import sec32 from '../../../properties/decomposition/sec-3.2.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const propertyCheck = (claim: typeof sec31, name: RegExp) => {
  const found = claim.checks.find((c) => name.test(c.name));
  if (!found || found.kind !== 'property') throw new Error(`no check ${String(name)}`);
  return found;
};

/** f(x) = Σ_j v_j max(w_j x + b_j, 0) + c on scalar inputs, and ½Σ(f − y)², written out by hand. */
function handLoss(xs: readonly Rational[], ys: readonly Rational[], p: { w: Rational[]; b: Rational[]; v: Rational[]; c: Rational }): Rational {
  return xs.reduce((s, x, i) => {
    const f = p.w.reduce((acc, w, j) => acc.add(p.v[j]!.mul(w.mul(x).add(p.b[j]!).max(Rational.ZERO))), p.c);
    const r = f.sub(ys[i]!);
    return s.add(r.mul(r).div(q(2)));
  }, Rational.ZERO);
}

describe('decomposition §3.1 on a hand-made instance', () => {
  it('x = 0, 1, 2 with y = 0, 1, 0: the fit is the constant 1/3, the loss 1/3, and the check passes', () => {
    const data = ratData([[0], [1], [2]], [0, 1, 0]);
    // By hand: the least-squares line through (0,0), (1,1), (2,0) is y = 1/3, loss ½(1/9 + 4/9 + 1/9) = 1/3.
    // Eq. (5) with w = 1: b = −min(0, 1, 2) + 1 = 1; vw = u = 0 gives v = 0 and c = 1/3.
    expect(handLoss([q(0), q(1), q(2)], [q(0), q(1), q(0)], { w: [q(1)], b: [q(1)], v: [q(0)], c: q(1, 3) }).equals(q(1, 3))).toBe(true);
    const check = propertyCheck(sec31, /eq\. \(5\)/);
    expect(check.evaluate({ data, weights: [[q(1)]] }).status).toBe('pass');
    expect(check.evaluate({ data, weights: [[q(2)], [q(-1)]] }).status).toBe('pass');
    // W = 0 cannot produce u ≠ 0 for data with a slope: the instance is outside the hypotheses.
    expect(check.evaluate({ data: ratData([[0], [1]], [0, 1]), weights: [[q(0)]] }).status).toBe('discard');
  });
});

describe('decomposition §3.2: the bias −max_i wᵀx_i as written', () => {
  // The stored refutation: x = −4, 0, −2/3, y = 0, 0, −2/3; the linear-region point (w = 1, b = 5) and a new
  // unit w = 1, v = 0 with b = −max_i x_i = 0, which sits on its kink at x = 0.
  const xs = [q(-4), q(0), q(-2, 3)];
  const ys = [q(0), q(0), q(-2, 3)];
  const exact = { inputs: xs.map((x) => [x]), targets: ys.map((y) => [y]) };
  const instance = { data: exact, units: 1, fromRegion: false, region: [[1, 1, 1]], weight: [q(1)], outgoing: q(0), margin: q(0) };

  it('is refuted by the check, and the descent is confirmed by hand', () => {
    const outcome = propertyCheck(sec32, /as written/).evaluate(instance);
    expect(outcome.status).toBe('fail');
    // By hand: the least-squares line through the three points is u = −2/31, d = −10/31 (normal equations).
    const u = q(-2, 31);
    const d = q(-10, 31);
    const normal = [xs.reduce((s, x, i) => s.add(u.mul(x).add(d).sub(ys[i]!).mul(x)), Rational.ZERO), xs.reduce((s, x, i) => s.add(u.mul(x).add(d).sub(ys[i]!)), Rational.ZERO)];
    expect(normal.every((g) => g.isZero())).toBe(true);
    // Units: (w, b, v) = (1, 5, −2/31) and the new (1, 0, 0); c = d − v·b = 0. Loss 4/31.
    const at = (t: Rational) => handLoss(xs, ys, { w: [q(1), q(1).add(t.mul(q(3)))], b: [q(5), t.mul(q(2))], v: [u, t], c: q(0) });
    expect(at(q(0)).equals(q(4, 31))).toBe(true);
    // Along (δw, δb, δv) = (3, 2, 1) of the new unit only x = 0 switches on, with output 2t², so
    // L(t) − L(0) = (−10/31)·2t² + ½(2t²)² = −20/31·t² + 2t⁴ < 0 for 0 < t² < 10/31.
    for (const t of [q(1, 2), q(1, 4), q(1, 100)]) {
      const predicted = q(-20, 31).mul(t.pow(2)).add(q(2).mul(t.pow(4)));
      expect(at(t).sub(q(4, 31)).equals(predicted)).toBe(true);
      expect(at(t).lt(q(4, 31))).toBe(true);
    }
  });

  it('the same unit strictly dead (margin 1) keeps the local minimum', () => {
    expect(propertyCheck(sec32, /strictly dead/).evaluate({ ...instance, margin: q(1) }).status).toBe('pass');
  });

  it('as written but with v·r > 0 at the kink sample the point stays a local minimum', () => {
    // r(0) = f(0) − y = −10/31 < 0, so v = −1 makes switching the unit on raise the loss at first order.
    expect(propertyCheck(sec32, /as written/).evaluate({ ...instance, outgoing: q(-1) }).status).toBe('pass');
  });
});
