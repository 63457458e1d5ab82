// Second routes of the Kawaguchi & Kaelbling checks. Each re-decides a failing case from the
// instance's raw numbers with formulas of its own (network, losses, derivatives written out here),
// sharing no evaluator with the checks:
// - z3 where the statement must hold for every value of the exponentials: exp(z) becomes an unknown
//   E_z > 0 with exp's order, E_0 = 1 and E_z ≥ 1 + z, so a decision for every such E is one at exp;
// - z3 on ground facts where every number is rational;
// - a decimal.js midpoint–radius evaluator with its own error bound where exp must be evaluated.
import { Decimal } from 'decimal.js';
import {
  confirmBySmt,
  confirmed,
  contradicted,
  Rational,
  smt,
  unconfirmed,
  type Confirmation,
  type JsonValue,
  type TableRow,
  type Witness,
} from '../../src/index.ts';
import type { LossName, UnitCase } from './_instances.ts';

type Term = smt.Term;

// ---------------------------------------------------------------------------------------------
// Three arithmetics for the same formulas: exact rationals, SMT terms, decimal balls.

interface Arith<T> {
  lit(r: Rational): T;
  add(...xs: T[]): T;
  sub(a: T, b: T): T;
  mul(...xs: T[]): T;
  /** max(0, x). */
  max0(a: T): T;
}

const exact: Arith<Rational> = {
  lit: (r) => r,
  add: (...xs) => xs.reduce((s, x) => s.add(x), Rational.ZERO),
  sub: (a, b) => a.sub(b),
  mul: (...xs) => xs.reduce((s, x) => s.mul(x), Rational.ONE),
  max0: (a) => (a.sign() > 0 ? a : Rational.ZERO),
};

const terms: Arith<Term> = {
  lit: (r) => smt.real(r),
  add: (...xs) => smt.add(...xs),
  sub: (a, b) => smt.sub(a, b),
  mul: (...xs) => smt.mul(...xs),
  max0: (a) => smt.relu(a),
};

/** A real number x with |x − mid| ≤ rad. */
export class Ball {
  constructor(
    readonly mid: Decimal,
    readonly rad: Decimal,
  ) {}

  positive(): boolean {
    return this.mid.gt(this.rad);
  }

  negative(): boolean {
    return this.mid.neg().gt(this.rad);
  }

  nonNegative(): boolean {
    return this.mid.gte(this.rad);
  }

  toString(): string {
    const mid = this.mid.isZero() ? '0' : this.mid.toSignificantDigits(30).toString();
    return `${mid} ± ${this.rad.toSignificantDigits(2).toExponential()}`;
  }
}

export interface BallArith extends Arith<Ball> {
  readonly digits: number;
  exp(x: Ball): Ball;
  abs(x: Ball): Ball;
  /** |x| certainly above the number in `bound` ('apart'), certainly at most it ('within'), or neither (null). */
  compareAbs(x: Ball, bound: Ball): 'apart' | 'within' | null;
}

/**
 * Midpoint–radius arithmetic: midpoints rounded to `digits` significant digits (decimal.js rounds
 * +, −, × and exp correctly, so each result is within |result|·10^(1−digits) of the exact one),
 * radii accumulated with every rounding error and rounded upwards.
 */
export function ballArith(digits: number): BallArith {
  const range = { toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 };
  const D = Decimal.clone({ precision: digits, rounding: Decimal.ROUND_HALF_EVEN, ...range });
  // Radii and bounds rounded towards +∞.
  const U = Decimal.clone({ precision: 24, rounding: Decimal.ROUND_CEIL, ...range });
  const unit = new U(10).pow(1 - digits);
  const err = (m: Decimal): Decimal => U.mul(U.abs(m), unit);
  const ball = (mid: Decimal, rad: Decimal): Ball => new Ball(mid, rad);
  const add2 = (x: Ball, y: Ball): Ball => {
    const mid = D.add(x.mid, y.mid);
    return ball(mid, U.add(U.add(x.rad, y.rad), err(mid)));
  };
  const mul2 = (x: Ball, y: Ball): Ball => {
    const mid = D.mul(x.mid, y.mid);
    const spread = U.add(U.add(U.mul(U.abs(x.mid), y.rad), U.mul(U.abs(y.mid), x.rad)), U.mul(x.rad, y.rad));
    return ball(mid, U.add(spread, err(mid)));
  };
  const zero = ball(new D(0), new U(0));
  const one = ball(new D(1), new U(0));
  const lit = (r: Rational): Ball => {
    const mid = D.div(r.num.toString(), r.den.toString());
    return ball(mid, err(mid));
  };
  return {
    digits,
    lit,
    add: (...xs) => xs.reduce(add2, zero),
    sub: (a, b) => add2(a, ball(D.mul(b.mid, -1), b.rad)),
    mul: (...xs) => xs.reduce(mul2, one),
    max0: (x) => {
      if (x.nonNegative()) return x;
      if (x.mid.neg().gte(x.rad)) return zero;
      // The value lies in [0, mid + rad] ⊆ [−R, R] with R = |mid| + rad.
      return ball(new D(0), U.add(U.abs(x.mid), x.rad));
    },
    exp: (x) => {
      // |e^x − e^mid| ≤ e^mid (e^rad − 1) ≤ e^mid (rad + rad²) for rad ≤ 1/2.
      if (x.rad.gt(0.5)) throw new Error(`exponent known only to ±${x.rad.toString()}`);
      const mid = D.exp(x.mid);
      const e = U.mul(U.abs(mid), U.add(1, unit));
      return ball(mid, U.add(U.mul(e, U.add(x.rad, U.mul(x.rad, x.rad))), err(mid)));
    },
    abs: (x) => ball(D.abs(x.mid), x.rad),
    compareAbs: (x, s) => {
      const size = D.abs(x.mid);
      if (size.gt(U.add(U.add(x.rad, s.rad), s.mid))) return 'apart';
      if (U.add(U.add(size, x.rad), s.rad).lte(s.mid)) return 'within';
      return null;
    },
  };
}

/** The digits of the second route for checks enclosed at 60 digits. */
const CHECK_DIGITS = 150;
const DECIMAL_ROUTE = `decimal.js at ${CHECK_DIGITS} digits (midpoint–radius, own formulas)`;

// ---------------------------------------------------------------------------------------------
// The losses as the statements give them (one prediction q ∈ ℝ^{d_y}, label y).

/** φ(r) = r⁴/4 − 2r³/3 + 11r²/20, the non-convex quartic of Theorem 2's statement. */
export const QUARTIC = { c2: Rational.of(11, 20), c3: Rational.of(-2, 3), c4: Rational.of(1, 4) } as const;

function quarticPhi<T>(A: Arith<T>, r: T): T {
  const r2 = A.mul(r, r);
  return A.add(A.mul(A.lit(QUARTIC.c4), r2, r2), A.mul(A.lit(QUARTIC.c3), r2, r), A.mul(A.lit(QUARTIC.c2), r2));
}

function quarticSlope<T>(A: Arith<T>, r: T): T {
  return A.add(A.mul(A.lit(QUARTIC.c4.mul(Rational.of(4))), r, r, r), A.mul(A.lit(QUARTIC.c3.mul(Rational.of(3))), r, r), A.mul(A.lit(QUARTIC.c2.mul(Rational.of(2))), r));
}

/** max(0, 1 − yq) of the cubic hinge. */
function hingeGap<T>(A: Arith<T>, q: T, y: Rational): T {
  return A.max0(A.sub(A.lit(Rational.ONE), A.mul(A.lit(y), q)));
}

function pointLoss<T>(A: Arith<T>, loss: LossName, q: readonly T[], y: readonly Rational[]): T {
  switch (loss) {
    case 'squared':
      return A.add(...q.map((v, k) => A.mul(A.sub(v, A.lit(y[k]!)), A.sub(v, A.lit(y[k]!)))));
    case 'cubic-hinge': {
      const r = hingeGap(A, q[0]!, y[0]!);
      return A.mul(r, r, r);
    }
    case 'quartic':
      return A.add(...q.map((v, k) => quarticPhi(A, A.sub(v, A.lit(y[k]!)))));
  }
}

/** ∇ℓ_y(q). */
function pointGradient<T>(A: Arith<T>, loss: LossName, q: readonly T[], y: readonly Rational[]): T[] {
  switch (loss) {
    case 'squared':
      return q.map((v, k) => A.mul(A.lit(Rational.of(2)), A.sub(v, A.lit(y[k]!))));
    case 'cubic-hinge': {
      const r = hingeGap(A, q[0]!, y[0]!);
      return [A.mul(A.lit(y[0]!.mul(Rational.of(-3))), r, r)];
    }
    case 'quartic':
      return q.map((v, k) => quarticSlope(A, A.sub(v, A.lit(y[k]!))));
  }
}

// ---------------------------------------------------------------------------------------------
// The base network of a unit case, x ↦ W2 relu(W1 x + b1) + b2, and the unit's exponents.

const dot = (u: readonly Rational[], v: readonly Rational[]): Rational => u.reduce((s, x, i) => s.add(x.mul(v[i]!)), Rational.ZERO);

function preActivations(c: UnitCase, x: readonly Rational[]): Rational[] {
  return c.hidden.map((w, u) => dot(w, x).add(c.hiddenBias[u]!));
}

function baseOutput(c: UnitCase, x: readonly Rational[]): Rational[] {
  const h = preActivations(c, x).map((s) => exact.max0(s));
  return c.outWeights.map((row, k) => dot(row, h).add(c.outBias?.[k] ?? Rational.ZERO));
}

/** w_kᵀx + b_k. */
function unitExponent(w: readonly Rational[], b: Rational, x: readonly Rational[]): Rational {
  return dot(w, x).add(b);
}

/** The distinct inputs and, for each, the indices of the data points equal to it. */
function groupInputs(inputs: readonly (readonly Rational[])[]): { points: Rational[][]; members: number[][] } {
  const points: Rational[][] = [];
  const members: number[][] = [];
  const where = new Map<string, number>();
  inputs.forEach((x, i) => {
    const key = x.map(String).join(',');
    const j = where.get(key);
    if (j === undefined) {
      where.set(key, points.length);
      points.push([...x]);
      members.push([i]);
    } else members[j]!.push(i);
  });
  return { points, members };
}

const asRational = (v: unknown): Rational => (v instanceof Rational ? v : Rational.parse(String(v)));
const asVector = (v: unknown): Rational[] => (Array.isArray(v) ? v.map(asRational) : []);

// ---------------------------------------------------------------------------------------------
// z3 with the exponentials as unknowns.

/**
 * exp(z) for each distinct exponent z as an unknown E: positive, strictly increasing in z, E = 1 at
 * z = 0 and E ≥ 1 + z. exp satisfies all of these, so what holds for every such E holds at exp.
 */
function expUnknowns(q: smt.SmtQuery, exponents: readonly Rational[]): (z: Rational) => Term {
  const distinct = [...new Map(exponents.map((z) => [z.toString(), z])).values()].sort((x, y) => x.compare(y));
  const byKey = new Map<string, Term>();
  distinct.forEach((z, n) => {
    const e = q.declare(`E_${n}`);
    byKey.set(z.toString(), e);
    q.assert(smt.and(smt.gt(e, smt.ZERO), smt.ge(e, smt.real(z.add(Rational.ONE))), ...(z.isZero() ? [smt.eq(e, smt.ONE)] : [])));
    if (n > 0) q.assert(smt.lt(byKey.get(distinct[n - 1]!.toString())!, e));
  });
  return (z) => byKey.get(z.toString())!;
}

/**
 * Decides a statement about one instance for every admissible value of the exponentials: it fails
 * for all of them (confirmed: it fails at exp), holds for all of them (contradicted), or neither.
 * `statement` writes the admissibility constraints into the query and returns the statement.
 */
export async function decideForEveryExp(route: string, meaning: string, statement: (q: smt.SmtQuery) => Term): Promise<Confirmation> {
  const holdsSomewhere = new smt.SmtQuery(`${meaning}\nunsat: it fails for every admissible value of the exponentials, exp's included`);
  holdsSomewhere.assert(statement(holdsSomewhere));
  const first = await smt.checkSat(holdsSomewhere);
  const evidence = (r: smt.SmtResult) => ({ solver: r.solver, answer: r.answer, meaning, query: r.query });
  if (first.answer === 'unsat') return confirmed(route, evidence(first));
  const failsSomewhere = new smt.SmtQuery(`${meaning}\nunsat: it holds for every admissible value of the exponentials, exp's included`);
  failsSomewhere.assert(smt.not(statement(failsSomewhere)));
  const second = await smt.checkSat(failsSomewhere);
  if (second.answer === 'unsat') return contradicted(route, `the statement holds for every admissible value of the exponentials, so at exp`, evidence(second));
  return unconfirmed(route, `the solver did not decide the statement for all values of the exponentials (${first.answer}, ${second.answer})`, evidence(second));
}

/** Confirmed when some part confirms the negation, contradicted when every part shows its statement holds. */
function negationOfConjunction(route: string, parts: readonly Confirmation[]): Confirmation {
  const hit = parts.find((p) => p.status === 'confirmed');
  if (hit !== undefined) return confirmed(route, { [hit.route]: hit.evidence ?? {} });
  if (parts.every((p) => p.status === 'contradicted')) {
    return contradicted(route, parts.map((p) => `${p.route}: ${p.status === 'contradicted' ? p.reason : ''}`).join('; '));
  }
  const open = parts.find((p) => p.status === 'unknown')!;
  return unconfirmed(route, `${open.route}: ${open.status === 'unknown' ? open.reason : ''}`, open.evidence);
}

// ---------------------------------------------------------------------------------------------
// Eq. (9).

/**
 * a_k ∂L̃/∂a_k = ∂L̃/∂b_k + c·λa_k² for every k, with ∂L̃/∂a_k = (1/m) Σ_i ∇ℓ_k E_ik + 2λa_k and
 * ∂L̃/∂b_k = (1/m) Σ_i ∇ℓ_k a_k E_ik at q_i = f(x_i) + a∘E_i, decided for every value of the E_ik
 * (the paper's identity has c = 2).
 */
export function decideEq9(c: UnitCase, coefficient: Rational = Rational.of(2)): Promise<Confirmation> {
  const route = 'z3: eq. (9) for every admissible value of exp(w_kᵀx_i + b_k)';
  const m = Rational.of(c.inputs.length);
  return decideForEveryExp(route, `a_k ∂L̃/∂a_k = ∂L̃/∂b_k + ${coefficient.toString()}λa_k² for every k`, (q) => {
    const exponents = c.inputs.map((x) => c.w.map((w, k) => unitExponent(w, c.b[k]!, x)));
    const E = expUnknowns(q, exponents.flat());
    const f = c.inputs.map((x) => baseOutput(c, x));
    const grads = c.inputs.map((_, i) => {
      const yHat = f[i]!.map((v, k) => q.define(`q_${i}_${k}`, smt.add(smt.real(v), smt.mul(smt.real(c.a[k]!), E(exponents[i]![k]!)))));
      return pointGradient(terms, c.loss, yHat, c.targets[i]!).map((g, k) => q.define(`g_${i}_${k}`, g));
    });
    const lam = smt.real(c.lambda);
    return smt.and(
      ...c.a.map((ak, k) => {
        const a = smt.real(ak);
        const dA = smt.add(smt.div(smt.add(...grads.map((g, i) => smt.mul(g[k]!, E(exponents[i]![k]!)))), smt.real(m)), smt.mul(smt.real(2), lam, a));
        const dB = smt.div(smt.add(...grads.map((g, i) => smt.mul(g[k]!, a, E(exponents[i]![k]!)))), smt.real(m));
        return smt.eq(smt.mul(a, dA), smt.add(dB, smt.mul(smt.real(coefficient), lam, a, a)));
      }),
    );
  });
}

export const confirmEq9 = (c: UnitCase): Promise<Confirmation> => decideEq9(c);

// ---------------------------------------------------------------------------------------------
// Eq. (12): Vandermonde determinant, tensor interpolation, moments with free exp values.

function tensorPowerOf(x: readonly Rational[], t: number): Rational[] {
  let out = [Rational.ONE];
  for (let s = 0; s < t; s++) out = out.flatMap((v) => x.map((xi) => v.mul(xi)));
  return out;
}

/** det by Laplace expansion along the first row. */
function laplaceDeterminant(M: readonly (readonly Term[])[]): Term {
  if (M.length === 1) return M[0]![0]!;
  return smt.add(
    ...M[0]!.map((v, j) => {
      const minor = M.slice(1).map((row) => row.filter((_, col) => col !== j));
      const t = smt.mul(v, laplaceDeterminant(minor));
      return j % 2 === 0 ? t : smt.neg(t);
    }),
  );
}

const distinctValues = (v: readonly Rational[]): boolean => new Set(v.map(String)).size === v.length;

/** det[(uᵀx̄_j)^t] = Π_{j<l}(uᵀx̄_l − uᵀx̄_j) ≠ 0: z3 evaluates the negation on the literal entries. */
function confirmVandermonde(points: readonly (readonly Rational[])[], u: readonly Rational[]): Promise<Confirmation> {
  const route = 'z3: Laplace expansion of the Vandermonde determinant';
  const v = points.map((x) => dot(u, x));
  if (!distinctValues(v)) return Promise.resolve(unconfirmed(route, 'the projections uᵀx̄_j of the hint u are not distinct'));
  const q = new smt.SmtQuery('det V ≠ Π_{j<l}(v_l − v_j) or det V = 0 for the literal Vandermonde matrix V\nsat: the negation holds');
  const det = q.define('det_V', laplaceDeterminant(v.map((_, t) => v.map((vj) => smt.real(vj.pow(t))))));
  const product = q.define('product', smt.mul(...v.flatMap((vl, l) => v.slice(0, l).map((vj) => smt.sub(smt.real(vl), smt.real(vj))))));
  q.assert(smt.or(smt.not(smt.eq(det, product)), smt.eq(det, smt.ZERO)));
  return confirmBySmt(route, q, 'sat', 'the Vandermonde determinant differs from the product or vanishes');
}

/** No α with Σ_t α_tᵀ vec(x̄_j^{⊗t}) = q_j for all j (t ≤ m′ − 1). */
function confirmNoInterpolation(points: readonly (readonly Rational[])[], values: readonly Rational[]): Promise<Confirmation> {
  const route = 'z3: the tensor interpolation system';
  const q = new smt.SmtQuery('some α solves Σ_t α_tᵀ vec(x̄_j^{⊗t}) = q_j for every distinct input\nunsat: no interpolation of degree m′ − 1');
  const rows = points.map((x) => Array.from({ length: points.length }, (_, t) => tensorPowerOf(x, t)).flat());
  const alpha = rows[0]!.map((_, n) => q.declare(`alpha_${n}`));
  rows.forEach((row, j) => q.assert(smt.eq(smt.dot(row.map((r) => smt.real(r)), alpha), smt.real(values[j]!))));
  return confirmBySmt(route, q, 'unsat', 'no polynomial of degree m′ − 1 in the tensor monomials interpolates the values');
}

/** Eq. (12)'s linear algebra for distinct inputs: the Vandermonde step (with the witness's u) and the interpolation. */
export async function confirmInterpolation(instance: { points: Rational[][]; values: Rational[] }, witness: Witness): Promise<Confirmation> {
  const points = instance.points;
  const parts = [await confirmVandermonde(points, asVector(witness.u)), await confirmNoInterpolation(points, instance.values.slice(0, points.length))];
  return negationOfConjunction('z3: Vandermonde determinant and tensor interpolation', parts);
}

/** The instance of the moment identity with the exp values as free positive numbers E_j. */
export interface MomentInstance {
  readonly points: Rational[][];
  readonly copies: number[];
  readonly loss: 'squared' | 'cubic-hinge';
  readonly outputs: Rational[];
  readonly labels: Rational[];
  readonly weights: Rational[];
}

/**
 * With ξ_i = ∇ℓ_{y_i}(f(x̄_j)) E_j (j the group of i), z_t = Σ_i ξ_i (uᵀx_i)^t and S_j = Σ_{i∈I_j} ∇ℓ_{y_i}:
 * z3 evaluates on the literal numbers whether [z_0 … z_{m′−1} = 0] ⇔ [every S_j = 0] ⇔ [the tensor moments
 * Σ_i ξ_i vec(x_i^{⊗t}) vanish], Σ_j (uᵀx̄_j)^t S_j E_j = z_t, and every z_t = 0 when every S_j = 0 fail.
 */
export function confirmMomentEquivalence(c: MomentInstance, witness: Witness): Promise<Confirmation> {
  const route = 'z3: the moment identities on the literal data';
  const u = asVector(witness.u);
  const v = c.points.map((x) => dot(u, x));
  if (u.length === 0 || !distinctValues(v)) return Promise.resolve(unconfirmed(route, 'the hint u does not separate the inputs'));
  const q = new smt.SmtQuery('the moment identities of eq. (11)–(12) with free exp values fail\nsat: they fail');
  const group = c.points.flatMap((_, j) => Array.from({ length: c.copies[j]! }, () => j));
  const loss: LossName = c.loss;
  const g = group.map((j, i) => q.define(`g_${i}`, pointGradient(terms, loss, [smt.real(c.outputs[j]!)], [c.labels[i]!])[0]!));
  const xi = group.map((j, i) => q.define(`xi_${i}`, smt.mul(g[i]!, smt.real(c.weights[j]!))));
  const mPrime = c.points.length;
  const z = Array.from({ length: mPrime + 2 }, (_, t) => q.define(`z_${t}`, smt.add(...group.map((j, i) => smt.mul(xi[i]!, smt.real(v[j]!.pow(t)))))));
  const S = c.points.map((_, j) => q.define(`S_${j}`, smt.add(...group.flatMap((jj, i) => (jj === j ? [g[i]!] : [])))));
  const isZero = (t: Term): Term => smt.eq(t, smt.ZERO);
  const optimal = smt.and(...S.map(isZero));
  const vanish = smt.and(...z.slice(0, mPrime).map(isZero));
  const tensorVanish = smt.and(
    ...Array.from({ length: mPrime }, (_, t) => {
      const powers = group.map((j) => tensorPowerOf(c.points[j]!, t));
      return smt.and(...powers[0]!.map((_, r) => isZero(smt.add(...group.map((_, i) => smt.mul(xi[i]!, smt.real(powers[i]![r]!)))))));
    }),
  );
  const recovers = smt.and(...Array.from({ length: mPrime }, (_, t) => smt.eq(smt.add(...S.map((s, j) => smt.mul(smt.real(v[j]!.pow(t)), s, smt.real(c.weights[j]!)))), z[t]!)));
  const allZeroIfOptimal = smt.or(smt.not(optimal), smt.and(...z.map(isZero)));
  q.assert(smt.not(smt.and(smt.eq(optimal, vanish), smt.eq(vanish, tensorVanish), recovers, allZeroIfOptimal)));
  return confirmBySmt(route, q, 'sat', 'the equivalences of eq. (12) fail on these numbers');
}

/** Per distinct input x̄_j: S_jk = Σ_{i∈I_j} ∇ℓ_{y_i}(f(x̄_j; θ))_k, exactly. */
function groupSums(c: UnitCase, k: number): { points: Rational[][]; sums: Rational[] } {
  const { points, members } = groupInputs(c.inputs);
  const grads = c.inputs.map((x, i) => pointGradient(exact, c.loss, baseOutput(c, x), c.targets[i]!));
  return { points, sums: members.map((idx) => idx.reduce((s, i) => s.add(grads[i]![k]!), Rational.ZERO)) };
}

/**
 * ζ(ε̄) = Σ_j S_j exp((w_k + ε̄u)ᵀx̄_j + b_k) (one exp per distinct input), the truncated series
 * Σ_{t≤T} ε̄^t z_t/t! with z_t = Σ_j S_j e^{w_kᵀx̄_j + b_k}(uᵀx̄_j)^t, and the tail bound
 * Σ_j |S_j| e^{w_kᵀx̄_j + b_k} (ε̄c)^{T+1}/(T+1)! e^{ε̄c}, c = max_j |uᵀx̄_j|, all in balls.
 */
export function eq10Terms(c: UnitCase, k: number, u: readonly Rational[], eps: Rational, T: number, B: BallArith): { zeta: Ball; series: Ball; tail: Ball } {
  const { points, sums } = groupSums(c, k);
  const v = points.map((x) => dot(u, x));
  const E = points.map((x) => B.exp(B.lit(unitExponent(c.w[k]!, c.b[k]!, x))));
  const zeta = B.add(...points.map((x, j) => B.mul(B.lit(sums[j]!), B.exp(B.lit(unitExponent(c.w[k]!, c.b[k]!, x).add(eps.mul(v[j]!)))))));
  let factorial = Rational.ONE;
  const terms: Ball[] = [];
  for (let t = 0; t <= T; t++) {
    if (t > 0) factorial = factorial.mul(Rational.of(t));
    terms.push(B.add(...points.map((_, j) => B.mul(B.lit(sums[j]!.mul(eps.mul(v[j]!).pow(t)).div(factorial)), E[j]!))));
  }
  const ec = eps.mul(v.reduce((m, x) => m.max(x.abs()), Rational.ZERO));
  const tail = B.mul(
    B.add(...points.map((_, j) => B.mul(B.lit(sums[j]!.abs()), E[j]!))),
    B.lit(ec.pow(T + 1).div(factorial.mul(Rational.of(T + 1)))),
    B.exp(B.lit(ec)),
  );
  return { zeta, series: B.add(...terms), tail };
}

/**
 * Eq. (10)–(11) at a = 0 with the true exp: either "θ per-input optimal for unit k yet some z_t ≠ 0"
 * (decided exactly: z_t = Σ_j S_j e^{…}(uᵀx̄_j)^t, so every S_j = 0 gives z_t = 0), or "ζ(ε̄) is outside
 * the truncated series ± its tail bound" (decimal balls).
 */
export function confirmMomentsAtZeroHead(c: UnitCase, witness: Witness): Confirmation {
  const k = Number(witness.unit);
  if (witness.part === 'moments at a per-input optimal θ') {
    const route = 'exact group sums of ∇ℓ (own forward pass and loss gradients)';
    const { sums } = groupSums(c, k);
    if (sums.every((s) => s.isZero())) return contradicted(route, `every Σ_{i∈I_j} ∇ℓ_k is exactly 0, so every z_t = Σ_j (Σ_{i∈I_j} ∇ℓ_k) e^{w_kᵀx̄_j + b_k}(uᵀx̄_j)^t is exactly 0`);
    return contradicted(route, `θ is not per-input optimal for unit ${k}: group sums ${sums.map(String).join(', ')}`);
  }
  const route = DECIMAL_ROUTE;
  const B = ballArith(CHECK_DIGITS);
  const eps = asRational(witness.epsilon);
  const T = Number(witness.terms);
  const { zeta, series, tail } = eq10Terms(c, k, asVector(witness.u), eps, T, B);
  const gap = B.sub(zeta, series);
  const evidence = { 'ζ(ε̄) − Σ_{t≤T} ε̄^t z_t/t!': gap.toString(), 'tail bound': tail.toString() };
  const verdict = B.compareAbs(gap, tail);
  if (verdict === 'apart') return confirmed(route, evidence);
  if (verdict === 'within') return contradicted(route, 'ζ(ε̄) lies inside the truncated series ± its tail bound', evidence);
  return unconfirmed(route, 'the balls do not separate ζ(ε̄) from the series ± tail', evidence);
}

// ---------------------------------------------------------------------------------------------
// Per-input optimal θ: every (0, b, W) is a global minimum of L̃|θ.

/** L(θ) = (1/m) Σ_i ℓ(f(x_i; θ), y_i), exactly. */
function baseLossValue(c: UnitCase): Rational {
  const total = c.inputs.reduce((s, x, i) => s.add(pointLoss(exact, c.loss, baseOutput(c, x), c.targets[i]!)), Rational.ZERO);
  return total.div(Rational.of(c.inputs.length));
}

/** The data term (1/m) Σ_i ℓ(f(x_i) + g(x_i), y_i) and the penalty λ‖a‖² at a point (a, b, W), in balls. */
export function augmentedTerms(B: BallArith, c: UnitCase, head: { a: Rational[]; b: Rational[]; w: Rational[][] }): { data: Ball; penalty: Ball } {
  const memo = new Map<string, Ball>();
  const expOf = (z: Rational): Ball => {
    const key = z.toString();
    if (!memo.has(key)) memo.set(key, B.exp(B.lit(z)));
    return memo.get(key)!;
  };
  const data = B.add(
    ...c.inputs.map((x, i) => {
      const q = baseOutput(c, x).map((f, k) => B.add(B.lit(f), B.mul(B.lit(head.a[k]!), expOf(unitExponent(head.w[k]!, head.b[k]!, x)))));
      return pointLoss(B, c.loss, q, c.targets[i]!);
    }),
  );
  const penalty = B.mul(B.lit(c.lambda), B.add(...head.a.map((a) => B.lit(a.mul(a)))));
  return { data: B.mul(data, B.lit(Rational.of(1, c.inputs.length))), penalty };
}

/**
 * The witness's point q = (a, b, W) near (0, b, W) (a hint) has L̃(q) < L(θ) or a negative data term,
 * while θ is per-input optimal: re-decided with an own forward pass, exact L(θ) and decimal balls.
 */
export function confirmOptimalMinimum(c: UnitCase, witness: Witness): Confirmation {
  const route = DECIMAL_ROUTE;
  const grads = c.inputs.map((x, i) => pointGradient(exact, c.loss, baseOutput(c, x), c.targets[i]!));
  if (grads.some((g) => g.some((v) => !v.isZero()))) return contradicted(route, 'θ is not per-input optimal, so the statement does not apply');
  const head = { a: asVector(witness.a), b: asVector(witness.b), w: Array.isArray(witness.w) ? witness.w.map(asVector) : [] };
  if (head.a.length !== c.a.length || head.w.length !== c.w.length) return unconfirmed(route, 'the witness names no point (a, b, W)');
  const B = ballArith(CHECK_DIGITS);
  const { data, penalty } = augmentedTerms(B, c, head);
  const excess = B.sub(B.add(data, penalty), B.lit(baseLossValue(c)));
  const evidence = { 'L̃(q) − L(θ)': excess.toString(), 'data term': data.toString(), 'L(θ)': baseLossValue(c) };
  if (excess.negative() || data.negative()) return confirmed(route, evidence);
  if (excess.positive() && data.nonNegative()) return contradicted(route, 'L̃(q) > L(θ) and the data term is ≥ 0 at the witness point', evidence);
  return unconfirmed(route, 'the balls do not decide the sign of L̃(q) − L(θ)', evidence);
}

// ---------------------------------------------------------------------------------------------
// Theorem 2: the quartic satisfies Assumption 2 and is not convex.

/**
 * The negation for φ(r) = c4 r⁴ + c3 r³ + c2 r²: φ′ has a real root r ≠ 0 (a critical point that may not be
 * a global minimum), or φ′(−1) ≥ 0 (no sign change from − to + at 0), or φ″(1/2) ≥ 0 (no non-convexity there).
 */
export function confirmQuarticAssumption(coefficients: { c2: Rational; c3: Rational; c4: Rational } = QUARTIC): Promise<Confirmation> {
  const route = 'z3: the real roots of φ′ and the sign of φ″(1/2)';
  const { c2, c3, c4 } = coefficients;
  const slope = (r: Term): Term => smt.add(smt.mul(smt.real(c4.mul(Rational.of(4))), r, r, r), smt.mul(smt.real(c3.mul(Rational.of(3))), r, r), smt.mul(smt.real(c2.mul(Rational.of(2))), r));
  const curvature = (r: Term): Term => smt.add(smt.mul(smt.real(c4.mul(Rational.of(12))), r, r), smt.mul(smt.real(c3.mul(Rational.of(6))), r), smt.real(c2.mul(Rational.of(2))));
  const q = new smt.SmtQuery('φ′ has a real root r ≠ 0, or φ′(−1) ≥ 0, or φ″(1/2) ≥ 0\nsat: the quartic fails the statement');
  const r = q.declare('r');
  q.assert(smt.or(smt.and(smt.not(smt.eq(r, smt.ZERO)), smt.eq(slope(r), smt.ZERO)), smt.ge(slope(smt.real(-1)), smt.ZERO), smt.ge(curvature(smt.real(Rational.of(1, 2))), smt.ZERO)));
  return confirmBySmt(route, q, 'sat', 'the quartic has a critical point other than its minimum, or is convex at 1/2');
}

// ---------------------------------------------------------------------------------------------
// Theorem 3 on chains x ↦ z_L ⋯ z_2 σ(w_1ᵀx).

/** The raw numbers of a chain case (see theorem-3.ts). */
export interface ChainInstance {
  readonly layers: 2 | 3;
  readonly activation: 'identity' | 'relu';
  readonly inputs: Rational[][];
  readonly scale: Rational;
  readonly direction: Rational[];
  readonly signs: Rational[];
  readonly lambda: Rational;
}

/** φ_i, ∇φ_i and ∇²φ_i of a chain at z = (w_1, z_2, …, z_L), exactly (σ″ = 0 off the kink). */
function chainDerivatives(c: ChainInstance): { z: Rational[]; phi: Rational[]; grad: Rational[][]; hess: Rational[][][] } {
  const w1 = c.direction.map((v) => v.mul(c.scale));
  const tail = c.signs.map((s) => s.mul(c.scale));
  const z = [...w1, ...tail];
  const d = w1.length;
  const prodExcept = (...skip: number[]): Rational => tail.reduce((p, v, k) => (skip.includes(k) ? p : p.mul(v)), Rational.ONE);
  const phi: Rational[] = [];
  const grad: Rational[][] = [];
  const hess: Rational[][][] = [];
  for (const x of c.inputs) {
    const s = dot(w1, x);
    const sigma = c.activation === 'relu' ? exact.max0(s) : s;
    const slope = c.activation === 'relu' ? (s.sign() > 0 ? Rational.ONE : Rational.ZERO) : Rational.ONE;
    phi.push(prodExcept().mul(sigma));
    grad.push([...x.map((xj) => prodExcept().mul(slope).mul(xj)), ...tail.map((_, k) => prodExcept(k).mul(sigma))]);
    hess.push(
      z.map((_, r) =>
        z.map((_, col) => {
          if (r < d && col < d) return Rational.ZERO;
          if (r < d || col < d) {
            const [j, k] = r < d ? [r, col - d] : [col, r - d];
            return prodExcept(k).mul(slope).mul(x[j]!);
          }
          return r === col ? Rational.ZERO : prodExcept(r - d, col - d).mul(sigma);
        }),
      ),
    );
  }
  return { z, phi, grad, hess };
}

/** inf_α (1/m)‖Jα − y‖² + 2λzᵀα against the bound (the PGB inequality, and equality when ρ = 1). */
export interface PgbNumbers {
  readonly J: readonly (readonly Rational[])[];
  readonly y: readonly Rational[];
  readonly z: readonly Rational[];
  readonly lambda: Rational;
  readonly bound: Rational;
  /** ρ = 1: the infimum must also equal `bound` (= Q(z)). */
  readonly equality: boolean;
}

/** z3 decides "inf_α < bound" (and, for ρ = 1, "inf_α > bound") on the convex quadratic in α. */
export async function decidePgbInequality(n: PgbNumbers): Promise<Confirmation> {
  const route = 'z3: inf over α of (1/m)‖Jα − y‖² + 2λzᵀα against the bound';
  const objective = (q: smt.SmtQuery): Term => {
    const alpha = n.z.map((_, k) => q.declare(`alpha_${k}`));
    const m = n.J.length;
    const residuals = n.J.map((row, i) => smt.sub(smt.dot(row.map((v) => smt.real(v)), alpha), smt.real(n.y[i]!)));
    return q.define('objective', smt.add(smt.div(smt.add(...residuals.map(smt.square)), smt.real(m)), smt.mul(smt.real(2), smt.real(n.lambda), smt.dot(n.z.map((v) => smt.real(v)), alpha))));
  };
  const below = new smt.SmtQuery('some α has an objective below the bound\nsat: the infimum is below the bound');
  below.assert(smt.lt(objective(below), smt.real(n.bound)));
  const first = await confirmBySmt(route, below, 'sat', 'the infimum over α lies below the bound');
  if (first.status !== 'contradicted' || !n.equality) return first;
  // A convex quadratic bounded below attains its infimum: inf > bound iff no α reaches the bound.
  const reach = new smt.SmtQuery('some α has an objective at most the bound\nunsat: the infimum exceeds the bound (ρ = 1 needs equality)');
  reach.assert(smt.le(objective(reach), smt.real(n.bound)));
  return confirmBySmt(route, reach, 'unsat', 'the infimum over α exceeds Q(z) although ρ = 1');
}

/** The Hessian of Q at z is positive definite: no v ≠ 0 with vᵀHv ≤ 0 (z3). */
function confirmPositiveDefinite(H: readonly (readonly Rational[])[]): Promise<Confirmation> {
  const q = new smt.SmtQuery('some v ≠ 0 has vᵀHv ≤ 0 for the literal Hessian H of Q at z\nunsat: H is positive definite');
  const v = H.map((_, k) => q.declare(`v_${k}`));
  const form = smt.add(...H.flatMap((row, r) => row.map((h, col) => smt.mul(smt.real(h), v[r]!, v[col]!))));
  q.assert(smt.and(smt.or(...v.map((x) => smt.not(smt.eq(x, smt.ZERO)))), smt.le(form, smt.ZERO)));
  return confirmBySmt('z3: the Hessian of Q at z is positive definite', q, 'unsat', 'z is a strict local minimum (∇Q(z) = 0, ∇²Q(z) ≻ 0)');
}

/**
 * The negation of Theorem 3 on a chain: z is a strict local minimum of Q (∇Q(z) = 0 exactly with the
 * witness's targets y as a hint, ∇²Q(z) positive definite by z3) and the PGB bound fails (z3).
 */
export async function confirmPgb(c: ChainInstance, witness: Witness): Promise<Confirmation> {
  const route = 'exact chain derivatives and z3';
  const { z, phi, grad, hess } = chainDerivatives(c);
  const y = asVector(witness.y);
  const m = Rational.of(c.inputs.length);
  if (y.length !== c.inputs.length) return unconfirmed(route, 'the witness gives no targets y');
  const r = phi.map((v, i) => v.sub(y[i]!));
  const gradient = z.map((zk, k) => r.reduce((s, ri, i) => s.add(ri.mul(grad[i]![k]!)), Rational.ZERO).mul(Rational.of(2)).div(m).add(c.lambda.mul(zk).mul(Rational.of(2))));
  const critical = gradient.every((g) => g.isZero())
    ? confirmed('exact: ∇Q(z) = 0', {})
    : contradicted('exact: ∇Q(z) = 0', `∇Q(z) = (${gradient.map(String).join(', ')}) with the witness's targets`);
  const H = z.map((_, a) =>
    z.map((_, b) => {
      const data = grad.reduce((s, g, i) => s.add(g[a]!.mul(g[b]!)).add(r[i]!.mul(hess[i]![a]![b]!)), Rational.ZERO).mul(Rational.of(2)).div(m);
      return a === b ? data.add(c.lambda.mul(Rational.of(2))) : data;
    }),
  );
  const normSq = dot(z, z);
  const Qz = r.reduce((s, v) => s.add(v.mul(v)), Rational.ZERO).div(m).add(c.lambda.mul(normSq));
  const rho = Rational.of(c.layers, 2);
  const bound = Qz.sub(Rational.ONE.sub(rho.inv()).mul(c.lambda).mul(normSq));
  const parts = [critical, await confirmPositiveDefinite(H), await decidePgbInequality({ J: grad, y, z, lambda: c.lambda, bound, equality: rho.equals(Rational.ONE) })];
  const contra = parts.find((p) => p.status === 'contradicted');
  if (contra !== undefined) return contradicted(route, `${contra.route}: ${contra.status === 'contradicted' ? contra.reason : ''}`, contra.evidence);
  const open = parts.find((p) => p.status === 'unknown');
  if (open !== undefined) return unconfirmed(route, `${open.route}: ${open.status === 'unknown' ? open.reason : ''}`, open.evidence);
  return confirmed(route, Object.fromEntries(parts.map((p) => [p.route, p.evidence ?? {}])));
}

// ---------------------------------------------------------------------------------------------
// Theorem 4, App. C: ∂L̃/∂θ = 0 for every (a, b, W) when A[θ] = 0.

/**
 * ∂L̃/∂θ of the one-hidden-layer base network, written out by the chain rule with r_ik = ∇ℓ_k at
 * f(x_i) + a∘E_i: ∂/∂W2[k][u] = (1/m)Σ_i r_ik relu(s_iu), ∂/∂b2[k] = (1/m)Σ_i r_ik, ∂/∂W1[u][j] =
 * (1/m)Σ_i Σ_k r_ik W2[k][u] 1[s_iu > 0] x_ij, ∂/∂b1[u] likewise without x_ij; all zero for every admissible E?
 */
export function decideThetaGradientZero(c: UnitCase): Promise<Confirmation> {
  const route = 'z3: ∂L̃/∂θ by the chain rule for every admissible value of exp(w_kᵀx_i + b_k)';
  const m = smt.real(c.inputs.length);
  return decideForEveryExp(route, '∂L̃/∂θ = 0 in every coordinate of θ', (q) => {
    const exponents = c.inputs.map((x) => c.w.map((w, k) => unitExponent(w, c.b[k]!, x)));
    const E = expUnknowns(q, exponents.flat());
    const s = c.inputs.map((x) => preActivations(c, x));
    const r = c.inputs.map((x, i) => {
      const yHat = baseOutput(c, x).map((f, k) => smt.add(smt.real(f), smt.mul(smt.real(c.a[k]!), E(exponents[i]![k]!))));
      return pointGradient(terms, c.loss, yHat, c.targets[i]!).map((g, k) => q.define(`r_${i}_${k}`, g));
    });
    const mean = (f: (i: number) => Term): Term => smt.div(smt.add(...c.inputs.map((_, i) => f(i))), m);
    const active = (i: number, u: number): Rational => (s[i]![u]!.sign() > 0 ? Rational.ONE : Rational.ZERO);
    const back = (i: number, u: number): Term => smt.add(...c.outWeights.map((row, k) => smt.mul(r[i]![k]!, smt.real(row[u]!.mul(active(i, u))))));
    const components = [
      ...c.outWeights.flatMap((row, k) => row.map((_, u) => mean((i) => smt.mul(r[i]![k]!, smt.real(exact.max0(s[i]![u]!)))))),
      ...(c.outBias === null ? [] : c.outBias.map((_, k) => mean((i) => r[i]![k]!))),
      ...c.hidden.flatMap((row, u) => row.map((_, j) => mean((i) => smt.mul(back(i, u), smt.real(c.inputs[i]![j]!))))),
      ...c.hidden.map((_, u) => mean((i) => back(i, u))),
    ];
    return smt.and(...components.map((g) => smt.eq(g, smt.ZERO)));
  });
}

/** App. C's construction: every hidden unit inactive on the data, no output bias; then ∂L̃/∂θ = 0? */
export async function confirmDeadThetaGradient(c: UnitCase): Promise<Confirmation> {
  const dead = c.outBias === null && c.inputs.every((x) => preActivations(c, x).every((s) => s.sign() < 0));
  if (!dead) return contradicted('exact pre-activations', 'θ is not the App. C construction (a hidden unit is active or there is an output bias)');
  return decideThetaGradientZero(c);
}

// ---------------------------------------------------------------------------------------------
// Examples 6 and 7: the differing table rows recomputed at twice the digits of the tables.

const EXAMPLE_DIGITS = 400;
const EXAMPLE_ROUTE = `decimal.js at ${EXAMPLE_DIGITS} digits (midpoint–radius, own formulas)`;

/** How a row of Example 6 or 7 is computed, recorded by the reproduction next to the row (plain JSON). */
export type ExampleRecipe =
  | { kind: 'base' }
  | { kind: 'below'; a: string }
  | { kind: 'not-minimum' }
  | { kind: 'sequence'; term: 'data' | 'penalty' | 'value'; eps: string; sign: 1 | -1 }
  | { kind: 'limit'; eps: string; sign: 1 | -1; slack: string }
  | { kind: 'sign'; eps: string[] };

/** The given numbers of the example: m inputs x_i, base outputs f_i, labels y_i, λ, and (Example 6) w. */
export type ExampleSetting = {
  inputs: string[][];
  outputs: string[];
  labels: string[];
  lambda: string;
  w?: string[];
};

/** What a reproduction of Example 6 or 7 records for the second route: its numbers and row recipes. */
export type ExampleData = { configurations: { setting: ExampleSetting; recipes: Record<string, ExampleRecipe> }[] };

/** The paper's value and ours for one row; a string for a verbal row. */
interface RowValues {
  readonly paper: Ball | string;
  readonly computed: Ball | string;
  readonly slack: Rational;
}

/**
 * The sequence of Example 6 (one input, a = ±2e^{−1/ε}, b = 1/ε − wᵀx1) or Example 7 (a = 2e^{−1/ε},
 * w = −(x2 − x1)/ε, b = 1/ε − wᵀx1): data term Σ_i max(0, 1 − y_i(f_i + a e^{wᵀx_i + b}))³ (plain sum), penalty λa².
 */
function sequenceTerms(B: BallArith, s: ExampleSetting, eps: Rational, sign: 1 | -1): { a: Ball; data: Ball; penalty: Ball } {
  const x = s.inputs.map((xi) => xi.map((v) => Rational.parse(v)));
  const w = s.w !== undefined ? s.w.map((v) => Rational.parse(v)) : x[1]!.map((v, j) => v.sub(x[0]![j]!).div(eps).neg());
  const b = eps.inv().sub(dot(w, x[0]!));
  const a = B.mul(B.lit(Rational.of(2 * sign)), B.exp(B.lit(eps.inv().neg())));
  const data = B.add(
    ...x.map((xi, i) => {
      const g = B.mul(a, B.exp(B.lit(dot(w, xi).add(b))));
      const r = hingeGap(B, B.add(B.lit(Rational.parse(s.outputs[i]!)), g), Rational.parse(s.labels[i]!));
      return B.mul(r, r, r);
    }),
  );
  return { a, data, penalty: B.mul(B.lit(Rational.parse(s.lambda)), a, a) };
}

/** The paper's closed forms: Example 6 states L̃ = λe^{−2/ε} (data term 0); Example 7 (2 + 2e^{−‖x2−x1‖²/ε})³ + λe^{−2/ε}. */
function paperSequence(B: BallArith, s: ExampleSetting, eps: Rational, term: 'data' | 'penalty' | 'value'): Ball {
  const penalty = B.mul(B.lit(Rational.parse(s.lambda)), B.exp(B.lit(eps.inv().mul(Rational.of(-2)))));
  let data = B.lit(Rational.ZERO);
  if (s.inputs.length === 2) {
    const x = s.inputs.map((xi) => xi.map((v) => Rational.parse(v)));
    const gap = x[1]!.reduce((t, v, j) => t.add(v.sub(x[0]![j]!).mul(v.sub(x[0]![j]!))), Rational.ZERO);
    const inner = B.add(B.lit(Rational.of(2)), B.mul(B.lit(Rational.of(2)), B.exp(B.lit(gap.div(eps).neg()))));
    data = B.mul(inner, inner, inner);
  }
  return term === 'data' ? data : term === 'penalty' ? penalty : B.add(data, penalty);
}

function rowValues(B: BallArith, s: ExampleSetting, recipe: ExampleRecipe, row: TableRow): RowValues | string {
  const paperNumber = (): Ball => B.lit(Rational.parse(String(row.paper)));
  switch (recipe.kind) {
    case 'base': {
      const L = s.inputs.reduce((t, _, i) => t.add(pointLoss(exact, 'cubic-hinge', [Rational.parse(s.outputs[i]!)], [Rational.parse(s.labels[i]!)])), Rational.ZERO);
      return { paper: paperNumber(), computed: B.lit(L), slack: Rational.ZERO };
    }
    case 'below': {
      // At wᵀx1 + b = 0 the unit is g = a exactly: L̃ = max(0, 1 − y1(f1 + a))³ + λa², and the paper needs L̃ < 8.
      const a = Rational.parse(recipe.a);
      const value = pointLoss(exact, 'cubic-hinge', [Rational.parse(s.outputs[0]!).add(a)], [Rational.parse(s.labels[0]!)]).add(Rational.parse(s.lambda).mul(a).mul(a));
      return { paper: '< 8', computed: value.lt(Rational.of(8)) ? '< 8' : `${value.toString()} ≥ 8`, slack: Rational.ZERO };
    }
    case 'not-minimum':
      return 'whether (0, 0, 0) is a local minimum has no second route here';
    case 'sequence': {
      const eps = Rational.parse(recipe.eps);
      const t = sequenceTerms(B, s, eps, recipe.sign);
      const computed = recipe.term === 'data' ? t.data : recipe.term === 'penalty' ? t.penalty : B.add(t.data, t.penalty);
      return { paper: paperSequence(B, s, eps, recipe.term), computed, slack: Rational.ZERO };
    }
    case 'limit': {
      const t = sequenceTerms(B, s, Rational.parse(recipe.eps), recipe.sign);
      return { paper: paperNumber(), computed: B.add(t.data, t.penalty), slack: Rational.parse(recipe.slack) };
    }
    case 'sign': {
      const signs = recipe.eps.map((e) => sequenceTerms(B, s, Rational.parse(e), 1).a);
      const computed = signs.every((a) => a.positive()) ? 'positive' : signs.every((a) => a.negative()) ? 'negative' : 'undetermined';
      return { paper: String(row.paper), computed, slack: Rational.ZERO };
    }
  }
}

/** The table's printed value agrees with ours within the row's tolerance (else one of the routes is wrong). */
function agreesWithTable(B: BallArith, printed: unknown, ours: Ball, tolerance: string | undefined): boolean | null {
  if (tolerance === undefined) return null;
  const text = String(printed);
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) return null;
  return B.compareAbs(B.sub(B.lit(Rational.parse(text)), ours), B.lit(Rational.parse(tolerance))) !== 'apart';
}

/**
 * Every differing row recomputed from the example's numbers with own formulas at 400 digits: confirmed
 * when ours certainly differs from the paper's closed form by more than the row's slack (0, or the limit
 * row's 10⁻⁶), contradicted when ours equals it within the row's tolerance or disagrees with the table.
 */
export function confirmExampleRows(differing: readonly TableRow[], data: JsonValue | undefined): Confirmation {
  const route = EXAMPLE_ROUTE;
  const configurations = (data as Partial<ExampleData> | undefined)?.configurations ?? [];
  const B = ballArith(EXAMPLE_DIGITS);
  const evidence: Record<string, string> = {};
  for (const row of differing) {
    const where = configurations.find((c) => row.quantity in c.recipes);
    if (where === undefined) return unconfirmed(route, `no recipe for the row "${row.quantity}"`);
    const values = rowValues(B, where.setting, where.recipes[row.quantity]!, row);
    if (typeof values === 'string') return unconfirmed(route, `${row.quantity}: ${values}`);
    if (typeof values.computed === 'string' || typeof values.paper === 'string') {
      evidence[row.quantity] = `paper ${String(values.paper)}, ours ${String(values.computed)}`;
      if (values.computed === values.paper) return contradicted(route, `${row.quantity}: ours is ${String(values.computed)}, as the paper says`, evidence);
      continue;
    }
    if (agreesWithTable(B, row.computed, values.computed, row.tolerance) === false) {
      return contradicted(route, `${row.quantity}: the table's value ${String(row.computed)} is not ours, ${values.computed.toString()}`, evidence);
    }
    if (agreesWithTable(B, row.paper, values.paper, row.tolerance) === false) {
      return contradicted(route, `${row.quantity}: the table's paper value ${String(row.paper)} is not the closed form, ${values.paper.toString()}`, evidence);
    }
    const gap = B.sub(values.computed, values.paper);
    evidence[row.quantity] = `paper ${values.paper.toString()}, ours ${values.computed.toString()}`;
    if (B.compareAbs(gap, B.lit(values.slack)) === 'apart') continue;
    // The first route found the values apart by more than the row's tolerance: ours within it contradicts that.
    const tolerance = row.tolerance === undefined ? values.slack : Rational.parse(row.tolerance).max(values.slack);
    if (B.compareAbs(gap, B.lit(tolerance)) === 'within') return contradicted(route, `${row.quantity}: ours agrees with the paper within ${tolerance.toString()}`, evidence);
    return unconfirmed(route, `${row.quantity}: the balls do not separate ours from the paper's value`, evidence);
  }
  return confirmed(route, evidence);
}
