import { describe, expect, it } from 'vitest';
import { Rational, q } from '../../src/numbers/rational.ts';
import {
  atLeast,
  atMost,
  equalTo,
  greaterThan,
  lessThan,
  linearSystem,
  maximize,
  minimize,
  satisfiesSystem,
  verifyOptimization,
  type OptimizationResult,
} from '../../src/geometry/index.ts';

const R = (xs: readonly (number | string)[]): Rational[] => xs.map((x) => q(x));

/** Narrow a result to one status (fails the test otherwise). */
function as<S extends OptimizationResult['status']>(result: OptimizationResult, status: S): Extract<OptimizationResult, { status: S }> {
  expect(result.status).toBe(status);
  return result as Extract<OptimizationResult, { status: S }>;
}

describe('optimisation results and their exact verification', () => {
  it('rejects an objective of the wrong length', () => {
    expect(() => maximize(R([1]), linearSystem(2, []))).toThrow('objective has 1 entries, system has dimension 2');
  });

  it('max over x = 1 needs a negative multiplier on the equality row, which the verifier accepts', () => {
    const s = linearSystem(1, [equalTo([1], 1)]);
    const max = as(maximize(R([1]), s), 'optimal');
    // x = value − μ (x − 1) for all x: μ = −1.
    expect(max.certificate.multipliers.map(String)).toEqual(['-1']);
    const min = as(minimize(R([1]), s), 'optimal');
    expect(min.certificate.multipliers.map(String)).toEqual(['1']);
    expect(verifyOptimization(s, max)).toBe(true);
  });

  it('a certificate is rejected when its length, a sign, one coordinate of Σμa or Σμb is wrong', () => {
    // Box −5 ≤ x, y ≤ 5 (rows: x ≥ −5, −x ≥ −5, y ≥ −5, −y ≥ −5); max x + 2y = 15, μ = (0, 1, 0, 2).
    const box = linearSystem(2, [atLeast([1, 0], -5), atMost([1, 0], 5), atLeast([0, 1], -5), atMost([0, 1], 5)]);
    const opt = as(maximize(R([1, 2]), box), 'optimal');
    expect(opt.certificate.multipliers.map(String)).toEqual(['0', '1', '0', '2']);
    const withMultipliers = (mu: Rational[]): OptimizationResult => ({ ...opt, certificate: { multipliers: mu } });
    expect(verifyOptimization(box, withMultipliers(R([0, 1, 0, 2])))).toBe(true);
    expect(verifyOptimization(box, withMultipliers(R([0, 1, 0])))).toBe(false);
    // μ = (−1, 0, 1, 3) has the right Σμa = (−1, −2) and Σμb = −15, but μ ≥ 0 is required on inequality rows.
    expect(verifyOptimization(box, withMultipliers(R([-1, 0, 1, 3])))).toBe(false);
    // Right x coordinate and right Σμb = −15, wrong y coordinate (0 instead of −2).
    expect(verifyOptimization(box, withMultipliers(R([0, 1, 1, 1])))).toBe(false);
    // Two upper bounds on x: μ on x ≤ 2 gives the right combination but Σμb = −2 ≠ −1.
    const twoBounds = linearSystem(1, [atMost([1], 1), atMost([1], 2)]);
    const one = as(maximize(R([1]), twoBounds), 'optimal');
    expect(one.value.toString()).toBe('1');
    expect(verifyOptimization(twoBounds, { ...one, certificate: { multipliers: R([0, 1]) } })).toBe(false);
  });

  it('unbounded results: an improving recession direction from a feasible point', () => {
    // x ≥ 0, y = 0: max x and min −x are unbounded along (1, 0).
    const s = linearSystem(2, [atLeast([1, 0]), equalTo([0, 1], 0)]);
    const up = as(maximize(R([1, 0]), s), 'unbounded');
    expect(up.direction.map(String)).toEqual(['1', '0']);
    const down = as(minimize(R([-1, 0]), s), 'unbounded');
    expect(down.direction.map(String)).toEqual(['1', '0']);
    expect(verifyOptimization(s, down)).toBe(true);
    expect(verifyOptimization(s, { ...down, sense: 'max' })).toBe(false); // worsens a max
    expect(verifyOptimization(s, { ...up, direction: R([-1, 0]) })).toBe(false); // leaves x ≥ 0 and worsens
    expect(verifyOptimization(s, { ...up, direction: R([1, 1]) })).toBe(false); // leaves y = 0
    expect(verifyOptimization(s, { ...up, point: R([-1, 0]) })).toBe(false); // infeasible start
    expect(verifyOptimization(s, { ...up, direction: R([0, 0]) })).toBe(false); // does not improve
    // y ≥ 0 too: (1, −1) improves x but leaves the set.
    const quadrant = linearSystem(2, [atLeast([1, 0]), atLeast([0, 1])]);
    const q1 = as(maximize(R([1, 0]), quadrant), 'unbounded');
    expect(verifyOptimization(quadrant, { ...q1, direction: R([1, -1]) })).toBe(false);
  });

  it('unattained results: closure point, value, bound and the attainment certificate are all checked', () => {
    // x < 1, y = 0: sup x = 1 at (1, 0), not attained.
    const s = linearSystem(2, [lessThan([1, 0], 1), equalTo([0, 1], 0)]);
    const r = as(maximize(R([1, 0]), s), 'unattained');
    expect([r.value.toString(), r.point.map(String)]).toEqual(['1', ['1', '0']]);
    expect(verifyOptimization(s, r)).toBe(true);
    expect(verifyOptimization(s, { ...r, point: R([1, 1]) })).toBe(false); // same value, off y = 0
    expect(verifyOptimization(s, { ...r, point: R([2, 0]) })).toBe(false); // outside the closure
    expect(verifyOptimization(s, { ...r, point: R([0, 0]) })).toBe(false); // wrong value
    expect(verifyOptimization(s, { ...r, value: q(2), point: R([2, 0]) })).toBe(false);
    expect(verifyOptimization(s, { ...r, certificate: { multipliers: R([2, 0]) } })).toBe(false);
    expect(verifyOptimization(s, { ...r, attainment: { multipliers: R([0, 0, 0]) } })).toBe(false);
    // A supremum that is attained is not "unattained".
    const closed = linearSystem(2, [atMost([1, 0], 1), equalTo([0, 1], 0)]);
    const c = as(maximize(R([1, 0]), closed), 'optimal');
    expect(verifyOptimization(closed, { ...c, status: 'unattained', attainment: r.attainment } as OptimizationResult)).toBe(false);
  });

  it('the simplex vertex (2, 0) violates y > 0, yet max x = 2 is attained on the face x = 2', () => {
    const s = linearSystem(2, [atMost([0, 1], 1), greaterThan([0, 1]), atMost([1, 0], 2)]);
    const r = as(maximize(R([1, 0]), s), 'optimal');
    expect([r.sense, r.value.toString(), r.point[0]!.toString()]).toEqual(['max', '2', '2']);
    expect(r.point[1]!.sign()).toBe(1);
    expect(satisfiesSystem(s, r.point)).toBe(true);
    const m = as(minimize(R([-1, 0]), s), 'optimal');
    expect([m.sense, m.value.toString()]).toEqual(['min', '-2']);
    expect(satisfiesSystem(s, m.point)).toBe(true);
  });

  it('strict rows that only cut the optimal face away at a vertex: the optimum is still attained', () => {
    // max x over 0 ≤ x ≤ 2 and 0 < y ≤ 1 (or −1 ≤ y < 0): the face x = 2 has points with y ≠ 0.
    for (const strict of [[greaterThan([0, 1]), atMost([0, 1], 1)], [lessThan([0, 1]), atLeast([0, 1], -1)]]) {
      const s = linearSystem(2, [atLeast([1, 0]), atMost([1, 0], 2), ...strict]);
      const r = as(maximize(R([1, 0]), s), 'optimal');
      expect(r.value.toString()).toBe('2');
      expect(satisfiesSystem(s, r.point)).toBe(true);
      const m = as(minimize(R([-1, 0]), s), 'optimal');
      expect(m.value.toString()).toBe('-2');
      expect(satisfiesSystem(s, m.point)).toBe(true);
    }
  });
});
