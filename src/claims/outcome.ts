/** Named values that show what a statement predicted and what was computed, e.g. `{ predicted, computed }`. */
export type Witness = Readonly<Record<string, unknown>>;

/** What one evaluation of a check on one instance found. */
export type Outcome =
  | { readonly status: 'pass' }
  | { readonly status: 'fail'; readonly witness: Witness }
  | { readonly status: 'discard'; readonly reason: string }
  | { readonly status: 'undecided'; readonly reason: string };

const PASS: Outcome = Object.freeze({ status: 'pass' });

/** The statement holds on this instance. */
export function pass(): Outcome {
  return PASS;
}

/** The statement fails on this instance; the witness says why, value by value. */
export function fail(witness: Witness): Outcome {
  return { status: 'fail', witness };
}

/** The instance does not meet the statement's hypotheses: counted and reported, never a pass. */
export function discard(reason: string): Outcome {
  return { status: 'discard', reason };
}

/** The instance meets the hypotheses but the checker could not decide it (the verdict becomes inconclusive). */
export function undecided(reason: string): Outcome {
  return { status: 'undecided', reason };
}

/** `pass()` when the condition holds, otherwise `fail(witness)`; the witness is built only on failure. */
export function passIf(condition: boolean, witness: Witness | (() => Witness)): Outcome {
  if (condition) return PASS;
  return fail(typeof witness === 'function' ? witness() : witness);
}

/** Guards against checks written in plain JavaScript that return something else. */
export function isOutcome(value: unknown): value is Outcome {
  if (typeof value !== 'object' || value === null) return false;
  const status = (value as { status?: unknown }).status;
  if (status === 'pass') return true;
  if (status === 'fail') return typeof (value as { witness?: unknown }).witness === 'object';
  if (status === 'discard' || status === 'undecided') return typeof (value as { reason?: unknown }).reason === 'string';
  return false;
}
