import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
export const BIN = join(REPO, 'bin', 'landscape-check.mjs');
export const FIXTURE_CLAIMS = join(REPO, 'test', 'fixtures', 'claims');
export const FIXTURE_CATALOGUE = join(REPO, 'test', 'fixtures', 'CLAIMS.md');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real command as a child process in `cwd` (a temporary folder: the repository is never written). */
export function runCli(args: readonly string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'landscape-check-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under a folder with its size and modification time: to assert that nothing was written. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

/** The fixture claims with the fixture catalogue (its order and its not-implemented ID). */
export const FIXTURES = ['--claims', FIXTURE_CLAIMS, '--catalogue', FIXTURE_CATALOGUE];

/**
 * Runs the command in this process through `main` with captured output (much faster than a child
 * process; for many small cases). Relative paths are resolved against `cwd`; --claims paths must be
 * absolute (claim modules are resolved against the process's own folder).
 */
export async function runMain(args: readonly string[], cwd: string): Promise<CliRun> {
  const { main } = await import('../../src/cli/main.ts');
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd,
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    errIsTTY: false,
    columns: 100,
  });
  return { status, stdout, stderr };
}
