import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, parseCatalogue } from '../../src/claims/catalogue.ts';
import { defaultCatalogueFile } from '../../src/claims/paths.ts';
import { buildRegistry, loadClaimModules } from '../../src/claims/registry.ts';
import { selectClaims } from '../../src/claims/selection.ts';
import { applyShard, parseShard } from '../../src/claims/shard.ts';
import { FIXTURE_CATALOGUE, FIXTURE_CLAIMS, REPO, tempDir } from '../cli/run-cli.ts';

describe('catalogue', () => {
  it('reads the IDs of CLAIMS.md in table order', () => {
    const file = defaultCatalogueFile();
    expect(file).not.toBeNull();
    const markdown = readFileSync(file!, 'utf8');
    const ids = parseCatalogue(markdown);
    // independent count: table rows whose first cell starts with a paper key and a slash
    const rows = markdown.split('\n').filter((l) => /^\| [a-z]+\/[^ |]+ \|/.test(l));
    expect(ids).toHaveLength(rows.length);
    expect(ids[0]).toBe('decomposition/eq-4');
    expect(ids).toContain('milne/theorem-3-qi');
    expect(ids).toContain('decomposition/sec-3.1');
    expect(ids.indexOf('liu/eq-2')).toBeLessThan(ids.indexOf('milne/lemma-1'));
  });

  it('parses a small table and ignores other rows', () => {
    const md = '| ID | x |\n|---|---|\n| a/one | s |\n| not an id | s |\n| b/two-2.1 | s |\n| a/one | again |\n';
    expect(parseCatalogue(md)).toEqual(['a/one', 'b/two-2.1']);
  });
});

describe('registry', () => {
  it('loads the fixture modules in catalogue order, with the missing IDs as not implemented', async () => {
    const registry = buildRegistry(await loadClaimModules([FIXTURE_CLAIMS]), loadCatalogue(FIXTURE_CATALOGUE));
    expect(registry.claims.map((c) => c.id)).toEqual([
      'toy/square-nonnegative',
      'toy/square-dominates',
      'toy/harmonic-bound',
      'toy/root-two',
      'toy/sum-example',
      'toy/sum-typo',
    ]);
    expect(registry.notImplemented).toEqual(['toy/not-yet']);
    expect(registry.sourceOf('toy/root-two')).toBe(join(FIXTURE_CLAIMS, 'toy', 'root-two.ts'));
  });

  it('rejects duplicate IDs, IDs outside the catalogue and modules without claims, naming the files', async () => {
    const dir = tempDir();
    const claimsIndex = join(REPO, 'src', 'claims', 'index.ts');
    const module = (id: string): string =>
      `import fc from 'fast-check';\nimport { theorem, forAll, pass } from ${JSON.stringify(claimsIndex)};\n` +
      `export default theorem({ id: '${id}', paper: 'toy', title: 't', statement: 's', checks: [forAll({ name: 'c', basis: 'exact', arbitrary: fc.nat(), check: () => pass() })] });\n`;
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'one.ts'), module('toy/square-nonnegative'));
    writeFileSync(join(dir, 'a', 'two.ts'), module('toy/square-nonnegative'));
    writeFileSync(join(dir, 'a', '_helper.ts'), 'export const x = 1;\n');
    const twice = await loadClaimModules([dir]);
    expect(twice).toHaveLength(2);
    expect(() => buildRegistry(twice, null)).toThrow(/claim toy\/square-nonnegative is defined twice: in .*one\.ts and in .*two\.ts/);
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'one.ts'), module('toy/square-nonnegative'));
    writeFileSync(join(dir, 'b', 'two.ts'), module('toy/unlisted'));
    const unlisted = await loadClaimModules([join(dir, 'b')]);
    expect(() => buildRegistry(unlisted, loadCatalogue(FIXTURE_CATALOGUE), { requireCatalogued: true })).toThrow(
      /two\.ts: claim id toy\/unlisted is not in the catalogue CLAIMS\.md/,
    );
    expect(buildRegistry(unlisted, loadCatalogue(FIXTURE_CATALOGUE)).claims.map((c) => c.id)).toEqual(['toy/square-nonnegative', 'toy/unlisted']);
    writeFileSync(join(dir, 'b', 'three.ts'), 'export const notAClaim = 3;\n');
    await expect(loadClaimModules([join(dir, 'b')])).rejects.toThrow(/three\.ts: exports no claim/);
    await expect(loadClaimModules([join(dir, 'missing')])).rejects.toThrow(/no such file or folder/);
    expect(existsSync(join(dir, 'a', '_helper.ts'))).toBe(true);
  });
});

describe('selection and shards', () => {
  it('shards partition any list: disjoint, covering, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (items, n) => {
        const shards = Array.from({ length: n }, (_, i) => applyShard(items.map((v, k) => [k, v] as const), { index: i + 1, count: n }));
        const positions = shards.flat().map(([k]) => k).sort((a, b) => a - b);
        expect(positions).toEqual(items.map((_, k) => k));
        for (const shard of shards) expect(shard.map(([k]) => k)).toEqual([...shard.map(([k]) => k)].sort((a, b) => a - b));
      }),
      { numRuns: 50 },
    );
  });

  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('selects by ID and paper and names unknown ones', async () => {
    const registry = buildRegistry(await loadClaimModules([FIXTURE_CLAIMS]), loadCatalogue(FIXTURE_CATALOGUE));
    expect(selectClaims(registry, { ids: ['toy/sum-typo', 'toy/root-two'] }).map((c) => c.id)).toEqual(['toy/root-two', 'toy/sum-typo']);
    expect(selectClaims(registry, { paper: 'toy', shard: { index: 2, count: 4 } }).map((c) => c.id)).toEqual(['toy/square-dominates', 'toy/sum-typo']);
    expect(() => selectClaims(registry, { ids: ['toy/nope'] })).toThrow(/--claim toy\/nope: no such claim/);
    expect(() => selectClaims(registry, { ids: ['toy/not-yet'] })).toThrow(/not implemented yet/);
    expect(() => selectClaims(registry, { paper: 'nope' })).toThrow(/--paper nope: no such paper \(known: toy\)/);
  });
});
