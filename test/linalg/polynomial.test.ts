import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import { characteristicPolynomial } from '../../src/linalg/characteristic-polynomial.ts';
import { determinant } from '../../src/linalg/determinant.ts';
import { Matrix, rat } from '../../src/linalg/matrix.ts';
import { Polynomial } from '../../src/linalg/polynomial.ts';
import { isExactRoot, isolateRealRoots } from '../../src/linalg/real-roots.ts';
import { simplestRationalBetween } from '../../src/linalg/simplest-rational.ts';
import { squareFreeDecomposition, squareFreePart } from '../../src/linalg/square-free.ts';
import { countRealRoots, sturmSequence } from '../../src/linalg/sturm.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { ratMatrix, squareMatrix } from './support.ts';

const Q = RationalField;

const polynomial = (maxDegree = 5): fc.Arbitrary<Polynomial> =>
  fc.array(smallRational(), { minLength: 0, maxLength: maxDegree + 1 }).map((c) => new Polynomial(c));

/** Roots as a multiset of small rationals (repeats give multiplicity). */
const rootMultiset = fc.array(smallRational({ maxNumerator: 5, maxDenominator: 3 }), { minLength: 0, maxLength: 6 });

/** A factor with no real root: x² + c, c > 0. */
const rootlessQuadratic = smallRational({ positive: true }).map((c) => Polynomial.of([c, 0, 1]));

function distinct(roots: readonly Rational[]): Rational[] {
  return roots.filter((r, i) => roots.findIndex((s) => s.equals(r)) === i);
}

describe('polynomial arithmetic', () => {
  it('sum, product, composition and derivative match values at rational points', () => {
    fc.assert(
      fc.property(polynomial(), polynomial(), smallRational(), (p, r, x) => {
        expect(p.add(r).evaluate(x).equals(p.evaluate(x).add(r.evaluate(x)))).toBe(true);
        expect(p.mul(r).evaluate(x).equals(p.evaluate(x).mul(r.evaluate(x)))).toBe(true);
        expect(p.compose(r).evaluate(x).equals(p.evaluate(r.evaluate(x)))).toBe(true);
        // product rule and linearity pin the derivative down
        expect(p.mul(r).derivative().equals(p.derivative().mul(r).add(p.mul(r.derivative())))).toBe(true);
        expect(p.signAt(x)).toBe(p.evaluate(x).sign());
      }),
      { numRuns: 100 },
    );
  });

  it('derivative is the limit of difference quotients (error shrinks linearly in h)', () => {
    fc.assert(
      fc.property(polynomial(), smallRational(), (p, x) => {
        for (const h of [q(1, 10 ** 6), q(1, 10 ** 9)]) {
          const quotient = p.evaluate(x.add(h)).sub(p.evaluate(x)).div(h);
          // |quotient − p′(x)| ≤ h · Σ_k |c_k| k² (1 + |x|)^k
          const bound = p.coefficients.reduce((s, c, k) => s.add(c.abs().mul(Rational.of(k * k)).mul(x.abs().add(Rational.ONE).pow(k))), Rational.ZERO);
          expect(quotient.sub(p.derivative().evaluate(x)).abs().le(bound.mul(h))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('Euclidean division: p = q·d + r with deg r < deg d', () => {
    fc.assert(
      fc.property(polynomial(6), polynomial(3), (p, d) => {
        fc.pre(!d.isZero());
        const { quotient, remainder } = p.divide(d);
        expect(quotient.mul(d).add(remainder).equals(p)).toBe(true);
        expect(remainder.degree).toBeLessThan(d.degree === 0 ? 0 : d.degree);
      }),
      { numRuns: 100 },
    );
  });

  it('gcd of products of linear factors is the product over the common roots', () => {
    fc.assert(
      fc.property(rootMultiset, rootMultiset, rootMultiset, (common, a, b) => {
        const onlyA = a.filter((r) => !b.some((s) => s.equals(r)));
        const onlyB = b.filter((r) => !onlyA.some((s) => s.equals(r)) && !a.some((s) => s.equals(r)));
        const P = Polynomial.fromRoots([...common, ...onlyA]).scale(3);
        const R = Polynomial.fromRoots([...common, ...onlyB]).scale(-2);
        expect(P.gcd(R).equals(Polynomial.fromRoots(common))).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('square-free decomposition reassembles p and reports multiplicities', () => {
    fc.assert(
      fc.property(rootMultiset, rootlessQuadratic, smallRational({ nonZero: true }), (roots, quad, lead) => {
        const p = Polynomial.fromRoots(roots).mul(quad).scale(lead);
        const parts = squareFreeDecomposition(p);
        const product = parts.reduce((acc, { factor, multiplicity }) => acc.mul(factor.pow(multiplicity)), Polynomial.ONE);
        expect(product.equals(p.monic())).toBe(true);
        for (const r of distinct(roots)) {
          const expected = roots.filter((s) => s.equals(r)).length;
          const part = parts.find(({ factor }) => factor.evaluate(r).isZero());
          expect(part?.multiplicity).toBe(expected);
        }
        expect(squareFreePart(p).degree).toBe(distinct(roots).length + 2);
      }),
      { numRuns: 80 },
    );
  });

  it('toString', () => {
    expect(Polynomial.of([1, '-3/4', 1]).toString()).toBe('x^2 - 3/4*x + 1');
    expect(Polynomial.ZERO.toString()).toBe('0');
  });
});

describe('Sturm sequences and real roots', () => {
  const instance = fc.tuple(rootMultiset, rootlessQuadratic, smallRational({ nonZero: true }));

  it('counts roots in intervals like the known root list does', () => {
    const endpoints = fc.tuple(smallRational({ maxNumerator: 6, maxDenominator: 3 }), smallRational({ maxNumerator: 6, maxDenominator: 3 }));
    fc.assert(
      fc.property(instance, endpoints, fc.boolean(), fc.boolean(), ([roots, quad, lead], [x, y], lowerOpen, upperOpen) => {
        const [a, b] = x.le(y) ? [x, y] : [y, x];
        const p = Polynomial.fromRoots(roots).mul(quad).scale(lead);
        const inside = (r: Rational): boolean => (lowerOpen ? r.gt(a) : r.ge(a)) && (upperOpen ? r.lt(b) : r.le(b));
        expect(countRealRoots(p, a, b, { lowerOpen, upperOpen })).toBe(distinct(roots).filter(inside).length);
        expect(countRealRoots(p, a, b, { lowerOpen, upperOpen, withMultiplicity: true })).toBe(roots.filter(inside).length);
        expect(countRealRoots(p)).toBe(distinct(roots).length);
      }),
      { numRuns: 120 },
    );
  });

  it('isolates every root in its own disjoint interval of the requested width', () => {
    fc.assert(
      fc.property(instance, ([roots, quad, lead]) => {
        const p = Polynomial.fromRoots(roots).mul(quad).scale(lead);
        const width = q(1, 1000);
        const found = isolateRealRoots(p, { width });
        const known = distinct(roots);
        expect(found.length).toBe(known.length);
        found.forEach((r, i) => {
          expect(r.hi.sub(r.lo).le(width)).toBe(true);
          if (i > 0) expect(found[i - 1]!.hi.le(r.lo)).toBe(true);
        });
        for (const root of known) {
          const holders = found.filter((r) => (isExactRoot(r) ? r.lo.equals(root) : r.lo.lt(root) && root.lt(r.hi)));
          expect(holders.length).toBe(1);
          expect(holders[0]!.multiplicity).toBe(roots.filter((s) => s.equals(root)).length);
          // small rational roots are found exactly (simplest rational of a narrow interval)
          expect(isExactRoot(holders[0]!)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('irrational roots: x² − 2 and a cubic with three real roots', () => {
    const roots = isolateRealRoots(Polynomial.of([-2, 0, 1]), { width: q(1, 10 ** 12) });
    expect(roots.length).toBe(2);
    for (const [r, sign] of [[roots[0]!, -1], [roots[1]!, 1]] as const) {
      expect(r.lo.sign() === sign || r.lo.isZero()).toBe(true);
      // √2 lies strictly inside: lo² < 2 < hi² on the positive side (mirrored on the negative side)
      const [small, large] = sign > 0 ? [r.lo, r.hi] : [r.hi.neg(), r.lo.neg()];
      expect(small.mul(small).lt(q(2)) && large.mul(large).gt(q(2))).toBe(true);
      expect(r.hi.sub(r.lo).le(q(1, 10 ** 12))).toBe(true);
      expect(Math.abs(r.lo.toNumber() - sign * Math.SQRT2)).toBeLessThan(1e-11);
    }
    // x³ − 3x + 1: roots 2cos(2πk/9 ± …) ≈ −1.8794, 0.3473, 1.5321
    const cubic = isolateRealRoots(Polynomial.of([1, -3, 0, 1]), { width: q(1, 10 ** 9) });
    const expected = [1, 5, 7].map((k) => 2 * Math.cos((2 * Math.PI * k) / 9)).sort((a, b) => a - b);
    expect(cubic.map((r) => r.lo.toNumber())).toEqual(expected.map((e) => expect.closeTo(e, 8)));
    expect(sturmSequence(Polynomial.of([1, -3, 0, 1])).length).toBe(4);
  });

  it('window options keep only roots strictly inside', () => {
    const p = Polynomial.fromRoots([-1, 0, 0, 2, 5]);
    const coarse = isolateRealRoots(p, { above: q(0), below: q(5) });
    expect(coarse.length).toBe(1);
    expect(coarse[0]!.lo.lt(q(2)) || coarse[0]!.lo.equals(q(2))).toBe(true);
    expect(coarse[0]!.hi.gt(q(2)) || coarse[0]!.hi.equals(q(2))).toBe(true);
    const fine = isolateRealRoots(p, { above: q(-1), below: q(5), width: q(1, 100) });
    expect(fine.map((r) => [r.lo.toString(), r.hi.toString(), r.multiplicity])).toEqual([['0', '0', 2], ['2', '2', 1]]);
  });

  it('simplest rational between two rationals beats brute-force search', () => {
    const bounds = fc.tuple(smallRational({ maxNumerator: 30, maxDenominator: 12 }), smallRational({ maxNumerator: 30, maxDenominator: 12 }));
    fc.assert(
      fc.property(bounds, ([x, y]) => {
        fc.pre(!x.equals(y));
        const [lo, hi] = x.lt(y) ? [x, y] : [y, x];
        const s = simplestRationalBetween(lo, hi);
        expect(lo.lt(s) && s.lt(hi)).toBe(true);
        for (let den = 1n; den < s.den; den++) {
          // no fraction with a smaller denominator fits
          const first = lo.mul(Rational.of(den)).floor() + 1n;
          expect(Rational.of(first, den).lt(hi)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('characteristic polynomial', () => {
  it('equals det(tI − A) at rational t (Bareiss determinant)', () => {
    fc.assert(
      fc.property(squareMatrix(5), fc.array(smallRational(), { minLength: 3, maxLength: 3 }), (A, ts) => {
        const p = characteristicPolynomial(A);
        expect(p.degree).toBe(A.rows);
        expect(p.leadingCoefficient().equals(Q.one)).toBe(true);
        for (const t of ts) {
          const tIminusA = Matrix.identity(Q, A.rows).scale(t).sub(A);
          expect(p.evaluate(t).equals(determinant(tIminusA))).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('has −trace and (−1)ⁿ det as coefficients', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => ratMatrix(n, n)), (A) => {
        const p = characteristicPolynomial(A);
        const n = A.rows;
        expect(p.coefficient(n - 1).equals(A.trace().neg())).toBe(true);
        const det = determinant(A);
        expect(p.coefficient(0).equals(n % 2 === 0 ? det : det.neg())).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a worked example: [[2, 1], [1, 2]] has t² − 4t + 3', () => {
    expect(characteristicPolynomial(rat([[2, 1], [1, 2]])).toString('t')).toBe('t^2 - 4*t + 3');
  });
});
