import { Rational } from '../numbers/rational.ts';

/** `>=`: a·x ≥ b, `>`: a·x > b, `=`: a·x = b. */
export type ConstraintKind = '>=' | '>' | '=';

/** One linear row a·x (kind) b over the rationals. */
export interface LinearConstraint {
  readonly coefficients: readonly Rational[];
  readonly kind: ConstraintKind;
  readonly bound: Rational;
}

/** Rows over a fixed number of free (unbounded-sign) variables. */
export interface LinearSystem {
  readonly dimension: number;
  readonly constraints: readonly LinearConstraint[];
}

type RationalLike = Rational | number | bigint | string;

function row(a: readonly RationalLike[], kind: ConstraintKind, b: RationalLike): LinearConstraint {
  return { coefficients: a.map((v) => Rational.from(v)), kind, bound: Rational.from(b) };
}

/** a·x ≥ b */
export const atLeast = (a: readonly RationalLike[], b: RationalLike = 0): LinearConstraint => row(a, '>=', b);
/** a·x > b */
export const greaterThan = (a: readonly RationalLike[], b: RationalLike = 0): LinearConstraint => row(a, '>', b);
/** a·x = b */
export const equalTo = (a: readonly RationalLike[], b: RationalLike = 0): LinearConstraint => row(a, '=', b);
/** a·x ≤ b, stored as (−a)·x ≥ −b. */
export const atMost = (a: readonly RationalLike[], b: RationalLike = 0): LinearConstraint =>
  row(a.map((v) => Rational.from(v).neg()), '>=', Rational.from(b).neg());
/** a·x < b, stored as (−a)·x > −b. */
export const lessThan = (a: readonly RationalLike[], b: RationalLike = 0): LinearConstraint =>
  row(a.map((v) => Rational.from(v).neg()), '>', Rational.from(b).neg());

/** A system in `dimension` variables; every row must have exactly that many coefficients. */
export function linearSystem(dimension: number, constraints: readonly LinearConstraint[]): LinearSystem {
  const system = { dimension, constraints };
  checkSystem(system);
  return system;
}

/** Throws a RangeError naming the offending row when the shapes or kinds do not fit. */
export function checkSystem(system: LinearSystem): void {
  const { dimension, constraints } = system;
  if (!Number.isInteger(dimension) || dimension < 0) {
    throw new RangeError(`linear system: dimension must be a non-negative integer, got ${dimension}`);
  }
  constraints.forEach((c, i) => {
    if (c.coefficients.length !== dimension) {
      throw new RangeError(`linear system: row ${i} has ${c.coefficients.length} coefficients, expected ${dimension}`);
    }
    if (c.kind !== '>=' && c.kind !== '>' && c.kind !== '=') {
      throw new RangeError(`linear system: row ${i} has unknown kind ${String(c.kind)}`);
    }
    if (!(c.bound instanceof Rational) || c.coefficients.some((v) => !(v instanceof Rational))) {
      throw new TypeError(`linear system: row ${i} must hold Rational coefficients and bound`);
    }
  });
}

/** a·x for a row. */
export function rowValue(constraint: LinearConstraint, point: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  constraint.coefficients.forEach((a, j) => {
    if (!a.isZero()) s = s.add(a.mul(point[j]!));
  });
  return s;
}

export function satisfiesConstraint(constraint: LinearConstraint, point: readonly Rational[]): boolean {
  const c = rowValue(constraint, point).compare(constraint.bound);
  return constraint.kind === '>=' ? c >= 0 : constraint.kind === '>' ? c > 0 : c === 0;
}

/** Indices of the rows a point violates (exactly). */
export function violatedConstraints(system: LinearSystem, point: readonly Rational[]): number[] {
  if (point.length !== system.dimension) {
    throw new RangeError(`point has ${point.length} coordinates, system has dimension ${system.dimension}`);
  }
  const out: number[] = [];
  system.constraints.forEach((c, i) => {
    if (!satisfiesConstraint(c, point)) out.push(i);
  });
  return out;
}

/** Exact membership of a point in the set the system describes. */
export function satisfiesSystem(system: LinearSystem, point: readonly Rational[]): boolean {
  return violatedConstraints(system, point).length === 0;
}

/** True when every bound is zero: the solution set is a cone, closed under positive scaling. */
export function isHomogeneous(system: LinearSystem): boolean {
  return system.constraints.every((c) => c.bound.isZero());
}

/** Human-readable row, e.g. "1·x0 - 2·x1 > 0". */
export function formatConstraint(constraint: LinearConstraint): string {
  const terms = constraint.coefficients
    .map((a, j) => (a.isZero() ? '' : `${a.sign() < 0 ? '- ' : '+ '}${a.abs().toString()}·x${j}`))
    .filter((t) => t !== '');
  const lhs = terms.length === 0 ? '0' : terms.join(' ').replace(/^\+ /, '');
  return `${lhs} ${constraint.kind} ${constraint.bound.toString()}`;
}
