// Instances shared by the milne/ claims: Milne's networks in the paper's orientation
// (W_i ∈ ℚ^{n_i×n_{i+1}}, hidden widths n_i > 1, scalar ReLU output), inputs, targets, directions.
import fc from 'fast-check';
import {
  forward,
  hasBreakpoint,
  lossHessian,
  milneDataset,
  milneDirectionOf,
  negativeDirection,
  squaredError,
  milneNetwork,
  milneOutput,
  milneWeightsOf,
  moveOffBreakpoints,
  networkActivationPattern,
  Rational,
  simplicityOrder,
  smallRational,
  type RationalOptions,
} from '../../src/index.ts';

export type Weights = Rational[][][];

/** One input and a network. */
export interface MilnePoint {
  readonly a: Rational[];
  readonly W: Weights;
}

/** A training set {a_i, f(a_i)}, weights W and a weight direction X. */
export interface MilneProblem {
  readonly inputs: Rational[][];
  readonly W: Weights;
  readonly targets: Rational[];
  readonly X: Weights;
}

export interface ShapeOptions {
  readonly minDepth?: number;
  readonly maxDepth?: number;
  readonly maxInputDim?: number;
  /** The paper assumes n_i > 1 for the hidden layers. */
  readonly minWidth?: number;
  readonly maxWidth?: number;
}

const ENTRY: RationalOptions = { maxNumerator: 3, maxDenominator: 2 };

/** [n_0, n_1, …, n_H, 1], shrinking toward one hidden layer of width 2 and a scalar input. */
export function widths(options: ShapeOptions = {}): fc.Arbitrary<number[]> {
  return fc
    .tuple(
      fc.integer({ min: 1, max: options.maxInputDim ?? 2 }),
      fc.array(fc.integer({ min: options.minWidth ?? 2, max: options.maxWidth ?? 3 }), {
        minLength: options.minDepth ?? 1,
        maxLength: options.maxDepth ?? 2,
      }),
    )
    .map(([n0, hidden]) => [n0, ...hidden, 1]);
}

function matrix(rows: number, cols: number, entry: RationalOptions): fc.Arbitrary<Rational[][]> {
  const row = fc.array(smallRational(entry), { minLength: cols, maxLength: cols });
  return fc.array(row, { minLength: rows, maxLength: rows });
}

/**
 * Weights for a shape drawn alongside them: matrices of the largest shape are cut down to the
 * drawn one, so that shrinking can narrow and drop layers without redrawing the entries (a chained
 * arbitrary would not shrink its sizes). `last` replaces the entry range of W_H (e.g. positive).
 */
export function shapedWeights(options: ShapeOptions = {}, entry: RationalOptions = ENTRY, last?: RationalOptions): fc.Arbitrary<Weights> {
  const maxDepth = options.maxDepth ?? 2;
  const big = Math.max(options.maxWidth ?? 3, options.maxInputDim ?? 2);
  return fc
    .record({
      shape: widths(options),
      hidden: fc.array(matrix(big, big, entry), { minLength: maxDepth, maxLength: maxDepth }),
      output: matrix(big, 1, last ?? entry),
    })
    .map(({ shape, hidden, output }) => cut(shape, hidden, output));
}

function cut(shape: readonly number[], hidden: readonly Rational[][][], output: readonly Rational[][]): Weights {
  const H = shape.length - 2;
  return shape.slice(0, -1).map((n, i) => {
    const source = i === H ? output : hidden[i]!;
    return source.slice(0, n).map((row) => row.slice(0, shape[i + 1]!));
  });
}

/** A weight direction shaped like W. */
export function direction(W: Weights, entry: RationalOptions = ENTRY): fc.Arbitrary<Weights> {
  return fc.tuple(...W.map((Wi) => matrix(Wi.length, Wi[0]!.length, entry)));
}

/** Weights of the given widths; `last` replaces the entries of W_H (e.g. positive ones). */
export function weights(shape: readonly number[], entry: RationalOptions = ENTRY, last?: RationalOptions): fc.Arbitrary<Weights> {
  return fc.tuple(...shape.slice(0, -1).map((n, i) => matrix(n, shape[i + 1]!, i === shape.length - 2 && last !== undefined ? last : entry)));
}

export function vector(n: number, entry: RationalOptions = ENTRY): fc.Arbitrary<Rational[]> {
  return fc.array(smallRational(entry), { minLength: n, maxLength: n });
}

/** N distinct non-zero inputs of dimension n_0. */
export function inputs(n0: number, options: { minPoints?: number; maxPoints?: number; entry?: RationalOptions } = {}): fc.Arbitrary<Rational[][]> {
  return fc.uniqueArray(
    vector(n0, options.entry ?? ENTRY).filter((x) => x.some((v) => !v.isZero())),
    { minLength: options.minPoints ?? 1, maxLength: options.maxPoints ?? 3, selector: (x) => x.join(',') },
  );
}

/** No pre-activation (output included) is zero at any input: W is a differentiable point of every y(a_i, ·). */
export function inGeneralPosition(xs: readonly (readonly Rational[])[], W: Weights): boolean {
  return !hasBreakpoint(networkActivationPattern(milneNetwork(W), xs));
}

/** W moved off every zero pre-activation by the simplest weight shifts (the library's repair). */
export function toGeneralPosition(xs: readonly (readonly Rational[])[], W: Weights): Weights {
  return milneWeightsOf(moveOffBreakpoints(milneNetwork(W), xs));
}

/** One non-zero input and weights, any pre-activations (zeros included). */
export function point(options: ShapeOptions = {}): fc.Arbitrary<MilnePoint> {
  return fc
    .record({ W: shapedWeights(options), a: vector(options.maxInputDim ?? 2) })
    .map(({ W, a }) => ({ a: a.slice(0, W[0]!.length), W }))
    .filter(({ a }) => a.some((v) => !v.isZero()));
}

/** Relative errors r with f = y(1 + r): |e|/f ≤ 1/2 ⇔ −1/3 ≤ r ≤ 1 (strict for 'open'). */
export function relativeErrors(n: number, kind: 'closed' | 'open'): fc.Arbitrary<Rational[]> {
  const lo = Rational.of(-1, 3);
  const hi = Rational.ONE;
  const values = simplicityOrder(3, 6).filter((r) => (kind === 'closed' ? r.ge(lo) && r.le(hi) : r.gt(lo) && r.lt(hi)));
  const r = fc.integer({ min: 0, max: values.length - 1 }).map((i) => values[i]!);
  return fc.array(r, { minLength: n, maxLength: n });
}

export interface ProblemOptions extends ShapeOptions {
  readonly maxPoints?: number;
  /**
   * 'free': small rational targets; 'closed' / 'open': positive outputs and targets
   * f(a_i) = y(a_i, W)(1 + r_i) with relative error |e|/f ≤ 1/2 (< 1/2 for 'open').
   */
  readonly targets: 'free' | 'closed' | 'open';
  /** Require y(a_i, W) ≠ 0 for every i (det A_i ≠ 0). */
  readonly nonZeroOutputs?: boolean;
}

/**
 * A training set, weights in general position on it (differentiable), and a direction X. For
 * relative-error targets the last layer has positive weights so that outputs are often positive.
 * Everything is drawn at the largest shape and cut down (see shapedWeights).
 */
export function problem(options: ProblemOptions): fc.Arbitrary<MilneProblem> {
  const related = options.targets !== 'free';
  const maxPoints = options.maxPoints ?? 3;
  const maxDepth = options.maxDepth ?? 2;
  const big = Math.max(options.maxWidth ?? 3, options.maxInputDim ?? 2);
  const hidden = fc.array(matrix(big, big, ENTRY), { minLength: maxDepth, maxLength: maxDepth });
  return fc
    .record({
      shape: widths(options),
      hidden,
      output: matrix(big, 1, related ? { ...ENTRY, positive: true } : ENTRY),
      xHidden: hidden,
      xOutput: matrix(big, 1, ENTRY),
      xs: fc.uniqueArray(vector(options.maxInputDim ?? 2), { minLength: 1, maxLength: maxPoints, selector: (x) => x.join(',') }),
      free: vector(maxPoints),
      rs: relativeErrors(maxPoints, options.targets === 'open' ? 'open' : 'closed'),
    })
    .map(({ shape, hidden: h, output, xHidden, xOutput, xs, free, rs }) => {
      const sliced = xs.map((x) => x.slice(0, shape[0]!)).filter((x) => x.some((v) => !v.isZero()));
      const distinct = sliced.filter((x, i) => sliced.findIndex((y) => y.join(',') === x.join(',')) === i);
      const W = distinct.length > 0 ? toGeneralPosition(distinct, cut(shape, h, output)) : cut(shape, h, output);
      return { xs: distinct, W, X: cut(shape, xHidden, xOutput), free, rs };
    })
    .filter(({ xs, W }) => xs.length > 0 && inGeneralPosition(xs, W))
    .filter(({ xs, W }) => !(related || options.nonZeroOutputs) || xs.every((a) => milneOutput(a, W).sign() > 0))
    .map(({ xs, W, X, free, rs }): MilneProblem => {
      const targets = related ? xs.map((a, i) => milneOutput(a, W).mul(Rational.ONE.add(rs[i]!))) : free.slice(0, xs.length);
      return { inputs: xs, W, targets, X };
    });
}

/** Whether every entry of a direction is zero. */
export function isZeroDirection(X: Weights): boolean {
  return X.every((Xi) => Xi.every((row) => row.every((v) => v.isZero())));
}

/** A direction of negative curvature of ℓ at W (from the exact LDLᵀ of its Hessian), or null if the Hessian is PSD. */
export function negativeCurvatureDirection({ inputs: xs, W, targets }: Pick<MilneProblem, 'inputs' | 'W' | 'targets'>): Weights | null {
  const H = lossHessian(milneNetwork(W), milneDataset(xs, targets), squaredError('mean'));
  const d = negativeDirection(H);
  return d === null ? null : milneDirectionOf(d, W);
}

/** The drawn direction, and where ℓ curves down the Hessian's negative direction (the case the lower bounds are about). */
export function testDirections(p: MilneProblem): Weights[] {
  const negative = negativeCurvatureDirection(p);
  return negative === null ? [p.X] : [p.X, negative];
}

/** Where a boundary problem has its zero pre-activation: data point, hidden layer (1..H), unit. */
export interface ZeroSite {
  readonly point: number;
  readonly layer: number;
  readonly unit: number;
}

/**
 * W with the pre-activation of hidden unit `unit` of layer `layer` at input a set to zero, by
 * changing one incoming weight from a non-zero activation (null when the previous layer is all zero).
 */
export function zeroPreActivation(a: readonly Rational[], W: Weights, layer: number, unit: number): Weights | null {
  const h = layer === 1 ? [...a] : forward(milneNetwork(W), a).activations[layer - 2]!;
  const c = h.findIndex((v) => !v.isZero());
  if (c < 0) return null;
  const z = h.reduce((s, v, p) => s.add(v.mul(W[layer - 1]![p]![unit]!)), Rational.ZERO);
  return W.map((Wi, i) => Wi.map((row, p) => row.map((w, u) => (i === layer - 1 && p === c && u === unit ? w.sub(z.div(h[c]!)) : w))));
}

/**
 * A problem whose weights sit on the boundary of activation regions: a drawn hidden unit has a zero
 * pre-activation at a drawn data point (W is not a differentiable point). Outputs stay positive and
 * targets are f(a_i) = y(a_i, W)(1 + r_i), −1/3 < r_i < 1.
 */
export function boundaryProblem(options: ShapeOptions & { readonly maxPoints?: number } = {}): fc.Arbitrary<MilneProblem & { readonly site: ZeroSite }> {
  return fc
    .record({ base: problem({ ...options, targets: 'open' }), site: fc.record({ point: fc.nat(), layer: fc.nat(), unit: fc.nat() }), rs: relativeErrors(options.maxPoints ?? 3, 'open') })
    .map(({ base, site, rs }) => {
      const shape = base.W.map((Wi) => Wi.length);
      const H = shape.length - 1;
      const where: ZeroSite = { point: site.point % base.inputs.length, layer: 1 + (site.layer % H), unit: 0 };
      const at = { ...where, unit: site.unit % shape[where.layer]! };
      const W = zeroPreActivation(base.inputs[at.point]!, base.W, at.layer, at.unit);
      return { base, site: at, rs, W };
    })
    .filter(({ base, W }) => W !== null && base.inputs.every((a) => milneOutput(a, W).sign() > 0))
    .map(({ base, site, rs, W }) => ({
      inputs: base.inputs,
      W: W!,
      targets: base.inputs.map((a, i) => milneOutput(a, W!).mul(Rational.ONE.add(rs[i]!))),
      X: base.X,
      site,
    }));
}
