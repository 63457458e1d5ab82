import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/catalogue.ts';
import { confirmed, contradicted, forAll, passIf, theorem } from '../../src/claims/index.ts';
import { buildRegistry, loadClaimModules } from '../../src/claims/registry.ts';
import { runClaims } from '../../src/claims/runner.ts';
import { builtInFigures } from '../../src/report/figures/built-in.ts';
import { FigureRegistry } from '../../src/report/figures/registry.ts';
import { formatValue } from '../../src/report/format-value.ts';
import { renderHtml } from '../../src/report/html.ts';
import { FILTER_SCRIPT } from '../../src/report/html-page.ts';
import { buildReport, type Report } from '../../src/report/report-data.ts';
import { FIXTURE_CATALOGUE, FIXTURE_CLAIMS, FIXTURES, runCli, tempDir } from '../cli/run-cli.ts';
import { descendants, findAll, parseMarkup, textOf, type XmlElement } from './html-xml.ts';

const NASTY_STATEMENT = `If a < b && b > c then "a" & 'c' <script>alert(1)</script> holds.`;

/** A refuted claim whose title, statement, check name and witness all contain markup characters. */
const markupClaim = theorem({
  id: 'mark/escape-me',
  paper: 'mark',
  title: 'Markup <b>&</b> in the title',
  statement: NASTY_STATEMENT,
  checks: [
    forAll({
      name: 'n < 3 & "quoted"',
      basis: 'exact',
      arbitrary: fc.record({ n: fc.integer({ min: 0, max: 20 }), tag: fc.constant('<i>&amp;</i>') }),
      check: ({ n, tag }) => passIf(n < 3, { n, tag, 'a<b': 'x > y & z' }),
      confirm: ({ n }) => (n >= 3 ? confirmed('3 ≤ n <b>&</b>', { n }) : contradicted('3 ≤ n', 'n < 3')),
    }),
  ],
});

async function fixtureReport(): Promise<Report> {
  const registry = buildRegistry(await loadClaimModules([FIXTURE_CLAIMS]), loadCatalogue(FIXTURE_CATALOGUE));
  const claims = [...registry.claims, markupClaim];
  const results = await runClaims(claims, { runs: 40, seed: 1 });
  return buildReport({
    run: { version: '0.1.0', seed: 1, runs: 40, timeLimitSeconds: null, shard: null },
    results,
    claims,
    notImplemented: registry.notImplemented,
    order: registry.catalogue!.ids,
  });
}

/** A report whose rows include catalogue claims that have figures (not implemented: rows only). */
function catalogueRowsReport(ids: readonly string[]): Report {
  return buildReport({
    run: { version: '0.1.0', seed: 0, runs: 5, timeLimitSeconds: 2, shard: null },
    results: [],
    claims: [],
    notImplemented: ids,
    order: ids,
  });
}

function page(html: string): XmlElement {
  expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
  const root = parseMarkup(html); // throws on any unbalanced tag, raw '<' or stray '&'
  // An HTML parser ignores the slash of <td/> (only SVG honours it): outside SVG only void elements may self-close.
  const selfClosed = [...html.replace(/<svg[\s\S]*?<\/svg>/g, '').matchAll(/<([a-zA-Z][\w-]*)\b[^<>]*\/>/g)].map((m) => m[1]);
  expect(selfClosed.filter((name) => !['meta', 'br', 'hr', 'img', 'input', 'link'].includes(name!))).toEqual([]);
  const htmlElements = root.children.filter((c): c is XmlElement => typeof c !== 'string');
  expect(htmlElements.map((e) => e.name)).toEqual(['html']);
  return htmlElements[0]!;
}

const byId = (root: XmlElement, id: string) => descendants(root).find((e) => e.attributes.id === id);

describe('HTML report page', async () => {
  const report = await fixtureReport();
  const html = renderHtml(report);
  const root = page(html);

  it('has one row per claim, in report order, with the data attributes the filter reads', async () => {
    const rows = findAll(byId(root, 'claims-table')!, 'tr').filter((tr) => tr.attributes['data-paper'] !== undefined);
    expect(rows.map((tr) => [tr.attributes['data-paper'], tr.attributes['data-verdict']])).toEqual(report.rows.map((r) => [r.paper, r.status]));
    expect(rows.map((tr) => textOf(findAll(tr, 'span', 'claim-id')[0]!))).toEqual(report.rows.map((r) => r.id));
    expect(rows).toHaveLength(8);
    expect(rows.map((tr) => tr.attributes['data-verdict'])).toContain('not implemented');
  });

  it('offers each paper and each verdict present in the filter menus', async () => {
    const values = (id: string) => findAll(byId(root, id)!, 'option').map((o) => o.attributes.value);
    expect(values('filter-paper')).toEqual(['', 'toy', 'mark']);
    expect(values('filter-verdict')).toEqual(['', 'holds', 'refuted', 'inconclusive', 'reproduced', 'differs', 'not implemented']);
    expect(textOf(byId(root, 'filter-count')!)).toBe('8 of 8 claims shown');
  });

  it('escapes every text: the markup in a statement reads back verbatim and adds no element', async () => {
    expect(textOf(findAll(root, 'span', 'statement').find((s) => textOf(s).startsWith('If a'))!)).toBe(NASTY_STATEMENT);
    expect(findAll(root, 'script')).toHaveLength(1);
    expect(findAll(root, 'b')).toHaveLength(0);
    expect(findAll(root, 'i')).toHaveLength(0);
    expect(html).not.toContain('<script>alert');
    const titles = findAll(root, 'span', 'claim-title').map(textOf);
    expect(titles).toContain('Markup <b>&</b> in the title');
  });

  it('shows a witness table for each refuted claim: the shrunk instance and the witness values', async () => {
    const refuted = report.errata.filter((e) => e.verdict === 'refuted');
    const tables = findAll(root, 'table', 'witness');
    expect(tables.map((t) => t.attributes['data-claim'])).toEqual(refuted.map((e) => e.id));
    expect(tables.map((t) => t.attributes['data-claim'])).toEqual(['toy/square-dominates', 'toy/harmonic-bound', 'mark/escape-me']);
    const rowsOf = (t: XmlElement) => findAll(t, 'tr').map((tr) => findAll(tr, '*').filter((e) => e.name === 'th' || e.name === 'td').map(textOf));
    // H_11 = 83711/27720 > 3 is the least harmonic number above 3.
    expect(rowsOf(tables[1]!)).toEqual([['instance'], ['n', '11'], ['witness'], ['n', '11'], ['predicted', 'H_n < 3'], ['H_n', '83711/27720']]);
    const markup = rowsOf(tables[2]!);
    expect(markup).toContainEqual(['n', '3']);
    expect(markup).toContainEqual(['tag', '<i>&amp;</i>']);
    expect(markup).toContainEqual(['a<b', 'x > y & z']);
    for (const [k, erratum] of refuted.entries()) {
      const value = erratum.instance!;
      const instance = typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).map(([name, v]) => [name, formatValue(v)])
        : [['value', formatValue(value)]];
      expect(rowsOf(tables[k]!).slice(1, 1 + instance.length)).toEqual(instance);
    }
  });

  it('lists the differing numbers of an example', async () => {
    const table = findAll(root, 'table', 'differing')[0]!;
    expect(findAll(table, 'td').map(textOf)).toEqual(['1/2 + 1/3', '2/5', '5/6']);
  });

  it('links refuted rows to their errata, and every link resolves inside the page', async () => {
    const ids = descendants(root).map((e) => e.attributes.id).filter((id): id is string => id !== undefined);
    expect(new Set(ids).size).toBe(ids.length);
    const hrefs = findAll(root, 'a').map((a) => a.attributes.href!);
    expect(hrefs).toContain('#erratum-mark-escape-me');
    for (const href of hrefs) {
      expect(href.startsWith('#')).toBe(true);
      expect(ids).toContain(href.slice(1));
    }
  });

  it('needs nothing outside itself', async () => {
    expect(descendants(root).filter((e) => e.attributes.src !== undefined)).toEqual([]);
    expect(findAll(root, 'link')).toEqual([]);
    const style = textOf(findAll(root, 'style')[0]!);
    expect(style).not.toMatch(/url\(|@import/);
    const meta = findAll(root, 'meta').find((m) => m.attributes['http-equiv'] === 'Content-Security-Policy')!;
    expect(meta.attributes.content).toContain("default-src 'none'");
  });

  it('shows no figure when none belongs to the report’s claims', async () => {
    expect(findAll(root, 'figure')).toEqual([]);
    expect(byId(root, 'figures-planned')).toBeUndefined();
  });
});

describe('figures in the page', () => {
  it('draws Fig. 1 for decomposition/fig-1 and lists the figures not available yet', async () => {
    const root = page(renderHtml(catalogueRowsReport(['decomposition/fig-1', 'decomposition/fig-3', 'liu/probability'])));
    const figures = findAll(root, 'figure', 'report-figure');
    expect(figures.map((f) => f.attributes['data-figure'])).toEqual(['decomposition-fig-1', 'decomposition-fig-3', 'liu-fig-4']);
    const svg = findAll(figures[0]!, 'svg')[0]!;
    expect(findAll(svg, 'text', 'cell-label')).toHaveLength(6);
    expect(findAll(svg, 'line', 'hyperplane')).toHaveLength(3);
    const caption = textOf(findAll(figures[0]!, 'figcaption')[0]!);
    expect(caption).toMatch(/Exact: the regions were enumerated with arrangementCells/);
    expect(caption).toMatch(/Basis: exact\./);
    expect(byId(root, 'figures-planned')).toBeUndefined();
    expect(findAll(root, 'a', 'figure-link').map((a) => a.attributes.href)).toEqual([
      '#figure-decomposition-fig-1',
      '#figure-decomposition-fig-3',
      '#figure-liu-fig-4',
    ]);
  });

  it('a figure that cannot be computed shows its error in place; the rest of the page stands', async () => {
    const registry = builtInFigures().add(
      { id: 'broken', title: 'Broken <figure>', caption: 'never drawn', basis: 'evidence', render: () => { throw new Error('no evaluator for x < 0'); } },
    );
    const root = page(renderHtml(catalogueRowsReport(['decomposition/fig-1']), registry));
    const broken = findAll(root, 'figure').find((f) => f.attributes['data-figure'] === 'broken')!;
    expect(textOf(findAll(broken, 'p', 'figure-error')[0]!)).toBe('This figure could not be computed: no evaluator for x < 0');
    expect(findAll(root, 'text', 'cell-label')).toHaveLength(6);
  });

  it('an empty registry draws nothing', async () => {
    const root = page(renderHtml(catalogueRowsReport(['decomposition/fig-1']), new FigureRegistry()));
    expect(findAll(root, 'figure')).toEqual([]);
  });
});

/** The filter script run against a minimal stand-in for the DOM it touches. */
function runFilter(rows: { paper: string; verdict: string }[]) {
  const listeners: (() => void)[] = [];
  const menu = () => ({ value: '', addEventListener: (_: string, f: () => void) => listeners.push(f) });
  const paper = menu();
  const verdict = menu();
  const count = { textContent: '' };
  const fakeRows = rows.map((r) => ({ hidden: false, getAttribute: (name: string) => (name === 'data-paper' ? r.paper : r.verdict) }));
  const document = {
    getElementById: (id: string) => ({ 'filter-paper': paper, 'filter-verdict': verdict, 'filter-count': count })[id],
    querySelectorAll: () => fakeRows,
  };
  new Function('document', FILTER_SCRIPT)(document);
  const select = (p: string, v: string) => {
    paper.value = p;
    verdict.value = v;
    listeners.forEach((f) => f());
    return { visible: fakeRows.map((r) => !r.hidden), count: count.textContent };
  };
  return select;
}

describe('filter script', () => {
  it('shows exactly the rows matching both menus', async () => {
    const rows = [
      { paper: 'liu', verdict: 'holds' },
      { paper: 'liu', verdict: 'refuted' },
      { paper: 'he', verdict: 'refuted' },
      { paper: 'he', verdict: 'not implemented' },
    ];
    const select = runFilter(rows);
    expect(select('', '')).toEqual({ visible: [true, true, true, true], count: '4 of 4 claims shown' });
    expect(select('liu', '')).toEqual({ visible: [true, true, false, false], count: '2 of 4 claims shown' });
    expect(select('', 'refuted')).toEqual({ visible: [false, true, true, false], count: '2 of 4 claims shown' });
    expect(select('he', 'not implemented')).toEqual({ visible: [false, false, false, true], count: '1 of 4 claims shown' });
    expect(select('liu', 'not implemented').count).toBe('0 of 4 claims shown');
  });
});

describe('report command writes the page', () => {
  it('index.html beside REPORT.md and report.json', async () => {
    const dir = tempDir();
    const r = runCli(['report', '--quiet', '--runs', '20', '--out', 'out', ...FIXTURES], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote out\/REPORT\.md and out\/report\.json\nwrote out\/index\.html/);
    const root = page(readFileSync(join(dir, 'out', 'index.html'), 'utf8'));
    const json = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    const rows = findAll(byId(root, 'claims-table')!, 'tr').filter((tr) => tr.attributes['data-paper'] !== undefined);
    expect(rows.map((tr) => tr.attributes['data-verdict'])).toEqual(json.rows.map((row: { status: string }) => row.status));
  });
});
