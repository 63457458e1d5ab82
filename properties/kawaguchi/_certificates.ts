// Outcomes shared by Theorems 1, 2 and 4: "(a, b, W) is not a local minimum of L̃|θ" and
// "(0, b, W) is a local minimum when θ is per-input optimal", each turned into pass / fail / undecided.
import {
  augmentedValue,
  baseValue,
  convertHead,
  convertProblem,
  describeEnclosure,
  fail,
  notLocalMinimum,
  pass,
  Rational,
  undecided,
  type AugmentedProblem,
  type ExpUnitParameters,
  type Outcome,
} from '../../src/index.ts';
import { I, PRECISION } from './_instances.ts';

/**
 * (a, b, W) is certified not to be a local minimum: for a ≠ 0 by the rescaling ray (L̃ strictly lower at
 * every t > 0), for a = 0 by the moment descent. `optimal` θ at a = 0 is a failure of the caller's
 * precondition (reported, not passed).
 */
export function certifyNotLocalMinimum(problem: AugmentedProblem<Rational>, head: ExpUnitParameters<Rational>): Outcome {
  const cert = notLocalMinimum(problem, I, head);
  switch (cert.kind) {
    case 'ray':
      return pass();
    case 'moments':
      return pass();
    case 'optimal':
      return fail({ reason: 'θ is per-input optimal, so (0, b, W) may be a local minimum', a: head.a });
    case 'failed':
      // No non-zero moment among z_0 … z_{m'−1} contradicts the Vandermonde step of eq. (12) itself.
      if (cert.reason.startsWith('no moment')) return fail({ reason: cert.reason, a: head.a, b: head.b, w: head.w });
      return undecided(cert.reason);
  }
}

/**
 * θ per-input optimal with ℓ ≥ 0 and L(θ) = 0: L̃(a, b, W) = L(f + g) + λ‖a‖² ≥ λ‖a‖² ≥ 0 = L̃(0, b, W), so
 * every (0, b, W) is a (global) minimum of L̃|θ. Checked: L(θ) = 0 exactly, and at points near (0, b, W)
 * the enclosure of L̃ − λ‖a‖² is ≥ 0 − (rounding) and L̃ > L(θ) whenever a ≠ 0.
 */
export function certifyOptimalMinimum(problem: AugmentedProblem<Rational>, head: ExpUnitParameters<Rational>): Outcome {
  const L = baseValue(problem);
  if (!L.isZero()) return fail({ reason: 'per-input optimal θ with L(θ) ≠ 0', 'L(θ)': L });
  const p = convertProblem(problem, I);
  const nearby = [Rational.of(1, 10), Rational.of(-1, 1000), Rational.of(1, 1_000_000)].flatMap((s) =>
    head.a.map((_, k) => ({ a: head.a.map((_, j) => (j === k ? s : Rational.ZERO)), b: head.b, w: head.w.map((row) => row.map((v) => v.add(s))) })),
  );
  for (const q of nearby) {
    const v = augmentedValue(p, convertHead(I, q));
    if (!v.value.isPositive() || v.data.hi.isNegative()) {
      return fail({ reason: `L̃ not above L(θ) = 0 at ${PRECISION} digits`, a: q.a, 'L̃': describeEnclosure(v.value), data: describeEnclosure(v.data) });
    }
  }
  return pass();
}
