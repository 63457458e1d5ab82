// Opens the generated HTML report in headless Chromium: figures drawn, filter working, nothing
// fetched from the network; saves a screenshot. Needs Chromium at /usr/bin/chromium (Debian:
// `apt-get install -y chromium`) or CHROMIUM_PATH. Without one it is skipped with a line saying so,
// except under CI=true, where it must run and fails when it cannot.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO, tempDir } from '../cli/run-cli.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Skipped on a machine without Chromium (a newcomer's laptop), required in CI. */
const AVAILABLE = existsSync(CHROMIUM);
const REQUIRED = process.env.CI === 'true';
const SKIP = !AVAILABLE && !REQUIRED;
if (SKIP) {
  console.log(
    `browser test skipped: no Chromium at ${CHROMIUM}; install it (apt-get install -y chromium) or set CHROMIUM_PATH to run it (under CI=true it is required)`,
  );
}
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface ReportJson {
  rows: { id: string; paper: string; status: string }[];
}

let browser: Browser | undefined;
let page: Page;
let outDir: string;
let report: ReportJson;
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (SKIP) return;
  if (!AVAILABLE) {
    throw new Error(
      `The browser test needs Chromium at ${CHROMIUM}, which is missing. Install it with ` +
        '`apt-get update && apt-get install -y chromium` (Debian/Ubuntu, as root), or set CHROMIUM_PATH to a Chromium binary (CI=true requires it).',
    );
  }
  // A fresh working folder: the stored counterexamples are replayed from the repository, nothing is written there.
  const cwd = tempDir('landscape-check-browser-');
  outDir = join(cwd, 'report');
  const run = spawnSync(
    process.execPath,
    [BIN, 'report', '--out', outDir, '--runs', '5', '--time-limit', '2', '--quiet', '--store', join(REPO, 'counterexamples'), '--no-store'],
    { cwd, encoding: 'utf8', timeout: 25_000 },
  );
  if (run.status !== 0) throw new Error(`landscape-check report exited with ${run.status}: ${run.stderr}`);
  report = JSON.parse(readFileSync(join(outDir, 'report.json'), 'utf8')) as ReportJson;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(pathToFileURL(join(outDir, 'index.html')).href);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Ids and papers of the claim rows the browser shows (the `hidden` ones excluded). */
async function visibleRows(): Promise<{ id: string; paper: string; verdict: string }[]> {
  return page.$$eval('#claims-table tbody tr', (rows) =>
    rows
      .filter((row) => (row as HTMLElement).offsetParent !== null)
      .map((row) => ({ id: row.querySelector('.claim-id')!.textContent!, paper: row.getAttribute('data-paper')!, verdict: row.getAttribute('data-verdict')! })),
  );
}

describe.skipIf(SKIP)('HTML report in Chromium', () => {
  it('draws every figure, with the expected marks in decomposition Fig. 1', async () => {
    const figures = await page.$$eval('figure.report-figure', (elements) =>
      elements.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        const marks = svg === null ? [] : [...svg.querySelectorAll('line, path, rect, polygon, circle, text')].filter((m) => {
          const b = (m as SVGGraphicsElement).getBBox();
          return b.width > 0 || b.height > 0;
        });
        return { id: figure.getAttribute('data-figure'), width: box?.width ?? 0, height: box?.height ?? 0, marks: marks.length, error: figure.querySelector('.figure-error')?.textContent ?? null };
      }),
    );
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.error, `figure ${f.id}`).toBeNull();
      expect(f.width, `figure ${f.id}`).toBeGreaterThan(100);
      expect(f.height, `figure ${f.id}`).toBeGreaterThan(100);
      expect(f.marks, `figure ${f.id}`).toBeGreaterThan(10);
    }
    expect(figures.map((f) => f.id)).toContain('decomposition-fig-1');
    const fig1 = await page.$eval('#figure-decomposition-fig-1 svg', (svg) => {
      const area = svg.querySelector('rect.plot-area')!.getBoundingClientRect();
      const inside = (b: DOMRect) => b.left >= area.left - 1 && b.right <= area.right + 1 && b.top >= area.top - 1 && b.bottom <= area.bottom + 1;
      const labels = [...svg.querySelectorAll('text.cell-label')].map((t) => ({ text: t.textContent, inside: inside(t.getBoundingClientRect()), width: t.getBoundingClientRect().width }));
      const lines = [...svg.querySelectorAll('line.hyperplane')].map((l) => (l as SVGLineElement).getTotalLength());
      return { labels, lines };
    });
    expect(fig1.labels).toHaveLength(6);
    expect(new Set(fig1.labels.map((l) => l.text)).size).toBe(6);
    for (const label of fig1.labels) {
      expect(label.width).toBeGreaterThan(10);
      expect(label.inside, `label ${label.text} inside the plot area`).toBe(true);
    }
    expect(fig1.lines).toHaveLength(3);
    for (const length of fig1.lines) expect(length).toBeGreaterThan(100);
  });

  it('filters the claims by paper and by verdict', async () => {
    expect(await visibleRows()).toHaveLength(report.rows.length);
    const papers = [...new Set(report.rows.map((r) => r.paper))];
    expect(papers.length).toBeGreaterThan(1);
    for (const paper of papers) {
      await page.selectOption('#filter-paper', paper);
      const shown = await visibleRows();
      expect(shown.map((r) => r.id)).toEqual(report.rows.filter((r) => r.paper === paper).map((r) => r.id));
      expect(await page.textContent('#filter-count')).toBe(`${shown.length} of ${report.rows.length} claims shown`);
    }
    const [paper] = papers;
    const status = report.rows.find((r) => r.paper === paper)!.status;
    await page.selectOption('#filter-paper', paper!);
    await page.selectOption('#filter-verdict', status);
    expect((await visibleRows()).map((r) => r.id)).toEqual(report.rows.filter((r) => r.paper === paper && r.status === status).map((r) => r.id));
    await page.selectOption('#filter-paper', '');
    expect((await visibleRows()).map((r) => r.id)).toEqual(report.rows.filter((r) => r.status === status).map((r) => r.id));
    await page.selectOption('#filter-verdict', '');
    expect(await visibleRows()).toHaveLength(report.rows.length);
  });

  it('shows a witness table for every refuted claim', async () => {
    const refuted = report.rows.filter((r) => r.status === 'refuted').map((r) => r.id);
    const tables = await page.$$eval('table.witness', (ts) => ts.filter((t) => (t as HTMLElement).offsetParent !== null && t.querySelectorAll('td').length > 0).map((t) => t.getAttribute('data-claim')));
    expect([...new Set(tables)]).toEqual(refuted);
  });

  it('loads nothing but the page itself and runs without errors', () => {
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('saves a screenshot of the top of the page and one of the figures', async () => {
    await page.selectOption('#filter-paper', 'decomposition');
    const file = join(outDir, 'screenshot.png');
    // The top of the page: run line, summary and the filtered verdict table (the errata below are long).
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: 1500 } });
    await page.selectOption('#filter-paper', '');
    const figures = join(outDir, 'figures.png');
    await page.locator('#figures').screenshot({ path: figures });
    for (const f of [file, figures]) expect(readFileSync(f).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    if (process.env.UPDATE_SCREENSHOT === '1') {
      mkdirSync(join(REPO, 'docs'), { recursive: true });
      copyFileSync(file, join(REPO, 'docs', 'report-screenshot.png'));
      copyFileSync(figures, join(REPO, 'docs', 'report-figures.png'));
    }
  });
});
