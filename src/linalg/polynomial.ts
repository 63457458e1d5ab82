import { Rational, gcd } from '../numbers/rational.ts';

type RationalLike = Rational | number | bigint | string;

/** An exact univariate polynomial over the rationals, coefficients ascending, no trailing zeros. */
export class Polynomial {
  /** c[k] is the coefficient of x^k; the zero polynomial has none. */
  readonly coefficients: readonly Rational[];

  constructor(coefficients: readonly Rational[]) {
    let end = coefficients.length;
    while (end > 0 && coefficients[end - 1]!.isZero()) end--;
    this.coefficients = coefficients.slice(0, end);
  }

  static readonly ZERO = new Polynomial([]);
  static readonly ONE = new Polynomial([Rational.ONE]);
  static readonly X = new Polynomial([Rational.ZERO, Rational.ONE]);

  /** From ascending coefficients: Polynomial.of([1, 0, -2]) = 1 − 2x². */
  static of(coefficients: readonly RationalLike[]): Polynomial {
    return new Polynomial(coefficients.map((c) => Rational.from(c)));
  }

  static constant(c: RationalLike): Polynomial {
    return new Polynomial([Rational.from(c)]);
  }

  /** c·x^k. */
  static monomial(c: RationalLike, k: number): Polynomial {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`monomial degree must be a natural number, got ${k}`);
    const coefficients = Array.from({ length: k + 1 }, () => Rational.ZERO);
    coefficients[k] = Rational.from(c);
    return new Polynomial(coefficients);
  }

  /** Π (x − r) over the given roots (repeat a root for multiplicity). */
  static fromRoots(roots: readonly RationalLike[]): Polynomial {
    return roots.reduce<Polynomial>((p, r) => p.mul(Polynomial.of([Rational.from(r).neg(), 1])), Polynomial.ONE);
  }

  /** Degree; −1 for the zero polynomial. */
  get degree(): number {
    return this.coefficients.length - 1;
  }

  isZero(): boolean {
    return this.coefficients.length === 0;
  }

  isConstant(): boolean {
    return this.coefficients.length <= 1;
  }

  coefficient(k: number): Rational {
    return this.coefficients[k] ?? Rational.ZERO;
  }

  /** The coefficient of the highest power (0 for the zero polynomial). */
  leadingCoefficient(): Rational {
    return this.coefficients[this.coefficients.length - 1] ?? Rational.ZERO;
  }

  add(o: Polynomial): Polynomial {
    const n = Math.max(this.coefficients.length, o.coefficients.length);
    return new Polynomial(Array.from({ length: n }, (_, k) => this.coefficient(k).add(o.coefficient(k))));
  }

  sub(o: Polynomial): Polynomial {
    return this.add(o.neg());
  }

  neg(): Polynomial {
    return new Polynomial(this.coefficients.map((c) => c.neg()));
  }

  scale(s: RationalLike): Polynomial {
    const r = Rational.from(s);
    return new Polynomial(this.coefficients.map((c) => c.mul(r)));
  }

  mul(o: Polynomial): Polynomial {
    if (this.isZero() || o.isZero()) return Polynomial.ZERO;
    const out = Array.from({ length: this.coefficients.length + o.coefficients.length - 1 }, () => Rational.ZERO);
    this.coefficients.forEach((a, i) => {
      if (a.isZero()) return;
      o.coefficients.forEach((b, j) => {
        out[i + j] = out[i + j]!.add(a.mul(b));
      });
    });
    return new Polynomial(out);
  }

  pow(k: number): Polynomial {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`polynomial power must be a natural number, got ${k}`);
    let result = Polynomial.ONE;
    for (let i = 0; i < k; i++) result = result.mul(this);
    return result;
  }

  /** Euclidean division: this = quotient·d + remainder with deg remainder < deg d. */
  divide(d: Polynomial): { quotient: Polynomial; remainder: Polynomial } {
    if (d.isZero()) throw new RangeError('polynomial division by the zero polynomial');
    const lead = d.leadingCoefficient();
    const rem = [...this.coefficients];
    const quot = Array.from({ length: Math.max(0, rem.length - d.coefficients.length + 1) }, () => Rational.ZERO);
    for (let k = rem.length - d.coefficients.length; k >= 0; k--) {
      const top = rem[k + d.degree]!;
      if (top.isZero()) continue;
      const factor = top.div(lead);
      quot[k] = factor;
      d.coefficients.forEach((c, j) => {
        rem[k + j] = rem[k + j]!.sub(factor.mul(c));
      });
    }
    return { quotient: new Polynomial(quot), remainder: new Polynomial(rem.slice(0, d.degree)) };
  }

  mod(d: Polynomial): Polynomial {
    return this.divide(d).remainder;
  }

  /** this / d when d divides this; throws otherwise. */
  exactDivide(d: Polynomial): Polynomial {
    const { quotient, remainder } = this.divide(d);
    if (!remainder.isZero()) throw new RangeError(`${d.toString()} does not divide ${this.toString()}`);
    return quotient;
  }

  /** The monic greatest common divisor (zero only when both are zero). */
  gcd(o: Polynomial): Polynomial {
    let a: Polynomial = this.monic();
    let b: Polynomial = o.monic();
    while (!b.isZero()) [a, b] = [b, a.mod(b).monic()];
    return a;
  }

  /** Scaled to leading coefficient 1 (the zero polynomial stays zero). */
  monic(): Polynomial {
    return this.isZero() ? this : this.scale(this.leadingCoefficient().inv());
  }

  /**
   * Scaled by a positive rational to coprime integer coefficients: same sign everywhere, smaller
   * numbers (Sturm sequences stay small this way).
   */
  primitive(): Polynomial {
    if (this.isZero()) return this;
    const den = this.coefficients.reduce((l, c) => (l / gcd(l, c.den)) * c.den, 1n);
    const ints = this.coefficients.map((c) => (c.num * den) / c.den);
    const content = ints.reduce((g, x) => gcd(g, x), 0n);
    return new Polynomial(ints.map((x) => Rational.of(x / content)));
  }

  derivative(): Polynomial {
    return new Polynomial(this.coefficients.slice(1).map((c, k) => c.mul(Rational.of(k + 1))));
  }

  /** Exact value at a rational point (Horner). */
  evaluate(x: RationalLike): Rational {
    const r = Rational.from(x);
    let acc = Rational.ZERO;
    for (let k = this.coefficients.length - 1; k >= 0; k--) acc = acc.mul(r).add(this.coefficients[k]!);
    return acc;
  }

  /** Sign of the value at x; over bigints only (den^deg · p(num/den), den > 0, has the same sign). */
  signAt(x: RationalLike): -1 | 0 | 1 {
    const r = Rational.from(x);
    let acc = 0n;
    let denPower = 1n;
    // Σ c_k num^k den^(n−k), accumulated by Horner with the coefficient denominators cleared per term.
    const n = this.degree;
    if (n < 0) return 0;
    const common = this.coefficients.reduce((l, c) => (l / gcd(l, c.den)) * c.den, 1n);
    for (let k = n; k >= 0; k--) {
      const c = this.coefficients[k]!;
      acc = acc * r.num + ((c.num * common) / c.den) * denPower;
      denPower *= r.den;
    }
    return acc > 0n ? 1 : acc < 0n ? -1 : 0;
  }

  /** Sign of p(x) as x → +∞ (direction 1) or −∞ (direction −1). */
  signAtInfinity(direction: 1 | -1): -1 | 0 | 1 {
    const s = this.leadingCoefficient().sign();
    return direction === -1 && this.degree % 2 === 1 ? (-s as -1 | 0 | 1) : s;
  }

  /** p(q(x)). */
  compose(q: Polynomial): Polynomial {
    let acc = Polynomial.ZERO;
    for (let k = this.coefficients.length - 1; k >= 0; k--) acc = acc.mul(q).add(new Polynomial([this.coefficients[k]!]));
    return acc;
  }

  /** Largest k such that x^k divides p (the multiplicity of the root 0); the zero polynomial throws. */
  orderAtZero(): number {
    if (this.isZero()) throw new RangeError('the zero polynomial vanishes to every order');
    return this.coefficients.findIndex((c) => !c.isZero());
  }

  equals(o: Polynomial): boolean {
    return this.coefficients.length === o.coefficients.length && this.coefficients.every((c, k) => c.equals(o.coefficients[k]!));
  }

  /** "x^2 - 3/4*x + 1"; "0" for the zero polynomial. */
  toString(variable = 'x'): string {
    const terms: string[] = [];
    for (let k = this.coefficients.length - 1; k >= 0; k--) {
      const c = this.coefficients[k]!;
      if (c.isZero()) continue;
      const magnitude = c.abs();
      const power = k === 0 ? '' : k === 1 ? variable : `${variable}^${k}`;
      const body = k === 0 ? magnitude.toString() : magnitude.equals(Rational.ONE) ? power : `${magnitude.toString()}*${power}`;
      terms.push(terms.length === 0 ? (c.sign() < 0 ? `-${body}` : body) : `${c.sign() < 0 ? '-' : '+'} ${body}`);
    }
    return terms.length === 0 ? '0' : terms.join(' ');
  }

  toJSON(): string[] {
    return this.coefficients.map((c) => c.toString());
  }
}
