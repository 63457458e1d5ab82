import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the code runs from: the package itself (TypeScript through tsx), or dist/ (the JavaScript
 * compiled at install, which mirrors src/ and properties/).
 */
export const CODE_ROOT: string = resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** The package's own folder (package.json, CLAIMS.md, counterexamples/, schemas/): the nearest folder up with a package.json. */
export const PACKAGE_ROOT: string = packageRootAbove(CODE_ROOT);

function packageRootAbove(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return d;
    if (dirname(d) === d) return dir;
  }
}

/** The built-in claim modules, one per catalogue claim (compiled beside the code when it runs from dist/). */
export const PROPERTIES_DIR: string = join(CODE_ROOT, 'properties');

/** The built-in claims' ids, titles and statements, written at build time so that `list` need not load every module. */
export const CLAIM_INDEX_FILE: string = join(CODE_ROOT, 'claims.json');

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
