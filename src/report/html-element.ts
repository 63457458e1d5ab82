import { escapeXml } from './html-escape.ts';
import type { Attributes } from './svg-element.ts';

/** HTML elements that have no end tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/**
 * An HTML element whose children are markup already. Unlike SVG, an empty HTML element still gets
 * its end tag: the HTML parser ignores `<td/>`'s slash and would swallow what follows.
 */
export function tag(name: string, attributes: Attributes = {}, children: readonly string[] = []): string {
  if (VOID_ELEMENTS.has(name)) {
    if (children.length > 0) throw new RangeError(`<${name}> cannot have children`);
    return `<${name}${attributeText(attributes)}/>`;
  }
  return `<${name}${attributeText(attributes)}>${children.join('')}</${name}>`;
}

/** An HTML element holding plain text, escaped. */
export function textTag(name: string, attributes: Attributes, text: string): string {
  return tag(name, attributes, [escapeXml(text)]);
}

/** A fragment id from a claim or figure id: "decomposition/lemma-2.2" → "decomposition-lemma-2-2". */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}
