import type { Fig3EnumerationBench, Fig3EnumerationRow } from './fig3-enumeration.ts';
import type { KernelRow } from './exact-kernels.ts';
import { KERNEL_INPUTS } from './exact-kernels.ts';
import type { BenchResults } from './run-bench.ts';
import type { StartupRow } from './startup.ts';
import type { ThroughputRow } from './throughput.ts';
import { machineLine } from './machine.ts';
import { formatTime } from './timing.ts';

/** A plain-text table with a header rule, every column padded to its widest cell; numbers right-aligned. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, j) => (rightAligned[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}

function ratio(x: number): string {
  return x >= 100 ? `${Math.round(x).toLocaleString('en-US')}×` : `${x.toPrecision(3)}×`;
}

export function kernelSection(rows: readonly KernelRow[], repetitions: number): string[] {
  return [
    `Exact kernels (src/linalg, Rational) beside float64 ml-matrix — median of ${repetitions}`,
    ...textTable(
      ['kernel', 'n', 'input', 'exact', 'float64', 'exact/float', 'max bits', 'float agrees'],
      rows.map((r) => [
        r.kernel,
        String(r.n),
        KERNEL_INPUTS[r.kernel].input,
        formatTime(r.exactMs),
        `${formatTime(r.floatMs)} (${KERNEL_INPUTS[r.kernel].float})`,
        ratio(r.ratio),
        String(r.maxBits),
        r.floatAgrees ? 'yes' : 'NO',
      ]),
      [false, true, false, true, false, true, true, false],
    ),
  ];
}

export function throughputSection(rows: readonly ThroughputRow[], runs: number, repetitions: number): string[] {
  return [
    `Claim throughput (one claim per paper, --runs ${runs}, no counterexample store) — median of ${repetitions}`,
    ...textTable(
      ['paper', 'claim', 'verdict', 'cases', 'time', 'cases/s'],
      rows.map((r) =>
        r.claim === null
          ? [r.paper, r.note, '', '', '', '']
          : [r.paper, r.claim, r.verdict, String(r.cases), formatTime(r.medianMs), r.casesPerSecond.toFixed(r.casesPerSecond >= 100 ? 0 : 1)],
      ),
      [false, false, false, true, true, true],
    ),
  ];
}

export function startupSection(rows: readonly StartupRow[]): string[] {
  const from = rows[0]?.compiled === false ? ' — from the sources (dist/ missing or stale: run npm run build)' : ' — compiled dist/';
  return [
    `Start-up: the whole process, median${from}`,
    ...textTable(
      ['command', 'time', 'goal', 'met'],
      rows.map((r) => [r.command, formatTime(r.medianMs), formatTime(r.goalMs), r.exitCode !== 0 ? `exit ${r.exitCode}` : r.medianMs <= r.goalMs ? 'yes' : 'no']),
      [false, true, true, false],
    ),
  ];
}

export function fig3Section(bench: Fig3EnumerationBench): string[] {
  const title = 'decomposition/fig-3 enumeration, h = 1..10, against a naive implementation';
  if (!bench.available) return [title, `  ${bench.reason}`];
  const limit = formatTime(bench.naiveLimitMs);
  const naiveCell = (r: Fig3EnumerationRow): string =>
    r.naive === 'done' ? formatTime(r.naiveMs!) : r.naive === 'over limit' ? `> ${limit} (stopped)` : 'not run';
  return [
    title,
    `  enumeration: one exact solve per set of distinct unit regions (median of runs); naive: one exact solve`,
    `  per ordered h-tuple (one run, stopped at ${limit}; larger h not run); same = identical exact histograms`,
    ...textTable(
      ['h', 'regions', 'solves', 'enumeration', 'naive', 'naive/enumeration', 'same'],
      bench.rows.map((r) => [
        String(r.h),
        String(r.regions),
        String(r.solves),
        formatTime(r.enumerationMs),
        naiveCell(r),
        r.naiveMs === null ? '' : ratio(r.naiveMs / r.enumerationMs),
        r.agrees === null ? '' : r.agrees ? 'yes' : 'NO',
      ]),
      [true, true, true, true, true, true, false],
    ),
  ];
}

/** The whole benchmark as text: the machine line, then one table per section. */
export function renderBench(results: BenchResults): string {
  const { options } = results;
  return [
    `Machine: ${machineLine(results.machine)}`,
    `Options: ${options.quick ? 'quick' : 'full'}, seed ${options.seed}`,
    '',
    ...kernelSection(results.kernels, options.kernelRepetitions),
    '',
    ...throughputSection(results.throughput, options.runs, options.throughputRepetitions),
    '',
    ...fig3Section(results.fig3Enumeration),
    '',
    ...startupSection(results.startup),
    '',
  ].join('\n');
}
