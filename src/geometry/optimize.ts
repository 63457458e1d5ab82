import { Rational } from '../numbers/rational.ts';
import { verifyInfeasibility, type InfeasibilityCertificate } from './certificate.ts';
import {
  atLeast,
  checkSystem,
  rowValue,
  satisfiesSystem,
  type LinearConstraint,
  type LinearSystem,
} from './constraint.ts';
import { checkFeasibility } from './feasibility.ts';
import { solveStandardForm } from './simplex.ts';
import { primitiveIntegerVector } from './simplest.ts';
import { originalPoint, standardForm } from './standard-form.ts';

/**
 * Multipliers μ (μ_i ≥ 0 on `>=`/`>` rows, any sign on `=` rows) with the identity
 *   max: c·x = value − Σ μ_i (a_i·x − b_i),   min: c·x = value + Σ μ_i (a_i·x − b_i)
 * for every x, so value bounds c·x on the whole system (LP duality, checked exactly).
 */
export interface OptimalityCertificate {
  readonly multipliers: readonly Rational[];
}

type Sense = 'max' | 'min';

/**
 * `optimal`: the bound is attained at `point`. `unattained`: strict rows keep the supremum
 * (infimum) from being reached; `point` lies in the closure and `attainment` certifies that no
 * feasible x has c·x ≥ value (≤ for min). `unbounded`: point + s·direction is feasible for all
 * s ≥ 0 and improves the objective. `infeasible`: no feasible point at all.
 */
export type OptimizationResult =
  | {
      readonly status: 'optimal';
      readonly sense: Sense;
      readonly objective: readonly Rational[];
      readonly value: Rational;
      readonly point: Rational[];
      readonly certificate: OptimalityCertificate;
    }
  | {
      readonly status: 'unattained';
      readonly sense: Sense;
      readonly objective: readonly Rational[];
      readonly value: Rational;
      readonly point: Rational[];
      readonly certificate: OptimalityCertificate;
      readonly attainment: InfeasibilityCertificate;
    }
  | {
      readonly status: 'unbounded';
      readonly sense: Sense;
      readonly objective: readonly Rational[];
      readonly point: Rational[];
      readonly direction: Rational[];
    }
  | {
      readonly status: 'infeasible';
      readonly sense: Sense;
      readonly objective: readonly Rational[];
      readonly certificate: InfeasibilityCertificate;
    };

/** Exact max of c·x over the system (free variables); every result is verified before it is returned. */
export function maximize(objective: readonly Rational[], system: LinearSystem): OptimizationResult {
  return checked(system, optimize(objective, system, 'max'));
}

/** Exact min of c·x over the system. */
export function minimize(objective: readonly Rational[], system: LinearSystem): OptimizationResult {
  return checked(system, optimize(objective, system, 'min'));
}

function optimize(objective: readonly Rational[], system: LinearSystem, sense: Sense): OptimizationResult {
  checkSystem(system);
  if (objective.length !== system.dimension) {
    throw new RangeError(`objective has ${objective.length} entries, system has dimension ${system.dimension}`);
  }
  const feasibility = checkFeasibility(system);
  if (!feasibility.feasible) return { status: 'infeasible', sense, objective, certificate: feasibility.certificate };
  // Work with max c'·x, c' = ±c; strict rows are relaxed to their closure.
  const c = sense === 'max' ? [...objective] : objective.map((v) => v.neg());
  const layout = standardForm(system, { objective: c });
  const result = solveStandardForm(layout.problem);
  if (result.status === 'infeasible') throw new Error('internal: closure of a feasible system is infeasible');
  if (result.status === 'unbounded') {
    const direction = primitiveIntegerVector(originalPoint(layout, result.ray));
    return { status: 'unbounded', sense, objective, point: feasibility.point, direction };
  }
  const k = system.constraints.length;
  const value = sense === 'max' ? result.value : result.value.neg();
  const certificate = { multipliers: result.dual.slice(0, k).map((v) => v.neg()) };
  const vertex = originalPoint(layout, result.primal);
  if (satisfiesSystem(system, vertex)) return { status: 'optimal', sense, objective, value, point: vertex, certificate };
  const attained = checkFeasibility(reachingSystem(system, objective, value, sense));
  if (attained.feasible) return { status: 'optimal', sense, objective, value, point: attained.point, certificate };
  return { status: 'unattained', sense, objective, value, point: vertex, certificate, attainment: attained.certificate };
}

/** The system plus c·x ≥ value (max) or c·x ≤ value (min). */
function reachingSystem(system: LinearSystem, c: readonly Rational[], value: Rational, sense: Sense): LinearSystem {
  const row: LinearConstraint = sense === 'max' ? atLeast(c, value) : atLeast(c.map((v) => v.neg()), value.neg());
  return { dimension: system.dimension, constraints: [...system.constraints, row] };
}

function checked(system: LinearSystem, result: OptimizationResult): OptimizationResult {
  if (!verifyOptimization(system, result)) throw new Error(`internal: ${result.status} result fails exact verification`);
  return result;
}

/** Exact, independent check of every claim an optimisation result makes. */
export function verifyOptimization(system: LinearSystem, result: OptimizationResult): boolean {
  const c = result.objective;
  switch (result.status) {
    case 'infeasible':
      return verifyInfeasibility(system, result.certificate);
    case 'unbounded': {
      const improves = dotOf(c, result.direction).sign() === (result.sense === 'max' ? 1 : -1);
      return satisfiesSystem(system, result.point) && improves && isRecessionDirection(system, result.direction);
    }
    case 'optimal':
      return (
        satisfiesSystem(system, result.point) &&
        dotOf(c, result.point).equals(result.value) &&
        certifiesBound(system, result.sense, c, result.value, result.certificate)
      );
    case 'unattained':
      return (
        satisfiesSystem(closure(system), result.point) &&
        dotOf(c, result.point).equals(result.value) &&
        certifiesBound(system, result.sense, c, result.value, result.certificate) &&
        verifyInfeasibility(reachingSystem(system, c, result.value, result.sense), result.attainment)
      );
  }
}

/** Σμ_i a_i = ∓c and Σμ_i b_i = ∓value (− for max, + for min), with μ ≥ 0 on inequality rows. */
function certifiesBound(system: LinearSystem, sense: Sense, c: readonly Rational[], value: Rational, cert: OptimalityCertificate): boolean {
  const mu = cert.multipliers;
  if (mu.length !== system.constraints.length) return false;
  if (system.constraints.some((row, i) => row.kind !== '=' && mu[i]!.sign() < 0)) return false;
  const s = sense === 'max' ? Rational.MINUS_ONE : Rational.ONE;
  const combination = c.map((_, j) => system.constraints.reduce((acc, row, i) => acc.add(mu[i]!.mul(row.coefficients[j]!)), Rational.ZERO));
  const bound = system.constraints.reduce((acc, row, i) => acc.add(mu[i]!.mul(row.bound)), Rational.ZERO);
  return combination.every((v, j) => v.equals(s.mul(c[j]!))) && bound.equals(s.mul(value));
}

function isRecessionDirection(system: LinearSystem, d: readonly Rational[]): boolean {
  return system.constraints.every((row) => {
    const v = rowValue(row, d).sign();
    return row.kind === '=' ? v === 0 : v >= 0;
  });
}

function closure(system: LinearSystem): LinearSystem {
  return {
    dimension: system.dimension,
    constraints: system.constraints.map((row) => (row.kind === '>' ? { ...row, kind: '>=' as const } : row)),
  };
}

function dotOf(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, j) => s.add(v.mul(b[j]!)), Rational.ZERO);
}
