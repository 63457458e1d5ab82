import { relative, resolve } from 'node:path';
import { libraryVersion } from '../../claims/paths.ts';
import { buildReport, summaryLine } from '../../report/report-data.ts';
import { writeReport } from '../../report/write-report.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { parseCommandArgs, RUN_OPTIONS, stringOption } from '../options.ts';
import { executeRun, prepareRun } from '../prepare-run.ts';

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('report', argv, { ...RUN_OPTIONS, out: { type: 'string' } }, { min: 0, max: 0 });
  const run = await prepareRun(values, io);
  const outDir = resolve(io.cwd, stringOption(values, 'out') ?? 'report');
  const results = executeRun(run, io);
  const report = buildReport({
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
  const files = writeReport(outDir, report);
  const show = (file: string): string => relative(io.cwd, file) || file;
  io.out(`${summaryLine(report.summary)}\nwrote ${show(files.markdown)} and ${show(files.json)}\nwrote ${show(files.html)} (open it in a browser)\n`);
  return EXIT.ok;
}
