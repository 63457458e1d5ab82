import { Rational } from '../numbers/rational.ts';
import { checkFeasibility } from '../geometry/feasibility.ts';
import type { Sign } from '../geometry/pattern.ts';
import type { Region } from '../geometry/region.ts';
import type { Dataset } from '../network/dataset.ts';
import { NetworkError } from '../network/errors.ts';
import type { Normalisation } from '../network/loss.ts';
import { regionActivations, type UnitActivations } from './design-matrix.ts';
import { genuineness, type OutputSign } from './genuineness.ts';
import { cellRows } from './liu-saddle.ts';
import { blockSize, unitBlock, type OneHiddenLayerPoint, type ReparametrisationLayout } from './one-hidden-layer.ts';
import { minimiserAt, subglobalMinimum, type SubglobalMinimum } from './subglobal-minimum.ts';

/**
 * Critical points of L_gA(θ) = c_N Σ (Σ_j a_ij v_j w̃_jᵀx̃_i + c − y_i)² (decomposition eq. (2)).
 * With g_j = Σ_i r_i a_ij x̃_i (r the residual), ∇_{w̃_j} L ∝ v_j g_j, ∂L/∂v_j ∝ g_j·w̃_j and
 * ∂L/∂c ∝ Σ r_i. So θ is critical iff, for S = {j : v_j ≠ 0}, (R_S, c) minimises the loss with the
 * other units removed (g_j = 0 on S, Σ r_i = 0) and every w̃_j outside S is orthogonal to g_j.
 * The constructions below produce exactly such points; every critical point is one of them.
 */
export interface FixedCriticalPoint {
  readonly point: OneHiddenLayerPoint;
  /** The units with v_j ≠ 0. */
  readonly stationary: readonly number[];
  /** The problem with the units outside S removed (their activations set to 0). */
  readonly restricted: SubglobalMinimum;
  /** g_j = Σ_i r_i a_ij x̃_i for every unit (zero on S). */
  readonly unitGradients: readonly (readonly Rational[])[];
}

export interface FixedCriticalOptions {
  readonly bias: boolean;
  readonly outputBias: boolean;
  readonly normalisation: Normalisation;
}

/** The construction's free choices. */
export interface FixedCriticalChoices {
  /** S: the units with v_j ≠ 0. */
  readonly stationary: readonly number[];
  /** v_j for every unit (only entries in S are used; they must be non-zero). */
  readonly outputWeights: readonly Rational[];
  /** Coefficients of the restricted minimiser set's null basis (cycled; missing entries 0). */
  readonly nullCoefficients: readonly Rational[];
  /** A vector per unit outside S, projected onto g_j^⊥ to give w̃_j (length d̃). */
  readonly freeVectors: readonly (readonly Rational[])[];
}

/** The activations with every unit outside S switched off. */
function restrictedActivations(activations: UnitActivations, stationary: ReadonlySet<number>): Rational[][] {
  return activations.map((row) => row.map((a, j) => (stationary.has(j) ? a : Rational.ZERO)));
}

function unitGradientsOf(restricted: SubglobalMinimum, activations: UnitActivations): Rational[][] {
  const K = activations[0]!.length;
  const s = restricted.lifted[0]!.length;
  return Array.from({ length: K }, (_, j) =>
    Array.from({ length: s }, (_, k) => restricted.lifted.reduce((acc, x, i) => acc.add(restricted.residual[i]!.mul(activations[i]![j]!).mul(x[k]!)), Rational.ZERO)),
  );
}

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** u − (u·g / g·g) g (u itself when g = 0). */
function orthogonalPart(u: readonly Rational[], g: readonly Rational[]): Rational[] {
  const gg = dot(g, g);
  if (gg.isZero()) return [...u];
  const t = dot(u, g).div(gg);
  return u.map((v, k) => v.sub(t.mul(g[k]!)));
}

function pointFrom(layout: ReparametrisationLayout, lifted: readonly Rational[][], outputWeights: readonly Rational[], c: Rational | null): OneHiddenLayerPoint {
  const d = layout.inputDim;
  return {
    weights: lifted.map((w) => w.slice(0, d)),
    biases: layout.bias ? lifted.map((w) => w[d]!) : null,
    outputWeights,
    outputBias: layout.outputBias ? c : null,
  };
}

/** A critical point of L_gA anywhere in parameter space (no region constraint). */
export function fixedCriticalPoint(
  data: Dataset<Rational>,
  activations: UnitActivations,
  options: FixedCriticalOptions,
  choices: FixedCriticalChoices,
): FixedCriticalPoint {
  const K = activations[0]?.length ?? 0;
  const S = new Set(choices.stationary);
  for (const j of S) {
    if (!Number.isInteger(j) || j < 0 || j >= K) throw new NetworkError(`stationary unit ${j} outside 0..${K - 1}`);
    if (choices.outputWeights[j]?.isZero() !== false) throw new NetworkError(`stationary unit ${j} needs a non-zero v_j`);
  }
  const restricted = subglobalMinimum(data, restrictedActivations(activations, S), options);
  const m = restricted.nullBasis.length;
  const coefficients = Array.from({ length: m }, (_, k) => choices.nullCoefficients[k % Math.max(1, choices.nullCoefficients.length)] ?? Rational.ZERO);
  const R = minimiserAt(restricted, coefficients);
  const gradients = unitGradientsOf(restricted, activations);
  const layout = restricted.layout;
  const s = blockSize(layout);
  const lifted = Array.from({ length: K }, (_, j) => {
    if (S.has(j)) return unitBlock(layout, R, j).map((r) => r.div(choices.outputWeights[j]!));
    const u = choices.freeVectors[j] ?? [];
    if (u.length !== s) throw new NetworkError(`free vector of unit ${j} has ${u.length} entries, expected ${s}`);
    return orthogonalPart(u, gradients[j]!);
  });
  const v = Array.from({ length: K }, (_, j) => (S.has(j) ? choices.outputWeights[j]! : Rational.ZERO));
  return {
    point: pointFrom(layout, lifted, v, options.outputBias ? R[R.length - 1]! : null),
    stationary: [...S].sort((a, b) => a - b),
    restricted,
    unitGradients: gradients,
  };
}

/** A point of the open cell on g^⊥, g = Σ_i r_i 1(cell_i > 0) x̃_i for a unit outside S; null if they miss. */
function hyperplanePoint(restricted: SubglobalMinimum, cell: readonly Sign[], layout: ReparametrisationLayout) {
  const gradient = restricted.lifted[0]!.map((_, k) =>
    restricted.lifted.reduce((acc, x, i) => (cell[i]! > 0 ? acc.add(restricted.residual[i]!.mul(x[k]!)) : acc), Rational.ZERO),
  );
  const rows = [...cellRows(restricted.lifted, cell), { coefficients: gradient, kind: '=' as const, bound: Rational.ZERO }];
  const result = checkFeasibility({ dimension: blockSize(layout), constraints: rows });
  return result.feasible ? { point: result.point, cell, gradient } : null;
}

/**
 * A differentiable critical point inside a region (strict signs): the units of S realise a
 * restricted minimiser inside their cells (v_j = ±1, exact LP), the others get v_j = 0 and w̃_j in
 * their open cell on g_j^⊥ (exact LP). Null with the reason when the LPs are infeasible.
 */
export function regionCriticalPoint(
  data: Dataset<Rational>,
  region: Region,
  stationary: readonly number[],
  options: FixedCriticalOptions,
  /** Cells tried, in order, for a unit outside S whose own cell misses g_j^⊥ (its g_j changes with the cell). */
  alternativeCells: readonly (readonly Sign[])[] = [],
): { critical: (FixedCriticalPoint & { readonly region: Region }) | null; reason: string } {
  const K = region.length;
  const S = new Set(stationary);
  const activations = regionActivations(region);
  const restricted = subglobalMinimum(data, restrictedActivations(activations, S), options);
  const signs = (j: number): readonly OutputSign[] => (S.has(j) ? [1, -1] : [0]);
  const g = genuineness(restricted, region, { outputSigns: signs });
  if (!g.genuine) return { critical: null, reason: 'no restricted minimiser puts the units of S inside their cells' };
  const gradients = unitGradientsOf(restricted, activations);
  const layout = restricted.layout;
  const fromGenuine = g.point;
  const lifted: Rational[][] = [];
  const used: Sign[][] = region.map((signs) => [...signs]);
  const unitGradients: Rational[][] = [];
  for (let j = 0; j < K; j++) {
    const w = [...fromGenuine.weights[j]!, ...(fromGenuine.biases ? [fromGenuine.biases[j]!] : [])];
    if (S.has(j)) {
      lifted.push(w);
      unitGradients.push(gradients[j]!);
      continue;
    }
    const found = [region[j]!, ...alternativeCells].map((cell) => hyperplanePoint(restricted, cell, layout)).find((r) => r !== null);
    if (!found) return { critical: null, reason: `unit ${j}: its open cell misses the hyperplane g_j^⊥` };
    lifted.push(found.point);
    used[j] = [...found.cell];
    unitGradients.push(found.gradient);
  }
  return {
    critical: {
      point: pointFrom(layout, lifted, fromGenuine.outputWeights, fromGenuine.outputBias),
      stationary: [...S].sort((a, b) => a - b),
      restricted,
      unitGradients,
      region: used,
    },
    reason: 'constructed inside the region',
  };
}
