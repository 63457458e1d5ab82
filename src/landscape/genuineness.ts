import { Rational } from '../numbers/rational.ts';
import type { InfeasibilityCertificate } from '../geometry/certificate.ts';
import type { LinearConstraint, LinearSystem } from '../geometry/constraint.ts';
import { checkFeasibility } from '../geometry/feasibility.ts';
import type { Sign } from '../geometry/pattern.ts';
import type { Region } from '../geometry/region.ts';
import { NetworkError } from '../network/errors.ts';
import { blockSize, reparametrise, unitBlock, type OneHiddenLayerPoint, type ReparametrisationLayout } from './one-hidden-layer.ts';
import { minimiserAt } from './subglobal-minimum.ts';

/** The sign of a unit's output weight z_j (v_j); 0 means z_j = 0, allowed only with R_j = 0. */
export type OutputSign = 1 | -1 | 0;

/** An affine set of reparametrised points R = minimiser + Σ_k c_k nullBasis[k] (e.g. a `SubglobalMinimum`). */
export interface AffineReparametrisedSet {
  readonly layout: ReparametrisationLayout;
  readonly lifted: readonly (readonly Rational[])[];
  readonly minimiser: readonly Rational[];
  readonly nullBasis: readonly (readonly Rational[])[];
}

export interface GenuinenessOptions {
  /**
   * How a −1 in the region is read: 'strict' (x̃_i·w̃_j < 0: the open region, where the loss is
   * differentiable; default) or 'closed' (≤ 0: Liu eq. (10)–(13), I_ij = 0 includes the kink).
   */
  readonly inactive?: 'strict' | 'closed';
  /** Signs tried for z_j, in this order (default +1, −1, 0): one list for all units, or per unit. */
  readonly outputSigns?: readonly OutputSign[] | ((unit: number) => readonly OutputSign[]);
  /** Further rows over the coefficients c for given output signs (e.g. Liu's (18), (19)); rows have c's dimension. */
  readonly extraRows?: (signs: readonly OutputSign[]) => readonly LinearConstraint[];
  /** At most this many sign combinations are tried (default 3^8). */
  readonly maxCombinations?: number;
}

/** One output-sign choice that is infeasible on its own: its rows and the Farkas certificate. */
export interface InfeasibleChoice {
  readonly unit: number;
  readonly sign: OutputSign;
  readonly system: LinearSystem;
  readonly certificate: InfeasibilityCertificate;
}

/** One combination of (individually feasible) choices that is infeasible together. */
export interface InfeasibleCombination {
  readonly signs: readonly OutputSign[];
  readonly system: LinearSystem;
  readonly certificate: InfeasibilityCertificate;
}

export type Genuineness =
  | {
      readonly genuine: true;
      /** The output signs that worked. */
      readonly signs: readonly OutputSign[];
      /** The free coefficients c of the null space. */
      readonly coefficients: readonly Rational[];
      /** R(c): a minimiser whose units all lie in the region. */
      readonly minimiser: readonly Rational[];
      /** z_j = sign, w̃_j = sign·R_j (or, for sign 0, z_j = 0 and w̃_j a point of unit j's cell). */
      readonly point: OneHiddenLayerPoint;
      readonly system: LinearSystem;
    }
  | {
      readonly genuine: false;
      readonly infeasibleChoices: readonly InfeasibleChoice[];
      readonly infeasibleCombinations: readonly InfeasibleCombination[];
    };

/**
 * Liu eq. (10)–(13), decomposition's "does the subglobal minimum exist in the real loss surface":
 * is there a minimiser R(c) and output signs σ_j such that every w̃_j = σ_j R_j satisfies the
 * region's signs (σ_j = 0: R_j = 0 and w̃_j any point of the cell)? Decided by exact LPs over c.
 */
export function genuineness(set: AffineReparametrisedSet, region: Region, options: GenuinenessOptions = {}): Genuineness {
  checkRegion(set, region);
  const K = set.layout.units;
  const choicesOf = (j: number): readonly OutputSign[] => {
    const given = options.outputSigns ?? [1, -1, 0];
    return typeof given === 'function' ? given(j) : given;
  };
  const infeasibleChoices: InfeasibleChoice[] = [];
  // A choice that fails on its own fails in every combination: prune before combining.
  const feasible = Array.from({ length: K }, (_, j) =>
    choicesOf(j).filter((sign) => {
      const alone = unitOnlySystem(set, region, j, sign, options);
      const result = checkFeasibility(alone, { simplify: false });
      if (!result.feasible) infeasibleChoices.push({ unit: j, sign, system: alone, certificate: result.certificate });
      return result.feasible;
    }),
  );
  const infeasibleCombinations: InfeasibleCombination[] = [];
  if (feasible.some((c) => c.length === 0)) return { genuine: false, infeasibleChoices, infeasibleCombinations };
  const total = feasible.reduce((n, c) => n * c.length, 1);
  const limit = options.maxCombinations ?? 3 ** 8;
  if (total > limit) throw new NetworkError(`genuineness: ${total} output-sign combinations exceed the limit ${limit}`);
  for (const signs of product(feasible)) {
    const system = genuinenessSystem(set, region, signs, options);
    const result = checkFeasibility(system);
    if (!result.feasible) {
      infeasibleCombinations.push({ signs, system, certificate: result.certificate });
      continue;
    }
    const m = set.nullBasis.length;
    const coefficients = result.point.slice(0, m);
    const R = minimiserAt(set, coefficients);
    const point = pointOf(set, signs, R, result.point.slice(m));
    checkRealisation(set, region, point, R, options);
    return { genuine: true, signs, coefficients, minimiser: R, point, system };
  }
  return { genuine: false, infeasibleChoices, infeasibleCombinations };
}

function checkRegion(set: AffineReparametrisedSet, region: Region): void {
  if (region.length !== set.layout.units) throw new NetworkError(`region has ${region.length} units, the set has ${set.layout.units}`);
  region.forEach((signs, j) => {
    if (signs.length !== set.lifted.length) throw new NetworkError(`region unit ${j} has ${signs.length} signs for ${set.lifted.length} samples`);
  });
}

/** Variables: c (null-space coefficients), then d̃ coordinates of w̃_j for every unit with sign 0. */
export function genuinenessSystem(
  set: AffineReparametrisedSet,
  region: Region,
  signs: readonly OutputSign[],
  options: GenuinenessOptions = {},
): LinearSystem {
  checkRegion(set, region);
  const m = set.nullBasis.length;
  const s = blockSize(set.layout);
  const zeroUnits = signs.flatMap((sign, j) => (sign === 0 ? [j] : []));
  const dimension = m + s * zeroUnits.length;
  const pad = (cs: readonly Rational[], offset: number, width: number): Rational[] => {
    const row = new Array<Rational>(dimension).fill(Rational.ZERO);
    cs.forEach((v, k) => (row[offset + k] = v));
    if (cs.length !== width) throw new Error('internal: row width');
    return row;
  };
  const rows: LinearConstraint[] = [];
  signs.forEach((sign, j) => {
    for (const r of unitRows(set, region, j, sign, options)) {
      const offset = r.onWeights ? m + s * zeroUnits.indexOf(j) : 0;
      rows.push({ coefficients: pad(r.coefficients, offset, r.onWeights ? s : m), kind: r.kind, bound: r.bound });
    }
  });
  for (const extra of options.extraRows?.(signs) ?? []) {
    if (extra.coefficients.length !== m) throw new RangeError(`extra row has ${extra.coefficients.length} coefficients, expected ${m}`);
    rows.push({ ...extra, coefficients: pad(extra.coefficients, 0, m) });
  }
  return { dimension, constraints: rows };
}

/** The rows of one unit's choice alone, over c (or over w̃_j for sign 0). */
function unitOnlySystem(set: AffineReparametrisedSet, region: Region, unit: number, sign: OutputSign, options: GenuinenessOptions): LinearSystem {
  const rows = unitRows(set, region, unit, sign, options);
  const onC = rows.filter((r) => !r.onWeights);
  const onW = rows.filter((r) => r.onWeights);
  // The two groups share no variable: feasible iff both are; check them as one block-diagonal system.
  const m = set.nullBasis.length;
  const s = blockSize(set.layout);
  const width = m + (onW.length > 0 ? s : 0);
  const constraints = [
    ...onC.map((r) => ({ coefficients: [...r.coefficients, ...zeros(width - m)], kind: r.kind, bound: r.bound })),
    ...onW.map((r) => ({ coefficients: [...zeros(m), ...r.coefficients], kind: r.kind, bound: r.bound })),
  ];
  return { dimension: width, constraints };
}

interface UnitRow extends LinearConstraint {
  /** Over w̃_j (sign 0) instead of over c. */
  readonly onWeights: boolean;
}

function unitRows(set: AffineReparametrisedSet, region: Region, j: number, sign: OutputSign, options: GenuinenessOptions): UnitRow[] {
  const layout = set.layout;
  const particular = unitBlock(layout, set.minimiser, j);
  const basis = set.nullBasis.map((n) => unitBlock(layout, n, j));
  const inactive = options.inactive ?? 'strict';
  if (sign === 0) {
    // R_j(c) = 0 coordinate by coordinate, and w̃_j anywhere in the unit's cell.
    const equalities: UnitRow[] = particular.map((p, k) => ({ coefficients: basis.map((b) => b[k]!), kind: '=', bound: p.neg(), onWeights: false }));
    const cell: UnitRow[] = set.lifted.map((x, i) => ({ ...signRow(x, region[j]![i]!, inactive), onWeights: true }));
    return [...equalities, ...cell];
  }
  const sigma = Rational.fromInt(sign);
  return set.lifted.map((x, i) => {
    // σ x̃_i·R_j(c) = σ x̃_i·P_j + Σ_k c_k σ x̃_i·N_kj.
    const constant = sigma.mul(dotOf(x, particular));
    const coefficients = basis.map((b) => sigma.mul(dotOf(x, b)));
    return { ...shiftedSignRow(coefficients, constant, region[j]![i]!, inactive), onWeights: false };
  });
}

/** sign(a·v + constant) as the region asks: > 0, < 0 (or ≤ 0 when closed), = 0. */
function shiftedSignRow(a: readonly Rational[], constant: Rational, s: Sign, inactive: 'strict' | 'closed'): LinearConstraint {
  if (s === 1) return { coefficients: a, kind: '>', bound: constant.neg() };
  if (s === -1) return { coefficients: a.map((v) => v.neg()), kind: inactive === 'strict' ? '>' : '>=', bound: constant };
  return { coefficients: a, kind: '=', bound: constant.neg() };
}

function signRow(x: readonly Rational[], s: Sign, inactive: 'strict' | 'closed'): LinearConstraint {
  return shiftedSignRow(x, Rational.ZERO, s, inactive);
}

function pointOf(set: AffineReparametrisedSet, signs: readonly OutputSign[], R: readonly Rational[], zeroWeights: readonly Rational[]): OneHiddenLayerPoint {
  const layout = set.layout;
  const s = blockSize(layout);
  let next = 0;
  const lifted = signs.map((sign, j) => {
    if (sign !== 0) return unitBlock(layout, R, j).map((v) => v.mul(Rational.fromInt(sign)));
    const w = zeroWeights.slice(next * s, (next + 1) * s);
    next++;
    return w;
  });
  return {
    weights: lifted.map((w) => w.slice(0, layout.inputDim)),
    biases: layout.bias ? lifted.map((w) => w[s - 1]!) : null,
    outputWeights: signs.map((sign) => Rational.fromInt(sign)),
    outputBias: layout.outputBias ? R[R.length - 1]! : null,
  };
}

/** Exact re-check of a witness: its reparametrisation is R and its signs are the region's. */
function checkRealisation(set: AffineReparametrisedSet, region: Region, point: OneHiddenLayerPoint, R: readonly Rational[], options: GenuinenessOptions): void {
  const again = reparametrise(point);
  if (again.length !== R.length || again.some((v, k) => !v.equals(R[k]!))) throw new Error('internal: genuineness witness does not realise R');
  const weights = point.weights.map((w, j) => (point.biases ? [...w, point.biases[j]!] : [...w]));
  region.forEach((signs, j) =>
    signs.forEach((s, i) => {
      const actual = dotOf(set.lifted[i]!, weights[j]!).sign();
      const ok = s === -1 && options.inactive === 'closed' ? actual <= 0 : actual === s;
      if (!ok) throw new Error(`internal: genuineness witness has sign ${actual} for unit ${j} on sample ${i}, region asks ${s}`);
    }),
  );
}

function* product<T>(choices: readonly (readonly T[])[]): Generator<T[]> {
  if (choices.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = choices;
  for (const c of first!) for (const tail of product(rest)) yield [c, ...tail];
}

function dotOf(a: readonly Rational[], b: readonly Rational[]): Rational {
  return a.reduce((s, v, k) => (v.isZero() ? s : s.add(v.mul(b[k]!))), Rational.ZERO);
}

function zeros(n: number): Rational[] {
  return new Array<Rational>(n).fill(Rational.ZERO);
}
