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
 * Small rationals p/q, |p| ≤ maxNumerator, q ≤ maxDenominator, drawn as an index into the list of
 * such values ordered by simplicity (0, 1, -1, 2, -2, 1/2, -1/2, 3, …). Shrinking the index walks
 * toward simpler values one by one, so distinct values can still shrink without colliding, and a
 * witness built from them can be checked by hand.
 */
export function smallRational(options: RationalOptions = {}): fc.Arbitrary<Rational> {
  const values = simplicityOrder(options.maxNumerator ?? 6, options.maxDenominator ?? 4).filter(
    (r) => !((options.nonZero || options.positive) && r.isZero()) && !(options.positive && r.sign() < 0),
  );
  return fc.integer({ min: 0, max: values.length - 1 }).map(
    (i) => values[i]!,
    (r) => {
      // Unmapping lets fast-check shrink values that users pass as examples.
      const i = values.findIndex((v) => r instanceof Rational && v.equals(r));
      if (i < 0) throw new Error('not a value of this arbitrary');
      return i;
    },
  );
}

const orderCache = new Map<string, Rational[]>();

/** All reduced p/q in range, ordered by height max(|p|, q), then denominator, then |p|, positive first. */
export function simplicityOrder(maxNumerator: number, maxDenominator: number): Rational[] {
  const cacheKey = `${maxNumerator}/${maxDenominator}`;
  const cached = orderCache.get(cacheKey);
  if (cached) return cached;
  const seen = new Set<string>();
  const out: Rational[] = [];
  for (let d = 1; d <= Math.max(1, maxDenominator); d++) {
    for (let p = -maxNumerator; p <= maxNumerator; p++) {
      const r = Rational.of(p, d);
      if (!seen.has(r.toString())) {
        seen.add(r.toString());
        out.push(r);
      }
    }
  }
  const height = (r: Rational): bigint => (r.num < 0n ? -r.num : r.num) > r.den ? (r.num < 0n ? -r.num : r.num) : r.den;
  out.sort((a, b) => {
    const keys: [bigint, bigint][] = [
      [height(a), height(b)],
      [a.den, b.den],
      [a.abs().num, b.abs().num],
      [BigInt(-a.sign()), BigInt(-b.sign())],
    ];
    for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
    return 0;
  });
  orderCache.set(cacheKey, out);
  return out;
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
