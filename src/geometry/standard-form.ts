import { Rational } from '../numbers/rational.ts';
import type { LinearSystem } from './constraint.ts';
import type { StandardFormProblem } from './simplex.ts';

/**
 * The free-variable system written for the simplex: x = u − v (u, v ≥ 0), one surplus s_i ≥ 0
 * per inequality row (a_i·x − s_i = b_i), and optionally a margin variable t ≥ 0 subtracted from
 * chosen rows (a_i·x − t − s_i = b_i) together with the extra last row t + s_t = 1.
 * Strict rows are relaxed to `>=` here; strictness is recovered by maximising t.
 */
export interface StandardFormLayout {
  readonly problem: StandardFormProblem;
  /** Number of original variables n (columns 0..n−1 are u, n..2n−1 are v). */
  readonly n: number;
  /** Column of t, or −1 without a margin. */
  readonly marginColumn: number;
}

export interface LayoutOptions {
  /** Rows that get −t (indices into the system's constraints); none: no margin variable. */
  readonly marginRows?: ReadonlySet<number>;
  /** Objective on x (length n); default zero. Ignored when a margin is used (then t is maximised). */
  readonly objective?: readonly Rational[];
}

export function standardForm(system: LinearSystem, options: LayoutOptions = {}): StandardFormLayout {
  const n = system.dimension;
  const margin = options.marginRows;
  const rows = system.constraints;
  const surplusCount = rows.filter((c) => c.kind !== '=').length;
  const marginColumn = margin ? 2 * n : -1;
  const firstSurplus = 2 * n + (margin ? 1 : 0);
  const width = firstSurplus + surplusCount + (margin ? 1 : 0);
  const zero = (): Rational[] => new Array<Rational>(width).fill(Rational.ZERO);

  const matrix: Rational[][] = [];
  const rhs: Rational[] = [];
  let surplus = firstSurplus;
  rows.forEach((c, i) => {
    const r = zero();
    c.coefficients.forEach((a, j) => {
      r[j] = a;
      r[n + j] = a.neg();
    });
    if (c.kind !== '=') r[surplus++] = Rational.MINUS_ONE;
    if (margin?.has(i)) r[marginColumn] = Rational.MINUS_ONE;
    matrix.push(r);
    rhs.push(c.bound);
  });
  const objective = zero();
  if (margin) {
    const r = zero();
    r[marginColumn] = Rational.ONE;
    r[width - 1] = Rational.ONE;
    matrix.push(r);
    rhs.push(Rational.ONE);
    objective[marginColumn] = Rational.ONE;
  } else if (options.objective) {
    options.objective.forEach((cj, j) => {
      objective[j] = cj;
      objective[n + j] = cj.neg();
    });
  }
  return { problem: { matrix, rhs, objective }, n, marginColumn };
}

/** x = u − v from a standard-form vector. */
export function originalPoint(layout: StandardFormLayout, z: readonly Rational[]): Rational[] {
  return Array.from({ length: layout.n }, (_, j) => z[j]!.sub(z[layout.n + j]!));
}
