import type { Field } from '../numbers/field.ts';
import { Rational } from '../numbers/rational.ts';
import type { Loss, Normalisation, PointLoss } from './loss.ts';

/**
 * φ(r) = r⁴/4 − 2r³/3 + 11r²/20, so φ'(r) = r((r − 1)² + 1/10) and φ''(r) = 3r² − 4r + 11/10.
 * φ' vanishes only at r = 0, where φ has its global minimum 0, but φ''(1/2) = −3/20 < 0: a
 * differentiable loss that satisfies Kawaguchi & Kaelbling's Assumption 2 (every critical point
 * of ℓ_y is a global minimum) without being convex, and that is a polynomial (exact over ℚ).
 */
export const QUARTIC_COEFFICIENTS: readonly Rational[] = [Rational.ZERO, Rational.ZERO, Rational.of(11, 20), Rational.of(-2, 3), Rational.of(1, 4)];

function phi<T>(F: Field<T>, r: T): T {
  return horner(F, QUARTIC_COEFFICIENTS, r);
}

function phi1<T>(F: Field<T>, r: T): T {
  return horner(F, QUARTIC_COEFFICIENTS.slice(1).map((c, i) => c.mul(Rational.of(i + 1))), r);
}

function phi2<T>(F: Field<T>, r: T): T {
  return horner(F, QUARTIC_COEFFICIENTS.slice(2).map((c, i) => c.mul(Rational.of((i + 2) * (i + 1)))), r);
}

function horner<T>(F: Field<T>, coefficients: readonly Rational[], x: T): T {
  let s = F.zero;
  for (let i = coefficients.length - 1; i >= 0; i--) s = F.add(F.mul(s, x), F.fromRational(coefficients[i]!));
  return s;
}

/** ℓ(ŷ, y) = Σ_k φ(ŷ_k − y_k) with the non-convex quartic φ above. */
export const quarticPoint: PointLoss = {
  name: 'non-convex quartic',
  polynomial: true,
  outputs: null,
  value: (F, yHat, y) => yHat.reduce((s, v, k) => F.add(s, phi(F, F.sub(v, y[k]!))), F.zero),
  gradient: (F, yHat, y) => yHat.map((v, k) => phi1(F, F.sub(v, y[k]!))),
  hessian: (F, yHat, y) => yHat.map((v, k) => yHat.map((_, j) => (j === k ? phi2(F, F.sub(v, y[k]!)) : F.zero))),
};

export const nonConvexQuartic = (normalisation: Normalisation): Loss => ({ point: quarticPoint, normalisation });
