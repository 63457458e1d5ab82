import { InputError, messageOf } from '../../claims/errors.ts';
import { Rational } from '../../numbers/rational.ts';
import { WrittenNumber } from './exact-json.ts';

/** Exponents beyond this are refused: 1e100000 is exact but no input needs it. */
export const MAX_EXPONENT = 1000;

/** A field's exact value: a JSON number as written, or a rational string ("-3/4", "0.25", "1e-3"). */
export function exactNumber(value: unknown, field: string, display: string): Rational {
  const text = value instanceof WrittenNumber ? value.text : typeof value === 'string' ? value : null;
  if (text === null) throw new InputError(`${display}: field "${field}" must be an exact number, got ${describe(value)}`);
  const exponent = /[eE]([+-]?\d+)$/.exec(text.trim());
  if (exponent !== null && Math.abs(Number(exponent[1])) > MAX_EXPONENT) {
    throw new InputError(`${display}: field "${field}" ${JSON.stringify(text)} has an exponent beyond ±${MAX_EXPONENT}`);
  }
  try {
    return Rational.parse(text);
  } catch (error) {
    throw new InputError(`${display}: field "${field}" ${JSON.stringify(text)} is not an exact number (${messageOf(error)})`);
  }
}

export function exactVector(values: readonly unknown[], field: string, display: string): Rational[] {
  return values.map((v, i) => exactNumber(v, `${field}[${i}]`, display));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
