import { resolve } from 'node:path';
import { readInputText } from '../../claims/input-file.ts';
import { InputError } from '../../claims/errors.ts';
import { fieldPath, parseStrictJson } from '../../claims/strict-json.ts';
import { fieldTextProblem } from './exact-fields.ts';
import { WrittenNumber } from './written-number.ts';

export { WrittenNumber };

/** A user's JSON input: `plain` as JSON.parse gives it (for the schema), `exact` with every number as a WrittenNumber. */
export interface JsonInput {
  /** How messages name the file (the path as given on the command line). */
  readonly display: string;
  readonly plain: unknown;
  readonly exact: unknown;
}

/** Larger inputs are refused before reading: nothing this tool decides exactly needs them. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;
/** No format nests deeper than a few levels; far deeper input is refused before it is walked. */
export const MAX_DEPTH = 64;

/** Reads a JSON file given by `flag` (e.g. "--net"); every problem is an InputError naming the file. */
export function readJsonInput(cwd: string, given: string, flag: string): JsonInput {
  return parseJsonInput(readInputText(resolve(cwd, given), `${flag} ${given}`, MAX_INPUT_BYTES), given);
}

/**
 * Parses JSON text strictly (no duplicate or `__proto__` keys, bounded depth), keeping every number
 * as written; a number with more than MAX_DIGITS digits, or an absurdly long string, is refused
 * here, before the schema or any arithmetic sees it.
 */
export function parseJsonInput(text: string, display: string): JsonInput {
  const { value: plain, scan } = parseStrictJson(text, display, MAX_DEPTH);
  return { display, plain, exact: withWrittenNumbers(plain, [], scan.numbers, display) };
}

/** A copy of `value` with each number replaced by its text as written (looked up by its path). */
function withWrittenNumbers(value: unknown, path: (string | number)[], numbers: ReadonlyMap<string, string>, display: string): unknown {
  if (typeof value === 'number') {
    const text = numbers.get(JSON.stringify(path));
    if (text === undefined) throw new Error(`internal: no number token at ${JSON.stringify(path)}`);
    requireShortText(text, path, display);
    return new WrittenNumber(text);
  }
  if (typeof value === 'string') requireShortText(value, path, display);
  if (Array.isArray(value)) return value.map((item, i) => withWrittenNumbers(item, [...path, i], numbers, display));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = withWrittenNumbers(item, [...path, key], numbers, display);
    return out;
  }
  return value;
}

function requireShortText(text: string, path: readonly (string | number)[], display: string): void {
  const problem = fieldTextProblem(text);
  if (problem !== null) throw new InputError(`${display}: field "${fieldPath(path)}" ${problem}`);
}

/** `layers[0].weights`, as the schema validator names fields. */
export const displayPath = fieldPath;
