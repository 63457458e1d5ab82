import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { NumberError, Rational, q } from '../../src/numbers/index.ts';

const big = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZeroBig = big.filter((b) => b !== 0n);
const rational = fc.tuple(big, nonZeroBig).map(([n, d]) => Rational.of(n, d));
const D = Decimal.clone({ precision: 200 });
const dec = (r: Rational): Decimal => new D(r.num.toString()).div(r.den.toString());

describe('Rational', () => {
  it('is always normalised: gcd 1 and positive denominator', () => {
    fc.assert(
      fc.property(big, nonZeroBig, (n, d) => {
        const r = Rational.of(n, d);
        expect(r.den > 0n).toBe(true);
        const g = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : g(b, a % b));
        expect(g(r.num, r.den)).toBe(1n);
        // Same value as the unnormalised fraction: n·den = num·d.
        expect(n * r.den).toBe(r.num * d);
      }),
    );
  });

  it('arithmetic agrees with 200-digit decimal arithmetic', () => {
    fc.assert(
      fc.property(rational, rational, (a, b) => {
        const tol = new D('1e-150');
        expect(dec(a.add(b)).minus(dec(a).plus(dec(b))).abs().lte(tol)).toBe(true);
        expect(dec(a.sub(b)).minus(dec(a).minus(dec(b))).abs().lte(tol)).toBe(true);
        const prod = dec(a).times(dec(b));
        expect(dec(a.mul(b)).minus(prod).abs().lte(prod.abs().times(tol))).toBe(true);
        if (!b.isZero()) {
          const quo = dec(a).div(dec(b));
          expect(dec(a.div(b)).minus(quo).abs().lte(quo.abs().times(tol))).toBe(true);
        }
        expect(a.compare(b)).toBe(dec(a).comparedTo(dec(b)));
      }),
    );
  });

  it('satisfies the field identities exactly', () => {
    fc.assert(
      fc.property(rational, rational, rational, (a, b, c) => {
        expect(a.mul(b.add(c)).equals(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(b).add(b).equals(a)).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).equals(a)).toBe(true);
        expect(a.neg().add(a).isZero()).toBe(true);
      }),
    );
  });

  it('prints and parses back to the same value', () => {
    fc.assert(
      fc.property(rational, (a) => {
        expect(Rational.parse(a.toString()).equals(a)).toBe(true);
      }),
    );
  });

  it('parses fractions, integers and finite decimals exactly', () => {
    expect(q('-3/4').toString()).toBe('-3/4');
    expect(q('6/-8').toString()).toBe('-3/4');
    expect(q('0.125').toString()).toBe('1/8');
    expect(q('-1.5e-3').toString()).toBe('-3/2000');
    expect(q('2E3').toString()).toBe('2000');
    expect(q('.5').toString()).toBe('1/2');
    expect(q('7').toString()).toBe('7');
    expect(q(1, 3).add(q(1, 6)).toString()).toBe('1/2');
  });

  it('converts every finite double exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const r = Rational.fromNumber(x);
        expect(r.toNumber()).toBe(x === 0 ? 0 : x);
        // A double is dyadic: its exact denominator is a power of two.
        expect(r.den & (r.den - 1n)).toBe(0n);
      }),
    );
    expect(Rational.fromNumber(0.1).toString()).toBe('3602879701896397/36028797018963968');
  });

  it('floor and ceil agree with decimal floor and ceil', () => {
    fc.assert(
      fc.property(rational, (a) => {
        expect(a.floor().toString()).toBe(dec(a).floor().toFixed(0));
        expect(a.ceil().toString()).toBe(dec(a).ceil().toFixed(0));
      }),
    );
  });

  it('approximates a float by the simplest nearby fraction', () => {
    expect(Rational.approximate(0.3333333333).toString()).toBe('1/3');
    expect(Rational.approximate(-2.5).toString()).toBe('-5/2');
    expect(Rational.approximate(Math.PI, 1e-2).toString()).toBe('22/7');
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 50 }), (n, d) => {
        expect(Rational.approximate(n / d).equals(Rational.of(n, d))).toBe(true);
      }),
    );
  });

  it('rejects NaN, infinities, zero denominators and garbage with a message naming the value', () => {
    expect(() => q(Number.NaN)).toThrow(/NaN/);
    expect(() => q(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
    expect(() => q('1/0')).toThrow(/division by zero.*1\/0/);
    expect(() => q(1).div(q(0))).toThrow(NumberError);
    expect(() => q('abc')).toThrow(/"abc"/);
    expect(() => q('')).toThrow(NumberError);
    expect(() => q('1.2.3')).toThrow(NumberError);
    expect(() => Rational.of(1.5)).toThrow(/not an integer: 1.5/);
  });

  it('converts to Decimal at the requested precision', () => {
    expect(q(1, 3).toDecimal(40).toString()).toBe('0.' + '3'.repeat(40));
    expect(q(-7, 2).toNumber()).toBe(-3.5);
    expect(Rational.of(10n ** 400n, 3n * 10n ** 399n).toNumber()).toBeCloseTo(10 / 3, 12);
  });
});
