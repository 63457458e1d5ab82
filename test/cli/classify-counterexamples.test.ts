// `classify` on the instance of every stored counterexample whose instance is a feed-forward network
// with a dataset: the stored shapes are turned into a network file and a data file and classified.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateJson, type JsonSchema } from '../../src/claims/json-schema.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { REPO, runMain, tempDir } from './run-cli.ts';

const STORE = join(REPO, 'counterexamples');
const schema = JSON.parse(readFileSync(join(REPO, 'schemas/classify-output.schema.json'), 'utf8')) as JsonSchema;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Rows = string[][];

/** A network file, a data file, and each layer's two slopes (s−, s+) at 0 for the direct check below. */
interface Problem {
  readonly net: Json;
  readonly data: Json;
  readonly layers: { weights: Rows; bias?: string[] | null; slopes: [string, string] }[];
  readonly inputs: Rows;
  readonly targets: Rows;
}

const transpose = (m: Rows): Rows => m[0]!.map((_, j) => m.map((row) => row[j]!));
const isRows = (v: unknown): v is Rows => Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'string'));

/**
 * The stored instance shapes that hold a network and a dataset, or the reason an instance does not.
 * he §4 cells: {inputs, targets, W1, w2, slopes} — one hidden layer of h_{s−,s+}, linear output, no biases.
 * milne: {inputs, W, targets} — W_i in the paper's orientation (n_i × n_{i+1}), ReLU on every layer, no biases.
 * One-hidden-layer points (liu, decomposition): {data: {inputs, targets}, point: {weights, biases, outputWeights,
 * outputBias}} — f(x) = Σ_j v_j relu(w_jᵀx + b_j) + c.
 * liu boundary points: {data, weights, z, m, n, sides}.
 */
function problemOf(instance: Record<string, unknown>): Problem | string {
  const { inputs, targets } = instance;
  if (isRows(instance.W1) && Array.isArray(instance.w2) && Array.isArray(instance.slopes) && isRows(inputs) && isRows(targets)) {
    const slopes = instance.slopes as [string, string];
    const layers = [
      { weights: instance.W1, slopes },
      { weights: [instance.w2 as string[]], slopes: ['1', '1'] as [string, string] },
    ];
    return {
      net: { layers: [{ weights: instance.W1, activation: { kind: 'two-piece', slopes } }, { weights: [instance.w2 as string[]] }] },
      data: { inputs, targets },
      layers,
      inputs,
      targets,
    };
  }
  if (Array.isArray(instance.W) && (instance.W as unknown[]).every(isRows) && isRows(inputs) && Array.isArray(targets)) {
    const weights = (instance.W as Rows[]).map(transpose);
    return {
      net: { layers: weights.map((w) => ({ weights: w, activation: 'relu' })) },
      data: { inputs, targets: targets as string[] },
      layers: weights.map((w) => ({ weights: w, slopes: ['0', '1'] as [string, string] })),
      inputs,
      targets: (targets as string[]).map((t) => [t]),
    };
  }
  const point = instance.point as Record<string, Json> | undefined;
  const data = instance.data as { inputs?: unknown; targets?: unknown } | undefined;
  if (point !== undefined && isRows(point.weights) && Array.isArray(point.outputWeights) && data !== undefined && isRows(data.inputs) && isRows(data.targets)) {
    const biases = Array.isArray(point.biases) ? (point.biases as string[]) : null;
    const outputBias = typeof point.outputBias === 'string' ? [point.outputBias] : null;
    const output = [point.outputWeights as string[]];
    return {
      net: { layers: [{ weights: point.weights, bias: biases, activation: 'relu' }, { weights: output, bias: outputBias }] },
      data: { inputs: data.inputs, targets: data.targets },
      layers: [
        { weights: point.weights, bias: biases, slopes: ['0', '1'] },
        { weights: output, bias: outputBias, slopes: ['1', '1'] },
      ],
      inputs: data.inputs,
      targets: data.targets,
    };
  }
  // liu boundary points: {data, weights, z, …} — f(x) = Σ_j z_j relu(w_jᵀx), homogeneous inputs, no biases.
  if (data !== undefined && isRows(instance.weights) && Array.isArray(instance.z) && isRows(data.inputs) && isRows(data.targets)) {
    const output = [instance.z as string[]];
    return {
      net: { layers: [{ weights: instance.weights, activation: 'relu' }, { weights: output }] },
      data: { inputs: data.inputs, targets: data.targets },
      layers: [
        { weights: instance.weights, slopes: ['0', '1'] },
        { weights: output, slopes: ['1', '1'] },
      ],
      inputs: data.inputs,
      targets: data.targets,
    };
  }
  if (Array.isArray(instance.W) && Array.isArray(instance.a)) return 'a network and one input a, but no targets: no loss to classify';
  return `no feed-forward network with a dataset among its fields (${Object.keys(instance).join(', ')})`;
}

/** (1/N) Σ (f(x_i) − y_i)², f evaluated directly with each layer's two slopes at 0. */
function directLoss(p: Problem): Rational {
  const q = (x: string): Rational => Rational.parse(x);
  let total = Rational.ZERO;
  p.inputs.forEach((x, i) => {
    let a = x.map(q);
    for (const layer of p.layers) {
      const [sMinus, sPlus] = layer.slopes.map(q) as [Rational, Rational];
      a = layer.weights.map((row, u) => {
        const z = row.reduce((s, w, j) => s.add(q(w).mul(a[j]!)), layer.bias ? q(layer.bias[u]!) : Rational.ZERO);
        return z.mul(z.sign() > 0 ? sPlus : sMinus);
      });
    }
    a.forEach((v, k) => (total = total.add(v.sub(q(p.targets[i]![k]!)).mul(v.sub(q(p.targets[i]![k]!))))));
  });
  return total.div(Rational.fromInt(p.inputs.length));
}

function storedFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return storedFiles(path);
      return name.endsWith('.json') && path !== join(STORE, 'schema.json') ? [path] : [];
    });
}

const cases = storedFiles(STORE).map((file) => {
  const record = JSON.parse(readFileSync(file, 'utf8')) as { claim: string; instance: Record<string, unknown> };
  return { file: relative(REPO, file), claim: record.claim, problem: problemOf(record.instance) };
});

describe('classify on the stored counterexamples', () => {
  it('finds at least one stored network to classify', () => {
    expect(cases.some((c) => typeof c.problem !== 'string')).toBe(true);
  });

  for (const c of cases) {
    if (typeof c.problem === 'string') {
      it.skip(`${c.file} (${c.claim}): skipped, ${c.problem}`, () => {});
      continue;
    }
    const problem = c.problem;
    it(`${c.file} (${c.claim}): classified`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'net.json'), JSON.stringify(problem.net));
      writeFileSync(join(dir, 'data.json'), JSON.stringify(problem.data));
      const r = await runMain(['classify', '--net', 'net.json', '--data', 'data.json', '--json'], dir);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { loss: { value: string }; classification: { kind: string; basis: string } };
      expect(validateJson(schema, out)).toEqual([]);
      expect(out.loss.value).toBe(directLoss(problem).toString());
      expect(out.classification.kind).toMatch(/./);
      const text = await runMain(['classify', '--net', 'net.json', '--data', 'data.json'], dir);
      expect(text.stdout).toContain(`classification  ${out.classification.kind} (${out.classification.basis})`);
    });
  }
});

/** A stored instance that is a dataset with an activation region (one sign row per unit) but no network point. */
interface RegionProblem {
  readonly data: { inputs: Rows; targets: Rows };
  readonly region: number[][];
  readonly bias: boolean;
}

function regionProblemOf(claim: string, instance: Record<string, unknown>): RegionProblem | null {
  const data = instance.data as { inputs?: unknown; targets?: unknown } | undefined;
  const region = instance.region;
  if (instance.point !== undefined || data === undefined || !isRows(data.inputs) || !isRows(data.targets)) return null;
  if (!Array.isArray(region) || !region.every((r) => Array.isArray(r) && r.every((s) => s === 1 || s === -1 || s === 0))) return null;
  // liu's units are homogeneous (no biases); decomposition's have biases and an output bias.
  return { data: { inputs: data.inputs, targets: data.targets }, region: region as number[][], bias: claim.startsWith('decomposition/') };
}

const regionCases = storedFiles(STORE).flatMap((file) => {
  const record = JSON.parse(readFileSync(file, 'utf8')) as { claim: string; instance: Record<string, unknown> };
  const problem = regionProblemOf(record.claim, record.instance);
  return problem === null ? [] : [{ file: relative(REPO, file), claim: record.claim, problem }];
});

describe('regions on the stored counterexamples that hold a dataset and a region', () => {
  it('finds such counterexamples', () => {
    expect(regionCases.length).toBeGreaterThan(0);
  });

  for (const c of regionCases) {
    it(`${c.file} (${c.claim}): each unit's cell of the stored region is enumerated`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'data.json'), JSON.stringify(c.problem.data));
      const args = ['regions', '--data', 'data.json', '--hidden', String(c.problem.region.length), c.problem.bias ? '--bias' : '--no-bias', '--json'];
      const r = await runMain(args, dir);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { cells: { signs: string }[] };
      const cells = new Set(out.cells.map((cell) => cell.signs));
      for (const unit of c.problem.region) {
        if (unit.includes(0)) continue; // a unit on a kink lies on a face, not in an open cell
        expect(cells).toContain(unit.map((s) => (s > 0 ? '+' : '-')).join(''));
      }
    });
  }
});
