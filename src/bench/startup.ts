import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../claims/paths.ts';
import { median } from './timing.ts';

/** The whole-process times a newcomer feels first, with their goals (seconds, on 2 cores). */
export const STARTUP_COMMANDS: readonly { readonly args: readonly string[]; readonly goalMs: number }[] = [
  { args: ['--help'], goalMs: 150 },
  { args: ['list'], goalMs: 300 },
  { args: ['reproduce', 'decomposition/fig-3', '--max-h', '10', '--json'], goalMs: 400 },
];

export interface StartupRow {
  readonly command: string;
  readonly medianMs: number;
  readonly goalMs: number;
  /** Whether the compiled dist/ ran (else the TypeScript sources through tsx: dist/ missing or stale). */
  readonly compiled: boolean;
  readonly exitCode: number | null;
}

/** Runs each command as a fresh process `repetitions` times in an empty folder; the median wall time. */
export function benchStartup(repetitions: number, onRow?: (row: StartupRow) => void): StartupRow[] {
  const bin = join(PACKAGE_ROOT, 'bin', 'landscape-check.mjs');
  const cwd = mkdtempSync(join(tmpdir(), 'landscape-check-startup-'));
  const probe = spawnSync(process.execPath, ['--input-type=module', '-e', `import { sourceFingerprint } from ${JSON.stringify(join(PACKAGE_ROOT, 'bin', 'fingerprint.mjs'))}; import { readFileSync } from 'node:fs'; try { process.stdout.write(String(JSON.parse(readFileSync(${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'stamp.json'))}, 'utf8')).sources === sourceFingerprint(${JSON.stringify(PACKAGE_ROOT)}))); } catch { process.stdout.write('false'); }`], { encoding: 'utf8' });
  const compiled = probe.stdout === 'true';
  return STARTUP_COMMANDS.map(({ args, goalMs }) => {
    const times: number[] = [];
    let exitCode: number | null = null;
    for (let k = 0; k < repetitions; k++) {
      const started = performance.now();
      const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
      times.push(performance.now() - started);
      exitCode = run.status;
    }
    const row = { command: `landscape-check ${args.join(' ')}`, medianMs: median(times), goalMs, compiled, exitCode };
    onRow?.(row);
    return row;
  });
}
