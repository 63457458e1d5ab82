import type { ClaimResult } from './result.ts';
import type { ProgressEvent } from './runner.ts';

/** What a claim worker is started with (its workerData): the run's budget and where the store is. */
export interface WorkerSetup {
  readonly runs: number;
  readonly seed: number;
  readonly timeLimitSeconds: number | null;
  /** The counterexample store to replay from (workers never write it), or null for none. */
  readonly store: { readonly root: string; readonly cwd: string } | null;
  /**
   * Modules to import, in order, before anything else (a load probe of user modules; the worker
   * then reports 'loaded' and takes no jobs); empty for a worker that runs claims.
   */
  readonly load?: readonly string[];
  /** Shared memory where a worker running user code records why it stops (see claim-sandbox.ts), or null. */
  readonly deathNote?: SharedArrayBuffer | null;
}

/** The parent hands a worker one claim at a time: its ID, the module that defines it, its place in the run. */
export interface WorkerJob {
  readonly type: 'run';
  readonly id: string;
  readonly source: string;
  readonly index: number;
  readonly total: number;
}

/** What a worker sends back: progress while a claim runs, then its result (plain data), or an error. */
export type WorkerMessage =
  | { readonly type: 'progress'; readonly event: Exclude<ProgressEvent, { type: 'claim-end' }> }
  | { readonly type: 'result'; readonly index: number; readonly result: ClaimResult }
  | { readonly type: 'error'; readonly index: number; readonly input: boolean; readonly message: string }
  /** The job's module is imported and defines the claim: its check starts now (the claim's time limit starts here). */
  | { readonly type: 'begin'; readonly index: number }
  /** A load probe starts importing this module. */
  | { readonly type: 'loading'; readonly file: string }
  /** A load probe imported every module (or stopped at one that failed to import). */
  | { readonly type: 'loaded' };
