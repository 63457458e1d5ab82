import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../src/claims/baseline.ts';
import { loadCatalogue } from '../src/claims/catalogue.ts';
import { defaultCatalogueFile, PACKAGE_ROOT, PROPERTIES_DIR } from '../src/claims/paths.ts';
import { buildRegistry, loadClaimModules } from '../src/claims/registry.ts';
import { runClaim } from '../src/claims/runner.ts';
import { CounterexampleStore } from '../src/claims/store.ts';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../src/cli/prepare-run.ts';

/**
 * The CI gate inside `npm test`: every implemented claim is checked at the default budget and seed
 * (the budget `check --update-baseline` records) with the stored counterexamples replayed first,
 * and its verdict must equal the committed baseline verdicts.json.
 */
const catalogueFile = defaultCatalogueFile();
const catalogue = catalogueFile === null ? null : loadCatalogue(catalogueFile);
const registry = buildRegistry(await loadClaimModules([PROPERTIES_DIR]), catalogue, { requireCatalogued: true });
const baseline = readBaseline(join(PACKAGE_ROOT, 'verdicts.json'));
const store = new CounterexampleStore(join(PACKAGE_ROOT, 'counterexamples'), PACKAGE_ROOT);

describe('every way a catalogue claim can refute has a second route', () => {
  for (const claim of registry.claims) {
    // A reproduction that matches the paper needs none: a difference without one shows as inconclusive.
    it(`${claim.id}: every property check${baseline[claim.id] === 'differs' ? ' and reproduction' : ''} declares confirm (or why it cannot fail)`, () => {
      const needs = claim.checks.filter((check) => check.kind === 'property' || baseline[claim.id] === 'differs');
      const undeclared = needs.filter((check) => check.confirm === undefined && (check.kind !== 'property' || check.cannotFail === undefined));
      expect(undeclared.map((check) => check.name)).toEqual([]);
    });
  }
});

describe('catalogue at CI budget against verdicts.json', () => {
  it('the baseline names exactly the implemented claims', async () => {
    expect(Object.keys(baseline).sort()).toEqual(registry.claims.map((c) => c.id).sort());
  });

  for (const claim of registry.claims) {
    it(`${claim.id} is ${baseline[claim.id] ?? '(not in the baseline)'}`, async () => {
      const result = await runClaim(claim, { runs: DEFAULT_RUNS, seed: DEFAULT_SEED, store, writeStore: false });
      expect(result.verdict, result.detail.summary).toBe(baseline[claim.id]);
    });
  }
});
