import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';

/** N labelled points: inputs[i] ∈ T^d, targets[i] ∈ T^dY (a scalar label is a vector of length 1). */
export interface Dataset<T = Rational> {
  readonly inputs: readonly (readonly T[])[];
  readonly targets: readonly (readonly T[])[];
}

export function datasetSize<T>(data: Dataset<T>): { n: number; d: number; dY: number } {
  return { n: data.inputs.length, d: data.inputs[0]?.length ?? 0, dY: data.targets[0]?.length ?? 0 };
}

/** An exact dataset from numbers or strings; scalar targets may be given as plain values. */
export function ratData(
  inputs: readonly (readonly (number | string)[])[],
  targets: readonly (number | string | readonly (number | string)[])[],
): Dataset<Rational> {
  if (inputs.length !== targets.length) {
    throw new RangeError(`dataset has ${inputs.length} inputs but ${targets.length} targets`);
  }
  return {
    inputs: inputs.map((x) => x.map((v) => Rational.from(v))),
    targets: targets.map((y) => (Array.isArray(y) ? y : [y]).map((v: number | string) => Rational.from(v))),
  };
}

/** The same dataset in another field (rationals to floats or decimals). */
export function mapDataset<T>(field: Field<T>, data: Dataset<Rational>): Dataset<T> {
  return {
    inputs: data.inputs.map((x) => x.map((v) => field.fromRational(v))),
    targets: data.targets.map((y) => y.map((v) => field.fromRational(v))),
  };
}

