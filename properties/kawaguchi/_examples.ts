// Table rows for Examples 6 and 7: the paper's closed form and the computed L̃, both enclosed in
// interval arithmetic at 200 digits and written as decimals with a tolerance that covers both
// enclosures and the rounding of the printed digits.
import { Decimal } from 'decimal.js';
import { intervalField, numerical, Rational, type DecimalInterval, type QuantityRow } from '../../src/index.ts';

export const EXAMPLE_PRECISION = 200;
export const EXAMPLE_BASIS = numerical(EXAMPLE_PRECISION);
export const J = intervalField(EXAMPLE_PRECISION);

/** The ε of the tables: e^{2/ε} has 2, 9, 44 and 131 digits before the point. */
export const EPSILONS = [Rational.of(1, 2), Rational.of(1, 10), Rational.of(1, 50), Rational.of(1, 150)];

/** Significant digits printed (enough to show a difference of 3λe^{−300} next to 8). */
const DIGITS = 150;

function printed(x: DecimalInterval): { text: string; error: Decimal } {
  const mid = x.midpoint();
  if (mid.isZero()) return { text: '0', error: new Decimal(0) };
  const rounded = mid.toSignificantDigits(DIGITS);
  return { text: rounded.toString(), error: mid.minus(rounded).abs() };
}

/** |paper − computed| ≤ both radii plus both rounding errors counts as equal. */
export function enclosedRow(quantity: string, paper: DecimalInterval, computed: DecimalInterval): QuantityRow {
  const p = printed(paper);
  const c = printed(computed);
  const tolerance = paper.radius().plus(computed.radius()).plus(p.error).plus(c.error);
  return { quantity, paper: p.text, computed: c.text, tolerance: tolerance.isZero() ? '0' : tolerance.toString() };
}

/** A limit row: the paper's limit against the computed value at the smallest ε, within `tolerance`. */
export function limitRow(quantity: string, paper: Rational, computedAtSmallest: DecimalInterval, tolerance: string): QuantityRow {
  return { quantity, paper: paper.toString(), computed: printed(computedAtSmallest).text, tolerance };
}

export function label(eps: Rational): string {
  return `ε = ${eps.toString()}`;
}
