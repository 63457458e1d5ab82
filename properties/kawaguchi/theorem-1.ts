import { discard, forAll, outputLayerGradient, theorem } from '../../src/index.ts';
import { certifyNotLocalMinimum, certifyOptimalMinimum } from './_certificates.ts';
import { confirmOptimalMinimum } from './_confirm.ts';
import { buildCase, NUMERICAL, perPointOptimal, PRECISION, unitCase } from './_instances.ts';

export default theorem({
  id: 'kawaguchi/theorem-1',
  paper: 'kawaguchi',
  title: 'Theorem 1: every local minimum of L̃|θ has a = 0 and θ a global minimum of L (convex differentiable ℓ)',
  statement:
    'Assumption 1 (ℓ_y convex and differentiable; here squared error and the cubic hinge max(0, 1 − yŷ)³), λ > 0, ' +
    'L̃ = (1/m) Σ ℓ(f + g) + λ‖a‖² with one exponential unit per output. The appendix proves, for a fixed θ and a local ' +
    'minimum (a, b, W) of L̃|θ: (ii) a = 0 (by eq. (9)), and (i) θ is a global minimum of L; in fact the proof gives more: ' +
    'Σ_{i∈I_j} ∇ℓ_{y_i}(f(x̄_j; θ)) = 0 for every distinct input x̄_j (per-input optimality). We check the statement ' +
    'through certificates on generated points, a small ReLU base network θ, data with repeated inputs allowed: ' +
    '(1) a point with a ≠ 0 is never a local minimum: along (a e^{−t}, b + t, W) the unit g is unchanged and ' +
    'L̃ = L̃(a, b, W) − λ‖a‖²(1 − e^{−2t}) < L̃(a, b, W) for every t > 0 (enclosed at t = 1e-6 … 10); ' +
    '(2) if θ is certified not to be a global minimum of L (an exact non-zero gradient of L in the output layer), no ' +
    'point (0, b, W) is a local minimum: some moment z_t = Σ_i (∇ℓ_{y_i})_k e^{w_kᵀx_i + b_k}(uᵀx_i)^t, t ≤ m′ − 1, is ' +
    'certified non-zero, and points (a_k = ∓τ, b, w_k + ε̄u) at distance down to 1e-6 have L̃ certified below L(θ); ' +
    'so for such θ L̃|θ has no local minimum at all and the theorem holds on it; (3) if θ is per-input optimal ' +
    '(L(θ) = 0 exactly, the least value of ℓ ≥ 0), every (0, b, W) is a local (indeed global) minimum of L̃|θ since ' +
    'L̃ ≥ λ‖a‖² ≥ L(θ): local minima exist and satisfy (i) and (ii). A check verifies a statement only on the generated ' +
    `points; the exp values are enclosed by outward-rounded interval arithmetic at ${PRECISION} digits. (1) and (2) can only ` +
    'pass or stay undecided (a certificate that does not come out does not show a local minimum); (3) is refuted only by an ' +
    'enclosure of L̃ − L(θ) or of the data term lying below 0, confirmed by decimal.js midpoint–radius balls at 150 digits.',
  checks: [
    forAll({
      name: 'a ≠ 0 is not a local minimum (the rescaling ray of eq. (9))',
      basis: NUMERICAL,
      cannotFail: 'it exhibits a descent ray; refuting would need a certified local minimum of an exp-containing function',
      arbitrary: unitCase({ losses: ['squared', 'cubic-hinge'], targets: 'free', head: 'nonzero', duplicates: true }),
      check: (c) => {
        const { problem, head } = buildCase(c);
        return certifyNotLocalMinimum(problem, head);
      },
    }),
    forAll({
      name: 'θ not a global minimum of L: no (0, b, W) is a local minimum',
      basis: NUMERICAL,
      cannotFail: 'it exhibits descent by moments; refuting would need a certified local minimum of an exp-containing function',
      arbitrary: unitCase({ losses: ['squared', 'cubic-hinge'], targets: 'free', head: 'zero', duplicates: true }),
      check: (c) => {
        const { net, data, loss, problem, head } = buildCase(c);
        if (outputLayerGradient(net, data, loss).every((g) => g.isZero())) {
          return discard('θ is critical in the output layer: not certified to be a non-global minimum of L');
        }
        return certifyNotLocalMinimum(problem, head);
      },
    }),
    forAll({
      name: 'θ a global minimum of L: every (0, b, W) is a local minimum with L̃ = L(θ)',
      basis: NUMERICAL,
      arbitrary: unitCase({ losses: ['squared', 'cubic-hinge'], targets: 'optimal', head: 'zero', duplicates: true }),
      check: (c) => {
        const { problem, head } = buildCase(c);
        if (!perPointOptimal(problem)) return discard('θ is not per-input optimal');
        return certifyOptimalMinimum(problem, head);
      },
      confirm: (c, witness) => confirmOptimalMinimum(c, witness),
    }),
  ],
});
