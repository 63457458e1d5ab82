import { relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../claims/atomic-write.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import { renderBench } from '../../bench/bench-table.ts';
import { benchOptions, runBenchmarks } from '../../bench/run-bench.ts';
import { formatTime } from '../../bench/timing.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { loadRegistryFor } from '../load-registry.ts';
import { flag, integerOption, parseCommandArgs, stringOption } from '../options.ts';
import { DEFAULT_RUNS } from '../prepare-run.ts';
import { requireOutputFile } from '../output-path.ts';

/** `landscape-check bench`: times the exact kernels and the claims, prints a table, writes bench/results.json. */
export async function benchCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'bench',
    argv,
    { quick: { type: 'boolean' }, out: { type: 'string' }, runs: { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    { min: 0, max: 0 },
  );
  const options = benchOptions(flag(values, 'quick'), integerOption(values, 'runs', DEFAULT_RUNS, 1, 10_000_000));
  const out = resolve(io.cwd, stringOption(values, 'out') ?? 'bench/results.json');
  requireOutputFile(out, '--out', stringOption(values, 'out') ?? 'bench/results.json');
  const registry = await loadRegistryFor(io.cwd, []);
  const say = flag(values, 'quiet') ? () => {} : (line: string) => io.err(`${line}\n`);
  const results = await runBenchmarks(registry, options, {
    kernel: (r) => say(`${r.kernel} n=${r.n}: exact ${formatTime(r.exactMs)}, float64 ${formatTime(r.floatMs)}`),
    throughput: (r) => say(r.claim === null ? `${r.paper}: ${r.note}` : `${r.claim}: ${r.cases} cases in ${formatTime(r.medianMs)}`),
    fig3: (r) =>
      say(`decomposition/fig-3 h=${r.h}: enumeration ${formatTime(r.enumerationMs)}, naive ${r.naiveMs === null ? r.naive : formatTime(r.naiveMs)}`),
    startup: (r) => say(`${r.command}: ${formatTime(r.medianMs)}`),
  });
  writeFileAtomic(out, prettyJson(results as unknown as JsonValue));
  io.out(renderBench(results));
  io.out(`wrote ${relative(io.cwd, out) || out}\n`);
  return EXIT.ok;
}
