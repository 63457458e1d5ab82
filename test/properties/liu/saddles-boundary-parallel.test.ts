import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { oneHiddenLayerNetwork } from '../../../src/landscape/one-hidden-layer.ts';
import theorem2 from '../../../properties/liu/theorem-2.ts';
import theorem3 from '../../../properties/liu/theorem-3.ts';
import eq2024 from '../../../properties/liu/eq-20-24.ts';
import { nearbyLosses } from '../../landscape/support.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);
const check = (claim: typeof theorem3, name: RegExp) => {
  const found = claim.checks.find((c) => name.test(c.name));
  if (!found || found.kind !== 'property') throw new Error(`no check ${String(name)}`);
  return found;
};

describe('liu claims on hand-made instances', () => {
  // x = (0,1), (1,1), (−2,1), y = (4, −2, 2), one unit w = (−1, 1) on the kink of x2, z = 1:
  // e = (−3, 2, 1), Σ_{i≠2} e_i x_i = −2·x2, so (18) = −4 < 0 and (19) = −4 + 2·|x2|² = 0.
  const equality = {
    data: ratData([[0, 1], [1, 1], [-2, 1]], [4, -2, 2]),
    weights: [[q(-1), q(1)]],
    z: [q(1)],
    m: 0,
    n: 1,
    sides: [-1, 0] as const,
  };

  it('Theorem 3: with (19) at equality the point is still a local minimum (brute force), so the strict "only if" fails', () => {
    expect(check(theorem3, /at equality/).evaluate(equality).status).toBe('fail');
    const net = oneHiddenLayerNetwork({ weights: equality.weights, biases: null, outputWeights: equality.z, outputBias: null });
    const nearby = nearbyLosses(net, equality.data, squaredError('mean'), { count: 60, scales: [6, 12, 20] });
    expect(nearby.every((v) => v.ge(q(14, 3)))).toBe(true);
  });

  it('Theorem 3: lowering y2 to −3 gives (19) = 2 > 0 (a criterion point); raising it to −1 gives (19) = −2 < 0 (a descent)', () => {
    const inside = { ...equality, data: ratData([[0, 1], [1, 1], [-2, 1]], [4, -3, 2]), sides: [-1, 1] as const };
    expect(check(theorem3, /^if:/).evaluate(inside).status).toBe('pass');
    const violated = { ...equality, data: ratData([[0, 1], [1, 1], [-2, 1]], [4, -1, 2]), sides: [-1, -1] as const };
    expect(check(theorem3, /strictly/).evaluate(violated).status).toBe('pass');
    // Asking for signs the point does not have is a construction of ours that did not come out: undecided, never a pass or a fail.
    expect(check(theorem3, /strictly/).evaluate({ ...violated, sides: [1, 1] as const }).status).toBe('undecided');
  });

  it('Theorem 2: x = (1,1), (−1,1), y = (1, −1): z = 0 and w on (C.4) is a saddle, with or without a stationary dead unit', () => {
    // K' = 0: e = −y, Σ e_i x_i = (−2, 0), so (C.4) puts w on w1 = 0; near z = 0, w = (0, 1):
    // L ≈ 1 − 2·z·w1, descending for z·w1 > 0 and ascending for z·w1 < 0.
    const data = ratData([[1, 1], [-1, 1]], [1, -1]);
    expect(check(theorem2, /classifier finds a saddle/).evaluate({ data, region: [[1, 1]], stationary: [] }).status).toBe('pass');
    expect(check(theorem2, /classifier finds a saddle/).evaluate({ data, region: [[-1, -1], [1, 1]], stationary: [0] }).status).toBe('pass');
    // Every unit stationary is not Theorem 2's situation (K' < K).
    expect(() => check(theorem2, /classifier finds a saddle/).evaluate({ data, region: [[1, 1]], stationary: [0] })).toThrow(/K' < K/);
  });

  it('eq. (20)–(24): a two-weight instance', () => {
    const instance = {
      data: { inputs: [[q(2)], [q(-2)], [q(3)], [q(1)]], targets: [[q(1)], [q(-1)], [q(1)], [q(-1)]] },
      weights: { normals: [1, -1] as (1 | -1)[], positions: [q(1, 2), q(-1)] },
    };
    for (const name of [/^\(20\)/, /^\(21\)/, /^\(23\)/]) expect(check(eq2024, name).evaluate(instance).status).toBe('pass');
  });
});
