import type { Claim } from './claim.ts';
import { InputError } from './errors.ts';
import type { Registry } from './registry.ts';
import { papersOf } from './registry.ts';
import type { Shard } from './shard.ts';
import { applyShard } from './shard.ts';

/** Which claims a run checks: by ID, by paper, then a shard of what remains (all when empty). */
export interface Selection {
  readonly ids?: readonly string[];
  readonly paper?: string;
  readonly shard?: Shard;
}

/** The selected claims in catalogue order; an unknown ID or paper is an InputError. */
export function selectClaims(registry: Registry, selection: Selection): Claim[] {
  const ids = selection.ids ?? [];
  for (const id of ids) {
    if (registry.find(id) !== undefined) continue;
    if (registry.notImplemented.includes(id)) throw new InputError(`--claim ${id}: in the catalogue but not implemented yet`);
    throw new InputError(`--claim ${id}: no such claim (see 'landscape-check list')`);
  }
  if (selection.paper !== undefined && !papersOf(registry).includes(selection.paper)) {
    const known = papersOf(registry);
    throw new InputError(`--paper ${selection.paper}: no such paper${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`);
  }
  let claims = registry.claims.filter(
    (c) => (ids.length === 0 || ids.includes(c.id)) && (selection.paper === undefined || c.paper === selection.paper),
  );
  if (selection.shard !== undefined) claims = applyShard(claims, selection.shard);
  return claims;
}
