import { Matrix } from '../linalg/matrix.ts';
import { pseudoInverse } from '../linalg/pseudo-inverse.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { riskOfOutputs, squaredErrorPoint, type Loss } from './loss.ts';

const F = RationalField;

/**
 * The linear model Ŷ = W̃·[x; 1] of He, Wang & Tao, Lemma 4, whose risk f(W̃) the constructed
 * local minima of the networks attain.
 */
export interface LinearFit {
  /** W̃ ∈ ℝ^{dY×(dX+1)}: one row per output, the last column is the bias. */
  readonly weights: Rational[][];
  /** Ŷ_i = W̃·[x_i; 1] per sample (n × dY). */
  readonly predictions: Rational[][];
  /** f(W̃) = c_N Σ_i l(Y_i, Ŷ_i). */
  readonly risk: Rational;
  /** ∇_ŷ l(Y_i, Ŷ_i) per sample (n × dY): the columns of V in eq. (17). */
  readonly lossGradients: Rational[][];
}

/** [x_i; 1] per sample: the columns of X̃ in the paper. */
export function augmentedInputs(inputs: readonly (readonly Rational[])[]): Rational[][] {
  return inputs.map((x) => [...x, Rational.ONE]);
}

/** W̃·[x_i; 1] for every input. */
export function linearPredictions(weights: readonly (readonly Rational[])[], inputs: readonly (readonly Rational[])[]): Rational[][] {
  const d = inputs[0]?.length ?? 0;
  weights.forEach((row, k) => {
    if (row.length !== d + 1) throw new NetworkError(`linear model: row ${k} of W̃ has ${row.length} entries, expected dX + 1 = ${d + 1}`);
  });
  return augmentedInputs(inputs).map((x) => weights.map((row) => row.reduce((s, w, j) => s.add(w.mul(x[j]!)), Rational.ZERO)));
}

/** f(W) = c_N Σ_i l(Y_i, W·[x_i; 1]). */
export function linearModelRisk(weights: readonly (readonly Rational[])[], data: Dataset<Rational>, loss: Loss): Rational {
  return riskOfOutputs(F, loss, linearPredictions(weights, data.inputs), data.targets);
}

/** Σ_i ∇_ŷ l(Y_i, Ŷ_i)·[x_i; 1]ᵀ = V X̃ᵀ: zero exactly at the stationary points of f (eq. (17)). */
export function linearRiskGradient(weights: readonly (readonly Rational[])[], data: Dataset<Rational>, loss: Loss): Rational[][] {
  const predictions = linearPredictions(weights, data.inputs);
  const xs = augmentedInputs(data.inputs);
  const gradients = predictions.map((p, i) => loss.point.gradient(F, p, data.targets[i]!));
  return weights.map((row, k) => row.map((_, j) => gradients.reduce((s, g, i) => s.add(g[k]!.mul(xs[i]![j]!)), Rational.ZERO)));
}

/** Whether W̃ is a stationary point of f; for the squared loss (f convex) this means a global minimiser. */
export function isLinearStationary(weights: readonly (readonly Rational[])[], data: Dataset<Rational>, loss: Loss): boolean {
  return linearRiskGradient(weights, data, loss).every((row) => row.every((v) => v.isZero()));
}

/**
 * The least-squares linear model W̃ = Y X̃ᵀ(X̃X̃ᵀ)⁺ (minimal-norm minimiser of the squared loss,
 * exact). Only the squared loss has a rational minimiser; other losses are rejected.
 */
export function leastSquaresFit(data: Dataset<Rational>, loss: Loss): LinearFit {
  if (loss.point !== squaredErrorPoint) throw new NetworkError(`leastSquaresFit needs the squared loss, got the ${loss.point.name} loss`);
  const n = data.inputs.length;
  if (n === 0) throw new NetworkError('leastSquaresFit: the dataset is empty');
  if (data.targets.length !== n) throw new NetworkError(`dataset has ${n} inputs but ${data.targets.length} targets`);
  const d = data.inputs[0]!.length;
  data.inputs.forEach((x, i) => {
    if (x.length !== d) throw new NetworkError(`input ${i} has ${x.length} entries, input 0 has ${d}`);
  });
  const Z = Matrix.from(F, augmentedInputs(data.inputs), d + 1);
  const T = Matrix.from(F, data.targets.map((y) => [...y]));
  const weights = pseudoInverse(Z).mul(T).transpose().toArrays();
  const predictions = linearPredictions(weights, data.inputs);
  return {
    weights,
    predictions,
    risk: riskOfOutputs(F, loss, predictions, data.targets),
    lossGradients: predictions.map((p, i) => loss.point.gradient(F, p, data.targets[i]!)),
  };
}

/** Whether the linear model fits every label exactly (then Assumption 1 fails). */
export function fitsExactly(fit: LinearFit, data: Dataset<Rational>): boolean {
  return fit.predictions.every((p, i) => p.every((v, k) => v.equals(data.targets[i]![k]!)));
}
