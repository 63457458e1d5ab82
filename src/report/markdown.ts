import { formatDuration, formatNamedValues, formatValue, truncate } from './format-value.ts';
import type { Erratum, Report } from './report-data.ts';
import { ROW_STATUSES, summaryLine } from './report-data.ts';

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function runLine(report: Report): string {
  const { run } = report;
  const parts = [`landscape-check ${run.version}`, `seed ${run.seed}`, `${run.runs} runs per check`];
  if (run.timeLimitSeconds !== null) parts.push(`time limit ${run.timeLimitSeconds} s per claim`);
  if (run.shard !== null) parts.push(`shard ${run.shard}`);
  return parts.join(' · ');
}

function summarySection(report: Report): string[] {
  const statuses = ROW_STATUSES.filter((s) => report.summary.byStatus[s] > 0);
  const papers = Object.entries(report.summary.byPaper);
  return [
    `**Summary:** ${summaryLine(report.summary)}.`,
    '',
    ...table(
      ['paper', ...statuses],
      papers.map(([paper, counts]) => [paper, ...statuses.map((s) => String(counts[s]))]),
    ),
  ];
}

function claimsSection(report: Report): string[] {
  return table(
    ['ID', 'paper', 'verdict', 'basis', 'runs', 'seed', 'time', 'witness'],
    report.rows.map((row) => [
      row.id,
      row.paper,
      row.status,
      row.basis ?? '',
      row.runs === null ? '' : String(row.runs),
      row.seed === null ? '' : String(row.seed),
      row.durationMs === null ? '' : formatDuration(row.durationMs),
      row.witness === null ? '' : `\`${truncate(formatValue(row.witness), 80)}\``,
    ]),
  );
}

function erratumSection(erratum: Erratum): string[] {
  const lines = [`### ${erratum.id} — ${erratum.title}`, '', `*Statement (our reading):* ${erratum.statement}`, ''];
  if (erratum.verdict === 'refuted') {
    const file = erratum.counterexample === null ? '' : `; counterexample file \`${erratum.counterexample}\``;
    lines.push(`Refuted by the check “${erratum.check}” (${erratum.basis})${file}.`, '', '```');
    lines.push('instance', ...formatNamedValues(erratum.instance ?? undefined).map((l) => `  ${l}`));
    lines.push('witness', ...formatNamedValues(erratum.witness ?? undefined).map((l) => `  ${l}`), '```', '');
    if (erratum.confirmation !== null) lines.push(`Confirmed independently by ${erratum.confirmation}.`, '');
  } else {
    lines.push(`The paper's numbers differ from the computed ones (${erratum.check}, ${erratum.basis}):`, '');
    lines.push(
      ...table(
        ['quantity', 'paper', 'computed'],
        erratum.differingRows.map((r) => [r.quantity, formatValue(r.paper), formatValue(r.computed)]),
      ),
      '',
    );
    if (erratum.confirmation !== null) lines.push(`Confirmed independently by ${erratum.confirmation}.`, '');
  }
  return lines;
}

/** REPORT.md: run line, summary, one row per claim in catalogue order, and the errata. */
/** The run line, the summary and one line per claim (ID, verdict, basis): README's verdict table. */
export function renderVerdictSection(report: Report): string {
  const rows = report.rows.map((row) => [row.id, row.status, row.basis ?? '']);
  return [runLine(report), '', ...summarySection(report), '', ...table(['ID', 'verdict', 'basis'], rows), ''].join('\n');
}

export function renderMarkdown(report: Report): string {
  const lines = [
    '# landscape-check report',
    '',
    runLine(report),
    '',
    ...summarySection(report),
    '',
    '## Claims',
    '',
    ...claimsSection(report),
    '',
    '## Errata',
    '',
  ];
  if (report.errata.length === 0) lines.push('No statement was refuted and no example differs.', '');
  else {
    lines.push('Every statement this run refuted, with its minimal witness, and every example whose numbers differ.', '');
    for (const erratum of report.errata) lines.push(...erratumSection(erratum));
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
