import type { JsonValue } from '../claims/codec.ts';
import { readableNumber } from './readable-number.ts';

/** `readable`: long exact numbers rounded with their size (terminal output); otherwise every digit. */
export interface FormatOptions {
  readonly readable?: boolean;
}

/**
 * A JSON value as a person writes it: rationals bare (`-3/4`), vectors `[1, -1/2]`, matrices
 * `[[1, 0], [0, 1]]`, objects `{n: 11, H_n: 83711/27720}`; a tagged string shows as "text".
 */
export function formatValue(value: JsonValue, options: FormatOptions = {}): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return options.readable === true ? readableNumber(value) : value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v, options)).join(', ')}]`;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === '$string') return JSON.stringify(value.$string);
  return `{${keys.map((k) => `${k}: ${formatValue(value[k]!, options)}`).join(', ')}}`;
}

/** `name = value` lines for the fields of an object (an instance or a witness); other values on one line. */
export function formatNamedValues(value: JsonValue | undefined, options: FormatOptions = {}): string[] {
  if (value === undefined) return [];
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !('$string' in value)) {
    return Object.entries(value).map(([name, v]) => `${name} = ${formatValue(v, options)}`);
  }
  return [formatValue(value, options)];
}

/** One line, cut to `width` characters with an ellipsis. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, Math.max(0, width - 1))}…`;
}

export function formatDuration(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}
