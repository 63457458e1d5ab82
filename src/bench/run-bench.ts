import type { Registry } from '../claims/registry.ts';
import type { KernelRow } from './exact-kernels.ts';
import { benchExactKernels } from './exact-kernels.ts';
import type { Fig3EnumerationBench, Fig3EnumerationRow } from './fig3-enumeration.ts';
import { benchFig3Enumeration } from './fig3-enumeration.ts';
import type { MachineDescription } from './machine.ts';
import { describeMachine } from './machine.ts';
import type { StartupRow } from './startup.ts';
import { benchStartup } from './startup.ts';
import type { ThroughputRow } from './throughput.ts';
import { benchThroughput } from './throughput.ts';

export interface BenchOptions {
  readonly quick: boolean;
  readonly seed: number;
  readonly sizes: readonly number[];
  readonly kernelRepetitions: number;
  /** Each kernel timing lasts at least this long (fast kernels are called many times). */
  readonly minMs: number;
  /** Cases per property check of the throughput claims (the default budget of check). */
  readonly runs: number;
  readonly throughputRepetitions: number;
}

/** The full run: sizes 4 to 32, medians of 5 (kernels) and 3 (claims), about two minutes on a 2-core machine. */
export function benchOptions(quick: boolean, runs: number): BenchOptions {
  return quick
    ? { quick, seed: 1, sizes: [4, 8, 16], kernelRepetitions: 3, minMs: 5, runs, throughputRepetitions: 1 }
    : { quick, seed: 1, sizes: [4, 8, 16, 32], kernelRepetitions: 5, minMs: 20, runs, throughputRepetitions: 3 };
}

/** What `landscape-check bench` measured, as written to bench/results.json. */
export interface BenchResults {
  readonly machine: MachineDescription;
  readonly date: string;
  readonly options: BenchOptions;
  readonly kernels: readonly KernelRow[];
  readonly throughput: readonly ThroughputRow[];
  readonly fig3Enumeration: Fig3EnumerationBench;
  readonly startup: readonly StartupRow[];
}

export interface BenchProgress {
  readonly kernel?: (row: KernelRow) => void;
  readonly throughput?: (row: ThroughputRow) => void;
  readonly fig3?: (row: Fig3EnumerationRow) => void;
  readonly startup?: (row: StartupRow) => void;
}

export async function runBenchmarks(registry: Registry, options: BenchOptions, progress: BenchProgress = {}): Promise<BenchResults> {
  const machine = describeMachine();
  const kernels = benchExactKernels(
    { sizes: options.sizes, repetitions: options.kernelRepetitions, minMs: options.minMs, seed: options.seed },
    progress.kernel,
  );
  const throughput = await benchThroughput(registry, { runs: options.runs, seed: 0, repetitions: options.throughputRepetitions }, progress.throughput);
  const fig3Enumeration = benchFig3Enumeration({ repetitions: options.kernelRepetitions, quick: options.quick }, progress.fig3);
  const startup = benchStartup(options.quick ? 3 : 7, progress.startup);
  return { machine, date: new Date().toISOString(), options, kernels, throughput, fig3Enumeration, startup };
}
