import type { Basis } from './basis.ts';
import type { ClaimKind } from './claim.ts';
import type { JsonValue } from './codec.ts';
import type { Verdict } from './verdict.ts';

/** One line of an example's table, as reported. */
export interface TableRow {
  readonly quantity: string;
  readonly paper: JsonValue;
  readonly computed: JsonValue;
  readonly match: boolean;
  readonly relation?: string;
  readonly tolerance?: string;
}

/** What running one check found. Fields that do not apply to the check's kind are absent. */
export interface CheckResult {
  readonly name: string;
  readonly kind: 'property' | 'reproduction';
  readonly verdict: Verdict;
  readonly basis: Basis;
  /** Cases checked (evaluated and not discarded); 1 for a reproduction. */
  readonly runs: number;
  /** One line for people: why inconclusive, what failed, what was replayed. */
  readonly summary: string;
  readonly discarded?: number;
  readonly discardReasons?: Readonly<Record<string, number>>;
  readonly undecided?: number;
  readonly undecidedReasons?: Readonly<Record<string, number>>;
  /** The fast-check seed of this check. */
  readonly seed?: number;
  /** fast-check's counterexample path (replays the failure with the same seed and arbitrary). */
  readonly path?: string;
  /** The shrunk failing instance, exact. */
  readonly instance?: JsonValue;
  /** The witness values of the exact re-evaluation of the shrunk instance. */
  readonly witness?: JsonValue;
  readonly table?: readonly TableRow[];
  /** True when the refutation comes from a stored counterexample replayed before any search. */
  readonly replayed?: boolean;
  /** True when the time limit stopped the search before the requested runs. */
  readonly interrupted?: boolean;
  /** The stored counterexample file of a refutation (relative to the working directory), if stored. */
  readonly counterexample?: string;
}

/** Detail of a claim's result: a summary line, every check's result, stored witnesses that no longer refute. */
export interface ClaimDetail {
  readonly summary: string;
  readonly checks: readonly CheckResult[];
  /** Stored counterexamples that no longer refute: a regression, or a fix to record deliberately. */
  readonly staleCounterexamples?: readonly string[];
}

/** The result of checking one claim; the JSON contract of `check --json` (plus paper, title, kind, durationMs). */
export interface ClaimResult {
  readonly id: string;
  readonly paper: string;
  readonly title: string;
  readonly kind: ClaimKind;
  readonly verdict: Verdict;
  readonly basis: Basis;
  readonly runs: number;
  readonly seed: number;
  readonly counterexample: string | null;
  readonly detail: ClaimDetail;
  /** Wall-clock time; the only field that differs between two runs with the same seed. */
  readonly durationMs: number;
}
