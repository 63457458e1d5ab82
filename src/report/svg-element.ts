import { escapeXml } from './html-escape.ts';

/** Attribute values: numbers are coordinates (rounded), strings are escaped, absent ones are left out. */
export type Attributes = Readonly<Record<string, string | number | undefined>>;

/**
 * A coordinate as SVG text: two decimals are far below a pixel, trailing zeros and −0 dropped.
 * A non-finite coordinate is a bug upstream, so it is an error rather than a silently broken drawing.
 */
export function svgNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`SVG coordinate must be finite, got ${value}`);
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? svgNumber(value) : escapeXml(value)}"`)
    .join('');
}

/** An element whose children are markup already (built by these functions); empty ones self-close. */
export function element(name: string, attributes: Attributes = {}, children: readonly string[] = []): string {
  const open = `<${name}${attributeText(attributes)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${name}>`;
}

/** An element holding plain text, escaped. */
export function textElement(name: string, attributes: Attributes, text: string): string {
  return `<${name}${attributeText(attributes)}>${escapeXml(text)}</${name}>`;
}

export interface SvgDocumentOptions {
  readonly width: number;
  readonly height: number;
  /** Read by screen readers and shown as a tooltip. */
  readonly title: string;
  readonly description?: string;
  /** Extra attributes of the root, e.g. a class or a data-figure name. */
  readonly attributes?: Attributes;
}

/** An inline `<svg>` root with title and description, scaling to its container's width. */
export function svgDocument(options: SvgDocumentOptions, body: readonly string[]): string {
  const { width, height } = options;
  const head = [textElement('title', {}, options.title)];
  if (options.description !== undefined) head.push(textElement('desc', {}, options.description));
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${svgNumber(width)} ${svgNumber(height)}`,
      width,
      height,
      role: 'img',
      'font-family': 'system-ui, sans-serif',
      'font-size': 12,
      ...options.attributes,
    },
    [...head, ...body],
  );
}

/** A group, to move or style several marks together. */
export function group(attributes: Attributes, children: readonly string[]): string {
  return element('g', attributes, children);
}
