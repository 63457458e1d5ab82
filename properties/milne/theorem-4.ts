// milne, Theorem 4 (and Theorem 1): ℓ_λ is piecewise strongly convex on U = U₁ ∩ U₂ ∩ U₃.
import fc from 'fast-check';
import {
  discard,
  fail,
  forAll,
  inertiaCounts,
  inMilneU2,
  lossHessian,
  Matrix,
  milneDataset,
  milneDirectionOf,
  milneNetwork,
  milneNormBound,
  milneThreshold,
  milneWidths,
  negativeDirection,
  pass,
  Rational,
  RationalField,
  squaredError,
  theorem,
  unconfirmed,
  type Witness,
} from '../../src/index.ts';
import { confirmCurvatureBelow, rationalHint, weightsHint, type Region } from './_confirm.ts';
import { problem, type MilneProblem } from './_instances.ts';
import { fittedBeta, fittedLambda, oneNorm, outsideU, setting, slack, sqrtUpper, thetas } from './_region.ts';

/** Hess ℓ_λ(W) = Hess ℓ(W) + 2λI, exact, with the switches of W (differentiable points). */
function regularisedHessian({ inputs, W, targets }: Pick<MilneProblem, 'inputs' | 'W' | 'targets'>, lambda: Rational): Matrix<Rational> {
  return lossHessian(milneNetwork(W), milneDataset(inputs, targets), squaredError('mean'), { penalty: { lambda } });
}

/** Hess ℓ_λ − θI ⪰ 0, decided by exact inertia; the failure names a direction d with dᵀ(Hess − θI)d < 0. */
function atLeastTheta(p: MilneProblem, lambda: Rational, theta: Rational, detail: Record<string, unknown>) {
  const H = regularisedHessian(p, lambda);
  const shifted = H.sub(Matrix.identity(RationalField, H.rows).scale(theta));
  const counts = inertiaCounts(shifted);
  if (counts.negative === 0) return pass();
  const d = negativeDirection(shifted);
  return fail({ ...detail, λ: lambda, θ: theta, 'inertia of Hess ℓ_λ − θI': counts, 'direction D with Dᵀ(Hess ℓ_λ − θI)D < 0': d === null ? null : milneDirectionOf(d, p.W) });
}

/** Hess ℓ_λ ⪰ θI fails along the witness's direction in the region the witness names (z3, from the raw numbers). */
function confirmBelowTheta(p: MilneProblem, w: Witness, region: (w: Witness) => Region | null) {
  const D = weightsHint(w['direction D with Dᵀ(Hess ℓ_λ − θI)D < 0']);
  const where = region(w);
  return D === null || where === null ? unconfirmed('z3', 'the witness lacks the direction or the region') : confirmCurvatureBelow(p, D, where, { below: 'theta' });
}

const hinted = (w: Witness, key: string) => rationalHint(w[key]);

const instances = fc.record({ p: problem({ targets: 'open', maxDepth: 2 }), delta: slack, theta: thetas, kappa: slack });

const strongConvexity = forAll({
  name: 'Hess ℓ_λ(W) ⪰ θI at every differentiable W ∈ U = U₁ ∩ U₂ ∩ U₃',
  basis: 'exact',
  arbitrary: instances,
  check: ({ p, delta, theta, kappa }) => {
    const beta = fittedBeta(p.inputs, p.W, delta);
    const s = setting(p.inputs, p.W, p.targets, beta);
    const lambda = fittedLambda(s, theta, kappa);
    const outside = outsideU(p.inputs, p.W, p.targets, s, { lambda, theta });
    if (outside !== null) return discard(outside);
    return atLeastTheta(p, lambda, theta, { β: beta, M: s.M, 'ℓ(W)': s.loss, H: s.H, widths: milneWidths(p.W) });
  },
  confirm: ({ p, theta }, w) =>
    confirmBelowTheta(p, w, (v) => {
      const beta = hinted(v, 'β');
      const lambda = hinted(v, 'λ');
      return beta === null || lambda === null ? null : { kind: 'U', beta, lambda, theta };
    }),
});

const theoremOne = forAll({
  name: 'Theorem 1: the same on {n(W) ≤ R, ℓ(W) ≤ ε(R)} ∩ U₂, R > max‖a_i‖₁ (boundary values allowed)',
  basis: 'exact',
  arbitrary: instances,
  check: ({ p, delta, theta }) => {
    const data = p.inputs.reduce((m, a) => m.max(oneNorm(a)), Rational.ZERO);
    // R may equal n(W): the closed set of Theorem 1, not the open U₁.
    const R = data.add(delta).max(fittedBeta(p.inputs, p.W, Rational.ZERO).sub(Rational.ONE));
    const s = setting(p.inputs, p.W, p.targets, R.add(Rational.ONE));
    // ℓ ≤ ε(R) = (λ − θ)²/(4M²) ⇔ λ ≥ θ + 2Mℓ^{1/2}: λ = θ + 2M·s with s ≥ √ℓ (= √ℓ when that is rational).
    const lambda = theta.add(Rational.of(2).mul(s.M).mul(s.loss.isZero() ? Rational.of(1, 1000) : sqrtUpper(s.loss)));
    if (p.targets.some((f) => f.sign() <= 0)) return discard('some f(a_i) ≤ 0');
    if (!inMilneU2(s.outputs, p.targets)) return discard('not in U₂');
    if (milneNormBound(p.W).gt(R) || s.loss.gt(milneThreshold(p.targets, R, s.H, lambda, theta))) return discard('not in the set of Theorem 1');
    return atLeastTheta(p, lambda, theta, { R, M: s.M, 'ℓ(W)': s.loss, H: s.H });
  },
  confirm: ({ p, theta }, w) =>
    confirmBelowTheta(p, w, (v) => {
      const R = hinted(v, 'R');
      const lambda = hinted(v, 'λ');
      return R === null || lambda === null ? null : { kind: 'theorem 1', R, lambda, theta };
    }),
});

export default theorem({
  id: 'milne/theorem-4',
  paper: 'milne',
  title: 'ℓ_λ is piecewise strongly convex on U = U₁ ∩ U₂ ∩ U₃',
  statement:
    'With f(a_i) > 0, ‖a_i‖₁ ≤ β − 1, λ > 0, θ ∈ (0, λ), U₁ and U₂ as in Lemma 9 and U₃ = {ℓ(W)^{1/2} < (λ − θ)/(2M)}, ' +
    'M = max_i(3/2)f(a_i) + β^{H+2}: at every differentiable point W of U the Hessian of the piece φ_i of ' +
    'ℓ_λ = ℓ + λ‖W‖² (switches frozen) satisfies Hess φ_i(W) ⪰ θI. Decided by the exact inertia of Hess ℓ_λ − θI ' +
    '(exact Hessian inside the region). The point is drawn first (targets f(a_i) = y(a_i, W)(1 + r_i), ' +
    '−1/3 < r_i < 1) and β, λ are fitted to it with small drawn slacks, so that it lies in U near its boundary: ' +
    'β = 1 + max(max‖a_i‖₁, n(W) + δ), λ = θ + 2M·√ℓ·(1 + κ) rounded up; points found outside U are discarded and ' +
    'counted. Theorem 1 (U(R) ⊇ {n(W) ≤ R, ℓ(W) ≤ ε(R)}, ε(R) = (λ − θ)²/(4M(f, R + 1, H)²), R > max‖a_i‖₁) is read ' +
    'through its use: on that closed set (with U₂, which "R large enough" is meant to give) the same Hessian bound ' +
    'holds, checked with n(W) = R and ℓ = ε(R) allowed. Literally U(R) is open (strict inequalities) and cannot ' +
    'contain points with n(W) = R or ℓ(W) = ε(R). The proof writes +λ‖X‖² for the second derivative of λ‖W + tX‖², ' +
    'which is 2λ‖X‖²; this only adds slack.',
  checks: [strongConvexity, theoremOne],
});
