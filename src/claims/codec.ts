import { Rational } from '../numbers/rational.ts';
import { CodecError, messageOf } from './errors.ts';

/** A JSON value as written to files. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/*
 * The exact instance codec. Instances are plain data: Rationals, integers (sizes, indices),
 * booleans, strings, null, arrays and plain objects. In JSON:
 *   - a Rational is a string in lowest terms, "-3/4" or "5";
 *   - a JSON number is an integer (a size or an index) and decodes to a number;
 *   - a string that reads as a number ("7", "-3/4", "0.25") decodes to a Rational;
 *   - any other string is itself; the rare plain string that reads as a number is written
 *     {"$string": "7"} so that it does not come back as a Rational;
 *   - object keys starting with "$" are reserved for that tag.
 * Floats are refused: an instance must be exactly what the check saw.
 */

const RATIONAL_TEXT = /^[+-]?(\d+(\/\d+)?|\d+\.\d*|\.\d+)$/;

/**
 * A number read from a file has at most this many digits in its numerator and in its denominator
 * as written: exact arithmetic on a 100,000-digit number takes minutes, and no input needs one.
 */
export const MAX_DIGITS = 1000;

/** The digits of the numerator and denominator as written: "-12/345" → 2, 3; "1.25" → 3, 3 (125/100); "3e-2" → 1, 1. */
export function writtenDigits(text: string): { readonly numerator: number; readonly denominator: number } {
  const mantissa = text.replace(/[eE].*$/, '');
  const slash = mantissa.indexOf('/');
  if (slash >= 0) return { numerator: digitCount(mantissa.slice(0, slash)), denominator: digitCount(mantissa.slice(slash + 1)) };
  const dot = mantissa.indexOf('.');
  const fraction = dot < 0 ? 0 : digitCount(mantissa.slice(dot + 1));
  return { numerator: digitCount(mantissa), denominator: fraction + 1 };
}

function digitCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) n++;
  return n;
}

/** Why a written number is refused before any arithmetic (too many digits), or null when it is within the limit. */
export function digitLimitProblem(text: string): string | null {
  const { numerator, denominator } = writtenDigits(text);
  const [part, digits] = numerator >= denominator ? ['numerator', numerator] : ['denominator', denominator];
  if (digits <= MAX_DIGITS) return null;
  return `has ${digits} digits in its ${part}; at most ${MAX_DIGITS} digits per numerator or denominator are read`;
}

/** Whether a JSON string decodes to a Rational. */
export function looksRational(text: string): boolean {
  return RATIONAL_TEXT.test(text);
}

const STRING_TAG = '$string';

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `a ${value.constructor?.name ?? 'non-plain'} object`;
  return `the ${typeof value} ${String(value)}`;
}

/** An instance as exact JSON; throws a CodecError naming the path of the first value it cannot write. */
export function encodeInstance(value: unknown, path = 'instance'): JsonValue {
  if (value instanceof Rational) return value.toString();
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value === 0 ? 0 : value;
    throw new CodecError(path, `${path} is the number ${value}; instances hold integers or exact Rationals, not floats`);
  }
  if (typeof value === 'string') return looksRational(value) ? { [STRING_TAG]: value } : value;
  if (Array.isArray(value)) return value.map((item, i) => encodeInstance(item, `${path}[${i}]`));
  if (typeof value === 'object' && isPlainObject(value)) {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) throw new CodecError(`${path}.${key}`, `${path}.${key}: keys starting with "$" are reserved`);
      out[key] = encodeInstance(item, `${path}.${key}`);
    }
    return out;
  }
  throw new CodecError(
    path,
    `${path} is ${describe(value)}; instances are plain data (Rational, integer, boolean, string, null, arrays, plain objects)`,
  );
}

/** The instance back from exact JSON; throws a CodecError naming the path of the first bad value. */
export function decodeInstance(value: unknown, path = 'instance'): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value;
    throw new CodecError(path, `${path} is the number ${value}; write non-integers as exact rational strings such as "-3/4"`);
  }
  if (typeof value === 'string') {
    if (!looksRational(value)) return value;
    const tooLong = digitLimitProblem(value);
    if (tooLong !== null) throw new CodecError(path, `${path} ${tooLong}`);
    try {
      return Rational.parse(value);
    } catch (error) {
      throw new CodecError(path, `${path}: ${messageOf(error)}`);
    }
  }
  if (Array.isArray(value)) return value.map((item, i) => decodeInstance(item, `${path}[${i}]`));
  if (typeof value === 'object' && isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === STRING_TAG) {
      const text = value[STRING_TAG];
      if (typeof text !== 'string') throw new CodecError(`${path}.${STRING_TAG}`, `${path}.${STRING_TAG} must be a string`);
      return text;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (key.startsWith('$')) throw new CodecError(`${path}.${key}`, `${path}.${key}: keys starting with "$" are reserved`);
      out[key] = decodeInstance(value[key], `${path}.${key}`);
    }
    return out;
  }
  throw new CodecError(path, `${path} is ${describe(value)}, not JSON`);
}

/**
 * Witness values for people to read: Rationals as exact strings, other numbers as they are,
 * matrices (anything with `toArrays()`) as rows, other objects with their own `toString`
 * (e.g. decimal.js values) as that string. Never decoded, so nothing is tagged.
 */
export function encodeWitness(value: unknown): JsonValue {
  if (value instanceof Rational) return value.toString();
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(encodeWitness);
  if (typeof value === 'object') {
    const withRows = value as { toArrays?: unknown };
    if (typeof withRows.toArrays === 'function') return encodeWitness((withRows.toArrays as () => unknown).call(value));
    if (!isPlainObject(value)) return String(value);
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) out[key] = encodeWitness(item);
    return out;
  }
  return String(value);
}

/** Canonical text of a JSON value (keys in insertion order, which the encoders make deterministic). */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(value);
}
