import { adjugate } from '../linalg/adjugate.ts';
import { determinant } from '../linalg/determinant.ts';
import { inverse } from '../linalg/inverse.ts';
import { Matrix } from '../linalg/matrix.ts';
import { Polynomial } from '../linalg/polynomial.ts';
import { countRealRoots } from '../linalg/sturm.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { Dataset } from './dataset.ts';
import { NetworkError } from './errors.ts';
import { lossAlongLine } from './line.ts';
import { squaredError } from './loss.ts';
import { milneDirection, milneNetwork, milneSwitches, milneWidths, switchedWeights, type MilneWeights } from './milne-matrix.ts';
import type { DatasetPattern } from './pattern.ts';

const F = RationalField;

/** The training set {a_i, f(a_i)} as a library Dataset (scalar targets). */
export function milneDataset(inputs: readonly (readonly Rational[])[], targets: readonly Rational[]): Dataset<Rational> {
  if (inputs.length !== targets.length) throw new NetworkError(`${inputs.length} inputs but ${targets.length} targets`);
  return { inputs: inputs.map((x) => [...x]), targets: targets.map((f) => [f]) };
}

/**
 * The exact polynomial t ↦ ℓ(W + tX) (+ λ‖W + tX‖²), ℓ = (1/N)Σ(f(a_i) − y(a_i, W))², with the
 * switches frozen at W (or at `pattern`): inside a region it is the loss itself. Coefficients c_0, c_1, ….
 */
export function milneLossAlongLine(
  inputs: readonly (readonly Rational[])[],
  W: MilneWeights,
  targets: readonly Rational[],
  X: MilneWeights,
  options: { lambda?: Rational; pattern?: DatasetPattern } = {},
): Rational[] {
  return lossAlongLine(milneNetwork(W), milneDataset(inputs, targets), squaredError('mean'), milneDirection(X), {
    ...(options.lambda !== undefined ? { penalty: { lambda: options.lambda } } : {}),
    ...(options.pattern !== undefined ? { pattern: options.pattern } : {}),
  });
}

/** k-th derivative at t = 0 of a polynomial given by its coefficients: k!·c_k. */
export function polynomialDerivativeAtZero(coefficients: readonly Rational[], k: number): Rational {
  let factorial = Rational.ONE;
  for (let j = 2; j <= k; j++) factorial = factorial.mul(Rational.of(j));
  return (coefficients[k] ?? Rational.ZERO).mul(factorial);
}

/** t ↦ det(A + tX) exactly, interpolated through its values at t = 0, 1, …, n (its degree is ≤ n). */
export function determinantAlongLine(A: Matrix<Rational>, X: Matrix<Rational>): Polynomial {
  if (A.rows !== A.cols || X.rows !== A.rows || X.cols !== A.cols) {
    throw new NetworkError(`det(A + tX) needs square A and X of one size, got ${A.rows}×${A.cols} and ${X.rows}×${X.cols}`);
  }
  const n = A.rows;
  const nodes = Array.from({ length: n + 1 }, (_, k) => Rational.of(k));
  const values = nodes.map((t) => determinant(A.add(X.scale(t))));
  let p = Polynomial.ZERO;
  nodes.forEach((tk, k) => {
    let basis = Polynomial.constant(values[k]!);
    nodes.forEach((tj, j) => {
      if (j !== k) basis = basis.mul(Polynomial.of([tj.neg(), Rational.ONE])).scale(tk.sub(tj).inv());
    });
    p = p.add(basis);
  });
  return p;
}

/** Jacobi's formula (11): d/dt det(A + tX) at t = 0 is tr(Adj(A)X). */
export function jacobiDerivative(A: Matrix<Rational>, X: Matrix<Rational>): Rational {
  return adjugate(A).mul(X).trace();
}

/** Lemma 5's formula: det(A)(tr(M)² − tr(M²)) with M = A⁻¹X (A invertible). */
export function lemma5SecondDerivative(A: Matrix<Rational>, X: Matrix<Rational>): Rational {
  const M = inverse(A).mul(X);
  const tr = M.trace();
  return determinant(A).mul(tr.mul(tr).sub(M.mul(M).trace()));
}

/** One data point's matrices in Lemma 6: A_i, X_i and the target f(a_i). */
export interface DeterminantLossTerm {
  readonly A: Matrix<Rational>;
  readonly X: Matrix<Rational>;
  readonly target: Rational;
}

/**
 * Lemma 6's formulas with e_i = det(A_i) − f(a_i), M_i = A_i⁻¹X_i:
 * first = (2/N)Σ e_i det(A_i) tr(M_i),
 * second = (2/N)Σ det(A_i)² tr(M_i)² + (2/N)Σ e_i det(A_i)(tr(M_i)² − tr(M_i²)).
 */
export function lemma6Derivatives(terms: readonly DeterminantLossTerm[]): { first: Rational; second: Rational } {
  if (terms.length === 0) throw new NetworkError('Lemma 6 needs at least one data point');
  let first = Rational.ZERO;
  let second = Rational.ZERO;
  for (const { A, X, target } of terms) {
    const D = determinant(A);
    const M = inverse(A).mul(X);
    const tr = M.trace();
    const e = D.sub(target);
    first = first.add(e.mul(D).mul(tr));
    second = second.add(D.mul(D).mul(tr).mul(tr)).add(e.mul(D).mul(tr.mul(tr).sub(M.mul(M).trace())));
  }
  const scale = Rational.of(2, terms.length);
  return { first: first.mul(scale), second: second.mul(scale) };
}

/**
 * ∂y/∂w^k_{pq} at (a, W) with the switches frozen (eq. (5)'s first derivatives), in W's shape:
 * (aᵀV_0⋯V_{k−1})_p · S_k[p]·S_{k+1}[q] · (V_{k+1}⋯V_H)_q.
 */
export function milneOutputGradient(a: readonly Rational[], W: MilneWeights): Rational[][][] {
  const V = switchedWeights(a, W);
  const S = milneSwitches(a, W);
  const widths = milneWidths(W);
  const prefixes: Rational[][] = [[...a]];
  V.forEach((Vi, i) => prefixes.push(Matrix.rowVector(F, prefixes[i]!).mul(Vi).row(0)));
  const suffixes: Rational[][] = new Array(V.length + 1);
  suffixes[V.length] = [Rational.ONE];
  for (let i = V.length - 1; i >= 0; i--) suffixes[i] = V[i]!.mulVec(suffixes[i + 1]!);
  return W.map((_, k) =>
    Array.from({ length: widths[k]! }, (_, p) =>
      Array.from({ length: widths[k + 1]! }, (_, q) => prefixes[k]![p]!.mul(S[k]![p]!).mul(S[k + 1]![q]!).mul(suffixes[k + 1]![q]!)),
    ),
  );
}

/**
 * The pre-activations z_1(t), …, z_{H+1}(t) along W + tX with the switches frozen at W:
 * z_{k+1} = (W_k + tX_k)ᵀ S_k z_k (z_0 = a). result[k][j] is unit j of layer k + 1.
 */
export function milnePreActivationsAlongLine(a: readonly Rational[], W: MilneWeights, X: MilneWeights): Polynomial[][] {
  const widths = milneWidths(W);
  if (milneWidths(X).join(',') !== widths.join(',')) throw new NetworkError('direction X and weights W have different shapes');
  const S = milneSwitches(a, W);
  let h: Polynomial[] = a.map((v) => Polynomial.constant(v));
  const out: Polynomial[][] = [];
  W.forEach((Wi, k) => {
    const z = Array.from({ length: widths[k + 1]! }, (_, j) =>
      h.reduce((s, hp, p) => s.add(hp.mul(Polynomial.of([Wi[p]![j]!, X[k]![p]![j]!]))), Polynomial.ZERO),
    );
    out.push(z);
    h = z.map((zj, j) => zj.scale(S[k + 1]![j]!));
  });
  return out;
}

/** The frozen-switch output polynomial t ↦ S_{H+1}(W_H + tX_H)ᵀS_H⋯S_1(W_0 + tX_0)ᵀa of eq. (3) (with S_{H+1}). */
export function milneFrozenOutputAlongLine(a: readonly Rational[], W: MilneWeights, X: MilneWeights): Polynomial {
  const z = milnePreActivationsAlongLine(a, W, X);
  const S = milneSwitches(a, W);
  return z[z.length - 1]![0]!.scale(S[S.length - 1]![0]!);
}

/**
 * A radius r = 2^{-k} ≤ 1 such that no pre-activation along W + tX changes sign for |t| ≤ r
 * (no root in [−r, r], decided by Sturm counts): on that segment the switches stay those of W.
 * Requires every pre-activation at W to be non-zero.
 */
export function milneSwitchRadius(a: readonly Rational[], W: MilneWeights, X: MilneWeights, maxHalvings = 200): Rational {
  const polys = milnePreActivationsAlongLine(a, W, X).flat();
  if (polys.some((p) => p.evaluate(Rational.ZERO).isZero())) throw new NetworkError('a pre-activation is zero at W: no switch radius');
  let r = Rational.ONE;
  for (let k = 0; k <= maxHalvings; k++) {
    if (polys.every((p) => p.isConstant() || countRealRoots(p, r.neg(), r) === 0)) return r;
    r = r.div(Rational.of(2));
  }
  throw new NetworkError('no switch radius found');
}
