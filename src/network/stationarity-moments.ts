import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { Matrix } from '../linalg/matrix.ts';
import type { AugmentedProblem, ExpUnitParameters } from './augmented-objective.ts';
import { baseLossGradients } from './augmented-objective.ts';
import { NetworkError } from './errors.ts';

/** The distinct inputs x̄_1 … x̄_{m'} and, for each, the indices I_j of the data points equal to it. */
export interface InputGroups {
  readonly points: Rational[][];
  readonly members: number[][];
}

export function distinctInputGroups(inputs: readonly (readonly Rational[])[]): InputGroups {
  const points: Rational[][] = [];
  const members: number[][] = [];
  const index = new Map<string, number>();
  inputs.forEach((x, i) => {
    const key = x.map(String).join(',');
    const j = index.get(key);
    if (j === undefined) {
      index.set(key, points.length);
      points.push([...x]);
      members.push([i]);
    } else members[j]!.push(i);
  });
  return { points, members };
}

const dot = (u: readonly Rational[], x: readonly Rational[]): Rational => u.reduce((s, v, j) => s.add(v.mul(x[j]!)), Rational.ZERO);

/** uᵀx̄_j for every distinct input. */
export function projectionValues(u: readonly Rational[], points: readonly (readonly Rational[])[]): Rational[] {
  return points.map((x) => dot(u, x));
}

/**
 * The first u = (1, s, s², …, s^{d−1}), s = 0, −1, 1, −2, 2, …, whose projections uᵀx̄_j are pairwise
 * distinct. For distinct points uᵀ(x̄_j − x̄_l) is a non-zero polynomial of degree < d in s, so at
 * most (d − 1)·C(m', 2) values of s fail and the search ends.
 */
export function separatingDirection(points: readonly (readonly Rational[])[]): Rational[] {
  const d = points[0]?.length ?? 0;
  if (d === 0) throw new NetworkError('separatingDirection needs at least one point of positive dimension');
  const keys = new Set(points.map((x) => x.map(String).join(',')));
  if (keys.size !== points.length) throw new NetworkError('separatingDirection needs distinct points');
  const tries = (d - 1) * ((points.length * (points.length - 1)) / 2) + 1;
  for (let n = 0; n < 2 * tries + 1; n++) {
    const s = Rational.of(n % 2 === 0 ? n / 2 : -(n + 1) / 2);
    const u = Array.from({ length: d }, (_, j) => s.pow(j));
    const values = projectionValues(u, points).map(String);
    if (new Set(values).size === points.length) return u;
  }
  throw new NetworkError('no separating direction found (unreachable for distinct points)');
}

/** V[t][j] = v_j^t for t = 0 … rows − 1 (rows defaults to the number of values). */
export function vandermonde(values: readonly Rational[], rows = values.length): Matrix<Rational> {
  return Matrix.build(RationalField, rows, values.length, (t, j) => values[j]!.pow(t));
}

/** Π_{j<l} (v_l − v_j): the determinant of the square Vandermonde matrix. */
export function vandermondeProduct(values: readonly Rational[]): Rational {
  let p = Rational.ONE;
  for (let l = 0; l < values.length; l++) for (let j = 0; j < l; j++) p = p.mul(values[l]!.sub(values[j]!));
  return p;
}

/** vec(x^{⊗t}): all d^t products x_{i1}⋯x_{it}, in lexicographic order of (i1, …, it). */
export function tensorPower(x: readonly Rational[], t: number): Rational[] {
  let out: Rational[] = [Rational.ONE];
  for (let s = 0; s < t; s++) out = out.flatMap((v) => x.map((xi) => v.mul(xi)));
  return out;
}

/**
 * The interpolation matrix of the proof of Theorem 1: row j is [vec(x̄_j^{⊗0}), …, vec(x̄_j^{⊗p})], so
 * Σ_t u_tᵀ vec(x̄_j^{⊗t}) = q_j for all j is the linear system M·u = q.
 */
export function tensorInterpolationMatrix(points: readonly (readonly Rational[])[], degree: number): Matrix<Rational> {
  const rows = points.map((x) => Array.from({ length: degree + 1 }, (_, t) => tensorPower(x, t)).flat());
  return Matrix.from(RationalField, rows);
}

/**
 * The stationarity moments of eq. (11) for unit k at the base outputs (a = 0):
 *   z_t = Σ_i (∇ℓ_{y_i}(f(x_i; θ)))_k exp(w_kᵀx_i + b_k) (uᵀx_i)^t,  t = 0 … maxPower.
 */
export function stationarityMoments<T>(
  p: AugmentedProblem<T>,
  head: Pick<ExpUnitParameters<T>, 'b' | 'w'>,
  k: number,
  u: readonly T[],
  maxPower: number,
): T[] {
  const F = p.field;
  const xi = unitWeights(p, head, k);
  const proj = p.inputs.map((x) => x.reduce((s, v, j) => F.add(s, F.mul(u[j]!, v)), F.zero));
  return Array.from({ length: maxPower + 1 }, (_, t) => xi.reduce((s, c, i) => F.add(s, F.mul(c, power(F, proj[i]!, t))), F.zero));
}

/** ξ_{i,k} = (∇ℓ_{y_i}(f(x_i; θ)))_k exp(w_kᵀx_i + b_k), the weights of the moments. */
export function unitWeights<T>(p: AugmentedProblem<T>, head: Pick<ExpUnitParameters<T>, 'b' | 'w'>, k: number): T[] {
  const F = p.field;
  const grads = baseLossGradients(p);
  return p.inputs.map((x, i) => {
    const z = x.reduce((s, v, j) => F.add(s, F.mul(head.w[k]![j]!, v)), head.b[k]!);
    return F.mul(grads[i]![k]!, p.exp(z));
  });
}

/**
 * ζ_k(ε̄) = Σ_i (∇ℓ_{y_i}(f(x_i; θ)))_k exp((w_k + ε̄u)ᵀx_i + b_k) = m·∂L̃/∂a_k at (a = 0, b, W + ε̄ u e_kᵀ)
 * for the mean normalisation: the quantity whose sign tells in which direction a_k decreases L̃.
 */
export function unitSlope<T>(p: AugmentedProblem<T>, head: Pick<ExpUnitParameters<T>, 'b' | 'w'>, k: number, u: readonly T[], epsilon: T): T {
  const F = p.field;
  const w = head.w.map((wk, j) => (j === k ? wk.map((v, c) => F.add(v, F.mul(epsilon, u[c]!))) : wk));
  return unitWeights(p, { b: head.b, w }, k).reduce((s, v) => F.add(s, v), F.zero);
}

/** Σ_{i ∈ I_j} (∇ℓ_{y_i}(f(x_i; θ)))_k per distinct input: all zero iff θ is per-input optimal for a convex ℓ. */
export function groupedLossGradients(p: AugmentedProblem<Rational>, groups: InputGroups): Rational[][] {
  const grads = baseLossGradients(p);
  const dy = p.outputs[0]!.length;
  return groups.members.map((idx) => Array.from({ length: dy }, (_, k) => idx.reduce((s, i) => s.add(grads[i]![k]!), Rational.ZERO)));
}

function power<T>(F: Field<T>, x: T, t: number): T {
  let r = F.one;
  for (let i = 0; i < t; i++) r = F.mul(r, x);
  return r;
}
