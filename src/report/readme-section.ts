import { InputError } from '../claims/errors.ts';
import { renderVerdictSection } from './markdown.ts';
import type { Report } from './report-data.ts';

export const README_START = '<!-- verdicts:start -->';
export const README_END = '<!-- verdicts:end -->';

/**
 * The text with the part between the verdict markers replaced by this report's summary and
 * verdict table, so README's table always comes from a real run.
 */
export function withVerdictSection(text: string, report: Report, displayName: string): string {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new InputError(`${displayName}: needs the markers ${README_START} and ${README_END} (in that order)`);
  }
  return `${text.slice(0, start + README_START.length)}\n${renderVerdictSection(report)}${text.slice(end)}`;
}
