import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Baseline, VerdictChange } from '../../claims/baseline.ts';
import { compareWithBaseline, mergeIntoBaselineFile, readBaseline } from '../../claims/baseline.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { libraryVersion } from '../../claims/paths.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import type { ClaimResult } from '../../claims/result.ts';
import { buildReport, summaryLine } from '../../report/report-data.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { flag, parseCommandArgs, RUN_OPTIONS, stringOption } from '../options.ts';
import { executeRun, prepareRun } from '../prepare-run.ts';
import { formatResults } from '../text-output.ts';
import { requireOutputFile } from '../output-path.ts';

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    'check',
    argv,
    {
      ...RUN_OPTIONS,
      json: { type: 'boolean' },
      gate: { type: 'boolean' },
      'update-baseline': { type: 'boolean' },
      baseline: { type: 'string' },
    },
    { min: 0, max: 0 },
  );
  const run = await prepareRun(values, io);
  const gate = flag(values, 'gate');
  const update = flag(values, 'update-baseline');
  const baselineFile = resolve(io.cwd, stringOption(values, 'baseline') ?? 'verdicts.json');
  const baselineName = relative(io.cwd, baselineFile) || baselineFile;
  if (gate || update) requireOutputFile(baselineFile, '--baseline', baselineName);
  let baseline: Baseline = {};
  // Read now so that a broken baseline is refused before the run; an update re-reads it under a lock at the end.
  if (gate || (update && existsSync(baselineFile))) baseline = readBaseline(baselineFile, baselineName);

  const results = await executeRun(run, io);
  const changes = gate ? compareWithBaseline(results, baseline) : [];
  if (update) {
    const order = [...(run.registry.catalogue?.ids ?? []), ...run.registry.claims.map((c) => c.id)];
    await mergeIntoBaselineFile(baselineFile, baselineName, results, { complete: run.complete, order });
  }

  if (flag(values, 'json')) {
    const output = {
      version: libraryVersion(),
      seed: run.seed,
      runs: run.runs,
      results,
      ...(gate ? { gate: { baseline: baselineName, changes } } : {}),
    };
    io.out(prettyJson(output as unknown as JsonValue));
  } else {
    io.out(formatResults(results));
    io.out(`${summaryOf(results)} (seed ${run.seed}, ${run.runs} runs per check)\n`);
  }
  if (gate) reportGate(io, changes, baselineName, results.length);
  if (update) io.err(`wrote ${baselineName}\n`);
  return gate && changes.length > 0 ? EXIT.changed : EXIT.ok;
}

function summaryOf(results: readonly ClaimResult[]): string {
  const report = buildReport({
    run: { version: '', seed: 0, runs: 0, timeLimitSeconds: null, shard: null },
    results,
    claims: [],
    notImplemented: [],
    order: [],
  });
  return summaryLine(report.summary);
}

function reportGate(io: CliIo, changes: readonly VerdictChange[], baselineName: string, checked: number): void {
  if (changes.length === 0) {
    io.err(`gate: all ${checked} verdicts match ${baselineName}\n`);
    return;
  }
  io.err(`gate: ${changes.length} verdict${changes.length === 1 ? '' : 's'} differ from ${baselineName}:\n`);
  for (const c of changes) io.err(`  ${c.id}: ${c.before ?? '(not in baseline)'} → ${c.after}\n`);
  io.err('Record a deliberate change with --update-baseline.\n');
}
