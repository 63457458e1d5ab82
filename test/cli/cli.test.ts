import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, FIXTURES, REPO, runCli, snapshot, tempDir } from './run-cli.ts';

type Result = { id: string; verdict: string; basis: string; runs: number; seed: number; counterexample: string | null; detail: unknown; durationMs: number };

const repoState = (): unknown => ({
  store: snapshot(join(REPO, 'counterexamples')),
  baseline: existsSync(join(REPO, 'verdicts.json')) ? readFileSync(join(REPO, 'verdicts.json'), 'utf8') : null,
  report: existsSync(join(REPO, 'report')),
});

let before: unknown;
beforeAll(() => {
  before = repoState();
});
afterAll(() => {
  // the CLI writes relative to its working directory: the repository itself is never touched
  expect(repoState()).toEqual(before);
});

describe('help and usage', () => {
  it('prints help for the tool and for every command', () => {
    const main = runCli(['--help'], tempDir());
    expect(main.status).toBe(0);
    for (const command of ['list', 'check', 'reproduce', 'replay', 'report']) {
      expect(main.stdout).toContain(command);
      const r = runCli([command, '--help'], tempDir());
      expect([r.status, r.stdout.startsWith(`Usage: landscape-check ${command}`)]).toEqual([0, true]);
    }
  });

  it('exits 2 with one clear message and writes nothing on bad usage or input', () => {
    const dir = tempDir();
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['check', '--bogus', ...FIXTURES], /check: unknown option --bogus/],
      [['check', '--runs', 'many', ...FIXTURES], /--runs "many": expected a whole number/],
      [['check', '--runs', '0', ...FIXTURES], /--runs "0"/],
      [['check', '--shard', '3/2', ...FIXTURES], /--shard "3\/2": expected i\/n/],
      [['check', '--time-limit=-1', ...FIXTURES], /--time-limit "-1": expected a positive number of seconds/],
      [['check', '--time-limit', '-1', ...FIXTURES], /option --time-limit: write a value starting with '-' as --time-limit=VALUE/],
      [['check', '--claim', 'toy/nope', ...FIXTURES], /--claim toy\/nope: no such claim/],
      [['check', '--paper', 'nobody', ...FIXTURES], /--paper nobody: no such paper/],
      [['check', '--claims', 'missing.ts'], /--claims missing\.ts: no such file or folder/],
      [['check', '--gate', '--baseline', 'none.json', ...FIXTURES], /none\.json: no verdict baseline/],
      [['report', '--seed', '1.5', ...FIXTURES], /--seed "1\.5"/],
      [['reproduce', ...FIXTURES], /missing claim ID/],
      [['reproduce', 'toy/square-nonnegative', ...FIXTURES], /a theorem without numbers to reproduce/],
      [['replay', 'nothing.json'], /replay nothing\.json: no such file/],
      [['list', '--runs', '5'], /list: unknown option --runs/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, dir);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects an invalid stored counterexample before checking or writing anything', () => {
    const dir = tempDir();
    expect(runCli(['check', '--claim', 'toy/harmonic-bound', '--quiet', ...FIXTURES], dir).status).toBe(0);
    const [name] = readdirSync(join(dir, 'counterexamples/toy/harmonic-bound'));
    const file = join(dir, 'counterexamples/toy/harmonic-bound', name!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"n": 11', '"n": 11.5'));
    const state = snapshot(dir);
    const r = runCli(['check', '--update-baseline', ...FIXTURES], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`counterexamples/toy/harmonic-bound/${name}: field "instance.n" must be an exact value`));
    expect(snapshot(dir)).toEqual(state);
  });
});

describe('list', () => {
  it('prints the contract shape in catalogue order', () => {
    const r = runCli(['list', '--json', ...FIXTURES], tempDir());
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as Record<string, string>[];
    expect(list.map((c) => c.id)).toEqual([
      'toy/square-nonnegative',
      'toy/square-dominates',
      'toy/harmonic-bound',
      'toy/root-two',
      'toy/sum-example',
      'toy/sum-typo',
    ]);
    for (const c of list) expect(Object.keys(c)).toEqual(['id', 'paper', 'title', 'statement', 'kind']);
    expect(list[4]).toMatchObject({ kind: 'example', paper: 'toy' });
  });

  it('ends quietly with exit 0 when the reader closes stdout early (list --json | head -c 100)', () => {
    // A shell pipe, as a user has it (a socket pair from spawn would buffer the whole listing).
    const script = `"${process.execPath}" "${BIN}" list --json | head -c 100 > /dev/null; exit \${PIPESTATUS[0]}`;
    const r = spawnSync('bash', ['-c', script], { cwd: tempDir(), encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
  });

  it('lists the built-in catalogue', () => {
    const r = runCli(['list', '--json'], tempDir());
    expect(r.status).toBe(0);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});

describe('check', () => {
  it('prints only JSON on stdout with --json, stores refutations in the working directory', () => {
    const dir = tempDir();
    const r = runCli(['check', '--json', '--runs', '50', ...FIXTURES], dir);
    expect(r.status).toBe(0);
    const { results } = JSON.parse(r.stdout) as { results: Result[] };
    expect(Object.fromEntries(results.map((x) => [x.id, x.verdict]))).toEqual({
      'toy/square-nonnegative': 'holds',
      'toy/square-dominates': 'refuted',
      'toy/harmonic-bound': 'refuted',
      'toy/root-two': 'inconclusive',
      'toy/sum-example': 'reproduced',
      'toy/sum-typo': 'differs',
    });
    for (const x of results) expect(Object.keys(x).slice(0, 0)).toEqual([]);
    for (const x of results) {
      for (const key of ['id', 'verdict', 'basis', 'runs', 'seed', 'counterexample', 'detail']) expect(x).toHaveProperty(key);
    }
    const harmonic = results.find((x) => x.id === 'toy/harmonic-bound')!;
    const stored = JSON.parse(readFileSync(join(dir, harmonic.counterexample!), 'utf8'));
    expect(stored).toMatchObject({ claim: 'toy/harmonic-bound', instance: { n: 11 }, witness: { H_n: '83711/27720' } });
    expect(r.stderr).toMatch(/\[3\/6\] toy\/harmonic-bound: refuted/);
  });

  it('gives the same JSON for the same seed in two fresh folders (apart from timing)', () => {
    const strip = (stdout: string): unknown =>
      (JSON.parse(stdout) as { results: Result[] }).results.map(({ durationMs: _, ...rest }) => rest);
    const args = ['check', '--json', '--quiet', '--seed', '123', '--runs', '40', ...FIXTURES];
    const a = runCli(args, tempDir());
    const b = runCli(args, tempDir());
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
    const c = runCli(['check', '--json', '--quiet', '--seed', '124', '--runs', '40', ...FIXTURES], tempDir());
    expect(strip(c.stdout)).not.toEqual(strip(a.stdout));
  });

  it('runs shards that together cover the selection', () => {
    const dir = tempDir();
    const ids = [1, 2, 3].flatMap((i) => {
      const r = runCli(['check', '--json', '--quiet', '--no-store', '--shard', `${i}/3`, ...FIXTURES], dir);
      return (JSON.parse(r.stdout) as { results: Result[] }).results.map((x) => x.id);
    });
    expect(ids.sort()).toEqual(['toy/harmonic-bound', 'toy/root-two', 'toy/square-dominates', 'toy/square-nonnegative', 'toy/sum-example', 'toy/sum-typo']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--gate exits 1 when a verdict differs from a hand-edited copy of the baseline', () => {
    const dir = tempDir();
    const write = runCli(['check', '--quiet', '--update-baseline', '--baseline', 'base.json', ...FIXTURES], dir);
    expect(write.status).toBe(0);
    const baseline = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8'));
    expect(baseline).toMatchObject({ 'toy/square-nonnegative': 'holds', 'toy/sum-typo': 'differs' });
    expect(Object.keys(baseline)).toHaveLength(6);
    const same = runCli(['check', '--quiet', '--gate', '--baseline', 'base.json', ...FIXTURES], dir);
    expect(same.status).toBe(0);
    expect(same.stderr).toMatch(/gate: all 6 verdicts match base\.json/);
    writeFileSync(join(dir, 'edited.json'), JSON.stringify({ ...baseline, 'toy/square-nonnegative': 'refuted' }));
    const changed = runCli(['check', '--quiet', '--gate', '--json', '--baseline', 'edited.json', ...FIXTURES], dir);
    expect(changed.status).toBe(1);
    expect(changed.stderr).toMatch(/toy\/square-nonnegative: refuted → holds/);
    expect(JSON.parse(changed.stdout).gate.changes).toEqual([{ id: 'toy/square-nonnegative', before: 'refuted', after: 'holds' }]);
  });

  it('loads the user conjecture of examples/my-conjecture.ts and refutes it', () => {
    expect(existsSync(join(REPO, 'src', 'index.ts')), 'the package entry src/index.ts must re-export src/claims and src/numbers').toBe(true);
    const dir = tempDir();
    const r = runCli(['check', '--json', '--claims', join(REPO, 'examples', 'my-conjecture.ts')], dir);
    expect(r.stderr).not.toMatch(/cannot load/);
    expect(r.status).toBe(0);
    const [result] = (JSON.parse(r.stdout) as { results: Result[] }).results;
    expect(result).toMatchObject({ id: 'mine/trace-of-square', verdict: 'refuted', basis: 'exact' });
    const stored = JSON.parse(readFileSync(join(dir, result!.counterexample!), 'utf8'));
    const [[a, b], [c, d]] = (stored.instance.A as string[][]).map((row) => row.map(Number));
    expect(a! * a! + 2 * b! * c! + d! * d!).toBeLessThan(0); // tr(A²) recomputed from the stored instance
  });
});

describe('replay and reproduce', () => {
  it('replays a stored file readably, and exits 1 once it no longer refutes', () => {
    const dir = tempDir();
    const r = runCli(['check', '--json', '--quiet', '--claim', 'toy/harmonic-bound', ...FIXTURES], dir);
    const file = (JSON.parse(r.stdout) as { results: Result[] }).results[0]!.counterexample!;
    const replay = runCli(['replay', file, ...FIXTURES.slice(0, 2)], dir);
    expect(replay.status).toBe(0);
    expect(replay.stdout).toMatch(/instance\n {2}n = 11\n/);
    expect(replay.stdout).toMatch(/H_n = 83711\/27720/);
    expect(replay.stdout).toMatch(/result: still refutes the claim/);
    writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('"n": 11', '"n": 10'));
    const stale = runCli(['replay', file, '--json', ...FIXTURES.slice(0, 2)], dir);
    expect(stale.status).toBe(1);
    expect(JSON.parse(stale.stdout)).toMatchObject({ stillRefutes: false, instance: { n: 10 }, reason: 'the instance now gives pass' });
    const check = runCli(['check', '--json', '--claim', 'toy/harmonic-bound', ...FIXTURES], dir);
    expect(check.stderr).toMatch(/warning: .* no longer refutes toy\/harmonic-bound/);
    expect(JSON.parse(check.stdout).results[0].detail.staleCounterexamples).toEqual([file]);
  });

  it('replays a witness file kept outside any store, and refreshes it in place', () => {
    const dir = tempDir();
    const stored = runCli(['check', '--json', '--claim', 'toy/square-dominates', '--workers', '1', ...FIXTURES], dir);
    const file = JSON.parse(stored.stdout).results[0].counterexample as string;
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, 'mailed.json'), text.replace(/,\n  "confirmation": \{[\s\S]*?\n  \}(?=,\n  "seed")/, ''));
    const r = runCli(['replay', 'mailed.json', '--refresh', ...FIXTURES.slice(0, 2)], dir);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^mailed\.json\n/);
    expect(r.stdout).toMatch(/confirmed by z3: x² < x/);
    expect(JSON.parse(readFileSync(join(dir, 'mailed.json'), 'utf8')).confirmation).toEqual(JSON.parse(text).confirmation);
  });

  it('reproduces an example table', () => {
    const r = runCli(['reproduce', 'toy/sum-typo', '--json', ...FIXTURES], tempDir());
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ id: 'toy/sum-typo', verdict: 'differs', basis: 'exact' });
    expect(out.tables[0].table[0]).toEqual({ quantity: '1/2 + 1/3', paper: '2/5', computed: '5/6', match: false });
    const text = runCli(['reproduce', 'toy/sum-example', ...FIXTURES], tempDir());
    expect(text.stdout).toMatch(/1\/2 \+ 1\/3 +5\/6 +5\/6 +yes/);
    expect(text.stdout).toMatch(/reproduced \(exact\)/);
  });
});
