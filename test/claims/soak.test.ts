import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedRange } from '../../src/claims/soak.ts';
import { FIXTURES, runCli, runMain, tempDir } from '../cli/run-cli.ts';

/** The fixture claims' verdicts at any seed (the refutations are found and confirmed at every seed). */
const TOY_BASELINE = {
  'toy/square-nonnegative': 'holds',
  'toy/square-dominates': 'refuted',
  'toy/harmonic-bound': 'refuted',
  'toy/root-two': 'inconclusive',
  'toy/sum-example': 'reproduced',
  'toy/sum-typo': 'differs',
};

function withBaseline(baseline: Record<string, string>): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'verdicts.json'), JSON.stringify(baseline));
  return dir;
}

describe('seed ranges', () => {
  it('reads A..B, single seeds and lists, each seed once in the order given', () => {
    expect(parseSeedRange('1..4')).toEqual([1, 2, 3, 4]);
    expect(parseSeedRange('7')).toEqual([7]);
    expect(parseSeedRange('-2..0, 5,3..4,5')).toEqual([-2, -1, 0, 5, 3, 4]);
  });

  it('refuses empty, malformed and enormous ranges with a message', () => {
    expect(() => parseSeedRange('5..1')).toThrow(/5\.\.1 is empty/);
    expect(() => parseSeedRange('1...3')).toThrow(/expected A\.\.B/);
    expect(() => parseSeedRange('')).toThrow(/expected A\.\.B/);
    expect(() => parseSeedRange('1..1000000')).toThrow(/more than 10000 seeds/);
  });
});

describe('soak', () => {
  it('finds every refutation again from an empty store at each seed, and exits 0 when nothing changed', async () => {
    const dir = withBaseline(TOY_BASELINE);
    const r = await runMain(['soak', '--seeds', '3..4', '--workers', '1', '--quiet', ...FIXTURES], dir);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/^seed 3: no change .*\nseed 4: no change .*\nno verdict differs from verdicts\.json over 2 seeds \(6 claims\); wrote soak\/summary\.json\n$/);
    const summary = JSON.parse(readFileSync(join(dir, 'soak', 'summary.json'), 'utf8'));
    expect([summary.seeds, summary.changes, summary.perSeed.map((s: { verdicts: unknown }) => s.verdicts)]).toEqual([[3, 4], [], [TOY_BASELINE, TOY_BASELINE].map((b) => expect.objectContaining(b))]);
    // Each seed stored its own witnesses: the search found them, nothing was replayed.
    for (const seed of [3, 4]) expect(readdirSync(join(dir, 'soak', `seed-${seed}`, 'counterexamples', 'toy')).sort()).toEqual(['harmonic-bound', 'square-dominates']);
  });

  it('exits 1 and prints each change with its witness file', async () => {
    const dir = withBaseline({ ...TOY_BASELINE, 'toy/square-dominates': 'holds' });
    const r = await runMain(['soak', '--seeds', '2', '--workers', '1', '--quiet', ...FIXTURES], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/seed 2: 1 change/);
    expect(r.stdout).toMatch(/seed 2: toy\/square-dominates: holds → refuted \(exact\)  soak\/seed-2\/counterexamples\/toy\/square-dominates\/[0-9a-f]{12}\.json/);
    const summary = JSON.parse(readFileSync(join(dir, 'soak', 'summary.json'), 'utf8'));
    expect(summary.changes).toEqual([expect.objectContaining({ seed: 2, id: 'toy/square-dominates', baseline: 'holds', verdict: 'refuted' })]);
    expect(existsSync(join(dir, summary.changes[0].counterexample))).toBe(true);
  });

  it('joins shard reports as the scheduled workflow does: soak --shard, report --merge, soak --compare', () => {
    const dir = withBaseline(TOY_BASELINE);
    for (const shard of ['1/2', '2/2']) {
      const r = runCli(['soak', '--seeds', '5..6', '--shard', shard, '--out', `shard-${shard[0]}`, '--workers', '1', '--quiet', ...FIXTURES], dir);
      expect([r.status, r.stderr]).toEqual([0, '']);
    }
    for (const seed of [5, 6]) {
      const files = [1, 2].map((s) => `shard-${s}/seed-${seed}/report.json`);
      const merged = runCli(['report', '--merge', ...files, '--out', `merged/seed-${seed}`, ...FIXTURES], dir);
      expect([merged.status, merged.stderr]).toEqual([0, '']);
    }
    const compare = runCli(['soak', '--compare', 'merged/seed-5/report.json', 'merged/seed-6/report.json', '--out', 'merged', '--json'], dir);
    expect([compare.status, compare.stderr]).toEqual([0, '']);
    const summary = JSON.parse(compare.stdout);
    expect([summary.seeds, summary.claims, summary.changes]).toEqual([[5, 6], 6, []]);
    const shardOnly = runCli(['soak', '--compare', 'shard-1/seed-5/report.json'], dir);
    expect([shardOnly.status, shardOnly.stderr]).toEqual([2, expect.stringMatching(/is shard 1\/2 of a run; join the shards of each seed with report --merge first/)]);
  });

  it('refuses bad usage before running anything', async () => {
    const dir = withBaseline(TOY_BASELINE);
    const cases: [string[], RegExp][] = [
      [['soak', ...FIXTURES], /--seeds A\.\.B is required/],
      [['soak', '--seeds', '4..1', ...FIXTURES], /4\.\.1 is empty/],
      [['soak', '--seeds', '1', '--seed', '3', ...FIXTURES], /unknown option --seed/],
      [['soak', '--compare'], /--compare needs report\.json files/],
      [['soak', '--compare', '--seeds', '1', 'x.json'], /--seeds cannot be combined with it/],
      [['soak', '--seeds', '1', '--baseline', 'missing.json', ...FIXTURES], /missing\.json: no verdict baseline/],
    ];
    for (const [args, message] of cases) {
      const r = await runMain(args, dir);
      expect([args.join(' '), r.status, r.stdout]).toEqual([args.join(' '), 2, '']);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'soak'))).toBe(false);
  });
});
