import { Decimal } from 'decimal.js';
import { NumberError } from './errors.ts';

/**
 * The standard normal density φ and distribution function Φ in decimal.js at a chosen number of
 * significant digits. Φ uses the everywhere-convergent series
 *   Φ(x) = 1/2 + φ(x) Σ_{n≥0} x^{2n+1} / (1·3·5···(2n+1))
 * evaluated with guard digits: for x < 0 the sum nearly cancels 1/2 (Φ(x) ≈ φ(x)/|x|), so the
 * working precision grows by the x²/(2 ln 10) digits that cancel.
 * The domain keeps the working precision under the 1025 digits of π and ln 10 that decimal.js
 * carries (it throws beyond): at most 200 + 12 + 784 = 996 digits.
 */

const GUARD = 12;
const MAX_ABS_X = 60;
const MAX_DIGITS = 200;

function context(precision: number): typeof Decimal {
  return Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 1 || digits > MAX_DIGITS) {
    throw new NumberError(`digits must be an integer in [1, ${MAX_DIGITS}], got ${digits}`);
  }
}

function finite(x: Decimal.Value, what: string): Decimal {
  const d = new Decimal(x);
  if (!d.isFinite()) throw new NumberError(`${what}: not a finite number: ${String(x)}`);
  return d;
}

/** φ(x) = e^{−x²/2}/√(2π), rounded to `digits` significant digits. */
export function standardNormalPdf(x: Decimal.Value, digits: number): Decimal {
  checkDigits(digits);
  const D = context(digits + GUARD);
  const v = new D(finite(x, 'standardNormalPdf'));
  const value = v.times(v).div(-2).exp().div(D.acos(-1).times(2).sqrt());
  return value.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN);
}

/** Digits lost to cancellation in 1/2 + φ(x)S for x < 0: about log10(1/Φ(x)) ≤ x²/(2 ln 10) + 1. */
function cancelledDigits(x: Decimal): number {
  if (!x.isNegative()) return 0;
  const a = x.abs().toNumber();
  return Math.ceil((a * a) / (2 * Math.LN10)) + 2;
}

/** Φ(x), rounded to `digits` significant digits (relative accuracy, also deep in the lower tail). */
export function standardNormalCdf(x: Decimal.Value, digits: number): Decimal {
  checkDigits(digits);
  const v0 = finite(x, 'standardNormalCdf');
  if (v0.abs().gt(MAX_ABS_X)) throw new NumberError(`standardNormalCdf: |x| ≤ ${MAX_ABS_X} supported, got ${v0.toString()}`);
  if (v0.isZero()) return new Decimal('0.5');
  const precision = digits + GUARD + cancelledDigits(v0);
  const D = context(precision);
  const v = new D(v0);
  const x2 = v.times(v);
  const tiny = new D(10).pow(-precision - 2);
  let term = v;
  let sum = v;
  // Terms shrink by x²/(2n+1) < 1/2 once 2n + 1 > 2x², so the tail is below the last term from there.
  for (let n = 1; ; n++) {
    term = term.times(x2).div(2 * n + 1);
    sum = sum.plus(term);
    if (2 * n + 1 > 2 * x2.toNumber() && term.abs().lte(sum.abs().times(tiny))) break;
  }
  const phi = x2.div(-2).exp().div(D.acos(-1).times(2).sqrt());
  return phi.times(sum).plus(new D('0.5')).toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN);
}
