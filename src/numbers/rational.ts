import { Decimal } from 'decimal.js';
import { NumberError } from './errors.ts';

function bigAbs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** An exact rational number num/den over bigint, always normalised: gcd(num, den) = 1, den > 0. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly MINUS_ONE = new Rational(-1n, 1n);

  /** num/den in lowest terms; throws on a zero denominator. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    const n = typeof num === 'number' ? integerFromNumber(num) : num;
    const d = typeof den === 'number' ? integerFromNumber(den) : den;
    if (d === 0n) throw new NumberError(`division by zero: ${n}/0`);
    if (n === 0n) return Rational.ZERO;
    const g = gcd(n, d);
    const s = d < 0n ? -1n : 1n;
    return new Rational((s * n) / g, (s * d) / g);
  }

  static fromInt(n: bigint | number): Rational {
    return Rational.of(n, 1n);
  }

  /** The exact value of a finite float64 (every double is a dyadic rational). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new NumberError(`not a finite number: ${x}`);
    if (Number.isInteger(x)) return Rational.of(BigInt(x));
    // Scale by powers of two until integral: exact because doubles are dyadic.
    let den = 1n;
    let v = x;
    while (!Number.isInteger(v)) {
      v *= 2;
      den *= 2n;
    }
    return Rational.of(BigInt(v), den);
  }

  /**
   * The simplest rational within tol of x (continued fractions): turns a float found by a search
   * into a small, readable candidate that is then checked exactly.
   */
  static approximate(x: number, tol = 1e-9, maxDen = 1_000_000n): Rational {
    if (!Number.isFinite(x)) throw new NumberError(`not a finite number: ${x}`);
    const sign = x < 0 ? -1n : 1n;
    let rest = Math.abs(x);
    let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
    for (let i = 0; i < 64; i++) {
      const a = Math.floor(rest);
      const ab = BigInt(a);
      const p2 = ab * p1 + p0;
      const q2 = ab * q1 + q0;
      if (q2 > maxDen) break;
      [p0, q0, p1, q1] = [p1, q1, p2, q2];
      if (Math.abs(Number(p1) / Number(q1) - Math.abs(x)) <= tol) break;
      const frac = rest - a;
      if (frac === 0) break;
      rest = 1 / frac;
    }
    return Rational.of(sign * p1, q1);
  }

  /** Parses "-3/4", "7", "0.125", "-1.5e-3" exactly. */
  static parse(text: string): Rational {
    const s = text.trim();
    const frac = /^([+-]?\d+)\s*\/\s*([+-]?\d+)$/.exec(s);
    if (frac) {
      const den = BigInt(frac[2]!);
      if (den === 0n) throw new NumberError(`division by zero in rational "${text}"`);
      return Rational.of(BigInt(frac[1]!), den);
    }
    const dec = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
    if (dec && (dec[2] !== '' || (dec[3] !== undefined && dec[3] !== ''))) {
      const sign = dec[1] === '-' ? -1n : 1n;
      const intPart = dec[2] || '0';
      const fracPart = dec[3] ?? '';
      const exp = dec[4] ? Number(dec[4]) : 0;
      if (!Number.isSafeInteger(exp) || Math.abs(exp) > 100_000) {
        throw new NumberError(`exponent out of range in "${text}"`);
      }
      let num = BigInt(intPart + fracPart) * sign;
      let den = 10n ** BigInt(fracPart.length);
      if (exp >= 0) num *= 10n ** BigInt(exp);
      else den *= 10n ** BigInt(-exp);
      return Rational.of(num, den);
    }
    throw new NumberError(`not a rational number: "${text}"`);
  }

  /** Accepts a number (exactly), a bigint, a numeric string or a Rational. */
  static from(value: Rational | number | bigint | string): Rational {
    if (value instanceof Rational) return value;
    if (typeof value === 'bigint') return Rational.of(value);
    if (typeof value === 'number') return Rational.fromNumber(value);
    if (typeof value === 'string') return Rational.parse(value);
    throw new NumberError(`not a rational number: ${String(value)}`);
  }

  add(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num + o.num, this.den);
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    if (this.den === o.den) return Rational.of(this.num - o.num, this.den);
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    if (this.num === 0n || o.num === 0n) return Rational.ZERO;
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  div(o: Rational): Rational {
    if (o.num === 0n) throw new NumberError(`division by zero: ${this.toString()} / 0`);
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return this.num === 0n ? this : new Rational(-this.num, this.den);
  }

  inv(): Rational {
    if (this.num === 0n) throw new NumberError('division by zero: 1 / 0');
    return Rational.of(this.den, this.num);
  }

  pow(k: number): Rational {
    if (!Number.isInteger(k)) throw new NumberError(`non-integer exponent ${k}`);
    if (k < 0) return this.inv().pow(-k);
    return new Rational(this.num ** BigInt(k), this.den ** BigInt(k));
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.num > 0n ? 1 : this.num < 0n ? -1 : 0;
  }

  compare(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }

  lt(o: Rational): boolean {
    return this.compare(o) < 0;
  }

  le(o: Rational): boolean {
    return this.compare(o) <= 0;
  }

  gt(o: Rational): boolean {
    return this.compare(o) > 0;
  }

  ge(o: Rational): boolean {
    return this.compare(o) >= 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** Largest integer ≤ this. */
  floor(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** Smallest integer ≥ this. */
  ceil(): bigint {
    return -this.neg().floor();
  }

  min(o: Rational): Rational {
    return this.le(o) ? this : o;
  }

  max(o: Rational): Rational {
    return this.ge(o) ? this : o;
  }

  /** Nearest double (correctly rounded for moderate sizes, via decimal.js for huge parts). */
  toNumber(): number {
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
    return new Decimal(this.num.toString()).div(this.den.toString()).toNumber();
  }

  /** Value as a decimal.js Decimal at the given significant digits. */
  toDecimal(precision = 50): Decimal {
    const D = Decimal.clone({ precision });
    return new D(this.num.toString()).div(this.den.toString());
  }

  /** "-3/4", or "5" for integers: the exact interchange format of this project. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Bit length of the larger of numerator and denominator (a cost measure for exact kernels). */
  bitLength(): number {
    const a = bigAbs(this.num);
    const m = a > this.den ? a : this.den;
    return m === 0n ? 0 : m.toString(2).length;
  }
}

function integerFromNumber(x: number): bigint {
  if (!Number.isFinite(x) || !Number.isInteger(x)) {
    throw new NumberError(`not an integer: ${x}`);
  }
  return BigInt(x);
}

/** Shorthand: q(1, 2) = 1/2, q("-3/4"), q(5). */
export function q(value: Rational | number | bigint | string, den?: number | bigint): Rational {
  if (den !== undefined) {
    if (typeof value === 'string' || value instanceof Rational) {
      return Rational.from(value).div(Rational.of(den));
    }
    if (typeof value === 'number' && !Number.isInteger(value)) {
      return Rational.fromNumber(value).div(Rational.of(den));
    }
    return Rational.of(value, den);
  }
  return Rational.from(value);
}
