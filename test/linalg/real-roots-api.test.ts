import { describe, expect, it } from 'vitest';
import { Polynomial } from '../../src/linalg/polynomial.ts';
import { cauchyRootBound, isExactRoot, isolateRealRoots, refineRootInterval, type RootInterval } from '../../src/linalg/real-roots.ts';
import { Rational, q } from '../../src/numbers/index.ts';

const P = (cs: (number | string)[]): Polynomial => Polynomial.of(cs);
const show = (r: RootInterval): string => (isExactRoot(r) ? `${r.lo}^${r.multiplicity}` : `(${r.lo}, ${r.hi})^${r.multiplicity}`);

/** An isolating interval of a simple root of its factor: the factor changes sign strictly inside. */
function brackets(r: RootInterval): boolean {
  return r.factor.signAt(r.lo) * r.factor.signAt(r.hi) < 0;
}

/** Each known root (value, multiplicity) lies in exactly one interval (as its point or strictly inside), and nothing else is returned. */
function matchKnownRoots(found: readonly RootInterval[], known: readonly [Rational, number][]): boolean {
  const holds = (r: RootInterval, x: Rational): boolean => (isExactRoot(r) ? r.lo.equals(x) : r.lo.lt(x) && x.lt(r.hi));
  return (
    found.length === known.length &&
    known.every(([x, m]) => {
      const containing = found.filter((r) => holds(r, x));
      return containing.length === 1 && containing[0]!.multiplicity === m;
    })
  );
}

describe('real-root isolation: bounds, windows, widths, multiplicities', () => {
  it('Cauchy bound 1 + max|c_k/c_n|, and 1 for constants', () => {
    expect(cauchyRootBound(P([-6, 1, 2])).toString()).toBe('4'); // 1 + 6/2
    expect(cauchyRootBound(P([1, -8, 0, -4])).toString()).toBe('3'); // 1 + 8/4
    expect(cauchyRootBound(P([5])).toString()).toBe('1');
    expect(cauchyRootBound(P([0, 3])).toString()).toBe('1');
  });

  it('rational roots: each known root lies in exactly one returned interval, with its multiplicity, ascending', () => {
    // (x − 1/2)² (x + 3) x³
    const p = Polynomial.fromRoots(['1/2', '1/2', -3, 0, 0, 0]);
    const roots = isolateRealRoots(p);
    expect(matchKnownRoots(roots, [[q(-3), 1], [q(0), 3], [q(1, 2), 2]])).toBe(true);
    for (let i = 1; i < roots.length; i++) expect(roots[i - 1]!.lo.le(roots[i]!.lo)).toBe(true);
    expect(roots.every((r) => (isExactRoot(r) ? p.signAt(r.lo) === 0 : brackets(r)))).toBe(true);
    // A root met exactly: the simplest rational of (−4, 4) for x is 0.
    expect(isolateRealRoots(P([0, 5])).map(show)).toEqual(['0^1']);
  });

  it('irrational roots get disjoint bracketing intervals; width refines them', () => {
    // (x² − 2)(x² − 3): ±√2, ±√3, close together.
    const p = P([-2, 0, 1]).mul(P([-3, 0, 1]));
    const coarse = isolateRealRoots(p);
    expect(coarse.length).toBe(4);
    expect(coarse.every((r) => !isExactRoot(r) && brackets(r))).toBe(true);
    for (let i = 1; i < coarse.length; i++) expect(coarse[i - 1]!.hi.le(coarse[i]!.lo)).toBe(true);
    const fine = isolateRealRoots(p, { width: q(1, 1000) });
    expect(fine.every((r) => r.hi.sub(r.lo).le(q(1, 1000)) && brackets(r))).toBe(true);
    // √2 ≈ 1.41421: the third interval (ascending) holds it.
    expect(fine[2]!.lo.lt(q(141422, 100000)) && fine[2]!.hi.gt(q(141421, 100000))).toBe(true);
    expect(() => isolateRealRoots(p, { width: Rational.ZERO })).toThrow('root isolation width must be > 0, got 0');
    expect(() => isolateRealRoots(Polynomial.ZERO)).toThrow('the zero polynomial has infinitely many roots');
  });

  it('a root of one factor next to a root of another: intervals are separated', () => {
    // (x² − 2)(x − 7/5): 7/5 is exact, √2 ≈ 1.414 lies just above it.
    const p = P([-2, 0, 1]).mul(Polynomial.fromRoots(['7/5']));
    const roots = isolateRealRoots(p);
    expect(roots.map((r) => isExactRoot(r))).toEqual([false, true, false]);
    const [, exact, sqrt2] = roots as [RootInterval, RootInterval, RootInterval];
    expect(exact.lo.toString()).toBe('7/5');
    expect(exact.lo.le(sqrt2.lo) && brackets(sqrt2)).toBe(true);
  });

  it('windows keep only the roots strictly inside (above, below), ends excluded', () => {
    const p = Polynomial.fromRoots([-2, -1, 1, 2]);
    expect(matchKnownRoots(isolateRealRoots(p, { above: q(-1) }), [[q(1), 1], [q(2), 1]])).toBe(true);
    expect(matchKnownRoots(isolateRealRoots(p, { below: q(1) }), [[q(-2), 1], [q(-1), 1]])).toBe(true);
    expect(matchKnownRoots(isolateRealRoots(p, { above: q(-1), below: q(2) }), [[q(1), 1]])).toBe(true);
    expect(matchKnownRoots(isolateRealRoots(p, { above: q(-3, 2), below: q(3, 2), width: q(1, 4) }), [[q(-1), 1], [q(1), 1]])).toBe(true);
    expect(isolateRealRoots(p, { above: q(2), below: q(1) })).toEqual([]);
    expect(isolateRealRoots(p, { above: q(5) })).toEqual([]);
    // x² − 2 with both window ends on rational points: the root √2 in (1, 3/2).
    const s = isolateRealRoots(P([-2, 0, 1]), { above: q(1), below: q(3, 2), width: q(1, 64) });
    expect(s.length).toBe(1);
    expect(brackets(s[0]!) && s[0]!.hi.sub(s[0]!.lo).le(q(1, 64))).toBe(true);
  });

  it('window ends that are roots of the factor: refinement still brackets the root inside', () => {
    // (x − 1)(x − 2)(x² − 3) is square-free; inside (1, 2) only √3 ≈ 1.732, both window ends are roots.
    const f = Polynomial.fromRoots([1, 2]).mul(P([-3, 0, 1]));
    const inside = isolateRealRoots(f, { above: q(1), below: q(2), width: q(1, 100) });
    expect(inside.length).toBe(1);
    expect(brackets(inside[0]!) && inside[0]!.hi.sub(inside[0]!.lo).le(q(1, 100))).toBe(true);
    expect(inside[0]!.lo.lt(q(1733, 1000)) && inside[0]!.hi.gt(q(1732, 1000))).toBe(true);
    // Both ends roots and the root in the left half: (x − 1)(x − 2)(x² − 2) inside (1, 2) has only √2.
    const h = Polynomial.fromRoots([1, 2]).mul(P([-2, 0, 1]));
    const left = isolateRealRoots(h, { above: q(1), below: q(2), width: q(1, 100) });
    expect(left.length).toBe(1);
    expect(left[0]!.lo.lt(q(1415, 1000)) && left[0]!.hi.gt(q(1414, 1000)) && brackets(left[0]!)).toBe(true);
    // Only the lower end a root: (x − 1)(x² − 2) above 1 has √2 ≈ 1.414.
    const g = Polynomial.fromRoots([1]).mul(P([-2, 0, 1]));
    const above = isolateRealRoots(g, { above: q(1), width: q(1, 100) });
    expect(above.length).toBe(1);
    expect(above[0]!.lo.lt(q(1415, 1000)) && above[0]!.hi.gt(q(1414, 1000)) && brackets(above[0]!)).toBe(true);
  });

  it('refineRootInterval halves until the width is reached or the root is hit exactly', () => {
    const f = P([-2, 0, 1]);
    const r = refineRootInterval({ lo: q(1), hi: q(2), multiplicity: 1, factor: f }, q(1, 8));
    expect(r.hi.sub(r.lo).le(q(1, 8)) && brackets(r)).toBe(true);
    expect(r.hi.sub(r.lo).gt(q(1, 16))).toBe(true); // no more halving than needed
    const hit = refineRootInterval({ lo: q(0), hi: q(4), multiplicity: 1, factor: P([-3, 1]) }, q(1, 8));
    expect(show(hit)).toBe('3^1');
    const same = { lo: q(1), hi: q(2), multiplicity: 1, factor: f };
    expect(refineRootInterval(same, q(1))).toBe(same);
    expect(() => refineRootInterval(same, q(-1))).toThrow('refinement width must be > 0, got -1');
    expect(() => refineRootInterval(same, Rational.ZERO)).toThrow('refinement width must be > 0, got 0');
  });
});
