import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, snapshot, tempDir } from './run-cli.ts';

describe('report --readme', () => {
  it('replaces only the text between the verdict markers with the run’s table', () => {
    const dir = tempDir();
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# title\n\nbefore\n<!-- verdicts:start -->\nstale table\n<!-- verdicts:end -->\nafter\n');
    const r = runCli(['report', ...FIXTURES, '--runs', '20', '--no-store', '--quiet', '--readme', 'README.md'], dir);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(readme, 'utf8');
    expect(text.startsWith('# title\n\nbefore\n<!-- verdicts:start -->\n')).toBe(true);
    expect(text.endsWith('<!-- verdicts:end -->\nafter\n')).toBe(true);
    expect(text).not.toContain('stale table');
    // The same rows as the Markdown report of the same run.
    const ids = [...readFileSync(join(dir, 'report', 'REPORT.md'), 'utf8').matchAll(/^\| (toy\/[a-z0-9.-]+) \|/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(text).toMatch(new RegExp(`^\\| ${id.replace('/', '\\/')} \\| [a-z ]+ \\|`, 'm'));
  });

  it('refuses a file without markers and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), '# no markers\n');
    const before = snapshot(dir);
    const r = runCli(['report', ...FIXTURES, '--runs', '5', '--no-store', '--quiet', '--readme', 'README.md'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--readme README\.md: needs the markers/);
    expect(snapshot(dir)).toEqual(before);
  });
});
