import type { Basis } from './basis.ts';
import type { Certificate } from './outcome.ts';
import type { ClaimKind } from './claim.ts';
import type { JsonValue } from './codec.ts';
import type { TableRow } from './table-row.ts';
import type { Verdict } from './verdict.ts';

export type { TableRow } from './table-row.ts';

/** A second route's decision as reported (its evidence encoded exactly). */
export interface ConfirmationRecord {
  readonly status: 'confirmed' | 'contradicted' | 'unknown';
  readonly route: string;
  readonly reason?: string;
  readonly evidence?: JsonValue;
}

/** A failure of the check that the second route did not confirm (or that has no second route): shown, never a refutation. */
export interface UnconfirmedFailure {
  readonly instance: JsonValue;
  readonly witness: JsonValue;
  /** null when the check declares no second route. */
  readonly confirmation: ConfirmationRecord | null;
}

/** What running one check found. Fields that do not apply to the check's kind are absent. */
export interface CheckResult {
  readonly name: string;
  readonly kind: 'property' | 'reproduction';
  readonly verdict: Verdict;
  readonly basis: Basis;
  /** Cases checked (evaluated and not discarded); 1 for a reproduction. */
  readonly runs: number;
  /** Cases the check decided (passed, or the confirmed failure); the rest of `runs` were undecided or disputed. */
  readonly decided?: number;
  /** One line for people: why inconclusive, what failed, what was replayed. */
  readonly summary: string;
  readonly discarded?: number;
  readonly discardReasons?: Readonly<Record<string, number>>;
  readonly undecided?: number;
  readonly undecidedReasons?: Readonly<Record<string, number>>;
  /** Failures that the second route contradicted (it showed the statement holds there): a defect in one route. */
  readonly contradicted?: number;
  /** Failures the second route could not decide. */
  readonly unconfirmedFailures?: number;
  /** The first failure that was not confirmed (contradicted, undecided by the second route, or no second route). */
  readonly unconfirmed?: UnconfirmedFailure;
  /** What makes the refutation's witness a certificate of the negation. */
  readonly certificate?: Certificate;
  /** The second route's confirmation of a refutation (or of a difference from the paper). */
  readonly confirmation?: ConfirmationRecord;
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
