// User claim modules (--claims) cannot hang the command or break the exit-code contract (issue 16,
// item 9): they load and run only in worker threads that are stopped at a limit, and each way of
// misbehaving ends in exit 2 with one line naming the module or claim and what it did.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hardTimeLimitSeconds } from '../../src/claims/parallel-runner.ts';
import { BIN, REPO, snapshot, tempDir, type CliRun } from './run-cli.ts';

/** The spawned command, asynchronously so that the cases run side by side (each waits on a limit). */
function runCliAsync(args: readonly string[], cwd: string): Promise<CliRun & { seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const LIBRARY = pathToFileURL(join(REPO, 'src', 'claims', 'index.ts')).href;
const FAST_CHECK = pathToFileURL(join(REPO, 'node_modules', 'fast-check', 'lib', 'fast-check.js')).href;

/** A claim module (.mts, so that top-level await is allowed anywhere): `before` runs at import, `body` in the check. */
function claimModule(id: string, before: string, body = ''): string {
  return [
    `import fc from '${FAST_CHECK}';`,
    `import { forAll, pass, theorem } from '${LIBRARY}';`,
    before,
    `export default theorem({ id: 'mine/${id}', paper: 'mine', title: 't', statement: 's',`,
    `  checks: [forAll({ name: 'c', basis: 'exact', arbitrary: fc.constant({}), check: () => { ${body}; return pass(); } })] });`,
    '',
  ].join('\n');
}

interface Case {
  readonly name: string;
  readonly module: string;
  readonly flags: readonly string[];
  readonly message: RegExp;
  /** Seconds the run may take at most: the limit it waits for, plus starting the command and its workers. */
  readonly within: number;
}

const CASES: readonly Case[] = [
  {
    name: 'an infinite loop at import',
    module: claimModule('loop', 'while (true) {}'),
    flags: ['--load-time-limit', '2'],
    message: /^landscape-check check: \S*mine\.mts: cannot load claims: did not finish loading within 2 s \(raise it with --load-time-limit\)\n$/,
    within: 25,
  },
  {
    name: 'process.exit(0) at import',
    module: claimModule('exit', 'process.exit(0);'),
    flags: [],
    message: /^landscape-check check: \S*mine\.mts: cannot load claims: called process\.exit\(0\)\n$/,
    within: 25,
  },
  {
    name: 'a top-level await that never settles',
    module: claimModule('tla', 'await new Promise(() => {});'),
    flags: [],
    message: /^landscape-check check: \S*mine\.mts: cannot load claims: top-level await never settled\n$/,
    within: 25,
  },
  {
    name: 'an unhandled rejection at import',
    module: claimModule('reject', "Promise.reject(new Error('nobody waits for this'));"),
    flags: [],
    message: /^landscape-check check: \S*mine\.mts: cannot load claims: unhandled rejection: nobody waits for this\n$/,
    within: 25,
  },
  {
    name: 'a check that loops past --time-limit',
    module: claimModule('spin', '', 'while (true) {}'),
    flags: ['--time-limit', '1'],
    message: /^landscape-check check: claim mine\/spin \(\S*mine\.mts\): check exceeded the time limit of 1 s \(raise it with --time-limit\)\n$/,
    within: 25 + hardTimeLimitSeconds(1),
  },
  {
    name: 'a check that allocates without end',
    module: claimModule('hoard', 'const hoard: number[][] = [];', 'for (;;) hoard.push(new Array(1000).fill(Math.random()))'),
    flags: ['--memory-limit', '128'],
    message: /^landscape-check check: claim mine\/hoard \(\S*mine\.mts\): ran out of memory \(limit 128 MB; raise it with --memory-limit\)\n$/,
    within: 40,
  },
];

describe('user claim modules that misbehave end in exit 2 with one line, nothing written', () => {
  it.concurrent.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const dir = tempDir('landscape-check-user-');
    writeFileSync(join(dir, 'mine.mts'), c.module);
    const before = snapshot(dir);
    const r = await runCliAsync(['check', '--claims', join(dir, 'mine.mts'), '--quiet', '--workers', '1', ...c.flags], dir);
    expect({ status: r.status, stdout: r.stdout }, r.stderr).toEqual({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(c.message);
    expect(r.seconds).toBeLessThan(c.within);
    expect(snapshot(dir)).toEqual(before);
  });

  it.concurrent('list refuses a module that exits at import too, under the default limits', async () => {
    const dir = tempDir('landscape-check-user-');
    writeFileSync(join(dir, 'mine.mts'), claimModule('exit', 'process.exit(0);'));
    const r = await runCliAsync(['list', '--claims', join(dir, 'mine.mts')], dir);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/mine\.mts: cannot load claims: called process\.exit\(0\)\n$/);
  });

  it.concurrent('a well-behaved module is still checked, in a worker thread even with --workers 1', async () => {
    const dir = tempDir('landscape-check-user-');
    writeFileSync(join(dir, 'mine.mts'), claimModule('fine', "const ready = await Promise.resolve('ready');", "if (ready !== 'ready') throw new Error('no')"));
    const r = await runCliAsync(['check', '--claims', join(dir, 'mine.mts'), '--quiet', '--workers', '1', '--runs', '5', '--json'], dir);
    expect(r.status, r.stderr).toBe(0);
    const results = (JSON.parse(r.stdout) as { results: { id: string; verdict: string; runs: number }[] }).results;
    expect(results.map((x) => [x.id, x.verdict])).toEqual([['mine/fine', 'holds']]);
  });
});
