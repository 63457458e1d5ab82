import type { Basis } from '../claims/basis.ts';
import { paperOf } from '../claims/catalogue.ts';
import type { Claim } from '../claims/claim.ts';
import type { JsonValue } from '../claims/codec.ts';
import type { ClaimResult, TableRow } from '../claims/result.ts';
import type { Verdict } from '../claims/verdict.ts';
import { VERDICTS } from '../claims/verdict.ts';

/** A report row's status: a verdict, or a catalogue claim without a module. */
export type RowStatus = Verdict | 'not implemented';

export const ROW_STATUSES: readonly RowStatus[] = [...VERDICTS, 'not implemented'];

/** One claim of the report, in catalogue order; not-implemented rows have only id and paper. */
export interface ReportRow {
  readonly id: string;
  readonly paper: string;
  readonly title: string | null;
  readonly status: RowStatus;
  readonly basis: Basis | null;
  readonly runs: number | null;
  readonly seed: number | null;
  readonly durationMs: number | null;
  /** For refuted claims: the shrunk instance, readable on one line. */
  readonly witness: JsonValue | null;
  readonly counterexample: string | null;
}

/** A statement of a paper that the run found wrong: a refutation with its witness, or a differing example. */
export interface Erratum {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly verdict: 'refuted' | 'differs';
  readonly basis: Basis;
  readonly check: string;
  readonly counterexample: string | null;
  readonly instance: JsonValue | null;
  readonly witness: JsonValue | null;
  /** For differing examples: the rows whose values differ. */
  readonly differingRows: readonly TableRow[];
  /** The second route that confirmed it, in one line (e.g. "z3 on the SMT-LIB query in the witness file"). */
  readonly confirmation: string | null;
}

export interface ReportSummary {
  readonly claims: number;
  readonly byStatus: Readonly<Record<RowStatus, number>>;
  readonly byPaper: Readonly<Record<string, Readonly<Record<RowStatus, number>>>>;
}

export interface RunDescription {
  readonly version: string;
  readonly seed: number;
  readonly runs: number;
  readonly timeLimitSeconds: number | null;
  readonly shard: string | null;
}

/**
 * The report: rows for every selected catalogue claim (implemented or not), the summary, the
 * errata, and `results`, which holds the implemented claims only, exactly as `check --json` does.
 */
export interface Report {
  readonly run: RunDescription;
  readonly summary: ReportSummary;
  readonly rows: readonly ReportRow[];
  readonly errata: readonly Erratum[];
  readonly results: readonly ClaimResult[];
}

export interface ReportInput {
  readonly run: RunDescription;
  readonly results: readonly ClaimResult[];
  /** The claims that were run, for their statements. */
  readonly claims: readonly Claim[];
  /** Selected catalogue IDs without a module. */
  readonly notImplemented: readonly string[];
  /** Catalogue order of IDs; rows follow it, other IDs come after in result order. */
  readonly order: readonly string[];
}

function emptyCounts(): Record<RowStatus, number> {
  return Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
}

function rowOf(result: ClaimResult): ReportRow {
  const refuting = result.detail.checks.find((c) => c.verdict === 'refuted');
  return {
    id: result.id,
    paper: result.paper,
    title: result.title,
    status: result.verdict,
    basis: result.basis,
    runs: result.runs,
    seed: result.seed,
    durationMs: result.durationMs,
    witness: refuting?.instance ?? null,
    counterexample: result.counterexample,
  };
}

function notImplementedRow(id: string): ReportRow {
  const nothing = { title: null, basis: null, runs: null, seed: null, durationMs: null, witness: null, counterexample: null };
  return { id, paper: paperOf(id), status: 'not implemented', ...nothing };
}

function errataOf(result: ClaimResult, claim: Claim | undefined): Erratum[] {
  if (result.verdict !== 'refuted' && result.verdict !== 'differs') return [];
  return result.detail.checks
    .filter((c) => c.verdict === result.verdict)
    .map((c) => ({
      id: result.id,
      title: result.title,
      statement: claim?.statement ?? '',
      verdict: result.verdict as 'refuted' | 'differs',
      basis: c.basis,
      check: c.name,
      counterexample: c.counterexample ?? null,
      instance: c.instance ?? null,
      witness: c.witness ?? null,
      differingRows: (c.table ?? []).filter((row) => !row.match),
      confirmation: c.confirmation?.status === 'confirmed' ? c.confirmation.route : null,
    }));
}

export function buildReport(input: ReportInput): Report {
  const rank = (id: string): number => {
    const i = input.order.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const rows = [...input.results.map(rowOf), ...input.notImplemented.map(notImplementedRow)]
    .map((row, position) => ({ row, position }))
    .sort((a, b) => rank(a.row.id) - rank(b.row.id) || a.position - b.position)
    .map(({ row }) => row);
  const byStatus = emptyCounts();
  const byPaper: Record<string, Record<RowStatus, number>> = {};
  for (const row of rows) {
    byStatus[row.status]++;
    (byPaper[row.paper] ??= emptyCounts())[row.status]++;
  }
  const claims = new Map(input.claims.map((c) => [c.id, c]));
  return {
    run: input.run,
    summary: { claims: rows.length, byStatus, byPaper },
    rows,
    errata: input.results.flatMap((r) => errataOf(r, claims.get(r.id))),
    results: input.results,
  };
}

/** "7 claims: 1 holds, 2 refuted, 1 not implemented" (statuses with zero count left out). */
export function summaryLine(summary: ReportSummary): string {
  const parts = ROW_STATUSES.filter((s) => summary.byStatus[s] > 0).map((s) => `${summary.byStatus[s]} ${s}`);
  return `${summary.claims} claim${summary.claims === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}
