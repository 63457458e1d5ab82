// Shared instances of the Kawaguchi & Kaelbling claims: a fixed base network θ (one hidden ReLU
// layer), a dataset, one of the paper's losses, λ, and the exponential units (a, b, W). Plain data,
// so that a stored witness can be replayed; the objects are built inside each check.
import fc from 'fast-check';
import {
  augmentedProblemOf,
  cubicHinge,
  formalExponential,
  intervalField,
  moveOffBreakpoints,
  network,
  networkOutput,
  nonConvexQuartic,
  numerical,
  Rational,
  RationalField,
  relu,
  smallRational,
  squaredError,
  type AugmentedProblem,
  type Dataset,
  type ExpUnitParameters,
  type Loss,
  type Network,
} from '../../src/index.ts';

/** Digits of the interval enclosures behind every check that evaluates exp. */
export const PRECISION = 60;
export const I = intervalField(PRECISION);
export const NUMERICAL = numerical(PRECISION);

export type LossName = 'squared' | 'cubic-hinge' | 'quartic';

/** The paper's normalisation: L̃ = (1/m) Σ ℓ + λ‖a‖². */
export function lossOf(name: LossName): Loss {
  switch (name) {
    case 'squared':
      return squaredError('mean');
    case 'cubic-hinge':
      return cubicHinge('mean');
    case 'quartic':
      return nonConvexQuartic('mean');
  }
}

export interface UnitCase {
  readonly inputs: Rational[][];
  /** Hidden ReLU layer: weights (h × d) and bias. */
  readonly hidden: Rational[][];
  readonly hiddenBias: Rational[];
  /** Output layer (d_y × h) and its bias (null: none). */
  readonly outWeights: Rational[][];
  readonly outBias: Rational[] | null;
  readonly targets: Rational[][];
  readonly loss: LossName;
  readonly lambda: Rational;
  readonly a: Rational[];
  readonly b: Rational[];
  readonly w: Rational[][];
}

export interface UnitCaseOptions {
  readonly losses: readonly LossName[];
  /** Repeated inputs (m' < m); with 'consistent' labels equal inputs get equal targets (Assumption 3). */
  readonly duplicates?: boolean;
  /** 'free' targets, 'consistent' ones (a function of the input), or 'optimal': ∇ℓ_{y_i}(f(x_i; θ)) = 0 for all i. */
  readonly targets: 'free' | 'consistent' | 'optimal';
  /** Which units: any a, a = 0, or a ≠ 0. */
  readonly head: 'any' | 'zero' | 'nonzero';
}

const entry = smallRational({ maxNumerator: 2, maxDenominator: 2 });
const weight = smallRational({ maxNumerator: 3, maxDenominator: 2 });
const lambdaArb = smallRational({ maxNumerator: 3, maxDenominator: 4, positive: true });
const sign = fc.constantFrom(Rational.ONE, Rational.MINUS_ONE);
const vec = <T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T[]> => fc.array(arb, { minLength: n, maxLength: n });
const key = (x: readonly Rational[]): string => x.map(String).join(',');

export function baseNetwork(c: Pick<UnitCase, 'hidden' | 'hiddenBias' | 'outWeights' | 'outBias'>): Network<Rational> {
  return network(RationalField, {
    layers: [
      { weights: c.hidden, bias: c.hiddenBias, activation: relu(RationalField) },
      { weights: c.outWeights, bias: c.outBias },
    ],
  });
}

/** Small cases: d ≤ 2, m' ≤ 3 distinct inputs (each up to twice with duplicates), h ≤ 2, d_y ≤ 2 (1 for the hinge). */
export function unitCase(options: UnitCaseOptions): fc.Arbitrary<UnitCase> {
  const shape = fc.record({
    d: fc.integer({ min: 1, max: 2 }),
    h: fc.integer({ min: 1, max: 2 }),
    loss: fc.constantFrom(...options.losses),
  });
  return shape.chain(({ d, h, loss }) => {
    const dy = loss === 'cubic-hinge' ? 1 : 2;
    return fc
      .record({
        dy: fc.integer({ min: 1, max: dy }),
        points: fc.uniqueArray(vec(entry, d), { minLength: 1, maxLength: 3, selector: key }),
        copies: fc.array(fc.integer({ min: 1, max: options.duplicates ? 2 : 1 }), { minLength: 3, maxLength: 3 }),
        hidden: fc.array(vec(weight, d), { minLength: h, maxLength: h }),
        hiddenBias: vec(weight, h),
        lambda: lambdaArb,
      })
      .chain((s) => {
        const inputs = s.points.flatMap((x, j) => Array.from({ length: s.copies[j]! }, () => x));
        const label = loss === 'cubic-hinge' ? vec(sign, s.dy) : vec(entry, s.dy);
        const perPoint = options.targets === 'free' ? inputs.length : s.points.length;
        const headA =
          options.head === 'zero'
            ? fc.constant(Array.from({ length: s.dy }, () => Rational.ZERO))
            : vec(entry, s.dy).filter((a) => options.head === 'any' || a.some((v) => !v.isZero()));
        return fc
          .record({
            outWeights: fc.array(vec(weight, h), { minLength: s.dy, maxLength: s.dy }),
            outBias: vec(weight, s.dy),
            labels: fc.array(label, { minLength: perPoint, maxLength: perPoint }),
            a: headA,
            b: vec(entry, s.dy),
            w: fc.array(vec(entry, d), { minLength: s.dy, maxLength: s.dy }),
          })
          .map((r): UnitCase | null => {
            const base = moveOffBreakpoints(baseNetwork({ hidden: s.hidden, hiddenBias: s.hiddenBias, outWeights: r.outWeights, outBias: r.outBias }), inputs);
            const hidden = base.layers[0]!.weights.map((row) => [...row]);
            const hiddenBias = [...base.layers[0]!.bias!];
            const which = (i: number): number => s.points.findIndex((x) => key(x) === key(inputs[i]!));
            let outWeights = r.outWeights;
            let outBias: Rational[] = r.outBias;
            let targets: Rational[][];
            if (options.targets === 'optimal') {
              const f = inputs.map((x) => networkOutput(base, x));
              if (loss !== 'cubic-hinge') targets = f;
              else {
                // Scale the output layer until every |f(x_i)| ≥ 1, then y_i = sign f(x_i): max(0, 1 − y f)³ = 0.
                const smallest = f.map((o) => o[0]!.abs()).reduce((m, v) => (v.lt(m) ? v : m));
                if (smallest.isZero()) return null;
                const scale = smallest.ge(Rational.ONE) ? Rational.ONE : Rational.of(smallest.inv().ceil());
                outWeights = r.outWeights.map((row) => row.map((v) => v.mul(scale)));
                outBias = r.outBias.map((v) => v.mul(scale));
                targets = f.map((o) => [Rational.of(o[0]!.sign())]);
              }
            } else targets = options.targets === 'free' ? r.labels : inputs.map((_, i) => r.labels[which(i)]!);
            return { inputs, hidden, hiddenBias, outWeights, outBias, targets, loss, lambda: s.lambda, a: r.a, b: r.b, w: r.w };
          })
          .filter((c): c is UnitCase => c !== null);
      });
  });
}

export interface BuiltCase {
  readonly net: Network<Rational>;
  readonly data: Dataset<Rational>;
  readonly loss: Loss;
  /** L̃ at θ over the rationals, exp replaced by its formal stand-in (exact identities). */
  readonly problem: AugmentedProblem<Rational>;
  readonly head: ExpUnitParameters<Rational>;
}

export function buildCase(c: UnitCase): BuiltCase {
  const net = baseNetwork(c);
  const data: Dataset<Rational> = { inputs: c.inputs, targets: c.targets };
  const loss = lossOf(c.loss);
  return { net, data, loss, problem: augmentedProblemOf(RationalField, net, data, loss, c.lambda, formalExponential), head: { a: c.a, b: c.b, w: c.w } };
}

/** Exact per-point gradients ∇ℓ_{y_i}(f(x_i; θ)) are all zero. */
export function perPointOptimal(problem: AugmentedProblem<Rational>): boolean {
  return problem.outputs.every((o, i) => problem.loss.point.gradient(RationalField, o, problem.targets[i]!).every((g) => g.isZero()));
}
