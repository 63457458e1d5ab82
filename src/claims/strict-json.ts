import { InputError, messageOf } from './errors.ts';

/** Nothing this tool reads nests deeper; far deeper input is refused before it is walked. */
export const MAX_JSON_DEPTH = 64;

/** At most this many characters of a bad value are quoted in a message. */
const QUOTE = 60;

/** What a scan of valid JSON text found besides its value. */
export interface JsonScan {
  /** Each number token as written, keyed by the JSON of its path (JSON.parse would round it). */
  readonly numbers: Map<string, string>;
  /** The first key that appears twice in one object, as a field path, or null. */
  readonly duplicate: string | null;
  /** The first `__proto__` key, as a field path, or null. */
  readonly prototypeKey: string | null;
  /** True when brackets nest deeper than the limit (the scan stopped there). */
  readonly tooDeep: boolean;
}

/**
 * JSON.parse with the checks it lacks: a key that appears twice in one object (JSON.parse keeps the
 * last silently, so the meaning would depend on key order), a `__proto__` key (copying the object
 * would set its prototype) and nesting deeper than `maxDepth`. Every problem is an InputError
 * naming `display` and the field.
 */
export function parseStrictJson(text: string, display: string, maxDepth = MAX_JSON_DEPTH): { value: unknown; scan: JsonScan } {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${display}: not valid JSON (${shorten(messageOf(error), 120)})`);
  }
  const scan = scanJson(text, maxDepth);
  if (scan.tooDeep) throw new InputError(`${display}: nested more than ${maxDepth} levels deep`);
  if (scan.duplicate !== null) throw new InputError(`${display}: field "${scan.duplicate}" appears twice`);
  if (scan.prototypeKey !== null) throw new InputError(`${display}: field "${scan.prototypeKey}" is not an allowed key`);
  return { value, scan };
}

/** A value for a message: its JSON text, cut after `max` characters. */
export function quote(value: unknown, max = QUOTE): string {
  return shorten(JSON.stringify(value) ?? String(value), max);
}

/** Text for a message, cut after `max` characters (a 50 MB value must not become a 50 MB message). */
export function shorten(text: string, max = QUOTE): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

/** Scans valid JSON text (JSON.parse accepted it) for number tokens, duplicate and `__proto__` keys, and depth. */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonScan {
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
        if (key === '__proto__' && prototypeKey === null) prototypeKey = fieldPath([...top.path, key]);
        if (top.keys.has(key) && duplicate === null) duplicate = fieldPath([...top.path, key]);
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
    if ((c === '{' || c === '[') && frames.length >= maxDepth) return { numbers, duplicate, prototypeKey, tooDeep: true };
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
export function fieldPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s === '' ? k : `${s}.${k}`), '');
}
