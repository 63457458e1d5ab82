import type { JsonValue } from './codec.ts';

/**
 * JSON for people: arrays of scalars on one line (so a matrix reads row by row), everything else
 * indented by two spaces; ends with a newline. Deterministic, so reruns give identical files.
 */
export function prettyJson(value: JsonValue): string {
  return `${format(value, '')}\n`;
}

function isScalar(value: JsonValue): boolean {
  return value === null || typeof value !== 'object';
}

/** Like JSON.stringify: undefined fields are left out, undefined array items become null. */
function format(value: JsonValue, indent: string): string {
  if (value === undefined) return 'null';
  if (isScalar(value)) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isScalar)) return `[${value.map((v) => format(v, indent)).join(', ')}]`;
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')}\n${indent}}`;
}
