import type { Rational } from '../numbers/rational.ts';
import type { InertiaCounts } from '../linalg/inertia.ts';
import type { UnitLocation } from '../network/pattern.ts';
import { weakestLandscapeBasis, type LandscapeBasis } from './basis.ts';
import type { EqualLossCurve } from './equal-loss.ts';
import type { RayExpansion } from './ray.ts';

/** The evidence behind one decision; every kind can be re-checked exactly by the reader. */
export type ExtremumCertificate =
  /** A non-zero exact gradient: −g descends, g ascends. */
  | { readonly kind: 'gradient'; readonly gradient: readonly Rational[] }
  /** Hessian inertia at a critical point (positive / negative definite). */
  | { readonly kind: 'hessian'; readonly inertia: InertiaCounts }
  /** A ray whose exact one-sided loss polynomial decides (descent, ascent, or constant). */
  | { readonly kind: 'ray'; readonly expansion: RayExpansion }
  /** The convex reparametrisation: R(θ) minimises every adjacent region's convex loss over its reachable cone. */
  | { readonly kind: 'reparametrisation'; readonly casesChecked: number }
  /** Every adjacent region's loss is a constant polynomial in the parameters. */
  | { readonly kind: 'locally-constant'; readonly regionsChecked: number }
  /** L(θ) = 0 for a loss that is never negative (squared error, cubic hinge; no negative penalty): a global minimum. */
  | { readonly kind: 'zero-loss' }
  /** Distinct points converging to θ with exactly θ's loss. */
  | { readonly kind: 'equal-loss-curve'; readonly curve: EqualLossCurve };

/** One yes/no question about θ: holds (null = undecided), what it rests on, why. */
export interface Decision {
  readonly holds: boolean | null;
  readonly basis: LandscapeBasis;
  readonly reason: string;
  readonly certificate?: ExtremumCertificate;
}

/** Local minimum / maximum in both senses: non-strict (L(θ') ≥ L(θ) near θ) and strict (> for θ' ≠ θ). */
export interface ExtremumDecisions {
  readonly strict: Decision;
  readonly nonStrict: Decision;
}

/**
 * `saddle`: a critical point that is neither a local minimum nor a local maximum (at a
 * non-differentiable point: descent and ascent rays both exist). `locally-constant`: both a
 * non-strict local minimum and a non-strict local maximum.
 */
export type PointKind =
  | 'not-critical'
  | 'strict-local-min'
  | 'local-min'
  | 'strict-local-max'
  | 'local-max'
  | 'locally-constant'
  | 'saddle'
  | 'not-local-min'
  | 'not-local-max'
  | 'inconclusive';

export interface PointClassification {
  readonly kind: PointKind;
  /** The weakest basis among the decisions the kind rests on. */
  readonly basis: LandscapeBasis;
  readonly value: Rational;
  /** No pre-activation on a breakpoint (pre-activations identically zero, x_i = 0 without bias, excepted). */
  readonly differentiable: boolean;
  readonly breakpoints: readonly UnitLocation[];
  /** The exact gradient at a differentiable point, else null. */
  readonly gradient: readonly Rational[] | null;
  /** Gradient zero (exact) at a differentiable point; null at a non-differentiable one. */
  readonly critical: boolean | null;
  /** Hessian inertia at a differentiable critical point. */
  readonly inertia: InertiaCounts | null;
  readonly localMin: ExtremumDecisions;
  readonly localMax: ExtremumDecisions;
  /** Exact ray expansions computed while searching. */
  readonly directionsTried: number;
}

export function decision(holds: boolean | null, basis: LandscapeBasis, reason: string, certificate?: ExtremumCertificate): Decision {
  return certificate ? { holds, basis, reason, certificate } : { holds, basis, reason };
}

/** The kind a pair of decisions amounts to, and the weakest basis it rests on. */
export function kindOf(min: ExtremumDecisions, max: ExtremumDecisions): { kind: PointKind; basis: LandscapeBasis } {
  const on = (...ds: Decision[]): LandscapeBasis => weakestLandscapeBasis(...ds.map((d) => d.basis));
  const [minNS, maxNS] = [min.nonStrict.holds, max.nonStrict.holds];
  if (minNS === true && maxNS === true) return { kind: 'locally-constant', basis: on(min.nonStrict, max.nonStrict) };
  if (min.strict.holds === true) return { kind: 'strict-local-min', basis: on(min.strict) };
  if (max.strict.holds === true) return { kind: 'strict-local-max', basis: on(max.strict) };
  if (minNS === true) return { kind: 'local-min', basis: on(min.nonStrict) };
  if (maxNS === true) return { kind: 'local-max', basis: on(max.nonStrict) };
  if (minNS === false && maxNS === false) return { kind: 'saddle', basis: on(min.nonStrict, max.nonStrict) };
  if (minNS === false) return { kind: 'not-local-min', basis: on(min.nonStrict) };
  if (maxNS === false) return { kind: 'not-local-max', basis: on(max.nonStrict) };
  return { kind: 'inconclusive', basis: 'evidence' };
}
