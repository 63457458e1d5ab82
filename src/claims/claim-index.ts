import { existsSync, readFileSync } from 'node:fs';
import type { ClaimKind } from './claim.ts';
import { CLAIM_INDEX_FILE } from './paths.ts';

/** What `list` shows of a built-in claim, written at build time (dist/claims.json). */
export interface ClaimSummary {
  readonly id: string;
  readonly paper: string;
  readonly title: string;
  readonly statement: string;
  readonly kind: ClaimKind;
}

/** The built-in claims and the catalogue IDs without a module, in catalogue order. */
export interface ClaimIndex {
  readonly claims: readonly ClaimSummary[];
  readonly notImplemented: readonly string[];
}

/** The index written at build time, or null when running from the sources (then the modules are loaded). */
export function readClaimIndex(): ClaimIndex | null {
  if (!existsSync(CLAIM_INDEX_FILE)) return null;
  return JSON.parse(readFileSync(CLAIM_INDEX_FILE, 'utf8')) as ClaimIndex;
}
