import { Decimal } from 'decimal.js';
import { NumberError } from './errors.ts';
import type { Field } from './field.ts';
import { Rational } from './rational.ts';

/**
 * A closed interval [lo, hi] of decimals that encloses one real number. Every operation of an
 * `intervalField` rounds its lower end down and its upper end up, so the true value of a
 * computation stays inside: what the exp-unit claims rest on when they say `numerical (P digits)`.
 */
export class DecimalInterval {
  readonly lo: Decimal;
  readonly hi: Decimal;

  constructor(lo: Decimal, hi: Decimal) {
    if (!lo.isFinite() || !hi.isFinite()) throw new NumberError(`interval end is not finite: [${lo.toString()}, ${hi.toString()}]`);
    if (lo.gt(hi)) throw new NumberError(`empty interval [${lo.toString()}, ${hi.toString()}]`);
    this.lo = lo;
    this.hi = hi;
  }

  /** Both ends > 0: the enclosed number is certainly positive. */
  isPositive(): boolean {
    return this.lo.isPositive() && !this.lo.isZero();
  }

  isNegative(): boolean {
    return this.hi.isNegative() && !this.hi.isZero();
  }

  /** Whether 0 lies in the interval (the sign of the enclosed number is then not known unless it is [0, 0]). */
  containsZero(): boolean {
    return !this.isPositive() && !this.isNegative();
  }

  contains(x: Decimal.Value): boolean {
    return this.lo.lte(x) && this.hi.gte(x);
  }

  /** hi − lo, exactly (decimal.js subtraction at enough digits). */
  width(): Decimal {
    return exactDecimal.sub(this.hi, this.lo);
  }

  /** The midpoint, exactly. */
  midpoint(): Decimal {
    return exactDecimal.add(this.lo, this.hi).div(2);
  }

  /** Half the width, exactly: |x − midpoint| ≤ radius for the enclosed x. */
  radius(): Decimal {
    return this.width().div(2);
  }

  toString(): string {
    return `[${this.lo.toString()}, ${this.hi.toString()}]`;
  }
}

/** Enough digits that sums, halves and differences of interval ends are exact. */
const exactDecimal = Decimal.clone({ precision: 1_000_000, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

/** A sign or comparison that an enclosure cannot decide (the interval contains the point compared with). */
export class IndeterminateSignError extends NumberError {
  constructor(what: string) {
    super(what);
    this.name = 'IndeterminateSignError';
  }
}

/** The field operations of intervals plus what only intervals have (hull, max(0, ·), exact midpoints). */
export interface IntervalField extends Field<DecimalInterval> {
  readonly precision: number;
  /** [x, x] for an exactly representable decimal string or Decimal. */
  point(x: Decimal.Value): DecimalInterval;
  /** Lower and upper ends rounded outward from decimals (e.g. midpoint ± radius). */
  between(lo: Decimal.Value, hi: Decimal.Value): DecimalInterval;
  hull(a: DecimalInterval, b: DecimalInterval): DecimalInterval;
  /** max(0, x): monotone, so [max(0, lo), max(0, hi)]. */
  max0(a: DecimalInterval): DecimalInterval;
  /** x^n for a natural n, tight also when the interval contains 0. */
  pow(a: DecimalInterval, n: number): DecimalInterval;
  /** exp, defined for every interval (the Field's exp is optional). */
  exp(a: DecimalInterval): DecimalInterval;
}

/**
 * Interval arithmetic on decimal.js at `precision` significant digits with outward rounding
 * (ROUND_FLOOR for lower ends, ROUND_CEIL for upper ends). decimal.js rounds +, −, ×, ÷ correctly
 * in the requested direction and documents exp as correctly rounded; exp is still widened by one
 * more unit in the last place on each side, so the enclosure holds even for a faithfully rounded exp.
 * Sign decisions throw IndeterminateSignError when the interval contains 0 (and is not [0, 0]).
 */
export function intervalField(precision: number): IntervalField {
  if (!Number.isInteger(precision) || precision < 10 || precision > 100_000) {
    throw new NumberError(`interval precision must be an integer between 10 and 100000 digits, got ${precision}`);
  }
  const config = { precision, toExpNeg: -9e15, toExpPos: 9e15 };
  const Down = Decimal.clone({ ...config, rounding: Decimal.ROUND_FLOOR });
  const Up = Decimal.clone({ ...config, rounding: Decimal.ROUND_CEIL });
  const ulp = new Down(10).pow(1 - precision);
  const make = (lo: Decimal, hi: Decimal): DecimalInterval => new DecimalInterval(lo, hi);
  const point = (x: Decimal.Value): DecimalInterval => {
    const lo = new Down(x);
    const hi = new Up(x);
    return make(Down.add(lo, 0), Up.add(hi, 0));
  };
  const zero = point(0);
  const one = point(1);
  const fromRational = (r: Rational): DecimalInterval =>
    make(Down.div(r.num.toString(), r.den.toString()), Up.div(r.num.toString(), r.den.toString()));
  const add = (a: DecimalInterval, b: DecimalInterval): DecimalInterval => make(Down.add(a.lo, b.lo), Up.add(a.hi, b.hi));
  const neg = (a: DecimalInterval): DecimalInterval => make(a.hi.neg(), a.lo.neg());
  const sub = (a: DecimalInterval, b: DecimalInterval): DecimalInterval => make(Down.sub(a.lo, b.hi), Up.sub(a.hi, b.lo));
  const mul = (a: DecimalInterval, b: DecimalInterval): DecimalInterval => {
    const ends = [
      [a.lo, b.lo],
      [a.lo, b.hi],
      [a.hi, b.lo],
      [a.hi, b.hi],
    ] as const;
    const lows = ends.map(([x, y]) => Down.mul(x, y));
    const highs = ends.map(([x, y]) => Up.mul(x, y));
    return make(Decimal.min(...lows), Decimal.max(...highs));
  };
  const sign = (a: DecimalInterval): -1 | 0 | 1 => {
    if (a.isPositive()) return 1;
    if (a.isNegative()) return -1;
    if (a.lo.isZero() && a.hi.isZero()) return 0;
    throw new IndeterminateSignError(`the sign of a number in ${a.toString()} is not determined at ${precision} digits`);
  };
  const div = (a: DecimalInterval, b: DecimalInterval): DecimalInterval => {
    if (!b.isPositive() && !b.isNegative()) throw new NumberError(`interval division by ${b.toString()}, which contains 0`);
    const ends = [
      [a.lo, b.lo],
      [a.lo, b.hi],
      [a.hi, b.lo],
      [a.hi, b.hi],
    ] as const;
    return make(Decimal.min(...ends.map(([x, y]) => Down.div(x, y))), Decimal.max(...ends.map(([x, y]) => Up.div(x, y))));
  };
  const exp = (a: DecimalInterval): DecimalInterval => {
    const lo = Down.exp(a.lo);
    const hi = Up.exp(a.hi);
    // One extra ulp outward (exp > 0, so scaling by 1 ∓ 10^(1−P) moves at least one ulp).
    return make(Down.sub(lo, Up.mul(lo, ulp)), Up.add(hi, Up.mul(hi, ulp)));
  };
  const abs = (a: DecimalInterval): DecimalInterval => {
    if (a.lo.gte(0)) return a;
    if (a.hi.lte(0)) return neg(a);
    return make(new Down(0), Decimal.max(a.lo.neg(), a.hi));
  };
  // x^n for x ≥ 0 by repeated products rounded in one direction (each partial product stays a bound).
  const powOf = (C: typeof Down, x: Decimal, n: number): Decimal => {
    let r = new C(1);
    for (let i = 0; i < n; i++) r = C.mul(r, x);
    return r;
  };
  const pow = (a: DecimalInterval, n: number): DecimalInterval => {
    if (!Number.isInteger(n) || n < 0) throw new NumberError(`interval power needs a natural exponent, got ${n}`);
    if (n === 0) return one;
    if (a.lo.gte(0)) return make(powOf(Down, a.lo, n), powOf(Up, a.hi, n));
    if (a.hi.lte(0)) {
      const p = pow(neg(a), n);
      return n % 2 === 1 ? neg(p) : p;
    }
    const up = powOf(Up, Decimal.max(a.lo.neg(), a.hi), n);
    return n % 2 === 1 ? make(powOf(Up, a.lo.neg(), n).neg(), powOf(Up, a.hi, n)) : make(new Down(0), up);
  };
  return {
    name: `interval(${precision})`,
    exact: false,
    precision,
    zero,
    one,
    fromInt: (n) => point(n.toString()),
    fromRational,
    fromNumber: (x) => fromRational(Rational.fromNumber(x)),
    add,
    sub,
    mul,
    div,
    neg,
    abs,
    sign,
    compare: (a, b) => sign(sub(a, b)),
    isZero: (a) => a.lo.isZero() && a.hi.isZero(),
    eq: (a, b) => a.lo.eq(a.hi) && b.lo.eq(b.hi) && a.lo.eq(b.lo),
    toNumber: (a) => a.midpoint().toNumber(),
    toDecimal: (a) => a.midpoint(),
    toString: (a) => a.toString(),
    exp,
    point,
    between: (lo, hi) => make(new Down(lo).plus(0), new Up(hi).plus(0)),
    hull: (a, b) => make(Decimal.min(a.lo, b.lo), Decimal.max(a.hi, b.hi)),
    max0: (a) => make(Decimal.max(a.lo, 0), Decimal.max(a.hi, 0)),
    pow,
  };
}

/** The field as an IntervalField when it is one (it has hull and max0), else null. */
export function asIntervalField<T>(F: Field<T>): IntervalField | null {
  const candidate = F as unknown as Partial<IntervalField>;
  return typeof candidate.max0 === 'function' && typeof candidate.hull === 'function' ? (F as unknown as IntervalField) : null;
}
