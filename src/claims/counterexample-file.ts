import { readFileSync } from 'node:fs';
import type { Basis } from './basis.ts';
import type { Certificate } from './outcome.ts';
import type { ConfirmationRecord } from './result.ts';
import type { JsonValue } from './codec.ts';
import { decodeInstance } from './codec.ts';
import { CodecError, InputError } from './errors.ts';
import { parseStrictJson } from './strict-json.ts';
import type { JsonSchema } from './json-schema.ts';
import { validateJson } from './json-schema.ts';
import { COUNTEREXAMPLE_SCHEMA_FILE } from './paths.ts';

/** The content of a stored counterexample file (see counterexamples/schema.json). Key order is the file's. */
export interface CounterexampleRecord {
  readonly $schema?: string;
  readonly claim: string;
  readonly verdict: 'refuted';
  readonly check: string;
  readonly basis: Basis;
  readonly instance: JsonValue;
  readonly witness: { readonly [name: string]: JsonValue };
  /** What makes the witness a certificate of the negation (exact decision, or an enclosure excluding the boundary). */
  readonly certificate?: Certificate;
  /** How a second route, sharing no evaluator with the check, confirmed the refutation. */
  readonly confirmation?: ConfirmationRecord;
  readonly seed: number;
  readonly path: string;
  readonly version: string;
}

let schema: JsonSchema | undefined;

export function counterexampleSchema(): JsonSchema {
  schema ??= JSON.parse(readFileSync(COUNTEREXAMPLE_SCHEMA_FILE, 'utf8')) as JsonSchema;
  return schema;
}

/**
 * Parses and validates a counterexample file's text; every problem is an InputError naming the
 * file and the field. The instance must also decode exactly (e.g. no zero denominator).
 */
export function parseCounterexample(text: string, displayName: string): CounterexampleRecord {
  // Strict: with a duplicated "instance" the replayed instance would depend on key order.
  const { value: data } = parseStrictJson(text, displayName);
  const errors = validateJson(counterexampleSchema(), data);
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new InputError(`${displayName}: field "${first.path || '(root)'}" ${first.message}${more}`);
  }
  const record = data as CounterexampleRecord;
  try {
    decodeInstance(record.instance);
  } catch (error) {
    if (error instanceof CodecError) throw new InputError(`${displayName}: field "${error.path}" ${error.message.slice(error.path.length).replace(/^[:\s]+/, '')}`);
    throw error;
  }
  return record;
}

/** The record in the file's key order, ready for `prettyJson`. */
export function recordJson(record: CounterexampleRecord): JsonValue {
  return {
    $schema: '../../schema.json',
    claim: record.claim,
    verdict: record.verdict,
    check: record.check,
    basis: record.basis,
    instance: record.instance,
    witness: record.witness,
    ...(record.certificate !== undefined ? { certificate: record.certificate as unknown as JsonValue } : {}),
    ...(record.confirmation !== undefined ? { confirmation: record.confirmation as unknown as JsonValue } : {}),
    seed: record.seed,
    path: record.path,
    version: record.version,
  };
}
