import { paperOf } from '../claims/catalogue.ts';
import type { Claim } from '../claims/claim.ts';
import type { Registry } from '../claims/registry.ts';
import { runClaim } from '../claims/runner.ts';
import type { Verdict } from '../claims/verdict.ts';
import { median } from './timing.ts';

/**
 * The claim measured for each paper: its headline theorem where it exists. A paper whose claim
 * is missing falls back to its first claim (catalogue order) with a property check.
 */
export const REPRESENTATIVE_CLAIMS: Readonly<Record<string, string>> = {
  decomposition: 'decomposition/theorem-2.5',
  liu: 'liu/theorem-1',
  milne: 'milne/theorem-4',
  kawaguchi: 'kawaguchi/theorem-1',
  he: 'he/theorem-4',
};

/** Checked cases per second of one claim at the default budget, or why a paper has no row. */
export type ThroughputRow =
  | {
      readonly paper: string;
      readonly claim: string;
      readonly verdict: Verdict;
      /** Cases checked (discarded ones not counted) in one run of the claim. */
      readonly cases: number;
      /** Median wall-clock time of one run of the claim. */
      readonly medianMs: number;
      readonly casesPerSecond: number;
    }
  | { readonly paper: string; readonly claim: null; readonly note: string };

export interface ThroughputOptions {
  readonly runs: number;
  readonly seed: number;
  readonly repetitions: number;
}

/** The papers of the catalogue (then of the claims), in order. */
function papersOf(registry: Registry): string[] {
  const ids = [...(registry.catalogue?.ids ?? []), ...registry.claims.map((c) => c.id)];
  return [...new Set(ids.map(paperOf))];
}

export function representativeClaim(registry: Registry, paper: string): Claim | undefined {
  const preferred = REPRESENTATIVE_CLAIMS[paper];
  const claim = preferred === undefined ? undefined : registry.find(preferred);
  if (claim !== undefined) return claim;
  return registry.claims.find((c) => c.paper === paper && c.checks.some((check) => check.kind === 'property'));
}

/**
 * Runs one representative claim per paper at the given budget (no counterexample store, so a
 * refuted claim searches and shrinks as on a first run) and reports checked cases per second.
 */
export async function benchThroughput(registry: Registry, options: ThroughputOptions, onRow?: (row: ThroughputRow) => void): Promise<ThroughputRow[]> {
  const rows: ThroughputRow[] = [];
  for (const paper of papersOf(registry)) {
    const claim = representativeClaim(registry, paper);
    const row: ThroughputRow = claim === undefined ? { paper, claim: null, note: 'not implemented' } : await measure(paper, claim, options);
    onRow?.(row);
    rows.push(row);
  }
  return rows;
}

async function measure(paper: string, claim: Claim, options: ThroughputOptions): Promise<ThroughputRow> {
  const times: number[] = [];
  let cases = 0;
  let verdict: Verdict = 'inconclusive';
  for (let k = 0; k < options.repetitions; k++) {
    const start = performance.now();
    const result = await runClaim(claim, { runs: options.runs, seed: options.seed });
    times.push(performance.now() - start);
    cases = result.runs; // the same every time: the seed fixes the cases
    verdict = result.verdict;
  }
  const medianMs = median(times);
  return { paper, claim: claim.id, verdict, cases, medianMs, casesPerSecond: cases / (medianMs / 1000) };
}
