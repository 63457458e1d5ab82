import type { Field } from '../numbers/field.ts';
import type { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';

export type Sign = -1 | 0 | 1;

/** One sign per sample: the pre-activation signs of a single unit over the dataset (length N). */
export type SignVector = readonly Sign[];

/**
 * N×K table: pattern[i][j] = sign(w_jᵀx_i + b_j) for sample i and hidden unit j.
 * +1: the unit is active on the sample, −1: inactive, 0: on the kink (non-differentiable for ReLU).
 */
export type ActivationPattern = readonly (readonly Sign[])[];

/** Pre-activations w_jᵀx_i + b_j as an N×K table in any field (biases optional: none means 0). */
export function preactivationsIn<T>(
  F: Field<T>,
  inputs: readonly (readonly T[])[],
  weights: readonly (readonly T[])[],
  biases?: readonly T[],
): T[][] {
  const d = inputs[0]?.length ?? 0;
  inputs.forEach((x, i) => {
    if (x.length !== d) throw new RangeError(`inputs[${i}] has ${x.length} entries, expected ${d}`);
  });
  weights.forEach((w, j) => {
    if (w.length !== d) throw new RangeError(`weights[${j}] has ${w.length} entries, input dimension is ${d}`);
  });
  if (biases !== undefined && biases.length !== weights.length) {
    throw new RangeError(`biases has ${biases.length} entries for ${weights.length} units`);
  }
  return inputs.map((x) =>
    weights.map((w, j) => {
      let s = biases === undefined ? F.zero : biases[j]!;
      for (let k = 0; k < d; k++) s = F.add(s, F.mul(w[k]!, x[k]!));
      return s;
    }),
  );
}

/**
 * Signs of given pre-activation values (N×K) in any field. Decisive only in an exact field:
 * a float that happens to be 0 or tiny says nothing certain about the exact sign.
 */
export function patternOfPreactivations<T>(F: Field<T>, preactivations: readonly (readonly T[])[]): ActivationPattern {
  return preactivations.map((row, i) =>
    row.map((z, j) => {
      if (!F.exact && !Number.isFinite(F.toNumber(z))) throw new RangeError(`pre-activation [${i}][${j}] is ${F.toString(z)}`);
      return F.sign(z);
    }),
  );
}

/** Exact activation pattern of one layer: weights is K×d (row j = w_j), biases length K or omitted. */
export function activationPattern(
  inputs: readonly (readonly Rational[])[],
  weights: readonly (readonly Rational[])[],
  biases?: readonly Rational[],
): ActivationPattern {
  return patternOfPreactivations(RationalField, preactivationsIn(RationalField, inputs, weights, biases));
}

/** The same in any field (floats: a search heuristic only). */
export function activationPatternIn<T>(
  F: Field<T>,
  inputs: readonly (readonly T[])[],
  weights: readonly (readonly T[])[],
  biases?: readonly T[],
): ActivationPattern {
  return patternOfPreactivations(F, preactivationsIn(F, inputs, weights, biases));
}

export interface DifferentiabilityOptions {
  /**
   * Samples whose zero entries do not count, e.g. x_i = 0 without bias: w·0 = 0 for every w, so
   * that pre-activation is identically zero and never switches (see `degenerateSamples`).
   */
  readonly ignoreSamples?: readonly number[];
}

/** No pre-activation is exactly zero (outside the ignored samples): the pattern is locally constant. */
export function isDifferentiablePattern(pattern: ActivationPattern, options: DifferentiabilityOptions = {}): boolean {
  const ignored = new Set(options.ignoreSamples ?? []);
  return pattern.every((row, i) => ignored.has(i) || row.every((s) => s !== 0));
}

/** Column j of the pattern: unit j's signs over all samples. */
export function unitSigns(pattern: ActivationPattern, unit: number): Sign[] {
  return pattern.map((row, i) => {
    const s = row[unit];
    if (s === undefined) throw new RangeError(`pattern row ${i} has no unit ${unit}`);
    return s;
  });
}

/** K per-unit sign vectors (each length N) → the N×K pattern. */
export function patternFromUnits(units: readonly SignVector[]): ActivationPattern {
  const n = units[0]?.length ?? 0;
  units.forEach((u, j) => {
    if (u.length !== n) throw new RangeError(`unit ${j} has ${u.length} signs, expected ${n}`);
  });
  return Array.from({ length: n }, (_, i) => units.map((u) => u[i]!));
}

/** The N×K pattern → K per-unit sign vectors. */
export function unitsFromPattern(pattern: ActivationPattern): Sign[][] {
  const k = pattern[0]?.length ?? 0;
  return Array.from({ length: k }, (_, j) => unitSigns(pattern, j));
}

/** Compact text of a sign vector, e.g. "+-0+". */
export function signString(signs: SignVector): string {
  return signs.map((s) => (s > 0 ? '+' : s < 0 ? '-' : '0')).join('');
}

/** Stable text key of a pattern: the per-sample sign strings joined by '|'. */
export function patternKey(pattern: ActivationPattern): string {
  return pattern.map(signString).join('|');
}

/** Samples whose hyperplane is degenerate: x_i = 0 without bias (w·x_i is 0 for every w). */
export function degenerateSamples(inputs: readonly (readonly Rational[])[], options: { bias?: boolean } = {}): number[] {
  if (options.bias) return [];
  const out: number[] = [];
  inputs.forEach((x, i) => {
    if (x.every((v) => v.isZero())) out.push(i);
  });
  return out;
}
