import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, mergeIntoBaselineFile, readBaseline, updateBaseline, writeBaseline } from '../../src/claims/baseline.ts';
import { tempDir } from '../cli/run-cli.ts';

describe('verdict baseline', () => {
  const baseline = { 'a/one': 'holds', 'a/two': 'refuted', 'b/three': 'reproduced' } as const;

  it('lists every verdict that changed, and new claims with no previous verdict', () => {
    const results = [
      { id: 'a/one', verdict: 'holds' as const },
      { id: 'a/two', verdict: 'inconclusive' as const },
      { id: 'c/new', verdict: 'holds' as const },
    ];
    expect(compareWithBaseline(results, baseline)).toEqual([
      { id: 'a/two', before: 'refuted', after: 'inconclusive' },
      { id: 'c/new', before: null, after: 'holds' },
    ]);
  });

  it('merges a partial run, and lets a complete run drop only its own papers\' entries, in catalogue order', () => {
    const results = [{ id: 'a/two', verdict: 'holds' as const }];
    const order = ['b/three', 'a/two', 'a/one'];
    expect(updateBaseline(baseline, results, { complete: false, order })).toEqual({ 'b/three': 'reproduced', 'a/two': 'holds', 'a/one': 'holds' });
    expect(Object.keys(updateBaseline(baseline, results, { complete: false, order }))).toEqual(order);
    // a/one is gone from a complete run of paper a; paper b (say, the catalogue beside a user's claims) is kept.
    expect(updateBaseline(baseline, results, { complete: true, order })).toEqual({ 'b/three': 'reproduced', 'a/two': 'holds' });
  });

  it('keeps both runs\' verdicts when two updates overlap, and takes over the lock of a run that was killed', async () => {
    const dir = tempDir();
    const file = join(dir, 'verdicts.json');
    writeBaseline(file, baseline);
    const order = ['a/one', 'a/two', 'b/three', 'c/four'];
    await Promise.all([
      mergeIntoBaselineFile(file, 'verdicts.json', [{ id: 'a/two', verdict: 'holds' }], { complete: false, order }),
      mergeIntoBaselineFile(file, 'verdicts.json', [{ id: 'c/four', verdict: 'refuted' }], { complete: false, order }),
    ]);
    expect(readBaseline(file)).toEqual({ 'a/one': 'holds', 'a/two': 'holds', 'b/three': 'reproduced', 'c/four': 'refuted' });
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(`${file}.lock`, `${dead}\n`);
    await mergeIntoBaselineFile(file, 'verdicts.json', [{ id: 'a/one', verdict: 'refuted' }], { complete: false, order });
    expect(readBaseline(file)['a/one']).toBe('refuted');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('round-trips through its file and names the field of a bad entry', () => {
    const dir = tempDir();
    const file = join(dir, 'verdicts.json');
    writeBaseline(file, baseline);
    expect(readBaseline(file)).toEqual(baseline);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"refuted"', '"false"'));
    expect(() => readBaseline(file, 'verdicts.json')).toThrow('verdicts.json: field "a/two" must be one of holds, refuted, inconclusive, reproduced, differs, got "false"');
    expect(() => readBaseline(join(dir, 'none.json'), 'none.json')).toThrow(/none\.json: no verdict baseline/);
  });
});
