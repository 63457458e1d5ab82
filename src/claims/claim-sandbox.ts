import { relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InputError } from './errors.ts';
import type { WorkerMessage, WorkerSetup } from './worker-protocol.ts';

/**
 * User claim modules (--claims) run only in worker threads that this thread can stop: a module or
 * check that loops, exits, never settles, rejects unhandled or allocates without end ends the run
 * with exit code 2 and one line saying which module or claim did what, instead of hanging the CLI
 * or breaking the exit-code contract.
 */
export interface IsolationLimits {
  /** Seconds a worker may take to load the user's modules (--load-time-limit). */
  readonly loadSeconds: number;
  /** Heap limit of each worker running user code, in MB (--memory-limit). */
  readonly memoryMb: number;
}

export const DEFAULT_LOAD_TIME_LIMIT_SECONDS = 30;
export const DEFAULT_MEMORY_LIMIT_MB = 2048;
export const DEFAULT_ISOLATION: IsolationLimits = { loadSeconds: DEFAULT_LOAD_TIME_LIMIT_SECONDS, memoryMb: DEFAULT_MEMORY_LIMIT_MB };
/** --memory-limit range: below 64 MB the worker cannot even load the library. */
export const MIN_MEMORY_LIMIT_MB = 64;
export const MAX_MEMORY_LIMIT_MB = 65_536;

export const WORKER_ENTRY = new URL('./claim-worker.mjs', import.meta.url);

/*
 * The death note: a worker running user code records here, synchronously, why it is about to stop
 * (the parent reads it after the 'exit' event, when no message may have arrived any more).
 * Int32 cells: [0] kind (0 none, 1 process.exit, 2 unhandled rejection, 3 uncaught exception),
 * [1] exit code, [2] length of the UTF-8 message that follows from byte NOTE_TEXT_OFFSET.
 */
export const NOTE_TEXT_OFFSET = 12;
const NOTE_BYTES = NOTE_TEXT_OFFSET + 1024;

export type DeathNote =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'unhandled-rejection'; readonly message: string }
  | { readonly kind: 'uncaught-exception'; readonly message: string };

export function newDeathNote(): SharedArrayBuffer {
  return new SharedArrayBuffer(NOTE_BYTES);
}

export function readDeathNote(note: SharedArrayBuffer): DeathNote | null {
  const cells = new Int32Array(note, 0, 3);
  const kind = Atomics.load(cells, 0);
  if (kind === 0) return null;
  if (kind === 1) return { kind: 'exit', code: Atomics.load(cells, 1) };
  const length = Atomics.load(cells, 2);
  const message = new TextDecoder().decode(new Uint8Array(note, NOTE_TEXT_OFFSET, length).slice());
  return { kind: kind === 2 ? 'unhandled-rejection' : 'uncaught-exception', message };
}

/** How messages name a module: relative to the working folder when inside it. */
export function displayModule(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}

/**
 * A worker thread for claims. With limits (user code) it has a heap limit and a death note, and
 * `why` says in a phrase why it stopped; without (the built-in catalogue) it is a plain worker.
 */
export class ClaimThread {
  readonly worker: Worker;
  private readonly note: SharedArrayBuffer | null;
  private stoppedFor: string | null = null;
  private error: unknown = undefined;

  constructor(
    setup: Omit<WorkerSetup, 'deathNote'>,
    readonly limits: IsolationLimits | null,
  ) {
    this.note = limits === null ? null : newDeathNote();
    this.worker = new Worker(WORKER_ENTRY, {
      workerData: { ...setup, deathNote: this.note } satisfies WorkerSetup,
      ...(limits === null ? {} : { resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb } }),
    });
    this.worker.on('error', (error) => {
      this.error ??= error;
    });
  }

  /** Stops the worker because of a limit; `reason` becomes what `why` says. */
  stop(reason: string): void {
    this.stoppedFor ??= reason;
    void this.worker.terminate();
  }

  /** The first uncaught error the worker reported, if any. */
  get firstError(): unknown {
    return this.error;
  }

  /** Why the worker ended with this exit code, as a phrase for a message about user code. */
  why(code: number): string {
    if (this.stoppedFor !== null) return this.stoppedFor;
    if ((this.error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return `ran out of memory (limit ${this.limits?.memoryMb} MB; raise it with --memory-limit)`;
    }
    const note = this.note === null ? null : readDeathNote(this.note);
    if (note?.kind === 'exit') return `called process.exit(${note.code})`;
    if (note?.kind === 'unhandled-rejection') return `unhandled rejection: ${note.message}`;
    if (note?.kind === 'uncaught-exception') return `uncaught exception: ${note.message}`;
    // Node ends a thread whose top-level await can never settle with exit code 13.
    if (code === 13) return 'top-level await never settled';
    if (this.error !== undefined) return `uncaught exception: ${oneLine(this.error)}`;
    return `stopped unexpectedly (exit code ${code})`;
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * Imports the user's claim modules in a worker first, in order, and waits until they have loaded
 * and a moment has passed for rejections they left behind: only then may this thread import them.
 * Throws an InputError naming the module when one of them hangs, exits, never settles, rejects
 * unhandled or runs out of memory. An ordinary import error (syntax, a throw) is left to the
 * caller's own import, which reports it as before.
 */
export function probeClaimModules(files: readonly string[], limits: IsolationLimits): Promise<void> {
  if (files.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const thread = new ClaimThread({ runs: 0, seed: 0, timeLimitSeconds: null, store: null, load: files }, limits);
    let current = files[0]!;
    let settled = false;
    const timer = setTimeout(
      () => thread.stop(`did not finish loading within ${limits.loadSeconds} s (raise it with --load-time-limit)`),
      limits.loadSeconds * 1000,
    );
    thread.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'loading') current = message.file;
      if (message.type !== 'loaded' || settled) return;
      settled = true;
      clearTimeout(timer);
      void thread.worker.terminate();
      resolve();
    });
    thread.worker.on('exit', (code) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(new InputError(`${displayModule(current)}: cannot load claims: ${thread.why(code)}`));
    });
  });
}
