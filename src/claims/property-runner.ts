import fc from 'fast-check';
import { CaseStatistics, describeReasons, reasonsRecord } from './case-statistics.ts';
import type { PropertyCheck } from './claim.ts';
import type { JsonValue } from './codec.ts';
import { encodeInstance, encodeWitness } from './codec.ts';
import type { Confirmation } from './confirmation.ts';
import { messageOf } from './errors.ts';
import { confirmationRecord, confirmSafely, describeConfirmation, describeEvaluation, evaluateEncoded, notAnOutcome } from './evaluation.ts';
import type { Fail, Outcome } from './outcome.ts';
import { isOutcome } from './outcome.ts';
import type { CheckResult, UnconfirmedFailure } from './result.ts';
import { deriveSeed } from './seed.ts';

export interface PropertyRunOptions {
  /** Decided cases wanted (discarded and undecided cases do not count). */
  readonly runs: number;
  readonly seed: number;
  /** Time left for this check; the search stops when it runs out. */
  readonly timeLimitMs?: number;
  /** Called after each case checked while searching (not while shrinking). */
  readonly onCase?: (checked: number) => void;
}

/**
 * Cases are drawn until `runs` of them are decided, but never more than this many times `runs`:
 * a check whose cases are mostly undecided ends inconclusive instead of running forever.
 */
export const MAX_DRAW_FACTOR = 10;

/** The first failure that did not count, kept for the report (the instance exactly as generated). */
interface FirstUnconfirmed {
  readonly instance: unknown;
  readonly witness: Fail['witness'];
  readonly confirmation: Confirmation | null;
}

/**
 * Searches for an instance that refutes a property check and shrinks it. A failure counts only when
 * the check's second route confirms it (shrinking moves through confirmed failures only), and the
 * shrunk instance is re-evaluated and re-confirmed from its exact JSON before it is reported.
 * Undecided cases are replaced by further draws (fresh seeds derived from the check's) until
 * `runs` cases are decided or `MAX_DRAW_FACTOR × runs` were drawn.
 */
export async function runPropertyCheck(check: PropertyCheck, options: PropertyRunOptions): Promise<CheckResult> {
  const stats = new CaseStatistics();
  const deadline = options.timeLimitMs === undefined ? undefined : performance.now() + options.timeLimitMs;
  let first: FirstUnconfirmed | null = null;
  let interrupted = false;
  for (let round = 0; stats.passed < options.runs && stats.checked < MAX_DRAW_FACTOR * options.runs; round++) {
    const left = deadline === undefined ? undefined : deadline - performance.now();
    if (left !== undefined && left <= 0) {
      interrupted = true;
      break;
    }
    const seed = round === 0 ? options.seed : deriveSeed(options.seed, `draw ${round}`);
    const want = Math.min(options.runs - stats.passed, MAX_DRAW_FACTOR * options.runs - stats.checked);
    const checkedBefore = stats.checked + stats.discarded;
    let searching = true; // cleared at the first counted failure: shrinking evaluations are not statistics
    const predicate = async (instance: unknown): Promise<boolean> => {
      let outcome: Outcome;
      try {
        outcome = check.evaluate(instance);
      } catch (error) {
        if (fc.PreconditionFailure.isFailure(error)) {
          if (searching) stats.discard('fc.pre');
        } else searching = false;
        throw error;
      }
      if (!isOutcome(outcome)) {
        searching = false;
        throw new Error(notAnOutcome(outcome));
      }
      if (outcome.status === 'fail') {
        const confirmation = await confirmSafely(check, instance, outcome.witness);
        // Without a second route the failure is still shrunk and shown, but it will not count.
        if (confirmation === null || confirmation.status === 'confirmed') {
          searching = false;
          return false;
        }
        if (searching) {
          if (confirmation.status === 'contradicted') stats.contradict();
          else stats.unconfirm();
          first ??= { instance, witness: outcome.witness, confirmation };
          options.onCase?.(stats.checked);
        }
        return true;
      }
      if (outcome.status === 'discard') {
        if (searching) stats.discard(outcome.reason);
        fc.pre(false);
      }
      if (searching) {
        if (outcome.status === 'pass') stats.pass();
        else if (outcome.status === 'undecided') stats.undecide(outcome.reason);
        options.onCase?.(stats.checked);
      }
      return true;
    };
    let details: fc.RunDetails<unknown>;
    try {
      details = await fc.check(fc.asyncProperty(check.arbitrary, predicate), {
        numRuns: want,
        seed,
        maxSkipsPerRun: 1, // more discards than runs already makes the check inconclusive
        verbose: fc.VerbosityLevel.None, // fast-check keeps no passed or skipped case, only the current failure
        plugins: left === undefined ? [] : [fc.interruptAfterTimeLimit(Math.ceil(left))],
      });
    } catch (error) {
      return { ...common(check, seed, stats), verdict: 'inconclusive', summary: `error while generating instances: ${messageOf(error)}` };
    }
    if (details.failed && details.counterexample !== null) {
      const shrunk = (details.counterexample as readonly unknown[])[0];
      return judgeCounterexample(check, seed, stats, shrunk, details.counterexamplePath, details.numShrinks);
    }
    if (details.interrupted) {
      interrupted = true;
      break;
    }
    // A round that drew nothing new (every case discarded past fast-check's skip limit) ends the search.
    if (stats.checked + stats.discarded === checkedBefore || stats.discarded > stats.checked) break;
  }
  return judgeSearch(check, options, stats, first, interrupted);
}

function common(check: PropertyCheck, seed: number, stats: CaseStatistics) {
  return {
    name: check.name,
    kind: 'property' as const,
    basis: check.basis,
    runs: stats.checked,
    decided: stats.passed,
    seed,
    discarded: stats.discarded,
    discardReasons: reasonsRecord(stats.discardReasons),
    undecided: stats.undecided,
    undecidedReasons: reasonsRecord(stats.undecidedReasons),
    ...(stats.contradicted > 0 ? { contradicted: stats.contradicted } : {}),
    ...(stats.unconfirmed > 0 ? { unconfirmedFailures: stats.unconfirmed } : {}),
  };
}

function unconfirmedRecord(first: FirstUnconfirmed): UnconfirmedFailure | undefined {
  try {
    return {
      instance: encodeInstance(first.instance),
      witness: encodeWitness(first.witness),
      confirmation: first.confirmation === null ? null : confirmationRecord(first.confirmation),
    };
  } catch {
    return undefined; // an instance that cannot be written exactly is described by the counts alone
  }
}

/**
 * No confirmed failure: holds only if some cases were decided, no failure went unconfirmed, the
 * decided cases are at least as many as the undecided ones, and the hypotheses were met often enough.
 */
function judgeSearch(
  check: PropertyCheck,
  options: PropertyRunOptions,
  stats: CaseStatistics,
  first: FirstUnconfirmed | null,
  interrupted: boolean,
): CheckResult {
  const base = { ...common(check, options.seed, stats), ...(first !== null ? { unconfirmed: unconfirmedRecord(first) } : {}) };
  const checked = stats.checked;
  const discards = stats.discarded > 0 ? ` (${describeReasons(stats.discardReasons)})` : '';
  const cut = interrupted && stats.passed < options.runs;
  const limit = cut ? `; time limit reached after ${stats.passed} of ${options.runs} decided cases` : '';
  const undecidedText = stats.undecided > 0 ? `${stats.undecided} undecided (${describeReasons(stats.undecidedReasons)})` : '';
  if (checked === 0) {
    const why =
      stats.discarded > 0
        ? `precondition never met: all ${stats.discarded} generated cases discarded${discards}`
        : interrupted
          ? 'time limit reached before any case was checked'
          : 'no case checked';
    return { ...base, verdict: 'inconclusive', summary: why };
  }
  if (first !== null) {
    // A certified failure that the second route did not confirm is neither a refutation nor a pass.
    const n = stats.contradicted + stats.unconfirmed;
    const routes = stats.contradicted > 0 ? ' — the two routes disagree, one of them is wrong' : '';
    return {
      ...base,
      verdict: 'inconclusive',
      summary: `${n} failure${n > 1 ? 's' : ''} of the check not confirmed (first: ${describeConfirmation(first.confirmation)})${routes}; ${stats.passed} cases passed${limit}`,
    };
  }
  if (stats.discarded > checked) {
    const total = stats.discarded + checked;
    return { ...base, verdict: 'inconclusive', summary: `precondition too rarely met: ${stats.discarded} of ${total} generated cases discarded${discards}` };
  }
  if (stats.undecided > stats.passed) {
    return {
      ...base,
      verdict: 'inconclusive',
      summary: `undecided cases dominate: ${stats.passed} decided, ${undecidedText}${limit}`,
      ...(cut ? { interrupted: true } : {}),
    };
  }
  const extras = [undecidedText, stats.discarded > 0 ? `${stats.discarded} discarded${discards}` : ''].filter((s) => s !== '');
  return {
    ...base,
    verdict: 'holds',
    summary: `${stats.passed} cases decided, none fails${extras.length > 0 ? `; ${extras.join(', ')}` : ''}${limit}`,
    ...(cut ? { interrupted: true } : {}),
  };
}

/**
 * fast-check found and shrank a failure: re-evaluate and re-confirm the shrunk instance from its
 * exact JSON before believing it. A failure without a second route is reported, not counted.
 */
async function judgeCounterexample(
  check: PropertyCheck,
  seed: number,
  stats: CaseStatistics,
  shrunk: unknown,
  path: string,
  shrinks: number,
): Promise<CheckResult> {
  const base = { ...common(check, seed, stats), runs: stats.checked + 1, decided: stats.passed + 1, path };
  let instance: JsonValue;
  try {
    instance = encodeInstance(shrunk);
  } catch (error) {
    return { ...base, verdict: 'inconclusive', summary: `error: the failing instance cannot be written exactly: ${messageOf(error)}` };
  }
  const evaluation = evaluateEncoded(check, instance);
  if ('error' in evaluation) {
    return { ...base, verdict: 'inconclusive', summary: `error: the check threw on an instance: ${evaluation.error}`, instance };
  }
  if (evaluation.outcome.status !== 'fail') {
    return {
      ...base,
      verdict: 'inconclusive',
      summary: `the shrunk instance gives ${describeEvaluation(evaluation)} when re-evaluated exactly: the check is not deterministic`,
      instance,
    };
  }
  const outcome = evaluation.outcome;
  const witness = encodeWitness(outcome.witness);
  const confirmation = await confirmSafely(check, evaluation.instance, outcome.witness);
  if (confirmation === null || confirmation.status !== 'confirmed') {
    const record = confirmation === null ? null : confirmationRecord(confirmation);
    return {
      ...base,
      decided: stats.passed,
      verdict: 'inconclusive',
      summary: `fails after ${stats.checked + 1} cases (shrunk ${shrinks} times), but not a refutation: ${describeConfirmation(confirmation)}`,
      instance,
      witness,
      certificate: outcome.certificate,
      unconfirmed: { instance, witness, confirmation: record },
    };
  }
  return {
    ...base,
    verdict: 'refuted',
    summary: `fails after ${stats.checked + 1} cases; shrunk ${shrinks} times; ${describeConfirmation(confirmation)}`,
    instance,
    witness,
    certificate: outcome.certificate,
    confirmation: confirmationRecord(confirmation),
  };
}
