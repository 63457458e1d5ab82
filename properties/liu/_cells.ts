// liu: shared instances — homogeneous inputs (x, 1), cells of K units, and the paper's quantities of §3–§4.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  dataset,
  pointInRegion,
  realizableRegion,
  smallRational,
  rationalDot as dot,
  type Dataset,
  type Decision,
  type OneHiddenLayerPoint,
  type Sign,
} from '../../src/index.ts';

const F = RationalField;

export type LabelKind = 'sign' | 'real';

/** A dataset with homogeneous inputs (Liu §2: x_i augmented with the scalar 1) and a cell (I_ij fixed) of K units. */
export interface CellInstance {
  readonly data: Dataset<Rational>;
  /** region[j][i] = sign of w_j·x_i in the cell: I_ij = 1 iff it is +1. */
  readonly region: Sign[][];
}

export interface CellOptions {
  readonly maxPoints?: number;
  readonly maxUnits?: number;
  /** Raw input dimension before the 1 is appended (default 1, so d = 2). */
  readonly maxDim?: number;
  /** ±1 labels as in §2, or small rationals (the least-squares analysis of §4 never uses y_i = ±1). */
  readonly labels?: readonly LabelKind[];
}

/** (x, 1): Liu's homogeneous data vectors. */
export function homogeneous(data: Dataset<Rational>): Dataset<Rational> {
  return { inputs: data.inputs.map((x) => [...x, Rational.ONE]), targets: data.targets };
}

/** A labelled dataset with homogeneous inputs; shrinks toward one point, d = 2, ±1 labels. */
export function liuData(options: CellOptions = {}): fc.Arbitrary<Dataset<Rational>> {
  const kinds = options.labels ?? ['sign', 'real'];
  return fc
    .constantFrom(...kinds)
    .chain((labels) => dataset({ minDim: 1, maxDim: options.maxDim ?? 1, minPoints: 1, maxPoints: options.maxPoints ?? 3, labels }))
    .map(homogeneous);
}

/** A dataset and a realizable cell of K units (each unit's cell shrinks toward the first cell). */
export function cellInstance(options: CellOptions = {}): fc.Arbitrary<CellInstance> {
  return fc
    .record({ data: liuData(options), units: fc.integer({ min: 1, max: options.maxUnits ?? 2 }) })
    .chain(({ data, units }) => realizableRegion(data.inputs, units).map((region) => ({ data, region })));
}

/** A point (z, w) whose w lies in the cell, with small rational z (0 allowed). */
export function pointInCell(instance: CellInstance): fc.Arbitrary<OneHiddenLayerPoint> {
  const K = instance.region.length;
  return fc
    .tuple(pointInRegion(instance.data.inputs, instance.region), fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: K, maxLength: K }))
    .map(([hidden, z]) => ({ weights: hidden.weights.map((w) => [...w]), biases: null, outputWeights: z, outputBias: null }));
}

export { dot };

/** I_ij = 1 if w_j·x_i > 0 and 0 otherwise (§3), for an N×K table. */
export function indicators(inputs: readonly (readonly Rational[])[], weights: readonly (readonly Rational[])[]): number[][] {
  return inputs.map((x) => weights.map((w) => (dot(w, x).sign() > 0 ? 1 : 0)));
}

/** I_ij of a cell given by its signs. */
export function cellIndicators(region: readonly (readonly Sign[])[], samples: number): number[][] {
  return Array.from({ length: samples }, (_, i) => region.map((signs) => (signs[i]! > 0 ? 1 : 0)));
}

/** R_j = z_j w_j. */
export function blocksOf(point: OneHiddenLayerPoint): Rational[][] {
  return point.weights.map((w, j) => w.map((v) => v.mul(point.outputWeights[j]!)));
}

/** Σ_j I_ij R_j·x_i: the prediction inside eq. (2). */
export function cellPrediction(x: readonly Rational[], I: readonly number[], R: readonly (readonly Rational[])[]): Rational {
  return R.reduce((s, Rj, j) => (I[j] === 1 ? s.add(dot(Rj, x)) : s), Rational.ZERO);
}

/** A of eq. (6): row i is (I_i1 x_iᵀ, …, I_iK x_iᵀ). Built from the definition, not from the library's design matrix. */
export function paperDesign(inputs: readonly (readonly Rational[])[], I: readonly (readonly number[])[]): Matrix<Rational> {
  const d = inputs[0]!.length;
  const K = I[0]!.length;
  const rows = inputs.map((x, i) => Array.from({ length: K * d }, (_, c) => (I[i]![Math.floor(c / d)] === 1 ? x[c % d]! : Rational.ZERO)));
  return Matrix.from(F, rows, K * d);
}

/** Splits a flat R = (R_1ᵀ, …, R_Kᵀ)ᵀ into its K blocks of length d. */
export function blocks(R: readonly Rational[], d: number): Rational[][] {
  return Array.from({ length: R.length / d }, (_, j) => R.slice(j * d, (j + 1) * d));
}

/** (2/N) Σ_i e_i I_ij x_i with e_i = Σ_k I_ik R_k·x_i − y_i: ∂L/∂R_j of the mean squared loss (2). */
export function squaredLossGradientInR(data: Dataset<Rational>, I: readonly (readonly number[])[], R: readonly (readonly Rational[])[]): Rational[][] {
  const N = data.inputs.length;
  const scale = Rational.of(2, N);
  const e = data.inputs.map((x, i) => cellPrediction(x, I[i]!, R).sub(data.targets[i]![0]!));
  return R.map((Rj, j) =>
    Rj.map((_, k) => data.inputs.reduce((s, x, i) => (I[i]![j] === 1 ? s.add(e[i]!.mul(x[k]!)) : s), Rational.ZERO).mul(scale)),
  );
}

export const show = (xs: readonly Rational[]): string[] => xs.map(String);
export const showRows = (rows: readonly (readonly Rational[])[]): string[][] => rows.map(show);

/** A small readable description of a dataset for witnesses. */
export function dataWitness(data: Dataset<Rational>): { inputs: string[][]; targets: string[] } {
  return { inputs: showRows(data.inputs), targets: data.targets.map((t) => String(t[0])) };
}

/** The point as z and w rows for witnesses. */
export function pointWitness(point: OneHiddenLayerPoint): { z: string[]; w: string[][] } {
  return { z: show(point.outputWeights), w: showRows(point.weights) };
}

/**
 * The ray a classifier decision rests on, as a hint for the second route: the certified ray's
 * direction, or ∓ the gradient. The flat order of oneHiddenLayerNetwork is w_1, …, w_K, then z.
 */
export function rayWitness(decision: Decision, K: number, d: number, kind: 'descent' | 'ascent'): { dw: string[][]; dz: string[] } | null {
  const c = decision.certificate;
  const flat = c?.kind === 'ray' ? c.expansion.direction : c?.kind === 'gradient' ? c.gradient.map((g) => (kind === 'descent' ? g.neg() : g)) : null;
  if (flat === null || flat === undefined || flat.length !== K * d + K) return null;
  return { dw: Array.from({ length: K }, (_, j) => show(flat.slice(j * d, (j + 1) * d))), dz: show(flat.slice(K * d)) };
}
