import { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import type { UnitActivations } from './design-matrix.ts';
import { gaussian, seededRandom } from './rng.ts';

export interface TrainingOptions {
  readonly seed: number;
  /** Full-batch Adam steps (default 2000). */
  readonly steps?: number;
  /** Adam step size (default 0.01). */
  readonly learningRate?: number;
}

/** Where float training of the real network ended: its parameters, loss and activation region. */
export interface TrainedNetwork {
  readonly weights: readonly (readonly number[])[];
  readonly biases: readonly number[];
  readonly outputWeights: readonly number[];
  readonly outputBias: number;
  /** ½·mean squared error at the end, in floats. */
  readonly loss: number;
  /** a_ij = 1 iff w_jᵀx_i + b_j > 0 at the end (ReLU: the region the training ended in). */
  readonly activations: UnitActivations;
}

/**
 * Trains f(x) = Σ_j v_j σ(w_jᵀx + b_j) + c (ReLU, scalar output) on ½·mean squared error with
 * full-batch Adam from a seeded He initialisation. A float search: it only proposes the region,
 * whose subglobal minimum is then computed exactly.
 */
export function trainOneHiddenLayer(data: Dataset<Rational>, width: number, options: TrainingOptions): TrainedNetwork {
  if (!Number.isInteger(width) || width < 1) throw new NetworkError(`trainOneHiddenLayer: width must be a positive integer, got ${width}`);
  const X = data.inputs.map((x) => x.map((v) => v.toNumber()));
  const y = data.targets.map((t) => {
    if (t.length !== 1) throw new NetworkError('trainOneHiddenLayer: targets must be scalar');
    return t[0]!.toNumber();
  });
  const N = X.length;
  const d = X[0]?.length ?? 0;
  if (N === 0) throw new NetworkError('trainOneHiddenLayer: no samples');
  const random = seededRandom(options.seed);
  // θ = [W (width×d), b (width), v (width), c].
  const n = width * (d + 2) + 1;
  const theta = new Float64Array(n);
  for (let j = 0; j < width; j++) {
    for (let k = 0; k < d; k++) theta[j * d + k] = gaussian(random) * Math.sqrt(2 / Math.max(d, 1));
    theta[width * (d + 1) + j] = gaussian(random) / Math.sqrt(width);
  }
  const iW = (j: number, k: number) => j * d + k;
  const ib = (j: number) => width * d + j;
  const iv = (j: number) => width * (d + 1) + j;
  const ic = n - 1;
  const m = new Float64Array(n);
  const s = new Float64Array(n);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  const lr = options.learningRate ?? 0.01;
  const grad = new Float64Array(n);
  const pre = (i: number, j: number): number => {
    let z = theta[ib(j)]!;
    for (let k = 0; k < d; k++) z += theta[iW(j, k)]! * X[i]![k]!;
    return z;
  };
  const Xf = Float64Array.from(X.flat());
  const z = new Float64Array(width);
  const lossAndGradient = (): number => {
    grad.fill(0);
    let total = 0;
    for (let i = 0; i < N; i++) {
      let f = theta[ic]!;
      for (let j = 0; j < width; j++) {
        let zj = theta[ib(j)]!;
        for (let k = 0; k < d; k++) zj += theta[j * d + k]! * Xf[i * d + k]!;
        z[j] = zj;
        if (zj > 0) f += theta[iv(j)]! * zj;
      }
      const e = f - y[i]!;
      const r = e / N;
      total += (e * e) / (2 * N);
      grad[ic] += r;
      for (let j = 0; j < width; j++) {
        const zj = z[j]!;
        if (zj <= 0) continue;
        grad[iv(j)] += r * zj;
        const back = r * theta[iv(j)]!;
        grad[ib(j)] += back;
        for (let k = 0; k < d; k++) grad[j * d + k] += back * Xf[i * d + k]!;
      }
    }
    return total;
  };
  const steps = options.steps ?? 2000;
  for (let t = 1; t <= steps; t++) {
    lossAndGradient();
    for (let p = 0; p < n; p++) {
      m[p] = b1 * m[p]! + (1 - b1) * grad[p]!;
      s[p] = b2 * s[p]! + (1 - b2) * grad[p]! * grad[p]!;
      theta[p] -= (lr * (m[p]! / (1 - b1 ** t))) / (Math.sqrt(s[p]! / (1 - b2 ** t)) + eps);
    }
  }
  const loss = lossAndGradient();
  return {
    weights: Array.from({ length: width }, (_, j) => Array.from({ length: d }, (_, k) => theta[iW(j, k)]!)),
    biases: Array.from({ length: width }, (_, j) => theta[ib(j)]!),
    outputWeights: Array.from({ length: width }, (_, j) => theta[iv(j)]!),
    outputBias: theta[ic]!,
    loss,
    activations: X.map((_, i) => Array.from({ length: width }, (_, j) => (pre(i, j) > 0 ? Rational.ONE : Rational.ZERO))),
  };
}
