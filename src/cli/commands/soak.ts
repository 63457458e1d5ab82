import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../claims/atomic-write.ts';
import type { Baseline } from '../../claims/baseline.ts';
import { readBaseline } from '../../claims/baseline.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { InputError } from '../../claims/errors.ts';
import { readInputText } from '../../claims/input-file.ts';
import { libraryVersion } from '../../claims/paths.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import type { ClaimResult } from '../../claims/result.ts';
import type { SoakChange, SoakSeed, SoakSummary } from '../../claims/soak.ts';
import { parseSeedRange, soakChanges, soakSeed } from '../../claims/soak.ts';
import { CounterexampleStore } from '../../claims/store.ts';
import { parseShardReport } from '../../report/merge.ts';
import { buildReport } from '../../report/report-data.ts';
import { formatDuration } from '../../report/format-value.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import type { ParsedArgs } from '../options.ts';
import { flag, parseCommandArgs, RUN_OPTIONS, stringOption } from '../options.ts';
import { requireOutputFile, requireOutputFolder } from '../output-path.ts';
import type { PreparedRun } from '../prepare-run.ts';
import { executeRun, prepareRun } from '../prepare-run.ts';
import { UsageError } from '../usage-error.ts';

const { seed: _seed, ...SOAK_RUN_OPTIONS } = RUN_OPTIONS;

const SOAK_OPTIONS = {
  ...SOAK_RUN_OPTIONS,
  seeds: { type: 'string' },
  out: { type: 'string' },
  baseline: { type: 'string' },
  json: { type: 'boolean' },
  compare: { type: 'boolean' },
} as const;

/**
 * `landscape-check soak`: the selected claims at every seed of a range, each verdict compared with
 * the baseline. By default each seed starts from an empty counterexample store (so refutations
 * must be found by search again) kept at OUT/seed-S/counterexamples; OUT/seed-S/report.json holds
 * each seed's results and OUT/summary.json the changes. Exit 1 on any change.
 * `soak --compare FILE...` compares report.json files (e.g. shards joined by `report --merge`).
 */
export async function soakCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('soak', argv, SOAK_OPTIONS, { min: 0, max: Number.POSITIVE_INFINITY });
  const compare = flag(values, 'compare');
  if (!compare && positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])} (report.json files go with --compare)`);
  const outDir = resolve(io.cwd, stringOption(values, 'out') ?? 'soak');
  requireOutputFolder(outDir, '--out', stringOption(values, 'out') ?? 'soak');
  const baselineGiven = stringOption(values, 'baseline') ?? 'verdicts.json';
  const baselineFile = resolve(io.cwd, baselineGiven);
  requireOutputFile(baselineFile, '--baseline', baselineGiven);
  const baseline = readBaseline(baselineFile, baselineGiven);
  const summary = compare ? compareReports(values, positionals, baseline, baselineGiven, io) : await soakSeeds(values, baseline, baselineGiven, outDir, io);
  const summaryFile = join(outDir, 'summary.json');
  writeFileAtomic(summaryFile, prettyJson(summary as unknown as JsonValue));
  if (flag(values, 'json')) io.out(prettyJson(summary as unknown as JsonValue));
  else io.out(formatSummary(summary, relative(io.cwd, summaryFile) || summaryFile));
  return summary.changes.length > 0 ? EXIT.changed : EXIT.ok;
}

async function soakSeeds(values: ParsedArgs['values'], baseline: Baseline, baselineName: string, outDir: string, io: CliIo): Promise<SoakSummary> {
  const seedsText = stringOption(values, 'seeds');
  if (seedsText === undefined) throw new UsageError('--seeds A..B is required (e.g. --seeds 1..20)');
  const seeds = parseSeedRange(seedsText);
  const run = await prepareRun(values, io);
  const ownStore = stringOption(values, 'store') === undefined;
  const say = run.quiet ? () => {} : (line: string) => io.err(`${line}\n`);
  say(`soak: ${seeds.length} seed${seeds.length === 1 ? '' : 's'} × ${run.claims.length} claims, ${run.runs} runs per check, ${ownStore ? 'an empty counterexample store per seed' : `store ${stringOption(values, 'store')}`}`);
  const changes: SoakChange[] = [];
  const perSeed: SoakSeed[] = [];
  for (const [k, seed] of seeds.entries()) {
    const seedDir = join(outDir, `seed-${seed}`);
    const storeDir = join(seedDir, 'counterexamples');
    // The soak owns OUT/seed-S: a store left by an earlier soak would replay instead of search.
    if (ownStore && existsSync(storeDir)) rmSync(storeDir, { recursive: true, force: true });
    const seedRun: PreparedRun = { ...run, seed, ...(ownStore ? { store: new CounterexampleStore(storeDir, io.cwd), writeStore: true } : {}) };
    say(`seed ${seed} (${k + 1} of ${seeds.length})`);
    const started = performance.now();
    const results = await executeRun(seedRun, io);
    const reportFile = join(seedDir, 'report.json');
    writeFileAtomic(reportFile, prettyJson(reportOf(seedRun, results) as unknown as JsonValue));
    const found = soakChanges(seed, results, baseline);
    changes.push(...found);
    perSeed.push(soakSeed(seed, results, performance.now() - started, relative(io.cwd, reportFile) || reportFile));
    for (const c of found) say(`  CHANGE ${describeChange(c)}`);
  }
  return { version: libraryVersion(), runs: run.runs, seeds, baseline: baselineName, claims: run.claims.length, changes, perSeed };
}

function reportOf(run: PreparedRun, results: readonly ClaimResult[]) {
  return buildReport({
    run: { version: libraryVersion(), seed: run.seed, runs: run.runs, timeLimitSeconds: run.timeLimitSeconds ?? null, shard: run.shard },
    results,
    claims: run.claims,
    notImplemented: run.notImplemented,
    order: run.registry.catalogue?.ids ?? [],
  });
}

/** Compares report.json files of whole runs (one per seed; shards joined first with `report --merge`). */
function compareReports(values: ParsedArgs['values'], files: readonly string[], baseline: Baseline, baselineName: string, io: CliIo): SoakSummary {
  for (const option of ['seeds', 'claim', 'paper', 'shard', 'runs', 'time-limit', 'store', 'no-store', 'workers', 'claims', 'catalogue'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--compare takes everything from the report files: --${option} cannot be combined with it`);
  }
  if (files.length === 0) throw new UsageError('--compare needs report.json files (one per seed)');
  const changes: SoakChange[] = [];
  const perSeed: SoakSeed[] = [];
  const runs = new Set<number>();
  const claims = new Set<string>();
  for (const given of files) {
    const file = resolve(io.cwd, given);
    const report = parseShardReport(readInputText(file, given), given);
    if (report.run.shard !== null) throw new InputError(`${given}: is shard ${report.run.shard} of a run; join the shards of each seed with report --merge first`);
    if (perSeed.some((s) => s.seed === report.run.seed)) throw new InputError(`${given}: a second report of seed ${report.run.seed}`);
    runs.add(report.run.runs);
    for (const r of report.results) claims.add(r.id);
    changes.push(...soakChanges(report.run.seed, report.results, baseline));
    perSeed.push(soakSeed(report.run.seed, report.results, report.results.reduce((t, r) => t + r.durationMs, 0), given));
  }
  return {
    version: libraryVersion(),
    runs: runs.size === 1 ? [...runs][0]! : null,
    seeds: perSeed.map((s) => s.seed),
    baseline: baselineName,
    claims: claims.size,
    changes,
    perSeed,
  };
}

function describeChange(c: SoakChange): string {
  const file = c.counterexample === null ? '' : `  ${c.counterexample}`;
  return `seed ${c.seed}: ${c.id}: ${c.baseline ?? '(not in baseline)'} → ${c.verdict} (${c.basis})${file}\n      ${c.summary}`;
}

function formatSummary(summary: SoakSummary, summaryFile: string): string {
  const lines: string[] = [];
  for (const s of summary.perSeed) {
    const changed = summary.changes.filter((c) => c.seed === s.seed);
    const undecided = Object.values(s.undecided).reduce((a, b) => a + b, 0);
    const extra = undecided > 0 ? `; ${undecided} undecided case${undecided === 1 ? '' : 's'} in ${Object.keys(s.undecided).length} claim${Object.keys(s.undecided).length === 1 ? '' : 's'}` : '';
    lines.push(`seed ${s.seed}: ${changed.length === 0 ? 'no change' : `${changed.length} change${changed.length === 1 ? '' : 's'}`}${extra}  ${formatDuration(s.durationMs)}`);
    for (const c of changed) lines.push(`  ${describeChange(c)}`);
  }
  const n = summary.changes.length;
  lines.push(
    `${n === 0 ? 'no verdict differs from' : `${n} verdict${n === 1 ? '' : 's'} differ from`} ${summary.baseline} over ${summary.seeds.length} seed${summary.seeds.length === 1 ? '' : 's'} (${summary.claims} claims); wrote ${summaryFile}`,
  );
  return `${lines.join('\n')}\n`;
}
