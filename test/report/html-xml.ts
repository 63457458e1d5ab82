/**
 * A tiny, strict XML reader for tests: it checks that markup is well formed (every tag closed in
 * order, attributes quoted, no raw `<` or stray `&` in text or attribute values) and returns the
 * element tree with entities decoded, so tests can query what a browser would show.
 * `<script>` and `<style>` hold raw text, as in HTML; `<!DOCTYPE …>` and comments are skipped.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
const RAW_TEXT = new Set(['script', 'style']);

export class MarkupError extends Error {}

function decode(text: string, at: number): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '<') throw new MarkupError(`raw '<' in text at ${at + i}`);
    if (c !== '&') {
      out += c;
      continue;
    }
    ENTITY.lastIndex = i;
    const m = ENTITY.exec(text);
    if (m === null) throw new MarkupError(`stray '&' at ${at + i}: ${JSON.stringify(text.slice(i, i + 12))}`);
    const name = m[1]!;
    out +=
      name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'quot' ? '"' : name === 'apos' ? "'"
        : String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    i += m[0].length - 1;
  }
  return out;
}

const OPEN = /<([A-Za-z][\w:.-]*)/y;
const ATTRIBUTE = /\s+([^\s=/>"']+)="([^"]*)"/y;
const CLOSE = /<\/([A-Za-z][\w:.-]*)\s*>/y;

/** Parses a document or fragment; the result is a synthetic root element named "#root". */
export function parseMarkup(text: string): XmlElement {
  const root: XmlElement = { name: '#root', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < text.length) {
    const top = stack[stack.length - 1]!;
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) throw new MarkupError(`unclosed comment at ${i}`);
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) throw new MarkupError(`unclosed declaration at ${i}`);
      i = end + 1;
    } else if (text.startsWith('</', i)) {
      CLOSE.lastIndex = i;
      const m = CLOSE.exec(text);
      if (m === null) throw new MarkupError(`bad end tag at ${i}`);
      if (m[1] !== top.name) throw new MarkupError(`end tag </${m[1]}> at ${i} closes <${top.name}>`);
      stack.pop();
      i += m[0].length;
    } else if (text[i] === '<') {
      OPEN.lastIndex = i;
      const m = OPEN.exec(text);
      if (m === null) throw new MarkupError(`bad tag at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
      const name = m[1]!;
      let j = i + m[0].length;
      const attributes: Record<string, string> = {};
      for (;;) {
        ATTRIBUTE.lastIndex = j;
        const a = ATTRIBUTE.exec(text);
        if (a === null) break;
        if (a[1]! in attributes) throw new MarkupError(`duplicate attribute ${a[1]} at ${j}`);
        attributes[a[1]!] = decode(a[2]!, j);
        j += a[0].length;
      }
      const rest = /\s*(\/?)>/y;
      rest.lastIndex = j;
      const r = rest.exec(text);
      if (r === null) throw new MarkupError(`malformed tag <${name}> at ${i}: ${JSON.stringify(text.slice(j, j + 20))}`);
      j += r[0].length;
      const element: XmlElement = { name, attributes, children: [] };
      top.children.push(element);
      if (r[1] === '/') {
        i = j;
      } else if (RAW_TEXT.has(name)) {
        const end = text.indexOf(`</${name}>`, j);
        if (end < 0) throw new MarkupError(`unclosed <${name}> at ${i}`);
        element.children.push(text.slice(j, end));
        i = end + name.length + 3;
      } else {
        stack.push(element);
        i = j;
      }
    } else {
      const end = text.indexOf('<', i);
      const stop = end < 0 ? text.length : end;
      top.children.push(decode(text.slice(i, stop), i));
      i = stop;
    }
  }
  if (stack.length > 1) throw new MarkupError(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root;
}

/** Every element below (and including) `node`, in document order. */
export function descendants(node: XmlElement): XmlElement[] {
  const out: XmlElement[] = [node];
  for (const child of node.children) if (typeof child !== 'string') out.push(...descendants(child));
  return out;
}

export function hasClass(element: XmlElement, name: string): boolean {
  return (element.attributes.class ?? '').split(/\s+/).includes(name);
}

/** Elements with this tag name (or any, with '*') and, if given, this class. */
export function findAll(node: XmlElement, tag: string, className?: string): XmlElement[] {
  return descendants(node).filter((e) => (tag === '*' || e.name === tag) && (className === undefined || hasClass(e, className)));
}

/** The decoded text content. */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
