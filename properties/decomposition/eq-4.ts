// decomposition, §2.2 eqs. (2), (4): inside its activation region the network is the fixed-activation function g_A.
import fc from 'fast-check';
import {
  Rational,
  designMatrix,
  fixedActivationLoss,
  fixedActivationPattern,
  forAll,
  forwardDataset,
  frozenOutputs,
  passIf,
  reparametrise,
  scaledSquaredNorm,
  theorem,
  rationalDot as dot,
  type OneHiddenLayerPoint,
} from '../../src/index.ts';
import { NORMALISATION, describeInstance, networkInstance, networkOf, show } from './_fixed.ts';
import { confirmNetworkIsNotFixed } from './_confirm.ts';

const sum = (xs: readonly Rational[]): Rational => xs.reduce((s, v) => s.add(v), Rational.ZERO);

/** Def. 2.1: a_ij = 1(w_jᵀx_i + b_j > 0). */
function activationValues(point: OneHiddenLayerPoint, inputs: readonly (readonly Rational[])[]): Rational[][] {
  return inputs.map((x) => point.weights.map((w, j) => (dot(w, x).add(point.biases![j]!).sign() > 0 ? Rational.ONE : Rational.ZERO)));
}

/** Eq. (2): g_A(x_i, θ) = vᵀ diag(a_i)(W x_i + b) + c. */
function eq2(point: OneHiddenLayerPoint, a: readonly Rational[], x: readonly Rational[]): Rational {
  return sum(point.weights.map((w, j) => point.outputWeights[j]!.mul(a[j]!).mul(dot(w, x).add(point.biases![j]!)))).add(point.outputBias!);
}

/** Eq. (4): Σ_j a_ij (p_jᵀx_i + q_j) + c with p_j = v_j w_j, q_j = v_j b_j. */
function eq4(point: OneHiddenLayerPoint, a: readonly Rational[], x: readonly Rational[]): Rational {
  const p = point.weights.map((w, j) => w.map((wk) => point.outputWeights[j]!.mul(wk)));
  const q = point.biases!.map((b, j) => point.outputWeights[j]!.mul(b));
  return sum(p.map((pj, j) => a[j]!.mul(dot(pj, x).add(q[j]!)))).add(point.outputBias!);
}

const agree = forAll({
  name: 'f(x_i) = eq. (2) = eq. (4) = (A R)_i = frozen g_A(x_i) at every data point, with A the real activation values',
  basis: 'exact',
  // Points on region boundaries included: there 1(z > 0) = 0 and σ(0) = 0 agree.
  arbitrary: fc.boolean().chain((generalPosition) => networkInstance(generalPosition)),
  check: (instance) => {
    const { data, point } = instance;
    const a = activationValues(point, data.inputs);
    const f = forwardDataset(networkOf(point), data).outputs.map((o) => o[0]!);
    const g2 = data.inputs.map((x, i) => eq2(point, a[i]!, x));
    const g4 = data.inputs.map((x, i) => eq4(point, a[i]!, x));
    const AR = designMatrix(data.inputs, a, { bias: true, outputBias: true }).mulVec(reparametrise(point));
    const frozen = frozenOutputs(networkOf(point), data, fixedActivationPattern(a)).map((o) => o[0]!);
    const lossF = scaledSquaredNorm(f.map((v, i) => v.sub(data.targets[i]![0]!)), NORMALISATION);
    const lossG = fixedActivationLoss(point, data, a, NORMALISATION);
    const same = (xs: readonly Rational[]) => xs.every((v, i) => v.equals(f[i]!));
    return passIf(same(g2) && same(g4) && same(AR) && same(frozen) && lossF.equals(lossG), () => ({
      ...describeInstance(instance),
      activations: a.map(show),
      f: show(f),
      'eq. (2)': show(g2),
      'eq. (4)': show(g4),
      AR: show(AR),
      frozen: show(frozen),
      'L_f': String(lossF),
      'L_gA': String(lossG),
    }));
  },
  confirm: ({ data, point }) => confirmNetworkIsNotFixed(data, { weights: point.weights, biases: point.biases!, outputWeights: point.outputWeights, outputBias: point.outputBias! }),
});

export default theorem({
  id: 'decomposition/eq-4',
  paper: 'decomposition',
  title: 'Eqs. (2), (4): inside R_A the network is g_A = Σ_j a_ij (p_jᵀx + q_j) + c',
  statement:
    'f(x, θ) = vᵀσ(Wx + b) + c with ReLU σ (eq. (1)). With the activation values a_ij = 1(w_jᵀx_i + b_j > 0) ' +
    'of θ itself (Def. 2.1: θ ∈ R_A), f(x_i, θ) = g_A(x_i, θ) = vᵀdiag(a_i)(Wx_i + b) + c (eq. (2)) = ' +
    'Σ_j a_ij (p_jᵀx_i + q_j) + c with p_j = v_j w_j, q_j = v_j b_j (eq. (4)) at every data point, exactly. ' +
    'Checked against four computations: eq. (2) and eq. (4) written out, the library\'s design matrix times ' +
    'the reparametrisation R = (p_1, q_1, …, p_h, q_h, c), and the frozen forward pass of the network; the ' +
    'losses ½Σ(f − y)² and L_gA agree too. Networks on region boundaries (some w_jᵀx_i + b_j = 0) are included: ' +
    'the indicator 1(z > 0) then reads 0, which agrees with σ(0) = 0.',
  checks: [agree],
});
