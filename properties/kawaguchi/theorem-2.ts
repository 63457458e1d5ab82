import fc from 'fast-check';
import {
  countRealRoots,
  discard,
  fail,
  forAll,
  pass,
  Polynomial,
  QUARTIC_COEFFICIENTS,
  Rational,
  theorem,
} from '../../src/index.ts';
import { certifyNotLocalMinimum, certifyOptimalMinimum } from './_certificates.ts';
import { confirmOptimalMinimum, confirmQuarticAssumption } from './_confirm.ts';
import { buildCase, NUMERICAL, perPointOptimal, PRECISION, unitCase } from './_instances.ts';

const phi = new Polynomial(QUARTIC_COEFFICIENTS);

export default theorem({
  id: 'kawaguchi/theorem-2',
  paper: 'kawaguchi',
  title: 'Theorem 2: under Assumptions 2 and 3, every local minimum of L̃|θ has ∇ℓ_{y_i}(f(x_i; θ)) = 0 for all i',
  statement:
    'The appendix (B.2) shows, for a fixed θ and a local minimum (a, b, W) of L̃|θ: Σ_i (∇ℓ_{y_i}(f(x_i; θ)))_k² = 0, ' +
    'hence (iii) ∇ℓ_{y_i}(f(x_i; θ)) = 0 for all i, (i) θ a global minimum of L and (ii) a = 0. The assumptions are ' +
    'not in the appendix; they are read from the proof and the main text: Assumption 2, every ℓ_{y_i} is differentiable ' +
    'and each of its critical points is a global minimum (not necessarily convex); Assumption 3, the labels are a ' +
    'function of the inputs (y_i = f*(x_i), so repeated inputs carry equal labels). Checked on generated instances ' +
    'satisfying both: squared error, the cubic hinge (its critical points yq ≥ 1 are its minima) and a non-convex quartic ℓ(ŷ, y) = Σ_k φ(ŷ_k − y_k), φ(r) = r⁴/4 − 2r³/3 + 11r²/20 ' +
    '(exact check that φ′ has the single real root 0, where φ attains its minimum 0, and that φ″(1/2) < 0), random ' +
    'small ReLU base networks θ, inputs that may repeat with equal labels. (1) If some ∇ℓ_{y_i}(f(x_i; θ)) ≠ 0 (exact), ' +
    'no generated (a, b, W) is a local minimum: for a ≠ 0 the rescaling ray (a e^{−t}, b + t, W) lowers L̃ by ' +
    'λ‖a‖²(1 − e^{−2t}) > 0; for a = 0 a moment Σ_i (∇ℓ_{y_i})_k e^{w_kᵀx_i + b_k}(uᵀx_i)^t (t ≤ m′ − 1) is certified ' +
    'non-zero (under Assumption 3 the grouped gradient sums are |I_j|·∇ℓ at x̄_j, non-zero iff the per-point ones are) ' +
    'and points at distance down to 1e-6 have L̃ certified below L(θ): this is the contrapositive of (iii) on the ' +
    'generated points. (2) If all ∇ℓ_{y_i}(f(x_i; θ)) = 0, every (0, b, W) is a local minimum of L̃|θ (L(θ) = 0 exactly ' +
    'and ℓ ≥ 0), where (i)–(iii) hold. Assumption 2 matters only through "∇ℓ = 0 ⇒ global minimum"; checks of ' +
    `whether every local minimum is found are not possible by sampling. Enclosures at ${PRECISION} digits. (1) can only pass ` +
    'or stay undecided (an uncertified descent does not show a local minimum); (2) is refuted only by an enclosure of ' +
    'L̃ − L(θ) or of the data term lying below 0, confirmed by decimal.js balls at 150 digits; the quartic check is ' +
    'confirmed by z3 on the real roots of φ′.',
  checks: [
    forAll({
      name: 'the quartic loss satisfies Assumption 2 and is not convex',
      basis: 'exact',
      arbitrary: fc.constant(null),
      check: () => {
        const d1 = phi.derivative();
        const d2 = d1.derivative();
        const roots = countRealRoots(d1);
        const atZero = phi.evaluate(Rational.ZERO);
        const curvature = d2.evaluate(Rational.of(1, 2));
        // One real root of φ′ (at 0), with φ′ changing sign from − to +: the only critical point is the global minimum.
        const ok = roots === 1 && d1.evaluate(Rational.ZERO).isZero() && atZero.isZero() && d1.evaluate(Rational.MINUS_ONE).sign() < 0 && curvature.sign() < 0;
        return ok ? pass() : fail({ 'real roots of φ′': roots, 'φ(0)': atZero, "φ″(1/2)": curvature });
      },
      confirm: () => confirmQuarticAssumption(),
    }),
    forAll({
      name: 'some ∇ℓ_{y_i}(f(x_i; θ)) ≠ 0: no (a, b, W) is a local minimum',
      basis: NUMERICAL,
      cannotFail: 'it exhibits descent; refuting would need a certified local minimum of an exp-containing function',
      arbitrary: unitCase({ losses: ['squared', 'quartic', 'cubic-hinge'], targets: 'consistent', head: 'any', duplicates: true }),
      check: (c) => {
        const { problem, head } = buildCase(c);
        if (perPointOptimal(problem)) return discard('θ is per-input optimal');
        return certifyNotLocalMinimum(problem, head);
      },
    }),
    forAll({
      name: 'all ∇ℓ_{y_i}(f(x_i; θ)) = 0: every (0, b, W) is a local minimum',
      basis: NUMERICAL,
      arbitrary: unitCase({ losses: ['squared', 'quartic', 'cubic-hinge'], targets: 'optimal', head: 'zero', duplicates: true }),
      check: (c) => {
        const { problem, head } = buildCase(c);
        if (!perPointOptimal(problem)) return discard('θ is not per-input optimal');
        return certifyOptimalMinimum(problem, head);
      },
      confirm: (c, witness) => confirmOptimalMinimum(c, witness),
    }),
  ],
});
