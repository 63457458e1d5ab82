import { checkFeasibility } from '../geometry/feasibility.ts';
import { equalTo, linearSystem, type LinearConstraint } from '../geometry/constraint.ts';
import { Rational } from '../numbers/rational.ts';
import type { Dataset } from './dataset.ts';
import { cellFeatures, cellLeastSquares, cellNetwork, cellParts, cellSlopes, cellTargets } from './he-cell.ts';
import { cellSigns, cellConeRows } from './he-cell-critical.ts';
import type { Loss } from './loss.ts';
import type { Network } from './network.ts';

/** Per unit: W̄_j in the cell's cone C_j (1), in −C_j (−1), or W̄_j = 0 (0). */
export type PieceSign = 1 | -1 | 0;

/**
 * The minimisers of R in a cell, seen through Q: a point (W_1, W_2) of the cell minimises R iff
 * W̄ = Q(W_1, W_2) minimises the collapsed risk (set M*) and W̄_j ∈ C_j ∪ −C_j ∪ {0} for every unit.
 * So Q maps the set of the cell's minima onto K = M* ∩ Π_j(C_j ∪ −C_j ∪ {0}), the union of the convex
 * pieces K_σ = M* ∩ Π_j σ_jC_j. One non-empty piece with a point of it.
 */
export interface MinimiserPiece {
  readonly signs: PieceSign[];
  readonly point: Rational[];
}

/**
 * K's pieces and connected components. Two convex pieces have a connected union iff one meets the
 * closure of the other; cl(K_τ) = M* ∩ cl(Π τ_jC_j) since K_τ is relatively open and non-empty. So the
 * components of K are those of the graph of touching pieces (each edge an exact LP). If the cell's
 * minima are connected by a path, so are their images under the continuous Q: two components of K
 * mean two minima that no path of minima joins.
 */
export interface MinimiserComponents {
  readonly pieces: MinimiserPiece[];
  /** Indices into `pieces`, one list per component. */
  readonly components: number[][];
  /** Touching pairs found (indices into `pieces`). */
  readonly touching: [number, number][];
  readonly cellMinimum: Rational;
}

function allSigns(units: number): PieceSign[][] {
  let out: PieceSign[][] = [[]];
  for (let j = 0; j < units; j++) out = out.flatMap((s) => ([1, -1, 0] as const).map((v) => [...s, v]));
  return out;
}

export function cellMinimiserComponents(net: Network<Rational>, data: Dataset<Rational>, loss: Loss): MinimiserComponents {
  const { W1 } = cellParts(net);
  const d1 = W1.length;
  const dX = data.inputs[0]!.length;
  const sigma = cellSigns(net, data);
  const ls = cellLeastSquares(cellFeatures(cellSlopes(net, data), data.inputs), cellTargets(data), loss);
  const minimisers = ls.normal.matrix.map((r, k) => equalTo(r, ls.normal.rhs[k]!));
  const rowsFor = (signs: readonly PieceSign[], strict: boolean): LinearConstraint[] =>
    signs.flatMap((s, j) =>
      s === 0
        ? Array.from({ length: dX }, (_, k) => equalTo(unitVector(d1 * dX, j * dX + k), 0))
        : cellConeRows(sigma[j]!, data.inputs, j, d1, s, strict),
    );
  const pieces: MinimiserPiece[] = [];
  for (const signs of allSigns(d1)) {
    const found = checkFeasibility(linearSystem(d1 * dX, [...minimisers, ...rowsFor(signs, true)]));
    if (found.feasible) pieces.push({ signs, point: found.point });
  }
  const parent = pieces.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touching: [number, number][] = [];
  for (let a = 0; a < pieces.length; a++) {
    for (let b = a + 1; b < pieces.length; b++) {
      if (find(a) === find(b)) continue;
      const meets = (p: MinimiserPiece, q: MinimiserPiece): boolean =>
        checkFeasibility(linearSystem(d1 * dX, [...minimisers, ...rowsFor(p.signs, true), ...rowsFor(q.signs, false)]), { simplify: false }).feasible;
      if (meets(pieces[a]!, pieces[b]!) || meets(pieces[b]!, pieces[a]!)) {
        touching.push([a, b]);
        parent[find(a)] = find(b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  pieces.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return { pieces, components: [...groups.values()], touching, cellMinimum: ls.risk };
}

function unitVector(n: number, k: number): Rational[] {
  return Array.from({ length: n }, (_, i) => (i === k ? Rational.ONE : Rational.ZERO));
}

/**
 * A minimum of the cell with Q = W̄ for a point W̄ of piece σ: W_2j = σ_j, W_1j = σ_j W̄_j, and for
 * σ_j = 0 the cell representative's row (any point of C_j).
 */
export function liftCollapsed(cell: Network<Rational>, piece: MinimiserPiece): Network<Rational> {
  const { W1 } = cellParts(cell);
  const dX = W1[0]!.length;
  const rows = W1.map((row, j) => {
    const s = piece.signs[j]!;
    return s === 0 ? [...row] : piece.point.slice(j * dX, (j + 1) * dX).map((v) => v.mul(Rational.of(s)));
  });
  return cellNetwork(rows, piece.signs.map((s) => Rational.of(s)), cell.layers[0]!.activation);
}
