import fc from 'fast-check';
import type { PropertyCheck } from './claim.ts';
import type { JsonValue } from './codec.ts';
import { decodeInstance } from './codec.ts';
import { messageOf } from './errors.ts';
import type { Outcome } from './outcome.ts';
import { discard, isOutcome } from './outcome.ts';

/** What evaluating a check on one instance gave: an outcome, or the error the check threw. */
export type Evaluation = { readonly outcome: Outcome } | { readonly error: string };

/** Evaluates a check on an instance, turning `fc.pre` into a discard and any other throw into an error. */
export function evaluateSafely(check: PropertyCheck, instance: unknown): Evaluation {
  try {
    const outcome = check.evaluate(instance);
    if (!isOutcome(outcome)) return { error: notAnOutcome(outcome) };
    return { outcome };
  } catch (error) {
    if (fc.PreconditionFailure.isFailure(error)) return { outcome: discard('fc.pre') };
    return { error: messageOf(error) };
  }
}

/** Evaluates a check on an instance read back from its exact JSON: what a stored file replays. */
export function evaluateEncoded(check: PropertyCheck, encoded: JsonValue): Evaluation {
  let instance: unknown;
  try {
    instance = decodeInstance(encoded);
  } catch (error) {
    return { error: messageOf(error) };
  }
  return evaluateSafely(check, instance);
}

export function notAnOutcome(value: unknown): string {
  return `the check returned ${typeof value === 'object' ? JSON.stringify(value) ?? String(value) : String(value)}, not an outcome (return pass(), fail(witness), discard(reason) or undecided(reason))`;
}

/** One word for an outcome or error, for messages. */
export function describeEvaluation(evaluation: Evaluation): string {
  if ('error' in evaluation) return `an error: ${evaluation.error}`;
  const o = evaluation.outcome;
  return o.status === 'discard' || o.status === 'undecided' ? `${o.status} (${o.reason})` : o.status;
}
