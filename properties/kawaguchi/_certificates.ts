// Outcomes shared by Theorems 1, 2 and 4: "(a, b, W) is not a local minimum of L̃|θ" and
// "(0, b, W) is a global minimum of L̃|θ when θ is per-input optimal", each turned into pass / fail / undecided.
import {
  augmentedValue,
  baseValue,
  convertHead,
  convertProblem,
  describeEnclosure,
  failOutside,
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
 * every t > 0), for a = 0 by the moment descent. Neither certificate can show that (a, b, W) IS a local
 * minimum, so a certificate that does not come out leaves the case undecided: these checks never refute.
 * Callers pass only θ certified not to be per-input optimal, so an 'optimal' answer is a bug of ours.
 */
export function certifyNotLocalMinimum(problem: AugmentedProblem<Rational>, head: ExpUnitParameters<Rational>): Outcome {
  const cert = notLocalMinimum(problem, I, head);
  switch (cert.kind) {
    case 'ray':
    case 'moments':
      return pass();
    case 'optimal':
      throw new Error('the moment descent found θ per-input optimal although the caller certified that it is not');
    case 'failed':
      return undecided(cert.reason);
  }
}

/** Points near (0, b, W): one a_k = s and every w_kj shifted by s, for s = 1/10, −1/1000, 1/1000000. */
function nearbyPoints(head: ExpUnitParameters<Rational>): ExpUnitParameters<Rational>[] {
  return [Rational.of(1, 10), Rational.of(-1, 1000), Rational.of(1, 1_000_000)].flatMap((s) =>
    head.a.map((_, k) => ({ a: head.a.map((_, j) => (j === k ? s : Rational.ZERO)), b: head.b, w: head.w.map((row) => row.map((v) => v.add(s))) })),
  );
}

/**
 * θ per-input optimal with ℓ ≥ 0 and L(θ) = 0: L̃(a, b, W) = L(f + g) + λ‖a‖² ≥ λ‖a‖² ≥ 0 = L̃(0, b, W), so
 * every (0, b, W) is a (global) minimum of L̃|θ. Checked at points q near (0, b, W): the data term of L̃ is
 * ≥ 0 and L̃(q) > L(θ) (a ≠ 0 there); refuted only by an enclosure lying below 0, undecided when an
 * enclosure decides neither or our certificate's premise L(θ) = 0 does not hold.
 */
export function certifyOptimalMinimum(problem: AugmentedProblem<Rational>, head: ExpUnitParameters<Rational>): Outcome {
  const L = baseValue(problem);
  if (!L.isZero()) return undecided(`L(θ) = ${L.toString()} ≠ 0 at a per-input optimal θ: the certificate needs L(θ) = 0`);
  const p = convertProblem(problem, I);
  for (const q of nearbyPoints(head)) {
    const v = augmentedValue(p, convertHead(I, q));
    const at = { a: q.a, b: q.b, w: q.w, 'L̃': describeEnclosure(v.value), data: describeEnclosure(v.data) };
    if (v.data.isNegative()) return failOutside('the data term of L̃', v.data, 0, { ...at, quantity: 'data term' }, 'below');
    if (!v.value.isPositive()) {
      // Below 0 = L(θ) refutes; an enclosure reaching 0 decides nothing.
      const outcome = failOutside('L̃ − L(θ)', v.value, 0, { ...at, quantity: 'L̃ − L(θ)' }, 'below');
      return outcome.status === 'fail' ? outcome : undecided(`L̃ not certified above L(θ) = 0 at ${PRECISION} digits at a = (${q.a.map(String).join(', ')})`);
    }
  }
  return pass();
}
