import fc from 'fast-check';
import { CaseStatistics, describeReasons, reasonsRecord } from './case-statistics.ts';
import type { PropertyCheck } from './claim.ts';
import type { JsonValue } from './codec.ts';
import { encodeInstance, encodeWitness } from './codec.ts';
import { messageOf } from './errors.ts';
import { describeEvaluation, evaluateEncoded, notAnOutcome } from './evaluation.ts';
import type { Outcome } from './outcome.ts';
import { isOutcome } from './outcome.ts';
import type { CheckResult } from './result.ts';

export interface PropertyRunOptions {
  /** Cases to check (fast-check numRuns); discarded cases do not count. */
  readonly runs: number;
  readonly seed: number;
  /** Time left for this check; the search stops when it runs out. */
  readonly timeLimitMs?: number;
  /** Called after each case checked while searching (not while shrinking). */
  readonly onCase?: (checked: number) => void;
}

/**
 * Searches for an instance that refutes a property check, shrinks it, and re-evaluates the shrunk
 * instance from its exact JSON: a refutation is reported only if that re-evaluation fails too.
 */
export function runPropertyCheck(check: PropertyCheck, options: PropertyRunOptions): CheckResult {
  const stats = new CaseStatistics();
  if (options.timeLimitMs !== undefined && options.timeLimitMs <= 0) {
    return judgeSearch(check, options, stats, { interrupted: true });
  }
  let searching = true; // cleared at the first failure: shrinking evaluations are not statistics
  const predicate = (instance: unknown): boolean => {
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
      searching = false;
      return false;
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
    details = fc.check(fc.property(check.arbitrary, predicate), {
      numRuns: options.runs,
      seed: options.seed,
      maxSkipsPerRun: 1, // more discards than runs already makes the check inconclusive
      verbose: fc.VerbosityLevel.None, // fast-check keeps no passed or skipped case, only the current failure
      plugins: options.timeLimitMs === undefined ? [] : [fc.interruptAfterTimeLimit(Math.ceil(options.timeLimitMs))],
    });
  } catch (error) {
    return { ...common(check, options, stats), verdict: 'inconclusive', summary: `error while generating instances: ${messageOf(error)}` };
  }
  if (details.failed && details.counterexample !== null) {
    return judgeCounterexample(check, options, stats, (details.counterexample as readonly unknown[])[0], details.counterexamplePath, details.numShrinks);
  }
  return judgeSearch(check, options, stats, { interrupted: details.interrupted });
}

function common(check: PropertyCheck, options: PropertyRunOptions, stats: CaseStatistics) {
  return {
    name: check.name,
    kind: 'property' as const,
    basis: check.basis,
    runs: stats.checked,
    seed: options.seed,
    discarded: stats.discarded,
    discardReasons: reasonsRecord(stats.discardReasons),
    undecided: stats.undecided,
    undecidedReasons: reasonsRecord(stats.undecidedReasons),
  };
}

/** No failure found: holds only if enough cases were checked within the hypotheses and all were decided. */
function judgeSearch(
  check: PropertyCheck,
  options: PropertyRunOptions,
  stats: CaseStatistics,
  run: { interrupted: boolean },
): CheckResult {
  const base = common(check, options, stats);
  const checked = stats.checked;
  const discards = stats.discarded > 0 ? ` (${describeReasons(stats.discardReasons)})` : '';
  if (checked === 0) {
    const why =
      stats.discarded > 0
        ? `precondition never met: all ${stats.discarded} generated cases discarded${discards}`
        : run.interrupted
          ? 'time limit reached before any case was checked'
          : 'no case checked';
    return { ...base, verdict: 'inconclusive', summary: why };
  }
  if (stats.discarded > checked) {
    const total = stats.discarded + checked;
    return { ...base, verdict: 'inconclusive', summary: `precondition too rarely met: ${stats.discarded} of ${total} generated cases discarded${discards}` };
  }
  const interrupted = run.interrupted && checked < options.runs;
  const limit = interrupted ? `; time limit reached after ${checked} of ${options.runs} runs` : '';
  if (stats.undecided > 0) {
    return {
      ...base,
      verdict: 'inconclusive',
      summary: `${stats.undecided} of ${checked} cases undecided (${describeReasons(stats.undecidedReasons)})${limit}`,
      ...(interrupted ? { interrupted } : {}),
    };
  }
  const discarded = stats.discarded > 0 ? `, ${stats.discarded} discarded${discards}` : '';
  return {
    ...base,
    verdict: 'holds',
    summary: `${checked} cases checked, none fails${discarded}${limit}`,
    ...(interrupted ? { interrupted } : {}),
  };
}

/** fast-check found and shrank a failure: re-evaluate the shrunk instance exactly before believing it. */
function judgeCounterexample(
  check: PropertyCheck,
  options: PropertyRunOptions,
  stats: CaseStatistics,
  shrunk: unknown,
  path: string,
  shrinks: number,
): CheckResult {
  const base = { ...common(check, options, stats), runs: stats.checked + 1, path };
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
  return {
    ...base,
    verdict: 'refuted',
    summary: `fails after ${stats.checked + 1} cases; shrunk ${shrinks} times`,
    instance,
    witness: encodeWitness(evaluation.outcome.witness),
  };
}
