import { Rational } from '../numbers/rational.ts';
import { verifyInfeasibility, type InfeasibilityCertificate } from './certificate.ts';
import { checkSystem, satisfiesSystem, type LinearSystem } from './constraint.ts';
import { solveStandardForm } from './simplex.ts';
import { simplifyFeasiblePoint } from './simplify-point.ts';
import { primitiveIntegerVector } from './simplest.ts';
import { originalPoint, standardForm } from './standard-form.ts';

/** A verified point satisfying every row, or a certificate (checked by `verifyInfeasibility`) that none exists. */
export type FeasibilityResult =
  | { readonly feasible: true; readonly point: Rational[] }
  | { readonly feasible: false; readonly certificate: InfeasibilityCertificate };

export interface FeasibilityOptions {
  /** Replace the simplex point by a simpler one (small denominators, integer for cones); default true. */
  readonly simplify?: boolean;
}

/**
 * Exact feasibility of a mixed system of `>=`, `>` and `=` rows over free rational variables.
 * First every inequality row gets a common margin t (a·x − t ≥ b, 0 ≤ t ≤ 1, maximise t): t > 0
 * gives a point well inside all of them, which rounds to a simple point. If t = 0 and there are
 * strict rows, only the strict rows get the margin; the strict system is feasible iff max t > 0,
 * and otherwise the LP dual is the certificate.
 */
export function checkFeasibility(system: LinearSystem, options: FeasibilityOptions = {}): FeasibilityResult {
  checkSystem(system);
  const kinds = system.constraints.map((c) => c.kind);
  const inequalities = indicesWhere(kinds, (k) => k !== '=');
  const strict = indicesWhere(kinds, (k) => k === '>');

  const centred = solveWithMargin(system, inequalities);
  if (centred.kind === 'infeasible') return infeasible(system, centred.multipliers);
  if (centred.margin.sign() > 0 || strict.length === 0) return feasible(system, centred.point, options);
  // When every inequality is strict the first LP already was the strict one.
  const strictOnly = strict.length === inequalities.length ? centred : solveWithMargin(system, strict);
  if (strictOnly.kind === 'infeasible') return infeasible(system, strictOnly.multipliers);
  if (strictOnly.margin.sign() > 0) return feasible(system, strictOnly.point, options);
  return infeasible(system, strictOnly.multipliers);
}

/** Whether the system has a solution (exact). */
export function isFeasible(system: LinearSystem): boolean {
  return checkFeasibility(system, { simplify: false }).feasible;
}

type MarginSolution =
  | { readonly kind: 'infeasible'; readonly multipliers: Rational[] }
  | { readonly kind: 'optimal'; readonly point: Rational[]; readonly margin: Rational; readonly multipliers: Rational[] };

/**
 * max t over the rows with a margin. With λ = −y over the original rows: phase-1 Farkas vectors
 * give Σλa = 0, λ ≥ 0 on inequalities, λ·b > 0; at t* = 0 the optimal dual gives Σλa = 0,
 * λ ≥ 0, λ·b = y_t ≥ 0 and Σ_{margin rows} λ + y_t ≥ 1, i.e. a certificate for the strict rows.
 */
function solveWithMargin(system: LinearSystem, marginRows: readonly number[]): MarginSolution {
  const layout = standardForm(system, { marginRows: new Set(marginRows) });
  const k = system.constraints.length;
  const result = solveStandardForm(layout.problem);
  if (result.status === 'infeasible') {
    return { kind: 'infeasible', multipliers: result.farkas.slice(0, k).map((v) => v.neg()) };
  }
  if (result.status === 'unbounded') throw new Error('feasibility LP cannot be unbounded (t ≤ 1)');
  return {
    kind: 'optimal',
    point: originalPoint(layout, result.primal),
    margin: result.value,
    multipliers: result.dual.slice(0, k).map((v) => v.neg()),
  };
}

function feasible(system: LinearSystem, point: Rational[], options: FeasibilityOptions): FeasibilityResult {
  const chosen = options.simplify === false ? point : simplifyFeasiblePoint(system, point);
  if (!satisfiesSystem(system, chosen)) throw new Error('internal: simplex point fails exact verification');
  return { feasible: true, point: chosen };
}

function infeasible(system: LinearSystem, multipliers: Rational[]): FeasibilityResult {
  const certificate = { multipliers: primitiveIntegerVector(multipliers) };
  if (!verifyInfeasibility(system, certificate)) throw new Error('internal: infeasibility certificate fails verification');
  return { feasible: false, certificate };
}

function indicesWhere<T>(xs: readonly T[], p: (x: T) => boolean): number[] {
  const out: number[] = [];
  xs.forEach((x, i) => {
    if (p(x)) out.push(i);
  });
  return out;
}
