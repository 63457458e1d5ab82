import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError, messageOf } from '../../claims/errors.ts';

/**
 * A JSON number exactly as written in the file. JSON.parse would round 0.1 to the double nearest
 * 1/10; keeping the text lets every number be read as the decimal the user wrote.
 */
export class WrittenNumber {
  constructor(readonly text: string) {}
}

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
  const file = resolve(cwd, given);
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`${flag} ${given}: is a folder, not a JSON file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${flag} ${given}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(`${flag} ${given}: ${size} bytes is more than the ${MAX_INPUT_BYTES}-byte limit for an input file`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${flag} ${given}: cannot read (${messageOf(error)})`);
  }
  return parseJsonInput(text, given);
}

/** Parses JSON text, refusing duplicate keys (JSON.parse would silently keep the last one). */
export function parseJsonInput(text: string, display: string): JsonInput {
  let plain: unknown;
  // A byte-order mark, as some editors write, is not part of the JSON.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    plain = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${display}: not valid JSON (${messageOf(error)})`);
  }
  const { numbers, duplicate, prototypeKey, tooDeep } = scanTokens(text);
  if (tooDeep) throw new InputError(`${display}: nested more than ${MAX_DEPTH} levels deep`);
  if (duplicate !== null) throw new InputError(`${display}: field "${duplicate}" appears twice`);
  // Copying an object with this key would set its prototype, and fields could slip past the schema.
  if (prototypeKey !== null) throw new InputError(`${display}: field "${prototypeKey}" is not an allowed key`);
  return { display, plain, exact: withWrittenNumbers(plain, [], numbers) };
}

/** A copy of `value` with each number replaced by its text as written (looked up by its path). */
function withWrittenNumbers(value: unknown, path: (string | number)[], numbers: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'number') {
    const text = numbers.get(JSON.stringify(path));
    if (text === undefined) throw new Error(`internal: no number token at ${JSON.stringify(path)}`);
    return new WrittenNumber(text);
  }
  if (Array.isArray(value)) return value.map((item, i) => withWrittenNumbers(item, [...path, i], numbers));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = withWrittenNumbers(item, [...path, key], numbers);
    return out;
  }
  return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/**
 * The number tokens of valid JSON text keyed by their path (JSON of the key array), and the path
 * of the first key that appears twice in one object (or null).
 */
function scanTokens(text: string): { numbers: Map<string, string>; duplicate: string | null; prototypeKey: string | null; tooDeep: boolean } {
  const numbers = new Map<string, string>();
  // One frame per open object or array: its path, the keys seen (objects) or the item index (arrays).
  const frames: { path: (string | number)[]; keys: Set<string> | null; index: number; key: string }[] = [];
  let duplicate: string | null = null;
  let prototypeKey: string | null = null;
  const valuePath = (): (string | number)[] => {
    const top = frames[frames.length - 1];
    if (top === undefined) return [];
    return [...top.path, top.keys === null ? top.index : top.key];
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      STRING.lastIndex = i;
      const token = STRING.exec(text)![0];
      i += token.length;
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const top = frames[frames.length - 1];
      if (text[j] === ':' && top !== undefined && top.keys !== null) {
        const key = JSON.parse(token) as string;
        if (key === '__proto__' && prototypeKey === null) prototypeKey = displayPath([...top.path, key]);
        if (top.keys.has(key) && duplicate === null) duplicate = displayPath([...top.path, key]);
        top.keys.add(key);
        top.key = key;
      }
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)![0];
      numbers.set(JSON.stringify(valuePath()), token);
      i += token.length;
      continue;
    }
    if ((c === '{' || c === '[') && frames.length >= MAX_DEPTH) return { numbers, duplicate, prototypeKey, tooDeep: true };
    if (c === '{' || c === '[') frames.push({ path: valuePath(), keys: c === '{' ? new Set() : null, index: 0, key: '' });
    else if (c === '}' || c === ']') frames.pop();
    else if (c === ',') {
      const top = frames[frames.length - 1];
      if (top !== undefined && top.keys === null) top.index++;
    }
    i++;
  }
  return { numbers, duplicate, prototypeKey, tooDeep: false };
}

/** `layers[0].weights`, as the schema validator names fields. */
export function displayPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? k : `${s}.${k}`), '');
}
