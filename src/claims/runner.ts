import type { Basis } from './basis.ts';
import { weakestBasis } from './basis.ts';
import type { Check, Claim, PropertyCheck } from './claim.ts';
import { encodeWitness } from './codec.ts';
import { confirmationRecord, confirmSafely, describeConfirmation, describeEvaluation, evaluateEncoded } from './evaluation.ts';
import { runPropertyCheck } from './property-runner.ts';
import { runReproductionCheck } from './reproduction-runner.ts';
import type { CheckResult, ClaimResult } from './result.ts';
import { deriveSeed } from './seed.ts';
import type { CounterexampleStore, StoredCounterexample } from './store.ts';
import { firstCounterexample, storeRefutations } from './store-refutations.ts';
import type { Verdict } from './verdict.ts';
import { combineVerdicts } from './verdict.ts';

export interface RunOptions {
  /** Cases per property check. */
  readonly runs: number;
  /** The run's seed; each claim's seed is derived from it and the claim ID. */
  readonly seed: number;
  /** Time limit per claim, shared by its checks. */
  readonly timeLimitSeconds?: number;
  /** Replays stored counterexamples first and stores new ones (unless `writeStore` is false). */
  readonly store?: CounterexampleStore;
  readonly writeStore?: boolean;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { readonly type: 'claim-start'; readonly id: string; readonly index: number; readonly total: number; readonly checks: number }
  | { readonly type: 'check-start'; readonly id: string; readonly check: string; readonly checkIndex: number; readonly runs: number }
  | { readonly type: 'case'; readonly id: string; readonly check: string; readonly checked: number; readonly runs: number }
  | { readonly type: 'claim-end'; readonly index: number; readonly total: number; readonly result: ClaimResult }
  | { readonly type: 'stale-counterexample'; readonly id: string; readonly file: string; readonly reason: string };

/** What replaying one stored counterexample found. */
export type ReplayResult =
  | { readonly stillRefutes: true; readonly result: CheckResult }
  | { readonly stillRefutes: false; readonly reason: string };

/** Re-evaluates a stored counterexample of a claim exactly, from its file's instance, and re-confirms it by the second route. */
export async function replayCounterexample(claim: Claim, stored: StoredCounterexample): Promise<ReplayResult> {
  const { record, display } = stored;
  const check = claim.checks.find((c): c is PropertyCheck => c.kind === 'property' && c.name === record.check);
  if (check === undefined) return { stillRefutes: false, reason: `the claim has no check named '${record.check}' any more` };
  const evaluation = evaluateEncoded(check, record.instance);
  if ('error' in evaluation || evaluation.outcome.status !== 'fail') {
    return { stillRefutes: false, reason: `the instance now gives ${describeEvaluation(evaluation)}` };
  }
  const confirmation = await confirmSafely(check, evaluation.instance, evaluation.outcome.witness);
  if (confirmation === null || confirmation.status !== 'confirmed') {
    return { stillRefutes: false, reason: `the instance still fails the check, but ${describeConfirmation(confirmation)}` };
  }
  return {
    stillRefutes: true,
    result: {
      name: check.name,
      kind: 'property',
      verdict: 'refuted',
      basis: check.basis,
      runs: 1,
      summary: `stored counterexample ${display} still refutes`,
      seed: record.seed,
      path: record.path,
      instance: record.instance,
      witness: encodeWitness(evaluation.outcome.witness),
      certificate: evaluation.outcome.certificate,
      confirmation: confirmationRecord(confirmation),
      replayed: true,
      counterexample: display,
    },
  };
}

/** Checks one claim: replay its stored counterexamples, and search only when none still refutes. */
export async function runClaim(claim: Claim, options: RunOptions, position = { index: 0, total: 1 }): Promise<ClaimResult> {
  const started = performance.now();
  const seed = deriveSeed(options.seed, claim.id);
  options.onProgress?.({ type: 'claim-start', id: claim.id, ...position, checks: claim.checks.length });
  const replays: CheckResult[] = [];
  const stale: string[] = [];
  for (const stored of options.store?.readFor(claim.id) ?? []) {
    const replay = await replayCounterexample(claim, stored);
    if (replay.stillRefutes) replays.push(replay.result);
    else {
      stale.push(stored.display);
      options.onProgress?.({ type: 'stale-counterexample', id: claim.id, file: stored.display, reason: replay.reason });
    }
  }
  const searched = replays.length > 0 ? replays : await searchChecks(claim, seed, options, started);
  // New refutations are stored before the result is assembled, so that it names their files.
  const checks = options.store !== undefined && options.writeStore !== false ? storeRefutations(claim.id, searched, options.store) : searched;
  const result = claimResult(claim, seed, checks, stale, performance.now() - started);
  options.onProgress?.({ type: 'claim-end', ...position, result });
  return result;
}

async function searchChecks(claim: Claim, seed: number, options: RunOptions, started: number): Promise<CheckResult[]> {
  const deadline = options.timeLimitSeconds === undefined ? undefined : started + options.timeLimitSeconds * 1000;
  const results: CheckResult[] = [];
  for (const [checkIndex, check] of claim.checks.entries()) {
    options.onProgress?.({ type: 'check-start', id: claim.id, check: check.name, checkIndex, runs: options.runs });
    results.push(await runCheck(claim, check, deriveSeed(seed, check.name), options, deadline));
  }
  return results;
}

function runCheck(claim: Claim, check: Check, seed: number, options: RunOptions, deadline: number | undefined): Promise<CheckResult> {
  if (check.kind === 'reproduction') return runReproductionCheck(check);
  return runPropertyCheck(check, {
    runs: options.runs,
    seed,
    timeLimitMs: deadline === undefined ? undefined : deadline - performance.now(),
    onCase: (checked) =>
      options.onProgress?.({ type: 'case', id: claim.id, check: check.name, checked, runs: options.runs }),
  });
}

/** The verdict rests on the checks that decide it: the refuting (or differing) ones, else all of them. */
function verdictBasis(verdict: Verdict, checks: readonly CheckResult[]): Basis {
  const deciding = verdict === 'refuted' || verdict === 'differs' ? checks.filter((c) => c.verdict === verdict) : checks;
  return weakestBasis(deciding.map((c) => c.basis));
}

function claimResult(claim: Claim, seed: number, checks: CheckResult[], stale: string[], durationMs: number): ClaimResult {
  const verdict = combineVerdicts(claim.kind, checks.map((c) => c.verdict));
  const summaries = checks.length === 1 ? [checks[0]!.summary] : checks.map((c) => `${c.name}: ${c.summary}`);
  if (stale.length > 0) summaries.unshift(`STORED COUNTEREXAMPLE NO LONGER REFUTES: ${stale.join(', ')}`);
  return {
    id: claim.id,
    paper: claim.paper,
    title: claim.title,
    kind: claim.kind,
    verdict,
    basis: verdictBasis(verdict, checks),
    runs: checks.reduce((n, c) => n + c.runs, 0),
    seed,
    counterexample: firstCounterexample(checks),
    detail: { summary: summaries.join('; '), checks, ...(stale.length > 0 ? { staleCounterexamples: stale } : {}) },
    durationMs: Math.round(durationMs),
  };
}

/** Checks claims one after the other (the order of the list, i.e. catalogue order). */
export async function runClaims(claims: readonly Claim[], options: RunOptions): Promise<ClaimResult[]> {
  const results: ClaimResult[] = [];
  for (const [index, claim] of claims.entries()) results.push(await runClaim(claim, options, { index, total: claims.length }));
  return results;
}
