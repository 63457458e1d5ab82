import { describe, expect, it } from 'vitest';
import { ratData } from '../../src/network/dataset.ts';
import { gaussian, seededRandom } from '../../src/landscape/rng.ts';
import { trainOneHiddenLayer, type TrainedNetwork } from '../../src/landscape/train-relu.ts';

/** Parameters of f(x) = Σ_j v_j relu(w_jᵀx + b_j) + c, as plain arrays. */
interface Params {
  W: number[][];
  b: number[];
  v: number[];
  c: number;
}

const paramsOf = (t: TrainedNetwork): Params => ({ W: t.weights.map((w) => [...w]), b: [...t.biases], v: [...t.outputWeights], c: t.outputBias });
const flat = (p: Params): number[] => [...p.W.flat(), ...p.b, ...p.v, p.c];
const unflat = (theta: readonly number[], width: number, d: number): Params => ({
  W: Array.from({ length: width }, (_, j) => theta.slice(j * d, (j + 1) * d)),
  b: theta.slice(width * d, width * (d + 1)),
  v: theta.slice(width * (d + 1), width * (d + 2)),
  c: theta[width * (d + 2)]!,
});

const preActivation = (p: Params, x: readonly number[], j: number): number => x.reduce((z, xk, k) => z + p.W[j]![k]! * xk, p.b[j]!);

/** ½·mean squared error of the real network, by a plain forward pass. */
function loss(p: Params, X: readonly (readonly number[])[], y: readonly number[]): number {
  const out = X.map((x) => p.v.reduce((f, vj, j) => f + vj * Math.max(preActivation(p, x, j), 0), p.c));
  return out.reduce((s, f, i) => s + (f - y[i]!) ** 2, 0) / (2 * X.length);
}

/** The gradient of `loss` by the chain rule, with relu'(0) = 0 (the unit is off at its kink). */
function gradient(p: Params, X: readonly (readonly number[])[], y: readonly number[]): Params {
  const N = X.length;
  const g: Params = { W: p.W.map((w) => w.map(() => 0)), b: p.b.map(() => 0), v: p.v.map(() => 0), c: 0 };
  X.forEach((x, i) => {
    const z = p.v.map((_, j) => preActivation(p, x, j));
    const f = p.v.reduce((s, vj, j) => s + vj * Math.max(z[j]!, 0), p.c);
    const r = (f - y[i]!) / N; // ∂loss/∂f_i
    g.c += r;
    z.forEach((zj, j) => {
      if (!(zj > 0)) return;
      g.v[j]! += r * zj;
      g.b[j]! += r * p.v[j]!;
      x.forEach((xk, k) => (g.W[j]![k]! += r * p.v[j]! * xk));
    });
  });
  return g;
}

/** Textbook Adam (β₁ = 0.9, β₂ = 0.999, ε = 1e-8) with bias correction, on the flat parameter vector. */
function adam(start: Params, X: readonly (readonly number[])[], y: readonly number[], steps: number, lr: number): Params {
  const width = start.v.length;
  const d = X[0]!.length;
  let theta = flat(start);
  let m = theta.map(() => 0);
  let s = theta.map(() => 0);
  for (let t = 1; t <= steps; t++) {
    const g = flat(gradient(unflat(theta, width, d), X, y));
    m = m.map((mp, p) => 0.9 * mp + 0.1 * g[p]!);
    s = s.map((sp, p) => 0.999 * sp + 0.001 * g[p]! ** 2);
    theta = theta.map((v, p) => {
      const mHat = m[p]! / (1 - 0.9 ** t);
      const sHat = s[p]! / (1 - 0.999 ** t);
      return v - (lr * mHat) / (Math.sqrt(sHat) + 1e-8);
    });
  }
  return unflat(theta, width, d);
}

// Four points in R²; x = 0 sits on every unit's kink at the initialisation (biases start at 0).
const data = ratData(
  [
    [0, 0],
    [1, 2],
    [-1, 1],
    [2, -1],
  ],
  [1, 2, 0, 1],
);
const X = data.inputs.map((x) => x.map((v) => v.toNumber()));
const y = data.targets.map((t) => t[0]!.toNumber());

const expectClose = (actual: Params, expected: Params, tolerance: number): void => {
  const a = flat(actual);
  const e = flat(expected);
  expect(a.length).toBe(e.length);
  a.forEach((v, p) => expect(Math.abs(v - e[p]!), `parameter ${p}`).toBeLessThan(tolerance));
};

describe('float training of a one-hidden-layer ReLU network', () => {
  it('starts from the seeded He initialisation: w ~ N(0, 2/d), v ~ N(0, 1/width), b = c = 0', () => {
    const t = trainOneHiddenLayer(data, 2, { seed: 5, steps: 0 });
    // The generator's stream: unit by unit, d weights then the output weight.
    const random = seededRandom(5);
    const expected: Params = { W: [], b: [0, 0], v: [], c: 0 };
    for (let j = 0; j < 2; j++) {
      expected.W.push([gaussian(random) * Math.sqrt(2 / 2), gaussian(random) * Math.sqrt(2 / 2)]);
      expected.v.push(gaussian(random) / Math.sqrt(2));
    }
    expect(paramsOf(t)).toEqual(expected);
  });

  it('scales the first-layer draws by √(2/d) also in one input dimension (where 2/d ≠ d/2)', () => {
    const t = trainOneHiddenLayer(ratData([[1], [2]], [1, 0]), 1, { seed: 3, steps: 0 });
    const random = seededRandom(3);
    const w = gaussian(random) * Math.sqrt(2);
    const v = gaussian(random) / Math.sqrt(1);
    expect(t.weights[0]![0]).toBe(w);
    expect(t.outputWeights[0]).toBe(v);
  });

  it('reports the loss and the region of its parameters; a unit at its kink counts as off', () => {
    const t = trainOneHiddenLayer(data, 2, { seed: 5, steps: 0 });
    const p = paramsOf(t);
    expect(Math.abs(t.loss - loss(p, X, y))).toBeLessThan(1e-14);
    // Sample 0 is x = 0 and the biases are 0: pre-activation exactly 0, so a = 0.
    expect(t.activations[0]!.map((a) => a.toString())).toEqual(['0', '0']);
    X.forEach((x, i) => p.v.forEach((_, j) => expect(t.activations[i]![j]!.toString()).toBe(preActivation(p, x, j) > 0 ? '1' : '0')));
  });

  it('the chain-rule gradient of the reference matches central finite differences (generic point)', () => {
    // No sample is within 0.05 of a kink: every pre-activation has a fixed sign under the ±1e-6 steps.
    const p: Params = { W: [[0.5, -0.3], [0.2, 0.7]], b: [0.15, -0.2], v: [1.5, -0.8], c: 0.3 };
    const theta = flat(p);
    const g = flat(gradient(p, X, y));
    const h = 1e-6;
    theta.forEach((_, q) => {
      const plus = theta.map((v, r) => (r === q ? v + h : v));
      const minus = theta.map((v, r) => (r === q ? v - h : v));
      const fd = (loss(unflat(plus, 2, 2), X, y) - loss(unflat(minus, 2, 2), X, y)) / (2 * h);
      expect(Math.abs(fd - g[q]!), `parameter ${q}`).toBeLessThan(1e-7);
    });
  });

  it('takes full-batch Adam steps on ½·mean squared error (independent Adam, default step size)', () => {
    const start = paramsOf(trainOneHiddenLayer(data, 2, { seed: 5, steps: 0 }));
    for (const steps of [1, 5]) {
      const t = trainOneHiddenLayer(data, 2, { seed: 5, steps });
      expectClose(paramsOf(t), adam(start, X, y, steps, 0.01), 1e-12);
      expect(Math.abs(t.loss - loss(paramsOf(t), X, y))).toBeLessThan(1e-14);
    }
  });

  it('uses the given learning rate', () => {
    const start = paramsOf(trainOneHiddenLayer(data, 3, { seed: 11, steps: 0 }));
    const t = trainOneHiddenLayer(data, 3, { seed: 11, steps: 4, learningRate: 0.05 });
    expectClose(paramsOf(t), adam(start, X, y, 4, 0.05), 1e-12);
  });

  it('rejects a width that is not a positive integer, non-scalar targets and an empty dataset', () => {
    expect(() => trainOneHiddenLayer(data, 0, { seed: 1 })).toThrow(/width must be a positive integer, got 0/);
    expect(() => trainOneHiddenLayer(data, 1.5, { seed: 1 })).toThrow(/width must be a positive integer, got 1.5/);
    expect(trainOneHiddenLayer(data, 1, { seed: 1, steps: 0 }).weights.length).toBe(1);
    expect(() => trainOneHiddenLayer(ratData([[1]], [[1, 2]]), 1, { seed: 1 })).toThrow(/targets must be scalar/);
    expect(() => trainOneHiddenLayer({ inputs: [], targets: [] }, 1, { seed: 1 })).toThrow(/no samples/);
  });
});
