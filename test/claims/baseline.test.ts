import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline, readBaseline, updateBaseline, writeBaseline } from '../../src/claims/baseline.ts';
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

  it('replaces the baseline after a complete run and merges after a partial one, in catalogue order', () => {
    const results = [{ id: 'a/two', verdict: 'holds' as const }];
    const order = ['b/three', 'a/two', 'a/one'];
    expect(updateBaseline(baseline, results, { complete: false, order })).toEqual({ 'b/three': 'reproduced', 'a/two': 'holds', 'a/one': 'holds' });
    expect(Object.keys(updateBaseline(baseline, results, { complete: false, order }))).toEqual(order);
    expect(updateBaseline(baseline, results, { complete: true, order })).toEqual({ 'a/two': 'holds' });
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
