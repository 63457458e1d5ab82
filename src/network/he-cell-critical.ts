import { checkFeasibility } from '../geometry/feasibility.ts';
import { equalTo, greaterThan, linearSystem, type LinearConstraint } from '../geometry/constraint.ts';
import { Rational } from '../numbers/rational.ts';
import type { Activation } from './activation.ts';
import type { Dataset } from './dataset.ts';
import { lossGradient } from './derivatives.ts';
import { NetworkError } from './errors.ts';
import { forwardDataset } from './forward.ts';
import {
  cellFeatures,
  cellLeastSquares,
  cellNetwork,
  cellParts,
  cellSlopes,
  collapsedGradientBlocks,
  collapsedWeights,
  cellTargets,
} from './he-cell.ts';
import { evaluatePolynomial, lossAlongLine } from './line.ts';
import { empiricalRisk, type Loss } from './loss.ts';
import type { Network } from './network.ts';
import { patternsEqual } from './pattern.ts';

type Rows = readonly (readonly Rational[])[];
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** σ_{ji} = sign((W_1)_j x_i) of a point inside a cell: the cell's cone of unit j is {w : σ_{ji} w·x_i > 0}. */
export function cellSigns(net: Network<Rational>, data: Dataset<Rational>): (1 | -1)[][] {
  const { W1 } = cellParts(net);
  return W1.map((w, j) =>
    data.inputs.map((x, i) => {
      const s = dot(w, x).sign();
      if (s === 0) throw new NetworkError(`not inside a cell: unit ${j + 1} has a zero pre-activation at sample ${i}`);
      return s;
    }),
  );
}

/** Strict rows s·σ_{ji}·(x_i·w_j) > 0 for block `block` of a vector with `blocks` blocks of size dX. */
export function cellConeRows(signs: readonly (1 | -1)[], inputs: Rows, block: number, blocks: number, s: 1 | -1, strict = true): LinearConstraint[] {
  const dX = inputs[0]!.length;
  return inputs.map((x, i) => {
    const a = Array.from({ length: blocks * dX }, () => Rational.ZERO);
    x.forEach((v, k) => (a[block * dX + k] = v.mul(Rational.of(s * signs[i]!))));
    return strict ? greaterThan(a, 0) : { coefficients: a, kind: '>=' as const, bound: Rational.ZERO };
  });
}

/** Which units keep W_2 ≠ 0 and with which sign, and the sizes |W_2|. */
export interface CriticalChoice {
  readonly alive: readonly boolean[];
  readonly signs: readonly (1 | -1)[];
  /** |(W_2)_j| for the live units (default 1). */
  readonly scales?: readonly Rational[];
}

/**
 * A critical point of R in the cell of W_1 (§4, squared loss): the live units carry a minimiser W̄_S of
 * the risk restricted to them, each block strictly inside ±(its cone) (exact LP on the normal
 * equations); the other units get W_2 = 0 and a W_1 row in their cone orthogonal to g_j (exact LP).
 * Null when no such point exists for this choice.
 */
export function cellCriticalPoint(data: Dataset<Rational>, act: Activation<Rational>, W1: Rows, choice: CriticalChoice, loss: Loss): Network<Rational> | null {
  const start = cellNetwork(W1, W1.map(() => Rational.ONE), act);
  const sigma = cellSigns(start, data);
  const features = cellFeatures(cellSlopes(start, data), data.inputs);
  const y = cellTargets(data);
  const d1 = W1.length;
  const dX = data.inputs[0]!.length;
  const live = choice.alive.flatMap((a, j) => (a ? [j] : []));
  const restricted = features.map((f) => live.flatMap((j) => f.slice(j * dX, (j + 1) * dX)));
  const found = live.length === 0 ? { feasible: true as const, point: [] } : liveMinimiser(restricted, y, loss, live, sigma, data.inputs, choice.signs);
  if (!found.feasible) return null;
  const wbar = Array.from({ length: d1 * dX }, () => Rational.ZERO);
  live.forEach((j, p) => found.point.slice(p * dX, (p + 1) * dX).forEach((v, k) => (wbar[j * dX + k] = v)));
  const w2 = W1.map((_, j) => (choice.alive[j] ? (choice.scales?.[j] ?? Rational.ONE).mul(Rational.of(choice.signs[j]!)) : Rational.ZERO));
  const blocks = collapsedGradientBlocks(features, y, wbar, loss, d1);
  const rowsOut: Rational[][] = [];
  for (let j = 0; j < d1; j++) {
    if (choice.alive[j]) {
      rowsOut.push(wbar.slice(j * dX, (j + 1) * dX).map((v) => v.div(w2[j]!)));
      continue;
    }
    const g = blocks[j]!;
    if (g.every((v) => v.isZero())) {
      rowsOut.push([...W1[j]!]);
      continue;
    }
    const dead = checkFeasibility(linearSystem(dX, [...cellConeRows(sigma[j]!, data.inputs, 0, 1, 1), equalTo(g, 0)]));
    if (!dead.feasible) return null;
    rowsOut.push(dead.point);
  }
  return cellNetwork(rowsOut, w2, act);
}

/** A minimiser of the risk restricted to the live units with block j strictly inside signs_j·C_j (exact LP). */
function liveMinimiser(
  restricted: Rows,
  y: readonly Rational[],
  loss: Loss,
  live: readonly number[],
  sigma: readonly (readonly (1 | -1)[])[],
  inputs: Rows,
  signs: readonly (1 | -1)[],
): { feasible: true; point: Rational[] } | { feasible: false } {
  const ls = cellLeastSquares(restricted, y, loss);
  const rows = [
    ...ls.normal.matrix.map((r, k) => equalTo(r, ls.normal.rhs[k]!)),
    ...live.flatMap((j, p) => cellConeRows(sigma[j]!, inputs, p, live.length, signs[j]!)),
  ];
  const found = checkFeasibility(linearSystem(live.length * inputs[0]!.length, rows));
  return found.feasible ? found : { feasible: false };
}

/** What a point of a cell is, decided exactly (§4, squared loss). */
export type CellPointClass =
  | { readonly kind: 'not-critical'; readonly gradient: Rational[] }
  | { readonly kind: 'cell-minimum'; readonly risk: Rational; readonly cellMinimum: Rational }
  | {
      readonly kind: 'saddle';
      /** The unit with W_2 = 0 and g_j ≠ 0 along which the risk drops. */
      readonly unit: number;
      readonly direction: Rational[];
      /** Coefficients of t ↦ R(θ + tX) near t = 0: first 0, second < 0. */
      readonly firstOrder: Rational;
      readonly secondOrder: Rational;
      /** A step inside the cell with lower risk. */
      readonly step: Rational;
      readonly riskAfter: Rational;
    }
  | { readonly kind: 'undecided'; readonly reason: string };

/**
 * Classifies a point inside a cell: not critical (non-zero exact gradient); a global minimum of the
 * cell (the collapsed gradient vanishes, so W̄ solves the normal equations and R equals the cell's
 * least-squares minimum); or a saddle, certified by a direction with zero slope and negative
 * curvature (the proof of Theorem 2, case 2: W_2j = 0, δW_1j = −κ g_j, δW_2j = 1).
 */
export function classifyCellPoint(net: Network<Rational>, data: Dataset<Rational>, loss: Loss): CellPointClass {
  const gradient = lossGradient(net, data, loss);
  if (gradient.some((g) => !g.isZero())) return { kind: 'not-critical', gradient };
  const y = cellTargets(data);
  const features = cellFeatures(cellSlopes(net, data), data.inputs);
  const wbar = collapsedWeights(net);
  const { W1, w2 } = cellParts(net);
  const blocks = collapsedGradientBlocks(features, y, wbar, loss, W1.length);
  const unit = blocks.findIndex((g) => g.some((v) => !v.isZero()));
  const risk = empiricalRisk(net, data, loss);
  if (unit < 0) {
    const cellMinimum = cellLeastSquares(features, y, loss).risk;
    if (risk.equals(cellMinimum)) return { kind: 'cell-minimum', risk, cellMinimum };
    return { kind: 'undecided', reason: `collapsed gradient zero but R = ${risk.toString()} ≠ cell minimum ${cellMinimum.toString()}` };
  }
  if (!w2[unit]!.isZero()) return { kind: 'undecided', reason: `unit ${unit + 1}: g_j ≠ 0 with W_2j ≠ 0 at a critical point` };
  return saddleAlong(net, data, loss, unit, blocks[unit]!, risk);
}

function saddleAlong(net: Network<Rational>, data: Dataset<Rational>, loss: Loss, unit: number, g: readonly Rational[], risk: Rational): CellPointClass {
  const { W1 } = cellParts(net);
  const dX = g.length;
  const base = forwardDataset(net, data).pattern;
  for (let kappa = Rational.ONE, tries = 0; tries < 40; kappa = kappa.mul(Rational.of(2)), tries++) {
    const direction = Array.from({ length: W1.length * dX + W1.length }, () => Rational.ZERO);
    g.forEach((v, k) => (direction[unit * dX + k] = v.mul(kappa).neg()));
    direction[W1.length * dX + unit] = Rational.ONE;
    const p = lossAlongLine(net, data, loss, direction);
    const first = p[1] ?? Rational.ZERO;
    const second = p[2] ?? Rational.ZERO;
    if (!first.isZero() || second.sign() >= 0) continue;
    for (let k = 0, step = Rational.ONE; k < 80; k++, step = step.div(Rational.of(2))) {
      if (!evaluatePolynomial(net.field, p, step).lt(risk)) continue;
      const moved = shifted(net, direction, step);
      if (!patternsEqual(forwardDataset(moved, data).pattern, base)) continue;
      const riskAfter = empiricalRisk(moved, data, loss);
      if (riskAfter.lt(risk)) return { kind: 'saddle', unit, direction, firstOrder: first, secondOrder: second, step, riskAfter };
    }
  }
  return { kind: 'undecided', reason: `no descent found along unit ${unit + 1}` };
}

/** θ + t·X for a §4 network. */
function shifted(net: Network<Rational>, direction: readonly Rational[], t: Rational): Network<Rational> {
  const { W1, w2 } = cellParts(net);
  const dX = W1[0]!.length;
  const rows = W1.map((row, j) => row.map((w, k) => w.add(t.mul(direction[j * dX + k]!))));
  const out = w2.map((w, j) => w.add(t.mul(direction[W1.length * dX + j]!)));
  return cellNetwork(rows, out, net.layers[0]!.activation);
}
