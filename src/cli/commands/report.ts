import { readInputText } from '../../claims/input-file.ts';
import { relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../claims/atomic-write.ts';
import { InputError, messageOf } from '../../claims/errors.ts';
import { selectClaims } from '../../claims/selection.ts';
import { README_END, README_START, withVerdictSection } from '../../report/readme-section.ts';
import { libraryVersion } from '../../claims/paths.ts';
import { parseShardReport, mergeShardReports } from '../../report/merge.ts';
import type { Report, ReportInput } from '../../report/report-data.ts';
import { buildReport, summaryLine } from '../../report/report-data.ts';
import { requireReportFolder, writeReport } from '../../report/write-report.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { loadRegistryFor } from '../load-registry.ts';
import type { ParsedArgs } from '../options.ts';
import { flag, isolationLimitsOf, listOption, parseCommandArgs, RUN_OPTIONS, stringOption } from '../options.ts';
import { executeRun, notImplementedOf, prepareRun } from '../prepare-run.ts';
import { UsageError } from '../usage-error.ts';
import { requireOutputFile, requireOutputFolder } from '../output-path.ts';

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'report',
    argv,
    { ...RUN_OPTIONS, out: { type: 'string' }, readme: { type: 'string' }, merge: { type: 'boolean' } },
    { min: 0, max: Number.POSITIVE_INFINITY },
  );
  const merging = flag(values, 'merge');
  if (!merging && positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const readmeOption = stringOption(values, 'readme');
  const outDir = resolve(io.cwd, stringOption(values, 'out') ?? 'report');
  requireOutputFolder(outDir, '--out', stringOption(values, 'out') ?? 'report');
  requireReportFolder(outDir, stringOption(values, 'out') ?? 'report');
  let report: Report;
  let readme: { file: string; text: string } | undefined;
  if (merging) {
    const input = await prepareMerge(values, positionals, io);
    readme = readmeOption === undefined ? undefined : readReadme(resolve(io.cwd, readmeOption), readmeOption);
    report = buildReport(input);
  } else {
    const run = await prepareRun(values, io);
    readme = readmeOption === undefined ? undefined : readReadme(resolve(io.cwd, readmeOption), readmeOption);
    const results = await executeRun(run, io);
    report = buildReport({
      run: {
        version: libraryVersion(),
        seed: run.seed,
        runs: run.runs,
        timeLimitSeconds: run.timeLimitSeconds ?? null,
        shard: run.shard,
      },
      results,
      claims: run.claims,
      notImplemented: run.notImplemented,
      order: run.registry.catalogue?.ids ?? [],
    });
  }
  const files = writeReport(outDir, report);
  if (readme !== undefined) writeFileAtomic(readme.file, withVerdictSection(readme.text, report, readmeOption!));
  const show = (file: string): string => relative(io.cwd, file) || file;
  io.out(`${summaryLine(report.summary)}\nwrote ${show(files.markdown)} and ${show(files.json)}\nwrote ${show(files.html)} (open it in a browser)\n`);
  if (readme !== undefined) io.out(`updated the verdict table in ${show(readme.file)}\n`);
  return EXIT.ok;
}

/** Flags that set what a run checks and how; a merge takes all of that from the shard files. */
const RUN_ONLY_FLAGS = ['shard', 'runs', 'seed', 'time-limit', 'workers', 'store', 'no-store'];

/**
 * The report input of `report --merge FILE...`: the shards' results in catalogue order, checked
 * to be exactly the selected claims (the same --claims/--catalogue/--claim/--paper as the shard
 * runs), with statements and not-implemented rows from the registry, as an unsharded run has them.
 */
async function prepareMerge(values: ParsedArgs['values'], files: readonly string[], io: CliIo): Promise<ReportInput> {
  const conflicting = RUN_ONLY_FLAGS.find((name) => values[name] !== undefined);
  if (conflicting !== undefined) throw new UsageError(`--merge takes the run from the shard files: --${conflicting} cannot be combined with it`);
  if (files.length === 0) throw new UsageError('--merge needs the report.json files of the shards');
  const shards = files.map((file) => parseShardReport(readInput(resolve(io.cwd, file), file), file));
  const merged = mergeShardReports(shards);
  const ids = listOption(values, 'claim');
  const paper = stringOption(values, 'paper');
  const registry = await loadRegistryFor(io.cwd, listOption(values, 'claims'), stringOption(values, 'catalogue'), isolationLimitsOf(values));
  const claims = selectClaims(registry, { ids, paper });
  const byId = new Map(merged.results.map((r) => [r.id, r]));
  const selected = new Set(claims.map((c) => c.id));
  const extra = merged.results.filter((r) => !selected.has(r.id)).map((r) => r.id);
  if (extra.length > 0) throw new InputError(`the shards hold results for claims outside this selection: ${extra.join(', ')} (merge with the --claims, --claim and --paper of the shard runs)`);
  const missing = claims.filter((c) => !byId.has(c.id)).map((c) => c.id);
  if (missing.length > 0) throw new InputError(`the shards hold no result for ${missing.join(', ')} (merge with the --claims, --claim and --paper of the shard runs)`);
  return {
    run: merged.run,
    results: claims.map((c) => byId.get(c.id)!),
    claims,
    notImplemented: notImplementedOf(registry, { ids, paper }),
    order: registry.catalogue?.ids ?? [],
  };
}

function readInput(file: string, displayName: string): string {
  return readInputText(file, displayName);
}

/** Read before the run, so a missing file or marker is bad input and nothing is written. */
function readReadme(file: string, displayName: string): { file: string; text: string } {
  const text = readInputText(file, `--readme ${displayName}`);
  const start = text.indexOf(README_START);
  if (start < 0 || text.indexOf(README_END, start) < 0) {
    throw new InputError(`--readme ${displayName}: needs the markers ${README_START} and ${README_END}, in that order`);
  }
  requireOutputFile(file, '--readme', displayName);
  return { file, text };
}
