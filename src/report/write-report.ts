import { join } from 'node:path';
import { writeFileAtomic } from '../claims/atomic-write.ts';
import type { JsonValue } from '../claims/codec.ts';
import { prettyJson } from '../claims/pretty-json.ts';
import type { FigureRegistry } from './figures/registry.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import type { Report } from './report-data.ts';

/** Writes REPORT.md, report.json and the page index.html (with `figures`) into `dir`, each atomically; returns their paths. */
export function writeReport(dir: string, report: Report, figures?: FigureRegistry): { markdown: string; json: string; html: string } {
  const markdown = join(dir, 'REPORT.md');
  const json = join(dir, 'report.json');
  const html = join(dir, 'index.html');
  // Render everything before writing anything, so a failure leaves no partial set of files.
  const texts = [prettyJson(report as unknown as JsonValue), renderMarkdown(report), renderHtml(report, figures)] as const;
  writeFileAtomic(json, texts[0]);
  writeFileAtomic(markdown, texts[1]);
  writeFileAtomic(html, texts[2]);
  return { markdown, json, html };
}
