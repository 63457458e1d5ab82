// Parallel and sharded runs give the results of one plain run: workers never change a verdict, a
// seed or a witness, and the report of merged shards equals the unsharded report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir } from '../cli/run-cli.ts';

/** A JSON text without the fields that measure time, which are the only ones allowed to differ. */
function withoutTiming(text: string): unknown {
  return JSON.parse(text, (key, value) => (key === 'durationMs' ? undefined : value));
}

/** Every file under `dir` with its text, keyed by its path relative to `dir`. */
function storedFiles(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(out, storedFiles(path, `${prefix}${name}/`));
    else out[`${prefix}${name}`] = readFileSync(path, 'utf8');
  }
  return out;
}

const HE_FAST = ['--paper', 'he', '--runs', '20', '--quiet', '--no-store'];

describe('check --workers', () => {
  it('gives byte-identical JSON (apart from timing) for 1, 2 and 3 workers on the he claims', () => {
    const cwd = tempDir();
    const outputs = [1, 2, 3].map((n) => {
      const r = runCli(['check', ...HE_FAST, '--store', join(process.cwd(), 'counterexamples'), '--json', '--workers', String(n)], cwd);
      expect(r.status, r.stderr).toBe(0);
      return withoutTiming(r.stdout);
    });
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
    // The stored he/theorem-3 witness is replayed in the workers too.
    const results = (outputs[0] as { results: { id: string; verdict: string }[] }).results;
    expect(results.find((r) => r.id === 'he/theorem-3')?.verdict).toBe('refuted');
  });

  it('stores a refutation found in a worker exactly as a single-thread run stores it', () => {
    const single = tempDir();
    const parallel = tempDir();
    for (const [cwd, workers] of [
      [single, '1'],
      [parallel, '2'],
    ] as const) {
      const r = runCli(['check', ...FIXTURES, '--runs', '50', '--quiet', '--workers', workers], cwd);
      expect(r.status, r.stderr).toBe(0);
    }
    const files = storedFiles(join(single, 'counterexamples'));
    expect(Object.keys(files).length).toBeGreaterThan(0);
    expect(storedFiles(join(parallel, 'counterexamples'))).toEqual(files);
  });
});

describe('check --shard and report --merge', () => {
  it('merged shard reports equal the unsharded report', () => {
    const cwd = tempDir();
    const common = ['--paper', 'he', '--runs', '20', '--quiet', '--no-store', '--workers', '1'];
    for (const shard of ['1/3', '2/3', '3/3']) {
      const r = runCli(['report', ...common, '--shard', shard, '--out', `shard-${shard[0]}`], cwd);
      expect(r.status, r.stderr).toBe(0);
    }
    const whole = runCli(['report', ...common, '--out', 'whole'], cwd);
    expect(whole.status, whole.stderr).toBe(0);
    const merged = runCli(['report', '--merge', '--paper', 'he', '--quiet', '--out', 'merged', 'shard-1/report.json', 'shard-2/report.json', 'shard-3/report.json'], cwd);
    expect(merged.status, merged.stderr).toBe(0);
    const read = (dir: string) => withoutTiming(readFileSync(join(cwd, dir, 'report.json'), 'utf8'));
    expect(read('merged')).toEqual(read('whole'));
  });

  it('refuses to merge an incomplete set of shards, naming what is missing, and writes nothing', () => {
    const cwd = tempDir();
    const common = ['--paper', 'he', '--runs', '5', '--quiet', '--no-store', '--workers', '1'];
    expect(runCli(['report', ...common, '--shard', '1/2', '--out', 'a'], cwd).status).toBe(0);
    const r = runCli(['report', '--merge', '--paper', 'he', '--out', 'merged', 'a/report.json'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing shard 2\/2/);
    expect(() => readFileSync(join(cwd, 'merged', 'report.json'))).toThrow();
  });
});
