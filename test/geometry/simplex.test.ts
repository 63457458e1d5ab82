import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational, q } from '../../src/numbers/rational.ts';
import { bitSize, primitiveIntegerVector, simplestBetween, solveStandardForm } from '../../src/geometry/index.ts';
import { rationalRows, rationalVector, smallRational } from '../../src/generators/rational.ts';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, j) => s.add(v.mul(b[j]!)), Rational.ZERO);
const column = (A: readonly (readonly Rational[])[], j: number): Rational[] => A.map((r) => r[j]!);

describe('standard-form simplex', () => {
  it('every outcome carries an exact certificate: duality, Farkas or an improving ray', () => {
    const problem = fc
      .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }))
      .chain(([m, n]) => fc.tuple(rationalRows(m, n, { maxNumerator: 3, maxDenominator: 2 }), rationalVector(m), rationalVector(n)));
    const seen = new Set<string>();
    fc.assert(
      fc.property(problem, ([A, b, c]) => {
        const r = solveStandardForm({ matrix: A, rhs: b, objective: c });
        seen.add(r.status);
        if (r.status === 'infeasible') {
          // yᵀA ≥ 0 and yᵀb < 0: no z ≥ 0 can have Az = b.
          expect(c.every((_, j) => dot(r.farkas, column(A, j)).sign() >= 0)).toBe(true);
          expect(dot(r.farkas, b).sign()).toBe(-1);
          return;
        }
        expect(r.primal.every((v) => v.sign() >= 0)).toBe(true);
        expect(A.every((row, i) => dot(row, r.primal).equals(b[i]!))).toBe(true);
        if (r.status === 'unbounded') {
          expect(r.ray.every((v) => v.sign() >= 0)).toBe(true);
          expect(A.every((row) => dot(row, r.ray).isZero())).toBe(true);
          expect(dot(c, r.ray).sign()).toBe(1);
        } else {
          expect(c.every((cj, j) => dot(r.dual, column(A, j)).ge(cj))).toBe(true);
          expect(dot(c, r.primal).equals(r.value)).toBe(true);
          expect(dot(b, r.dual).equals(r.value)).toBe(true);
        }
      }),
      { numRuns: 150, seed: 3 },
    );
    expect([...seen].sort()).toEqual(['infeasible', 'optimal', 'unbounded']);
  });

  it('terminates on a classic cycling example (Beale) with the right optimum', () => {
    // Beale (1955): max 3/4 x4 − 20 x5 + 1/2 x6 − 6 x7, slacks x1..x3; optimum 5/4 at x4 = x6 = 1.
    // The largest-coefficient rule cycles on it from the slack basis; Bland's rule must not.
    const A = [
      [1, 0, 0, '1/4', -8, -1, 9],
      [0, 1, 0, '1/2', -12, '-1/2', 3],
      [0, 0, 1, 0, 0, 1, 0],
    ].map((r) => r.map((v) => q(v)));
    const r = solveStandardForm({ matrix: A, rhs: [0, 0, 1].map((v) => q(v)), objective: [0, 0, 0, '3/4', -20, '1/2', -6].map((v) => q(v)) });
    expect(r.status === 'optimal' && r.value.toString()).toBe('5/4');
  });
});

describe('simple rationals', () => {
  it('simplestBetween returns the rational of least denominator in the interval (brute force)', () => {
    fc.assert(
      fc.property(smallRational({ maxNumerator: 8, maxDenominator: 9 }), smallRational({ maxNumerator: 8, maxDenominator: 9 }), (a, b) => {
        const [lo, hi] = a.le(b) ? [a, b] : [b, a];
        const s = simplestBetween(lo, hi);
        expect(s.ge(lo) && s.le(hi)).toBe(true);
        for (let den = 1n; den < s.den; den++) {
          const first = Rational.of(lo.mul(Rational.fromInt(den)).ceil(), den);
          expect(first.le(hi)).toBe(false);
        }
        // Among those with its denominator, the one closest to 0.
        const closer = s.sign() > 0 ? s.sub(Rational.of(1n, s.den)) : s.add(Rational.of(1n, s.den));
        if (!s.isZero()) expect(closer.ge(lo) && closer.le(hi) && closer.den <= s.den).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(simplestBetween(q('1/3'), q('2/3')).toString()).toBe('1/2');
    expect(simplestBetween(q('-7/3'), q('-2')).toString()).toBe('-2');
  });

  it('primitive integer vectors are positive multiples with coprime entries', () => {
    fc.assert(
      fc.property(rationalVector(3, { maxDenominator: 6 }), (v) => {
        const p = primitiveIntegerVector(v);
        if (v.every((x) => x.isZero())) {
          expect(p.every((x) => x.isZero())).toBe(true);
          return;
        }
        const k = v.findIndex((x) => !x.isZero());
        const ratio = p[k]!.div(v[k]!);
        expect(ratio.sign()).toBe(1);
        expect(p.every((x, j) => x.isInteger() && x.equals(v[j]!.mul(ratio)))).toBe(true);
        expect(p.reduce((g, x) => (x.isZero() ? g : gcdOf(g, x.num)), 0n)).toBe(1n);
      }),
      { numRuns: 100 },
    );
    expect(bitSize([q(1, 2)])).toBeLessThan(bitSize([q(3, 7)]));
  });
});

function gcdOf(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}
