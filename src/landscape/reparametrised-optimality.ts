import { Rational } from '../numbers/rational.ts';
import { RationalField } from '../numbers/rational-field.ts';
import type { LinearConstraint, LinearSystem } from '../geometry/constraint.ts';
import { maximize, minimize, type OptimizationResult } from '../geometry/optimize.ts';
import type { Region } from '../geometry/region.ts';
import type { Dataset } from '../network/dataset.ts';
import { normalisationFactor, type Loss } from '../network/loss.ts';
import type { Network } from '../network/network.ts';
import { adjacentCellsByUnit, adjacentRegionCount, adjacentRegions } from './adjacent-regions.ts';
import { designMatrix, regionActivations } from './design-matrix.ts';
import {
  blockSize,
  homogeneousSlopes,
  layoutOf,
  liftedInputs,
  liftedWeights,
  oneHiddenLayerPoint,
  reparametrisationReason,
  reparametrise,
  reparametrisedDimension,
} from './one-hidden-layer.ts';
import { scalarTargets } from './subglobal-minimum.ts';

/** One adjacent region (and output signs) where the optimality condition fails. */
export interface ReparametrisedFailure {
  readonly region: Region;
  readonly outputSigns: readonly (1 | -1)[];
  /**
   * A direction d in R-space inside the cone along which Q moves the wrong way: ∇Q·d < 0 for the
   * minimum; ∇Q·d > 0, or ∇Q·d = 0 with A'd ≠ 0 (Q grows at second order), for the maximum.
   */
  readonly direction: readonly Rational[];
}

export type ReparametrisedOptimality =
  | { readonly applicable: false; readonly reason: string }
  | {
      readonly applicable: true;
      /** R(θ) minimises (maximises) Q_{A'} near R(θ) over the reachable cone in every adjacent region A'. */
      readonly holds: boolean;
      /** (region, output-sign) cases checked. */
      readonly casesChecked: number;
      readonly failures: readonly ReparametrisedFailure[];
    };

export interface ReparametrisedOptimalityOptions {
  /** 'min' (default): is θ a local minimum; 'max': a (non-strict) local maximum. */
  readonly sense?: 'min' | 'max';
  /** Give up (not applicable) beyond this many (region, sign) cases; default 4096. */
  readonly maxCases?: number;
  readonly penalised?: boolean;
  /** Stop after this many failures (default 8). */
  readonly maxFailures?: number;
}

/**
 * A certificate of local minimality for one-hidden-layer networks at any point, differentiable or
 * not. Near θ every point θ' lies in the closure of an adjacent region A', where the loss is
 * Q_{A'}(R(θ')) with Q_{A'} convex (decomposition Lemma 2.3, Liu Lemma A1) and R(θ') in the cone
 * K = {R : R_j ∈ s_j·closure(cell_j)} (s_j = sign z_j; both signs when z_j = 0). If R(θ) minimises
 * Q_{A'} over K for every A' — checked by an exact LP over K's tangent cone — then
 * L(θ') ≥ L(θ) near θ. At a differentiable point this is the subglobal-minimum condition
 * (normal equations); at a kink it contains Liu's Lemma 2 / Theorem 3 conditions.
 *
 * For 'max': Q(R + d) = Q(R) + ∇Q·d + c_N‖A'd‖² ≤ Q(R) for small d in the tangent cone T iff
 * ∇Q·d ≤ 0 on T and A'd = 0 on the face T ∩ {∇Q·d = 0} (a Hoffman bound handles the rest);
 * checked by LPs, row by row of A'. With z_j = 0 the cone is a superset of what θ' can reach, so
 * both tests are sufficient, not necessary.
 */
export function reparametrisedOptimality(
  net: Network<Rational>,
  data: Dataset<Rational>,
  loss: Loss,
  options: ReparametrisedOptimalityOptions = {},
): ReparametrisedOptimality {
  const reason = reparametrisationReason(net, loss, options.penalised);
  if (reason) return { applicable: false, reason };
  const point = oneHiddenLayerPoint(net);
  const slopes = homogeneousSlopes(net.layers[0]!.activation)!;
  const kinked = !slopes.sMinus.equals(slopes.sPlus);
  const layout = layoutOf(point);
  const lifted = liftedInputs(data.inputs, layout.bias);
  const weights = liftedWeights(point);
  const R = reparametrise(point);
  const y = scalarTargets(data);
  const scale = normalisationFactor(RationalField, loss.normalisation, y.length).mul(Rational.fromInt(2));
  const cellsByUnit = kinked ? adjacentCellsByUnit(data.inputs, point) : weights.map((w) => [lifted.map((x) => dotOf(x, w).sign())]);
  const signChoices = point.outputWeights.map((z): (1 | -1)[] => (z.isZero() ? [1, -1] : [z.sign() as 1 | -1]));
  const cases = adjacentRegionCount(cellsByUnit) * signChoices.reduce((n, c) => n * c.length, 1);
  const limit = options.maxCases ?? 4096;
  if (cases > limit) return { applicable: false, reason: `${cases} adjacent (region, output-sign) cases exceed the limit ${limit}` };
  const failures: ReparametrisedFailure[] = [];
  let casesChecked = 0;
  for (const region of adjacentRegions(cellsByUnit)) {
    const A = designMatrix(data.inputs, regionActivations(region, slopes), layout);
    const residual = A.mulVec(R).map((f, i) => f.sub(y[i]!));
    const gradient = A.transpose().mulVec(residual).map((g) => g.mul(scale));
    for (const outputSigns of signProduct(signChoices)) {
      casesChecked++;
      const rows = kinked ? coneRows(layout, lifted, weights, point.outputWeights, region, outputSigns) : [];
      const cone = { dimension: reparametrisedDimension(layout), constraints: rows };
      const direction = options.sense === 'max' ? maximumFailure(gradient, A.toArrays(), cone) : minimumFailure(gradient, cone);
      if (direction === null) continue;
      failures.push({ region, outputSigns, direction });
      if (failures.length >= (options.maxFailures ?? 8)) return { applicable: true, holds: false, casesChecked, failures };
    }
  }
  return { applicable: true, holds: failures.length === 0, casesChecked, failures };
}

/** A cone direction with ∇Q·d < 0, or null when ∇Q·d ≥ 0 on the whole cone. */
function minimumFailure(gradient: readonly Rational[], cone: LinearSystem): Rational[] | null {
  if (gradient.every((g) => g.isZero())) return null;
  return unboundedDirection(minimize(gradient, cone));
}

/** A cone direction that raises Q (first or second order), or null when Q cannot rise near R(θ). */
function maximumFailure(gradient: readonly Rational[], design: readonly (readonly Rational[])[], cone: LinearSystem): Rational[] | null {
  if (gradient.some((g) => !g.isZero())) {
    const up = unboundedDirection(maximize(gradient, cone));
    if (up) return up;
  }
  const face: LinearSystem = { dimension: cone.dimension, constraints: [...cone.constraints, { coefficients: gradient, kind: '=', bound: Rational.ZERO }] };
  for (const row of design) {
    if (row.every((v) => v.isZero())) continue;
    const wrong = unboundedDirection(maximize(row, face)) ?? unboundedDirection(minimize(row, face));
    if (wrong) return wrong;
  }
  return null;
}

/** On a cone the LP value is 0 (optimal) or unbounded with an improving ray. */
function unboundedDirection(result: OptimizationResult): Rational[] | null {
  if (result.status === 'optimal') return null;
  if (result.status !== 'unbounded') throw new Error(`internal: tangent-cone LP is ${result.status}`);
  return result.direction;
}

/**
 * The tangent cone of K at R(θ): for a unit with z_j ≠ 0 only its kinks bind (s_j σ_i x̃_i·d_j ≥ 0
 * for x̃_i·w̃_j = 0); for z_j = 0 (R_j = 0) every sample of the cell binds.
 */
function coneRows(
  layout: ReturnType<typeof layoutOf>,
  lifted: readonly (readonly Rational[])[],
  weights: readonly (readonly Rational[])[],
  outputWeights: readonly Rational[],
  region: Region,
  outputSigns: readonly (1 | -1)[],
): LinearConstraint[] {
  const s = blockSize(layout);
  const dimension = reparametrisedDimension(layout);
  const rows: LinearConstraint[] = [];
  region.forEach((signs, j) => {
    lifted.forEach((x, i) => {
      if (x.every((v) => v.isZero()) || signs[i] === 0) return;
      if (!outputWeights[j]!.isZero() && !dotOf(x, weights[j]!).isZero()) return;
      const factor = Rational.fromInt(outputSigns[j]! * signs[i]!);
      const coefficients = new Array<Rational>(dimension).fill(Rational.ZERO);
      x.forEach((v, k) => (coefficients[j * s + k] = v.mul(factor)));
      rows.push({ coefficients, kind: '>=', bound: Rational.ZERO });
    });
  });
  return rows;
}

function* signProduct(choices: readonly (readonly (1 | -1)[])[]): Generator<(1 | -1)[]> {
  if (choices.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = choices;
  for (const c of first!) for (const tail of signProduct(rest)) yield [c, ...tail];
}

function dotOf(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, k) => (v.isZero() ? s : s.add(v.mul(b[k]!))), Rational.ZERO);
}
