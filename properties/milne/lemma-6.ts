// milne, Lemma 6: first and second directional derivatives of ℓ through det(A_i) and M_i = A_i⁻¹X_i.
import {
  determinant,
  forAll,
  lemma6Derivatives,
  milneDepth,
  milneLossAlongLine,
  milneMatrix,
  milneOutput,
  milnePerturbation,
  passIf,
  polynomialDerivativeAtZero,
  powerOfMinusOne,
  theorem,
  type DeterminantMatrixOptions,
} from '../../src/index.ts';
import { confirmLemma6Differs } from './_confirm.ts';
import { problem, type MilneProblem } from './_instances.ts';

/** Differentiable points (no zero pre-activation) with y(a_i, W) ≠ 0, i.e. det A(a_i, W) ≠ 0; free targets. */
const instances = problem({ targets: 'free', nonZeroOutputs: true, maxDepth: 2 });

/** Lemma 6's formulas against the exact derivatives of the polynomial t ↦ ℓ(W + tX) (switches frozen, as inside the region). */
function compare({ inputs, W, targets, X }: MilneProblem, options: DeterminantMatrixOptions) {
  const line = milneLossAlongLine(inputs, W, targets, X);
  const exact = { first: polynomialDerivativeAtZero(line, 1), second: polynomialDerivativeAtZero(line, 2) };
  const formula = lemma6Derivatives(inputs.map((a, i) => ({ A: milneMatrix(a, W, options), X: milnePerturbation(a, W, X), target: targets[i]! })));
  return passIf(exact.first.equals(formula.first) && exact.second.equals(formula.second), () => ({
    H: milneDepth(W),
    'y(a_i, W)': inputs.map((a) => milneOutput(a, W)),
    'det A_i': inputs.map((a) => determinant(milneMatrix(a, W, options))),
    'f(a_i)': targets,
    "exact d/dt ℓ(W + tX)": exact.first,
    'Lemma 6 first': formula.first,
    "exact d²/dt² ℓ(W + tX)": exact.second,
    'Lemma 6 second': formula.second,
  }));
}

const asPrinted = forAll({
  name: 'Lemma 6 with A_i of eq. (7) and e_i = det(A_i) − f(a_i) gives the derivatives of ℓ',
  basis: 'exact',
  arbitrary: instances,
  check: (p) => compare(p, {}),
  confirm: (p) => confirmLemma6Differs(p),
});

const corrected = forAll({
  name: 'the same formulas with the corner (−1)^H (so det A_i = y(a_i, W)) give the derivatives of ℓ',
  basis: 'exact',
  arbitrary: instances,
  check: (p) => compare(p, { corner: powerOfMinusOne(milneDepth(p.W)) }),
  confirm: (p) => confirmLemma6Differs(p, powerOfMinusOne(p.W.length - 1)),
});

export default theorem({
  id: 'milne/lemma-6',
  paper: 'milne',
  title: 'Directional derivatives of ℓ through det(A_i) and M_i',
  statement:
    'At a differentiable point W with det A(a_i, W) ≠ 0 for all i, and any direction X, with A_i = A(a_i, W) of eq. ' +
    '(7), X_i the matrix with A(a_i, W + tX) = A_i + tX_i (switches frozen), M_i = A_i⁻¹X_i and e_i = det(A_i) − f(a_i) ' +
    '(as printed in the lemma): d/dt ℓ(W + tX) = (2/N)Σ e_i det(A_i) tr(M_i) and d²/dt² ℓ(W + tX) = (2/N)Σ det(A_i)² ' +
    'tr(M_i)² + (2/N)Σ e_i det(A_i)(tr(M_i)² − tr(M_i²)) at t = 0, for ℓ = (1/N)Σ(f(a_i) − y(a_i, W))². Compared ' +
    'exactly with the coefficients of the polynomial t ↦ ℓ(W + tX) (differentiable points: every pre-activation ' +
    'non-zero; free rational targets). The derivation uses det A_i = y(a_i, W) (Lemma 3), which fails by a sign ' +
    '(milne/lemma-3): with the printed A_i the formulas give (2/N)Σ(y_i + f_i)y_i′ instead of (2/N)Σ(y_i − f_i)y_i′. A ' +
    'second check evaluates the same formulas with the corner entry (−1)^H, where det A_i = y_i. A failure counts ' +
    'when z3 confirms it: ℓ(W + tX) expanded in t with the switches of W (a differentiable point, checked), against ' +
    'the formulas with det A_i by Laplace expansion and A_i⁻¹ by cofactors, all written from the raw numbers.',
  checks: [asPrinted, corrected],
});
