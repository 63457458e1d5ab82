import { Rational } from '../numbers/rational.ts';
import { Polynomial } from './polynomial.ts';
import { squareFreeDecomposition } from './square-free.ts';

/** A point of the extended real line: a rational, or ±∞. */
export type ExtendedRational = Rational | 'inf' | '-inf';

/**
 * The Sturm sequence p, p′, −rem(p, p′), … (each term scaled by a positive constant, which keeps
 * sign variations unchanged), ending with the last non-zero remainder.
 */
export function sturmSequence(p: Polynomial): Polynomial[] {
  if (p.isZero()) throw new RangeError('Sturm sequence of the zero polynomial');
  const sequence = [p.primitive()];
  let next = p.derivative().primitive();
  while (!next.isZero()) {
    sequence.push(next);
    const k = sequence.length;
    next = sequence[k - 2]!.mod(sequence[k - 1]!).neg().primitive();
  }
  return sequence;
}

/** Number of sign changes of the sequence at x, zeros skipped. */
export function signVariations(sequence: readonly Polynomial[], x: ExtendedRational): number {
  let changes = 0;
  let last = 0;
  for (const p of sequence) {
    const s = x === 'inf' ? p.signAtInfinity(1) : x === '-inf' ? p.signAtInfinity(-1) : p.signAt(x);
    if (s === 0) continue;
    if (last !== 0 && s !== last) changes++;
    last = s;
  }
  return changes;
}

/** Which ends of [lo, hi] belong to the interval, and whether roots count with multiplicity. */
export interface RootCountOptions {
  readonly lowerOpen?: boolean;
  readonly upperOpen?: boolean;
  readonly withMultiplicity?: boolean;
}

/**
 * Exact real-root counting for one polynomial. Each square-free factor f gets a Sturm sequence;
 * for square-free f the variation count V is right-continuous, so V(a) − V(b) is the number of
 * roots in (a, b] for every a < b, endpoints that are roots included.
 */
export class RootCounter {
  readonly polynomial: Polynomial;
  private readonly parts: readonly { readonly factor: Polynomial; readonly multiplicity: number; readonly sturm: Polynomial[] }[];

  constructor(p: Polynomial) {
    if (p.isZero()) throw new RangeError('the zero polynomial has infinitely many roots');
    this.polynomial = p;
    this.parts = squareFreeDecomposition(p).map(({ factor, multiplicity }) => ({ factor, multiplicity, sturm: sturmSequence(factor) }));
  }

  /** Real roots in the interval between lo and hi (closed unless said otherwise; ±∞ always open). */
  count(lo: ExtendedRational = '-inf', hi: ExtendedRational = 'inf', options: RootCountOptions = {}): number {
    if (lo !== '-inf' && hi !== 'inf' && lo !== 'inf' && hi !== '-inf' && lo.gt(hi)) {
      throw new RangeError(`root count: empty interval [${lo.toString()}, ${hi.toString()}]`);
    }
    let total = 0;
    for (const part of this.parts) {
      const n = countOfSquareFree(part.factor, part.sturm, lo, hi, options);
      total += options.withMultiplicity ? n * part.multiplicity : n;
    }
    return total;
  }
}

function countOfSquareFree(f: Polynomial, sturm: readonly Polynomial[], lo: ExtendedRational, hi: ExtendedRational, options: RootCountOptions): number {
  if (lo === 'inf' || hi === '-inf') return 0;
  if (lo !== '-inf' && hi !== 'inf' && lo.equals(hi)) {
    return options.lowerOpen || options.upperOpen || f.signAt(lo) !== 0 ? 0 : 1;
  }
  let n = signVariations(sturm, lo) - signVariations(sturm, hi);
  if (lo !== '-inf' && !options.lowerOpen && f.signAt(lo) === 0) n++;
  if (hi !== 'inf' && options.upperOpen && f.signAt(hi) === 0) n--;
  return n;
}

/** Real roots of p between lo and hi (closed by default), distinct unless withMultiplicity. */
export function countRealRoots(p: Polynomial, lo: ExtendedRational = '-inf', hi: ExtendedRational = 'inf', options: RootCountOptions = {}): number {
  return new RootCounter(p).count(lo, hi, options);
}

/** Convenience: a rational or ±∞ from a number or string ("inf", "-inf", "3/4"). */
export function extendedRational(x: Rational | number | string | bigint): ExtendedRational {
  if (x === Infinity || x === 'inf' || x === '+inf') return 'inf';
  if (x === -Infinity || x === '-inf') return '-inf';
  return Rational.from(x);
}
