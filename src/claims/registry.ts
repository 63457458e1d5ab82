import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalogue } from './catalogue.ts';
import { paperOf } from './catalogue.ts';
import type { Claim } from './claim.ts';
import { isClaim } from './claim.ts';
import type { IsolationLimits } from './claim-sandbox.ts';
import { displayModule, probeClaimModules } from './claim-sandbox.ts';
import { InputError, messageOf } from './errors.ts';

/** A claim and the module it came from. */
export interface RegisteredClaim {
  readonly claim: Claim;
  readonly source: string;
}

/** The claims available to a run, in catalogue order, with the catalogue IDs not implemented yet. */
export interface Registry {
  readonly claims: readonly Claim[];
  readonly catalogue: Catalogue | null;
  /** Catalogue IDs without a claim module (report rows "not implemented"). */
  readonly notImplemented: readonly string[];
  find(id: string): Claim | undefined;
  sourceOf(id: string): string | undefined;
  /** Set for user claims (--claims): their checks run only in worker threads under these limits. */
  readonly isolation?: IsolationLimits | null;
}

const MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'];

function isClaimModule(name: string): boolean {
  return (
    MODULE_EXTENSIONS.some((ext) => name.endsWith(ext)) &&
    !name.endsWith('.d.ts') &&
    !name.includes('.test.') &&
    !name.startsWith('_') && // helper modules shared by claims
    !name.startsWith('.')
  );
}

const display = displayModule;

/** The claim modules under a path: the file itself, or every module in the folder and its subfolders. */
export function claimModuleFiles(path: string): string[] {
  const abs = resolve(path);
  if (!existsSync(abs)) throw new InputError(`--claims ${path}: no such file or folder`);
  if (!statSync(abs).isDirectory()) {
    if (!MODULE_EXTENSIONS.some((ext) => abs.endsWith(ext))) {
      throw new InputError(`--claims ${path}: expected a .ts, .mts, .js or .mjs module or a folder`);
    }
    return [abs];
  }
  const files: string[] = [];
  for (const name of readdirSync(abs).sort()) {
    const child = join(abs, name);
    if (statSync(child).isDirectory()) {
      if (!name.startsWith('.') && !name.startsWith('_') && name !== 'node_modules') files.push(...claimModuleFiles(child));
    } else if (isClaimModule(name)) files.push(child);
  }
  return files;
}

/** The claims a module exports: its default export and named exports (claims or arrays of claims). */
export function claimsOfModule(module: Record<string, unknown>, file: string): Claim[] {
  const found: Claim[] = [];
  for (const value of Object.values(module)) {
    const candidates = Array.isArray(value) ? value : [value];
    for (const candidate of candidates) if (isClaim(candidate) && !found.includes(candidate)) found.push(candidate);
  }
  if (found.length === 0) {
    throw new InputError(
      `${display(file)}: exports no claim (export default theorem({...}) or example({...}); helper modules are named _*.ts)`,
    );
  }
  return found;
}

export interface LoadOptions {
  /**
   * User modules: import them first in a worker thread under these limits (a module that hangs,
   * exits, never settles, rejects unhandled or runs out of memory is refused, naming it), and only
   * then in this thread.
   */
  readonly isolation?: IsolationLimits;
}

/** Imports the claim modules under the given paths, in a deterministic order. */
export async function loadClaimModules(paths: readonly string[], options: LoadOptions = {}): Promise<RegisteredClaim[]> {
  const files = paths.flatMap((path) => claimModuleFiles(path));
  if (options.isolation !== undefined) await probeClaimModules(files, options.isolation);
  const registered: RegisteredClaim[] = [];
  for (const file of files) {
    let module: Record<string, unknown>;
    try {
      module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (error) {
      throw new InputError(`${display(file)}: cannot load claims (${oneLine(messageOf(error))})`);
    }
    for (const claim of claimsOfModule(module, file)) registered.push({ claim, source: file });
  }
  return registered;
}

export interface RegistryOptions {
  /** Require every ID to be in the catalogue (the built-in claims); user claims are free. */
  readonly requireCatalogued?: boolean;
  /** User claims: the limits their checks run under (in worker threads only). */
  readonly isolation?: IsolationLimits;
}

/** Orders claims by the catalogue (others after, by ID) and rejects duplicate or unknown IDs. */
export function buildRegistry(
  registered: readonly RegisteredClaim[],
  catalogue: Catalogue | null,
  options: RegistryOptions = {},
): Registry {
  const byId = new Map<string, RegisteredClaim>();
  for (const entry of registered) {
    const previous = byId.get(entry.claim.id);
    if (previous !== undefined) {
      throw new InputError(
        `claim ${entry.claim.id} is defined twice: in ${display(previous.source)} and in ${display(entry.source)}`,
      );
    }
    if (options.requireCatalogued && catalogue !== null && !catalogue.ids.includes(entry.claim.id)) {
      throw new InputError(`${display(entry.source)}: claim id ${entry.claim.id} is not in the catalogue ${basename(catalogue.file)}`);
    }
    byId.set(entry.claim.id, entry);
  }
  const catalogueIds = catalogue?.ids ?? [];
  const ordered = [
    ...catalogueIds.filter((id) => byId.has(id)),
    ...[...byId.keys()].filter((id) => !catalogueIds.includes(id)).sort(),
  ];
  const claims = ordered.map((id) => byId.get(id)!.claim);
  return {
    claims,
    catalogue,
    notImplemented: catalogueIds.filter((id) => !byId.has(id)),
    find: (id) => byId.get(id)?.claim,
    sourceOf: (id) => byId.get(id)?.source,
    isolation: options.isolation ?? null,
  };
}

/** The papers a registry knows: from the catalogue, then from the claims. */
export function papersOf(registry: Registry): string[] {
  const papers: string[] = [];
  for (const id of [...(registry.catalogue?.ids ?? []), ...registry.claims.map((c) => c.id)]) {
    const paper = paperOf(id);
    if (!papers.includes(paper)) papers.push(paper);
  }
  return papers;
}

/** A loader's message on one line (a transform error spans several, with terminal colours). */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' ');
}
