import { Decimal } from 'decimal.js';

/** Exact values longer than this are shown rounded in human output (JSON output keeps every digit). */
export const READABLE_LENGTH = 20;
const SIGNIFICANT = 10;

const D = Decimal.clone({ precision: SIGNIFICANT + 5, toExpNeg: -7, toExpPos: 21 });
const RATIONAL = /^-?\d+(\/\d+)?$/;
const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * An exact number as a person reads it: unchanged when short; otherwise rounded to ten
 * significant digits with the size of the exact value, e.g. `64.00000000 (exact: 201 digits, see --json)`.
 * Text that is not a number is returned as it is.
 */
export function readableNumber(text: string): string {
  if (text.length <= READABLE_LENGTH) return text;
  let value: Decimal;
  if (RATIONAL.test(text)) {
    const [num, den = '1'] = text.split('/');
    if (/^0+$/.test(den)) return text;
    value = new D(num!).div(new D(den));
  } else if (DECIMAL.test(text)) value = new D(text);
  else return text;
  const digits = text.replace(/[^0-9]/g, '').length;
  return `${value.toPrecision(SIGNIFICANT)} (exact: ${digits} digits, see --json)`;
}
