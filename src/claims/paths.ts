import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder (where package.json, properties/ and counterexamples/schema.json live). */
export const PACKAGE_ROOT: string = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The built-in claim modules, one per catalogue claim. */
export const PROPERTIES_DIR: string = join(PACKAGE_ROOT, 'properties');

/** The JSON Schema of counterexample files. */
export const COUNTEREXAMPLE_SCHEMA_FILE: string = join(PACKAGE_ROOT, 'counterexamples', 'schema.json');

let version: string | undefined;

/** The library version recorded in every counterexample file. */
export function libraryVersion(): string {
  if (version === undefined) {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  }
  return version;
}

/** The claim catalogue the package carries (CLAIMS.md at its root); null when absent. */
export function defaultCatalogueFile(): string | null {
  const file = join(PACKAGE_ROOT, 'CLAIMS.md');
  return existsSync(file) ? file : null;
}
