import type { JsonValue } from './codec.ts';
import { libraryVersion } from './paths.ts';
import type { CheckResult, ClaimResult } from './result.ts';
import type { CounterexampleStore } from './store.ts';

/**
 * Stores every new refutation among a claim's check results (not the replayed ones, which are
 * stored already) and returns the results naming their files. Files are named by content and
 * written only when absent, so storing twice, or from any process, writes the same file once.
 */
export function storeRefutations(claimId: string, checks: readonly CheckResult[], store: CounterexampleStore): CheckResult[] {
  return checks.map((result) => {
    if (result.verdict !== 'refuted' || result.replayed === true || result.counterexample !== undefined) return result;
    const stored = store.write({
      claim: claimId,
      verdict: 'refuted',
      check: result.name,
      basis: result.basis,
      instance: result.instance!,
      witness: witnessRecord(result),
      certificate: result.certificate!,
      confirmation: result.confirmation!,
      seed: result.seed!,
      path: result.path!,
      version: libraryVersion(),
    });
    return { ...result, counterexample: stored.display };
  });
}

/** A claim result computed without writing the store (in a worker), with its new refutations stored. */
export function withStoredRefutations(result: ClaimResult, store: CounterexampleStore): ClaimResult {
  const checks = storeRefutations(result.id, result.detail.checks, store);
  return { ...result, counterexample: firstCounterexample(checks), detail: { ...result.detail, checks } };
}

/** The file a claim result names: that of its first check with a stored counterexample. */
export function firstCounterexample(checks: readonly CheckResult[]): string | null {
  return checks.find((c) => c.counterexample !== undefined)?.counterexample ?? null;
}

/** Witness values are named; a check returning something else gets it under "value". */
function witnessRecord(result: CheckResult): { readonly [name: string]: JsonValue } {
  const w = result.witness;
  if (typeof w === 'object' && w !== null && !Array.isArray(w)) return w;
  return { value: w ?? null };
}
