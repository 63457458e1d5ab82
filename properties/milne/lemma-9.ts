// milne, Lemma 9: on U₁ ∩ U₂ the second derivative of ℓ is ≥ −2Mρℓ^{1/2}‖X‖².
import fc from 'fast-check';
import {
  discard,
  fail,
  forAll,
  milneLossAlongLine,
  milnePerturbation,
  pass,
  polynomialDerivativeAtZero,
  Rational,
  theorem,
  unconfirmed,
} from '../../src/index.ts';
import { confirmLemma9Fails, rationalHint, weightsHint } from './_confirm.ts';
import { isZeroDirection, problem, testDirections } from './_instances.ts';
import { fittedBeta, frobeniusSquared, outsideU, setting, slack } from './_region.ts';

const instances = fc.record({ p: problem({ targets: 'open', maxDepth: 2 }), delta: slack });

const bound = forAll({
  name: 'd²/dt² ℓ(W + tX) ≥ −2M(f, β, H)ρ(W, X)ℓ(W)^{1/2}‖X‖² at differentiable W ∈ U₁ ∩ U₂',
  basis: 'exact',
  arbitrary: instances,
  check: ({ p, delta }) => {
    const { inputs, W, targets } = p;
    const beta = fittedBeta(inputs, W, delta);
    const s = setting(inputs, W, targets, beta);
    const outside = outsideU(inputs, W, targets, s);
    if (outside !== null) return discard(outside);
    const directions = testDirections(p).filter((X) => !isZeroDirection(X));
    if (directions.length === 0) return discard('X = 0 (ρ is undefined) and ℓ has no negative curvature');
    const N = inputs.length;
    for (const X of directions) {
      const lhs = polynomialDerivativeAtZero(milneLossAlongLine(inputs, W, targets, X), 2);
      if (lhs.sign() >= 0) continue;
      // −2Mρℓ^{1/2}‖X‖² = −2Mℓ^{1/2}(Σ‖X_i‖⁴/N)^{1/2}; with lhs < 0 compare squares: lhs² ≤ 4M²ℓΣ‖X_i‖⁴/N.
      const fourth = inputs.reduce((acc, a) => acc.add(frobeniusSquared(milnePerturbation(a, W, X)).pow(2)), Rational.ZERO);
      const rhsSquared = Rational.of(4).mul(s.M.pow(2)).mul(s.loss).mul(fourth).div(Rational.of(N));
      if (lhs.mul(lhs).gt(rhsSquared)) {
        return fail({ X, 'd²ℓ': lhs, '(2Mρℓ^{1/2}‖X‖²)²': rhsSquared, 'd²ℓ squared': lhs.mul(lhs), β: beta, M: s.M, 'ℓ(W)': s.loss, H: s.H });
      }
    }
    return pass();
  },
  confirm: ({ p }, w) => {
    const X = weightsHint(w.X);
    const beta = rationalHint(w['β']);
    return X === null || beta === null ? unconfirmed('z3', 'the witness lacks X or β') : confirmLemma9Fails(p, X, beta);
  },
});

export default theorem({
  id: 'milne/lemma-9',
  paper: 'milne',
  title: 'On U₁ ∩ U₂ the second derivative of ℓ is ≥ −2Mρℓ^{1/2}‖X‖²',
  statement:
    'Let f(a_i) > 0, ‖a_i‖₁ ≤ β − 1 for all i, U₁ = {every row and column 1-norm of every W_i < β − 1} (26), ' +
    'U₂ = {|y(a_i, W) − f(a_i)| < f(a_i)/2 for all i} (27). At every differentiable W ∈ U₁ ∩ U₂ and every direction ' +
    'X ≠ 0, d²/dt² ℓ(W + tX) at t = 0 ≥ −2M(f, β, H)ρ(W, X)ℓ(W)^{1/2}‖X‖², with M = max_i (3/2)f(a_i) + β^{H+2} and ' +
    'ρ = N^{−1/2}(Σ_i(‖X_i‖/‖X‖)⁴)^{1/2}, X_i the switched perturbation of A(a_i, W) (Frobenius norm). No parity of H is ' +
    'assumed (the text assumes H even without loss of generality, adding an identity layer otherwise; we test every ' +
    'H). Decided exactly: the second derivative is a coefficient of the polynomial t ↦ ℓ(W + tX), and when it is ' +
    'negative both sides are squared. β is fitted to the point, β = 1 + max(max_i‖a_i‖₁, n(W) + δ) with a drawn ' +
    'slack δ ≤ 1 (smaller β is the stronger statement); targets f(a_i) = y(a_i, W)(1 + r_i), −1/3 < r_i < 1; ' +
    'directions: the drawn X and a negative-curvature direction of the exact Hessian of ℓ when there is one. The ' +
    'proof relies on det A_i = y_i (Lemma 3, which fails by a sign: with the printed A its step 2det(C_i) − g(a_i) ≥ 0 ' +
    'fails in U₁ ∩ U₂, e.g. H = 2, a = 4, β = 5, one path of weights 39/10, f = y) and on ‖C⁻¹‖_op ≤ 1 (only a limit ' +
    'as d → ∞ in Lemma 8); the inequality itself is what is checked.',
  checks: [bound],
});
