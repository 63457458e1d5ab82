import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/claims/catalogue.ts';
import { defaultCatalogueFile, PACKAGE_ROOT, PROPERTIES_DIR } from '../../src/claims/paths.ts';
import type { Registry } from '../../src/claims/registry.ts';
import { buildRegistry, loadClaimModules } from '../../src/claims/registry.ts';
import { replayCounterexample } from '../../src/claims/runner.ts';
import { CounterexampleStore } from '../../src/claims/store.ts';

/**
 * Every stored counterexample must still refute its claim with the real registry (properties/):
 * one test per file, so a witness that stopped failing is named in the test output.
 */
const STORE_ROOT = join(PACKAGE_ROOT, 'counterexamples');
const store = new CounterexampleStore(STORE_ROOT, PACKAGE_ROOT);
const files = store.list();

/** Independent of the store: every .json file under counterexamples/ except the schema. */
function jsonFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFilesUnder(path);
    return name.endsWith('.json') && relative(STORE_ROOT, path) !== 'schema.json' ? [path] : [];
  });
}

let registry: Promise<Registry> | undefined;
function loadRegistry(): Promise<Registry> {
  registry ??= (async () => {
    const catalogueFile = defaultCatalogueFile();
    const catalogue = catalogueFile === null ? null : loadCatalogue(catalogueFile);
    return buildRegistry(await loadClaimModules([PROPERTIES_DIR]), catalogue, { requireCatalogued: true });
  })();
  return registry;
}

describe('stored counterexamples', () => {
  it(`scanned the whole store (${files.length} file${files.length === 1 ? '' : 's'})`, async () => {
    expect(statSync(STORE_ROOT).isDirectory()).toBe(true);
    expect(files.sort()).toEqual(jsonFilesUnder(STORE_ROOT).sort());
  });

  for (const file of files) {
    const name = store.display(file);
    it(`${name} still refutes its claim`, async () => {
      const stored = store.read(file);
      const claim = (await loadRegistry()).find(stored.record.claim);
      expect(claim, `${name}: claim ${stored.record.claim} is not in properties/`).toBeDefined();
      const replay = await replayCounterexample(claim!, stored);
      expect(replay.stillRefutes ? 'still refutes' : `NO LONGER REFUTES: ${replay.reason}`).toBe('still refutes');
      // The file says how the refutation was certified and confirmed, and the second route still agrees.
      expect(stored.record.certificate, `${name}: no certificate (replay --refresh)`).toBeDefined();
      expect(stored.record.confirmation?.status, `${name}: no confirmation (replay --refresh)`).toBe('confirmed');
      if (replay.stillRefutes) expect(replay.result.confirmation?.route).toBe(stored.record.confirmation?.route);
    });
  }
});
