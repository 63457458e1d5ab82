import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../claims/atomic-write.ts';
import { InputError } from '../../claims/errors.ts';
import { README_END, README_START, withVerdictSection } from '../../report/readme-section.ts';
import { libraryVersion } from '../../claims/paths.ts';
import { buildReport, summaryLine } from '../../report/report-data.ts';
import { writeReport } from '../../report/write-report.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { parseCommandArgs, RUN_OPTIONS, stringOption } from '../options.ts';
import { executeRun, prepareRun } from '../prepare-run.ts';

export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('report', argv, { ...RUN_OPTIONS, out: { type: 'string' }, readme: { type: 'string' } }, { min: 0, max: 0 });
  const run = await prepareRun(values, io);
  const readmeOption = stringOption(values, 'readme');
  const readme = readmeOption === undefined ? undefined : readReadme(resolve(io.cwd, readmeOption), readmeOption);
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
  if (readme !== undefined) writeFileAtomic(readme.file, withVerdictSection(readme.text, report, readmeOption!));
  const show = (file: string): string => relative(io.cwd, file) || file;
  io.out(`${summaryLine(report.summary)}\nwrote ${show(files.markdown)} and ${show(files.json)}\nwrote ${show(files.html)} (open it in a browser)\n`);
  if (readme !== undefined) io.out(`updated the verdict table in ${show(readme.file)}\n`);
  return EXIT.ok;
}

/** Read before the run, so a missing file or marker is bad input and nothing is written. */
function readReadme(file: string, displayName: string): { file: string; text: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`--readme ${displayName}: cannot read the file`);
  }
  if (!text.includes(README_START) || !text.includes(README_END)) {
    throw new InputError(`--readme ${displayName}: needs the markers ${README_START} and ${README_END}`);
  }
  return { file, text };
}
