import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterexampleSchema } from '../../src/claims/counterexample-file.ts';
import { validateJson } from '../../src/claims/json-schema.ts';
import { libraryVersion } from '../../src/claims/paths.ts';
import { runClaim } from '../../src/claims/runner.ts';
import { shortHash } from '../../src/claims/seed.ts';
import { CounterexampleStore } from '../../src/claims/store.ts';
import harmonicBound from '../fixtures/claims/toy/harmonic-bound.ts';
import squareNonnegative from '../fixtures/claims/toy/square-nonnegative.ts';
import { tempDir } from '../cli/run-cli.ts';

function freshStore(): { dir: string; store: CounterexampleStore } {
  const dir = tempDir();
  return { dir, store: new CounterexampleStore(join(dir, 'counterexamples'), dir) };
}

describe('counterexample store', () => {
  it('writes a refutation once, at <paper>/<claim>/<hash of check and instance>.json, valid against the schema', async () => {
    const { dir, store } = freshStore();
    const r = await runClaim(harmonicBound, { runs: 100, seed: 3, store });
    const name = shortHash(`H_n < 3\n${JSON.stringify({ n: 11 })}`);
    expect(r.counterexample).toBe(`counterexamples/toy/harmonic-bound/${name}.json`);
    const data = JSON.parse(readFileSync(join(dir, r.counterexample!), 'utf8'));
    expect(validateJson(counterexampleSchema(), data)).toEqual([]);
    expect(data).toMatchObject({
      claim: 'toy/harmonic-bound',
      verdict: 'refuted',
      check: 'H_n < 3',
      basis: 'exact',
      instance: { n: 11 },
      witness: { n: 11, H_n: '83711/27720' },
      version: libraryVersion(),
    });
    expect(data.seed).toBe(r.detail.checks[0]!.seed);
    expect(data.path).toMatch(/^\d+(:\d+)*$/);
    // a second search with another seed shrinks to the same witness: still one file, no temporary left
    const again = await runClaim(harmonicBound, { runs: 100, seed: 4, store: new CounterexampleStore(store.root, dir), writeStore: true });
    expect(again.counterexample).toBe(r.counterexample);
    expect(readdirSync(join(dir, 'counterexamples/toy/harmonic-bound'))).toEqual([`${name}.json`]);
  });

  it('replays stored counterexamples first: a claim refuted by one is not searched again', async () => {
    const { store } = freshStore();
    await runClaim(harmonicBound, { runs: 100, seed: 3, store });
    const replayed = await runClaim(harmonicBound, { runs: 100, seed: 99, store });
    expect(replayed.verdict).toBe('refuted');
    expect(replayed.runs).toBe(1);
    expect(replayed.detail.checks).toHaveLength(1);
    expect(replayed.detail.checks[0]!.replayed).toBe(true);
    expect(replayed.detail.summary).toMatch(/still refutes/);
  });

  it('reports loudly a stored counterexample that no longer refutes, then searches', async () => {
    const { dir, store } = freshStore();
    const claimDir = join(store.root, 'toy', 'square-nonnegative');
    mkdirSync(claimDir, { recursive: true });
    const record = { claim: 'toy/square-nonnegative', verdict: 'refuted', check: 'x² ≥ 0', basis: 'exact', instance: '-1/2', witness: {}, seed: 1, path: '0', version: '0.0.1' };
    writeFileSync(join(claimDir, 'old.json'), JSON.stringify(record));
    const events: string[] = [];
    const r = await runClaim(squareNonnegative, { runs: 20, seed: 1, store, onProgress: (e) => e.type === 'stale-counterexample' && events.push(e.file) });
    expect(r.verdict).toBe('holds');
    expect(r.detail.staleCounterexamples).toEqual(['counterexamples/toy/square-nonnegative/old.json']);
    expect(r.detail.summary).toMatch(/^STORED COUNTEREXAMPLE NO LONGER REFUTES/);
    expect(events).toEqual(['counterexamples/toy/square-nonnegative/old.json']);
    expect(readdirSync(claimDir)).toEqual(['old.json']);
    void dir;
  });

  it('keeps the first provenance of a witness found again', async () => {
    const { dir, store } = freshStore();
    const record = { claim: 'toy/harmonic-bound', verdict: 'refuted', check: 'H_n < 3', basis: 'exact', instance: { n: 11 }, witness: {}, certificate: { kind: 'exact' }, confirmation: { status: 'confirmed', route: 'by hand' }, path: '0', version: '0.1.0' } as const;
    const first = store.write({ ...record, seed: 1 });
    const second = store.write({ ...record, seed: 2 });
    expect(second.file).toBe(first.file);
    expect(JSON.parse(readFileSync(first.file, 'utf8')).seed).toBe(1);
    expect(readdirSync(join(dir, 'counterexamples/toy/harmonic-bound'))).toHaveLength(1);
  });

  it('does not write with writeStore false', async () => {
    const { dir, store } = freshStore();
    const r = await runClaim(harmonicBound, { runs: 100, seed: 3, store, writeStore: false });
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists every stored file and rejects anything else found in the store', async () => {
    const { store } = freshStore();
    await runClaim(harmonicBound, { runs: 100, seed: 3, store });
    writeFileSync(join(store.root, 'schema.json'), '{}');
    expect(store.list().map((f) => store.display(f))).toEqual([expect.stringMatching(/^counterexamples\/toy\/harmonic-bound\/[0-9a-f]{12}\.json$/)]);
    writeFileSync(join(store.root, 'toy', 'stray.json'), '{}');
    expect(() => store.list()).toThrow(/counterexamples\/toy\/stray\.json: unexpected file/);
  });

  it('rejects a file whose claim does not match its folder', async () => {
    const { store } = freshStore();
    const r = await runClaim(harmonicBound, { runs: 100, seed: 3, store });
    const file = join(store.root, '..', r.counterexample!);
    const moved = join(store.root, 'toy', 'square-nonnegative');
    mkdirSync(moved, { recursive: true });
    writeFileSync(join(moved, 'x.json'), readFileSync(file));
    expect(() => store.read(join(moved, 'x.json'))).toThrow(/field "claim" is "toy\/harmonic-bound" but the file is stored under toy\/square-nonnegative/);
  });
});
