import { Rational } from '../numbers/rational.ts';
import { checkSystem, type LinearSystem } from './constraint.ts';

/**
 * A Farkas / Motzkin certificate that a system has no solution: one multiplier λ_i per row,
 * λ_i ≥ 0 on `>=` and `>` rows (any sign on `=` rows), with Σ λ_i a_i = 0 and either
 * Σ λ_i b_i > 0, or Σ λ_i b_i = 0 and λ_i > 0 on some `>` row. Summing the rows with these
 * weights would give 0 ≥ positive, or 0 > 0.
 */
export interface InfeasibilityCertificate {
  readonly multipliers: readonly Rational[];
}

/** Exact check of an infeasibility certificate against a system (independent of how it was found). */
export function verifyInfeasibility(system: LinearSystem, certificate: InfeasibilityCertificate): boolean {
  checkSystem(system);
  const { constraints, dimension } = system;
  const lambda = certificate.multipliers;
  if (lambda.length !== constraints.length) return false;
  let combination = new Array<Rational>(dimension).fill(Rational.ZERO);
  let bound = Rational.ZERO;
  let strictUsed = false;
  for (let i = 0; i < constraints.length; i++) {
    const c = constraints[i]!;
    const l = lambda[i]!;
    if (c.kind !== '=' && l.sign() < 0) return false;
    if (l.isZero()) continue;
    if (c.kind === '>') strictUsed = true;
    combination = combination.map((s, j) => s.add(l.mul(c.coefficients[j]!)));
    bound = bound.add(l.mul(c.bound));
  }
  if (combination.some((s) => !s.isZero())) return false;
  return bound.sign() > 0 || (bound.isZero() && strictUsed);
}
