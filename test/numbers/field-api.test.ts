import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FloatField, NumberError, Rational, RationalField, decimalField, intervalField, q, type Field } from '../../src/numbers/index.ts';
import { asIntervalField } from '../../src/numbers/decimal-interval.ts';
import { smallRational } from '../../src/generators/rational.ts';

/** Halves and quarters: exact in float64 and in decimals, so every field must agree with Rational exactly. */
const dyadic = smallRational({ maxNumerator: 9, maxDenominator: 4 }).filter((r) => r.den !== 3n);

/** Each field operation on dyadic inputs, read back as a Rational through toDecimal, against exact arithmetic. */
function checkAgainstRational<T>(F: Field<T>, a: Rational, b: Rational): void {
  const back = (x: T): string => Rational.parse(F.toDecimal(x).toFixed()).toString();
  const A = F.fromRational(a);
  const B = F.fromRational(b);
  expect(back(A)).toBe(a.toString());
  expect(back(F.fromNumber(a.toNumber()))).toBe(a.toString());
  expect(back(F.fromInt(a.floor()))).toBe(a.floor().toString());
  expect(back(F.add(A, B))).toBe(a.add(b).toString());
  expect(back(F.sub(A, B))).toBe(a.sub(b).toString());
  expect(back(F.mul(A, B))).toBe(a.mul(b).toString());
  if (!b.isZero() && (b.num === 1n || b.num === -1n || b.num === 2n || b.num === -2n || b.num === 4n || b.num === -4n || b.num === 8n || b.num === -8n)) {
    expect(back(F.div(A, B))).toBe(a.div(b).toString());
  }
  expect(back(F.neg(A))).toBe(a.neg().toString());
  expect(back(F.abs(A))).toBe(a.abs().toString());
  expect(F.sign(A)).toBe(a.sign());
  expect(F.compare(A, B)).toBe(a.compare(b));
  expect(F.isZero(A)).toBe(a.isZero());
  expect(F.eq(A, B)).toBe(a.equals(b));
  expect(F.eq(A, F.fromRational(a))).toBe(true);
  expect(F.toNumber(A)).toBe(a.toNumber());
  expect(Rational.parse(F.toString(A)).toString()).toBe(a.toString());
}

describe('Field implementations against exact rational arithmetic', () => {
  it('RationalField, FloatField and decimalField agree with Rational on dyadic values', () => {
    const fields: Field<unknown>[] = [RationalField, FloatField, decimalField(40)] as Field<unknown>[];
    fc.assert(
      fc.property(dyadic, dyadic, (a, b) => {
        for (const F of fields) checkAgainstRational(F, a, b);
      }),
    );
  });

  it('names, exactness and the constants', () => {
    expect([RationalField.name, FloatField.name, decimalField(7).name]).toEqual(['rational', 'float64', 'decimal(7)']);
    expect([RationalField.exact, FloatField.exact, decimalField(7).exact]).toEqual([true, false, false]);
    const twoThirds = q(2, 3);
    expect(RationalField.fromRational(twoThirds)).toBe(twoThirds);
    expect(FloatField.toDecimal(0.5).eq(new Decimal('0.5'))).toBe(true);
    expect(FloatField.fromInt(2n ** 60n)).toBe(2 ** 60);
    expect(FloatField.exp!(0)).toBe(1);
    expect(decimalField(30).exp!(decimalField(30).zero).eq(1)).toBe(true);
    expect(decimalField(30).exp!(decimalField(30).one).toFixed(28)).toBe('2.7182818284590452353602874714');
  });

  it('float fields reject non-finite results with NumberError naming the source', () => {
    expect(() => FloatField.fromInt(10n ** 400n)).toThrow(`float of ${10n ** 400n} gave Infinity`);
    expect(() => FloatField.fromRational(Rational.of(10n ** 400n))).toThrow(/^float of 1000.* gave Infinity$/);
    expect(() => FloatField.fromNumber(Number.NaN)).toThrow('float input gave NaN');
    expect(FloatField.fromNumber(-1.5)).toBe(-1.5);
    expect(() => FloatField.div(1, 0)).toThrow('division by zero: 1 / 0');
  });

  it('decimal fields: precision bounds, finiteness, and plain (non-exponential) printing', () => {
    expect(() => decimalField(0)).toThrow(NumberError);
    expect(() => decimalField(1.5)).toThrow(NumberError);
    expect(() => decimalField(1_000_001)).toThrow(NumberError);
    expect(() => decimalField(-3)).toThrow('decimal precision must be a positive integer, got -3');
    expect(decimalField(1).fromInt(7).toString()).toBe('7');
    expect(decimalField(1_000_000).fromInt(7).toString()).toBe('7');
    const D = decimalField(20);
    expect(D.toString(D.fromRational(Rational.of(1n, 10n ** 30n)))).toBe(`0.${'0'.repeat(29)}1`);
    expect(D.toString(D.fromInt(10n ** 30n))).toBe(`1${'0'.repeat(30)}`);
    expect(() => D.fromNumber(Number.NaN)).toThrow('not a finite number: NaN');
    expect(() => D.div(D.one, D.zero)).toThrow('division by zero: 1 / 0');
    expect(D.toDecimal(D.one)).toBe(D.one);
  });

  it('asIntervalField recognises interval fields only', () => {
    const I = intervalField(12);
    expect(asIntervalField(I)).toBe(I);
    expect(asIntervalField(RationalField)).toBeNull();
    expect(asIntervalField(decimalField(12))).toBeNull();
    expect(asIntervalField({ ...RationalField, max0: () => 0 } as unknown as Field<Rational>)).toBeNull();
    expect(asIntervalField({ ...RationalField, hull: () => 0 } as unknown as Field<Rational>)).toBeNull();
  });
});
