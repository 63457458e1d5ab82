/** Named values that show what a statement predicted and what was computed, e.g. `{ predicted, computed }`. */
export type Witness = Readonly<Record<string, unknown>>;

/**
 * What makes a failure a certificate of the statement's negation: a decision in exact arithmetic,
 * or an enclosure (interval) of a quantity that excludes the value the statement needs.
 */
export type Certificate =
  | { readonly kind: 'exact' }
  | { readonly kind: 'enclosure'; readonly quantity: string; readonly enclosure: string; readonly excludes: string };

// Symbol.for: a user's claim file may load another copy of this module.
const FAIL_BRAND: unique symbol = Symbol.for('landscape-check.fail');

/** The statement fails on this instance, certified; only `fail` and `failOutside` make one. */
export interface Fail {
  readonly status: 'fail';
  readonly witness: Witness;
  readonly certificate: Certificate;
  readonly [FAIL_BRAND]: true;
}

/** What one evaluation of a check on one instance found. */
export type Outcome =
  | { readonly status: 'pass' }
  | Fail
  | { readonly status: 'discard'; readonly reason: string }
  | { readonly status: 'undecided'; readonly reason: string };

const PASS: Outcome = Object.freeze({ status: 'pass' });

/** The statement holds on this instance. */
export function pass(): Outcome {
  return PASS;
}

function makeFail(witness: Witness, certificate: Certificate): Fail {
  return Object.freeze({ status: 'fail', witness, certificate, [FAIL_BRAND]: true as const });
}

/**
 * The statement fails on this instance, decided in exact arithmetic; the witness says why, value by
 * value. Only for a negation that was computed exactly: a search that found nothing, an enclosure
 * containing the boundary or a construction that did not come out is `undecided`, never `fail`.
 */
export function fail(witness: Witness): Fail {
  return makeFail(witness, { kind: 'exact' });
}

/** An interval enclosure of a real number, as decimal strings or anything that prints as one. */
export interface Enclosure {
  readonly lo: { toString(): string };
  readonly hi: { toString(): string };
}

/**
 * The statement needs `quantity` to equal (or reach) `boundary`, and `enclosure` is a rigorous
 * enclosure of it: `fail` with an enclosure certificate when the enclosure lies strictly on the
 * side `side` of the boundary, otherwise `undecided` (an enclosure that contains the boundary decides nothing).
 */
export function failOutside(
  quantity: string,
  enclosure: Enclosure,
  boundary: number | string,
  witness: Witness,
  side: 'either' | 'above' | 'below' = 'either',
): Outcome {
  const lo = Number(enclosure.lo.toString());
  const hi = Number(enclosure.hi.toString());
  const b = Number(boundary);
  const text = `[${enclosure.lo.toString()}, ${enclosure.hi.toString()}]`;
  // Compare the exact decimal strings, not doubles, when the two are close.
  const above = compareDecimal(enclosure.lo.toString(), String(boundary), lo, b) > 0;
  const below = compareDecimal(enclosure.hi.toString(), String(boundary), hi, b) < 0;
  const excluded = side === 'above' ? above : side === 'below' ? below : above || below;
  if (!excluded) return undecided(`the enclosure of ${quantity} ${text} does not exclude ${boundary}`);
  return makeFail(witness, { kind: 'enclosure', quantity, enclosure: text, excludes: String(boundary) });
}

/** Sign of a − b for decimal strings; doubles decide unless they are equal. */
function compareDecimal(a: string, b: string, da: number, db: number): number {
  if (da !== db) return da < db ? -1 : 1;
  return compareExactDecimal(a, b);
}

/** Exact comparison of two decimal strings (optional sign, digits, optional fraction, optional exponent). */
export function compareExactDecimal(a: string, b: string): number {
  const [ma, ea] = scaled(a);
  const [mb, eb] = scaled(b);
  const e = Math.min(ea, eb);
  const x = ma * 10n ** BigInt(ea - e);
  const y = mb * 10n ** BigInt(eb - e);
  return x < y ? -1 : x > y ? 1 : 0;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal string as mantissa · 10^exponent. */
function scaled(text: string): [bigint, number] {
  const m = DECIMAL.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal number: ${text}`);
  const fraction = m[3] ?? '';
  const digits = BigInt(`${m[2] || '0'}${fraction}` || '0');
  return [m[1] === '-' ? -digits : digits, Number(m[4] ?? 0) - fraction.length];
}

/** The instance does not meet the statement's hypotheses: counted and reported, never a pass. */
export function discard(reason: string): Outcome {
  return { status: 'discard', reason };
}

/**
 * The instance meets the hypotheses but the checker could not decide it: no certificate found, an
 * enclosure containing the boundary, a construction of ours that did not come out, a time limit.
 */
export function undecided(reason: string): Outcome {
  return { status: 'undecided', reason };
}

/** `pass()` when the exactly decided condition holds, otherwise `fail(witness)`; the witness is built only on failure. */
export function passIf(condition: boolean, witness: Witness | (() => Witness)): Outcome {
  if (condition) return PASS;
  return fail(typeof witness === 'function' ? witness() : witness);
}

/**
 * A three-valued decision: `true` passes, `false` fails (it must be a certified "no"), `null` is
 * undecided with the reason given.
 */
export function decide(decision: boolean | null, witness: Witness | (() => Witness), reason: string): Outcome {
  if (decision === null) return undecided(reason);
  return passIf(decision, witness);
}

export function isFail(outcome: Outcome): outcome is Fail {
  return outcome.status === 'fail';
}

/** Guards against checks written in plain JavaScript that return something else (a fail must come from `fail`). */
export function isOutcome(value: unknown): value is Outcome {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  if (status === 'pass') return true;
  if (status === 'fail') return (value as Partial<Fail>)[FAIL_BRAND] === true && typeof (value as { witness?: unknown }).witness === 'object';
  if (status === 'discard' || status === 'undecided') return typeof (value as { reason?: unknown }).reason === 'string';
  return false;
}
