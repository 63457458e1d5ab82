// Second routes of the He, Wang & Tao claims. Each re-decides a failure from the instance's raw
// numbers, with z3 over the reals (or decimal.js for the exponential), and shares no evaluator with the
// checks: the networks, constructions and losses are written out here again. Witness values enter only
// as hints (a minimiser W̃, an η, two points of a cell), and every hint is verified before it is used.
import { Decimal } from 'decimal.js';
import {
  Rational,
  allConfirmed,
  anyConfirmed,
  confirmBySmt,
  confirmGroundAll,
  confirmed,
  contradicted,
  smt,
  unconfirmed,
  type Confirmation,
  type Witness,
} from '../../src/index.ts';
import type { ActivationData } from './_instances.ts';

type Term = smt.Term;
type Rows = readonly (readonly Rational[])[];
type Fact = { lhs: Term; relation: '<' | '<=' | '>' | '>=' | '=' | '!='; rhs: Term };

const { real, add, sub, mul, neg, div, dot, square, ite, and, or, not, eq, lt, le, gt, ge, ZERO, ONE } = smt;

// ---------------------------------------------------------------------------------------------
// Hints: witness values read back as exact rationals (live Rationals, or their decimal text).

/** An exact rational from a witness value; throws on anything else (the route then is unconfirmed). */
export function ratOf(value: unknown): Rational {
  if (value instanceof Rational) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return Rational.from(value);
  throw new Error(`not an exact number: ${JSON.stringify(value)}`);
}

export function vectorOf(value: unknown): Rational[] {
  if (!Array.isArray(value)) throw new Error(`not a vector: ${JSON.stringify(value)}`);
  return value.map(ratOf);
}

export function rowsOf(value: unknown): Rational[][] {
  if (!Array.isArray(value)) throw new Error(`not a matrix: ${JSON.stringify(value)}`);
  return value.map(vectorOf);
}

function field(witness: Witness | Readonly<Record<string, unknown>>, key: string): unknown {
  const value = (witness as Record<string, unknown>)[key];
  if (value === undefined) throw new Error(`the witness has no '${key}'`);
  return value;
}

/** A nested witness value, e.g. `hint(w, 'first', 'W1')`. */
export function hint(witness: Witness, ...path: string[]): unknown {
  let value: unknown = witness;
  for (const key of path) value = field(value as Record<string, unknown>, key);
  return value;
}

/** Runs a route, turning a malformed hint (a throw while reading it) into an unconfirmed answer. */
export async function guarded(route: string, run: () => Promise<Confirmation> | Confirmation): Promise<Confirmation> {
  try {
    return await run();
  } catch (error) {
    return unconfirmed(route, `the witness does not give what the route needs: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Terms: literals, linear algebra on terms, the activations of the paper.

const lit = (r: Rational | number): Term => real(r);
const lits = (v: readonly Rational[]): Term[] => v.map(lit);
const sum = (terms: readonly Term[]): Term => add(...terms);

/** h_{s−,s+}(z) = I{z ≤ 0}s−z + I{z > 0}s+z (eq. (4)). */
export function twoPieceTerm(sMinus: Term, sPlus: Term, z: Term): Term {
  return ite(gt(z, ZERO), mul(sPlus, z), mul(sMinus, z));
}

/**
 * A continuous piecewise linear h from its breakpoints t_1 < … < t_m, slopes s_0 … s_m and h(0), written
 * piece by piece: on piece k, h(z) = h(t_k) + s_k (z − t_k), the values h(t_k) integrated from h(0).
 */
export function piecewiseTerm(a: ActivationData, z: Term): Term {
  const [t, s] = [a.breakpoints, a.slopes];
  let term = add(lit(activationAt(a, t[0]!)), mul(lit(s[0]!), sub(z, lit(t[0]!))));
  for (let k = 0; k < t.length; k++) {
    term = ite(gt(z, lit(t[k]!)), add(lit(activationAt(a, t[k]!)), mul(lit(s[k + 1]!), sub(z, lit(t[k]!)))), term);
  }
  return term;
}

/** A layer of raw numbers: z = Wa + b, then the activation (none on the output layer). */
export interface RawLayer {
  readonly weights: Rows;
  readonly bias: readonly Rational[];
  /** h applied to unit `unit`'s pre-activation (null: the output layer). */
  readonly activation: ((z: Term, unit: number) => Term) | null;
}

/** Pre-activations of every layer and the outputs at one input, each defined once in the query. */
export function forward(query: smt.SmtQuery, layers: readonly RawLayer[], x: readonly Rational[], name: string): { pre: Term[][]; out: Term[] } {
  let a: Term[] = lits(x);
  const pre: Term[][] = [];
  layers.forEach((layer, l) => {
    const z = layer.weights.map((row, u) => query.define(query.fresh(`${name}_z${l + 1}_${u + 1}`), add(dot(lits(row), a), lit(layer.bias[u]!))));
    pre.push(z);
    a = layer.activation === null ? z : z.map((zu, u) => query.define(query.fresh(`${name}_a${l + 1}_${u + 1}`), layer.activation!(zu, u)));
  });
  return { pre, out: a };
}

/** (1/n)Σ_i ‖f_i − y_i‖². */
function meanSquares(outputs: readonly (readonly Term[])[], targets: Rows): Term {
  return mul(real(Rational.of(1, targets.length)), sum(outputs.flatMap((f, i) => f.map((fk, k) => square(sub(fk, lit(targets[i]![k]!)))))));
}

/** W[x; 1] for a weight matrix with the bias as last column. */
function affine(W: Rows, x: readonly Rational[]): Term[] {
  return W.map((row) => add(dot(lits(row.slice(0, -1)), lits(x)), lit(row[row.length - 1]!)));
}

// ---------------------------------------------------------------------------------------------
// §4 cells (Theorems 2, 3; eqs. (7)–(9)): one hidden layer, no biases, scalar output.

/** A §4 instance: data, the W_1 that fixes the cell, the slopes of h_{s−,s+}. */
export interface CellData {
  readonly inputs: Rows;
  readonly targets: Rows;
  readonly W1: Rows;
  readonly slopes: readonly [Rational, Rational];
}

/** A point (W_1, W_2) of §4 (W_2 a row). */
export interface CellPoint {
  readonly W1: Rows;
  readonly w2: readonly Rational[];
}

/** A point of a witness: `{ W1, W2 }` under `key`. */
export function cellPointHint(witness: Witness, key: string): CellPoint {
  return { W1: rowsOf(hint(witness, key, 'W1')), w2: vectorOf(hint(witness, key, 'W2')) };
}

const slopeTerms = (c: CellData): [Term, Term] => [lit(c.slopes[0]), lit(c.slopes[1])];

/** Ŷ_i = Σ_j W_2j h(W_1j x_i), the network of §4 written out. */
function cellOutputs(c: CellData, p: CellPoint): Term[] {
  const [sm, sp] = slopeTerms(c);
  return c.inputs.map((x) => sum(p.W1.map((w, j) => mul(lit(p.w2[j]!), twoPieceTerm(sm, sp, dot(lits(w), lits(x)))))));
}

export function cellRisk(c: CellData, p: CellPoint): Term {
  return meanSquares(cellOutputs(c, p).map((o) => [o]), c.targets);
}

/** (W_1)_j x_i, of the instance's W_1: its sign fixes the cell. */
const cellSide = (c: CellData, j: number, x: readonly Rational[]): Term => dot(lits(c.W1[j]!), lits(x));

/** The point lies in the instance's cell: every (W_1)_j x_i has the sign it has at the instance's W_1. */
function inCellFacts(c: CellData, p: CellPoint): Fact[] {
  return p.W1.flatMap((w, j) => c.inputs.map((x) => ({ lhs: mul(dot(lits(w), lits(x)), cellSide(c, j, x)), relation: '>' as const, rhs: ZERO })));
}

/** W̄ = Q(W_1, W_2) = vec(diag(W_2)W_1). */
export function collapsed(p: CellPoint): Rational[] {
  return p.W1.flatMap((w, j) => w.map((v) => v.mul(p.w2[j]!)));
}

/**
 * Unknowns U_j (one per unit) ranging over exactly the W̄ = Q(W_1, W_2) of the cell's points, with the
 * cell's risk written in them. For a cell point, U_j = W_2j W_1j has U_j·x_i = W_2j (W_1j x_i), so
 * σ_ji U_j·x_i has the sign of W_2j for every i: U_j ∈ C_j ∪ −C_j ∪ {0}; conversely every such U is
 * Q of a cell point (W_1j = ±U_j, W_2j = ±1, or W_2j = 0 and W_1j the instance's row). And on the cell
 * h is linear on each side, W_2j h(W_1j x_i) = A_ji U_j·x_i with A_ji the slope of the side: the
 * risk at the point is R(U) = (1/n)Σ_i(Σ_j A_ji U_j·x_i − y_i)².
 */
function collapsedCell(query: smt.SmtQuery, c: CellData): { U: Term[][]; members: Term[]; risk: Term } {
  const [sm, sp] = slopeTerms(c);
  const dX = c.inputs[0]!.length;
  const U = c.W1.map((_, j) => Array.from({ length: dX }, (_, k) => query.declare(`U${j + 1}_${k + 1}`)));
  const members = U.map((u, j) => {
    const signed = c.inputs.map((x) => mul(dot(u, lits(x)), cellSide(c, j, x)));
    return or(and(...signed.map((s) => gt(s, ZERO))), and(...signed.map((s) => lt(s, ZERO))), and(...u.map((v) => eq(v, ZERO))));
  });
  const outputs = c.inputs.map((x) => sum(U.map((u, j) => mul(ite(gt(cellSide(c, j, x), ZERO), sp, sm), dot(u, lits(x))))));
  const risk = query.define('R_U', meanSquares(outputs.map((o) => [o]), c.targets));
  return { U, members, risk };
}

/** No point of the cell has a risk below `level` (then every point of the cell at that risk is a local minimum: the cell is open). */
export function confirmCellMinimum(c: CellData, level: CellPoint): Promise<Confirmation> {
  const meaning = 'no point of the cell has a lower risk than the given point (which is then a local minimum: the cell is open)';
  const query = new smt.SmtQuery(`${meaning}\nunsat: none (the point is a minimum of the cell)`);
  const { members, risk } = collapsedCell(query, c);
  query.assert(and(...members, lt(risk, cellRisk(c, level))));
  return confirmBySmt('z3: no point of the cell below the risk of the given point', query, 'unsat', meaning);
}

/**
 * The two given points are local minima of the cell: inside it, of equal risk, and no point of the
 * cell lies below that risk.
 */
function confirmTwoCellMinima(c: CellData, first: CellPoint, second: CellPoint, extra: Fact[], meaning: string): Promise<Confirmation> {
  const ground = confirmGroundAll(
    'z3: both points in the cell, of equal risk',
    () => [...inCellFacts(c, first), ...inCellFacts(c, second), { lhs: cellRisk(c, first), relation: '=', rhs: cellRisk(c, second) }, ...extra],
    meaning,
  );
  return ground.then(async (g) => (g.status !== 'confirmed' ? g : allConfirmed('z3: two local minima of the cell', [g, await confirmCellMinimum(c, first)])));
}

/** Two local minima of the cell with different Q(W_1, W_2): not one equivalence class of ~R. */
export function confirmTwoClasses(c: CellData, witness: Witness): Promise<Confirmation> {
  const route = 'z3: two local minima of the cell with different Q = diag(W_2)W_1';
  return guarded(route, async () => {
    const first = cellPointHint(witness, 'first');
    const second = cellPointHint(witness, 'second');
    const [a, b] = [collapsed(first), collapsed(second)];
    const differ: Fact = { lhs: ONE, relation: '=', rhs: ite(or(...a.map((v, k) => not(eq(lit(v), lit(b[k]!))))), ONE, ZERO) };
    const both = await confirmTwoCellMinima(c, first, second, [differ], 'the points lie in the cell, have equal risk and different Q');
    return relabel(route, both);
  });
}

/**
 * No path of local minima inside the cell joins the two points: unit j has W_2j > 0 at one and < 0 at
 * the other, so on any path between them W_2j = 0 somewhere (intermediate values); a path of constant
 * risk inside the cell consists of minima of the cell, and no minimum of the cell has W_2j = 0
 * (unsat: no U of the cell with U_j = 0 at the minimal risk).
 */
export function confirmNoPathInCell(c: CellData, witness: Witness): Promise<Confirmation> {
  const route = 'z3: W_2j changes sign between two cell minima, and no cell minimum has W_2j = 0';
  return guarded(route, async () => {
    const first = cellPointHint(witness, 'first');
    const second = cellPointHint(witness, 'second');
    const flips = first.w2.flatMap((v, j) => (v.mul(second.w2[j]!).sign() < 0 ? [j] : []));
    if (flips.length === 0) return unconfirmed(route, 'no unit has W_2j of opposite signs at the two points: the crossing argument does not apply');
    const minima = await confirmTwoCellMinima(c, first, second, [], 'the points lie in the cell and have equal risk');
    if (minima.status !== 'confirmed') return relabel(route, minima);
    const crossings: Confirmation[] = [];
    for (const j of flips) {
      const meaning = `no point of the cell with W_2${j + 1} = 0 has the cell's least risk`;
      const query = new smt.SmtQuery(`${meaning}\nunsat: none (a path of minima cannot pass W_2${j + 1} = 0)`);
      const { U, members, risk } = collapsedCell(query, c);
      query.assert(and(...members, ...U[j]!.map((u) => eq(u, ZERO)), le(risk, cellRisk(c, first))));
      const answer = await confirmBySmt(`z3: no cell minimum with W_2${j + 1} = 0`, query, 'unsat', meaning);
      // A minimum with W_2j = 0 does not show that a path exists: the route then cannot decide.
      crossings.push(answer.status === 'contradicted' ? unconfirmed(answer.route, answer.reason, answer.evidence) : answer);
      if (answer.status === 'confirmed') break;
    }
    return relabel(route, allConfirmed(route, [minima, anyConfirmed(crossings)]));
  });
}

/** θ(τ): W_1j ↦ λ_jW_1j, W_2j ↦ W_2j/λ_j, λ_j = 1 + τ(a_j − 1) (App. B.4), written out again. */
export function rescaledPoint(p: CellPoint, factors: readonly Rational[], tau: Rational): CellPoint {
  const lambda = factors.map((a) => Rational.ONE.add(tau.mul(a.sub(Rational.ONE))));
  return { W1: p.W1.map((w, j) => w.map((v) => v.mul(lambda[j]!))), w2: p.w2.map((v, j) => v.div(lambda[j]!)) };
}

/**
 * The proof's valley breaks: the start is a cell minimum, and at τ the rescaled point leaves the cell,
 * changes the risk or changes Q.
 */
export function confirmValleyBreaks(c: CellData, factors: readonly Rational[], witness: Witness): Promise<Confirmation> {
  const route = 'z3: the rescaling path from a cell minimum leaves the cell or its risk or Q changes';
  return guarded(route, async () => {
    const start = cellPointHint(witness, 'start');
    const tau = ratOf(hint(witness, 'tau'));
    const lambda = factors.map((a) => Rational.ONE.add(tau.mul(a.sub(Rational.ONE))));
    if (lambda.some((l) => l.isZero())) return confirmed(route, { reason: 'λ_j(τ) = 0: the path is not defined there', tau });
    const moved = rescaledPoint(start, factors, tau);
    const [a, b] = [collapsed(start), collapsed(moved)];
    const breaks = or(
      ...inCellFacts(c, moved).map((f) => not(gt(f.lhs, f.rhs))),
      not(eq(cellRisk(c, moved), cellRisk(c, start))),
      ...a.map((v, k) => not(eq(lit(v), lit(b[k]!)))),
    );
    const ground = await confirmGroundAll(
      'z3: the start in the cell, the point at τ out of it or off the risk or Q',
      () => [...inCellFacts(c, start), { lhs: ite(breaks, ONE, ZERO), relation: '=', rhs: ONE }],
      `at τ = ${tau.toString()} the rescaled point leaves the cell, or its risk or Q differs from the start's`,
    );
    if (ground.status !== 'confirmed') return relabel(route, ground);
    return relabel(route, allConfirmed(route, [ground, await confirmCellMinimum(c, start)]));
  });
}

function relabel(route: string, c: Confirmation): Confirmation {
  if (c.status === 'confirmed') return confirmed(route, c.evidence);
  return c.status === 'contradicted' ? contradicted(route, `${c.route}: ${c.reason}`, c.evidence) : unconfirmed(route, `${c.route}: ${c.reason}`, c.evidence);
}

// ---------------------------------------------------------------------------------------------
// §3 constructions (Lemmas 4–6, Theorems 1, 4, 5), written out again from the paper's formulas.

/** h(x) of a piecewise linear activation, integrated from h(0) along the slopes (exact). */
export function activationAt(a: ActivationData, x: Rational): Rational {
  const negative = x.lt(Rational.ZERO);
  const [lo, hi] = negative ? [x, Rational.ZERO] : [Rational.ZERO, x];
  const cuts = [lo, ...a.breakpoints.filter((b) => b.gt(lo) && b.lt(hi)), hi];
  let integral = Rational.ZERO;
  for (let k = 0; k + 1 < cuts.length; k++) {
    const mid = cuts[k]!.add(cuts[k + 1]!).div(Rational.of(2));
    integral = integral.add(a.slopes[a.breakpoints.filter((b) => b.lt(mid)).length]!.mul(cuts[k + 1]!.sub(cuts[k]!)));
  }
  return negative ? a.valueAtZero.sub(integral) : a.valueAtZero.add(integral);
}

/** h̃(u) = h(−u) (App. A.2): breakpoints and slopes reversed and negated, h̃(0) = h(0). */
function mirrored(a: ActivationData): ActivationData {
  return { breakpoints: a.breakpoints.map((t) => t.neg()).reverse(), slopes: a.slopes.map((s) => s.neg()).reverse(), valueAtZero: a.valueAtZero };
}

/** A turning point t of h as the constructions use it: one-sided slopes, h(t), σ (null: unbounded). */
export interface Turn {
  readonly t: Rational;
  readonly value: Rational;
  readonly sMinus: Rational;
  readonly sPlus: Rational;
  readonly sigma: Rational | null;
}

function turnOf(a: ActivationData, k: number): Turn {
  const t = a.breakpoints[k]!;
  const gaps = [k > 0 ? t.sub(a.breakpoints[k - 1]!) : null, k + 1 < a.breakpoints.length ? a.breakpoints[k + 1]!.sub(t) : null].filter((g): g is Rational => g !== null);
  return { t, value: activationAt(a, t), sMinus: a.slopes[k]!, sPlus: a.slopes[k + 1]!, sigma: gaps.length === 0 ? null : gaps.reduce((x, y) => x.min(y)) };
}

/** The build's activation and turning point: h itself, or h̃ at −t when s+ = 0 there (then mirrored back). */
export interface Orientation {
  readonly act: ActivationData;
  readonly turn: Turn;
  readonly mirror: boolean;
}

export function orientation(a: ActivationData, k: number): Orientation {
  if (!a.slopes[k + 1]!.isZero()) return { act: a, turn: turnOf(a, k), mirror: false };
  const m = mirrored(a);
  return { act: m, turn: turnOf(m, a.breakpoints.length - 1 - k), mirror: true };
}

/** Theorem 4's turning point: the first with s− + s+ ≠ 0 (Assumption 4), else the first. */
export function assumption4Breakpoint(a: ActivationData): number {
  const k = a.breakpoints.findIndex((_, i) => !a.slopes[i]!.add(a.slopes[i + 1]!).isZero());
  return k < 0 ? 0 : k;
}

/** A network of raw numbers: hidden layers use `hidden` activation data (null: h_{s−,s+} of the turn). */
export interface RawNetwork {
  readonly layers: readonly { readonly weights: Rational[][]; readonly bias: Rational[] }[];
}

const zeroRow = (n: number): Rational[] => Array.from({ length: n }, () => Rational.ZERO);

/**
 * Lemma 5 (Lemma 4 for one hidden layer) for h_{s−,s+}, s+ ≠ 0: W_1 = [W̃_{·,1:dX}; 0],
 * b_1 = [W̃_{·,dX+1} − η1; −η1], W_i = (1/s+)(Σ_{j≤dY}E_jj + Σ_{j>dY}E_{j,dY+1}), b_i = 0,
 * W_L = [(1/s+)I_dY, 0], b_L = η1.
 */
export function lemma5Layers(W: Rows, hidden: readonly number[], sPlus: Rational, eta: Rational): RawNetwork {
  const dY = W.length;
  const dX = W[0]!.length - 1;
  const inv = sPlus.inv();
  const first = {
    weights: Array.from({ length: hidden[0]! }, (_, j) => (j < dY ? W[j]!.slice(0, dX) : zeroRow(dX))),
    bias: Array.from({ length: hidden[0]! }, (_, j) => (j < dY ? W[j]![dX]!.sub(eta) : eta.neg())),
  };
  const middle = hidden.slice(1).map((d, l) => ({
    weights: Array.from({ length: d }, (_, j) => zeroRow(hidden[l]!).map((z, k) => (k === Math.min(j, dY) ? inv : z))),
    bias: zeroRow(d),
  }));
  const last = { weights: Array.from({ length: dY }, (_, j) => zeroRow(hidden[hidden.length - 1]!).map((z, k) => (k === j ? inv : z))), bias: Array.from({ length: dY }, () => eta) };
  return { layers: [first, ...middle, last] };
}

/**
 * Lemma 6 / the proof of Theorem 1: layer-i pre-activations become t + c_i·(the prototype's), c_i = ρ_1⋯ρ_i:
 * W″_1 = ρ_1W′_1, b″_1 = ρ_1b′_1 + t1; W″_i = ρ_iW′_i, b″_i = −ρ_iW′_ih(t)1 + t1 + c_ib′_i;
 * W″_L = W′_L/c_{L−1}, b″_L = b′_L − W′_Lh(t)1/c_{L−1}.
 */
export function embedded(prototype: RawNetwork, turn: Turn, scales: readonly Rational[]): RawNetwork {
  const hidden = prototype.layers.length - 1;
  let c = Rational.ONE;
  return {
    layers: prototype.layers.map((layer, l) => {
      const rowSums = layer.weights.map((row) => row.reduce((s, w) => s.add(w), Rational.ZERO).mul(turn.value));
      if (l === hidden) return { weights: layer.weights.map((row) => row.map((w) => w.div(c))), bias: layer.bias.map((b, u) => b.sub(rowSums[u]!.div(c))) };
      const rho = scales[l]!;
      c = c.mul(rho);
      return {
        weights: layer.weights.map((row) => row.map((w) => w.mul(rho))),
        bias: layer.bias.map((b, u) => turn.t.sub(l === 0 ? Rational.ZERO : rho.mul(rowSums[u]!)).add(c.mul(b))),
      };
    }),
  };
}

/** W′_i = −W_i, b′_i = −b_i on the hidden layers (App. A.2): with h in place of h̃ the outputs are the same. */
export function mirrorBack(net: RawNetwork): RawNetwork {
  const last = net.layers.length - 1;
  return { layers: net.layers.map((layer, l) => (l === last ? layer : { weights: layer.weights.map((r) => r.map((w) => w.neg())), bias: layer.bias.map((b) => b.neg()) })) };
}

/** The layers as the solver sees them, with h (the instance's activation) on the hidden layers. */
export function rawLayers(net: RawNetwork, act: (z: Term) => Term): RawLayer[] {
  const last = net.layers.length - 1;
  return net.layers.map((layer, l) => ({ weights: layer.weights, bias: layer.bias, activation: l === last ? null : act }));
}

/** Ŷ = W̃[x; 1] per sample, as terms. */
const linearOutputs = (W: Rows, inputs: Rows): Term[][] => inputs.map((x) => affine(W, x));

/** W̃ solves the normal equations of f(W) = (1/n)Σ‖W[x_i; 1] − y_i‖²: Σ_i (W̃[x_i; 1] − y_i)[x_i; 1]ᵀ = 0, so it minimises the convex f. */
function normalEquationFacts(W: Rows, inputs: Rows, targets: Rows): Fact[] {
  const residuals = linearOutputs(W, inputs).map((p, i) => p.map((v, k) => sub(v, lit(targets[i]![k]!))));
  return W.flatMap((row, k) =>
    row.map((_, c) => ({ lhs: sum(inputs.map((x, i) => mul(residuals[i]![k]!, c < x.length ? lit(x[c]!) : ONE))), relation: '=' as const, rhs: ZERO })),
  );
}

/** The premises of a route (the hints it was given), all ground: sat when every one holds. */
function premises(route: string, facts: (query: smt.SmtQuery) => Fact[], meaning: string): Promise<Confirmation> {
  return confirmGroundAll(route, facts, meaning).then((c) =>
    c.status === 'contradicted' ? unconfirmed(route, `a hint does not verify: ${meaning} is false`, c.evidence) : c,
  );
}

/**
 * Some of `facts` fails (sat confirms the negation of the claim); unsat: all hold, which contradicts the
 * first route, for the reason `holds`.
 */
export async function confirmSomeFails(route: string, build: (query: smt.SmtQuery) => readonly Fact[], meaning: string, holds: string): Promise<Confirmation> {
  const query = new smt.SmtQuery(`${meaning}\nsat: one of them fails (the negation of the claim is confirmed)`);
  const facts = build(query);
  const relate = (f: Fact): Term => {
    switch (f.relation) {
      case '<': return lt(f.lhs, f.rhs);
      case '<=': return le(f.lhs, f.rhs);
      case '>': return gt(f.lhs, f.rhs);
      case '>=': return ge(f.lhs, f.rhs);
      case '=': return eq(f.lhs, f.rhs);
      case '!=': return not(eq(f.lhs, f.rhs));
    }
  };
  query.assert(not(and(...facts.map(relate))));
  const answer = await confirmBySmt(route, query, 'sat', meaning);
  return answer.status === 'contradicted' ? contradicted(route, holds, answer.evidence) : answer;
}

/** The data of a §3 instance. */
export interface NetworkData {
  readonly inputs: Rows;
  readonly targets: Rows;
  readonly hidden: readonly number[];
  readonly activation: ActivationData;
}

/** What a linear-regime point was built from: the minimiser W̃, η, the turning point and the scales ρ_i. */
export interface RegimeHints {
  readonly W: Rational[][];
  readonly eta: Rational;
  readonly breakpoint: number;
  /** ρ_1 = 1/M, ρ_i = α_i (Lemma 6); all 1 for Lemmas 4, 5 with h_{s−,s+}. */
  readonly scales: readonly Rational[];
}

export function regimeHints(witness: Witness): RegimeHints {
  return {
    W: rowsOf(hint(witness, 'hint', 'W̃')),
    eta: ratOf(hint(witness, 'hint', 'η')),
    breakpoint: Number(hint(witness, 'hint', 'breakpoint')),
    scales: vectorOf(hint(witness, 'hint', 'ρ')),
  };
}

/**
 * Lemmas 4–6 at one point: W̃ minimises f (normal equations), η < 0 with W̃X̃ − η1 > 0 (eq. (14)),
 * ρ_1 = 1/M with ‖W′_1X + b′_11ᵀ‖_F/M < σ (eq. (40)) and ρ_i ∈ (0, 1]; then the constructed point
 * should have every hidden pre-activation t + c_i·[Ŷ − η; −η] strictly inside (t, t + σ) (after the
 * mirror: (t − σ, t)) and output W̃X̃. Unsat (all hold) is the cell argument: every unit sees all
 * samples inside one linear piece, so near θ the output is M(θ)X̃ and R ≥ f(W̃) = R(θ).
 */
export function confirmLinearRegime(d: NetworkData, witness: Witness, options: { exactValues: boolean }): Promise<Confirmation> {
  const route = 'z3: the Lemma 4–6 point rebuilt from W̃, η, M; one linear piece per unit and Ŷ = W̃X̃';
  return guarded(route, async () => {
    const h = regimeHints(witness);
    const { act, turn, mirror } = orientation(d.activation, h.breakpoint);
    if (turn.sPlus.isZero() || turn.sPlus.equals(turn.sMinus)) return unconfirmed(route, 'the breakpoint is not a turning point with s+ ≠ 0 after orientation');
    const dY = h.W.length;
    const predictions = linearOutputs(h.W, d.inputs);
    const P1 = d.inputs.map((_, i) => Array.from({ length: d.hidden[0]! }, (_, j) => (j < dY ? sub(predictions[i]![j]!, lit(h.eta)) : neg(lit(h.eta)))));
    const ok = await premises(
      `${route} (premises)`,
      () => [
        ...normalEquationFacts(h.W, d.inputs, d.targets),
        { lhs: lit(h.eta), relation: '<', rhs: ZERO },
        ...predictions.flat().map((p) => ({ lhs: lit(h.eta), relation: '<' as const, rhs: p })),
        ...h.scales.map((r) => ({ lhs: lit(r), relation: '>' as const, rhs: ZERO })),
        ...h.scales.slice(1).map((r) => ({ lhs: lit(r), relation: '<=' as const, rhs: ONE })),
        ...(turn.sigma === null
          ? []
          : [{ lhs: mul(lit(h.scales[0]!), lit(h.scales[0]!), sum(P1.flat().map(square))), relation: '<' as const, rhs: square(lit(turn.sigma)) }]),
      ],
      'W̃ solves the normal equations, η < min(0, min W̃X̃), eq. (40) for M = 1/ρ_1, ρ_i ∈ (0, 1]',
    );
    if (ok.status !== 'confirmed') return ok;
    const prototype = lemma5Layers(h.W, d.hidden, turn.sPlus, h.eta);
    const built = embedded(prototype, turn, h.scales);
    const net = mirror ? mirrorBack(built) : built;
    const sign = mirror ? Rational.MINUS_ONE : Rational.ONE;
    const t0 = mirror ? turn.t.neg() : turn.t;
    const facts = (query: smt.SmtQuery): Fact[] =>
      d.inputs.flatMap((x, i) => {
        const { pre, out } = forward(query, rawLayers(net, (z) => piecewiseTerm(d.activation, z)), x, `s${i + 1}`);
        let c = Rational.ONE;
        const inside = pre.slice(0, -1).flatMap((layer, l) => {
          c = c.mul(h.scales[l]!);
          const scale = c;
          return layer.flatMap((z, u): Fact[] => {
            const p = u < dY ? sub(predictions[i]![u]!, lit(h.eta)) : neg(lit(h.eta));
            // The offset from t on the build's side, which should lie in (0, σ).
            const offset = mul(lit(sign), sub(z, lit(t0)));
            return [
              { lhs: offset, relation: '>', rhs: ZERO },
              ...(turn.sigma !== null ? [{ lhs: offset, relation: '<' as const, rhs: lit(turn.sigma) }] : []),
              ...(options.exactValues ? [{ lhs: offset, relation: '=' as const, rhs: mul(lit(scale), p) }] : []),
            ];
          });
        });
        return [...inside, ...out.map((o, k) => ({ lhs: o, relation: '=' as const, rhs: predictions[i]![k]! }))];
      });
    return confirmSomeFails(
      route,
      facts,
      'every hidden pre-activation lies strictly inside the piece (t, t + σ) of the build' + (options.exactValues ? ' at t + c_i·[Ŷ − η; −η]' : '') + ', and the output is W̃X̃',
      'every unit sees all samples strictly inside one linear piece and Ŷ = W̃X̃ with W̃ minimising f: the cell argument makes the point a local minimum of risk f(W̃)',
    );
  });
}

/** The hint a check passes to `confirmLinearRegime`: W̃, η, the turning point used and ρ = (1/M, α_2, …). */
export function regimeHint(p: { W: Rows; eta: Rational; breakpoint: number; scale: Rational; alphas: readonly Rational[] }): Witness {
  return { 'W̃': p.W, 'η': p.eta, breakpoint: p.breakpoint, 'ρ': [p.scale.inv(), ...p.alphas] };
}

/**
 * The bound on η is sharp: at η = min(0, min W̃X̃) (W̃ a minimiser of f) no first-layer
 * pre-activation of eqs. (11)–(13) is 0 — the negation of "some pre-activation sits on the turning point".
 */
export function confirmSharpBound(d: NetworkData, witness: Witness): Promise<Confirmation> {
  const route = 'z3: at η = min(0, min W̃X̃) every pre-activation of eqs. (11)–(13) is off the turning point';
  return guarded(route, async () => {
    const h = regimeHints(witness);
    const { turn, mirror } = orientation(d.activation, h.breakpoint);
    const predictions = linearOutputs(h.W, d.inputs).flat();
    const ok = await premises(
      `${route} (premises)`,
      () => [
        ...normalEquationFacts(h.W, d.inputs, d.targets),
        { lhs: lit(h.eta), relation: '<=', rhs: ZERO },
        ...predictions.map((p) => ({ lhs: lit(h.eta), relation: '<=' as const, rhs: p })),
        { lhs: mul(lit(h.eta), ...predictions.map((p) => sub(lit(h.eta), p))), relation: '=', rhs: ZERO },
      ],
      'W̃ solves the normal equations and η = min(0, min W̃X̃)',
    );
    if (ok.status !== 'confirmed') return ok;
    const net = lemma5Layers(h.W, d.hidden.slice(0, 1), turn.sPlus, h.eta);
    const first = mirror ? mirrorBack(net).layers[0]! : net.layers[0]!;
    const meaning = 'every first-layer pre-activation is non-zero at η = min(0, min W̃X̃)';
    const query = new smt.SmtQuery(`${meaning}\nsat: so (the negation of sharpness is confirmed)`);
    query.assert(and(...d.inputs.flatMap((x) => first.weights.map((row, u) => not(eq(add(dot(lits(row), lits(x)), lit(first.bias[u]!)), ZERO))))));
    const answer = await confirmBySmt(route, query, 'sat', meaning);
    return answer.status === 'contradicted' ? contradicted(route, 'a pre-activation is exactly 0 at the bound: the bound is sharp', answer.evidence) : answer;
  });
}

/** One hidden layer with h_{s−,s+} (eqs. (19)–(22) or Corollary 3), from a witness hint. */
export interface Shallow {
  readonly W1: Rational[][];
  readonly b1: Rational[];
  readonly W2: Rational[][];
  readonly b2: Rational[];
}

export function shallowHint(witness: Witness): Shallow {
  return {
    W1: rowsOf(hint(witness, 'hint', 'shallow', 'W1')),
    b1: vectorOf(hint(witness, 'hint', 'shallow', 'b1')),
    W2: rowsOf(hint(witness, 'hint', 'shallow', 'W2')),
    b2: vectorOf(hint(witness, 'hint', 'shallow', 'b2')),
  };
}

/**
 * Theorem 5: layer 2 = [W_2; 0] with bias [b_2; 0] + λ1, then (1/s+)Σ_{i≤dY}E_ii with zero bias, and
 * the output (1/s+)Σ_{i≤dY}E_ii with bias −λ1 (one hidden layer: the shallow network itself).
 */
export function theorem5Layers(shallow: Shallow, hidden: readonly number[], sPlus: Rational, lambda: Rational): RawNetwork {
  const first = { weights: shallow.W1, bias: shallow.b1 };
  if (hidden.length === 1) return { layers: [first, { weights: shallow.W2, bias: shallow.b2 }] };
  const dY = shallow.W2.length;
  const d1 = shallow.W1.length;
  const inv = sPlus.inv();
  const copy = (rows: number, cols: number): Rational[][] => Array.from({ length: rows }, (_, i) => zeroRow(cols).map((z, j) => (i === j && i < dY ? inv : z)));
  const second = {
    weights: Array.from({ length: hidden[1]! }, (_, i) => (i < dY ? [...shallow.W2[i]!] : zeroRow(d1))),
    bias: Array.from({ length: hidden[1]! }, (_, i) => (i < dY ? shallow.b2[i]!.add(lambda) : lambda)),
  };
  const middle = hidden.slice(2).map((d, i) => ({ weights: copy(d, hidden[i + 1]!), bias: zeroRow(d) }));
  const last = { weights: copy(dY, hidden[hidden.length - 1]!), bias: Array.from({ length: dY }, () => lambda.neg()) };
  return { layers: [first, second, ...middle, last] };
}

/** The shallow outputs Ŷ′ per sample, with h_{s−,s+} (the turning point moved to 0). */
function shallowOutputs(query: smt.SmtQuery, d: NetworkData, shallow: Shallow, turn: Turn): Term[][] {
  const h = (z: Term): Term => twoPieceTerm(lit(turn.sMinus), lit(turn.sPlus), z);
  const layers = rawLayers({ layers: [{ weights: shallow.W1, bias: shallow.b1 }, { weights: shallow.W2, bias: shallow.b2 }] }, h);
  return d.inputs.map((x, i) => forward(query, layers, x, `shallow${i + 1}`).out);
}

/** λ > 0 and λ > −min Ŷ′ (eq. (34)). */
function lambdaFacts(outputs: readonly (readonly Term[])[], lambda: Rational): Fact[] {
  return [{ lhs: lit(lambda), relation: '>', rhs: ZERO }, ...outputs.flat().map((y) => ({ lhs: add(y, lit(lambda)), relation: '>' as const, rhs: ZERO }))];
}

/**
 * Theorem 5 on the given one-hidden-layer point (h_{s−,s+}, the oriented turning point of Theorem 4):
 * with λ > max(0, −min Ŷ′) the layer-2 pre-activations are [Ŷ′ + λ1; λ1] > 0 (eq. (37)) and the deep
 * network's outputs are Ŷ′.
 */
export function confirmDeepening(d: NetworkData, witness: Witness): Promise<Confirmation> {
  const route = 'z3: Theorem 5\'s layers rebuilt on the one-hidden-layer point; eq. (37) and the outputs';
  return guarded(route, async () => {
    const shallow = shallowHint(witness);
    const lambda = ratOf(hint(witness, 'hint', 'λ'));
    const { turn } = orientation(d.activation, assumption4Breakpoint(d.activation));
    const ok = await premises(`${route} (premises)`, (q) => lambdaFacts(shallowOutputs(q, d, shallow, turn), lambda), 'λ > max(0, −min Ŷ′) (eq. (34))');
    if (ok.status !== 'confirmed') return ok;
    const deep = theorem5Layers(shallow, d.hidden, turn.sPlus, lambda);
    const h = (z: Term): Term => twoPieceTerm(lit(turn.sMinus), lit(turn.sPlus), z);
    const dY = shallow.W2.length;
    return confirmSomeFails(
      route,
      (q) => {
        const target = shallowOutputs(q, d, shallow, turn);
        return d.inputs.flatMap((x, i) => {
          const { pre, out } = forward(q, rawLayers(deep, h), x, `deep${i + 1}`);
          const second = d.hidden.length > 1 ? pre[1]! : [];
          return [
            ...second.flatMap((z, u): Fact[] => [
              { lhs: z, relation: '=', rhs: u < dY ? add(target[i]![u]!, lit(lambda)) : lit(lambda) },
              { lhs: z, relation: '>', rhs: ZERO },
            ]),
            ...out.map((o, k) => ({ lhs: o, relation: '=' as const, rhs: target[i]![k]! })),
          ];
        });
      },
      'the layer-2 pre-activations are [Ŷ′ + λ1; λ1] > 0 and the deep outputs are Ŷ′',
      'with λ from eq. (34) Theorem 5\'s layers pass Ŷ′ through: eq. (37) holds and the outputs are Ŷ′',
    );
  });
}

/**
 * The proof of Theorem 1: Theorem 5's network scaled by ρ_1 = 1/M, ρ_2 = 1/M̄ (eqs. (45), (46):
 * ‖Z_1‖_F/M < σ, ‖Z_2‖_F/(MM̄) < σ) and moved to the turning point t. Then every hidden pre-activation
 * lies within σ of t, where h(t + u) = h(t) + h_{s−,s+}(u), and the outputs are Ŷ′.
 */
export function confirmTurningPointEmbedding(d: NetworkData, witness: Witness): Promise<Confirmation> {
  const route = 'z3: the proof of Theorem 1 rebuilt (Theorem 5 scaled by M, M̄ at t); pre-activations within σ of t, outputs Ŷ′';
  return guarded(route, async () => {
    const shallow = shallowHint(witness);
    const lambda = ratOf(hint(witness, 'hint', 'λ'));
    const scales = vectorOf(hint(witness, 'hint', 'scales'));
    const { turn, mirror } = orientation(d.activation, assumption4Breakpoint(d.activation));
    const prototype = theorem5Layers(shallow, d.hidden, turn.sPlus, lambda);
    const two = (z: Term): Term => twoPieceTerm(lit(turn.sMinus), lit(turn.sPlus), z);
    const ok = await premises(
      `${route} (premises)`,
      (q) => {
        const facts = lambdaFacts(shallowOutputs(q, d, shallow, turn), lambda);
        facts.push(...scales.map((m) => ({ lhs: lit(m), relation: '>' as const, rhs: ZERO })));
        if (turn.sigma === null) return facts;
        const pre = d.inputs.map((x, i) => forward(q, rawLayers(prototype, two), x, `proto${i + 1}`).pre);
        const norm = (l: number): Term => sum(pre.flatMap((p) => p[l]!.map(square)));
        const s2 = square(lit(turn.sigma));
        facts.push({ lhs: norm(0), relation: '<', rhs: mul(square(lit(scales[0]!)), s2) });
        if (d.hidden.length > 1) facts.push({ lhs: norm(1), relation: '<', rhs: mul(square(lit(scales[0]!)), square(lit(scales[1]!)), s2) });
        return facts;
      },
      'λ from eq. (34); M, M̄ meet eqs. (45), (46)',
    );
    if (ok.status !== 'confirmed') return ok;
    const built = embedded(prototype, turn, scales.map((m, l) => (l < 2 ? m.inv() : Rational.ONE)));
    const net = mirror ? mirrorBack(built) : built;
    const t = mirror ? turn.t.neg() : turn.t;
    return confirmSomeFails(
      route,
      (q) => {
        const target = shallowOutputs(q, d, shallow, turn);
        return d.inputs.flatMap((x, i) => {
          const { pre, out } = forward(q, rawLayers(net, (z) => piecewiseTerm(d.activation, z)), x, `net${i + 1}`);
          const window: Fact[] =
            turn.sigma === null
              ? []
              : pre.slice(0, -1).flat().flatMap((z): Fact[] => [
                  { lhs: sub(z, lit(t)), relation: '<', rhs: lit(turn.sigma!) },
                  { lhs: sub(z, lit(t)), relation: '>', rhs: neg(lit(turn.sigma!)) },
                ]);
          return [...window, ...out.map((o, k) => ({ lhs: o, relation: '=' as const, rhs: target[i]![k]! }))];
        });
      },
      'every hidden pre-activation lies within σ of t and the outputs are those of the one-hidden-layer point',
      'with M, M̄ from eqs. (45), (46) every pre-activation stays within σ of t and the outputs are Ŷ′',
    );
  });
}

/** A closed condition as a fact: it holds. */
const holds = (condition: Term): Fact => ({ lhs: ite(condition, ONE, ZERO), relation: '=', rhs: ONE });

const dotR = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** Lemma 7's split as its proof builds it (App. A.5), written out again: I, J and β. */
export function lemma7Split(u: readonly Rational[], v: readonly Rational[], x: Rows): { I: number[]; J: number[]; beta: Rational[] } {
  const order = v.map((_, i) => i).sort((a, b) => v[a]!.compare(v[b]!) || a - b);
  const groups: number[][] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last !== undefined && v[last[0]!]!.equals(v[i]!)) last.push(i);
    else groups.push([i]);
  }
  // First case: a union of the lowest level sets has Σu ≠ 0 (β = 0).
  let prefix = Rational.ZERO;
  for (let k = 0; k + 1 < groups.length; k++) {
    prefix = groups[k]!.reduce((s, i) => s.add(u[i]!), prefix);
    if (!prefix.isZero()) return { I: groups.slice(0, k + 1).flat(), J: groups.slice(k + 1).flat(), beta: x[0]!.map(() => Rational.ZERO) };
  }
  // Otherwise: in the first level set holding a u_i ≠ 0, β = x_l for the largest ‖x_l‖ with u_l ≠ 0.
  const t = groups.findIndex((g) => g.some((i) => !u[i]!.isZero()));
  const group = groups[t]!;
  let l = -1;
  for (const i of group) if (!u[i]!.isZero() && (l < 0 || dotR(x[i]!, x[i]!).gt(dotR(x[l]!, x[l]!)))) l = i;
  const beta = [...x[l]!];
  const top = dotR(beta, beta);
  const ahead = group.filter((i) => i !== l && dotR(beta, x[i]!).ge(top));
  const after = group.filter((i) => i !== l && dotR(beta, x[i]!).lt(top));
  return { I: [...groups.slice(0, t).flat(), ...ahead, l], J: [...after, ...groups.slice(t + 1).flat()], beta };
}

/**
 * Lemma 7 on the proof's own split: (1.2) Σ_{i∈I} u_i ≠ 0, and (1.1) for every small α > 0: each
 * g_j − g_i = (v_j − v_i) + αβᵀ(x_i − x_j) is affine in α, positive on some (0, α0] iff v_j − v_i > 0,
 * or = 0 with βᵀ(x_i − x_j) > 0. The negation is confirmed when some of these fails.
 */
export function confirmLemma7Fails(instance: { u: Rational[]; v: Rational[]; x: Rational[][] }): Promise<Confirmation> {
  const route = 'z3: Lemma 7\'s split rebuilt from the proof; (1.1) near α = 0 and (1.2)';
  return guarded(route, async () => {
    const { u, v, x } = instance;
    const { I, J, beta } = lemma7Split(u, v, x);
    const all = [...I, ...J].sort((a, b) => a - b);
    if (I.length === 0 || J.length === 0 || all.length !== u.length || all.some((i, k) => i !== k)) {
      return confirmed(route, { reason: 'the proof\'s split is not a partition into non-empty I, J', I, J });
    }
    return confirmSomeFails(
      route,
      () => [
        { lhs: sum(I.map((i) => lit(u[i]!))), relation: '!=', rhs: ZERO },
        ...I.flatMap((i) =>
          J.map((j) => {
            const a = sub(lit(v[j]!), lit(v[i]!));
            const b = dot(lits(beta), x[i]!.map((xi, k) => lit(xi.sub(x[j]![k]!))));
            return holds(or(gt(a, ZERO), and(eq(a, ZERO), gt(b, ZERO))));
          }),
        ),
      ],
      `with I = {${I.join(', ')}}, J = {${J.join(', ')}}, β = (${beta.join(', ')}): Σ_I u ≠ 0 and every g_j − g_i > 0 for small α`,
      'the proof\'s split meets (1.1) on an interval (0, α0] and (1.2)',
    );
  });
}

/**
 * Eq. (26): with V_{k,j} = ∂l/∂Ŷ_{k,j} = 2(Ŷ_{k,j} − Y_{k,j}) at the least-squares Ŷ = W̃X̃ (so
 * Σ_j V_{k,j}[x_j; 1] = 0, eq. (17)) and the changes Δ_j = −αβᵀx_j ∓ cγ of eqs. (23)–(25) (− on I,
 * + on J), Σ_j V_{k,j}Δ_j = −2cγΣ_{i∈I}V_{k,i}.
 */
export function confirmFirstOrderChange(d: NetworkData, witness: Witness): Promise<Confirmation> {
  const route = 'z3: eq. (26) from W̃ (normal equations), α, β, γ, I, J';
  return guarded(route, async () => {
    const W = rowsOf(hint(witness, 'hint', 'W̃'));
    const k = Number(hint(witness, 'hint', 'row'));
    const alpha = ratOf(hint(witness, 'hint', 'α'));
    const gamma = ratOf(hint(witness, 'hint', 'γ'));
    const beta = vectorOf(hint(witness, 'hint', 'β'));
    const I = (hint(witness, 'hint', 'I') as unknown[]).map(Number);
    const J = (hint(witness, 'hint', 'J') as unknown[]).map(Number);
    const all = [...I, ...J].sort((a, b) => a - b);
    if (all.length !== d.inputs.length || all.some((i, n) => i !== n)) return unconfirmed(route, 'I and J do not split the samples');
    const ok = await premises(`${route} (premises)`, () => normalEquationFacts(W, d.inputs, d.targets), 'W̃ solves the normal equations');
    if (ok.status !== 'confirmed') return ok;
    const { turn } = orientation(d.activation, assumption4Breakpoint(d.activation));
    const c = turn.sPlus.sub(turn.sMinus).div(turn.sPlus.add(turn.sMinus));
    const cg = lit(c.mul(gamma));
    const inI = new Set(I);
    const predictions = linearOutputs(W, d.inputs);
    const V = predictions.map((p, j) => mul(real(2), sub(p[k]!, lit(d.targets[j]![k]!))));
    const change = sum(d.inputs.map((x, j) => mul(V[j]!, sub(neg(mul(lit(alpha), dot(lits(beta), lits(x)))), inI.has(j) ? cg : neg(cg)))));
    return confirmSomeFails(
      route,
      () => [{ lhs: change, relation: '=', rhs: mul(real(-2), cg, sum(I.map((i) => V[i]!))) }],
      'Σ_j V_{k,j}Δ_j = −2cγΣ_{i∈I}V_{k,i}',
      'eq. (26) holds: the αβᵀx part cancels by the normal equations',
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Eq. (4), eqs. (7)–(9), Corollary 2: exact identities, re-decided by z3 from the raw numbers.

/** h_{s−,s+}(x) ≠ h_{−s+,−s−}(−x) (eq. (4) written out): sat confirms that the identity fails. */
export function confirmMirrorIdentityFails(sMinus: Rational, sPlus: Rational, x: Rational): Promise<Confirmation> {
  return confirmSomeFails(
    'z3: h_{s−,s+}(x) and h_{−s+,−s−}(−x) from eq. (4)',
    () => [{ lhs: twoPieceTerm(lit(sMinus), lit(sPlus), lit(x)), relation: '=', rhs: twoPieceTerm(lit(sPlus.neg()), lit(sMinus.neg()), lit(x.neg())) }],
    'h_{s−,s+}(x) = h_{−s+,−s−}(−x)',
    'the identity holds at this x (so the failure came from the library\'s activation)',
  );
}

/** A network of eq. (4) units as the eq-4 check draws it: weights and biases per layer, h_{s−,s+} on the hidden layers. */
export interface TwoPieceNetworkData {
  readonly sMinus: Rational;
  readonly sPlus: Rational;
  readonly weights: Rational[][][];
  readonly biases: Rational[][];
  readonly inputs: Rational[][];
}

/**
 * App. A.2: the network with W′_i = −W_i, b′_i = −b_i on the hidden layers, the output layer kept, and
 * h_{−s+,−s−}, computes the same outputs. Sat (some output differs) confirms that the identity fails.
 */
export function confirmMirrorNetworkFails(d: TwoPieceNetworkData): Promise<Confirmation> {
  const last = d.weights.length - 1;
  const net = (sign: number, sm: Rational, sp: Rational): RawLayer[] =>
    d.weights.map((W, l) => ({
      weights: l === last ? W : W.map((r) => r.map((w) => w.mul(Rational.of(sign)))),
      bias: l === last ? d.biases[l]! : d.biases[l]!.map((b) => b.mul(Rational.of(sign))),
      activation: l === last ? null : (z: Term) => twoPieceTerm(lit(sm), lit(sp), z),
    }));
  return confirmSomeFails(
    'z3: the network and its mirror with h_{−s+,−s−}, written out',
    (q) =>
      d.inputs.flatMap((x, i) => {
        const a = forward(q, net(1, d.sMinus, d.sPlus), x, `original${i + 1}`).out;
        const b = forward(q, net(-1, d.sPlus.neg(), d.sMinus.neg()), x, `mirror${i + 1}`).out;
        return a.map((o, k) => ({ lhs: o, relation: '=' as const, rhs: b[k]! }));
      }),
    'the mirrored network computes the same output on every input',
    'the paper\'s mirror computes the same outputs here (so the failure came from the library\'s map)',
  );
}

/** x̂_i = A_·i ⊗ x_i with A_ji = h′((W_1)_j x_i) = s+ if (W_1)_j x_i > 0, else s− (eqs. (7), (63)). */
function collapsedFeatures(c: CellData): Term[][] {
  const [sm, sp] = slopeTerms(c);
  return c.inputs.map((x) => c.W1.flatMap((_, j) => x.map((xk) => mul(ite(gt(cellSide(c, j, x), ZERO), sp, sm), lit(xk)))));
}

/** Eq. (8) and eq. (64) at every sample: W_2diag(A_·i)W_1x_i = A_·iᵀdiag(W_2)W_1x_i = Ŷ_i = W̄·x̂_i. */
export function confirmEq8Fails(c: CellData & { w2: readonly Rational[] }): Promise<Confirmation> {
  const [sm, sp] = slopeTerms(c);
  const point: CellPoint = { W1: c.W1, w2: c.w2 };
  const network = cellOutputs(c, point);
  const features = collapsedFeatures(c);
  const wbar = lits(collapsed(point));
  return confirmSomeFails(
    'z3: eqs. (8), (64) written out at every sample',
    () =>
      c.inputs.flatMap((x, i): Fact[] => {
        const A = c.W1.map((_, j) => ite(gt(cellSide(c, j, x), ZERO), sp, sm));
        const W1x = c.W1.map((w) => dot(lits(w), lits(x)));
        const lhs = sum(c.w2.map((w, j) => mul(lit(w), mul(A[j]!, W1x[j]!))));
        const rhs = sum(A.map((a, j) => mul(a, mul(lit(c.w2[j]!), W1x[j]!))));
        return [
          { lhs, relation: '=', rhs },
          { lhs, relation: '=', rhs: network[i]! },
          { lhs, relation: '=', rhs: dot(wbar, features[i]!) },
        ];
      }),
    'eq. (8) and eq. (64) at every sample',
    'eqs. (8) and (64) hold at every sample (so the failure came from a library evaluator)',
  );
}

/**
 * Eq. (65) at the cell's point and u, v: R(W_1, W_2) = q(W̄) with q(w) = (1/n)Σ(y_i − w·x̂_i)², the
 * second differences of q are (2/n)Σ x̂_ia x̂_ib, that matrix is positive semidefinite (no z with
 * zᵀHz < 0), and q((u+v)/2) ≤ (q(u) + q(v))/2. Confirmed when one of these fails.
 */
export function confirmConvexityFails(c: CellData & { w2: readonly Rational[] }, u: readonly Rational[], v: readonly Rational[]): Promise<Confirmation> {
  const route = 'z3: eq. (65), its Hessian (2/n)Σx̂x̂ᵀ and midpoint convexity, written out';
  const features = collapsedFeatures(c);
  const n = real(c.inputs.length);
  const q = (w: readonly Term[]): Term => div(sum(features.map((f, i) => square(sub(lit(c.targets[i]![0]!), dot(w, f))))), n);
  const point: CellPoint = { W1: c.W1, w2: c.w2 };
  const wbar = lits(collapsed(point));
  const e = (k: number): Term[] => wbar.map((_, i) => (i === k ? ONE : ZERO));
  const plus = (a: readonly Term[], b: readonly Term[]): Term[] => a.map((x, i) => add(x, b[i]!));
  const hessian = (a: number, b: number): Term => div(mul(real(2), sum(features.map((f) => mul(f[a]!, f[b]!)))), n);
  const ground = confirmSomeFails(
    route,
    () => [
      { lhs: cellRisk(c, point), relation: '=', rhs: q(wbar) },
      ...wbar.flatMap((_, a) =>
        wbar.map((__, b) => ({ lhs: sub(add(q(plus(plus(wbar, e(a)), e(b))), q(wbar)), add(q(plus(wbar, e(a))), q(plus(wbar, e(b))))), relation: '=' as const, rhs: hessian(a, b) })),
      ),
      { lhs: q(lits(u).map((x, i) => div(add(x, lit(v[i]!)), real(2)))), relation: '<=', rhs: div(add(q(lits(u)), q(lits(v))), real(2)) },
    ],
    'R = q(W̄), the second differences of q are (2/n)Σx̂x̂ᵀ, and q((u+v)/2) ≤ (q(u)+q(v))/2',
    'eq. (65), its Hessian and midpoint convexity hold here',
  );
  return ground.then(async (g) => {
    if (g.status === 'confirmed') return g;
    const meaning = 'some z has zᵀ((2/n)Σx̂_ix̂_iᵀ)z < 0';
    const query = new smt.SmtQuery(`${meaning}\nsat: the Hessian is not positive semidefinite`);
    const z = wbar.map((_, k) => query.declare(`z${k + 1}`));
    query.assert(lt(sum(wbar.map((_, a) => mul(z[a]!, sum(wbar.map((__, b) => mul(hessian(a, b), z[b]!)))))), ZERO));
    const psd = await confirmBySmt(`${route} (Hessian)`, query, 'sat', meaning);
    return anyConfirmed([g, psd]);
  });
}

/** The instance of the Corollary 2 check: two points a, b, data and a pattern of pieces. */
export interface OneCellData {
  readonly first: [Rational[][][], Rational[][]];
  readonly second: [Rational[][][], Rational[][]];
  readonly inputs: Rational[][];
  readonly targets: Rational[][];
  readonly pieces: boolean[][];
  readonly widths: number[];
}

/**
 * Corollary 2 at the given slopes (s− = s+ = s for the claim): at b, the network whose unit (i, u) uses
 * the linear function of its chosen piece (s− or s+ times z) equals the real network with h_{s−,s+};
 * and along a + t(b − a), t ∈ {0, ⅓, 1, −2, 5/2}, the real risk equals the risk with every unit on the
 * piece z ↦ s−z. Confirmed when some of these equalities fails.
 */
export function confirmOneCellFails(d: OneCellData, sMinus: Rational, sPlus: Rational): Promise<Confirmation> {
  const real2 = (z: Term): Term => twoPieceTerm(lit(sMinus), lit(sPlus), z);
  const layersAt = ([W, b]: [Rational[][][], Rational[][]]): RawNetwork => ({ layers: W.map((w, l) => ({ weights: w, bias: b[l]! })) });
  const along = (t: Rational): [Rational[][][], Rational[][]] => [
    d.first[0].map((W, l) => W.map((r, i) => r.map((w, k) => w.add(t.mul(d.second[0][l]![i]![k]!.sub(w)))))),
    d.first[1].map((b, l) => b.map((v, i) => v.add(t.mul(d.second[1][l]![i]!.sub(v))))),
  ];
  return confirmSomeFails(
    'z3: the frozen networks of the chosen pattern and the real one, written out',
    (q) => {
      const facts: Fact[] = [];
      d.inputs.forEach((x, i) => {
        // Unit u of hidden layer l is unit offset_l + u of the pattern row: s+ on piece 1, s− on piece 0.
        const offsets = d.widths.map((_, l) => d.widths.slice(0, l).reduce((a, b) => a + b, 0));
        const frozen = rawLayers(layersAt(d.second), real2).map((layer, l) =>
          layer.activation === null ? layer : { ...layer, activation: (z: Term, u: number) => mul(lit(d.pieces[i]![offsets[l]! + u]! ? sPlus : sMinus), z) },
        );
        const real = forward(q, rawLayers(layersAt(d.second), real2), x, `real${i + 1}`).out;
        const fixed = forward(q, frozen, x, `frozen${i + 1}`).out;
        real.forEach((o, k) => facts.push({ lhs: o, relation: '=', rhs: fixed[k]! }));
      });
      for (const t of [Rational.ZERO, Rational.of(1, 3), Rational.ONE, Rational.of(-2), Rational.of(5, 2)]) {
        const point = layersAt(along(t));
        const risk = (act: (z: Term) => Term, name: string): Term =>
          meanSquares(d.inputs.map((x, i) => forward(q, rawLayers(point, act), x, `${name}${i + 1}`).out), d.targets);
        facts.push({ lhs: risk(real2, `line_real_${t.toString().replace(/[^0-9]/g, '_')}_`), relation: '=', rhs: risk((z) => mul(lit(sMinus), z), `line_frozen_${t.toString().replace(/[^0-9]/g, '_')}_`) });
      }
      return facts;
    },
    'every pattern gives the real network at b, and the risk on the line is that of one linear network',
    'with s− = s+ every piece is the same linear function: the frozen and real networks agree',
  );
}

// ---------------------------------------------------------------------------------------------
// Lemmas 2, 3: the losses.

/**
 * Lemma 2 for l(ŷ) = ‖ŷ − y‖² (eq. (5)), ∇l = 2(ŷ − y), written out: l(ŷ + tv) − l(ŷ) − t∇l·v = t²‖v‖²,
 * ∇l(ŷ + w) − ∇l(ŷ) = 2w, and ∇l(ŷ) = 0 iff ŷ = y. Confirmed when one of these fails.
 */
export function confirmSquaredLossFails(p: { y: Rational[]; yHat: Rational[]; v: Rational[]; w: Rational[]; t: Rational }): Promise<Confirmation> {
  const y = lits(p.y);
  const l = (q: readonly Term[]): Term => sum(q.map((qk, k) => square(sub(qk, y[k]!))));
  const grad = (q: readonly Term[]): Term[] => q.map((qk, k) => mul(real(2), sub(qk, y[k]!)));
  const yHat = lits(p.yHat);
  const t = lit(p.t);
  const v = lits(p.v);
  const w = lits(p.w);
  const g = grad(yHat);
  const moved = yHat.map((q, k) => add(q, mul(t, v[k]!)));
  const shifted = grad(yHat.map((q, k) => add(q, w[k]!)));
  return confirmSomeFails(
    'z3: the squared loss and its gradient 2(ŷ − y), written out',
    () => [
      { lhs: sub(sub(l(moved), l(yHat)), mul(t, dot(g, v))), relation: '=', rhs: mul(t, t, dot(v, v)) },
      ...shifted.map((s, k) => ({ lhs: sub(s, g[k]!), relation: '=' as const, rhs: mul(real(2), w[k]!) })),
      holds(eq(ite(and(...g.map((gk) => eq(gk, ZERO))), ONE, ZERO), ite(and(...yHat.map((q, k) => eq(q, y[k]!))), ONE, ZERO))),
    ],
    'the Taylor remainder is t²‖v‖², ∇l(ŷ + w) − ∇l(ŷ) = 2w, and ∇l = 0 iff ŷ = y',
    'Lemma 2\'s identities hold at this point',
  );
}

const CE_DIGITS = 120;
/** A bound on the rounding of the 120-digit evaluation below (a few hundred operations on numbers ≤ e^10). */
const CE_ROUNDING = new Decimal('1e-100');

/**
 * Lemma 3 re-decided in decimal.js at 120 digits (3× the check's), with its own formulas: p = softmax(ŷ),
 * l = log Σe^{ŷ_k} − ŷ_label, ∇l = p − y (eq. (10)). The four statements of the check — the library's
 * gradient (from the witness, if that part failed) matches eq. (10) to 1e-34; every off-label p_j is at
 * least e^{−range}/dY; the central difference with h = 1e-12 matches ∇l·v to 1e-20 (the truncation is at
 * most h²·range(v)³/6 < 1e-21 for these inputs); ‖∇l(ŷ + w) − ∇l(ŷ)‖² ≤ ¼‖w‖² — are decided with margin
 * 1e-100; confirmed when one fails beyond it, contradicted when all hold beyond it.
 */
export function confirmCrossEntropyFails(p: { logits: Rational[]; label: number; v: Rational[]; w: Rational[] }, witness: Witness): Confirmation {
  const route = `decimal.js at ${CE_DIGITS} digits, own softmax formulas`;
  const D = Decimal.clone({ precision: CE_DIGITS });
  const dec = (r: Rational): Decimal => new D(r.num.toString()).div(new D(r.den.toString()));
  const z = p.logits.map(dec);
  const probabilities = (q: readonly Decimal[]): Decimal[] => {
    const top = q.reduce((a, b) => (a.gt(b) ? a : b));
    const e = q.map((x) => x.minus(top).exp());
    const total = e.reduce((a, b) => a.plus(b), new D(0));
    return e.map((x) => x.div(total));
  };
  const lossAt = (q: readonly Decimal[]): Decimal => {
    const top = q.reduce((a, b) => (a.gt(b) ? a : b));
    return q.reduce((a, b) => a.plus(b.minus(top).exp()), new D(0)).ln().plus(top).minus(q[p.label]!);
  };
  const gradient = (q: readonly Decimal[]): Decimal[] => probabilities(q).map((x, j) => (j === p.label ? x.minus(1) : x));
  const g = gradient(z);
  const failures: string[] = [];
  let close = false;
  const decide = (name: string, excess: Decimal): void => {
    if (excess.gt(CE_ROUNDING)) failures.push(name);
    else if (excess.abs().lte(CE_ROUNDING)) close = true;
  };
  // (1) the library's gradient, when the witness carries it.
  const reported = (witness as Record<string, unknown>)['gradient'];
  if (Array.isArray(reported) && (witness as Record<string, unknown>)['eq. (10)'] !== undefined) {
    reported.forEach((x, j) => decide(`∂l/∂ŷ_${j + 1} of the library vs eq. (10)`, new D(String(x)).minus(g[j]!).abs().minus('1e-34')));
  }
  // (2) off-label components.
  const range = dec(p.logits.reduce((a, b) => a.max(b)).sub(p.logits.reduce((a, b) => a.min(b))));
  const floor = range.neg().exp().div(p.logits.length);
  g.forEach((gj, j) => j !== p.label && decide(`∂l/∂ŷ_${j + 1} ≥ e^{−range}/dY`, floor.minus(gj)));
  // (3) the central difference quotient.
  const h = new D('1e-12');
  const at = (s: Decimal): Decimal[] => z.map((x, k) => x.plus(s.times(dec(p.v[k]!))));
  const quotient = lossAt(at(h)).minus(lossAt(at(h.neg()))).div(h.times(2));
  const directional = g.reduce((a, gk, k) => a.plus(gk.times(dec(p.v[k]!))), new D(0));
  decide('difference quotient vs ∇l·v', quotient.minus(directional).abs().minus('1e-20'));
  // (4) the Lipschitz bound.
  const shifted = gradient(z.map((x, k) => x.plus(dec(p.w[k]!))));
  const change = shifted.reduce((a, s, k) => a.plus(s.minus(g[k]!).pow(2)), new D(0));
  decide('‖Δ∇l‖² ≤ ¼‖w‖²', change.minus(dec(p.w.reduce((a, x) => a.add(x.mul(x)), Rational.ZERO)).div(4)));
  if (failures.length > 0) return confirmed(route, { fails: failures });
  if (close) return unconfirmed(route, 'a quantity lies within the rounding bound of its limit');
  return contradicted(route, 'all four statements of Lemma 3 hold here beyond the rounding bound');
}
