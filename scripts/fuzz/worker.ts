import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { main } from '../../src/cli/main.ts';
import type { FileCase } from './documents.ts';
import { fileCases } from './documents.ts';
import { READERS } from './readers.ts';

/** One reader's fuzz run in this thread; the parent watches for hangs and ends the thread on one. */
const { reader: name, runs, seed } = workerData as { reader: string; runs: number; seed: number };
const reader = READERS.find((r) => r.name === name)!;
const port = parentPort!;

function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${s.size} ${s.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

/** Puts the case where the reader expects its file; returns the argument to pass. */
function place(dir: string, c: FileCase): string {
  const file = join(dir, 'input.json');
  switch (c.kind) {
    case 'text':
      writeFileSync(file, c.text);
      return 'input.json';
    case 'bytes':
      writeFileSync(file, Buffer.from(c.bytes));
      return 'input.json';
    case 'folder':
      mkdirSync(file);
      return 'input.json';
    case 'fifo':
      execFileSync('mkfifo', [file]);
      return 'input.json';
    case 'device':
      return c.path;
    case 'missing':
      return 'input.json';
  }
}

function describe(c: FileCase): string {
  if (c.kind === 'text') return c.text.length > 300 ? `${c.text.slice(0, 300)}… (${c.text.length} characters)` : c.text;
  if (c.kind === 'bytes') return `bytes [${c.bytes.join(', ')}]`;
  return c.kind === 'device' ? c.path : c.kind;
}

let index = 0;
const exits = [0, 0, 0];
const property = fc.asyncProperty(fileCases(reader.valid), async (c) => {
  const dir = mkdtempSync(join(tmpdir(), `landscape-fuzz-${reader.name}-`));
  try {
    for (const [file, text] of Object.entries(reader.beside)) writeFileSync(join(dir, file), text);
    const arg = place(dir, c);
    port.postMessage({ type: 'case', index: index++, description: describe(c) });
    const before = snapshot(dir);
    let stderr = '';
    const status = await main(reader.args(arg), { cwd: dir, out: () => {}, err: (t) => void (stderr += t), errIsTTY: false, columns: 100 });
    if (status === 3) throw new Error(`exit 3 (an internal error) on ${describe(c)}:\n${stderr}`);
    if (![0, 1, 2].includes(status)) throw new Error(`exit ${status} on ${describe(c)}`);
    exits[status]!++;
    if (status === 2) {
      const after = snapshot(dir);
      if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`refused (exit 2) but wrote files: ${after.filter((f) => !before.includes(f)).join(', ')}\n${stderr}`);
      if (stderr.trim() === '') throw new Error(`refused (exit 2) without a message on ${describe(c)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const details = await fc.check(property, { numRuns: runs, seed, endOnFailure: true });
port.postMessage({ type: 'done', failed: details.failed, message: details.failed ? `${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}\nshrunk case: ${JSON.stringify(details.counterexample)}` : null, cases: details.numRuns, exits });
