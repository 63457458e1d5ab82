import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { Matrix } from '../linalg/matrix.ts';
import { NetworkError } from '../network/errors.ts';
import type { OneHiddenLayerPoint } from './one-hidden-layer.ts';

/**
 * Liu §7.1: K parallel weight vectors along a unit direction i, weight k given by its normal
 * n_k = ±1 (n_k i) and its x coordinate h_k; z_k = n_k is fixed. On a sample with coordinate
 * x = x·i, unit k is active iff n_k(x − h_k) > 0 and then contributes R_k·x = x − h_k.
 */
export interface ParallelWeights {
  readonly normals: readonly (1 | -1)[];
  readonly positions: readonly Rational[];
}

/** A region Ω_j between adjacent weight positions: which units are active there and which samples lie in it. */
export interface ParallelRegion {
  /** Open interval (lower, upper); null is −∞ / +∞. */
  readonly lower: Rational | null;
  readonly upper: Rational | null;
  /** I_{Ω_j k}. */
  readonly active: readonly boolean[];
  readonly samples: readonly number[];
}

function checkWeights(weights: ParallelWeights): void {
  if (weights.normals.length !== weights.positions.length) {
    throw new NetworkError(`${weights.normals.length} normals for ${weights.positions.length} positions`);
  }
  if (weights.normals.length === 0) throw new NetworkError('parallel weights need at least one unit');
}

const isActive = (normal: 1 | -1, position: Rational, x: Rational): boolean => x.sub(position).sign() === normal;

/**
 * The regions Ω_j cut out by the distinct positions, in increasing order, with the samples
 * strictly inside each. Throws when a sample lies exactly on a weight (it belongs to no open region).
 */
export function parallelRegions(coordinates: readonly Rational[], weights: ParallelWeights): ParallelRegion[] {
  checkWeights(weights);
  const cuts = [...weights.positions].sort((a, b) => a.compare(b)).filter((p, k, all) => k === 0 || !p.equals(all[k - 1]!));
  const onWeight = coordinates.findIndex((x) => cuts.some((p) => p.equals(x)));
  if (onWeight >= 0) throw new NetworkError(`sample ${onWeight} lies on a weight vector (x = ${coordinates[onWeight]})`);
  const bounds: [Rational | null, Rational | null][] = [[null, cuts[0]!], ...cuts.map((p, k): [Rational, Rational | null] => [p, cuts[k + 1] ?? null])];
  return bounds.map(([lower, upper]) => {
    // A point strictly inside the interval decides I_{Ω_j k}.
    const inside = lower === null ? upper!.sub(Rational.ONE) : upper === null ? lower.add(Rational.ONE) : lower.add(upper).div(Rational.fromInt(2));
    const active = weights.normals.map((n, k) => isActive(n, weights.positions[k]!, inside));
    const samples = coordinates.flatMap((x, i) => ((lower === null || x.gt(lower)) && (upper === null || x.lt(upper)) ? [i] : []));
    return { lower, upper, active, samples };
  });
}

/** Eq. (20): L = Σ_j Σ_{i∈Ω_j} (Σ_k I_{Ω_j k} x_i − Σ_k I_{Ω_j k} h_k − y_i)² (no 1/N). */
export function parallelLoss(coordinates: readonly Rational[], labels: readonly Rational[], weights: ParallelWeights): Rational {
  return parallelRegions(coordinates, weights).reduce((total, region) => {
    const count = Rational.fromInt(region.active.filter(Boolean).length);
    const shift = weights.positions.reduce((s, h, k) => (region.active[k] ? s.add(h) : s), Rational.ZERO);
    return region.samples.reduce((s, i) => s.add(count.mul(coordinates[i]!).sub(shift).sub(labels[i]!).pow(2)), total);
  }, Rational.ZERO);
}

/**
 * Eq. (21)–(22): F(l, k) = Σ_j I_jl I_jk N_j and
 * f(l) = Σ_k Σ_j I_jl I_jk Σ_{i∈Ω_j} x_i − Σ_j I_jl Σ_{i∈Ω_j} y_i, so that ∂(20)/∂h = 2(Fh − f).
 */
export function parallelSystem(coordinates: readonly Rational[], labels: readonly Rational[], weights: ParallelWeights): { F: Matrix<Rational>; f: Rational[] } {
  const regions = parallelRegions(coordinates, weights);
  const K = weights.normals.length;
  const both = (r: ParallelRegion, l: number, k: number): boolean => r.active[l]! && r.active[k]!;
  const sumOf = (r: ParallelRegion, values: readonly Rational[]): Rational => r.samples.reduce((s, i) => s.add(values[i]!), Rational.ZERO);
  const F = Array.from({ length: K }, (_, l) =>
    Array.from({ length: K }, (_, k) => regions.reduce((s, r) => (both(r, l, k) ? s.add(Rational.fromInt(r.samples.length)) : s), Rational.ZERO)),
  );
  const f = Array.from({ length: K }, (_, l) => {
    const xs = regions.reduce((s, r) => s.add(Rational.fromInt(r.active.filter((_, k) => both(r, l, k)).length).mul(sumOf(r, coordinates))), Rational.ZERO);
    const ys = regions.reduce((s, r) => (r.active[l] ? s.add(sumOf(r, labels)) : s), Rational.ZERO);
    return xs.sub(ys);
  });
  return { F: Matrix.from(RationalField, F, K), f };
}

/** Counts and class means of one region for ±1 labels (mean null when the class is absent). */
export interface ClassCounts {
  readonly positives: number;
  readonly negatives: number;
  readonly positiveMean: Rational | null;
  readonly negativeMean: Rational | null;
}

export function classCounts(coordinates: readonly Rational[], labels: readonly Rational[], samples: readonly number[]): ClassCounts {
  const of = (label: Rational) => samples.filter((i) => labels[i]!.equals(label)).map((i) => coordinates[i]!);
  const mean = (xs: readonly Rational[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s.add(x), Rational.ZERO).div(Rational.fromInt(xs.length)));
  const pos = of(Rational.ONE);
  const neg = of(Rational.MINUS_ONE);
  if (pos.length + neg.length !== samples.length) throw new NetworkError('labels must be ±1');
  return { positives: pos.length, negatives: neg.length, positiveMean: mean(pos), negativeMean: mean(neg) };
}

/**
 * Eq. (24) for two weights (w_1 with normal +i at h_1, w_2 with normal −i at h_2 < h_1; Ω_1 = (h_1, ∞),
 * Ω_3 = (−∞, h_2)): h* = (P_+ x̄_+ + P_− x̄_− − P_+ + P_−)/(P_+ + P_−) per outer region, with
 * P_± = N_{j±}/N_± (equal class sizes). Null for a region without samples (the formula divides by 0).
 */
export function twoWeightClosedForm(coordinates: readonly Rational[], labels: readonly Rational[], positions: readonly [Rational, Rational]): [Rational | null, Rational | null] {
  const [h1, h2] = positions;
  if (!h2.lt(h1)) throw new NetworkError('eq. (23)–(24) have w_2 (normal −i) left of w_1 (normal +i): h_2 < h_1');
  const all = classCounts(coordinates, labels, coordinates.map((_, i) => i));
  const outer = (inRegion: (x: Rational) => boolean): Rational | null => {
    const c = classCounts(coordinates, labels, coordinates.flatMap((x, i) => (inRegion(x) ? [i] : [])));
    const pPlus = Rational.fromInt(c.positives).div(Rational.fromInt(all.positives));
    const pMinus = Rational.fromInt(c.negatives).div(Rational.fromInt(all.negatives));
    const denominator = pPlus.add(pMinus);
    if (denominator.isZero()) return null;
    const moment = (p: Rational, mean: Rational | null) => (mean === null ? Rational.ZERO : p.mul(mean));
    return moment(pPlus, c.positiveMean).add(moment(pMinus, c.negativeMean)).sub(pPlus).add(pMinus).div(denominator);
  };
  return [outer((x) => x.gt(h1)), outer((x) => x.lt(h2))];
}

/**
 * The network point of parallel weights on homogeneous inputs (x, 1) with x ∈ ℝ^d and i = e_1:
 * w_k = n_k(e_1, −h_k), z_k = n_k, so that z_k[w_k·(x, 1)]_+ = I_k (x_1 − h_k).
 */
export function parallelPoint(weights: ParallelWeights, inputDim: number): OneHiddenLayerPoint {
  checkWeights(weights);
  if (!Number.isInteger(inputDim) || inputDim < 1) throw new NetworkError(`inputDim must be a positive integer, got ${inputDim}`);
  const rows = weights.normals.map((n, k) => {
    const s = Rational.fromInt(n);
    const w = Array.from({ length: inputDim }, (_, c) => (c === 0 ? s : Rational.ZERO));
    return [...w, weights.positions[k]!.neg().mul(s)];
  });
  return { weights: rows, biases: null, outputWeights: weights.normals.map((n) => Rational.fromInt(n)), outputBias: null };
}
