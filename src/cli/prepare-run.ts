import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Claim } from '../claims/claim.ts';
import type { Registry } from '../claims/registry.ts';
import type { ClaimResult } from '../claims/result.ts';
import { runClaimsInParallel } from '../claims/parallel-runner.ts';
import type { Selection } from '../claims/selection.ts';
import { selectClaims } from '../claims/selection.ts';
import { parseShard } from '../claims/shard.ts';
import { CounterexampleStore } from '../claims/store.ts';
import type { CliIo } from './io.ts';
import { loadRegistryFor } from './load-registry.ts';
import type { ParsedArgs } from './options.ts';
import { flag, integerOption, isolationLimitsOf, listOption, secondsOption, stringOption } from './options.ts';
import { ProgressDisplay } from './progress.ts';
import { requireOutputFolder } from './output-path.ts';

/** A check or report run with every input read and validated, before anything is written. */
export interface PreparedRun {
  readonly registry: Registry;
  readonly claims: readonly Claim[];
  /** Selected catalogue IDs that have no claim module yet. */
  readonly notImplemented: readonly string[];
  /** True when every claim is selected (no --claim, --paper or --shard): a baseline update replaces it. */
  readonly complete: boolean;
  readonly store: CounterexampleStore;
  readonly writeStore: boolean;
  readonly runs: number;
  readonly seed: number;
  /** Per claim: --time-limit, or DEFAULT_TIME_LIMIT_SECONDS. */
  readonly timeLimitSeconds: number;
  readonly shard: string | null;
  readonly quiet: boolean;
  /** Worker threads (--workers, default: the number of cores); 1 runs in this thread. */
  readonly workers: number;
}

export const DEFAULT_RUNS = 100;
export const DEFAULT_SEED = 0;
export const MAX_WORKERS = 256;
/** Default --time-limit per claim: `check --runs 10000000` stops there, its checked cases counted. */
export const DEFAULT_TIME_LIMIT_SECONDS = 600;


export async function prepareRun(values: ParsedArgs['values'], io: CliIo): Promise<PreparedRun> {
  const runs = integerOption(values, 'runs', DEFAULT_RUNS, 1, 10_000_000);
  const seed = integerOption(values, 'seed', DEFAULT_SEED, -(2 ** 53 - 1), 2 ** 53 - 1);
  const timeLimitSeconds = secondsOption(values, 'time-limit') ?? DEFAULT_TIME_LIMIT_SECONDS;
  const isolation = isolationLimitsOf(values);
  const workers = integerOption(values, 'workers', availableParallelism(), 1, MAX_WORKERS);
  const shardText = stringOption(values, 'shard');
  const shard = shardText === undefined ? undefined : parseShard(shardText);
  const ids = listOption(values, 'claim');
  const paper = stringOption(values, 'paper');
  const registry = await loadRegistryFor(io.cwd, listOption(values, 'claims'), stringOption(values, 'catalogue'), isolation);
  const claims = selectClaims(registry, { ids, paper, shard });
  const storeDir = resolve(io.cwd, stringOption(values, 'store') ?? 'counterexamples');
  requireOutputFolder(storeDir, '--store', stringOption(values, 'store') ?? 'counterexamples');
  const store = new CounterexampleStore(storeDir, io.cwd);
  for (const claim of claims) store.readFor(claim.id); // every stored file is valid before the run writes anything
  const complete = ids.length === 0 && paper === undefined && shard === undefined;
  const notImplemented = notImplementedOf(registry, { ids, paper, shard });
  return {
    registry,
    claims,
    notImplemented,
    complete,
    store,
    writeStore: !flag(values, 'no-store'),
    runs,
    seed,
    timeLimitSeconds,
    shard: shard === undefined ? null : `${shard.index}/${shard.count}`,
    quiet: flag(values, 'quiet'),
    workers,
  };
}

/** The catalogue IDs without a module that a report of this selection lists: none for a choice of IDs or a shard. */
export function notImplementedOf(registry: Registry, selection: Selection): string[] {
  const { ids = [], paper, shard } = selection;
  if (ids.length > 0 || shard !== undefined) return [];
  return registry.notImplemented.filter((id) => paper === undefined || id.startsWith(`${paper}/`));
}

/** Runs the prepared claims (in worker threads unless --workers 1); results in catalogue order. */
export async function executeRun(run: PreparedRun, io: CliIo): Promise<ClaimResult[]> {
  const progress = new ProgressDisplay(io, run.quiet);
  try {
    return await runClaimsInParallel(run.claims, {
      runs: run.runs,
      seed: run.seed,
      timeLimitSeconds: run.timeLimitSeconds,
      store: run.store,
      writeStore: run.writeStore,
      onProgress: progress.handle,
      workers: run.workers,
      sourceOf: (id) => run.registry.sourceOf(id),
      isolation: run.registry.isolation ?? null,
    });
  } finally {
    progress.finish();
  }
}
