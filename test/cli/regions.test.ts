import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { validateJson, type JsonSchema } from '../../src/claims/json-schema.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { multisetCount, multisets, orderings } from '../../src/cli/regions-data.ts';
import { REPO, runMain, tempDir } from './run-cli.ts';

const schema = JSON.parse(readFileSync(join(REPO, 'schemas/regions-output.schema.json'), 'utf8')) as JsonSchema;
const q = (x: string | number): Rational => Rational.parse(String(x));

interface Region {
  cells: number[];
  orderings: number;
  signs: string[];
  subglobalMinimum: { value: string; unique: boolean; rank: number; dimension: number; minimiser: string[] };
  genuine: boolean;
  point: { weights: string[][]; biases: string[] | null; outputWeights: string[]; outputBias: string | null } | null;
}
interface Output {
  bias: boolean;
  cells: { signs: string; weight: string[]; bias: string | null }[];
  regionCount: { ordered: string; unordered: number };
  genuineCount: number;
  leastSubglobalMinimum: string | null;
  leastGenuineMinimum: string | null;
  regions: Region[];
}

async function regions(dir: string, ...args: string[]): Promise<Output> {
  const r = await runMain(['regions', '--json', ...args], dir);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as unknown;
  expect(validateJson(schema, out)).toEqual([]);
  return out as Output;
}

const EXAMPLE = JSON.parse(readFileSync(join(REPO, 'examples/data.json'), 'utf8')) as { inputs: (number | string)[][]; targets: (number | string)[] };
const inputs = EXAMPLE.inputs.map((x) => x.map(q));
const targets = EXAMPLE.targets.map(q);

/** sign(w·x_i + b) for every point, as the output writes it. */
const signsOf = (w: readonly Rational[], b: Rational | null): string =>
  inputs.map((x) => x.reduce((s, v, k) => s.add(v.mul(w[k]!)), b ?? Rational.ZERO).sign()).map((s) => (s > 0 ? '+' : s < 0 ? '-' : '0')).join('');

/** The region's least-squares loss in float64 (SVD pseudo-inverse of ml-matrix): mean of squared residuals. */
function floatMinimum(region: Region, bias: boolean): number {
  const rows = inputs.map((x, i) => {
    const lifted = bias ? [...x.map((v) => v.toNumber()), 1] : x.map((v) => v.toNumber());
    const row = region.signs.flatMap((s) => lifted.map((v) => (s[i] === '+' ? v : 0)));
    return bias ? [...row, 1] : row;
  });
  const A = new Matrix(rows);
  const y = Matrix.columnVector(targets.map((t) => t.toNumber()));
  const fit = A.mmul(pseudoInverse(A).mmul(y));
  return targets.reduce((s, t, i) => s + (fit.get(i, 0) - t.toNumber()) ** 2, 0) / targets.length;
}

describe('regions', () => {
  it('counts multisets of cells and their orderings', () => {
    expect([...multisets(3, 2)]).toEqual([[0, 0], [0, 1], [0, 2], [1, 1], [1, 2], [2, 2]]);
    expect(multisetCount(3, 2)).toBe(6n);
    expect(multisetCount(14, 3)).toBe(560n);
    expect([orderings([0, 0, 1]), orderings([0, 1, 2]), orderings([4, 4, 4])]).toEqual([3n, 6n, 1n]);
  });

  for (const bias of [true, false]) {
    it(`enumerates the example's regions (${bias ? 'with' : 'without'} biases), each minimum checked independently`, async () => {
      const out = await regions(join(REPO, 'examples'), '--data', 'data.json', '--hidden', '2', bias ? '--bias' : '--no-bias');
      // cells: distinct, realised by their own interior point, and every sign vector found by sampling is among them
      expect(new Set(out.cells.map((c) => c.signs)).size).toBe(out.cells.length);
      for (const c of out.cells) expect(signsOf(c.weight.map(q), c.bias === null ? null : q(c.bias))).toBe(c.signs);
      const known = new Set(out.cells.map((c) => c.signs));
      for (let a = -6; a <= 6; a++) for (let b = -6; b <= 6; b++) for (let c = -6; c <= 6; c++) {
        const s = signsOf([q(a), q(b)], bias ? Rational.of(c, 2) : null);
        if (!s.includes('0')) expect(known.has(s), s).toBe(true);
      }
      // regions: every multiset once, orderings adding up to cells^K
      expect(out.regions.length).toBe(out.regionCount.unordered);
      expect(out.regions.reduce((s, r) => s + r.orderings, 0)).toBe(Number(out.regionCount.ordered));
      expect(Number(out.regionCount.ordered)).toBe(out.cells.length ** 2);
      for (const r of out.regions) {
        expect(Math.abs(q(r.subglobalMinimum.value).toNumber() - floatMinimum(r, bias))).toBeLessThan(1e-9);
        expect(r.subglobalMinimum.unique).toBe(r.subglobalMinimum.rank === r.subglobalMinimum.dimension);
        if (r.genuine) checkRealisation(r, bias);
        else expect(r.point).toBeNull();
      }
      expect(out.genuineCount).toBe(out.regions.filter((r) => r.genuine).length);
      const values = out.regions.map((r) => q(r.subglobalMinimum.value));
      expect(out.leastSubglobalMinimum).toBe(values.reduce((m, v) => (v.compare(m) < 0 ? v : m)).toString());
    });
  }

  it('--genuine keeps exactly the genuine regions', async () => {
    const dir = join(REPO, 'examples');
    const all = await regions(dir, '--data', 'data.json', '--hidden', '2');
    const genuine = await regions(dir, '--data', 'data.json', '--hidden', '2', '--genuine');
    expect(genuine.regions).toEqual(all.regions.filter((r) => r.genuine));
    expect(genuine.genuineCount).toBe(all.genuineCount);
    expect(all.genuineCount).toBeLessThan(all.regions.length); // the example has spurious (non-genuine) subglobal minima
  });

  it('treats a repeated point as one hyperplane: the same cells, each point counted in the loss', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ inputs: [[1], [2]], targets: [0, 1] }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ inputs: [[1], [2], [2]], targets: [0, 1, 1] }));
    const a = await regions(dir, '--data', 'a.json', '--hidden', '1');
    const b = await regions(dir, '--data', 'b.json', '--hidden', '1');
    expect(b.cells.map((c) => c.signs)).toEqual(a.cells.map((c) => `${c.signs}${c.signs[1]}`));
    // the unit inactive everywhere: f = c, the best constant is the mean target
    const dead = (o: Output): string => o.regions.find((r) => /^-+$/.test(r.signs[0]!))!.subglobalMinimum.value;
    expect([dead(a), dead(b)]).toEqual(['1/4', '2/9']); // (0, 1) around 1/2; (0, 1, 1) around 2/3
  });

  it('prints a readable table', async () => {
    const r = await runMain(['regions', '--data', 'data.json', '--hidden', '1', '--no-bias'], join(REPO, 'examples'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cells {5}8 cells of one unit's arrangement/m);
    expect(r.stdout).toMatch(/^ {2}c4\s+1\s+1\/29\s+yes\s+yes$/m);
    expect(r.stdout).toMatch(/^genuine {3}4 of 8 regions have a genuine subglobal minimum/m);
  });

  it('summarises many regions as the ten with the least subglobal minima, and lists them all with --all', async () => {
    const dir = join(REPO, 'examples');
    const summary = await runMain(['regions', '--data', 'data.json', '--hidden', '2'], dir);
    const all = await runMain(['regions', '--data', 'data.json', '--hidden', '2', '--all'], dir);
    const json = JSON.parse((await runMain(['regions', '--data', 'data.json', '--hidden', '2', '--json'], dir)).stdout) as Output;
    const rows = (text: string): string[] => text.split('\n').filter((l) => /^ {2}c\d+ c\d+ /.test(l));
    expect(json.regions.length).toBeGreaterThan(10);
    expect(rows(all.stdout)).toHaveLength(json.regions.length);
    expect(rows(summary.stdout)).toHaveLength(10);
    expect(summary.stdout).toMatch(new RegExp(`the 10 with the least subglobal minima \\(--all lists all ${json.regions.length}\\)`));
    // The ten shown are the least by exact value (ties in enumeration order), computed here from the JSON.
    const values = json.regions.map((r) => q(r.subglobalMinimum.value)).sort((a, b) => a.compare(b));
    const shown = rows(summary.stdout).map((l) => q(l.trim().split(/\s+/)[3]!));
    expect(shown.map(String)).toEqual(values.slice(0, 10).map(String));
  });
});

/** A genuine region's point: its units have the region's signs and its loss is the subglobal minimum. */
function checkRealisation(r: Region, bias: boolean): void {
  const p = r.point!;
  const w = p.weights.map((row) => row.map(q));
  const b = p.biases?.map(q) ?? null;
  r.signs.forEach((signs, j) => {
    const actual = signsOf(w[j]!, b === null ? null : b[j]!);
    expect(actual).toBe(signs);
  });
  let loss = Rational.ZERO;
  inputs.forEach((x, i) => {
    let f = p.outputBias === null ? Rational.ZERO : q(p.outputBias);
    w.forEach((wj, j) => {
      const z = x.reduce((s, v, k) => s.add(v.mul(wj[k]!)), b === null ? Rational.ZERO : b[j]!);
      if (z.sign() > 0) f = f.add(q(p.outputWeights[j]!).mul(z));
    });
    loss = loss.add(f.sub(targets[i]!).mul(f.sub(targets[i]!)));
  });
  expect(loss.div(Rational.fromInt(inputs.length)).toString()).toBe(r.subglobalMinimum.value);
  expect(bias).toBe(p.biases !== null);
}
