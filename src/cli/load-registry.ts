import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Catalogue } from '../claims/catalogue.ts';
import { loadCatalogue } from '../claims/catalogue.ts';
import type { IsolationLimits } from '../claims/claim-sandbox.ts';
import { DEFAULT_ISOLATION } from '../claims/claim-sandbox.ts';
import { defaultCatalogueFile, PROPERTIES_DIR } from '../claims/paths.ts';
import type { Registry } from '../claims/registry.ts';
import { buildRegistry, loadClaimModules } from '../claims/registry.ts';

/**
 * The claims a command works on: the built-in catalogue (properties/, ordered by CLAIMS.md), or
 * with --claims the user's modules (ordered by --catalogue when given, else by ID). User modules
 * are loaded in a worker thread first and their checks run only in worker threads, under
 * `isolation` (by default a 30 s load limit and a 2048 MB heap).
 */
export async function loadRegistryFor(
  cwd: string,
  claimPaths: readonly string[],
  catalogueFile?: string,
  isolation: IsolationLimits = DEFAULT_ISOLATION,
): Promise<Registry> {
  const user = claimPaths.length > 0;
  let catalogue: Catalogue | null = null;
  if (catalogueFile !== undefined) catalogue = loadCatalogue(resolve(cwd, catalogueFile));
  else if (!user) {
    const file = defaultCatalogueFile();
    catalogue = file === null ? null : loadCatalogue(file);
  }
  const paths = user ? claimPaths : existsSync(PROPERTIES_DIR) ? [PROPERTIES_DIR] : [];
  const registered = await loadClaimModules(paths, user ? { isolation } : {});
  return buildRegistry(registered, catalogue, { requireCatalogued: !user, ...(user ? { isolation } : {}) });
}
