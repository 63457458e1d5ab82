import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FloatField, RationalField, decimalField, dot, sum, type Field, Rational } from '../../src/numbers/index.ts';
import { smallRational } from '../../src/generators/rational.ts';

/** A fixed expression written once against Field: (a·b − c)/(1 + a²) + Σ. */
function expression<T>(F: Field<T>, a: T, b: T, c: T): T {
  const numer = F.sub(F.mul(a, b), c);
  const denom = F.add(F.one, F.mul(a, a));
  return F.add(F.div(numer, denom), sum(F, [a, b, c]));
}

describe('Field implementations', () => {
  const D50 = decimalField(50);

  it('evaluate the same generic code to the same value (exact vs float vs 50-digit decimal)', () => {
    fc.assert(
      fc.property(smallRational(), smallRational(), smallRational(), (a, b, c) => {
        const exact = expression(RationalField, a, b, c);
        const float = expression(FloatField, a.toNumber(), b.toNumber(), c.toNumber());
        const decimal = expression(D50, D50.fromRational(a), D50.fromRational(b), D50.fromRational(c));
        expect(float).toBeCloseTo(exact.toNumber(), 10);
        expect(decimal.minus(exact.toDecimal(60)).abs().lt('1e-45')).toBe(true);
        expect(RationalField.sign(exact)).toBe(D50.sign(decimal));
      }),
    );
  });

  it('dot and sum agree with a hand computation', () => {
    const v = [1, 2, 3].map((x) => Rational.of(x));
    const w = ['1/2', '-1', '1/3'].map((x) => Rational.parse(x));
    expect(dot(RationalField, v, w).toString()).toBe('-1/2');
    expect(sum(RationalField, w).toString()).toBe('-1/6');
    expect(() => dot(RationalField, v, w.slice(1))).toThrow(/lengths 3 and 2/);
  });

  it('reject division by zero and non-finite inputs in every field', () => {
    expect(() => RationalField.div(RationalField.one, RationalField.zero)).toThrow(/division by zero/);
    expect(() => FloatField.div(1, 0)).toThrow(/division by zero/);
    expect(() => FloatField.fromNumber(Number.NaN)).toThrow(/NaN/);
    expect(() => D50.div(D50.one, D50.zero)).toThrow(/division by zero/);
    expect(() => D50.fromNumber(Number.POSITIVE_INFINITY)).toThrow(/Infinity/);
    expect(() => decimalField(0)).toThrow(/precision/);
  });

  it('decimal fields keep the requested number of digits', () => {
    const D100 = decimalField(100);
    const third = D100.div(D100.one, D100.fromInt(3));
    expect(third.toString()).toBe('0.' + '3'.repeat(100));
    expect(RationalField.exact && !FloatField.exact && !D100.exact).toBe(true);
  });
});
