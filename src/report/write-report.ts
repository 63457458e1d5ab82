import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../claims/errors.ts';
import type { JsonValue } from '../claims/codec.ts';
import { prettyJson } from '../claims/pretty-json.ts';
import type { FigureRegistry } from './figures/registry.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { Report } from './report-data.ts';

/** The files of a report folder: the folder is replaced as a whole, so it holds nothing else. */
export const REPORT_FILES = ['REPORT.md', 'report.json', 'index.html'] as const;

/** Refused before a run: a folder with other files would lose them when the report replaces it. */
export function requireReportFolder(dir: string, given: string): void {
  if (!existsSync(dir)) return;
  const other = readdirSync(dir).find((name) => !(REPORT_FILES as readonly string[]).includes(name));
  if (other !== undefined) {
    throw new InputError(`--out ${given}: holds ${JSON.stringify(other)}, which is not a report file; the report replaces its folder as a whole, so give an empty or new folder`);
  }
}

/**
 * Writes REPORT.md, report.json and index.html (with `figures`) into a new folder beside `dir`
 * and then puts that folder in place of `dir`: the three files always come from one run, even
 * if the process is killed half-way (then `dir` is the old report, or briefly absent).
 */
export function writeReport(dir: string, report: Report, figures?: FigureRegistry): { markdown: string; json: string; html: string } {
  // Render everything before writing anything, so a failure leaves no partial set of files.
  const texts = [prettyJson(report as unknown as JsonValue), renderMarkdown(report), renderHtml(report, figures)] as const;
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(parent, `.${basename(dir)}.new-${tag}`);
  const previous = join(parent, `.${basename(dir)}.old-${tag}`);
  let moved = false;
  try {
    mkdirSync(staging);
    writeFileSync(join(staging, 'report.json'), texts[0]);
    writeFileSync(join(staging, 'REPORT.md'), texts[1]);
    writeFileSync(join(staging, 'index.html'), texts[2]);
    if (existsSync(dir)) {
      renameSync(dir, previous);
      moved = true;
    }
    renameSync(staging, dir);
    moved = false;
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    if (moved) renameSync(previous, dir); // the new report could not be put in place: keep the old one
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return { markdown: join(dir, 'REPORT.md'), json: join(dir, 'report.json'), html: join(dir, 'index.html') };
}
