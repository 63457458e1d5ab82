import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DecimalInterval, IndeterminateSignError, NumberError, intervalField, q } from '../../src/numbers/index.ts';

const d = (x: Decimal.Value): Decimal => new Decimal(x);
const ends = (x: DecimalInterval): [string, string] => [x.lo.toFixed(), x.hi.toFixed()];

describe('DecimalInterval', () => {
  it('rejects non-finite ends and empty intervals with NumberError', () => {
    expect(() => new DecimalInterval(d(0), d(Infinity))).toThrow('interval end is not finite: [0, Infinity]');
    expect(() => new DecimalInterval(d(-Infinity), d(0))).toThrow(NumberError);
    expect(() => new DecimalInterval(d(NaN), d(NaN))).toThrow(NumberError);
    expect(() => new DecimalInterval(d(2), d(1))).toThrow('empty interval [2, 1]');
    expect(ends(new DecimalInterval(d(1), d(1)))).toEqual(['1', '1']);
  });

  it('contains, containsZero, width, midpoint, radius and toString', () => {
    const x = new DecimalInterval(d(1), d(2));
    expect([x.contains(1), x.contains('1.5'), x.contains(2), x.contains('0.999'), x.contains('2.001')]).toEqual([true, true, true, false, false]);
    expect(x.containsZero()).toBe(false);
    expect(new DecimalInterval(d(-2), d(-1)).containsZero()).toBe(false);
    expect(new DecimalInterval(d(-1), d(0)).containsZero()).toBe(true);
    expect(new DecimalInterval(d(0), d(0)).containsZero()).toBe(true);
    expect(x.width().toFixed()).toBe('1');
    expect(x.midpoint().toFixed()).toBe('1.5');
    expect(x.radius().toFixed()).toBe('0.5');
    expect(x.toString()).toBe('[1, 2]');
    // Exact also when the ends differ far below 20 significant digits.
    const narrow = new DecimalInterval(d(1), d('1.0000000000000000000000001'));
    expect(narrow.midpoint().toFixed()).toBe('1.00000000000000000000000005');
    expect(narrow.width().toFixed()).toBe('0.0000000000000000000000001');
  });
});

describe('intervalField: the remaining operations', () => {
  it('precision bounds and identity', () => {
    expect(() => intervalField(9)).toThrow(NumberError);
    expect(() => intervalField(100_001)).toThrow(NumberError);
    expect(() => intervalField(12.5)).toThrow('interval precision must be an integer between 10 and 100000 digits, got 12.5');
    expect(intervalField(10).name).toBe('interval(10)');
    expect(intervalField(100_000).precision).toBe(100_000);
    expect(intervalField(10).exact).toBe(false);
  });

  it('prints plain decimals, not exponents', () => {
    const I = intervalField(12);
    expect(I.toString(I.point('0.0000000000001'))).toBe('[0.0000000000001, 0.0000000000001]');
    expect(I.toString(I.fromInt(10n ** 20n))).toBe(`[1${'0'.repeat(20)}, 1${'0'.repeat(20)}]`);
  });

  it('sign, compare, isZero and eq decide only what the enclosure decides', () => {
    const I = intervalField(12);
    const zeroToOne = I.between(0, 1);
    expect(() => I.sign(zeroToOne)).toThrow(IndeterminateSignError);
    expect(() => I.sign(I.between(-1, 0))).toThrow('the sign of a number in [-1, 0] is not determined at 12 digits');
    const error = (() => {
      try {
        I.sign(zeroToOne);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.name).toBe('IndeterminateSignError');
    expect(error).toBeInstanceOf(NumberError);
    expect(I.compare(I.fromInt(2), I.fromInt(3))).toBe(-1);
    expect(I.compare(I.fromInt(3), I.fromInt(3))).toBe(0);
    expect(I.compare(I.fromRational(q(1, 3)), I.fromRational(q(1, 4)))).toBe(1);
    expect([I.isZero(I.zero), I.isZero(zeroToOne), I.isZero(I.between(-1, 0)), I.isZero(I.one)]).toEqual([true, false, false, false]);
    expect(I.eq(I.fromInt(2), I.point(2))).toBe(true);
    expect(I.eq(I.fromInt(2), I.fromInt(3))).toBe(false);
    expect(I.eq(I.between(1, 2), I.between(1, 2))).toBe(false); // not single points: equality unknown
    expect(I.eq(I.point(1), I.between(1, 2))).toBe(false);
    expect(I.eq(I.between(1, 2), I.point(1))).toBe(false);
  });

  it('abs, hull, max0 and pow at the edges', () => {
    const I = intervalField(12);
    expect(ends(I.abs(I.between(1, 2)))).toEqual(['1', '2']);
    expect(ends(I.abs(I.between(-3, -2)))).toEqual(['2', '3']);
    expect(ends(I.abs(I.between(-3, 2)))).toEqual(['0', '3']);
    expect(ends(I.abs(I.between(-2, 3)))).toEqual(['0', '3']);
    expect(ends(I.hull(I.between(1, 2), I.between(-1, '1.5')))).toEqual(['-1', '2']);
    expect(ends(I.hull(I.between(-1, '1.5'), I.between(1, 2)))).toEqual(['-1', '2']);
    expect(ends(I.max0(I.between(1, 2)))).toEqual(['1', '2']);
    expect(ends(I.max0(I.between(-1, 2)))).toEqual(['0', '2']);
    expect(ends(I.max0(I.between(-2, -1)))).toEqual(['0', '0']);
    expect(ends(I.pow(I.between(-1, 1), 0))).toEqual(['1', '1']);
    expect(ends(I.pow(I.between(-3, -2), 2))).toEqual(['4', '9']);
    expect(ends(I.pow(I.between(-3, -2), 3))).toEqual(['-27', '-8']);
    expect(ends(I.pow(I.between(-2, 3), 2))).toEqual(['0', '9']);
    expect(ends(I.pow(I.between(-3, 2), 3))).toEqual(['-27', '8']);
    expect(() => I.pow(I.one, -1)).toThrow('interval power needs a natural exponent, got -1');
    expect(() => I.pow(I.one, 1.5)).toThrow(NumberError);
  });

  it('fromNumber is exact, toNumber and toDecimal give the midpoint', () => {
    const I = intervalField(30);
    expect(ends(I.fromNumber(0.1))).toEqual(['0.100000000000000005551115123125', '0.100000000000000005551115123126']);
    expect(ends(I.fromNumber(-0.375))).toEqual(['-0.375', '-0.375']);
    expect(I.toNumber(I.between(1, 2))).toBe(1.5);
    expect(I.toDecimal(I.between(1, 2)).toFixed()).toBe('1.5');
  });
});
