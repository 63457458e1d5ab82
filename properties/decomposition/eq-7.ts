// decomposition, §4.1 eqs. (6), (7): the bias-free subglobal minimum solves the block system [Φ_j, Λ_jk] p = Y.
import fc from 'fast-check';
import {
  Matrix,
  Rational,
  RationalField,
  fail,
  fixedActivationDerivatives,
  fixedActivationLoss,
  forAll,
  passIf,
  realisingPoint,
  scalarTargets,
  smallRational,
  solve,
  subglobalMinimum,
  theorem,
  type Dataset,
  type UnitActivations,
} from '../../src/index.ts';
import { NORMALISATION, patternInstance, show } from './_fixed.ts';
import { confirmBlockSystemFails, confirmGradientIsNotBlockResidual, rationals, type BlockSystemHints } from './_confirm.ts';

const F = RationalField;
const BIAS_FREE = { bias: false, outputBias: false, normalisation: NORMALISATION } as const;

/** Σ_i weight_i x_i x_iᵀ. */
function weightedGram(inputs: readonly (readonly Rational[])[], weight: (i: number) => Rational): Matrix<Rational> {
  const d = inputs[0]!.length;
  return Matrix.build(F, d, d, (r, c) => inputs.reduce((s, x, i) => s.add(weight(i).mul(x[r]!).mul(x[c]!)), Rational.ZERO));
}

/** Eq. (7): Φ_j = Σ a_ij x_i x_iᵀ on the diagonal, Λ_jk = Σ a_ij a_ik x_i x_iᵀ off it, Y_j = Σ a_ij y_i x_i. */
function blockSystem(data: Dataset<Rational>, a: UnitActivations): { M: Matrix<Rational>; Y: Rational[] } {
  const h = a[0]!.length;
  const y = scalarTargets(data);
  const blocks = Array.from({ length: h }, (_, j) =>
    Array.from({ length: h }, (_, k) => (j === k ? weightedGram(data.inputs, (i) => a[i]![j]!) : weightedGram(data.inputs, (i) => a[i]![j]!.mul(a[i]![k]!)))),
  );
  const d = data.inputs[0]!.length;
  const Y = Array.from({ length: h }, (_, j) =>
    Array.from({ length: d }, (_, r) => data.inputs.reduce((s, x, i) => s.add(a[i]![j]!.mul(y[i]!).mul(x[r]!)), Rational.ZERO)),
  ).flat();
  return { M: Matrix.block(F, blocks), Y };
}

const entries = fc.array(smallRational({ maxNumerator: 3, maxDenominator: 2 }), { minLength: 6, maxLength: 6 });
const instances = fc.record({ problem: patternInstance, p: entries, coefficients: entries });

const layoutOf = (data: Dataset<Rational>, a: UnitActivations) => ({ units: a[0]!.length, inputDim: data.inputs[0]!.length, bias: false, outputBias: false });

const gradient = forAll({
  name: 'eq. (6): the gradient of L_gA in p (exact jets, no biases) is M p − Y',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem: { data, activations }, p: entries6 }) => {
    const layout = layoutOf(data, activations);
    const p = entries6.slice(0, layout.units * layout.inputDim);
    const { M, Y } = blockSystem(data, activations);
    const point = realisingPoint(layout, p);
    // With v = 1 the first-layer weights are p; their flat indices come first, in p's order.
    const jets = fixedActivationDerivatives(point, data, activations, NORMALISATION, p.map((_, k) => k)).gradient;
    const eq6 = M.mulVec(p).map((v, k) => v.sub(Y[k]!));
    return passIf(jets.every((g, k) => g.equals(eq6[k]!)), () => ({ inputs: data.inputs.map(show), activations: activations.map(show), p: show(p), jets: show(jets), 'eq. (6)': show(eq6) }));
  },
  // Ground query: the exact stencil derivative of ½Σ(Σ_j a_ij p_jᵀx_i − y_i)² against eq. (7)'s M p − Y, both written for the solver.
  confirm: ({ problem, p }) => confirmGradientIsNotBlockResidual(problem.data, problem.activations, p),
});

const solutions = forAll({
  name: 'the least-squares minimiser solves eq. (7); when the matrix is singular every solution (Gauss–Jordan particular + null space) has the minimum loss',
  basis: 'exact',
  arbitrary: instances,
  check: ({ problem: { data, activations }, coefficients }) => {
    const layout = layoutOf(data, activations);
    const { M, Y } = blockSystem(data, activations);
    const minimum = subglobalMinimum(data, activations, BIAS_FREE);
    const residual = M.mulVec(minimum.minimiser).map((v, k) => v.sub(Y[k]!));
    const witness = { inputs: data.inputs.map(show), targets: data.targets.map((t) => String(t[0])), activations: activations.map(show) };
    if (residual.some((r) => !r.isZero())) return fail({ ...witness, 'A⁺y': show(minimum.minimiser), 'M A⁺y − Y': show(residual) });
    const system = solve(M, Y);
    if (system.kind !== 'solution') return fail({ ...witness, 'eq. (7) has no solution': true });
    const cs = system.nullBasis.map((_, b) => coefficients[b % coefficients.length]!);
    const candidates = [system.particular, system.particular.map((r, k) => cs.reduce((s, c, b) => s.add(c.mul(system.nullBasis[b]![k]!)), r))];
    const losses = candidates.map((p) => fixedActivationLoss(realisingPoint(layout, p), data, activations, NORMALISATION));
    return passIf(losses.every((l) => l.equals(minimum.value)), () => ({
      ...witness,
      singular: system.nullBasis.length > 0,
      solutions: candidates.map(show),
      losses: show(losses),
      'least-squares minimum': String(minimum.value),
    }));
  },
  confirm: ({ problem }, witness) => {
    const hints: BlockSystemHints = Array.isArray(witness['A⁺y'])
      ? { minimiser: rationals(witness['A⁺y']) }
      : witness['eq. (7) has no solution'] === true
        ? { unsolvable: true }
        : { solutions: Array.isArray(witness.solutions) ? witness.solutions.map(rationals) : [] };
    return confirmBlockSystemFails(problem.data, problem.activations, hints);
  },
});

export default theorem({
  id: 'decomposition/eq-7',
  paper: 'decomposition',
  title: 'Eqs. (6), (7): the bias-free subglobal minimum solves [Φ_j, Λ_jk] p = Y',
  statement:
    'Without biases (no b_j and no c, as eq. (6) is written), L_gA = ½Σ(Σ_j a_ij p_jᵀx_i − y_i)². With ' +
    'Φ_j = Σ_i a_ij x_i x_iᵀ, Λ_jk = Σ_i a_ij a_ik x_i x_iᵀ and Y_j = Σ_i a_ij y_i x_i, assembled literally into ' +
    'the block matrix M of eq. (7): (i) the gradient of L_gA in p is M p − Y (eq. (6), compared with exact ' +
    'jets); (ii) the least-squares minimiser A⁺y solves M p = Y; (iii) when M is singular the "particular ' +
    'solution" the paper computes — read as any solution of M p = Y, here Gauss–Jordan\'s with free variables 0 ' +
    'and one with random null-space coefficients — gives exactly the least-squares minimum ½‖AA⁺y − y‖². ' +
    'Activation values are arbitrary in {0,1}^{N×h}, h ≤ 3, inputs of dimension ≤ 2.',
  checks: [gradient, solutions],
});
