import type { Baseline } from './baseline.ts';
import { InputError } from './errors.ts';
import type { ClaimResult } from './result.ts';
import type { Verdict } from './verdict.ts';

/** A verdict at some seed that differs from the baseline, with what a person needs to look at it. */
export interface SoakChange {
  readonly seed: number;
  readonly id: string;
  readonly baseline: Verdict | null;
  readonly verdict: Verdict;
  readonly basis: string;
  readonly summary: string;
  /** The witness file of a new refutation (in the soak's own store), or null. */
  readonly counterexample: string | null;
}

/** One seed of a soak: every verdict, and the undecided cases per claim (only claims that had some). */
export interface SoakSeed {
  readonly seed: number;
  readonly verdicts: Readonly<Record<string, Verdict>>;
  readonly undecided: Readonly<Record<string, number>>;
  readonly durationMs: number;
  /** The report.json of this seed, if one was written. */
  readonly report: string | null;
}

/** What `soak` writes to summary.json and prints with --json. */
export interface SoakSummary {
  readonly version: string;
  readonly runs: number | null;
  readonly seeds: readonly number[];
  readonly baseline: string;
  readonly claims: number;
  readonly changes: readonly SoakChange[];
  readonly perSeed: readonly SoakSeed[];
}

/** At most this many seeds in one soak: a typo such as 1..1000000 is refused rather than run for weeks. */
export const MAX_SOAK_SEEDS = 10_000;

/**
 * Seeds from "A..B", "S", or a comma-separated list of both ("1..5,9,12..13"): each once, in the
 * order given.
 */
export function parseSeedRange(text: string): number[] {
  const seeds: number[] = [];
  const seen = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*(-?\d+)\s*(?:\.\.\s*(-?\d+)\s*)?$/.exec(part);
    if (m === null) throw new InputError(`--seeds ${JSON.stringify(text)}: expected A..B, a seed, or a comma-separated list of them`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) throw new InputError(`--seeds ${JSON.stringify(text)}: seeds must be safe integers`);
    if (to < from) throw new InputError(`--seeds ${JSON.stringify(text)}: ${from}..${to} is empty (write the smaller seed first)`);
    if (to - from + 1 + seeds.length > MAX_SOAK_SEEDS) throw new InputError(`--seeds ${JSON.stringify(text)}: more than ${MAX_SOAK_SEEDS} seeds`);
    for (let s = from; s <= to; s++) {
      if (!seen.has(s)) {
        seen.add(s);
        seeds.push(s);
      }
    }
  }
  return seeds;
}

/** The verdicts of one seed's results that differ from the baseline. */
export function soakChanges(seed: number, results: readonly ClaimResult[], baseline: Baseline): SoakChange[] {
  return results
    .filter((r) => baseline[r.id] !== r.verdict)
    .map((r) => ({
      seed,
      id: r.id,
      baseline: Object.hasOwn(baseline, r.id) ? baseline[r.id]! : null,
      verdict: r.verdict,
      basis: r.basis,
      summary: r.detail.summary,
      counterexample: r.counterexample,
    }));
}

/** One seed's verdicts and undecided counts. */
export function soakSeed(seed: number, results: readonly ClaimResult[], durationMs: number, report: string | null): SoakSeed {
  const undecided: Record<string, number> = {};
  for (const r of results) {
    const n = r.detail.checks.reduce((sum, c) => sum + (c.undecided ?? 0), 0);
    if (n > 0) undecided[r.id] = n;
  }
  return { seed, verdicts: Object.fromEntries(results.map((r) => [r.id, r.verdict])), undecided, durationMs: Math.round(durationMs), report };
}
