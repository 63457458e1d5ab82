import { CLAIM_ID } from './claim.ts';
import { InputError } from './errors.ts';
import { readInputText } from './input-file.ts';

/** The claim catalogue (CLAIMS.md): the IDs in the order the papers' tables list them. */
export interface Catalogue {
  readonly file: string;
  readonly ids: readonly string[];
}

/** IDs from the first cell of every Markdown table row whose first cell is a claim ID, in order. */
export function parseCatalogue(markdown: string): string[] {
  const ids: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const m = /^\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (m !== null && CLAIM_ID.test(m[1]!) && !ids.includes(m[1]!)) ids.push(m[1]!);
  }
  return ids;
}

export function loadCatalogue(file: string): Catalogue {
  const text = readInputText(file, `catalogue ${file}`);
  const ids = parseCatalogue(text);
  if (ids.length === 0) throw new InputError(`catalogue ${file}: no claim IDs found in its tables`);
  return { file, ids };
}

/** The paper key of a claim ID. */
export function paperOf(id: string): string {
  return id.slice(0, id.indexOf('/'));
}
