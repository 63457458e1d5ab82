import fc from 'fast-check';

/** What a fuzz case puts where the reader expects its file. */
export type FileCase =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'bytes'; readonly bytes: readonly number[] }
  | { readonly kind: 'folder' }
  | { readonly kind: 'fifo' }
  | { readonly kind: 'device'; readonly path: '/dev/zero' | '/dev/urandom' | '/dev/null' }
  | { readonly kind: 'missing' };

/** A JSON value as text with the hostile shapes JSON.stringify never writes. */
const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e400', '1e-400', '"1/0"', '"-3/4"', '"0.1"', 'null', '[]', '{}', '"__proto__"'),
  fc.integer({ min: 1, max: 6 }).map((k) => `"${'7'.repeat(10 ** k / 2)}"`),
  fc.integer({ min: 1, max: 6 }).map((k) => `"1/${'7'.repeat(10 ** k / 2)}"`),
  fc.integer({ min: 1, max: 6 }).map((k) => '9'.repeat(10 ** k / 2)),
  fc.integer({ min: 10, max: 5000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
);

/** Positions of the values in a JSON text (after ':' or '[' or ','), to replace one by a hostile value. */
function valueStarts(text: string): number[] {
  const starts: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    if (c === ':' || c === '[' || c === ',') starts.push(i + 1);
  }
  return starts;
}

/** The end of the JSON value that starts at `i` (a scalar, or a bracketed value). */
function valueEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && /\s/.test(text[j]!)) j++;
  if (text[j] === '{' || text[j] === '[') {
    let depth = 0;
    let inString = false;
    for (; j < text.length; j++) {
      const c = text[j]!;
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return text.length;
  }
  if (text[j] === '"') {
    for (j++; j < text.length; j++) {
      if (text[j] === '\\') j++;
      else if (text[j] === '"') return j + 1;
    }
    return text.length;
  }
  while (j < text.length && !/[,\]}\s]/.test(text[j]!)) j++;
  return j;
}

/** One mutation of a valid document's text. */
const mutation: fc.Arbitrary<(text: string) => string> = fc.oneof(
  // Replace one value by a hostile one.
  fc.tuple(fc.nat(), hostileValue).map(([k, value]) => (text: string) => {
    const starts = valueStarts(text);
    if (starts.length === 0) return value;
    const at = starts[k % starts.length]!;
    return `${text.slice(0, at)}${value}${text.slice(valueEnd(text, at))}`;
  }),
  // Add a key to the outermost object: a duplicate, a prototype name, or an unknown one.
  fc.tuple(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'layers', 'inputs', 'targets', 'claim', 'instance', 'extra'), hostileValue).map(
    ([key, value]) =>
      (text: string) => {
        const open = text.indexOf('{');
        return open < 0 ? text : `${text.slice(0, open + 1)}"${key}": ${value}, ${text.slice(open + 1)}`;
      },
  ),
  // Cut the text short, or append garbage.
  fc.nat().map((k) => (text: string) => text.slice(0, k % (text.length + 1))),
  fc.string({ maxLength: 8 }).map((tail) => (text: string) => text + tail),
);

/** Documents a reader meets: mutations of its valid examples, arbitrary JSON, bytes, and other kinds of file. */
export function fileCases(valid: readonly string[]): fc.Arbitrary<FileCase> {
  const mutated = fc.tuple(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) => ms.reduce((t, m) => m(t), text));
  return fc.oneof(
    { weight: 12, arbitrary: mutated.map((text): FileCase => ({ kind: 'text', text })) },
    { weight: 3, arbitrary: fc.constantFrom(...valid).map((text): FileCase => ({ kind: 'text', text })) },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v): FileCase => ({ kind: 'text', text: JSON.stringify(v) })) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }).map((bytes): FileCase => ({ kind: 'bytes', bytes })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<FileCase>(
        { kind: 'folder' },
        { kind: 'fifo' },
        { kind: 'device', path: '/dev/zero' },
        { kind: 'device', path: '/dev/urandom' },
        { kind: 'device', path: '/dev/null' },
        { kind: 'missing' },
      ),
    },
  );
}
