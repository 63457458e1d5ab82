import {
  augmentedNetwork,
  describeEnclosure,
  descentPath,
  discard,
  empiricalRisk,
  fail,
  forAll,
  formalExpField,
  lossGradient,
  network,
  networkOutput,
  outputJacobian,
  outputLayerGradient,
  pass,
  Rational,
  theorem,
  undecided,
} from '../../src/index.ts';
import { certifyNotLocalMinimum } from './_certificates.ts';
import { confirmDeadThetaGradient } from './_confirm.ts';
import { baseNetwork, buildCase, I, NUMERICAL, PRECISION, unitCase, type UnitCase } from './_instances.ts';

const dot = (u: readonly Rational[], v: readonly Rational[]): Rational => u.reduce((s, x, i) => s.add(x.mul(v[i]!)), Rational.ZERO);

/** θ with every hidden ReLU unit inactive on the data and no output bias: f ≡ 0 there and A[θ] = 0. */
const deadCases = unitCase({ losses: ['squared', 'cubic-hinge'], targets: 'free', head: 'any', duplicates: true }).map(
  (c): UnitCase => ({
    ...c,
    hiddenBias: c.hidden.map((w) => c.inputs.map((x) => dot(w, x)).reduce((m, v) => (v.gt(m) ? v : m)).neg().sub(Rational.ONE)),
    outBias: null,
  }),
);

/** A θ′ with L(θ′) < L(θ): revive unit 0 on every input and give it a small output weight of either sign. */
function betterTheta(c: UnitCase, L: Rational): { theta: string; value: Rational } | null {
  const w0 = c.hidden[0]!;
  const revived = c.inputs.map((x) => dot(w0, x)).reduce((m, v) => (v.lt(m) ? v : m)).neg().add(Rational.ONE);
  const data = { inputs: c.inputs, targets: c.targets };
  for (let j = 0; j <= 12; j++) {
    for (const sg of [Rational.ONE, Rational.MINUS_ONE]) {
      const t = sg.div(Rational.of(2 ** j));
      const outWeights = c.outWeights.map((row) => row.map((_, u) => (u === 0 ? t : Rational.ZERO)));
      const net = baseNetwork({ hidden: c.hidden, hiddenBias: c.hiddenBias.map((b, u) => (u === 0 ? revived : b)), outWeights, outBias: null });
      const value = empiricalRisk(net, data, buildCase(c).loss);
      if (value.lt(L)) return { theta: `b1[0] = ${revived.toString()}, W2[·,0] = ${t.toString()}, other W2 entries 0`, value };
    }
  }
  return null;
}

export default theorem({
  id: 'kawaguchi/theorem-4',
  paper: 'kawaguchi',
  title: 'Theorem 4: if θ is not a global minimum of L, L̃|θ has no local minimum (the unit runs off to infinity)',
  statement:
    'App. C: for θ not a global minimum of L there is no local minimum (a, b, W) of L̃|θ (first statement, by the ' +
    'contrapositive of Theorems 1/2); and (second statement, read from the construction in App. C) there are tuples ' +
    '(ℓ, f, data) with a suboptimal θ where ∂L̃/∂θ = A[θ]·r[f + g] = 0 for every (a, b, W), e.g. whenever A[θ] = 0, so ' +
    'gradient methods leave θ in place while (a, b, W) has nowhere to converge. Checked with convex ℓ (squared error, ' +
    'cubic hinge), one-hidden-layer ReLU base networks and data that may repeat inputs: (1) for θ certified non-optimal ' +
    '(an exact non-zero gradient of L in the output layer) no generated (a, b, W) is a local minimum (a ≠ 0: the ' +
    'rescaling ray (a e^{−t}, b + t, W) lowers L̃ by λ‖a‖²(1 − e^{−2t}); a = 0: a certified non-zero stationarity moment ' +
    'and points at distance down to 1e-6 with L̃ < L(θ)); (2) from each generated (a, b, W) an exhibited path along which ' +
    'L̃ is certified strictly decreasing at every listed point: from a = 0, first (if the lowest non-zero moment has order ' +
    '> 0) w_k moves by ε̄u = u/100 at a = 0, where L̃ = L(θ) stays constant, then a_k moves against the sign of ∂L̃/∂a_k ' +
    '(8 points, all below L(θ)), then, as from any a ≠ 0, the ray t = 1e-3 … 40 with b → b + 40 and a → a e^{−40}: ' +
    'L̃ keeps decreasing while the unit\'s parameters run off (a bounded minimising sequence would have a limit point ' +
    'that is a minimum, which (1) excludes); (3) the App. C construction: θ with every hidden ReLU unit inactive on the ' +
    'data and no output bias (f ≡ 0) has A[θ] = 0 and ∂L̃/∂θ = 0 exactly for the generated (a, b, W) (exp as a formal ' +
    'symbol: the identity does not depend on exp\'s values), θ is not a global minimum (an exact θ′ with L(θ′) < L(θ)), ' +
    `and (a, b, W) is not a local minimum of L̃|θ. Enclosures at ${PRECISION} digits. (1) and (2) can only pass or stay ` +
    'undecided (an uncertified descent or path is our construction not coming out, not a local minimum); in (3) only ' +
    '∂L̃/∂θ ≠ 0 at A[θ] = 0 refutes, confirmed by z3 with ∂L̃/∂θ written out by the chain rule and exp(w_kᵀx_i + b_k) as ' +
    'unknowns E > 0 (increasing in the exponent, E = 1 at 0, E ≥ 1 + exponent).',
  checks: [
    forAll({
      name: 'θ not a global minimum: no (a, b, W) is a local minimum',
      basis: NUMERICAL,
      cannotFail: 'it exhibits descent; refuting would need a certified local minimum of an exp-containing function',
      arbitrary: unitCase({ losses: ['squared', 'cubic-hinge'], targets: 'free', head: 'any', duplicates: true }),
      check: (c) => {
        const { net, data, loss, problem, head } = buildCase(c);
        if (outputLayerGradient(net, data, loss).every((g) => g.isZero())) return discard('θ not certified to be a non-global minimum of L');
        return certifyNotLocalMinimum(problem, head);
      },
    }),
    forAll({
      name: 'L̃ decreases strictly along an exhibited path on which the unit runs off',
      basis: NUMERICAL,
      cannotFail: 'the path is our construction: one that is not certified strictly decreasing is undecided',
      arbitrary: unitCase({ losses: ['squared', 'cubic-hinge'], targets: 'free', head: 'any', duplicates: true }),
      check: (c) => {
        const { net, data, loss, problem, head } = buildCase(c);
        if (outputLayerGradient(net, data, loss).every((g) => g.isZero())) return discard('θ not certified to be a non-global minimum of L');
        const path = descentPath(problem, I, head);
        if (path.kind === 'optimal') throw new Error('θ with a non-zero output-layer gradient was found per-input optimal');
        if (path.kind === 'failed') return undecided(path.reason);
        const last = path.values[path.values.length - 1]!;
        const belowBase = path.kind === 'ray' || last.hi.lt(path.baseValue.lo);
        if (path.strictlyDecreasing && belowBase && path.finalA.every((a) => a.hi.abs().lt('1e-15') && a.lo.abs().lt('1e-15'))) return pass();
        // The path is our construction: one whose decrease is not certified shows no local minimum either.
        return undecided(
          `the exhibited ${path.kind} path is not certified strictly decreasing below L(θ) = ${describeEnclosure(path.baseValue)} ` +
            `(values ${[path.start, ...path.values].map((v) => describeEnclosure(v, 6)).join(', ')})`,
        );
      },
    }),
    forAll({
      name: 'App. C: a suboptimal θ with A[θ] = 0 has ∂L̃/∂θ = 0 for every (a, b, W)',
      basis: NUMERICAL,
      arbitrary: deadCases,
      check: (c) => {
        const { net, data, loss, problem, head } = buildCase(c);
        // θ is our construction of App. C: if it did not come out (a unit alive, f ≢ 0, A[θ] ≠ 0), the case decides nothing.
        const dead = c.inputs.every((x) => net.layers[0]!.weights.every((w, u) => dot(w, x).add(net.layers[0]!.bias![u]!).sign() < 0));
        if (!dead) return undecided('the construction left a hidden unit active');
        if (!c.inputs.every((x) => networkOutput(net, x).every((v) => v.isZero()))) return undecided('f is not identically 0 on the data');
        const A = outputJacobian(net, c.inputs);
        if (!A.isZero()) return undecided(`A[θ] ≠ 0: ${JSON.stringify(A.toStrings())}`);
        const FE = formalExpField();
        const aug = augmentedNetwork(network(FE, { inputDim: net.inputDim, layers: net.layers }), head);
        const dTheta = lossGradient(aug.network, data, loss, { penalty: aug.penalty(c.lambda), parameters: aug.theta });
        if (dTheta.some((g) => !g.isZero())) return fail({ reason: '∂L̃/∂θ ≠ 0 although A[θ] = 0', gradient: dTheta });
        const L = empiricalRisk(net, data, loss);
        const better = betterTheta(c, L);
        if (better === null) return discard('no θ′ with lower L found by reviving unit 0: suboptimality not certified');
        return certifyNotLocalMinimum(problem, head);
      },
      confirm: (c) => confirmDeadThetaGradient(c),
    }),
  ],
});
