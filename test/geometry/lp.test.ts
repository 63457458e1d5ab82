import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, q } from '../../src/numbers/rational.ts';
import {
  atLeast,
  atMost,
  checkFeasibility,
  equalTo,
  greaterThan,
  lessThan,
  linearSystem,
  maximize,
  minimize,
  rowValue,
  satisfiesSystem,
  verifyInfeasibility,
  verifyOptimization,
  type ConstraintKind,
  type LinearConstraint,
  type LinearSystem,
} from '../../src/geometry/index.ts';
import { rationalVector, smallRational } from '../../src/generators/rational.ts';

const R = (xs: readonly (number | string)[]): Rational[] => xs.map((x) => q(x));

/** A random row that the known point p satisfies: bound = a·p minus a slack (positive for '>'). */
function rowThrough(p: readonly Rational[]): fc.Arbitrary<LinearConstraint> {
  const kind = fc.constantFrom<ConstraintKind>('>=', '>', '=');
  return fc
    .tuple(rationalVector(p.length, { maxNumerator: 4, maxDenominator: 3 }), kind, smallRational({ maxNumerator: 3, maxDenominator: 2 }))
    .map(([a, k, s]) => {
      const slack = k === '=' ? Rational.ZERO : k === '>' ? s.abs().add(q(1, 7)) : s.abs();
      const value = a.reduce((acc, v, j) => acc.add(v.mul(p[j]!)), Rational.ZERO);
      return { coefficients: a, kind: k, bound: value.sub(slack) };
    });
}

/** A system built around a known point. */
const systemAround = (dim: number, maxRows: number): fc.Arbitrary<{ point: Rational[]; system: LinearSystem }> =>
  rationalVector(dim).chain((point) =>
    fc.array(rowThrough(point), { minLength: 0, maxLength: maxRows }).map((rows) => ({ point, system: linearSystem(dim, rows) })),
  );

describe('exact feasibility', () => {
  it('strictness matters: x > 0 and x < 0 is infeasible; x ≥ 0 and x ≤ 0 is feasible at 0', () => {
    const strict = linearSystem(1, [greaterThan([1]), lessThan([1])]);
    const res = checkFeasibility(strict);
    expect(res.feasible).toBe(false);
    if (!res.feasible) expect(verifyInfeasibility(strict, res.certificate)).toBe(true);

    const weak = linearSystem(1, [atLeast([1]), atMost([1])]);
    const ok = checkFeasibility(weak);
    expect(ok.feasible && ok.point.map(String)).toEqual(['0']);
  });

  it('detects strict rows that are forced to equality by the other rows', () => {
    // x ≥ 0, x ≤ 0 force x = 0, so x + y > y is impossible while y stays free.
    const s = linearSystem(2, [atLeast([1, 0]), atMost([1, 0]), greaterThan([1, 1], 0), lessThan([0, 1], 0)]);
    const res = checkFeasibility(s);
    expect(res.feasible).toBe(false);
    if (!res.feasible) expect(verifyInfeasibility(s, res.certificate)).toBe(true);
    // Dropping the forcing row makes it feasible again.
    const t = linearSystem(2, [atLeast([1, 0]), greaterThan([1, 1], 0), lessThan([0, 1], 0)]);
    const ok = checkFeasibility(t);
    expect(ok.feasible && satisfiesSystem(t, ok.point)).toBe(true);
  });

  it('finds simple points: open cones give primitive integer vectors', () => {
    // The six-cell example's all-active cone: -x+y > 0, 2x+y > 0, x+3y > 0.
    const cone = linearSystem(2, [greaterThan([-1, 1]), greaterThan([2, 1]), greaterThan([1, 3])]);
    const res = checkFeasibility(cone);
    expect(res.feasible).toBe(true);
    if (res.feasible) {
      expect(satisfiesSystem(cone, res.point)).toBe(true);
      expect(res.point.every((v) => v.isInteger() && v.abs().toNumber() <= 2)).toBe(true);
    }
    const box = linearSystem(2, [greaterThan([1, 0], '1/3'), lessThan([1, 0], '2/3'), equalTo([1, -1], '1/10')]);
    const b = checkFeasibility(box);
    expect(b.feasible && b.point.map(String)).toEqual(['1/2', '2/5']);
  });

  it('random systems built around a known point are feasible; the point returned satisfies every row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((d) => systemAround(d, 6)), ({ point, system }) => {
        expect(satisfiesSystem(system, point)).toBe(true);
        const res = checkFeasibility(system);
        expect(res.feasible).toBe(true);
        if (res.feasible) expect(satisfiesSystem(system, res.point)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('random systems with a contradiction pair are infeasible with a certificate that verifies', () => {
    const withContradiction = fc.integer({ min: 1, max: 3 }).chain((d) =>
      fc.tuple(systemAround(d, 4), rationalVector(d, { nonZero: true }), smallRational(), fc.boolean(), fc.nat()),
    );
    fc.assert(
      fc.property(withContradiction, ([{ system }, a, b, strictPair, at]) => {
        // a·x ≥ b together with a·x < b (strict) or a·x ≤ b − 1.
        const pair = strictPair ? [atLeast(a, b), lessThan(a, b)] : [atLeast(a, b), atMost(a, b.sub(Rational.ONE))];
        const rows = [...system.constraints];
        rows.splice(at % (rows.length + 1), 0, ...pair);
        const s = linearSystem(system.dimension, rows);
        const res = checkFeasibility(s);
        expect(res.feasible).toBe(false);
        if (!res.feasible) expect(verifyInfeasibility(s, res.certificate)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('every answer on arbitrary random systems is certified either way', () => {
    const anyRow = (d: number): fc.Arbitrary<LinearConstraint> =>
      fc
        .tuple(rationalVector(d, { maxNumerator: 3, maxDenominator: 2 }), fc.constantFrom<ConstraintKind>('>=', '>', '='), smallRational())
        .map(([a, kind, bound]) => ({ coefficients: a, kind, bound }));
    let infeasible = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }).chain((d) => fc.tuple(fc.constant(d), fc.array(anyRow(d), { maxLength: 6 }))),
        ([d, rows]) => {
          const s = linearSystem(d, rows);
          const res = checkFeasibility(s);
          if (res.feasible) expect(satisfiesSystem(s, res.point)).toBe(true);
          else {
            infeasible++;
            expect(verifyInfeasibility(s, res.certificate)).toBe(true);
          }
        },
      ),
      { numRuns: 80, seed: 7 },
    );
    expect(infeasible).toBeGreaterThan(0);
  });

  it('the certificate checker rejects what is not a certificate', () => {
    const s = linearSystem(1, [greaterThan([1]), lessThan([1])]);
    expect(verifyInfeasibility(s, { multipliers: R([1, 1]) })).toBe(true);
    expect(verifyInfeasibility(s, { multipliers: R([1, 2]) })).toBe(false); // combination ≠ 0
    expect(verifyInfeasibility(s, { multipliers: R([-1, -1]) })).toBe(false); // negative on inequalities
    expect(verifyInfeasibility(s, { multipliers: R([0, 0]) })).toBe(false);
    expect(verifyInfeasibility(s, { multipliers: R([1]) })).toBe(false); // wrong length
    const weak = linearSystem(1, [atLeast([1]), atMost([1])]);
    expect(verifyInfeasibility(weak, { multipliers: R([1, 1]) })).toBe(false); // 0 ≥ 0 is no contradiction
    // Equality rows may take negative multipliers: x = 1, x = 2.
    const eqs = linearSystem(1, [equalTo([1], 1), equalTo([1], 2)]);
    expect(verifyInfeasibility(eqs, { multipliers: R([-1, 1]) })).toBe(true);
  });

  it('rejects malformed systems with a clear error', () => {
    expect(() => linearSystem(2, [atLeast([1])])).toThrow(/row 0 has 1 coefficients, expected 2/);
    expect(() => atLeast([Number.NaN])).toThrow(/NaN/);
  });
});

/** Exact 2×2 solve by Cramer's rule (null if singular). */
function intersect(r: LinearConstraint, s: LinearConstraint): Rational[] | null {
  const [a, b] = r.coefficients as [Rational, Rational];
  const [c, d] = s.coefficients as [Rational, Rational];
  const det = a.mul(d).sub(b.mul(c));
  if (det.isZero()) return null;
  return [r.bound.mul(d).sub(b.mul(s.bound)).div(det), a.mul(s.bound).sub(r.bound.mul(c)).div(det)];
}

/** Max of c·x over a bounded 2-D polygon by trying every intersection of two rows. */
function bruteForceMax(c: readonly Rational[], system: LinearSystem): Rational | null {
  const closed = system.constraints.map((r) => ({ ...r, kind: r.kind === '>' ? ('>=' as const) : r.kind }));
  const closure = linearSystem(2, closed);
  let best: Rational | null = null;
  for (let i = 0; i < closed.length; i++) {
    for (let j = i + 1; j < closed.length; j++) {
      const v = intersect(closed[i]!, closed[j]!);
      if (v === null || !satisfiesSystem(closure, v)) continue;
      const val = c[0]!.mul(v[0]!).add(c[1]!.mul(v[1]!));
      if (best === null || val.gt(best)) best = val;
    }
  }
  return best;
}

describe('exact linear optimisation', () => {
  const box = [atLeast([1, 0], -5), atMost([1, 0], 5), atLeast([0, 1], -5), atMost([0, 1], 5)];
  const inequalityThrough = (p: Rational[]): fc.Arbitrary<LinearConstraint> =>
    rowThrough(p).map((r) => (r.kind === '=' ? { ...r, kind: '>=' as const } : r));

  it('maximize agrees with brute-force vertex enumeration on bounded 2-D polygons', () => {
    const instance = rationalVector(2, { maxNumerator: 4 }).chain((p) =>
      fc.tuple(fc.array(inequalityThrough(p), { maxLength: 5 }), rationalVector(2, { maxNumerator: 3 }), fc.boolean()),
    );
    fc.assert(
      fc.property(instance, ([rows, c, useMin]) => {
        const system = linearSystem(2, [...box, ...rows]);
        const result = useMin ? minimize(c, system) : maximize(c, system);
        expect(verifyOptimization(system, result)).toBe(true);
        const target = useMin ? c.map((v) => v.neg()) : c;
        const brute = bruteForceMax(target, system)!;
        expect(result.status === 'optimal' || result.status === 'unattained').toBe(true);
        if (result.status === 'optimal' || result.status === 'unattained') {
          expect((useMin ? result.value.neg() : result.value).toString()).toBe(brute.toString());
        }
      }),
      { numRuns: 50 },
    );
  });

  it('unbounded problems come with a verified improving ray', () => {
    // x ≥ 0, y ≥ 0, x − y ≤ 1: max x + y is unbounded, max −x − y is 0 at the origin.
    const s = linearSystem(2, [atLeast([1, 0]), atLeast([0, 1]), atMost([1, -1], 1)]);
    const up = maximize(R([1, 1]), s);
    expect(up.status).toBe('unbounded');
    if (up.status === 'unbounded') {
      const far = up.point.map((v, j) => v.add(up.direction[j]!.mul(q(10 ** 6))));
      expect(satisfiesSystem(s, far)).toBe(true);
      expect(far[0]!.add(far[1]!).gt(q(10 ** 5))).toBe(true);
    }
    const down = maximize(R([-1, -1]), s);
    expect(down.status === 'optimal' && [down.value.toString(), down.point.map(String)]).toEqual(['0', ['0', '0']]);
  });

  it('random unbounded-or-optimal problems around a point are certified', () => {
    const instance = rationalVector(2).chain((p) =>
      fc.tuple(fc.array(inequalityThrough(p), { minLength: 1, maxLength: 4 }), rationalVector(2, { nonZero: true })),
    );
    fc.assert(
      fc.property(instance, ([rows, c]) => {
        const system = linearSystem(2, rows);
        const result = maximize(c, system);
        expect(verifyOptimization(system, result)).toBe(true);
        if (result.status === 'unbounded') {
          const far = result.point.map((v, j) => v.add(result.direction[j]!.mul(q(1000))));
          expect(satisfiesSystem(system, far)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a strict bound keeps the supremum from being attained', () => {
    const s = linearSystem(1, [lessThan([1], 1), atLeast([1], 0)]);
    const r = maximize(R([1]), s);
    expect(r.status).toBe('unattained');
    expect(r.status === 'unattained' && r.value.toString()).toBe('1');
    expect(verifyOptimization(s, r)).toBe(true);
    // Attained despite a strict row that is not tight at the optimum.
    const t = linearSystem(2, [greaterThan([0, 1], 0), atMost([1, 0], 2), atMost([0, 1], 1)]);
    const a = maximize(R([1, 0]), t);
    expect(a.status === 'optimal' && a.value.toString()).toBe('2');
    expect(a.status === 'optimal' && satisfiesSystem(t, a.point)).toBe(true);
  });

  it('infeasible problems return the infeasibility certificate; tampered results fail verification', () => {
    const s = linearSystem(1, [atLeast([1], 2), atMost([1], 1)]);
    const r = maximize(R([1]), s);
    expect(r.status).toBe('infeasible');
    expect(verifyOptimization(s, r)).toBe(true);
    const box2 = linearSystem(2, box);
    const opt = maximize(R([1, 2]), box2);
    expect(opt.status === 'optimal' && opt.value.toString()).toBe('15');
    if (opt.status === 'optimal') {
      expect(verifyOptimization(box2, { ...opt, value: q(16) })).toBe(false);
      expect(verifyOptimization(box2, { ...opt, point: R([5, 4]) })).toBe(false);
      expect(rowValue(atLeast([1, 2]), opt.point).toString()).toBe('15');
    }
  });
});
