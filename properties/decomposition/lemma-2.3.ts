// decomposition, Lemma 2.3: L_gA is convex in the reparametrised variables (p_j, q_j, c).
import fc from 'fast-check';
import {
  Rational,
  designMatrix,
  fixedActivationLoss,
  forAll,
  inertiaCounts,
  passIf,
  realisingPoint,
  reparametrisedDimension,
  smallRational,
  theorem,
} from '../../src/index.ts';
import { confirmJensenFails, confirmNotConvexInR } from './_confirm.ts';
import { NORMALISATION, derivativesInR, layoutOf, patternInstance, show } from './_fixed.ts';

const entries = fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: 10, maxLength: 10 });

const instances = fc.record({ problem: patternInstance, R1: entries, R2: entries, lambda: smallRational({ positive: true, maxNumerator: 3, maxDenominator: 4 }).filter((l) => l.lt(Rational.ONE)) });

const hessianPsd = forAll({
  name: 'the exact Hessian of L_gA in (p, q, c) is AᵀA and positive semidefinite (LDLᵀ inertia)',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem, R1 }) => {
    const layout = layoutOf(problem.data.inputs[0]!.length, problem.activations[0]!.length);
    const R = R1.slice(0, reparametrisedDimension(layout));
    const H = derivativesInR(layout, R, problem).hessian;
    const A = designMatrix(problem.data.inputs, problem.activations, layout);
    const counts = inertiaCounts(H);
    // ½Σ(AR − y)²: Hessian AᵀA, computed here through the design matrix, there through jets of the network.
    return passIf(H.equals(A.transpose().mul(A)) && counts.negative === 0, () => ({
      inputs: problem.data.inputs.map(show),
      activations: problem.activations.map(show),
      R: show(R),
      hessian: H.toStrings(),
      'AᵀA': A.transpose().mul(A).toStrings(),
      inertia: counts,
    }));
  },
  // Eq. (4) written for the solver: some u has uᵀ∇²L u < 0 (the exact stencil of a quadratic along u).
  confirm: ({ problem, R1 }) => confirmNotConvexInR(problem.data, problem.activations, R1),
});

const jensen = forAll({
  name: 'L_gA(λR₁ + (1−λ)R₂) ≤ λL_gA(R₁) + (1−λ)L_gA(R₂) on random segments (frozen forward pass, exact)',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem, R1, R2, lambda }) => {
    const layout = layoutOf(problem.data.inputs[0]!.length, problem.activations[0]!.length);
    const n = reparametrisedDimension(layout);
    const [a, b] = [R1.slice(0, n), R2.slice(0, n)];
    const mid = a.map((v, k) => lambda.mul(v).add(Rational.ONE.sub(lambda).mul(b[k]!)));
    const L = (R: readonly Rational[]) => fixedActivationLoss(realisingPoint(layout, R), problem.data, problem.activations, NORMALISATION);
    const [la, lb, lm] = [L(a), L(b), L(mid)];
    const chord = lambda.mul(la).add(Rational.ONE.sub(lambda).mul(lb));
    return passIf(lm.le(chord), () => ({ activations: problem.activations.map(show), R1: show(a), R2: show(b), lambda: String(lambda), 'L(mix)': String(lm), chord: String(chord) }));
  },
  // Ground query: eq. (4)'s loss at λR₁ + (1−λ)R₂, mixed by the solver, above the chord.
  confirm: ({ problem, R1, R2, lambda }) => confirmJensenFails(problem.data, problem.activations, R1, R2, lambda),
});

export default theorem({
  id: 'decomposition/lemma-2.3',
  paper: 'decomposition',
  title: 'Lemma 2.3: L_gA is convex in (p, q, c)',
  statement:
    'For any fixed activation values A = (a_ij) ∈ {0,1}^{N×h} (realizable or not), L_gA = ½Σ_i (Σ_j a_ij ' +
    '(p_jᵀx_i + q_j) + c − y_i)² is a convex function of (p_1, q_1, …, p_h, q_h, c). Checked exactly in two ' +
    'independent ways: (i) the Hessian of L_gA in these variables, computed by exact jets of the frozen ' +
    'network at v = 1 (where w_j = p_j, b_j = q_j), equals AᵀA (A the design matrix of eq. (4)) and has no ' +
    'negative eigenvalue (LDLᵀ inertia); a quadratic with a positive-semidefinite Hessian is convex. ' +
    '(ii) Jensen\'s inequality on random segments, each loss evaluated exactly by the frozen forward pass.',
  checks: [hessianPsd, jensen],
});
