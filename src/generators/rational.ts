import fc from 'fast-check';
import { Rational } from '../numbers/rational.ts';

export interface RationalOptions {
  /** Largest |numerator| (default 6). */
  readonly maxNumerator?: number;
  /** Largest denominator (default 4; 1 gives integers). */
  readonly maxDenominator?: number;
  /** Exclude zero. */
  readonly nonZero?: boolean;
  /** Only values > 0. */
  readonly positive?: boolean;
}

/**
 * Small rationals p/q that shrink toward 0, then small integers, then small denominators:
 * a witness built from these can be checked by hand.
 */
export function smallRational(options: RationalOptions = {}): fc.Arbitrary<Rational> {
  const maxNum = options.maxNumerator ?? 6;
  const maxDen = options.maxDenominator ?? 4;
  const lo = options.positive ? 1 : -maxNum;
  const numerator = fc.integer({ min: lo, max: maxNum });
  const denominator = fc.integer({ min: 1, max: Math.max(1, maxDen) });
  const value = fc.tuple(numerator, denominator).map(([p, d]) => Rational.of(p, d));
  return options.nonZero || options.positive ? value.filter((r) => !r.isZero()) : value;
}

/** Small integers as rationals, shrinking toward 0. */
export function smallIntegerRational(max = 5, options: { nonZero?: boolean } = {}): fc.Arbitrary<Rational> {
  return smallRational({ maxNumerator: max, maxDenominator: 1, nonZero: options.nonZero });
}

export function rationalVector(length: number, options: RationalOptions = {}): fc.Arbitrary<Rational[]> {
  return fc.array(smallRational(options), { minLength: length, maxLength: length });
}

/** rows×cols rationals as an array of rows. */
export function rationalRows(rows: number, cols: number, options: RationalOptions = {}): fc.Arbitrary<Rational[][]> {
  return fc.array(rationalVector(cols, options), { minLength: rows, maxLength: rows });
}
