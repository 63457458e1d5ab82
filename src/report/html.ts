import { builtInFigures } from './figures/built-in.ts';
import type { FigureRegistry } from './figures/registry.ts';
import { claimsTable, filterControls } from './html-claims.ts';
import { tag, textTag } from './html-element.ts';
import { errataSection } from './html-errata.ts';
import { figureAnchor, figuresSection } from './html-figures.ts';
import { CONTENT_SECURITY_POLICY, FILTER_SCRIPT, PAGE_STYLE } from './html-page.ts';
import type { Report } from './report-data.ts';
import { ROW_STATUSES, summaryLine } from './report-data.ts';

function runLine(report: Report): string {
  const { run } = report;
  const parts = [`landscape-check ${run.version}`, `seed ${run.seed}`, `${run.runs} runs per check`];
  if (run.timeLimitSeconds !== null) parts.push(`time limit ${run.timeLimitSeconds} s per claim`);
  if (run.shard !== null) parts.push(`shard ${run.shard}`);
  return parts.join(' · ');
}

function summaryTable(report: Report): string {
  const statuses = ROW_STATUSES.filter((s) => report.summary.byStatus[s] > 0);
  return tag('table', { class: 'summary' }, [
    tag('thead', {}, [tag('tr', {}, ['paper', ...statuses].map((h) => textTag('th', { scope: 'col' }, h)))]),
    tag(
      'tbody',
      {},
      Object.entries(report.summary.byPaper).map(([paper, counts]) =>
        tag('tr', { 'data-paper': paper }, [textTag('th', { scope: 'row' }, paper), ...statuses.map((s) => textTag('td', { class: 'number' }, String(counts[s])))]),
      ),
    ),
  ]);
}

/**
 * The report as one self-contained HTML page: run line and summary, the claims table with its
 * paper and verdict filter, the errata with a witness table per refutation, and the figures the
 * registry has for the claims of this report (plus the list of figures not drawable yet).
 */
export function renderHtml(report: Report, figures: FigureRegistry = builtInFigures()): string {
  const present = new Set(report.rows.map((r) => r.id));
  const selection = figures.select(present);
  const figureLinks = new Map<string, string[]>();
  for (const { figure, claim } of selection.figures) {
    if (claim !== null) figureLinks.set(claim, [...(figureLinks.get(claim) ?? []), figureAnchor(figure.id)]);
  }
  const head = tag('head', {}, [
    tag('meta', { charset: 'utf-8' }),
    tag('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    tag('meta', { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }),
    textTag('title', {}, 'landscape-check report'),
    tag('style', {}, [PAGE_STYLE]),
  ]);
  const body = tag('body', {}, [
    tag('header', {}, [
      textTag('h1', {}, 'landscape-check report'),
      textTag('p', { class: 'run' }, runLine(report)),
      tag('nav', {}, [
        textTag('a', { href: '#claims' }, 'Claims'),
        textTag('a', { href: '#errata' }, `Errata (${report.errata.length})`),
        textTag('a', { href: '#figures' }, `Figures (${selection.figures.length})`),
      ]),
    ]),
    tag('section', { id: 'summary' }, [textTag('h2', {}, 'Summary'), textTag('p', {}, `${summaryLine(report.summary)}.`), summaryTable(report)]),
    tag('section', { id: 'claims' }, [textTag('h2', {}, 'Claims'), filterControls(report), claimsTable(report, figureLinks)]),
    errataSection(report),
    figuresSection(selection, present),
    tag('script', {}, [FILTER_SCRIPT]),
  ]);
  return `<!DOCTYPE html>\n${tag('html', { lang: 'en' }, [head, body])}\n`;
}
