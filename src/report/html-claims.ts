import { formatDuration, formatValue, truncate } from './format-value.ts';
import { anchorId, tag, textTag } from './html-element.ts';
import { erratumAnchor } from './html-errata.ts';
import type { Report, ReportRow, RowStatus } from './report-data.ts';
import { ROW_STATUSES } from './report-data.ts';

/** Row anchor of a claim. */
export function claimAnchor(id: string): string {
  return anchorId('claim', id);
}

/** Per-claim links to its figures: figure anchor ids by claim id. */
export type FigureLinks = ReadonlyMap<string, readonly string[]>;

function idCell(row: ReportRow, figureLinks: FigureLinks): string {
  const links = (figureLinks.get(row.id) ?? []).map((anchor) => textTag('a', { href: `#${anchor}`, class: 'figure-link' }, 'figure'));
  const parts = [textTag('span', { class: 'claim-id' }, row.id)];
  if (row.title !== null) parts.push(textTag('span', { class: 'claim-title' }, row.title));
  if (links.length > 0) parts.push(tag('span', { class: 'claim-links' }, links));
  return tag('td', {}, parts);
}

function witnessCell(row: ReportRow, hasErratum: boolean): string {
  if (row.witness === null && !hasErratum) return tag('td', {});
  const text = row.witness === null ? 'details' : truncate(formatValue(row.witness), 60);
  const content = textTag('code', {}, text);
  return tag('td', { class: 'witness-cell' }, [hasErratum ? tag('a', { href: `#${erratumAnchor(row.id, 0)}` }, [content]) : content]);
}

function claimRow(row: ReportRow, figureLinks: FigureLinks, errata: ReadonlySet<string>): string {
  return tag('tr', { id: claimAnchor(row.id), 'data-paper': row.paper, 'data-verdict': row.status }, [
    idCell(row, figureLinks),
    textTag('td', {}, row.paper),
    tag('td', {}, [textTag('span', { class: `verdict verdict-${row.status.replace(' ', '-')}` }, row.status)]),
    textTag('td', {}, row.basis ?? ''),
    textTag('td', { class: 'number' }, row.runs === null ? '' : String(row.runs)),
    textTag('td', { class: 'number' }, row.seed === null ? '' : String(row.seed)),
    textTag('td', { class: 'number' }, row.durationMs === null ? '' : formatDuration(row.durationMs)),
    witnessCell(row, errata.has(row.id)),
  ]);
}

function option(value: string, label: string): string {
  return textTag('option', { value }, label);
}

/** The two filter menus (paper, verdict) with the counts each choice selects, and the "n of m shown" line. */
export function filterControls(report: Report): string {
  const papers = Object.entries(report.summary.byPaper);
  const statuses = ROW_STATUSES.filter((s: RowStatus) => report.summary.byStatus[s] > 0);
  const paperMenu = tag('select', { id: 'filter-paper', name: 'paper' }, [
    option('', `all papers (${report.summary.claims})`),
    ...papers.map(([paper, counts]) => option(paper, `${paper} (${Object.values(counts).reduce((a, b) => a + b, 0)})`)),
  ]);
  const verdictMenu = tag('select', { id: 'filter-verdict', name: 'verdict' }, [
    option('', 'all verdicts'),
    ...statuses.map((s) => option(s, `${s} (${report.summary.byStatus[s]})`)),
  ]);
  return tag('form', { class: 'filters', id: 'filters' }, [
    tag('label', {}, [textTag('span', {}, 'Paper '), paperMenu]),
    tag('label', {}, [textTag('span', {}, 'Verdict '), verdictMenu]),
    textTag('output', { id: 'filter-count', for: 'filter-paper filter-verdict' }, `${report.rows.length} of ${report.rows.length} claims shown`),
  ]);
}

const HEADER = ['ID', 'paper', 'verdict', 'basis', 'runs', 'seed', 'time', 'witness'];

/** One row per claim in catalogue order, with `data-paper` and `data-verdict` for the filter. */
export function claimsTable(report: Report, figureLinks: FigureLinks = new Map()): string {
  const errata = new Set(report.errata.map((e) => e.id));
  return tag('table', { id: 'claims-table', class: 'claims' }, [
    tag('thead', {}, [tag('tr', {}, HEADER.map((h) => textTag('th', { scope: 'col' }, h)))]),
    tag('tbody', {}, report.rows.map((row) => claimRow(row, figureLinks, errata))),
  ]);
}
