import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_ID } from '../claims/claim.ts';
import type { Claim } from '../claims/claim.ts';
import type { IsolationLimits } from '../claims/claim-sandbox.ts';
import { DEFAULT_ISOLATION } from '../claims/claim-sandbox.ts';
import { InputError } from '../claims/errors.ts';
import { loadCatalogue } from '../claims/catalogue.ts';
import { defaultCatalogueFile, PROPERTIES_DIR } from '../claims/paths.ts';
import { loadClaimModules } from '../claims/registry.ts';
import { loadRegistryFor } from './load-registry.ts';

/**
 * The built-in module that by the catalogue convention holds a claim: properties/<paper>/<claim>.ts
 * (or .js, compiled), or null when there is no such file.
 */
export function conventionalClaimModule(id: string): string | null {
  const m = CLAIM_ID.exec(id);
  if (m === null) return null;
  // .ts from the sources, .js from dist/.
  const files = ['ts', 'js'].map((extension) => join(PROPERTIES_DIR, m[1]!, `${m[2]!}.${extension}`));
  return files.find((file) => existsSync(file)) ?? null;
}

/**
 * One claim for a command that needs only it (reproduce). With the built-in catalogue, the
 * claim's own module is loaded alone when it follows the convention and defines the claim (loading
 * every claim module costs more than most reproductions); otherwise, and for user claims, the
 * whole registry is loaded as for any command. Throws an InputError when the claim does not exist.
 */
export async function loadClaimFor(
  cwd: string,
  id: string,
  claimPaths: readonly string[],
  catalogueFile: string | undefined,
  command: string,
  isolation: IsolationLimits = DEFAULT_ISOLATION,
): Promise<Claim> {
  if (claimPaths.length === 0 && catalogueFile === undefined) {
    const file = conventionalClaimModule(id);
    const catalogued = defaultCatalogueFile();
    // The full registry also rejects claims missing from the catalogue: so does the shortcut.
    if (file !== null && catalogued !== null && loadCatalogue(catalogued).ids.includes(id)) {
      const own = (await loadClaimModules([file])).find((entry) => entry.claim.id === id);
      if (own !== undefined) return own.claim;
    }
  }
  const registry = await loadRegistryFor(cwd, claimPaths, catalogueFile, isolation);
  const claim = registry.find(id);
  if (claim === undefined) {
    const why = registry.notImplemented.includes(id) ? 'in the catalogue but not implemented yet' : "no such claim (see 'landscape-check list')";
    throw new InputError(`${command} ${id}: ${why}`);
  }
  return claim;
}
