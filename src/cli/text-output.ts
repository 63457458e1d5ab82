import type { Certificate } from '../claims/outcome.ts';
import type { ClaimResult } from '../claims/result.ts';
import { formatDuration, formatNamedValues, formatValue } from '../report/format-value.ts';

function runs(n: number): string {
  return `${n} run${n === 1 ? '' : 's'}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** Terminal output: long exact numbers rounded with their size (--json keeps every digit). */
const READABLE = { readable: true } as const;

function describeCounts(reasons: Readonly<Record<string, number>>): string {
  return Object.entries(reasons)
    .map(([reason, n]) => `${n}× ${reason}`)
    .join('; ');
}

function describeCertificate(c: Certificate): string {
  return c.kind === 'exact' ? 'in exact arithmetic' : `by the enclosure ${c.enclosure} of ${c.quantity}, which excludes ${c.excludes}`;
}

/** The results of a check run for people: one line per claim, details under what did not simply hold. */
export function formatResults(results: readonly ClaimResult[]): string {
  const idWidth = Math.max(0, ...results.map((r) => r.id.length)) + 2;
  const basisWidth = Math.max(0, ...results.map((r) => r.basis.length)) + 2;
  const runsWidth = Math.max(0, ...results.map((r) => runs(r.runs).length)) + 2;
  const lines: string[] = [];
  for (const r of results) {
    const file = r.counterexample === null ? '' : `  ${r.counterexample}`;
    lines.push(
      `${pad(r.id, idWidth)}${pad(r.verdict, 14)}${pad(r.basis, basisWidth)}${pad(runs(r.runs), runsWidth)}${formatDuration(r.durationMs)}${file}`,
    );
    if (r.verdict === 'holds' || r.verdict === 'reproduced') {
      if (r.detail.staleCounterexamples !== undefined) lines.push(`    ${r.detail.summary}`);
      // Undecided cases are shown even when the claim holds on its decided ones.
      for (const check of r.detail.checks.filter((c) => (c.undecided ?? 0) > 0)) {
        lines.push(`    ${check.name}: ${check.undecided} undecided (${describeCounts(check.undecidedReasons ?? {})})`);
      }
      continue;
    }
    for (const check of r.detail.checks.filter((c) => c.verdict === r.verdict)) {
      lines.push(`    ${check.name}: ${check.summary}`);
      const failure = check.unconfirmed ?? (check.instance !== undefined ? { instance: check.instance, witness: check.witness } : undefined);
      if (failure !== undefined) {
        lines.push(`      instance  ${formatNamedValues(failure.instance, READABLE).join(' · ')}`);
        if (failure.witness !== undefined) lines.push(`      witness   ${formatNamedValues(failure.witness, READABLE).join(' · ')}`);
      }
      if (check.certificate !== undefined) lines.push(`      certified ${describeCertificate(check.certificate)}`);
      const confirmation = check.confirmation ?? check.unconfirmed?.confirmation;
      if (confirmation !== undefined && confirmation !== null) {
        lines.push(`      2nd route ${confirmation.status} by ${confirmation.route}${confirmation.reason !== undefined ? `: ${confirmation.reason}` : ''}`);
      }
      for (const row of check.table?.filter((t) => !t.match) ?? []) {
        lines.push(`      ${row.quantity}: paper ${formatValue(row.paper, READABLE)}, computed ${formatValue(row.computed, READABLE)}`);
      }
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
