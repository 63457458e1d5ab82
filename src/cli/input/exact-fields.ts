import { digitLimitProblem, MAX_DIGITS } from '../../claims/codec.ts';
import { InputError, messageOf } from '../../claims/errors.ts';
import { quote } from '../../claims/strict-json.ts';
import { Rational } from '../../numbers/rational.ts';
import { WrittenNumber } from './written-number.ts';

/** Exponents beyond this are refused: 1e100000 is exact but no input needs it. */
export const MAX_EXPONENT = 1000;

/** No string of a network or data file needs more characters: a number within MAX_DIGITS is far shorter. */
export const MAX_FIELD_CHARACTERS = 4 * MAX_DIGITS;

const NUMBER_LIKE = /^[\s+\-0-9./eE]*$/;
const ZERO_DENOMINATOR = /^\s*[+-]?\d+(\.\d+)?\s*\/\s*[+-]?0+(\.0*)?\s*$/;

/**
 * Why a string or number token of an input file is refused before it is matched or parsed (too
 * many digits, or absurdly long), or null. Runs in linear time: a schema pattern on a 100,000-digit
 * string could backtrack for minutes.
 */
export function fieldTextProblem(text: string): string | null {
  // Said plainly, before the schema's general "must be an exact number" could.
  if (ZERO_DENOMINATOR.test(text)) return `${quote(text)} has a zero denominator`;
  if (NUMBER_LIKE.test(text)) {
    const digits = digitLimitProblem(text);
    if (digits !== null) return digits;
  }
  if (text.length > MAX_FIELD_CHARACTERS) return `is ${text.length} characters long; at most ${MAX_FIELD_CHARACTERS} are read`;
  return null;
}

/** A field's exact value: a JSON number as written, or a rational string ("-3/4", "0.25", "1e-3"). */
export function exactNumber(value: unknown, field: string, display: string): Rational {
  const text = value instanceof WrittenNumber ? value.text : typeof value === 'string' ? value : null;
  if (text === null) throw new InputError(`${display}: field "${field}" must be an exact number, got ${describe(value)}`);
  // Refused before any arithmetic: parsing and reducing a 100,000-digit fraction alone takes a while.
  const tooLong = fieldTextProblem(text);
  if (tooLong !== null) throw new InputError(`${display}: field "${field}" ${tooLong}`);
  const exponent = /[eE]([+-]?\d+)$/.exec(text.trim());
  if (exponent !== null && Math.abs(Number(exponent[1])) > MAX_EXPONENT) {
    throw new InputError(`${display}: field "${field}" ${quote(text)} has an exponent beyond ±${MAX_EXPONENT}`);
  }
  try {
    return Rational.parse(text);
  } catch (error) {
    throw new InputError(`${display}: field "${field}" ${quote(text)} is not an exact number (${messageOf(error)})`);
  }
}

export function exactVector(values: readonly unknown[], field: string, display: string): Rational[] {
  return values.map((v, i) => exactNumber(v, `${field}[${i}]`, display));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${quote(value)}`;
}
