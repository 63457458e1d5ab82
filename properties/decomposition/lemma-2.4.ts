// decomposition, Lemma 2.4: L_gA is minimised iff its gradients in p_j, q_j and c vanish.
import fc from 'fast-check';
import {
  Rational,
  designMatrix,
  fail,
  fixedActivationLoss,
  forAll,
  minimiserAt,
  pass,
  passIf,
  realisingPoint,
  reparametrise,
  reparametrisedDimension,
  scalarTargets,
  smallRational,
  solve,
  subglobalMinimum,
  theorem,
  undecided,
  type Dataset,
  type OneHiddenLayerPoint,
  type UnitActivations,
} from '../../src/index.ts';
import { confirmStationaryVersusMinimal, rationals } from './_confirm.ts';
import { NORMALISATION, WITH_BIASES, derivativesInR, layoutOf, patternInstance, show } from './_fixed.ts';

type Problem = { data: Dataset<Rational>; activations: UnitActivations };

const entries = (options = {}) => fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2, ...options }), { minLength: 10, maxLength: 10 });

const instances = fc.record({ problem: patternInstance, coefficients: entries(), scales: entries({ nonZero: true }), R: entries() });

const layoutFor = (problem: Problem) => layoutOf(problem.data.inputs[0]!.length, problem.activations[0]!.length);
const gradientInR = (problem: Problem, R: readonly Rational[]) => derivativesInR(layoutFor(problem), R, problem).gradient;
const lossAt = (problem: Problem, point: OneHiddenLayerPoint) => fixedActivationLoss(point, problem.data, problem.activations, NORMALISATION);
const cycle = (xs: readonly Rational[], n: number) => Array.from({ length: n }, (_, k) => xs[k % xs.length]!);

const zeroGradientIsMinimum = forAll({
  name: 'every solution of ∇_(p,q,c) L_gA = 0 (Gauss–Jordan on the normal equations) attains the subglobal minimum',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem, coefficients }) => {
    const layout = layoutFor(problem);
    const A = designMatrix(problem.data.inputs, problem.activations, layout);
    const normal = solve(A.transpose().mul(A), A.transpose().mulVec(scalarTargets(problem.data)));
    // AᵀA R = Aᵀy always has a solution: anything else is a failure of our elimination, not of the lemma.
    if (normal.kind !== 'solution') return undecided('internal: Gauss–Jordan found the normal equations inconsistent');
    const cs = cycle(coefficients, normal.nullBasis.length);
    const R = normal.particular.map((r, k) => cs.reduce((s, c, b) => s.add(c.mul(normal.nullBasis[b]![k]!)), r));
    const gradient = gradientInR(problem, R);
    const minimum = subglobalMinimum(problem.data, problem.activations, WITH_BIASES).value;
    const value = lossAt(problem, realisingPoint(layout, R));
    return passIf(gradient.every((g) => g.isZero()) && value.equals(minimum), () => ({
      inputs: problem.data.inputs.map(show),
      targets: problem.data.targets.map((t) => String(t[0])),
      activations: problem.activations.map(show),
      R: show(R),
      gradient: show(gradient),
      value: String(value),
      'subglobal minimum': String(minimum),
    }));
  },
  confirm: ({ problem }, witness) => confirmStationaryVersusMinimal(problem.data, problem.activations, rationals(witness.R)),
});

const minimumHasZeroGradient = forAll({
  name: 'at every θ = (W, b, v, c) whose R(θ) is a least-squares minimiser, L_gA(θ) is the minimum and ∇_(p,q,c) L_gA = 0',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem, coefficients, scales }) => {
    const layout = layoutFor(problem);
    const m = subglobalMinimum(problem.data, problem.activations, WITH_BIASES);
    const R = minimiserAt(m, cycle(coefficients, m.nullBasis.length));
    // "For any p_j and q_j there exist θ that forms them": w̃_j = R_j / v_j for any v_j ≠ 0.
    const simple = realisingPoint(layout, R);
    const theta: OneHiddenLayerPoint = {
      ...simple,
      weights: simple.weights.map((w, j) => w.map((x) => x.div(scales[j]!))),
      biases: simple.biases!.map((b, j) => b.div(scales[j]!)),
      outputWeights: simple.outputWeights.map((_, j) => scales[j]!),
    };
    const formed = reparametrise(theta);
    // w̃_j = R_j / v_j forms R_j by construction: anything else is a failure of our construction.
    if (!formed.every((r, k) => r.equals(R[k]!))) return undecided(`internal: θ does not form R (R = ${show(R).join(', ')}, R(θ) = ${show(formed).join(', ')})`);
    const value = lossAt(problem, theta);
    const gradient = gradientInR(problem, formed);
    return passIf(value.equals(m.value) && gradient.every((g) => g.isZero()), () => ({
      activations: problem.activations.map(show),
      R: show(R),
      v: show(theta.outputWeights),
      value: String(value),
      'subglobal minimum': String(m.value),
      gradient: show(gradient),
    }));
  },
  confirm: ({ problem }, witness) => confirmStationaryVersusMinimal(problem.data, problem.activations, rationals(witness.R)),
});

const equivalence = forAll({
  name: 'at arbitrary (p, q, c): gradient zero ⇔ value = subglobal minimum',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem, R: entriesR }) => {
    const layout = layoutFor(problem);
    const R = entriesR.slice(0, reparametrisedDimension(layout));
    const minimum = subglobalMinimum(problem.data, problem.activations, WITH_BIASES).value;
    const value = lossAt(problem, realisingPoint(layout, R));
    const gradient = gradientInR(problem, R);
    const critical = gradient.every((g) => g.isZero());
    // The subglobal minimum is the least value: a value below it is a failure of our computation of it.
    if (value.lt(minimum)) return undecided(`internal: L_gA(R) = ${value} below the computed subglobal minimum ${minimum}`);
    return critical === value.equals(minimum)
      ? pass()
      : fail({ activations: problem.activations.map(show), R: show(R), value: String(value), minimum: String(minimum), gradient: show(gradient) });
  },
  confirm: ({ problem, R }) => confirmStationaryVersusMinimal(problem.data, problem.activations, R),
});

export default theorem({
  id: 'decomposition/lemma-2.4',
  paper: 'decomposition',
  title: 'Lemma 2.4: L_gA is minimised iff ∇_p, ∇_q, ∇_c vanish',
  statement:
    'For fixed activation values A ∈ {0,1}^{N×h} and L_gA = ½Σ(g_A(x_i) − y_i)² with g_A of eq. (4): L_gA(θ) ' +
    'equals its minimum over all θ (the subglobal minimum, computed as ½‖AA⁺y − y‖² with the exact ' +
    'Moore–Penrose inverse) iff the gradients of L_gA in p_j = v_j w_j, q_j = v_j b_j and c vanish at R(θ). ' +
    'Checked exactly: (⇐) every solution of the normal equations, found by Gauss–Jordan elimination with ' +
    'random free variables, has zero jet gradient and the minimum value; (⇒) θ built from any least-squares ' +
    'minimiser with arbitrary non-zero v_j (w_j = p_j/v_j, b_j = q_j/v_j — the θ "that forms" (p, q), checked ' +
    'by reparametrising back) has the minimum value and zero gradient in (p, q, c); and at arbitrary (p, q, c) ' +
    'zero gradient and minimum value coincide. Gradients in (p, q, c) are exact jets of the frozen network at ' +
    'v = 1, where (w_j, b_j, c) = (p_j, q_j, c).',
  checks: [zeroGradientIsMinimum, minimumHasZeroGradient, equivalence],
});
