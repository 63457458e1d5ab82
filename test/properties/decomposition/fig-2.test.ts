import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { runReproductionCheck } from '../../../src/claims/reproduction-runner.ts';
import fig2, { lineStatus } from '../../../properties/decomposition/fig-2.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const relu = (z: Rational): Rational => z.max(Rational.ZERO);

/** Fig. 2 written out: ½[(w2σ(−2w1) + 3)² + (w2σ(2w1) + 1)²]. */
const L = (w1: Rational, w2: Rational): Rational =>
  w2.mul(relu(w1.mul(q(-2)))).add(q(3)).pow(2).add(w2.mul(relu(w1.mul(q(2)))).add(q(1)).pow(2)).div(q(2));

const data = ratData([[-2], [2]], [-3, -1]);
const W2 = [q(-2), q(-1, 2), q(0), q(1, 2), q(1), q(3)];

describe('decomposition Fig. 2 by hand', () => {
  it('one-sided derivatives along ±w1 at (0, w2) are 2·w2 and 6·w2 (exact difference quotients)', async () => {
    for (const w2 of W2) {
      expect(L(q(0), w2).equals(q(5))).toBe(true);
      for (const h of [q(1, 10), q(1, 1000)]) {
        // (L(h, w2) − 5)/h = 2w2 + 2h·w2² and (L(−h, w2) − 5)/h = 6w2 + 2h·w2², so the limits are 2w2 and 6w2.
        expect(L(h, w2).sub(q(5)).div(h).equals(q(2).mul(w2).add(q(2).mul(h).mul(w2.pow(2))))).toBe(true);
        expect(L(h.neg(), w2).sub(q(5)).div(h).equals(q(6).mul(w2).add(q(2).mul(h).mul(w2.pow(2))))).toBe(true);
      }
    }
  });

  it('hence (0, w2) is a local minimum iff w2 > 0 and a local maximum iff w2 < 0; the module agrees', async () => {
    for (const w2 of W2) {
      const s = lineStatus(data, w2);
      expect(s.localMin).toBe(w2.sign() > 0);
      expect(s.localMax).toBe(w2.sign() < 0);
    }
  });

  it('brute force near the line: L − 5 keeps the sign the derivation predicts', async () => {
    const offsets = [q(1, 64), q(-1, 64), q(1, 1024), q(-1, 1024), q(0)];
    for (const w2 of W2) {
      const near = offsets.flatMap((a) => offsets.map((b) => L(a, w2.add(b)).sub(q(5))));
      if (w2.sign() > 0) expect(near.every((v) => v.sign() >= 0)).toBe(true);
      if (w2.sign() < 0) expect(near.every((v) => v.sign() <= 0)).toBe(true);
      // w2 = 0: both signs occur arbitrarily close (w2 slightly negative with w1 > 0 lowers the loss).
      if (w2.isZero()) expect(near.some((v) => v.sign() < 0) && near.some((v) => v.sign() > 0)).toBe(true);
    }
  });

  it('the reproduction matches the paper: minima on the line, exactly w2 > 0, non-strict', async () => {
    const reproduce = fig2.checks.find((c) => c.kind === 'reproduction');
    if (!reproduce || reproduce.kind !== 'reproduction') throw new Error('no reproduction');
    const result = await runReproductionCheck(reproduce);
    expect(result.verdict).toBe('reproduced');
    const minima = result.table!.find((r) => r.quantity === 'non-differentiable local minima');
    expect(minima?.computed).toMatch(/exactly the points \(0, w2\) with w2 > 0; non-strict/);
  });

  it('a data set with no sample on one side: that side never blocks a minimum', async () => {
    // x = 1, 2 with y = 1, 1: only w1 > 0 moves the fit; α+ = −Σ x y = −3, so w2 < 0 gives the minima.
    const one = ratData([[1], [2]], [1, 1]);
    expect(lineStatus(one, q(-1)).localMin).toBe(true);
    expect(lineStatus(one, q(1)).localMin).toBe(false);
    expect(lineStatus(one, q(0)).localMin).toBe(false);
  });
});
