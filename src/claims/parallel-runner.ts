import { Worker } from 'node:worker_threads';
import type { Claim } from './claim.ts';
import { InputError } from './errors.ts';
import type { ClaimResult } from './result.ts';
import type { RunOptions } from './runner.ts';
import { runClaims } from './runner.ts';
import { withStoredRefutations } from './store-refutations.ts';
import type { WorkerJob, WorkerMessage, WorkerSetup } from './worker-protocol.ts';

export interface ParallelRunOptions extends RunOptions {
  /** Worker threads to use; 1 (or a single claim) runs in this thread. */
  readonly workers: number;
  /** The module file that defines a claim (each worker imports it to get the claim). */
  readonly sourceOf: (id: string) => string | undefined;
}

const WORKER_ENTRY = new URL('./claim-worker.mjs', import.meta.url);

/**
 * Checks claims in worker threads and returns their results in the order of `claims`, equal to
 * what `runClaims` returns in this thread apart from timing: each claim's seed comes from the run
 * seed and its ID only, workers only read the store, and this thread writes every new refutation.
 * Workers take the next claim as soon as they finish one.
 */
export async function runClaimsInParallel(claims: readonly Claim[], options: ParallelRunOptions): Promise<ClaimResult[]> {
  const workers = Math.min(options.workers, claims.length);
  if (workers <= 1) return runClaims(claims, options);
  const jobs: WorkerJob[] = claims.map((claim, index) => {
    const source = options.sourceOf(claim.id);
    if (source === undefined) throw new InputError(`claim ${claim.id}: no module to load it from in a worker (run it with --workers 1)`);
    return { type: 'run', id: claim.id, source, index, total: claims.length };
  });
  const setup: WorkerSetup = {
    runs: options.runs,
    seed: options.seed,
    timeLimitSeconds: options.timeLimitSeconds ?? null,
    store: options.store === undefined ? null : { root: options.store.root, cwd: options.store.cwd },
  };
  return new Pool(jobs, setup, options).run(workers);
}

/** A fixed set of workers fed from one queue of jobs in catalogue order. */
class Pool {
  private readonly results: (ClaimResult | undefined)[];
  private readonly workers: Worker[] = [];
  private next = 0;
  private finished = 0;
  private settled = false;
  private resolve!: (results: ClaimResult[]) => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly jobs: readonly WorkerJob[],
    private readonly setup: WorkerSetup,
    private readonly options: ParallelRunOptions,
  ) {
    this.results = new Array<ClaimResult | undefined>(jobs.length);
  }

  run(count: number): Promise<ClaimResult[]> {
    const done = new Promise<ClaimResult[]>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    for (let k = 0; k < count; k++) this.start();
    return done;
  }

  private start(): void {
    const worker = new Worker(WORKER_ENTRY, { workerData: this.setup });
    this.workers.push(worker);
    worker.on('message', (message: WorkerMessage) => this.receive(worker, message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (!this.settled) this.fail(new Error(`a claim worker stopped unexpectedly (exit code ${code})`));
    });
    this.feed(worker);
  }

  private feed(worker: Worker): void {
    const job = this.jobs[this.next];
    if (job === undefined) return;
    this.next++;
    worker.postMessage(job);
  }

  private receive(worker: Worker, message: WorkerMessage): void {
    if (this.settled) return;
    switch (message.type) {
      case 'progress':
        this.options.onProgress?.(message.event);
        return;
      case 'error':
        this.fail(message.input ? new InputError(message.message) : new Error(`in a claim worker: ${message.message}`));
        return;
      case 'result': {
        const { store, writeStore } = this.options;
        // Only this thread writes the store, so no two workers ever race on a file.
        const result = store !== undefined && writeStore !== false ? withStoredRefutations(message.result, store) : message.result;
        this.results[message.index] = result;
        this.finished++;
        this.options.onProgress?.({ type: 'claim-end', index: message.index, total: this.jobs.length, result });
        if (this.finished === this.jobs.length) this.succeed();
        else this.feed(worker);
        return;
      }
    }
  }

  private succeed(): void {
    this.settled = true;
    this.stopWorkers();
    this.resolve(this.results.map((r) => r!));
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.stopWorkers();
    this.reject(error);
  }

  private stopWorkers(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}
