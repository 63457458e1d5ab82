// milne, Lemma 2 / Proposition 1: ℓ is subharmonic at differentiable points; no differentiable local maxima.
import fc from 'fast-check';
import {
  fail,
  forAll,
  lossHessian,
  milneDataset,
  milneDirection,
  milneDirectionOf,
  milneLossAlongLine,
  milneNetwork,
  milneOutput,
  milneOutputGradient,
  milneSwitches,
  pass,
  Rational,
  squaredError,
  theorem,
  unconfirmed,
  undecided,
} from '../../src/index.ts';
import { confirmPureSecondDerivativeFails } from './_confirm.ts';
import { problem, type MilneProblem, type Weights } from './_instances.ts';

const hessianDiagonal = (p: MilneProblem): Rational[] => {
  const H = lossHessian(milneNetwork(p.W), milneDataset(p.inputs, p.targets), squaredError('mean'));
  return Array.from({ length: H.rows }, (_, k) => H.get(k, k));
};

const pureSecondDerivatives = forAll({
  name: 'eq. (5): ∂²ℓ/∂w² = (2/N)Σ_i(∂y(a_i, W)/∂w)² ≥ 0 for every weight w, at differentiable W',
  basis: 'exact',
  arbitrary: problem({ targets: 'free', maxDepth: 2 }),
  check: (p) => {
    const diagonal = hessianDiagonal(p);
    const N = p.inputs.length;
    // ∂y/∂w from the switched weights (path products), flattened in the library's parameter order.
    const gradients = p.inputs.map((a) => milneDirection(milneOutputGradient(a, p.W)));
    for (let k = 0; k < diagonal.length; k++) {
      const formula = gradients.reduce((s, g) => s.add(g[k]!.mul(g[k]!)), Rational.ZERO).mul(Rational.of(2, N));
      if (!diagonal[k]!.equals(formula) || diagonal[k]!.sign() < 0) {
        return fail({ parameter: k, 'weight (layer, row, column)': weightOf(p.W, k), '∂²ℓ/∂w²': diagonal[k]!, '(2/N)Σ(∂y_i/∂w)²': formula });
      }
    }
    return pass();
  },
  confirm: (p, w) => {
    const weight = w['weight (layer, row, column)'];
    return Array.isArray(weight) && weight.length === 3 && weight.every(Number.isInteger)
      ? confirmPureSecondDerivativeFails(p, weight as [number, number, number])
      : unconfirmed('z3', 'the witness names no weight');
  },
});

/** Where the flat parameter k of milneNetwork(W) sits in the paper's W_k[j][u]. */
function weightOf(W: Weights, k: number): [number, number, number] {
  const e = milneDirection(W).map((_, i) => (i === k ? Rational.ONE : Rational.ZERO));
  const X = milneDirectionOf(e, W);
  for (let l = 0; l < X.length; l++) for (let j = 0; j < X[l]!.length; j++) for (let u = 0; u < X[l]![j]!.length; u++) if (!X[l]![j]![u]!.isZero()) return [l, j, u];
  throw new RangeError(`no weight at parameter ${k}`);
}

/** y(a_i, ·) is locally constant iff every path is blocked: some layer 1..H+1 has all its switches off. */
const outputLocallyConstant = (a: readonly Rational[], W: Weights): boolean => milneSwitches(a, W).slice(1).some((s) => s.every((v) => v.isZero()));

/** t ↦ ℓ(W + tX) rises on one side of 0: its lowest non-constant coefficient is positive, or of odd order. */
function ascends(coefficients: readonly Rational[]): boolean {
  const m = coefficients.findIndex((c, k) => k > 0 && !c.isZero());
  return m > 0 && (coefficients[m]!.sign() > 0 || m % 2 === 1);
}

/** The direction with the given entries (flat parameter indices of milneNetwork(W)) and zeros elsewhere. */
function sparseDirection(W: Weights, entries: readonly [number, Rational][]): Weights {
  const flat = milneDirection(W).map(() => Rational.ZERO);
  for (const [k, v] of entries) flat[k] = v;
  return milneDirectionOf(flat, W);
}

/** Fitted targets f(a_i) = y(a_i, W): W is a critical point (a global minimum) of ℓ. */
const criticalPoints = problem({ targets: 'closed', maxDepth: 2 }).map((p) => ({ ...p, targets: p.inputs.map((a) => milneOutput(a, p.W)) }));

const noLocalMaximum = forAll({
  name: 'no differentiable local maximum: ℓ is locally constant at W or rises along some direction',
  basis: 'certified',
  cannotFail: 'it exhibits a rising direction or local constancy; a point it cannot settle is undecided',
  arbitrary: fc.oneof(problem({ targets: 'free', maxDepth: 2 }), criticalPoints),
  check: (p) => {
    if (p.inputs.every((a) => outputLocallyConstant(a, p.W))) return pass();
    const m = milneDirection(p.W).length;
    const candidates: [number, Rational][][] = [];
    for (let j = 0; j < m; j++) candidates.push([[j, Rational.ONE]]);
    for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) for (const s of [Rational.ONE, Rational.MINUS_ONE]) candidates.push([[j, Rational.ONE], [k, s]]);
    for (const entries of candidates) {
      if (ascends(milneLossAlongLine(p.inputs, p.W, p.targets, sparseDirection(p.W, entries)))) return pass();
    }
    return undecided('no ascent direction among e_j and e_j ± e_k');
  },
});

export default theorem({
  id: 'milne/lemma-2',
  paper: 'milne',
  title: 'ℓ is subharmonic at differentiable points and has no differentiable local maxima',
  statement:
    'At every differentiable point W (here: no zero pre-activation at any a_i, so the switches are locally constant), ' +
    'every pure second derivative of ℓ = (1/N)Σ(f(a_i) − y(a_i, W))² is ∂²ℓ/∂w² = (2/N)Σ_i(∂y(a_i, W)/∂w)² ≥ 0 (eq. ' +
    '(5): y is of degree ≤ 1 in each single weight), so Δℓ ≥ 0; and W is not a local maximum unless ℓ is constant on ' +
    'a neighbourhood. The Hessian diagonal is exact and ∂y/∂w is computed independently from the switched weights. ' +
    'The second part is certified per point: either every y(a_i, ·) is locally constant (some layer has all switches ' +
    'off), or an ascent direction is exhibited among e_j and e_j ± e_k (the exact polynomial t ↦ ℓ(W + tX), valid ' +
    'inside the region, has a positive lowest non-constant coefficient or one of odd order). Instances include ' +
    'fitted targets f(a_i) = y(a_i, W), where W is a critical point.',
  checks: [pureSecondDerivatives, noLocalMaximum],
});
