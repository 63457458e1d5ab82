import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../claims/errors.ts';
import type { JsonSchema } from '../../claims/json-schema.ts';
import { validateJson } from '../../claims/json-schema.ts';
import { PACKAGE_ROOT } from '../../claims/paths.ts';

/** The JSON Schemas of the command's input and output formats, in schemas/. */
export const SCHEMAS_DIR: string = join(PACKAGE_ROOT, 'schemas');

export type SchemaName = 'network' | 'dataset' | 'classify-output' | 'regions-output';

const cache = new Map<SchemaName, JsonSchema>();

export function loadSchema(name: SchemaName): JsonSchema {
  let schema = cache.get(name);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')) as JsonSchema;
    cache.set(name, schema);
  }
  return schema;
}

/** Throws an InputError naming the file and the first offending field. */
export function requireSchema(name: SchemaName, value: unknown, display: string): void {
  const errors = validateJson(loadSchema(name), value);
  if (errors.length === 0) return;
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw new InputError(`${display}: ${first.path === '' ? 'the file' : `field "${first.path}"`} ${first.message}${more}`);
}
