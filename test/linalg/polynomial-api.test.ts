import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Polynomial } from '../../src/linalg/polynomial.ts';
import { squareFreeDecomposition, squareFreePart } from '../../src/linalg/square-free.ts';
import { Rational, q } from '../../src/numbers/index.ts';
import { smallRational } from '../../src/generators/rational.ts';

const P = (cs: (number | string)[]): Polynomial => Polynomial.of(cs);
const small = smallRational({ maxNumerator: 5, maxDenominator: 3 });
const poly = fc.array(small, { maxLength: 5 }).map((cs) => new Polynomial(cs));

/** Value by the power sum Σ c_k x^k, independent of Horner. */
const powerSum = (p: Polynomial, x: Rational): Rational => p.coefficients.reduce((s, c, k) => s.add(c.mul(x.pow(k))), Rational.ZERO);

describe('Polynomial: the rest of the API', () => {
  it('normalises trailing zeros; degree, constants, coefficients and leading coefficient', () => {
    const p = P([1, 0, -2, 0, 0]);
    expect([p.degree, p.coefficients.length, p.toJSON()]).toEqual([2, 3, ['1', '0', '-2']]);
    expect([Polynomial.ZERO.degree, Polynomial.ZERO.isZero(), P([0, 0]).isZero(), P([3]).isZero()]).toEqual([-1, true, true, false]);
    expect([Polynomial.ZERO.isConstant(), P([3]).isConstant(), Polynomial.X.isConstant()]).toEqual([true, true, false]);
    expect([p.coefficient(2).toString(), p.coefficient(7).toString(), p.leadingCoefficient().toString()]).toEqual(['-2', '0', '-2']);
    expect(Polynomial.ZERO.leadingCoefficient().toString()).toBe('0');
    expect(Polynomial.ONE.toJSON()).toEqual(['1']);
    expect(Polynomial.X.toJSON()).toEqual(['0', '1']);
    expect(Polynomial.constant('1/2').toJSON()).toEqual(['1/2']);
    expect(Polynomial.monomial(3, 2).toJSON()).toEqual(['0', '0', '3']);
    expect(Polynomial.monomial(3, 0).toJSON()).toEqual(['3']);
    expect(() => Polynomial.monomial(1, -1)).toThrow('monomial degree must be a natural number, got -1');
    expect(() => Polynomial.monomial(1, 1.5)).toThrow(RangeError);
    expect(Polynomial.fromRoots([1, -2]).toJSON()).toEqual(['-2', '1', '1']);
  });

  it('evaluate and signAt agree with the power sum at rational points', () => {
    fc.assert(
      fc.property(poly, small, (p, x) => {
        const value = powerSum(p, x);
        expect(p.evaluate(x).equals(value)).toBe(true);
        expect(p.signAt(x)).toBe(value.sign());
      }),
    );
    expect(Polynomial.of([q(1, 2), q(-1, 3)]).signAt(q(3, 2))).toBe(0);
    expect(Polynomial.ZERO.signAt(5)).toBe(0);
  });

  it('pow, scale, neg, sub, mul by zero, mod, exactDivide and compose', () => {
    const p = P([1, 1]);
    expect(p.pow(3).toJSON()).toEqual(['1', '3', '3', '1']);
    expect(p.pow(0).toJSON()).toEqual(['1']);
    expect(() => p.pow(-1)).toThrow('polynomial power must be a natural number, got -1');
    expect(() => p.pow(0.5)).toThrow(RangeError);
    expect(p.scale('1/2').toJSON()).toEqual(['1/2', '1/2']);
    expect(p.neg().toJSON()).toEqual(['-1', '-1']);
    expect(P([1, 2, 3]).sub(P([1, 2])).toJSON()).toEqual(['0', '0', '3']);
    expect(p.mul(Polynomial.ZERO).isZero()).toBe(true);
    expect(Polynomial.ZERO.mul(p).isZero()).toBe(true);
    expect(P([0, 0, 1]).mul(P([1, 1])).toJSON()).toEqual(['0', '0', '1', '1']);
    expect(P([1, 0, 1]).mod(P([1, 1])).toJSON()).toEqual(['2']);
    expect(P([-1, 0, 1]).exactDivide(P([1, 1])).toJSON()).toEqual(['-1', '1']);
    expect(() => P([1, 0, 1]).exactDivide(P([1, 1]))).toThrow('x + 1 does not divide x^2 + 1');
    expect(() => p.divide(Polynomial.ZERO)).toThrow('polynomial division by the zero polynomial');
    const low = P([1, 2]).divide(P([1, 1, 1]));
    expect([low.quotient.isZero(), low.remainder.toJSON()]).toEqual([true, ['1', '2']]);
    // (x²)∘(x + 1) = x² + 2x + 1; 3∘anything = 3.
    expect(P([0, 0, 1]).compose(p).toJSON()).toEqual(['1', '2', '1']);
    expect(P([3]).compose(p).toJSON()).toEqual(['3']);
    expect(Polynomial.ZERO.compose(p).isZero()).toBe(true);
  });

  it('gcd, monic and primitive', () => {
    const a = Polynomial.fromRoots([1, 2, 2]);
    const b = Polynomial.fromRoots([2, 3]).scale(5);
    expect(a.gcd(b).toJSON()).toEqual(['-2', '1']);
    expect(a.gcd(Polynomial.ZERO).equals(a.monic())).toBe(true);
    expect(Polynomial.ZERO.gcd(Polynomial.ZERO).isZero()).toBe(true);
    expect(P([2, 4]).monic().toJSON()).toEqual(['1/2', '1']);
    expect(Polynomial.ZERO.monic().isZero()).toBe(true);
    expect(P(['1/2', '-1/3', 1]).primitive().toJSON()).toEqual(['3', '-2', '6']);
    expect(P([-4, 6]).primitive().toJSON()).toEqual(['-2', '3']);
    expect(Polynomial.ZERO.primitive().isZero()).toBe(true);
  });

  it('derivative, signs at ±∞, order at zero and equality', () => {
    expect(P([5, 3, 0, 2]).derivative().toJSON()).toEqual(['3', '0', '6']);
    expect(P([5]).derivative().isZero()).toBe(true);
    const odd = P([0, -1, 0, 2]);
    expect([odd.signAtInfinity(1), odd.signAtInfinity(-1)]).toEqual([1, -1]);
    const even = P([1, 0, -3]);
    expect([even.signAtInfinity(1), even.signAtInfinity(-1)]).toEqual([-1, -1]);
    expect(Polynomial.ZERO.signAtInfinity(-1)).toBe(0);
    expect([P([0, 0, 3, 1]).orderAtZero(), P([1, 1]).orderAtZero()]).toEqual([2, 0]);
    expect(() => Polynomial.ZERO.orderAtZero()).toThrow('the zero polynomial vanishes to every order');
    expect(P([1, 2]).equals(P([1, 2]))).toBe(true);
    expect(P([1, 2]).equals(P([1, 3]))).toBe(false);
    expect(P([1, 2]).equals(P([1, 2, 1]))).toBe(false);
    expect(P([1, 2, 1]).equals(P([1, 2]))).toBe(false);
  });

  it('toString writes signs, unit coefficients and powers', () => {
    expect(P([1, '-3/4', 1]).toString()).toBe('x^2 - 3/4*x + 1');
    expect(P([0, -1]).toString()).toBe('-x');
    expect(P([-2, 0, -1]).toString('t')).toBe('-t^2 - 2');
    expect(P([0, 2, 0, 0]).toString()).toBe('2*x');
    expect(Polynomial.ZERO.toString()).toBe('0');
    expect(P(['-1/2']).toString()).toBe('-1/2');
  });

  it('square-free decomposition and part: multiplicities, monic factors, errors on zero', () => {
    // 3 (x − 1)² (x + 2)³ x
    const p = Polynomial.fromRoots([1, 1, -2, -2, -2, 0]).scale(3);
    const parts = squareFreeDecomposition(p).map((f) => [f.multiplicity, f.factor.toJSON()]);
    expect(parts).toEqual([[1, ['0', '1']], [2, ['-1', '1']], [3, ['2', '1']]]);
    expect(squareFreePart(p).toJSON()).toEqual(Polynomial.fromRoots([0, 1, -2]).toJSON());
    expect(squareFreeDecomposition(P([7]))).toEqual([]);
    // No simple roots: (x − 1)² (x + 1)³ has nothing of multiplicity 1, and no constant factor is listed.
    const noSimple = squareFreeDecomposition(Polynomial.fromRoots([1, 1, -1, -1, -1]));
    expect(noSimple.map((f) => [f.multiplicity, f.factor.toJSON()])).toEqual([[2, ['-1', '1']], [3, ['1', '1']]]);
    expect(() => squareFreeDecomposition(Polynomial.ZERO)).toThrow('square-free decomposition of the zero polynomial');
    expect(() => squareFreePart(Polynomial.ZERO)).toThrow('square-free part of the zero polynomial');
  });
});
