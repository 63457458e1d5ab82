// Instances shared by the He, Wang & Tao claims: small datasets, architectures and activations as plain data.
import fc from 'fast-check';
import {
  Rational,
  RationalField,
  distinctInputs,
  piecewiseLinear,
  smallRational,
  type Activation,
  type Dataset,
} from '../../src/index.ts';

/** A piecewise linear activation as plain data (rationals only), rebuilt inside each check. */
export interface ActivationData {
  readonly breakpoints: Rational[];
  readonly slopes: Rational[];
  readonly valueAtZero: Rational;
}

export interface DataInstance {
  readonly inputs: Rational[][];
  readonly targets: Rational[][];
}

export interface NetworkInstance extends DataInstance {
  readonly hidden: number[];
  readonly activation: ActivationData;
}

export const activationOf = (a: ActivationData): Activation<Rational> =>
  piecewiseLinear(RationalField, { breakpoints: a.breakpoints, slopes: a.slopes, valueAtZero: a.valueAtZero });

export const datasetOf = (d: DataInstance): Dataset<Rational> => ({ inputs: d.inputs, targets: d.targets });

const slope = smallRational({ maxNumerator: 3, maxDenominator: 2 });
const entry = smallRational({ maxNumerator: 3, maxDenominator: 2 });

/** Which turning points the activations have. */
export type Turning =
  /** h_{s−,s+} with s− ≠ s+ and s− + s+ ≠ 0 (Assumption 4). */
  | 'two-piece'
  /** h_{s−,s+} with s− ≠ s+ (s− + s+ = 0 allowed). */
  | 'any-two-piece'
  /** 1–2 breakpoints, adjacent slopes distinct, some turning point with s− + s+ ≠ 0. */
  | 'piecewise'
  /** Every turning point has s− + s+ = 0 (Assumption 4 fails): slopes alternate ±s. */
  | 'symmetric';

export function activationData(turning: Turning): fc.Arbitrary<ActivationData> {
  switch (turning) {
    case 'two-piece':
      return fc
        .tuple(slope, slope)
        .filter(([a, b]) => !a.equals(b) && !a.add(b).isZero())
        .map(([a, b]) => ({ breakpoints: [Rational.ZERO], slopes: [a, b], valueAtZero: Rational.ZERO }));
    case 'any-two-piece':
      return fc
        .tuple(slope, slope)
        .filter(([a, b]) => !a.equals(b))
        .map(([a, b]) => ({ breakpoints: [Rational.ZERO], slopes: [a, b], valueAtZero: Rational.ZERO }));
    case 'piecewise':
      return fc
        .integer({ min: 1, max: 2 })
        .chain((m) =>
          fc.tuple(
            fc.uniqueArray(smallRational({ maxNumerator: 2, maxDenominator: 2 }), { minLength: m, maxLength: m, selector: String }),
            fc.array(slope, { minLength: m + 1, maxLength: m + 1 }),
            smallRational({ maxNumerator: 2, maxDenominator: 2 }),
          ),
        )
        .filter(([, ss]) => ss.every((s, k) => k === 0 || !s.equals(ss[k - 1]!)) && ss.some((s, k) => k > 0 && !s.add(ss[k - 1]!).isZero()))
        .map(([ts, ss, h0]) => ({ breakpoints: [...ts].sort((a, b) => a.compare(b)), slopes: ss, valueAtZero: h0 }));
    case 'symmetric':
      return fc
        .tuple(
          fc.uniqueArray(smallRational({ maxNumerator: 2, maxDenominator: 2 }), { minLength: 1, maxLength: 2, selector: String }),
          smallRational({ maxNumerator: 3, maxDenominator: 2, nonZero: true }),
          smallRational({ maxNumerator: 2, maxDenominator: 2 }),
        )
        .map(([ts, s, h0]) => ({
          breakpoints: [...ts].sort((a, b) => a.compare(b)),
          slopes: Array.from({ length: ts.length + 1 }, (_, k) => (k % 2 === 0 ? s.neg() : s)),
          valueAtZero: h0,
        }));
  }
}

export interface DataOptions {
  readonly maxInputDim?: number;
  readonly maxOutputs?: number;
  /** Extra points beyond dX + 2 (default up to 2). */
  readonly extraPoints?: number;
}

/** n ≥ dX + 2 distinct inputs (so that a linear model rarely fits) with dY-dimensional labels. */
export function dataInstance(options: DataOptions = {}): fc.Arbitrary<DataInstance & { dY: number }> {
  return fc
    .record({ dX: fc.integer({ min: 1, max: options.maxInputDim ?? 3 }), dY: fc.integer({ min: 1, max: options.maxOutputs ?? 2 }) })
    .chain(({ dX, dY }) =>
      distinctInputs(dX, { minPoints: dX + 2, maxPoints: dX + 2 + (options.extraPoints ?? 2), entries: { maxNumerator: 3, maxDenominator: 2 } }).chain((inputs) =>
        fc.record({
          inputs: fc.constant(inputs),
          targets: fc.array(fc.array(entry, { minLength: dY, maxLength: dY }), { minLength: inputs.length, maxLength: inputs.length }),
          dY: fc.constant(dY),
        }),
      ),
    );
}

export interface ArchitectureOptions extends DataOptions {
  readonly minDepth?: number;
  readonly maxDepth?: number;
  /** Extra width of the first hidden layer beyond dY + 1 required (Assumption 5: 1). */
  readonly firstExtra?: number;
}

/** Data, hidden widths d_i ∈ [dY + 1, dY + 2] (d_1 ≥ dY + 1 + firstExtra) and an activation. */
export function networkInstance(turning: Turning, options: ArchitectureOptions = {}): fc.Arbitrary<NetworkInstance> {
  return dataInstance(options).chain(({ inputs, targets, dY }) =>
    fc.record({
      inputs: fc.constant(inputs),
      targets: fc.constant(targets),
      hidden: fc
        .array(fc.integer({ min: 0, max: 1 }), { minLength: options.minDepth ?? 1, maxLength: options.maxDepth ?? 1 })
        .map((extra) => extra.map((e, i) => dY + 1 + e + (i === 0 ? (options.firstExtra ?? 0) : 0))),
      activation: activationData(turning),
    }),
  );
}

/** §4 data: scalar labels, non-zero distinct inputs (a zero input sits on every unit's boundary). */
export interface CellInstance extends DataInstance {
  readonly W1: Rational[][];
  readonly w2: Rational[];
  readonly slopes: [Rational, Rational];
}

const cellEntry = smallRational({ maxNumerator: 2, maxDenominator: 1 });

/**
 * A §4 instance: one hidden layer, no biases, scalar output, h_{s−,s+} with s− ≠ s+. With `teacher`
 * the labels are the outputs of a network of the same cell (so the cell holds a zero-risk minimum).
 */
export function cellInstance(options: { maxInputDim?: number; maxUnits?: number; maxPoints?: number; teacher?: boolean } = {}): fc.Arbitrary<CellInstance> {
  return fc
    .record({
      dX: fc.integer({ min: 1, max: options.maxInputDim ?? 2 }),
      d1: fc.integer({ min: 1, max: options.maxUnits ?? 2 }),
      slopes: fc.tuple(slope, slope).filter(([a, b]) => !a.equals(b)),
    })
    .chain(({ dX, d1, slopes }) =>
      distinctInputs(dX, { minPoints: 1, maxPoints: options.maxPoints ?? 4, nonZeroInputs: true, entries: { maxNumerator: 2, maxDenominator: 1 } }).chain((inputs) =>
        fc.record({
          inputs: fc.constant(inputs),
          // Rows off every sample's hyperplane, so that the point lies inside a cell.
          W1: fc.array(
            fc.array(cellEntry, { minLength: dX, maxLength: dX }).filter((w) => inputs.every((x) => !w.reduce((t, v, k) => t.add(v.mul(x[k]!)), Rational.ZERO).isZero())),
            { minLength: d1, maxLength: d1 },
          ),
          w2: fc.array(cellEntry, { minLength: d1, maxLength: d1 }),
          teacher: options.teacher === undefined ? fc.boolean() : fc.constant(options.teacher),
          labels: fc.array(cellEntry, { minLength: 4, maxLength: 4 }),
          slopes: fc.constant(slopes as [Rational, Rational]),
        }),
      ),
    )
    .map(({ inputs, W1, w2, teacher, labels, slopes }) => {
      const h = (z: Rational): Rational => z.mul(z.sign() <= 0 ? slopes[0] : slopes[1]);
      const out = (x: Rational[]): Rational => W1.reduce((s, w, j) => s.add(w2[j]!.mul(h(w.reduce((t, v, k) => t.add(v.mul(x[k]!)), Rational.ZERO)))), Rational.ZERO);
      const targets = inputs.map((x, i) => [teacher ? out(x) : labels[i % labels.length]!]);
      return { inputs, targets, W1, w2, slopes };
    });
}

/** Whether every W_1 x_i is non-zero (the point is inside a cell). */
export function insideCell(instance: CellInstance): boolean {
  return instance.W1.every((w) => instance.inputs.every((x) => !w.reduce((s, v, k) => s.add(v.mul(x[k]!)), Rational.ZERO).isZero()));
}
