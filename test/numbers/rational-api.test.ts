import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberError, Rational, q } from '../../src/numbers/index.ts';

/** The neighbouring doubles of x (bit pattern ± 1), for checking correct rounding exactly. */
function neighbours(x: number): [number, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const step = (delta: bigint): number => {
    view.setBigUint64(0, bits + delta);
    return view.getFloat64(0);
  };
  return x > 0 ? [step(-1n), step(1n)] : [step(1n), step(-1n)];
}

const small = fc.tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: 1, max: 12 })).map(([n, d]) => Rational.of(n, d));

describe('Rational: construction', () => {
  it('of, fromInt and the constants', () => {
    expect(Rational.fromInt(5).toString()).toBe('5');
    expect(Rational.fromInt(-7n).toString()).toBe('-7');
    expect(Rational.MINUS_ONE.toString()).toBe('-1');
    expect(Rational.ONE.add(Rational.MINUS_ONE).isZero()).toBe(true);
    expect(() => Rational.of(3, 0)).toThrow('division by zero: 3/0');
    expect(() => Rational.fromInt(0.5)).toThrow(NumberError);
    const error = new NumberError('x');
    expect([error.name, error.message, error instanceof Error]).toEqual(['NumberError', 'x', true]);
  });

  it('from accepts each kind of value and rejects anything else with NumberError', () => {
    const half = q(1, 2);
    expect(Rational.from(half)).toBe(half);
    expect(Rational.from(6n).toString()).toBe('6');
    expect(Rational.from(0.25).toString()).toBe('1/4');
    expect(Rational.from(' -3/9 ').toString()).toBe('-1/3');
    expect(() => Rational.from({} as unknown as string)).toThrow(NumberError);
    expect(() => Rational.from({} as unknown as string)).toThrow('not a rational number: [object Object]');
  });

  it('q with a denominator divides exactly for every kind of numerator', () => {
    expect(q(1, 2).toString()).toBe('1/2');
    expect(q(3n, 6n).toString()).toBe('1/2');
    expect(q(-4, -6).toString()).toBe('2/3');
    expect(q('1/2', 3).toString()).toBe('1/6');
    expect(q(q(1, 2), 3).toString()).toBe('1/6');
    expect(q(0.5, 2).toString()).toBe('1/4');
    expect(() => q(1, 0)).toThrow('division by zero: 1/0');
    expect(() => q('1/2', 0)).toThrow('division by zero: 1/2 / 0');
  });

  it('parse trims, needs the whole text to match, and bounds exponents', () => {
    expect(Rational.parse('  3/4 ').toString()).toBe('3/4');
    expect(Rational.parse('3 / -4').toString()).toBe('-3/4');
    expect(Rational.parse('1.5e12').toString()).toBe('1500000000000');
    expect(Rational.parse('-2.5E-2').toString()).toBe('-1/40');
    expect(Rational.parse('4.').toString()).toBe('4');
    expect(Rational.parse('1e-100000').den).toBe(10n ** 100000n);
    expect(Rational.parse('1e100000').num).toBe(10n ** 100000n);
    for (const bad of ['x3/4', '3/4x', '3/4/5', '.', '-', '+.', 'e5', '.e1', '1e', '1/2.5', ''])
      expect(() => Rational.parse(bad), bad).toThrow(NumberError);
    expect(() => Rational.parse('1e100001')).toThrow('exponent out of range in "1e100001"');
    expect(() => Rational.parse('1e-100001')).toThrow(/exponent out of range/);
    expect(() => Rational.parse('1e99999999999999999999')).toThrow(/exponent out of range/);
    expect(() => Rational.parse('1/0')).toThrow('division by zero in rational "1/0"');
  });
});

describe('Rational: arithmetic and order', () => {
  it('division by zero names the dividend', () => {
    expect(() => q(1, 2).div(Rational.ZERO)).toThrow('division by zero: 1/2 / 0');
    expect(() => Rational.ZERO.inv()).toThrow('division by zero: 1 / 0');
  });

  it('inv and pow against repeated multiplication', () => {
    fc.assert(
      fc.property(small, fc.integer({ min: 0, max: 6 }), (a, k) => {
        let power = Rational.ONE;
        for (let i = 0; i < k; i++) power = power.mul(a);
        expect(a.pow(k).equals(power)).toBe(true);
        if (!a.isZero()) {
          expect(a.inv().mul(a).equals(Rational.ONE)).toBe(true);
          expect(a.pow(-k).mul(power).equals(Rational.ONE)).toBe(true);
        }
      }),
    );
    expect(q(-2, 3).pow(3).toString()).toBe('-8/27');
    expect(q(2, 3).pow(-2).toString()).toBe('9/4');
    expect(() => q(2).pow(0.5)).toThrow('non-integer exponent 0.5');
  });

  it('compare, equals and the order predicates agree with cross-multiplication', () => {
    fc.assert(
      fc.property(small, small, (a, b) => {
        const l = a.num * b.den;
        const r = b.num * a.den;
        expect(a.compare(b)).toBe(l < r ? -1 : l > r ? 1 : 0);
        expect(a.equals(b)).toBe(l === r);
        expect([a.lt(b), a.le(b), a.gt(b), a.ge(b)]).toEqual([l < r, l <= r, l > r, l >= r]);
        expect(a.min(b).equals(l <= r ? a : b)).toBe(true);
        expect(a.max(b).equals(l >= r ? a : b)).toBe(true);
      }),
    );
    // Equal values written differently, and values sharing only a numerator or a denominator.
    expect(q(1, 2).compare(q(2, 4))).toBe(0);
    expect(q(1, 2).equals(q(1, 3))).toBe(false);
    expect(q(1, 3).equals(q(2, 3))).toBe(false);
    expect([q(1, 2).lt(q(1, 2)), q(1, 2).le(q(1, 2)), q(1, 2).gt(q(1, 2)), q(1, 2).ge(q(1, 2))]).toEqual([false, true, false, true]);
  });

  it('abs, sign, isZero and isInteger', () => {
    expect(q(3, 2).abs().toString()).toBe('3/2');
    expect(q(-3, 2).abs().toString()).toBe('3/2');
    expect(Rational.ZERO.abs().isZero()).toBe(true);
    expect([q(-1, 5).sign(), Rational.ZERO.sign(), q(1, 5).sign()]).toEqual([-1, 0, 1]);
    expect([Rational.ONE.isZero(), Rational.ZERO.isZero()]).toEqual([false, true]);
    expect([q(4, 2).isInteger(), q(1, 2).isInteger(), q(-3).isInteger()]).toEqual([true, false, true]);
  });

  it('bitLength is the bit length of the larger of |num| and den', () => {
    expect(Rational.ZERO.bitLength()).toBe(1); // 0/1: den = 1 has one bit
    expect(q(1, 255).bitLength()).toBe(8);
    expect(q(-256, 3).bitLength()).toBe(9);
    expect(q(255, 256).bitLength()).toBe(9);
    expect(q(256, 255).bitLength()).toBe(9);
    expect(q(5, 4).bitLength()).toBe(3);
  });

  it('toJSON is the exact interchange string', () => {
    expect(JSON.stringify({ x: q(-3, 4), y: q(5) })).toBe('{"x":"-3/4","y":"5"}');
  });
});

describe('Rational: floats', () => {
  it('toNumber is correctly rounded (no neighbouring double is nearer), also where 20-digit decimals would not be', () => {
    const cases = [Rational.of(4503599628139531n, 12213n), Rational.of(4503599627922300n, 22483n), q(1, 3), q(-2, 7)];
    for (const r of cases) {
      const x = r.toNumber();
      const distance = Rational.fromNumber(x).sub(r).abs();
      for (const y of neighbours(x)) expect(Rational.fromNumber(y).sub(r).abs().ge(distance)).toBe(true);
    }
  });

  it('approximate stops at maxDen and at the tolerance, and rejects non-finite input with NumberError', () => {
    // Convergents of π: 3, 22/7, 333/106, 355/113.
    expect(Rational.approximate(Math.PI, 1e-12, 100n).toString()).toBe('22/7');
    expect(Rational.approximate(Math.PI, 1e-12, 7n).toString()).toBe('22/7');
    expect(Rational.approximate(Math.PI, 1e-12, 6n).toString()).toBe('3');
    expect(Rational.approximate(Math.PI, 1e-12, 113n).toString()).toBe('355/113');
    // 1 is exactly at the tolerance 1/4 from 3/4, so it is accepted before 3/4 is reached.
    expect(Rational.approximate(0.75, 0.25).toString()).toBe('1');
    expect(Rational.approximate(0.75, 0.2).toString()).toBe('3/4');
    expect(Rational.approximate(-0.75, 0.25).toString()).toBe('-1');
    expect(Rational.approximate(0).toString()).toBe('0');
    expect(() => Rational.approximate(Number.NaN)).toThrow(NumberError);
    expect(() => Rational.approximate(Number.NEGATIVE_INFINITY)).toThrow('not a finite number: -Infinity');
    expect(() => Rational.fromNumber(Number.NaN)).toThrow('not a finite number: NaN');
  });
});
