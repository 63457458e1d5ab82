import type { Matrix } from '../linalg/matrix.ts';
import { SingularValues } from '../linalg/singular-values.ts';
import { Rational } from '../numbers/rational.ts';
import { NetworkError } from './errors.ts';
import { milneWidths, type MilneWeights } from './milne-matrix.ts';

/** Qi's interval for index i: b = |a_ii|, d = max(off-diagonal row sum, off-diagonal column sum) of magnitudes. */
export interface QiInterval {
  readonly b: Rational;
  readonly d: Rational;
  /** (b − d)₊ */
  readonly lo: Rational;
  readonly hi: Rational;
}

/** The intervals B_i = [(b_i − d_i)₊, b_i + d_i] of Theorem 3 (Qi 1984) for a square matrix. */
export function qiIntervals(A: Matrix<Rational>): QiInterval[] {
  if (A.rows !== A.cols) throw new NetworkError(`Qi's intervals need a square matrix, got ${A.rows}×${A.cols}`);
  const n = A.rows;
  return Array.from({ length: n }, (_, i) => {
    let row = Rational.ZERO;
    let col = Rational.ZERO;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      row = row.add(A.get(i, j).abs());
      col = col.add(A.get(j, i).abs());
    }
    const b = A.get(i, i).abs();
    const d = row.max(col);
    return { b, d, lo: b.sub(d).max(Rational.ZERO), hi: b.add(d) };
  });
}

function oneNorm(v: readonly Rational[]): Rational {
  return v.reduce((s, x) => s.add(x.abs()), Rational.ZERO);
}

/** n(W) of Theorem 1: the largest 1-norm of a row or a column of any W_i (the ‖W_ie_j‖₁, ‖W_iᵀe_k‖₁ of U₁). */
export function milneNormBound(W: MilneWeights): Rational {
  milneWidths(W);
  let m = Rational.ZERO;
  for (const Wi of W) {
    for (const row of Wi) m = m.max(oneNorm(row));
    for (let k = 0; k < Wi[0]!.length; k++) m = m.max(oneNorm(Wi.map((row) => row[k]!)));
  }
  return m;
}

/** M(f, β, H) = max_i (3/2)f(a_i) + β^{H+2} of Lemma 9. */
export function milneM(targets: readonly Rational[], beta: Rational, H: number): Rational {
  if (targets.length === 0) throw new NetworkError('M(f, β, H) needs at least one target');
  if (!Number.isInteger(H) || H < 0) throw new NetworkError(`H must be a non-negative integer, got ${H}`);
  const largest = targets.reduce((m, f) => m.max(f), targets[0]!);
  return largest.mul(Rational.of(3, 2)).add(beta.pow(H + 2));
}

/** U₁ of (26): every row and column 1-norm of every W_i is < β − 1. */
export function inMilneU1(W: MilneWeights, beta: Rational): boolean {
  return milneNormBound(W).lt(beta.sub(Rational.ONE));
}

/** U₂ of (27): |e(a_i, W)| < f(a_i)/2 for every i, with e = y − f. */
export function inMilneU2(outputs: readonly Rational[], targets: readonly Rational[]): boolean {
  if (outputs.length !== targets.length) throw new NetworkError(`${outputs.length} outputs but ${targets.length} targets`);
  return outputs.every((y, i) => y.sub(targets[i]!).abs().mul(Rational.of(2)).lt(targets[i]!));
}

/** U₃ of Theorem 4: ℓ(W)^{1/2} < (λ − θ)/(2M), decided as 4M²ℓ < (λ − θ)² with λ > θ. */
export function inMilneU3(loss: Rational, lambda: Rational, theta: Rational, M: Rational): boolean {
  const gap = lambda.sub(theta);
  return gap.sign() > 0 && M.mul(M).mul(loss).mul(Rational.of(4)).lt(gap.mul(gap));
}

/** ε(R) = (λ − θ)²/(4M(f, R + 1, H)²), the loss threshold of Theorem 1. */
export function milneThreshold(targets: readonly Rational[], R: Rational, H: number, lambda: Rational, theta: Rational): Rational {
  const M = milneM(targets, R.add(Rational.ONE), H);
  const gap = lambda.sub(theta);
  return gap.mul(gap).div(M.mul(M).mul(Rational.of(4)));
}

/** Certified lo ≤ σ_min(A) ≤ hi (hi − lo ≤ width, or lo = hi exactly), from Sturm isolation of the roots of det(tI − AᵀA). */
export function smallestSingularValueBounds(A: Matrix<Rational>, width: Rational = Rational.of(1, 1_000_000)): { lo: Rational; hi: Rational } {
  const intervals = new SingularValues(A).intervals(width);
  const smallest = intervals[intervals.length - 1]!;
  return { lo: smallest.lo, hi: smallest.hi };
}
