import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { dataset } from '../../../src/generators/dataset.ts';
import { diskDataset } from '../../../src/landscape/disk-data.ts';
import { randomActivations, signAccuracy, subglobalFit } from '../../../src/landscape/pattern-fit.ts';
import { seededRandom } from '../../../src/landscape/rng.ts';
import { subglobalMinimum } from '../../../src/landscape/subglobal-minimum.ts';
import { trainOneHiddenLayer } from '../../../src/landscape/train-relu.ts';

const q = (n: number, d = 1): Rational => Rational.of(n, d);

describe('the stand-in data of Table 1', () => {
  it('is deterministic, distinct, inside the grid, and labelled by the disk', () => {
    const options = { points: 30, range: 3, radiusSquared: 5, seed: 4 };
    const a = diskDataset(options);
    const b = diskDataset(options);
    expect(a.inputs.map(String)).toEqual(b.inputs.map(String));
    expect(new Set(a.inputs.map(String)).size).toBe(30);
    a.inputs.forEach((x, i) => {
      const [u, v] = x.map((c) => Number(c.toString()));
      expect(Number.isInteger(u) && Math.abs(u!) <= 3 && Math.abs(v!) <= 3).toBe(true);
      expect(a.targets[i]![0]!.toString()).toBe(u! * u! + v! * v! < 5 ? '1' : '-1');
    });
    expect(() => diskDataset({ ...options, points: 50 })).toThrow(/distinct points/);
  });
});

describe('subglobal fits by fraction-free normal equations', () => {
  it('equal the fitted values of the pseudo-inverse minimiser (independent), also when rank deficient', () => {
    const problem = fc
      .record({ data: dataset({ minDim: 1, maxDim: 2, minPoints: 1, maxPoints: 6 }), units: fc.integer({ min: 1, max: 3 }), bias: fc.boolean(), outputBias: fc.boolean() })
      .chain((p) =>
        fc
          .array(fc.array(fc.boolean(), { minLength: p.units, maxLength: p.units }), { minLength: p.data.inputs.length, maxLength: p.data.inputs.length })
          .map((a) => ({ ...p, activations: a.map((row) => row.map((on) => (on ? Rational.ONE : Rational.ZERO))) })),
      );
    fc.assert(
      fc.property(problem, ({ data, activations, bias, outputBias }) => {
        const fast = subglobalFit(data, activations, { bias, outputBias });
        const reference = subglobalMinimum(data, activations, { bias, outputBias, normalisation: 'half-sum' }).fitted;
        expect(fast.map(String)).toEqual(reference.map(String));
      }),
      { numRuns: 80 },
    );
  });

  it('sign accuracy counts agreeing signs and treats a fitted 0 as wrong', () => {
    const data = ratData([[0], [1], [2], [3]], [1, -1, 1, -1]);
    expect(signAccuracy([q(1, 2), q(-3), q(0), q(2)], data).equals(q(2, 4))).toBe(true);
  });

  it('random activation values are 0 or 1, reproducible from the seed, and about half are 1', () => {
    const a = randomActivations(200, 10, seededRandom(9));
    const b = randomActivations(200, 10, seededRandom(9));
    expect(a.map(String)).toEqual(b.map(String));
    const flat = a.flat();
    expect(flat.every((v) => v.isZero() || v.equals(Rational.ONE))).toBe(true);
    const ones = flat.filter((v) => !v.isZero()).length / flat.length;
    expect(ones).toBeGreaterThan(0.45);
    expect(ones).toBeLessThan(0.55);
  });
});

describe('float training of the real network', () => {
  const data = ratData([[-2], [-1], [0], [1], [2]], [2, 1, 0, 1, 2]);

  it('reports the loss and the region of the parameters it returns (independent forward pass)', () => {
    const t = trainOneHiddenLayer(data, 3, { seed: 2, steps: 300 });
    const xs = data.inputs.map((x) => Number(x[0]!.toString()));
    const ys = data.targets.map((y) => Number(y[0]!.toString()));
    const pre = xs.map((x) => t.weights.map((w, j) => w[0]! * x + t.biases[j]!));
    const out = pre.map((z) => z.reduce((s, zj, j) => s + t.outputWeights[j]! * Math.max(zj, 0), t.outputBias));
    const loss = out.reduce((s, f, i) => s + (f - ys[i]!) ** 2, 0) / (2 * xs.length);
    expect(Math.abs(loss - t.loss)).toBeLessThan(1e-12);
    pre.forEach((z, i) => z.forEach((zj, j) => expect(t.activations[i]![j]!.toString()).toBe(zj > 0 ? '1' : '0')));
  });

  it('fits |x| on five points with four units', () => {
    const t = trainOneHiddenLayer(data, 4, { seed: 1 });
    expect(t.loss).toBeLessThan(1e-3);
  });
});
