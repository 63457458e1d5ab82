import { Rational } from '../numbers/rational.ts';
import { characteristicPolynomial } from './characteristic-polynomial.ts';
import type { Matrix } from './matrix.ts';
import { Polynomial } from './polynomial.ts';
import { isolateRealRoots } from './real-roots.ts';
import { RootCounter } from './sturm.ts';

type RationalLike = Rational | number | bigint | string;

/** σ = lo = hi exactly, or lo < σ < hi; `multiplicity` copies of σ among the singular values. */
export interface SingularValueInterval {
  readonly lo: Rational;
  readonly hi: Rational;
  readonly multiplicity: number;
}

/** A closed interval [lo, hi] of the real line. */
export interface ClosedInterval {
  readonly lo: Rational;
  readonly hi: Rational;
}

/**
 * Exact facts about the min(m, n) singular values of a rational m×n matrix A: their squares are the
 * roots (with multiplicity) of the characteristic polynomial of the smaller Gram matrix (AᵀA or
 * AAᵀ), so every question about them is a Sturm count at rational points.
 */
export class SingularValues {
  /** min(m, n): how many singular values there are. */
  readonly size: number;
  /** det(tI − AᵀA) or det(tI − AAᵀ), whichever is smaller; its roots are the σ². */
  readonly gramPolynomial: Polynomial;
  private readonly counter: RootCounter;

  constructor(A: Matrix<Rational>) {
    const gram = A.rows < A.cols ? A.mul(A.transpose()) : A.transpose().mul(A);
    this.size = gram.rows;
    this.gramPolynomial = characteristicPolynomial(gram);
    this.counter = new RootCounter(this.gramPolynomial);
  }

  /** How many singular values (with multiplicity) lie in the closed interval [a, b]. */
  countIn(a: RationalLike, b: RationalLike): number {
    const lo = Rational.from(a);
    const hi = Rational.from(b);
    if (lo.gt(hi)) throw new RangeError(`singular value count: empty interval [${lo.toString()}, ${hi.toString()}]`);
    if (hi.sign() < 0) return 0;
    // σ ≥ 0, so σ ∈ [a, b] ⇔ σ² ∈ [max(a, 0)², b²].
    const loSquared = lo.sign() > 0 ? lo.mul(lo) : Rational.ZERO;
    return this.counter.count(loSquared, hi.mul(hi), { withMultiplicity: true });
  }

  /** Whether some singular value lies in [a, b]. */
  hasSingularValueIn(a: RationalLike, b: RationalLike): boolean {
    return this.countIn(a, b) > 0;
  }

  /** How many singular values (with multiplicity) lie in the union of closed intervals. */
  countInUnion(intervals: readonly ClosedInterval[]): number {
    return mergeIntervals(intervals).reduce((total, { lo, hi }) => total + this.countIn(lo, hi), 0);
  }

  /** Every singular value in an isolating interval of width ≤ width, largest first. */
  intervals(width: RationalLike = Rational.of(1, 1_000_000)): SingularValueInterval[] {
    const w = Rational.from(width);
    const p = this.gramPolynomial;
    const zeroMultiplicity = p.orderAtZero();
    const withoutZero = p.exactDivide(Polynomial.monomial(1, zeroMultiplicity));
    // σ > 0 are the positive roots of p(s²), with the multiplicity σ² has in p.
    const inS = withoutZero.compose(Polynomial.monomial(1, 2));
    const positive = isolateRealRoots(inS, { above: Rational.ZERO, width: w }).map(({ lo, hi, multiplicity }) => ({ lo, hi, multiplicity }));
    const all = zeroMultiplicity > 0 ? [...positive, { lo: Rational.ZERO, hi: Rational.ZERO, multiplicity: zeroMultiplicity }] : positive;
    const total = all.reduce((s, r) => s + r.multiplicity, 0);
    if (total !== this.size) throw new Error(`found ${total} singular values of ${this.size}: arithmetic fault`);
    return all.sort((x, y) => y.lo.compare(x.lo));
  }
}

/** Sorted, overlapping or touching closed intervals joined; empty ones rejected. */
export function mergeIntervals(intervals: readonly ClosedInterval[]): ClosedInterval[] {
  intervals.forEach(({ lo, hi }, i) => {
    if (lo.gt(hi)) throw new RangeError(`interval ${i} is empty: [${lo.toString()}, ${hi.toString()}]`);
  });
  const sorted = [...intervals].sort((x, y) => x.lo.compare(y.lo));
  const merged: ClosedInterval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.lo.le(last.hi)) merged[merged.length - 1] = { lo: last.lo, hi: last.hi.max(next.hi) };
    else merged.push(next);
  }
  return merged;
}

export function singularValues(A: Matrix<Rational>): SingularValues {
  return new SingularValues(A);
}

/** Isolating intervals of the singular values of A (largest first), each of width ≤ width. */
export function singularValueIntervals(A: Matrix<Rational>, width: RationalLike = Rational.of(1, 1_000_000)): SingularValueInterval[] {
  return new SingularValues(A).intervals(width);
}

/** Number of singular values of A in [a, b], with multiplicity, decided exactly. */
export function singularValueCountIn(A: Matrix<Rational>, a: RationalLike, b: RationalLike): number {
  return new SingularValues(A).countIn(a, b);
}

/** Number of singular values of A in a union of closed intervals, with multiplicity. */
export function singularValueCountInUnion(A: Matrix<Rational>, intervals: readonly ClosedInterval[]): number {
  return new SingularValues(A).countInUnion(intervals);
}

export function hasSingularValueIn(A: Matrix<Rational>, a: RationalLike, b: RationalLike): boolean {
  return new SingularValues(A).hasSingularValueIn(a, b);
}
