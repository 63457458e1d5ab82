import type { Matrix } from '../linalg/matrix.ts';
import { Rational } from '../numbers/rational.ts';
import { NetworkError } from './errors.ts';
import { milneBlockOffsets, milneSwitches, milneWidths, type MilneWeights } from './milne-matrix.ts';

/** One non-zero term sgn(σ)·∏_i a_{i,σ(i)} of the Leibniz formula (9); indices 0-based. */
export interface LeibnizTerm {
  readonly permutation: readonly number[];
  readonly sign: 1 | -1;
  /** ∏_i a_{i,σ(i)} without the sign. */
  readonly product: Rational;
}

/** Every entry an integer in 0..n−1 and none repeated, i.e. a bijection of 0..n−1. */
function requirePermutation(permutation: readonly number[]): void {
  const n = permutation.length;
  const hit = new Array<boolean>(n).fill(false);
  for (const p of permutation) {
    if (!Number.isInteger(p) || p < 0 || p >= n || hit[p]) throw new NetworkError(`not a permutation of 0..${n - 1}: ${permutation.join(',')}`);
    hit[p] = true;
  }
}

/** sgn(σ) = (−1)^{n − number of cycles}. */
export function permutationSign(permutation: readonly number[]): 1 | -1 {
  requirePermutation(permutation);
  const n = permutation.length;
  const seen = new Array<boolean>(n).fill(false);
  let cycles = 0;
  for (let i = 0; i < n; i++) {
    if (seen[i]) continue;
    cycles++;
    for (let j = i; !seen[j]; j = permutation[j]!) seen[j] = true;
  }
  return (n - cycles) % 2 === 0 ? 1 : -1;
}

/**
 * Every permutation whose Leibniz product is non-zero, by depth-first search over rows choosing a
 * non-zero entry in an unused column: the exhaustive Leibniz sum with the zero terms pruned.
 */
export function nonZeroLeibnizTerms(A: Matrix<Rational>): LeibnizTerm[] {
  if (A.rows !== A.cols) throw new NetworkError(`Leibniz terms need a square matrix, got ${A.rows}×${A.cols}`);
  const n = A.rows;
  const nonZero = Array.from({ length: n }, (_, i) => A.row(i).flatMap((v, j) => (v.isZero() ? [] : [j])));
  const used = new Array<boolean>(n).fill(false);
  const sigma = new Array<number>(n).fill(-1);
  const terms: LeibnizTerm[] = [];
  const visit = (i: number, product: Rational): void => {
    if (i === n) {
      terms.push({ permutation: [...sigma], sign: permutationSign(sigma), product });
      return;
    }
    for (const j of nonZero[i]!) {
      if (used[j]) continue;
      used[j] = true;
      sigma[i] = j;
      visit(i + 1, product.mul(A.get(i, j)));
      used[j] = false;
    }
    sigma[i] = -1;
  };
  visit(0, Rational.ONE);
  return terms;
}

/** det(A) as the sum of the non-zero Leibniz terms (brute force, independent of elimination). */
export function leibnizDeterminant(A: Matrix<Rational>): Rational {
  return nonZeroLeibnizTerms(A).reduce((s, t) => (t.sign > 0 ? s.add(t.product) : s.sub(t.product)), Rational.ZERO);
}

/** An input–output path of eq. (8): nodes[k] is the neuron visited in layer k (k = 0..H+1). */
export interface NetworkPath {
  readonly nodes: readonly number[];
  /** a^{i_0}·∏_k w^k_{i_k,i_{k+1}}: the path's product without the activity indicator. */
  readonly product: Rational;
}

/**
 * The paths of eq. (8) whose term is non-zero: every hidden and output neuron on the path is
 * active (I_j = 1) and the input entry and every weight along it are non-zero.
 */
export function milneActivePaths(a: readonly Rational[], W: MilneWeights): NetworkPath[] {
  const widths = milneWidths(W);
  const S = milneSwitches(a, W);
  const paths: NetworkPath[] = [];
  const extend = (layer: number, nodes: number[], product: Rational): void => {
    if (product.isZero()) return;
    if (layer === widths.length - 1) {
      paths.push({ nodes: [...nodes], product });
      return;
    }
    const from = nodes[nodes.length - 1]!;
    for (let k = 0; k < widths[layer + 1]!; k++) {
      if (S[layer + 1]![k]!.isZero()) continue;
      extend(layer + 1, [...nodes, k], product.mul(W[layer]![from]![k]!));
    }
  };
  a.forEach((v, i) => extend(0, [i], v));
  return paths;
}

/** What Lemma 4 says about one permutation with a non-zero Leibniz term, read off the permutation. */
export interface PermutationStructure {
  /** σ(1) ∈ J_0 and σ(n) = 1 (eq. (10)). */
  readonly endsAtFirstIndex: boolean;
  /** For each k = 0..H exactly one index of J_k moves, and it moves into J_{k+1}; no other index moves. */
  readonly oneMovePerLayer: boolean;
  /** The path 1 → σ(1) → σ²(1) → … read as neurons of layers 0..H+1, or null when it is not a path. */
  readonly path: readonly number[] | null;
}

/** Lemma 4's structure of a permutation of the indices of A(a, W) for a network of these widths. */
export function permutationStructure(permutation: readonly number[], widths: readonly number[]): PermutationStructure {
  const offsets = milneBlockOffsets(widths);
  const n = permutation.length;
  const blockOf = (i: number): number => {
    if (i === 0) return -1;
    for (let k = offsets.length - 1; k >= 0; k--) if (i >= offsets[k]!) return k;
    return -1;
  };
  const last = widths.length - 1;
  const endsAtFirstIndex = blockOf(permutation[0]!) === 0 && permutation[n - 1] === 0;
  let oneMovePerLayer = true;
  for (let k = 0; k < last; k++) {
    const moved = [...Array(widths[k]).keys()].map((j) => offsets[k]! + j).filter((i) => permutation[i] !== i);
    if (moved.length !== 1 || blockOf(permutation[moved[0]!]!) !== k + 1) oneMovePerLayer = false;
  }
  // Outside row/column 0 and the last index, only the path's indices may move.
  const movedCount = permutation.filter((p, i) => p !== i).length;
  if (movedCount !== widths.length + 1) oneMovePerLayer = false;
  const path: number[] = [];
  let i = permutation[0]!;
  for (let k = 0; k <= last; k++) {
    if (blockOf(i) !== k) return { endsAtFirstIndex, oneMovePerLayer, path: null };
    path.push(i - offsets[k]!);
    i = permutation[i]!;
  }
  return { endsAtFirstIndex, oneMovePerLayer, path: i === 0 ? path : null };
}
