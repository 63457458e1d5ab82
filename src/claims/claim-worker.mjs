// A worker thread does not inherit the parent's TypeScript loader: register tsx here (user claim
// modules may be TypeScript), then run the worker: its compiled form beside this file when it runs
// from dist/, else its source.
import { existsSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

const NOTE_TEXT_OFFSET = 12; // as in claim-sandbox.ts

/**
 * Before any user code runs: process.exit, an unhandled rejection or an uncaught exception is
 * written to the shared death note, so that the parent can say which of them ended the thread.
 */
function keepDeathNote(note) {
  const cells = new Int32Array(note, 0, 3);
  const text = new Uint8Array(note, NOTE_TEXT_OFFSET);
  const exit = process.exit.bind(process);
  const record = (kind, code, message) => {
    if (Atomics.load(cells, 0) !== 0) return;
    const bytes = new TextEncoder().encode(message.slice(0, 300));
    const length = Math.min(bytes.length, text.length);
    text.set(bytes.subarray(0, length));
    Atomics.store(cells, 2, length);
    Atomics.store(cells, 1, code);
    Atomics.store(cells, 0, kind);
  };
  const describe = (reason) => {
    const line = reason instanceof Error ? reason.message : String(reason);
    return line.split('\n').find((l) => l.trim() !== '') ?? '';
  };
  process.exit = (code) => {
    record(1, Number(code ?? process.exitCode ?? 0) | 0, '');
    return exit(code);
  };
  process.on('unhandledRejection', (reason) => {
    record(2, 1, describe(reason));
    exit(1);
  });
  process.on('uncaughtException', (error) => {
    record(3, 1, describe(error));
    exit(1);
  });
}

if (workerData?.deathNote) keepDeathNote(workerData.deathNote);
register();
const compiled = new URL('./claim-worker.js', import.meta.url);
await import(existsSync(compiled) ? compiled.href : './claim-worker.ts');
