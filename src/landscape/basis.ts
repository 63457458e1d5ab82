/**
 * What a landscape decision rests on: `exact` (decided by exact rational arithmetic: a rank, a
 * sign, a zero gradient), `certified` (an exact certificate that anyone can re-check: a descent
 * direction with its polynomial, a positive-definite factorisation, a convex-optimality LP), or
 * `evidence` (a search that found nothing, e.g. no descent direction among K tried).
 */
export type LandscapeBasis = 'exact' | 'certified' | 'evidence';

const strength: Record<LandscapeBasis, number> = { exact: 2, certified: 1, evidence: 0 };

/** The weakest of several bases: a conclusion is only as strong as its weakest step. */
export function weakestLandscapeBasis(...bases: readonly LandscapeBasis[]): LandscapeBasis {
  return bases.reduce<LandscapeBasis>((a, b) => (strength[b] < strength[a] ? b : a), 'exact');
}
