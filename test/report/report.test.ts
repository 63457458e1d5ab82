import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/catalogue.ts';
import { buildRegistry, loadClaimModules } from '../../src/claims/registry.ts';
import { runClaims } from '../../src/claims/runner.ts';
import { formatNamedValues, formatValue } from '../../src/report/format-value.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildReport, summaryLine } from '../../src/report/report-data.ts';
import { FIXTURE_CATALOGUE, FIXTURE_CLAIMS, FIXTURES, runCli, tempDir } from '../cli/run-cli.ts';

async function fixtureReport() {
  const registry = buildRegistry(await loadClaimModules([FIXTURE_CLAIMS]), loadCatalogue(FIXTURE_CATALOGUE));
  const results = await runClaims(registry.claims, { runs: 40, seed: 1 });
  return buildReport({
    run: { version: '0.1.0', seed: 1, runs: 40, timeLimitSeconds: null, shard: null },
    results,
    claims: registry.claims,
    notImplemented: registry.notImplemented,
    order: registry.catalogue!.ids,
  });
}

describe('report data', () => {
  it('has one row per catalogue claim in catalogue order, unimplemented ones included', async () => {
    const report = await fixtureReport();
    expect(report.rows.map((r) => [r.id, r.status])).toEqual([
      ['toy/square-nonnegative', 'holds'],
      ['toy/square-dominates', 'refuted'],
      ['toy/harmonic-bound', 'refuted'],
      ['toy/not-yet', 'not implemented'],
      ['toy/root-two', 'inconclusive'],
      ['toy/sum-example', 'reproduced'],
      ['toy/sum-typo', 'differs'],
    ]);
    expect(report.results.map((r) => r.id)).not.toContain('toy/not-yet');
    expect(report.rows.find((r) => r.id === 'toy/harmonic-bound')!.witness).toEqual({ n: 11 });
    expect(summaryLine(report.summary)).toBe('7 claims: 1 holds, 2 refuted, 1 inconclusive, 1 reproduced, 1 differs, 1 not implemented');
    expect(report.summary.byPaper.toy!.refuted).toBe(2);
    expect(report.errata.map((e) => [e.id, e.verdict])).toEqual([
      ['toy/square-dominates', 'refuted'],
      ['toy/harmonic-bound', 'refuted'],
      ['toy/sum-typo', 'differs'],
    ]);
    expect(report.errata[2]!.differingRows.map((r) => r.quantity)).toEqual(['1/2 + 1/3']);
  });

  it('renders the Markdown rows, summary and errata with the witness', async () => {
    const md = renderMarkdown(await fixtureReport());
    expect(md).toMatch(/^\| toy\/harmonic-bound \| toy \| refuted \| exact \| \d+ \| \d+ \| [\d.]+ s \| `\{n: 11\}` \|$/m);
    expect(md).toMatch(/^\| toy\/not-yet \| toy \| not implemented \|  \|  \|  \|  \|  \|$/m);
    expect(md).toMatch(/^\| toy \| 1 \| 2 \| 1 \| 1 \| 1 \| 1 \|$/m);
    expect(md).toContain('## Errata');
    expect(md).toContain('### toy/harmonic-bound — A bound on harmonic numbers');
    expect(md).toContain('  H_n = 83711/27720');
    expect(md).toMatch(/\| 1\/2 \+ 1\/3 \| 2\/5 \| 5\/6 \|/);
  });

  it('formats values as a person writes them', async () => {
    expect(formatValue({ A: [['1', '-1/2'], ['0', '3']], k: 2, s: { $string: '7' } })).toBe('{A: [[1, -1/2], [0, 3]], k: 2, s: "7"}');
    expect(formatNamedValues({ x: '1/2', v: ['1', '2'] })).toEqual(['x = 1/2', 'v = [1, 2]']);
  });
});

describe('report command', () => {
  it('writes REPORT.md and report.json with the expected rows', async () => {
    const dir = tempDir();
    const r = runCli(['report', '--quiet', '--runs', '30', '--out', 'out', ...FIXTURES], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/7 claims: .*1 not implemented\nwrote out\/REPORT\.md and out\/report\.json/);
    const md = readFileSync(join(dir, 'out', 'REPORT.md'), 'utf8');
    expect(md).toMatch(/^\| toy\/not-yet \| toy \| not implemented \|/m);
    expect(md).toMatch(/^\| toy\/sum-typo \| toy \| differs \| exact \| 1 \|/m);
    const json = JSON.parse(readFileSync(join(dir, 'out', 'report.json'), 'utf8'));
    expect(json.rows).toHaveLength(7);
    expect(json.results.map((x: { id: string }) => x.id)).toHaveLength(6);
    expect(json.run).toMatchObject({ seed: 0, runs: 30 });
    expect(json.errata.map((e: { id: string }) => e.id)).toEqual(['toy/square-dominates', 'toy/harmonic-bound', 'toy/sum-typo']);
  });
});
