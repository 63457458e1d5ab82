import {
  augmentedGradient,
  augmentedNetwork,
  convertHead,
  convertProblem,
  describeEnclosure,
  eq9Residuals,
  fail,
  forAll,
  formalExpField,
  lossGradient,
  network,
  pass,
  theorem,
  undecided,
  Rational,
} from '../../src/index.ts';
import { buildCase, I, NUMERICAL, PRECISION, unitCase } from './_instances.ts';

const cases = unitCase({ losses: ['squared', 'cubic-hinge', 'quartic'], targets: 'free', head: 'any', duplicates: true });

/** Residual enclosures must be this narrow to count as a numerical zero (the enclosure must also contain 0). */
const ZERO_WIDTH = `1e-${PRECISION - 15}`;

export default theorem({
  id: 'kawaguchi/eq-9',
  paper: 'kawaguchi',
  title: 'Eq. (9): a_k ∂L̃/∂a_k = ∂L̃/∂b_k + 2λa_k², so a = 0 at every stationary point',
  statement:
    'For L̃(θ, a, b, W) = (1/m) Σ_i ℓ(f(x_i; θ) + g(x_i; a, b, W), y_i) + λ‖a‖² with g_k(x) = a_k exp(w_kᵀx + b_k) ' +
    '(one unit per output k, λ > 0, ℓ differentiable in its first argument), the identity ' +
    'a_k ∂L̃/∂a_k = ∂L̃/∂b_k + 2λa_k² holds at every (θ, a, b, W) and for every k; hence at a stationary point of ' +
    'L̃|_(θ,W) in (a, b), 2λa_k² = 0, i.e. a = 0. (The PDF extraction lost the displayed equation; the identity is read ' +
    'from the chain of equalities before "(9)". The paper writes exp(w_kᵀx + b_k) inside Σ_i, read as exp(w_kᵀx_i + b_k).) ' +
    'Checked two ways on random base networks (one hidden ReLU layer, d_y ≤ 2), data with repeated inputs, and the losses ' +
    'squared error, cubic hinge max(0, 1 − yŷ)³ and a non-convex quartic: (1) exactly, with the derivatives of the network ' +
    "module's jets over the rationals and exp replaced by a formal symbol E with E' = E (both sides of (9) are the same " +
    'polynomial in the values E(w_kᵀx_i + b_k), so the identity holds for exp iff it holds for any such E); (2) with the true ' +
    `exp in outward-rounded interval arithmetic at ${PRECISION} digits: the residual's enclosure contains 0 and is narrower ` +
    `than ${ZERO_WIDTH}, and for every a_k ≠ 0 one of ∂L̃/∂a_k, ∂L̃/∂b_k has an enclosure excluding 0 (no stationary point with a ≠ 0).`,
  checks: [
    forAll({
      name: 'eq. (9) exactly, exp as a formal symbol',
      basis: 'exact',
      arbitrary: cases,
      check: (c) => {
        const { net, data, loss, problem, head } = buildCase(c);
        const FE = formalExpField();
        const aug = augmentedNetwork(network(FE, { inputDim: net.inputDim, layers: net.layers }), head);
        const parameters = [...aug.a, ...aug.b];
        const grad = lossGradient(aug.network, data, loss, { penalty: aug.penalty(c.lambda), parameters });
        const dy = head.a.length;
        for (let k = 0; k < dy; k++) {
          const ak = head.a[k]!;
          const dA = grad[k]!;
          const dB = grad[dy + k]!;
          const residual = ak.mul(dA).sub(dB).sub(Rational.of(2).mul(c.lambda).mul(ak).mul(ak));
          if (!residual.isZero()) {
            return fail({ unit: k, 'a_k': ak, '∂L̃/∂a_k': dA, '∂L̃/∂b_k': dB, '2λa_k²': Rational.of(2).mul(c.lambda).mul(ak).mul(ak), residual });
          }
        }
        // The paper-specific evaluator must give the same derivatives (a second, independent formula).
        const own = augmentedGradient(problem, head);
        const agrees = own.a.every((v, k) => v.equals(grad[k]!)) && own.b.every((v, k) => v.equals(grad[dy + k]!));
        return agrees ? pass() : fail({ jets: grad, evaluator: [...own.a, ...own.b] });
      },
    }),
    forAll({
      name: 'eq. (9) with the true exp, and no stationary point with a ≠ 0',
      basis: NUMERICAL,
      arbitrary: cases,
      check: (c) => {
        const { problem, head } = buildCase(c);
        const p = convertProblem(problem, I);
        const h = convertHead(I, head);
        const residuals = eq9Residuals(p, h);
        const bad = residuals.findIndex((r) => !r.contains(0) || r.width().gt(ZERO_WIDTH));
        if (bad >= 0) return fail({ unit: bad, residual: describeEnclosure(residuals[bad]!) });
        const g = augmentedGradient(p, h);
        for (let k = 0; k < head.a.length; k++) {
          if (head.a[k]!.isZero()) continue;
          if (g.a[k]!.containsZero() && g.b[k]!.containsZero()) {
            return undecided(`a_${k} = ${head.a[k]!.toString()} ≠ 0 but neither ∂L̃/∂a_k nor ∂L̃/∂b_k is certified non-zero at ${PRECISION} digits`);
          }
        }
        return pass();
      },
    }),
  ],
});
