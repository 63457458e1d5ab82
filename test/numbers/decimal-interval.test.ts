import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallRational } from '../../src/generators/rational.ts';
import { IndeterminateSignError, intervalField, type DecimalInterval } from '../../src/numbers/decimal-interval.ts';
import { Rational, q } from '../../src/numbers/rational.ts';

const I = intervalField(30);
/** The reference: the same expression at 300 digits (errors far below the 30-digit enclosure). */
const R = Decimal.clone({ precision: 300 });
const ref = (r: Rational): Decimal => new R(r.num.toString()).div(r.den.toString());
const inside = (x: DecimalInterval, v: Decimal): boolean => x.lo.lte(v) && x.hi.gte(v);

const value = smallRational({ maxNumerator: 9, maxDenominator: 7 });

describe('intervalField: every operation encloses the exact result', () => {
  it('add, sub, mul, div, exp, pow, max0 of rationals contain a 300-digit reference', () => {
    fc.assert(
      fc.property(value, value, fc.integer({ min: 0, max: 5 }), (a, b, n) => {
        const A = I.fromRational(a);
        const B = I.fromRational(b);
        expect(inside(I.add(A, B), ref(a).plus(ref(b)))).toBe(true);
        expect(inside(I.sub(A, B), ref(a).minus(ref(b)))).toBe(true);
        expect(inside(I.mul(A, B), ref(a).times(ref(b)))).toBe(true);
        if (!b.isZero()) expect(inside(I.div(A, B), ref(a).div(ref(b)))).toBe(true);
        expect(inside(I.exp(A), ref(a).exp())).toBe(true);
        expect(inside(I.pow(A, n), ref(a).pow(n))).toBe(true);
        expect(inside(I.max0(A), Decimal.max(ref(a), 0))).toBe(true);
        // Width: a few units in the 30th digit, no more.
        const scale = Decimal.max(1, ref(a).abs().exp());
        expect(I.exp(A).width().lte(scale.times('1e-28'))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('products of intervals that contain 0 and powers of such intervals stay enclosures', () => {
    const X = I.between('-0.5', '2');
    expect(inside(I.pow(X, 2), new R(0))).toBe(true);
    expect(I.pow(X, 2).lo.isZero()).toBe(true);
    expect(I.pow(X, 2).hi.eq(4)).toBe(true);
    expect(I.pow(X, 3).lo.eq(-0.125)).toBe(true);
    expect(I.mul(X, X).lo.eq(-1)).toBe(true); // the dependency effect of naive multiplication
  });

  it('signs are decided only when the interval excludes 0, else IndeterminateSignError', () => {
    expect(I.sign(I.fromRational(q(1, 3)))).toBe(1);
    expect(I.sign(I.fromRational(q(-1, 3)))).toBe(-1);
    expect(I.sign(I.zero)).toBe(0);
    const third = I.fromRational(q(1, 3));
    const almostZero = I.sub(I.mul(third, I.fromInt(3)), I.one);
    expect(almostZero.containsZero()).toBe(true);
    expect(() => I.sign(almostZero)).toThrow(IndeterminateSignError);
    expect(() => I.div(I.one, almostZero)).toThrow(/contains 0/);
  });

  it('rejects unusable precisions and empty intervals', () => {
    expect(() => intervalField(3)).toThrow(/precision/);
    expect(() => I.between('2', '1')).toThrow(/empty interval/);
  });
});
