import { Decimal } from 'decimal.js';
import {
  augmentedGradient,
  augmentedNetwork,
  convertHead,
  convertProblem,
  describeEnclosure,
  eq9Residuals,
  fail,
  failOutside,
  forAll,
  formalExpField,
  lossGradient,
  network,
  pass,
  theorem,
  undecided,
  Rational,
  type DecimalInterval,
} from '../../src/index.ts';
import { confirmEq9 } from './_confirm.ts';
import { buildCase, I, NUMERICAL, PRECISION, unitCase } from './_instances.ts';

const cases = unitCase({ losses: ['squared', 'cubic-hinge', 'quartic'], targets: 'free', head: 'any', duplicates: true });

/**
 * A residual enclosure containing 0 counts as a numerical zero when it is this narrow relative to the
 * size of the terms it is the difference of (wider: the precision decides nothing, the case is undecided).
 */
const RELATIVE_WIDTH = `1e-${PRECISION - 15}`;

/** max(1, |a_k ∂L̃/∂a_k|, |∂L̃/∂b_k|, 2λa_k²) from the upper ends of their enclosures. */
function termSize(...parts: DecimalInterval[]): Decimal {
  return parts.reduce((m, x) => Decimal.max(m, x.lo.abs(), x.hi.abs()), new Decimal(1));
}

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
    `exp in outward-rounded interval arithmetic at ${PRECISION} digits: the residual's enclosure contains 0 (an enclosure ` +
    'excluding 0 refutes (9)) and is narrower than ' +
    `${RELATIVE_WIDTH} × max(1, |a_k ∂L̃/∂a_k|, |∂L̃/∂b_k|, 2λa_k²) (a wider one decides nothing: undecided), and for every ` +
    'a_k ≠ 0 one of ∂L̃/∂a_k, ∂L̃/∂b_k has an enclosure excluding 0 (no stationary point with a ≠ 0; undecided otherwise). ' +
    'A failure counts only when z3 confirms it with exp(w_kᵀx_i + b_k) replaced by unknowns E > 0 (increasing in the ' +
    'exponent, E = 1 at 0, E ≥ 1 + exponent): (9) failing for every such E fails at exp.',
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
        // The paper-specific evaluator must give the same derivatives: a disagreement is a bug of ours, not a failure of (9).
        const own = augmentedGradient(problem, head);
        const agrees = own.a.every((v, k) => v.equals(grad[k]!)) && own.b.every((v, k) => v.equals(grad[dy + k]!));
        if (!agrees) throw new Error(`the network module's jets and augmentedGradient disagree: ${grad.map(String).join(', ')} vs ${[...own.a, ...own.b].map(String).join(', ')}`);
        return pass();
      },
      confirm: (c) => confirmEq9(c),
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
        const g = augmentedGradient(p, h);
        for (let k = 0; k < head.a.length; k++) {
          const r = residuals[k]!;
          if (!r.contains(0)) return failOutside(`the residual of (9) for unit ${k}`, r, 0, { unit: k, residual: describeEnclosure(r) });
          const ak = I.fromRational(head.a[k]!);
          const size = termSize(I.mul(ak, g.a[k]!), g.b[k]!, I.mul(I.fromRational(c.lambda.mul(Rational.of(2))), I.mul(ak, ak)));
          if (r.width().gt(size.times(RELATIVE_WIDTH))) {
            return undecided(`the residual of (9) for unit ${k}, ${describeEnclosure(r)}, is not resolved at ${PRECISION} digits`);
          }
        }
        for (let k = 0; k < head.a.length; k++) {
          if (head.a[k]!.isZero()) continue;
          if (g.a[k]!.containsZero() && g.b[k]!.containsZero()) {
            return undecided(`a_${k} = ${head.a[k]!.toString()} ≠ 0 but neither ∂L̃/∂a_k nor ∂L̃/∂b_k is certified non-zero at ${PRECISION} digits`);
          }
        }
        return pass();
      },
      confirm: (c) => confirmEq9(c),
    }),
  ],
});
