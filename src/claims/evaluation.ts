import fc from 'fast-check';
import type { PropertyCheck } from './claim.ts';
import type { JsonValue } from './codec.ts';
import { decodeInstance, encodeWitness } from './codec.ts';
import type { Confirmation } from './confirmation.ts';
import { isConfirmation, unconfirmed } from './confirmation.ts';
import { messageOf } from './errors.ts';
import type { Outcome, Witness } from './outcome.ts';
import { discard, isOutcome } from './outcome.ts';
import type { ConfirmationRecord } from './result.ts';

/** What evaluating a check on one instance gave: an outcome, or the error the check threw. */
export type Evaluation = { readonly outcome: Outcome; readonly instance: unknown } | { readonly error: string };

/** Evaluates a check on an instance, turning `fc.pre` into a discard and any other throw into an error. */
export function evaluateSafely(check: PropertyCheck, instance: unknown): Evaluation {
  try {
    const outcome = check.evaluate(instance);
    if (!isOutcome(outcome)) return { error: notAnOutcome(outcome) };
    return { outcome, instance };
  } catch (error) {
    if (fc.PreconditionFailure.isFailure(error)) return { outcome: discard('fc.pre'), instance };
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
  return `the check returned ${typeof value === 'object' ? JSON.stringify(value) ?? String(value) : String(value)}, not an outcome (return pass(), fail(witness), failOutside(…), discard(reason) or undecided(reason))`;
}

/** One word for an outcome or error, for messages. */
export function describeEvaluation(evaluation: Evaluation): string {
  if ('error' in evaluation) return `an error: ${evaluation.error}`;
  const o = evaluation.outcome;
  return o.status === 'discard' || o.status === 'undecided' ? `${o.status} (${o.reason})` : o.status;
}

/** Runs a check's second route on a failing instance; a throw or a malformed answer is an undecided confirmation. */
export async function confirmSafely(check: PropertyCheck, instance: unknown, witness: Witness): Promise<Confirmation | null> {
  if (check.confirm === undefined) return null;
  return settleConfirmation(() => check.confirm!(instance, witness));
}

/** Awaits a second route, turning a throw or a value that is not a Confirmation into `unknown`. */
export async function settleConfirmation(run: () => Confirmation | Promise<Confirmation>): Promise<Confirmation> {
  try {
    const answer = await run();
    if (isConfirmation(answer)) return answer;
    return unconfirmed('second route', `it returned ${JSON.stringify(answer) ?? String(answer)}, not confirmed(…), contradicted(…) or unconfirmed(…)`);
  } catch (error) {
    return unconfirmed('second route', `it threw: ${messageOf(error)}`);
  }
}

/** A confirmation as reported: evidence encoded exactly. */
export function confirmationRecord(c: Confirmation): ConfirmationRecord {
  const evidence = c.evidence === undefined ? {} : { evidence: encodeWitness(c.evidence) };
  return c.status === 'confirmed' ? { status: c.status, route: c.route, ...evidence } : { status: c.status, route: c.route, reason: c.reason, ...evidence };
}

/** One line on a confirmation, for summaries. */
export function describeConfirmation(c: Confirmation | ConfirmationRecord | null): string {
  if (c === null) return 'the check has no second route to confirm it';
  if (c.status === 'confirmed') return `confirmed by ${c.route}`;
  return `${c.status === 'contradicted' ? 'contradicted' : 'not confirmed'} by ${c.route}: ${c.reason}`;
}
