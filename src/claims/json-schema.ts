/**
 * A small JSON Schema validator for the keywords the project's schemas use (draft 2020-12 subset):
 * type, const, enum, pattern, minLength, minimum, required, properties, additionalProperties,
 * propertyNames, items, minItems, anyOf and local $ref. An unknown keyword is an error, so a schema never
 * silently asks for more than is checked. Errors name the field, e.g. `instance[0][1]: …`.
 */

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', '$defs', 'examples', 'default']);
const KEYWORDS = new Set([
  'type', 'const', 'enum', 'pattern', 'minLength', 'minimum', 'required', 'properties',
  'additionalProperties', 'propertyNames', 'items', 'minItems', 'anyOf', '$ref',
]);

export interface SchemaError {
  readonly path: string;
  readonly message: string;
  /** Where the mismatch was found: the object's path for a missing or extra field, else `path`. */
  readonly level?: string;
}

/** All violations of `schema` by `value` (empty when valid). */
export function validateJson(schema: JsonSchema, value: unknown): SchemaError[] {
  // Validation recurses; a document nested absurdly deep is refused before it can exhaust the stack.
  if (nestedDeeperThan(value, MAX_DEPTH)) return [{ path: '', message: `is nested more than ${MAX_DEPTH} levels deep` }];
  return validateAt(schema, value, '', schema);
}

export const MAX_DEPTH = 200;

function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#/')) throw new Error(`schema: only local $ref are supported, got ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  if (node === undefined) throw new Error(`schema: unresolved $ref ${ref}`);
  return node as JsonSchema;
}

function validateAt(schema: JsonSchema, value: unknown, path: string, root: JsonSchema): SchemaError[] {
  if (schema === true) return [];
  if (schema === false) return [{ path, message: 'is not allowed' }];
  for (const keyword of Object.keys(schema)) {
    if (!KEYWORDS.has(keyword) && !ANNOTATIONS.has(keyword)) throw new Error(`schema: unsupported keyword ${keyword}`);
  }
  if (typeof schema.$ref === 'string') return validateAt(resolveRef(root, schema.$ref), value, path, root);
  if (Array.isArray(schema.anyOf)) return validateAnyOf(schema, schema.anyOf as JsonSchema[], value, path, root);

  const errors: SchemaError[] = [];
  const fail = (message: string): SchemaError[] => [...errors, { path, message }];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => hasType(value, t))) return fail(`must be ${types.join(' or ')}, got ${typeOf(value)}`);
  }
  if ('const' in schema && JSON.stringify(value) !== JSON.stringify(schema.const)) {
    return fail(`must be ${JSON.stringify(schema.const)}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) {
    return fail(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return fail(`must not be shorter than ${schema.minLength}`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
      return fail(`${JSON.stringify(value)} does not match ${schema.pattern}`);
    }
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) {
    return fail(`must be ≥ ${schema.minimum}`);
  }
  if (Array.isArray(value) && typeof schema.minItems === 'number' && value.length < schema.minItems) {
    return fail(schema.minItems === 1 ? 'must not be empty' : `must have at least ${schema.minItems} items`);
  }
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => errors.push(...validateAt(schema.items as JsonSchema, item, join(path, i), root)));
  }
  if (typeOf(value) === 'object') errors.push(...validateObject(schema, value as Record<string, unknown>, path, root));
  return errors;
}

function validateObject(
  schema: { readonly [keyword: string]: unknown },
  value: Record<string, unknown>,
  path: string,
  root: JsonSchema,
): SchemaError[] {
  const errors: SchemaError[] = [];
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const key of (schema.required ?? []) as string[]) {
    // Own properties only: "constructor" or "toString" must not count as present because Object.prototype has them.
    if (!Object.hasOwn(value, key)) errors.push({ path: join(path, key), message: 'is missing', level: path });
  }
  for (const [key, item] of Object.entries(value)) {
    if (schema.propertyNames !== undefined) {
      const nameErrors = validateAt(schema.propertyNames as JsonSchema, key, join(path, key), root);
      if (nameErrors.length > 0) errors.push({ path: join(path, key), message: 'is not an allowed key', level: path });
    }
    if (Object.hasOwn(properties, key)) errors.push(...validateAt(properties[key]!, item, join(path, key), root));
    else if (schema.additionalProperties !== undefined) {
      const extra = schema.additionalProperties as JsonSchema;
      if (extra === false) errors.push({ path: join(path, key), message: 'is not an allowed field', level: path });
      else errors.push(...validateAt(extra, item, join(path, key), root));
    }
  }
  return errors;
}

/**
 * anyOf: valid when one alternative is. Otherwise report the closest alternative of the value's
 * type (first error deepest, then fewest errors): it names the offending field. Failing that,
 * the schema's description.
 */
function validateAnyOf(
  schema: { readonly [keyword: string]: unknown },
  alternatives: JsonSchema[],
  value: unknown,
  path: string,
  root: JsonSchema,
): SchemaError[] {
  const depth = (errors: SchemaError[]): number => (errors[0]!.level ?? errors[0]!.path).length;
  let best: SchemaError[] | null = null;
  for (const alternative of alternatives) {
    const errors = validateAt(alternative, value, path, root);
    if (errors.length === 0) return [];
    const resolved = typeof alternative === 'object' && typeof alternative.$ref === 'string' ? resolveRef(root, alternative.$ref) : alternative;
    const type = typeof resolved === 'object' ? resolved.type : undefined;
    if (typeof type !== 'string' || !hasType(value, type)) continue;
    const closer = best === null || depth(errors) > depth(best) || (depth(errors) === depth(best) && errors.length < best.length);
    if (closer) best = errors;
  }
  if (best !== null && best[0]!.path.length > path.length) return best;
  const description = typeof schema.description === 'string' ? schema.description : 'one of the allowed forms';
  return [{ path, message: `must be ${description}` }];
}
