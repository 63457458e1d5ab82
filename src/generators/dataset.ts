import fc from 'fast-check';
import type { Rational } from '../numbers/rational.ts';
import { Rational as Q } from '../numbers/rational.ts';
import type { Dataset } from '../network/dataset.ts';
import { smallRational, type RationalOptions } from './rational.ts';
import { Matrix } from '../linalg/matrix.ts';
import { rank } from '../linalg/elimination.ts';
import { RationalField } from '../numbers/rational-field.ts';

export type LabelKind = 'real' | 'sign';

export interface DatasetOptions {
  readonly minPoints?: number;
  readonly maxPoints?: number;
  readonly minDim?: number;
  readonly maxDim?: number;
  /** Output dimension (default 1). */
  readonly outputs?: number;
  /** 'real' labels are small rationals, 'sign' labels are ±1 (default 'real'). */
  readonly labels?: LabelKind;
  /** Entries of the inputs. */
  readonly entries?: RationalOptions;
  /** Exclude the zero input (its hyperplane is degenerate without bias). */
  readonly nonZeroInputs?: boolean;
  /**
   * Keep only datasets whose inputs are in general position: every min(d, N) inputs linearly
   * independent ('central'), or the same for the lifted inputs (x, 1) ('affine').
   */
  readonly generalPosition?: 'central' | 'affine';
}

const key = (x: readonly Rational[]): string => x.map(String).join(',');

/** A label: a small rational or ±1. */
export function label(kind: LabelKind, entries?: RationalOptions): fc.Arbitrary<Rational> {
  return kind === 'sign' ? fc.constantFrom(Q.ONE, Q.MINUS_ONE) : smallRational(entries);
}

/** Distinct inputs of dimension d (shrinks toward fewer points and small integer entries). */
export function distinctInputs(d: number, options: DatasetOptions = {}): fc.Arbitrary<Rational[][]> {
  const point = fc.array(smallRational(options.entries), { minLength: d, maxLength: d });
  const usable = options.nonZeroInputs ? point.filter((x) => x.some((v) => !v.isZero())) : point;
  return fc.uniqueArray(usable, {
    minLength: options.minPoints ?? 1,
    maxLength: options.maxPoints ?? 4,
    selector: key,
  });
}

/** A labelled dataset with N distinct points in d dimensions; shrinks toward N = 1, d = 1, small integers. */
export function dataset(options: DatasetOptions = {}): fc.Arbitrary<Dataset<Rational>> {
  const dims = fc.integer({ min: options.minDim ?? 1, max: options.maxDim ?? 2 });
  const outputs = options.outputs ?? 1;
  const data = dims.chain((d) =>
    distinctInputs(d, options).chain((inputs) =>
      fc
        .array(fc.array(label(options.labels ?? 'real', options.entries), { minLength: outputs, maxLength: outputs }), {
          minLength: inputs.length,
          maxLength: inputs.length,
        })
        .map((targets): Dataset<Rational> => ({ inputs, targets })),
    ),
  );
  const gp = options.generalPosition;
  return gp ? data.filter((ds) => inGeneralPosition(ds.inputs, gp)) : data;
}

/** Every set of min(dim, N) vectors (inputs, or (x,1) for 'affine') is linearly independent. */
export function inGeneralPosition(inputs: readonly (readonly Rational[])[], kind: 'central' | 'affine'): boolean {
  const vectors = kind === 'affine' ? inputs.map((x) => [...x, Q.ONE]) : inputs.map((x) => [...x]);
  const dim = vectors[0]?.length ?? 0;
  const k = Math.min(dim, vectors.length);
  return subsets(vectors.length, k).every((idx) => rank(Matrix.from(RationalField, idx.map((i) => vectors[i]!), dim)) === k);
}

function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const rec = (start: number, acc: number[]): void => {
    if (acc.length === k) {
      out.push([...acc]);
      return;
    }
    for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
  };
  rec(0, []);
  return out;
}
