import { Rational } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import type { OneHiddenLayerPoint } from './one-hidden-layer.ts';
import { scalarTargets } from './subglobal-minimum.ts';

/** Liu's Theorem 3 evaluated at one point with w_m on the hyperplane of x_n (bias-free, homogeneous inputs). */
export interface LiuBoundaryCriterion {
  /** e_i = Σ_k I_ik z_k w_k·x_i − y_i, with I_ik = 1(w_k·x_i > 0). */
  readonly errors: readonly Rational[];
  /** Rows of DR − d at R = (z_k w_k): Σ_i e_i I_ij x_i (j ≠ m), Σ_{i≠n} e_i I_im u_i (u_i = (x_i·x_n)x_n − |x_n|²x_i), x_n·R_m. */
  readonly residual: readonly Rational[];
  /** DR = d holds at the point's R. */
  readonly stationary: boolean;
  /** [Σ_{i≠n} e_i I_im x_i·x_n]·z_m, the left side of (18). */
  readonly side18: Rational;
  /** side18 + [e_n |x_n|²]·z_m, the left side of (19). */
  readonly side19: Rational;
  /** DR = d, (18) side18 < 0 and (19) side19 > 0: the paper's criterion for a non-differentiable local minimum. */
  readonly criterion: boolean;
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/**
 * Theorem 3's conditions at a concrete point, computed from the point itself (e_i from the
 * forward values, not from D): DR = d of (17) as the residual rows, and the two inequalities
 * (18), (19) with the point's z_m. Factors 2/N are dropped (only signs and zeros matter).
 */
export function liuBoundaryCriterionAt(data: Dataset<Rational>, point: OneHiddenLayerPoint, m: number, n: number): LiuBoundaryCriterion {
  const xs = data.inputs;
  const y = scalarTargets(data);
  const K = point.weights.length;
  if (point.biases !== null || point.outputBias !== null) throw new NetworkError('Liu\'s network has no biases (homogeneous inputs instead)');
  if (!Number.isInteger(m) || m < 0 || m >= K) throw new NetworkError(`unit ${m} outside 0..${K - 1}`);
  const xn = xs[n];
  if (xn === undefined) throw new NetworkError(`sample ${n} outside 0..${xs.length - 1}`);
  if (!dot(point.weights[m]!, xn).isZero()) throw new NetworkError(`w_${m} is not on the hyperplane of x_${n}`);
  const I = xs.map((x) => point.weights.map((w) => (dot(w, x).sign() > 0 ? Rational.ONE : Rational.ZERO)));
  const z = point.outputWeights;
  const errors = xs.map((x, i) => point.weights.reduce((s, w, k) => s.add(I[i]![k]!.mul(z[k]!).mul(dot(w, x))), Rational.ZERO).sub(y[i]!));
  const xnNorm = dot(xn, xn);
  const residual: Rational[] = [];
  for (let j = 0; j < K; j++) {
    const row = xn.map((_, r) =>
      xs.reduce((s, x, i) => {
        if (j === m && i === n) return s;
        const factor = j === m ? dot(x, xn).mul(xn[r]!).sub(xnNorm.mul(x[r]!)) : x[r]!;
        return s.add(errors[i]!.mul(I[i]![j]!).mul(factor));
      }, Rational.ZERO),
    );
    residual.push(...row);
  }
  residual.push(dot(xn, point.weights[m]!.map((v) => v.mul(z[m]!))));
  const first = xs.reduce((s, x, i) => (i === n ? s : s.add(errors[i]!.mul(I[i]![m]!).mul(dot(x, xn)))), Rational.ZERO);
  const side18 = first.mul(z[m]!);
  const side19 = first.add(errors[n]!.mul(xnNorm)).mul(z[m]!);
  const stationary = residual.every((v) => v.isZero());
  return { errors, residual, stationary, side18, side19, criterion: stationary && side18.sign() < 0 && side19.sign() > 0 };
}
