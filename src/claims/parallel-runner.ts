import type { Claim } from './claim.ts';
import type { IsolationLimits } from './claim-sandbox.ts';
import { ClaimThread, displayModule } from './claim-sandbox.ts';
import { InputError } from './errors.ts';
import type { ClaimResult } from './result.ts';
import type { RunOptions } from './runner.ts';
import { runClaims } from './runner.ts';
import { withStoredRefutations } from './store-refutations.ts';
import type { WorkerJob, WorkerMessage, WorkerSetup } from './worker-protocol.ts';

export interface ParallelRunOptions extends RunOptions {
  /** Worker threads to use; 1 (or a single claim) runs in this thread, unless the claims are isolated. */
  readonly workers: number;
  /** The module file that defines a claim (each worker imports it to get the claim). */
  readonly sourceOf: (id: string) => string | undefined;
  /**
   * User claims: always run in worker threads (even one), each with this heap limit, and stopped
   * when loading a module takes longer than its load limit or a claim runs well past
   * `timeLimitSeconds`; either ends the run with an InputError naming the claim.
   */
  readonly isolation?: IsolationLimits | null;
}

/**
 * A claim that keeps computing after its time limit (one case that never returns) is stopped this
 * long after it: the cooperative limit of the runner gets the first chance to end it with a result.
 */
export function hardTimeLimitSeconds(timeLimitSeconds: number): number {
  return timeLimitSeconds + Math.max(2, timeLimitSeconds / 10);
}

/**
 * Checks claims in worker threads and returns their results in the order of `claims`, equal to
 * what `runClaims` returns in this thread apart from timing: each claim's seed comes from the run
 * seed and its ID only, workers only read the store, and this thread writes every new refutation.
 * Workers take the next claim as soon as they finish one.
 */
export async function runClaimsInParallel(claims: readonly Claim[], options: ParallelRunOptions): Promise<ClaimResult[]> {
  const isolation = options.isolation ?? null;
  const workers = Math.min(options.workers, claims.length);
  if (claims.length === 0 || (workers <= 1 && isolation === null)) return runClaims(claims, options);
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
  return new Pool(jobs, setup, options, isolation).run(Math.max(1, workers));
}

/** A fixed set of workers fed from one queue of jobs in catalogue order. */
class Pool {
  private readonly results: (ClaimResult | undefined)[];
  private readonly threads: ClaimThread[] = [];
  /** The job each worker is on, and the timer that stops it if it overruns (isolated runs). */
  private readonly current = new Map<ClaimThread, { job: WorkerJob; timer: NodeJS.Timeout | null }>();
  private next = 0;
  private finished = 0;
  private settled = false;
  private resolve!: (results: ClaimResult[]) => void;
  private reject!: (error: unknown) => void;

  constructor(
    private readonly jobs: readonly WorkerJob[],
    private readonly setup: WorkerSetup,
    private readonly options: ParallelRunOptions,
    private readonly isolation: IsolationLimits | null,
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
    const thread = new ClaimThread(this.setup, this.isolation);
    this.threads.push(thread);
    thread.worker.on('message', (message: WorkerMessage) => this.receive(thread, message));
    // User code's errors are told apart at the exit, from the death note; ours stay internal errors.
    if (this.isolation === null) thread.worker.on('error', (error) => this.fail(error));
    thread.worker.on('exit', (code) => {
      if (!this.settled) this.fail(this.death(thread, code));
    });
    this.feed(thread);
  }

  /** What a worker that stopped before the run was over means: a user claim's fault when isolated, else ours. */
  private death(thread: ClaimThread, code: number): Error {
    const job = this.current.get(thread)?.job;
    if (this.isolation === null) return new Error(`a claim worker stopped unexpectedly (exit code ${code})`);
    // Between claims only what a user module left running (a timer) can end the thread.
    if (job === undefined) return new InputError(`a worker thread running user claims, between claims: ${thread.why(code)}`);
    return new InputError(`claim ${job.id} (${displayModule(job.source)}): ${thread.why(code)}`);
  }

  private feed(thread: ClaimThread): void {
    this.clearTimer(thread);
    const job = this.jobs[this.next];
    if (job === undefined) {
      this.current.delete(thread);
      return;
    }
    this.next++;
    const limits = this.isolation;
    const timer =
      limits === null
        ? null
        : setTimeout(() => thread.stop(`did not finish loading within ${limits.loadSeconds} s (raise it with --load-time-limit)`), limits.loadSeconds * 1000);
    this.current.set(thread, { job, timer });
    thread.worker.postMessage(job);
  }

  /** The claim's module is loaded and its check starts: from now on its time limit counts. */
  private begin(thread: ClaimThread): void {
    const entry = this.current.get(thread);
    const seconds = this.options.timeLimitSeconds;
    if (entry === undefined || this.isolation === null) return;
    this.clearTimer(thread);
    if (seconds === undefined) return;
    const timer = setTimeout(
      () => thread.stop(`check exceeded the time limit of ${seconds} s (raise it with --time-limit)`),
      hardTimeLimitSeconds(seconds) * 1000,
    );
    this.current.set(thread, { ...entry, timer });
  }

  private clearTimer(thread: ClaimThread): void {
    const timer = this.current.get(thread)?.timer;
    if (timer != null) clearTimeout(timer);
  }

  private receive(thread: ClaimThread, message: WorkerMessage): void {
    if (this.settled) return;
    switch (message.type) {
      case 'begin':
        this.begin(thread);
        return;
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
        else this.feed(thread);
        return;
      }
      default:
        return;
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
    for (const thread of this.threads) {
      this.clearTimer(thread);
      void thread.worker.terminate();
    }
  }
}
