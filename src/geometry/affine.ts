import { Rational } from '../numbers/rational.ts';
import type { LinearConstraint } from './constraint.ts';

/**
 * The solutions of a consistent system of equalities A x = b, written through its free variables:
 * x[pivots[k]] = offsets[k] − Σ_f coefficients[k][f] · x[free[f]] (reduced row echelon form).
 */
export interface AffineParametrization {
  readonly dimension: number;
  readonly pivots: readonly number[];
  readonly free: readonly number[];
  readonly offsets: readonly Rational[];
  readonly coefficients: readonly (readonly Rational[])[];
}

/** Exact RREF of the equality rows; null when they are inconsistent. */
export function parametrizeEqualities(
  dimension: number,
  rows: readonly Pick<LinearConstraint, 'coefficients' | 'bound'>[],
): AffineParametrization | null {
  const m = rows.map((r) => [...r.coefficients, r.bound]);
  const pivots: number[] = [];
  let rank = 0;
  for (let c = 0; c < dimension && rank < m.length; c++) {
    const p = m.findIndex((r, i) => i >= rank && !r[c]!.isZero());
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const inv = m[rank]![c]!.inv();
    m[rank] = m[rank]!.map((v) => v.mul(inv));
    for (let i = 0; i < m.length; i++) {
      const f = m[i]![c]!;
      if (i === rank || f.isZero()) continue;
      m[i] = m[i]!.map((v, j) => v.sub(f.mul(m[rank]![j]!)));
    }
    pivots.push(c);
    rank++;
  }
  if (m.slice(rank).some((r) => !r[dimension]!.isZero())) return null;
  const free = Array.from({ length: dimension }, (_, j) => j).filter((j) => !pivots.includes(j));
  return {
    dimension,
    pivots,
    free,
    offsets: pivots.map((_, k) => m[k]![dimension]!),
    coefficients: pivots.map((_, k) => free.map((f) => m[k]![f]!)),
  };
}

/** The point of the affine set with the given values of the free variables. */
export function pointFromFree(param: AffineParametrization, freeValues: readonly Rational[]): Rational[] {
  if (freeValues.length !== param.free.length) {
    throw new RangeError(`expected ${param.free.length} free values, got ${freeValues.length}`);
  }
  const x = new Array<Rational>(param.dimension).fill(Rational.ZERO);
  param.free.forEach((f, i) => {
    x[f] = freeValues[i]!;
  });
  param.pivots.forEach((p, k) => {
    let v = param.offsets[k]!;
    param.coefficients[k]!.forEach((a, i) => {
      if (!a.isZero()) v = v.sub(a.mul(freeValues[i]!));
    });
    x[p] = v;
  });
  return x;
}
