// milne, Lemma 7: a lower bound for the second directional derivative of ℓ when relative errors are ≤ 1/2.
import {
  determinant,
  discard,
  fail,
  failOutside,
  forAll,
  inverse,
  Matrix,
  milneLossAlongLine,
  milneMatrix,
  milneOutput,
  milnePerturbation,
  pass,
  polynomialDerivativeAtZero,
  Rational,
  smallestSingularValueBounds,
  theorem,
  unconfirmed,
  undecided,
  type Outcome,
  type Witness,
} from '../../src/index.ts';
import { confirmFrobeniusBoundFails, confirmOperatorBoundFails, rationalHint, rationalMatrixHint, weightsHint } from './_confirm.ts';
import { problem, testDirections, type MilneProblem, type Weights } from './_instances.ts';
import { frobeniusSquared } from './_region.ts';

/** f(a_i) = y(a_i, W)(1 + r_i) with −1/3 ≤ r_i ≤ 1, i.e. f > 0 and |e|/f ≤ 1/2 (boundary included). */
const instances = problem({ targets: 'closed', maxDepth: 2 });

interface PointTerms {
  /** |e_i|·|det A_i| */
  readonly weight: Rational;
  readonly A: Matrix<Rational>;
  readonly X: Matrix<Rational>;
}

/** Hypotheses of the lemma with e = y − f (Lemma 2's definition), and the per-point factors of the bound. */
function setUp({ inputs, W, targets }: MilneProblem, X: Weights): PointTerms[] | string {
  const outputs = inputs.map((a) => milneOutput(a, W));
  for (let i = 0; i < inputs.length; i++) {
    const f = targets[i]!;
    if (f.sign() <= 0) return `f(a_${i}) ≤ 0`;
    if (outputs[i]!.sub(f).abs().mul(Rational.of(2)).gt(f)) return `relative error at a_${i} exceeds 1/2`;
  }
  return inputs.map((a, i) => {
    const A = milneMatrix(a, W);
    return { weight: outputs[i]!.sub(targets[i]!).abs().mul(determinant(A).abs()), A, X: milnePerturbation(a, W, X) };
  });
}

const secondDerivative = (p: MilneProblem, X: Weights): Rational => polynomialDerivativeAtZero(milneLossAlongLine(p.inputs, p.W, p.targets, X), 2);

/** The bound (15) at one direction, decided with certified brackets of σ_min(A_i). */
function operatorBoundAt(X: Weights, lhs: Rational, terms: readonly PointTerms[]): Outcome {
  if (lhs.sign() >= 0) return pass();
  const scale = Rational.of(2, terms.length);
  // ‖A⁻¹‖_op = 1/σ_min(A): certified bounds lo ≤ σ_min ≤ hi give the bound's range.
  const bounds = terms.map((t) => smallestSingularValueBounds(t.A, Rational.of(1, 10 ** 9)));
  const sum = (pick: (b: { lo: Rational; hi: Rational }) => Rational): Rational =>
    terms.reduce((s, t, i) => s.add(t.weight.mul(frobeniusSquared(t.X)).div(pick(bounds[i]!).pow(2))), Rational.ZERO).mul(scale);
  const weakest = sum((b) => b.hi).neg(); // ≥ the bound itself
  if (lhs.ge(weakest)) return pass();
  if (bounds.some((b) => b.lo.isZero())) return undecided('σ_min not separated from 0');
  const strongest = sum((b) => b.lo).neg(); // ≤ the bound itself
  const witness = { X, 'd²ℓ': lhs, 'bound (15) at most': strongest, 'σ_min intervals': bounds.map((b) => [b.lo, b.hi]), A_i: terms.map((t) => t.A.toStrings()) };
  // The bound (15) lies in [strongest, weakest]: it fails when that enclosure lies above d²ℓ.
  return failOutside('the bound (15)', { lo: decimal(strongest, 'down'), hi: decimal(weakest, 'up') }, decimal(lhs, 'up'), witness, 'above');
}

/** x rounded to 40 decimals, down or up (an outward rounding keeps the enclosure rigorous). */
function decimal(x: Rational, direction: 'down' | 'up'): string {
  const scale = 10n ** 40n;
  const scaled = x.mul(Rational.of(scale));
  const n = direction === 'down' ? scaled.floor() : scaled.ceil();
  const sign = n < 0n ? '-' : '';
  const digits = (n < 0n ? -n : n).toString().padStart(41, '0');
  return `${sign}${digits.slice(0, -40)}.${digits.slice(-40)}`;
}

/** The direction of a failure, from its witness. */
const directionOf = (w: Witness): Weights | null => weightsHint(w.X);

const operatorBound = forAll({
  name: 'd²/dt² ℓ(W + tX) ≥ −(2/N)Σ|e_i||det A_i|‖A_i⁻¹‖²_op‖X_i‖² (15)',
  basis: 'certified',
  arbitrary: instances,
  check: (p) => {
    for (const X of testDirections(p)) {
      const terms = setUp(p, X);
      if (typeof terms === 'string') return discard(terms);
      const outcome = operatorBoundAt(X, secondDerivative(p, X), terms);
      if (outcome.status !== 'pass') return outcome;
    }
    return pass();
  },
  confirm: (p, w) => {
    const X = directionOf(w);
    const lower = Array.isArray(w['σ_min intervals']) ? w['σ_min intervals'].map((b: unknown) => (Array.isArray(b) ? rationalHint(b[0]) : null)) : null;
    const A = Array.isArray(w.A_i) ? w.A_i.map(rationalMatrixHint) : null;
    if (X === null || lower === null || A === null || lower.some((v) => v === null) || A.some((m) => m === null)) return unconfirmed('z3', 'the witness lacks X, σ_min bounds or A_i');
    return confirmOperatorBoundFails(p, X, lower as Rational[], A as Rational[][][]);
  },
});

const frobeniusBound = forAll({
  name: 'd²/dt² ℓ(W + tX) ≥ −(2/N)Σ|e_i||det A_i|‖A_i⁻¹X_i‖²_F (14)',
  basis: 'exact',
  arbitrary: instances,
  check: (p) => {
    for (const X of testDirections(p)) {
      const terms = setUp(p, X);
      if (typeof terms === 'string') return discard(terms);
      const lhs = secondDerivative(p, X);
      const bound = terms
        .reduce((s, t) => s.add(t.weight.mul(frobeniusSquared(inverse(t.A).mul(t.X)))), Rational.ZERO)
        .mul(Rational.of(2, terms.length))
        .neg();
      if (lhs.lt(bound)) return fail({ X, 'd²ℓ': lhs, 'bound (14)': bound });
    }
    return pass();
  },
  confirm: (p, w) => {
    const X = directionOf(w);
    return X === null ? unconfirmed('z3', 'the witness lacks X') : confirmFrobeniusBoundFails(p, X);
  },
});

export default theorem({
  id: 'milne/lemma-7',
  paper: 'milne',
  title: 'Second derivative of ℓ bounded below when relative errors are ≤ 1/2',
  statement:
    'If f(a_i) > 0 and |e(a_i, W)|/f(a_i) ≤ 1/2 for all i, then at a differentiable W, for every direction X, ' +
    'd²/dt² ℓ(W + tX) at t = 0 ≥ −(2/N)Σ|e(a_i, W)||det A_i|‖A_i⁻¹‖²_op‖X_i‖², ‖X_i‖ the Frobenius norm of the ' +
    'switched perturbation X_i of A_i = A(a_i, W) (eq. (7)). e is read as y(a_i, W) − f(a_i) (Lemma 2); with Lemma 6’s ' +
    'e = det A_i − f = −y − f (milne/lemma-3) the hypothesis could never hold for y ≥ 0. The bound only involves ' +
    '|det A_i| and the singular values of A_i, which the sign of Lemma 3 does not change. The second derivative is ' +
    'the exact coefficient of t ↦ ℓ(W + tX); ‖A_i⁻¹‖_op = 1/σ_min(A_i) is bracketed by exact Sturm isolation of the ' +
    'singular values (certified). The intermediate bound (14) with ‖A_i⁻¹X_i‖²_F is checked exactly as well. ' +
    'Each instance is checked along the drawn direction and, when ℓ curves down somewhere, along a negative-curvature direction of its exact Hessian. Instances: outputs positive, f(a_i) = y(a_i, W)(1 + r_i) with −1/3 ≤ r_i ≤ 1 (the boundary |e|/f = 1/2 included).',
  checks: [operatorBound, frobeniusBound],
});
