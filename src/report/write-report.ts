import { join } from 'node:path';
import { writeFileAtomic } from '../claims/atomic-write.ts';
import type { JsonValue } from '../claims/codec.ts';
import { prettyJson } from '../claims/pretty-json.ts';
import { renderMarkdown } from './markdown.ts';
import type { Report } from './report-data.ts';

/** Writes REPORT.md and report.json into `dir` (each atomically); returns their paths. */
export function writeReport(dir: string, report: Report): { markdown: string; json: string } {
  const markdown = join(dir, 'REPORT.md');
  const json = join(dir, 'report.json');
  writeFileAtomic(json, prettyJson(report as unknown as JsonValue));
  writeFileAtomic(markdown, renderMarkdown(report));
  return { markdown, json };
}
