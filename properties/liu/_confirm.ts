// liu: the second routes. Each function starts from an instance's raw Rationals and writes its own
// SMT-LIB terms for z3 (or its own decimal.js formulas and its own Monte Carlo); none of them calls
// the library's network, landscape, linear-algebra or geometry code. Witness values are hints only.
import { Decimal } from 'decimal.js';
import {
  Rational,
  allConfirmed,
  confirmBySmt,
  confirmDescentRay,
  confirmed,
  contradicted,
  smt,
  unconfirmed,
  type Confirmation,
  type Dataset,
  type OneHiddenLayerPoint,
} from '../../src/index.ts';

type Term = smt.Term;
type Query = smt.SmtQuery;
type Rows = readonly (readonly Rational[])[];

const { ZERO, ONE } = smt;
const lit = (v: Rational | number): Term => smt.real(v);

// ---------------------------------------------------------------------------------------------
// Raw arithmetic and small term builders

const dotQ = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** Σ_k a_k x_k for terms a and literal x (zero coefficients left out). */
export function dotT(a: readonly Term[], x: readonly Rational[]): Term {
  return smt.add(...a.flatMap((v, k) => (x[k]!.isZero() ? [] : [x[k]!.equals(Rational.ONE) ? v : smt.mul(lit(x[k]!), v)])));
}

const literalRows = (rows: Rows): Term[][] => rows.map((r) => r.map(lit));

/** v ≠ 0 for a vector of unknowns. */
export const nonZero = (v: readonly Term[]): Term => smt.or(...v.map((x) => smt.not(smt.eq(x, ZERO))));

/** a = b entrywise. */
export const equalVectors = (a: readonly Term[], b: readonly Term[]): Term => smt.and(...a.map((x, k) => smt.eq(x, b[k]!)));

/** Matrix (terms) times vector (terms). */
const mulMV = (M: readonly (readonly Term[])[], v: readonly Term[]): Term[] => M.map((row) => smt.add(...row.map((m, k) => smt.mul(m, v[k]!))));

/** Matrix product of term matrices. */
function mulMM(A: readonly (readonly Term[])[], B: readonly (readonly Term[])[]): Term[][] {
  const inner = B.length;
  const cols = B[0]?.length ?? 0;
  return A.map((row) => Array.from({ length: cols }, (_, c) => smt.add(...Array.from({ length: inner }, (_, k) => smt.mul(row[k]!, B[k]![c]!)))));
}

const transposeT = (M: readonly (readonly Term[])[], cols: number): Term[][] => Array.from({ length: cols }, (_, c) => M.map((row) => row[c]!));

/** The negation holds when `build`'s assertion is satisfiable (closed facts or an existential). */
export function confirmSat(route: string, meaning: string, build: (q: Query) => Term): Promise<Confirmation> {
  const q = new smt.SmtQuery(`${meaning}\nsat: it holds (the negation of the claim is confirmed)`);
  q.assert(build(q));
  return confirmBySmt(route, q, 'sat', meaning);
}

/** The negation holds when `build`'s assertion (the statement's side) is unsatisfiable. */
export function confirmUnsat(route: string, meaning: string, build: (q: Query) => Term): Promise<Confirmation> {
  const q = new smt.SmtQuery(`${meaning}\nunsat: no such point (the negation of the claim is confirmed)`);
  q.assert(build(q));
  return confirmBySmt(route, q, 'unsat', meaning);
}

/** A predicate decided by z3: true (sat), false (unsat) or null (no answer), with the query as evidence. */
export interface Decided {
  readonly meaning: string;
  readonly value: boolean | null;
  readonly evidence: Readonly<Record<string, unknown>>;
}

/** Decides a closed or existential predicate. */
export async function satisfiable(meaning: string, build: (q: Query) => Term): Promise<Decided> {
  const c = await confirmSat('z3', meaning, build);
  return { meaning, value: c.status === 'confirmed' ? true : c.status === 'contradicted' ? false : null, evidence: c.status === 'confirmed' ? c.evidence : { reason: c.reason, ...(c.evidence ?? {}) } };
}

/** Confirmed when z3 decided the predicate as the negation of the claim needs it. */
export function expectDecision(route: string, decided: Decided, expected: boolean): Confirmation {
  const name = `${route}: ${decided.meaning} is ${expected}`;
  if (decided.value === null) return unconfirmed(name, 'the solver gave no answer', decided.evidence);
  return decided.value === expected ? confirmed(name, decided.evidence) : contradicted(name, `z3 decides it is ${decided.value}`, decided.evidence);
}

// ---------------------------------------------------------------------------------------------
// The network of Liu §2 and its loss, written from the raw numbers

/** Parameters of a one-hidden-layer network as terms: rows w_j and output weights z_j. */
export interface PointTerms {
  readonly W: readonly (readonly Term[])[];
  readonly Z: readonly Term[];
}

export const literalPoint = (p: OneHiddenLayerPoint): PointTerms => ({ W: literalRows(p.weights), Z: p.outputWeights.map(lit) });

/** A direction (δw, δz) in parameter space. */
export interface Direction {
  readonly dw: Rows;
  readonly dz: readonly Rational[];
}

/** θ + tX for an unknown or literal t. */
export const alongRay = (p: OneHiddenLayerPoint, X: Direction, t: Term): PointTerms => ({
  W: p.weights.map((w, j) => w.map((v, k) => (X.dw[j]![k]!.isZero() ? lit(v) : smt.add(lit(v), smt.mul(t, lit(X.dw[j]![k]!)))))),
  Z: p.outputWeights.map((v, j) => (X.dz[j]!.isZero() ? lit(v) : smt.add(lit(v), smt.mul(t, lit(X.dz[j]!))))),
});

/** Which piece of [·]_+ unit j is on at sample i, where that is known in advance. */
export type PieceOf = (j: number, i: number) => 'active' | 'inactive' | 'either';
const EITHER: PieceOf = () => 'either';

export type LossKind = 'squared' | 'cubic hinge';

/** l(ŷ, y): (ŷ − y)² or max(0, 1 − yŷ)³. */
export function sampleLoss(kind: LossKind, f: Term, y: Rational): Term {
  if (kind === 'squared') {
    const e = smt.sub(f, lit(y));
    return smt.mul(e, e);
  }
  const r = smt.sub(ONE, smt.mul(lit(y), f));
  return smt.ite(smt.gt(r, ZERO), smt.mul(r, r, r), ZERO);
}

/** Σ_j z_j[w_j·x]_+, each product formed only on the active piece. */
export function outputTerm(x: readonly Rational[], p: PointTerms, i: number, piece: PieceOf = EITHER): Term {
  return smt.add(
    ...p.W.map((w, j) => {
      const pre = dotT(w, x);
      const where = piece(j, i);
      if (where === 'inactive') return ZERO;
      const product = smt.mul(p.Z[j]!, pre);
      return where === 'active' ? product : smt.ite(smt.gt(pre, ZERO), product, ZERO);
    }),
  );
}

/** L = (1/N)Σ_i l(Σ_j z_j[w_j·x_i]_+, y_i), each prediction defined once in the query. */
export function lossTerm(q: Query, data: Dataset<Rational>, p: PointTerms, name: string, options: { kind?: LossKind; piece?: PieceOf } = {}): Term {
  const parts = data.inputs.map((x, i) => {
    const f = q.define(q.fresh(`${name}_f${i + 1}`), outputTerm(x, p, i, options.piece));
    return sampleLoss(options.kind ?? 'squared', f, data.targets[i]![0]!);
  });
  return smt.div(smt.add(...parts), lit(data.inputs.length));
}

/** sign(w_j·x_i) from the raw numbers, as [j][i]. */
export function preActivationSigns(inputs: Rows, weights: Rows): (-1 | 0 | 1)[][] {
  return weights.map((w) => inputs.map((x) => dotQ(w, x).sign()));
}

const l1 = (x: readonly Rational[]): Rational => x.reduce((s, v) => s.add(v.abs()), Rational.ZERO);

/**
 * The largest 2^−k ≤ 1 with r‖x_i‖₁ < |w_j·x_i| for every non-zero pre-activation: in the box
 * ‖δ‖∞ ≤ r those keep their sign, so [·]_+ is linear there (the kinks stay as they are).
 */
function signKeepingRadius(inputs: Rows, weights: Rows): Rational {
  let r = Rational.ONE;
  for (const w of weights) {
    for (const x of inputs) {
      const s = dotQ(w, x).abs();
      if (s.isZero()) continue;
      while (!r.mul(l1(x)).lt(s)) r = r.div(Rational.fromInt(2));
    }
  }
  return r;
}

/**
 * θ is a local minimum (maximum) of the squared loss: z3 finds no θ′ with ‖θ′ − θ‖∞ ≤ r and a lower
 * (higher) loss — ≤ (≥) and θ′ ≠ θ when strict. Strictly signed pre-activations keep their piece in
 * the box; kinks stay as [·]_+. For a non-strict minimum a first-order query is asked first:
 * L(θ′) − L(θ) = (1/N)Σ_i(2e_iΔf_i + Δf_i²) ≥ (2/N)Σ_i e_iΔf_i with Δf_i = f_i(θ′) − f_i(θ), so no θ′ in
 * the box with Σ_i e_iΔf_i < 0 certifies the minimum with a query of degree 2 instead of 4.
 */
export async function localExtremum(
  route: string,
  data: Dataset<Rational>,
  point: OneHiddenLayerPoint,
  kind: 'minimum' | 'maximum',
  strict = false,
): Promise<Confirmation> {
  const signs = preActivationSigns(data.inputs, point.weights);
  const piece: PieceOf = (j, i) => (signs[j]![i]! > 0 ? 'active' : signs[j]![i]! < 0 ? 'inactive' : 'either');
  const r0 = signKeepingRadius(data.inputs, point.weights);
  const radii = [r0, r0.div(Rational.fromInt(64)), r0.div(Rational.fromInt(4096))];
  const what = `${strict ? 'strict ' : ''}local ${kind}`;
  const firstOrder = kind === 'minimum' && !strict;
  let last: Confirmation | null = null;
  for (const r of radii) {
    const ask = (relaxed: boolean): Promise<Confirmation> => {
      const worse = kind === 'minimum' ? (strict ? '≤' : '<') : strict ? '≥' : '>';
      const meaning = relaxed
        ? `θ is a local minimum of L: no θ′ with ‖θ′ − θ‖∞ ≤ ${r} has Σ_i e_i(f_i(θ′) − f_i(θ)) < 0, and L(θ′) − L(θ) ≥ (2/N)Σ_i e_i(f_i(θ′) − f_i(θ))`
        : `θ is a ${what} of L: no θ′ with ‖θ′ − θ‖∞ ≤ ${r} ${strict ? '(θ′ ≠ θ) ' : ''}has L(θ′) ${worse} L(θ)`;
      const q = new smt.SmtQuery(`${meaning}\nunsat: no such θ′ (the ${what} is certified)`);
      const W = point.weights.map((w, j) => w.map((_, k) => q.declare(`w_${j + 1}_${k + 1}`)));
      const Z = point.outputWeights.map((_, j) => q.declare(`z_${j + 1}`));
      const coordinates: [Term, Rational][] = [...W.flatMap((row, j) => row.map((v, k): [Term, Rational] => [v, point.weights[j]![k]!])), ...Z.map((v, j): [Term, Rational] => [v, point.outputWeights[j]!])];
      const box = coordinates.map(([v, c]) => smt.and(smt.le(lit(c.sub(r)), v), smt.le(v, lit(c.add(r)))));
      if (relaxed) {
        const theta = literalPoint(point);
        const change = data.inputs.map((x, i) => {
          const e = smt.sub(outputTerm(x, theta, i), lit(data.targets[i]![0]!));
          return smt.mul(e, smt.sub(outputTerm(x, { W, Z }, i, piece), outputTerm(x, theta, i)));
        });
        q.assert(smt.and(...box, smt.lt(smt.add(...change), ZERO)));
        return confirmBySmt(route, q, 'unsat', meaning);
      }
      const L0 = q.define('L_theta', lossTerm(q, data, literalPoint(point), 'theta'));
      const L = q.define('L_near', lossTerm(q, data, { W, Z }, 'near', { piece }));
      const compare = kind === 'minimum' ? (strict ? smt.le(L, L0) : smt.lt(L, L0)) : strict ? smt.ge(L, L0) : smt.gt(L, L0);
      const moved = strict ? [smt.or(...coordinates.map(([v, c]) => smt.not(smt.eq(v, lit(c)))))] : [];
      q.assert(smt.and(...box, ...moved, compare));
      return confirmBySmt(route, q, 'unsat', meaning);
    };
    if (firstOrder) {
      const relaxed = await ask(true);
      if (relaxed.status === 'confirmed') return relaxed;
    }
    last = await ask(false);
    if (last.status !== 'contradicted') return last;
  }
  return unconfirmed(route, `no radius down to ${radii[radii.length - 1]!} certifies the ${what}`, last?.evidence);
}

/** L(θ + tX) < L(θ) (descent) or > L(θ) (ascent) for every t in (0, t₀]. */
export function lossRay(route: string, data: Dataset<Rational>, point: OneHiddenLayerPoint, X: Direction, direction: 'descent' | 'ascent', halvings = 16): Promise<Confirmation> {
  return confirmDescentRay(route, {
    base: (q) => lossTerm(q, data, literalPoint(point), 'theta'),
    along: (q, t) => lossTerm(q, data, alongRay(point, X, t), 'ray'),
    direction,
    halvings,
  });
}

/** The unit directions ±e_k of parameter space. */
function coordinateDirections(point: OneHiddenLayerPoint): Direction[] {
  const zeroW = point.weights.map((w) => w.map(() => Rational.ZERO));
  const zeroZ = point.outputWeights.map(() => Rational.ZERO);
  const out: Direction[] = [];
  for (const s of [Rational.ONE, Rational.MINUS_ONE]) {
    point.weights.forEach((w, j) => w.forEach((_, k) => out.push({ dw: zeroW.map((row, a) => row.map((v, b) => (a === j && b === k ? s : v))), dz: zeroZ })));
    point.outputWeights.forEach((_, j) => out.push({ dw: zeroW, dz: zeroZ.map((v, a) => (a === j ? s : v)) }));
  }
  return out;
}

/**
 * L is not constant near θ: a certified descent or ascent ray, along the hinted direction first,
 * then along the coordinate directions.
 */
export async function notLocallyConstant(route: string, data: Dataset<Rational>, point: OneHiddenLayerPoint, hint: Direction | null, wanted: 'descent' | 'ascent' | 'either' = 'either'): Promise<Confirmation> {
  const kinds: ('descent' | 'ascent')[] = wanted === 'either' ? ['descent', 'ascent'] : [wanted];
  const tries: Confirmation[] = [];
  const directions = [...(hint === null ? [] : [{ X: hint, halvings: 16 }]), ...coordinateDirections(point).map((X) => ({ X, halvings: 6 }))];
  for (const { X, halvings } of directions) {
    for (const k of kinds) {
      const c = await lossRay(route, data, point, X, k, halvings);
      if (c.status === 'confirmed') return c;
      tries.push(c);
    }
  }
  return unconfirmed(route, `no ${wanted === 'either' ? 'descent or ascent' : wanted} ray certified along ${tries.length} directions`);
}

/** Reads a direction hint {dw, dz} from a witness (strings), or null. */
export function directionHint(value: unknown): Direction | null {
  const v = value as { dw?: unknown; dz?: unknown } | undefined;
  if (typeof v !== 'object' || v === null || !Array.isArray(v.dw) || !Array.isArray(v.dz)) return null;
  try {
    return { dw: (v.dw as unknown[][]).map((row) => row.map((s) => Rational.parse(String(s)))), dz: (v.dz as unknown[]).map((s) => Rational.parse(String(s))) };
  } catch {
    return null;
  }
}

/** Reads a point {z, w} from a witness (strings), or null. */
export function pointHint(witness: Readonly<Record<string, unknown>>): OneHiddenLayerPoint | null {
  const z = witness['z'];
  const w = witness['w'];
  if (!Array.isArray(z) || !Array.isArray(w)) return null;
  try {
    return {
      weights: (w as unknown[][]).map((row) => row.map((s) => Rational.parse(String(s)))),
      biases: null,
      outputWeights: (z as unknown[]).map((s) => Rational.parse(String(s))),
      outputBias: null,
    };
  } catch {
    return null;
  }
}

/** w·x with every product written out (ground facts stay readable in the stored query). */
const preTerm = (w: readonly Rational[], x: readonly Rational[]): Term => smt.add(...w.map((v, k) => smt.mul(lit(v), lit(x[k]!))));

/** Every pre-activation w_j·x_i is non-zero (the loss is differentiable at θ). */
export function differentiableAt(route: string, data: Dataset<Rational>, point: OneHiddenLayerPoint): Promise<Confirmation> {
  return confirmSat(route, 'every pre-activation w_j·x_i is non-zero: L is differentiable at θ', () =>
    smt.and(...point.weights.flatMap((w) => data.inputs.map((x) => smt.not(smt.eq(preTerm(w, x), ZERO))))),
  );
}

/** Some pre-activation w_j·x_i is zero (θ is on a kink of the arrangement). */
export function onAKink(route: string, data: Dataset<Rational>, point: OneHiddenLayerPoint): Promise<Confirmation> {
  return confirmSat(route, 'some pre-activation w_j·x_i is zero: θ lies on a face of the arrangement', () =>
    smt.or(...point.weights.flatMap((w) => data.inputs.map((x) => smt.eq(preTerm(w, x), ZERO)))),
  );
}

/** e_i = Σ_k I_ik z_k w_k·x_i − y_i with I_ik = 1(w_k·x_i > 0), as terms of the literal point. */
function errorTerms(data: Dataset<Rational>, point: OneHiddenLayerPoint): Term[] {
  return data.inputs.map((x, i) => smt.sub(outputTerm(x, literalPoint(point), i), lit(data.targets[i]![0]!)));
}

const indicatorTerm = (w: readonly Rational[], x: readonly Rational[]): Term => smt.ite(smt.gt(dotT(w.map(lit), x), ZERO), ONE, ZERO);

/** ∂L/∂R_j = (2/N)Σ_i e_i I_ij x_i for every unit j, as terms (eq. (2) differentiated in R). */
export function gradientInR(data: Dataset<Rational>, point: OneHiddenLayerPoint): Term[][] {
  const e = errorTerms(data, point);
  const scale = lit(Rational.of(2, data.inputs.length));
  return point.weights.map((w) =>
    w.map((_, k) => smt.mul(scale, smt.add(...data.inputs.map((x, i) => (x[k]!.isZero() ? ZERO : smt.mul(e[i]!, indicatorTerm(w, x), lit(x[k]!))))))),
  );
}

/** The gradient of L(z, w) at a differentiable θ: ∂L/∂z_j = (2/N)Σ e_i[w_j·x_i]_+, ∂L/∂w_j = (2/N)Σ e_i z_j I_ij x_i. */
export function gradientInZW(data: Dataset<Rational>, point: OneHiddenLayerPoint): Term[] {
  const e = errorTerms(data, point);
  const scale = lit(Rational.of(2, data.inputs.length));
  const dz = point.weights.map((w) => smt.mul(scale, smt.add(...data.inputs.map((x, i) => smt.mul(e[i]!, smt.relu(dotT(w.map(lit), x)))))));
  const dw = gradientInR(data, point).map((g, j) => g.map((v) => smt.mul(lit(point.outputWeights[j]!), v)));
  return [...dw.flat(), ...dz];
}

/** Some entry of a vector of ground terms is non-zero. */
export function someNonZero(route: string, meaning: string, terms: readonly Term[]): Promise<Confirmation> {
  return confirmSat(route, meaning, () => nonZero(terms));
}

/**
 * Theorem 2's recipe at θ: every w_j·x_i has the region's strict sign; Σ_i e_i I_ij x_i = 0 for the
 * stationary units (BR̃ = b); for the others z_j = 0, g_j = Σ_i e_i I_ij x_i ≠ 0 and g_j·w_j = 0 (C.4).
 */
export function saddleRecipe(data: Dataset<Rational>, point: OneHiddenLayerPoint, region: readonly (readonly number[])[], stationary: readonly number[]): Term {
  const g = point.weights.map((_, j) => hyperplaneNormal(data, point, j));
  return smt.and(
    ...point.weights.flatMap((w, j) => data.inputs.map((x, i) => (region[j]![i]! > 0 ? smt.gt : smt.lt)(preTerm(w, x), ZERO))),
    ...point.weights.map((w, j) =>
      stationary.includes(j)
        ? equalVectors(g[j]!, g[j]!.map(() => ZERO))
        : smt.and(smt.eq(lit(point.outputWeights[j]!), ZERO), nonZero(g[j]!), smt.eq(dotT(g[j]!, w), ZERO)),
    ),
  );
}

/** g_j = Σ_i e_i I_ij x_i at θ: the normal of (C.4) (∂L/∂R_j up to 2/N). */
export function hyperplaneNormal(data: Dataset<Rational>, point: OneHiddenLayerPoint, j: number): Term[] {
  const e = errorTerms(data, point);
  const w = point.weights[j]!;
  return w.map((_, k) => smt.add(...data.inputs.map((x, i) => smt.mul(e[i]!, indicatorTerm(w, x), lit(x[k]!)))));
}

/** ∂L/∂z_j = (2/N)Σ_i e_i[w_j·x_i]_+ at θ with w_j replaced by `moved`, as a term. */
export function outputWeightDerivative(data: Dataset<Rational>, point: OneHiddenLayerPoint, j: number, moved: readonly Rational[]): Term {
  const p = { ...point, weights: point.weights.map((w, u) => (u === j ? [...moved] : w)) };
  const e = errorTerms(data, p);
  return smt.mul(lit(Rational.of(2, data.inputs.length)), smt.add(...data.inputs.map((x, i) => smt.mul(e[i]!, smt.relu(preTerm(moved, x))))));
}

/** Σ_j I_ij R_j·x_i with I_ij = 1(w_j·x_i > 0) and R_j = z_j w_j: the prediction of eq. (2), as a term. */
export function reparametrisedPrediction(x: readonly Rational[], point: OneHiddenLayerPoint): Term {
  return smt.add(...point.weights.map((w, j) => smt.mul(indicatorTerm(w, x), smt.add(...w.map((v, k) => smt.mul(lit(point.outputWeights[j]!), lit(v), lit(x[k]!)))))));
}

// ---------------------------------------------------------------------------------------------
// §7.1 and App. E.1: parallel weights w_k = n_k(i, −h_k), z_k = n_k, on homogeneous inputs

/** The point of §7.1 by its definition: w_k = n_k(1, 0, …, 0, −h_k) (i = e_1, last entry the homogeneous one), z_k = n_k. */
export function parallelPointFromRaw(normals: readonly (1 | -1)[], h: readonly Rational[], d: number): OneHiddenLayerPoint {
  return {
    weights: normals.map((n, k) => Array.from({ length: d + 1 }, (_, c) => (c === 0 ? Rational.fromInt(n) : c === d ? h[k]!.mul(Rational.fromInt(-n)) : Rational.ZERO))),
    biases: null,
    outputWeights: normals.map((n) => Rational.fromInt(n)),
    outputBias: null,
  };
}

/** I_ik = 1 iff n_k(x_i − h_k) > 0, as a term. */
export const parallelIndicator = (x: Rational, n: 1 | -1, h: Term): Term => smt.ite(smt.gt(smt.mul(lit(n), smt.sub(lit(x), h)), ZERO), ONE, ZERO);

/**
 * F(l, k) = Σ_i I_il I_ik and f(l) = Σ_i I_il(Σ_k I_ik x_i − y_i): (21)/(E.2)–(E.3) summed sample by
 * sample instead of region by region.
 */
export function parallelSystemTerms(x: readonly Rational[], y: readonly Rational[], normals: readonly (1 | -1)[], h: readonly Term[]): { F: Term[][]; f: Term[] } {
  const I = x.map((xi) => normals.map((n, k) => parallelIndicator(xi, n, h[k]!)));
  const F = normals.map((_, l) => normals.map((__, k) => smt.add(...x.map((_x, i) => smt.mul(I[i]![l]!, I[i]![k]!)))));
  const f = normals.map((_, l) => smt.add(...x.map((xi, i) => smt.mul(I[i]![l]!, smt.sub(smt.mul(smt.add(...I[i]!), lit(xi)), lit(y[i]!))))));
  return { F, f };
}

// ---------------------------------------------------------------------------------------------
// Lemma 2 / Theorem 3: w_m on the hyperplane of x_n

/** Theorem 3's setting at θ: w_m·x_n = 0, z_m ≠ 0, every other pre-activation non-zero. */
export function boundaryPlacement(point: OneHiddenLayerPoint, inputs: Rows, m: number, n: number): Term {
  return smt.and(
    smt.not(smt.eq(lit(point.outputWeights[m]!), ZERO)),
    ...point.weights.flatMap((w, j) => inputs.map((x, i) => (j === m && i === n ? smt.eq(preTerm(w, x), ZERO) : smt.not(smt.eq(preTerm(w, x), ZERO))))),
  );
}

/**
 * DR = d of (17) at θ, written as the stationarity it encodes: Σ_i e_i I_ij x_i = 0 for j ≠ m and
 * Σ_{i≠n} e_i I_im x_i = α x_n for an unknown α (plus x_n·R_m = 0); and the left sides of (18),
 * z_m Σ_{i≠n} e_i I_im x_i·x_n, and (19), that plus z_m e_n |x_n|².
 */
export function boundaryConditions(q: Query, data: Dataset<Rational>, point: OneHiddenLayerPoint, m: number, n: number): { system: Term; side18: Term; side19: Term } {
  const e = errorTerms(data, point).map((v, i) => q.define(`e_${i + 1}`, v));
  const I = point.weights.map((w) => data.inputs.map((x) => indicatorTerm(w, x)));
  const xn = data.inputs[n]!;
  const alpha = q.declare('alpha');
  const weighted = (j: number, skip: number | null): Term[] =>
    xn.map((_, k) => smt.add(...data.inputs.flatMap((x, i) => (i === skip || x[k]!.isZero() ? [] : [smt.mul(e[i]!, I[j]![i]!, lit(x[k]!))]))));
  const rows = point.weights.flatMap((_, j) =>
    j === m ? weighted(j, n).map((v, k) => smt.eq(v, smt.mul(alpha, lit(xn[k]!)))) : weighted(j, null).map((v) => smt.eq(v, ZERO)),
  );
  const Rm = point.weights[m]!.map((v) => v.mul(point.outputWeights[m]!));
  const system = smt.and(...rows, smt.eq(preTerm(Rm, xn), ZERO));
  const zm = lit(point.outputWeights[m]!);
  const first = smt.add(...data.inputs.flatMap((x, i) => (i === n ? [] : [smt.mul(e[i]!, I[m]![i]!, lit(dotQ(x, xn)))])));
  const side18 = q.define('side18', smt.mul(zm, first));
  const side19 = q.define('side19', smt.add(side18, smt.mul(zm, e[n]!, lit(dotQ(xn, xn)))));
  return { system, side18, side19 };
}

// ---------------------------------------------------------------------------------------------
// One cell (I_ij fixed) of Liu §3–§4: L(R) = (1/N)‖AR − y‖², its minimisers, criteria (10)–(13)

/** A of eq. (6) from the cell's signs: row i is (I_i1 x_iᵀ, …, I_iK x_iᵀ). */
export function cellDesign(inputs: Rows, region: readonly (readonly number[])[]): Rational[][] {
  return inputs.map((x, i) => region.flatMap((signs) => x.map((v) => (signs[i]! > 0 ? v : Rational.ZERO))));
}

/** R as K·d unknowns, block by block. */
function declareBlocks(q: Query, K: number, d: number, name: string): Term[][] {
  return Array.from({ length: K }, (_, j) => Array.from({ length: d }, (_, k) => q.declare(`${name}_${j + 1}_${k + 1}`)));
}

/** AᵀAR = Aᵀy: R minimises ‖AR − y‖² (the normal equations). */
function normalEquations(A: Rows, y: readonly Rational[], R: readonly Term[]): Term {
  const residual = A.map((row, i) => smt.sub(dotT(R, row), lit(y[i]!)));
  return smt.and(...(A[0] ?? []).map((_, c) => smt.eq(smt.add(...A.flatMap((row, i) => (row[c]!.isZero() ? [] : [smt.mul(lit(row[c]!), residual[i]!)]))), ZERO)));
}

/** (1/N)‖AR − y‖² for terms R. */
function cellLoss(A: Rows, y: readonly Rational[], R: readonly Term[]): Term {
  return smt.div(smt.add(...A.map((row, i) => smt.square(smt.sub(dotT(R, row), lit(y[i]!))))), lit(A.length));
}

/** σ R_j·x_i > 0 where unit j is active and ≤ 0 (closed, as (10) writes it) or < 0 (open cell) where it is not. */
function signsFor(Rj: readonly Term[], inputs: Rows, signs: readonly number[], sigma: 1 | -1, inactive: 'closed' | 'open'): Term {
  return smt.and(
    ...inputs.map((x, i) => {
      const s = sigma > 0 ? dotT(Rj, x) : smt.neg(dotT(Rj, x));
      return signs[i]! > 0 ? smt.gt(s, ZERO) : inactive === 'closed' ? smt.le(s, ZERO) : smt.lt(s, ZERO);
    }),
  );
}

export interface CellData {
  readonly data: Dataset<Rational>;
  /** region[j][i] = sign of w_j·x_i in the cell. */
  readonly region: readonly (readonly number[])[];
}

/**
 * The paper's criterion as an existential: some minimiser R of the cell's loss (a solution of the
 * normal equations, i.e. A⁺y + (I − A⁺A)c for some c) satisfies (11) or (12) for every unit.
 */
export function paperCriterionHolds({ data, region }: CellData): Promise<Decided> {
  const A = cellDesign(data.inputs, region);
  const y = data.targets.map((t) => t[0]!);
  const d = data.inputs[0]!.length;
  return satisfiable('the criterion (some minimiser R of (5) meets (11) or (12) for every unit)', (q) => {
    const R = declareBlocks(q, region.length, d, 'R');
    const perUnit = R.map((Rj, j) => smt.or(signsFor(Rj, data.inputs, region[j]!, 1, 'closed'), signsFor(Rj, data.inputs, region[j]!, -1, 'closed')));
    return smt.and(normalEquations(A, y, R.flat()), ...perUnit);
  });
}

/**
 * A genuine point exists: some minimiser R with, per unit, R_j = 0 (z_j = 0) or ±R_j strictly inside
 * the unit's open cell. Unsatisfiable means no minimiser of the cell is realised inside it.
 */
export function genuinePointExists({ data, region }: CellData): Promise<Decided> {
  const A = cellDesign(data.inputs, region);
  const y = data.targets.map((t) => t[0]!);
  const d = data.inputs[0]!.length;
  return satisfiable('a genuine point (a minimiser R of (5) inside the open cell: z_j = ±1, or z_j = 0 with R_j = 0)', (q) => {
    const R = declareBlocks(q, region.length, d, 'R');
    const perUnit = R.map((Rj, j) =>
      smt.or(equalVectors(Rj, Rj.map(() => ZERO)), signsFor(Rj, data.inputs, region[j]!, 1, 'open'), signsFor(Rj, data.inputs, region[j]!, -1, 'open')),
    );
    return smt.and(normalEquations(A, y, R.flat()), ...perUnit);
  });
}

/** R* is not unique (case 2) iff A v = 0 for some v ≠ 0. */
export function nonUniqueMinimiser({ data, region }: CellData): Promise<Decided> {
  const A = cellDesign(data.inputs, region);
  return satisfiable('A v = 0 for some v ≠ 0 (R* not unique)', (q) => {
    const v = (A[0] ?? []).map((_, k) => q.declare(`v_${k + 1}`));
    return smt.and(nonZero(v), ...A.map((row) => smt.eq(dotT(v, row), ZERO)));
  });
}

/**
 * θ is a genuine differentiable local minimum of its cell: every w_j·x_i has the cell's strict sign,
 * and no R has a lower cell loss than L(θ) — near θ, L(z, w) is the cell's L(R) at R = (z_j w_j),
 * so θ is then a local minimum of L(z, w).
 */
export function genuineMinimumAt(route: string, cell: CellData, point: OneHiddenLayerPoint): Promise<Confirmation> {
  const { data, region } = cell;
  const A = cellDesign(data.inputs, region);
  const y = data.targets.map((t) => t[0]!);
  const R0 = point.weights.flatMap((w, j) => w.map((v) => v.mul(point.outputWeights[j]!)));
  return Promise.all([
    confirmSat(`${route}: θ inside the open cell`, 'every w_j·x_i has the sign of the cell', () =>
      smt.and(...point.weights.flatMap((w, j) => data.inputs.map((x, i) => (region[j]![i]! > 0 ? smt.gt : smt.lt)(dotT(w.map(lit), x), ZERO)))),
    ),
    confirmUnsat(`${route}: L(θ) is the minimum of the cell`, 'some R has a lower cell loss (1/N)‖AR − y‖² than R(θ) = (z_j w_j)', (q) => {
      const R = declareBlocks(q, region.length, data.inputs[0]!.length, 'R');
      return smt.lt(cellLoss(A, y, R.flat()), cellLoss(A, y, R0.map(lit)));
    }),
    localExtremum(`${route}: local minimum of L(z, w)`, data, point, 'minimum'),
  ]).then((parts) => allConfirmed(route, parts));
}

/** Some R has a lower cell loss (1/N)‖AR − y‖² than L(θ), in the cell of θ's own signs. */
export function cellMinimumBelow(route: string, data: Dataset<Rational>, point: OneHiddenLayerPoint): Promise<Confirmation> {
  const A = cellDesign(data.inputs, preActivationSigns(data.inputs, point.weights));
  const y = data.targets.map((t) => t[0]!);
  return confirmSat(route, 'some R has (1/N)‖AR − y‖² < L(θ) in the cell of θ', (q) => {
    const R = declareBlocks(q, point.weights.length, data.inputs[0]!.length, 'R');
    return smt.lt(cellLoss(A, y, R.flat()), lossTerm(q, data, literalPoint(point), 'theta'));
  });
}

// ---------------------------------------------------------------------------------------------
// App. F: L(R) of one cell for a convex l, its Hessian (F.1) and its second differences

/** A point R of a cell (signs fixed by `region`) and the convex loss l. */
export interface CellPoint extends CellData {
  readonly R: Rows;
  readonly kind: LossKind;
}

/** x̃_i = (I_i1 x_i, …, I_iK x_i) of (F.2). */
const lifted = ({ data, region }: CellData): Rational[][] => cellDesign(data.inputs, region);

/** l''(ŷ_i, y_i) at R: 2, or 6y²·max(0, 1 − yŷ) for the cubic hinge. */
function secondDerivatives(cp: CellPoint): Term[] {
  const X = lifted(cp);
  const R = cp.R.flat();
  return X.map((row, i) => {
    if (cp.kind === 'squared') return lit(2);
    const y = cp.data.targets[i]![0]!;
    return smt.mul(lit(y.mul(y).mul(Rational.fromInt(6))), smt.relu(smt.sub(ONE, smt.mul(lit(y), lit(dotQ(row, R))))));
  });
}

/** vᵀ(F.1)v = (1/N)Σ_i l''_i (x̃_i·v)², the quadratic form of the paper's Hessian. */
export function formulaQuadraticForm(cp: CellPoint, v: readonly Term[]): Term {
  const c = secondDerivatives(cp);
  return smt.div(smt.add(...lifted(cp).map((row, i) => smt.mul(c[i]!, smt.square(dotT(v, row))))), lit(cp.data.inputs.length));
}

/** (F.1) entry (a, b): (1/N)Σ_i l''_i x̃_ia x̃_ib. */
export function formulaEntry(cp: CellPoint, a: number, b: number): Term {
  const c = secondDerivatives(cp);
  return smt.div(smt.add(...lifted(cp).flatMap((row, i) => (row[a]!.isZero() || row[b]!.isZero() ? [] : [smt.mul(c[i]!, lit(row[a]!.mul(row[b]!)))]))), lit(cp.data.inputs.length));
}

/** L(R) = (1/N)Σ_i l(x̃_i·R, y_i) in the cell, for terms R (flat). */
export function cellConvexLoss(cp: CellData & { kind: LossKind }, R: readonly Term[]): Term {
  return smt.div(smt.add(...lifted(cp).map((row, i) => sampleLoss(cp.kind, dotT(R, row), cp.data.targets[i]![0]!))), lit(cp.data.inputs.length));
}

/**
 * A step s such that on [0, 3s] along u every w_j·x_i keeps the cell's strict sign and every hinge
 * residual 1 − yŷ_i keeps its sign (or starts at 0): L(R + tu) is then one polynomial of degree ≤ 3.
 */
function polynomialStep(cp: CellPoint, u: readonly Rational[]): Rational | null {
  const d = cp.data.inputs[0]!.length;
  const X = lifted(cp);
  const R = cp.R.flat();
  const fits = (s: Rational): boolean => {
    const moved = R.map((v, k) => v.add(s.mul(Rational.fromInt(3)).mul(u[k]!)));
    const signsKept = cp.region.every((signs, j) =>
      cp.data.inputs.every((x, i) => dotQ(R.slice(j * d, (j + 1) * d), x).sign() === signs[i] && dotQ(moved.slice(j * d, (j + 1) * d), x).sign() === signs[i]),
    );
    if (!signsKept || cp.kind === 'squared') return signsKept;
    return X.every((row, i) => {
      const y = cp.data.targets[i]![0]!;
      const r0 = Rational.ONE.sub(y.mul(dotQ(row, R)));
      const r1 = Rational.ONE.sub(y.mul(dotQ(row, moved)));
      return r0.isZero() || r0.sign() === r1.sign();
    });
  };
  let s = Rational.ONE;
  for (let k = 0; k < 60; k++, s = s.div(Rational.fromInt(2))) if (fits(s)) return s;
  return null;
}

/**
 * Some entry of the Hessian of the network loss in w at z = 1, w = R differs from `formula`: each
 * second directional derivative is read exactly off the cubic through L(R + ks u), k = 0..3
 * (p''(0) = (2p₀ − 5p₁ + 4p₂ − p₃)/s²), mixed entries by polarisation.
 */
export async function hessianDiffersFrom(route: string, cp: CellPoint, formula: (a: number, b: number) => Term): Promise<Confirmation> {
  const n = cp.R.flat().length;
  const d = cp.data.inputs[0]!.length;
  const unit = (a: number, b: number | null): Rational[] => Array.from({ length: n }, (_, k) => (k === a || k === b ? Rational.ONE : Rational.ZERO));
  const directions: { a: number; b: number; u: Rational[] }[] = [];
  for (let a = 0; a < n; a++) for (let b = a; b < n; b++) directions.push({ a, b, u: unit(a, a === b ? null : b) });
  const steps = directions.map(({ u }) => polynomialStep(cp, u));
  if (steps.some((st) => st === null)) return unconfirmed(route, 'no step keeps L(R + tu) one polynomial along every direction');
  const meaning = 'some entry of the network Hessian in w at z = 1, w = R (exact second differences of a cubic piece) differs from (F.1)';
  return confirmSat(route, meaning, (q) => {
    const ones = cp.region.map(() => ONE);
    const lossAt = (u: readonly Rational[], t: Rational): Term => {
      const w = cp.R.map((Rj, j) => Rj.map((v, k) => lit(v.add(t.mul(u[j * d + k]!)))));
      return lossTerm(q, cp.data, { W: w, Z: ones }, 'L', { kind: cp.kind });
    };
    const second = directions.map(({ u }, m) => {
      const s = steps[m]!;
      const p = [0, 1, 2, 3].map((k) => q.define(q.fresh('p'), lossAt(u, s.mul(Rational.fromInt(k)))));
      const numerator = smt.add(smt.mul(lit(2), p[0]!), smt.mul(lit(-5), p[1]!), smt.mul(lit(4), p[2]!), smt.neg(p[3]!));
      return q.define(q.fresh('D2'), smt.div(numerator, lit(s.mul(s))));
    });
    const D2 = (a: number, b: number): Term => second[directions.findIndex((x) => x.a === a && x.b === b)]!;
    const entry = (a: number, b: number): Term => (a === b ? D2(a, a) : smt.div(smt.sub(D2(a, b), smt.add(D2(a, a), D2(b, b))), lit(2)));
    return smt.or(...directions.map(({ a, b }) => smt.not(smt.eq(entry(a, b), formula(a, b)))));
  });
}

// ---------------------------------------------------------------------------------------------
// Linear algebra written as constraints: the Moore–Penrose inverse and inverses as unknowns

/**
 * M⁺ as unknowns: X = MᵀY with MᵀMX = Mᵀ. The least-squares solutions of MX ≈ I lying in the row
 * space of M are exactly one matrix, the Moore–Penrose inverse, so the constraints define it.
 */
export function pseudoInverseTerms(q: Query, M: Rows, cols: number, name: string): Term[][] {
  const m = M.length;
  const Mt = transposeT(literalRows(M), cols); // n × m
  const Y = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => q.declare(`${name}_Y_${a + 1}_${b + 1}`)));
  const X = mulMM(Mt, Y).map((row, a) => row.map((v, b) => q.define(`${name}_${a + 1}_${b + 1}`, v))); // n × m
  const MtM = mulMM(Mt, literalRows(M));
  q.assert(smt.and(...mulMM(MtM, X).flatMap((row, a) => row.map((v, b) => smt.eq(v, Mt[a]![b]!)))));
  return X;
}

/** S⁻¹ as unknowns with S·Z = I (S square and non-singular). */
export function inverseTerms(q: Query, S: readonly (readonly Term[])[], name: string): Term[][] {
  const n = S.length;
  const Z = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => q.declare(`${name}_${a + 1}_${b + 1}`)));
  q.assert(smt.and(...mulMM(S, Z).flatMap((row, a) => row.map((v, b) => smt.eq(v, a === b ? ONE : ZERO)))));
  return Z;
}

/** M v = 0 for some v ≠ 0 (the columns of M are dependent). */
export function columnsDependent(M: Rows, cols: number): Promise<Decided> {
  return satisfiable('M v = 0 for some v ≠ 0', (q) => {
    const v = Array.from({ length: cols }, (_, k) => q.declare(`v_${k + 1}`));
    return smt.and(nonZero(v), ...M.map((row) => smt.eq(dotT(v, row), ZERO)));
  });
}

/** vᵀM = 0 for some v ≠ 0 (the rows of M are dependent). */
export function rowsDependent(M: Rows, cols: number): Promise<Decided> {
  return satisfiable('vᵀ M = 0 for some v ≠ 0', (q) => {
    const v = M.map((_, k) => q.declare(`v_${k + 1}`));
    return smt.and(nonZero(v), ...Array.from({ length: cols }, (_, c) => smt.eq(dotT(v, M.map((row) => row[c]!)), ZERO)));
  });
}

/** The product of two rational matrices, by the definition. */
export function rationalProduct(A: Rows, B: Rows, cols: number): Rational[][] {
  return A.map((row) => Array.from({ length: cols }, (_, c) => row.reduce((s, v, k) => s.add(v.mul(B[k]![c]!)), Rational.ZERO)));
}

/** Matrices of terms: literal rows, products, transpose, entrywise equality, identity, difference. */
export const termMatrix = {
  literal: literalRows,
  mul: mulMM,
  mulVec: mulMV,
  transpose: transposeT,
  equal: (A: readonly (readonly Term[])[], B: readonly (readonly Term[])[]): Term => smt.and(...A.flatMap((row, a) => row.map((v, b) => smt.eq(v, B[a]![b]!)))),
  identity: (n: number): Term[][] => Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => (a === b ? ONE : ZERO))),
  sub: (A: readonly (readonly Term[])[], B: readonly (readonly Term[])[]): Term[][] => A.map((row, a) => row.map((v, b) => smt.sub(v, B[a]![b]!))),
};

// ---------------------------------------------------------------------------------------------
// §7.2–7.3: the two-Gaussian quantities in decimal.js, and a Monte Carlo of our own

/** Working digits of the second route (three times the 40 of the first). */
export const SECOND_ROUTE_DIGITS = 120;
const Dx = Decimal.clone({ precision: SECOND_ROUTE_DIGITS, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });
/** Every Φ and φ below is within this of the true value for |x| ≤ 12 (see normalCdf). */
export const NORMAL_ERROR = new Dx('1e-90');
const SQRT_2PI = new Dx(2).times(Dx.acos(-1)).sqrt();

/** φ(x) = e^{−x²/2}/√(2π). */
export function normalPdf(x: Decimal.Value): Decimal {
  const v = new Dx(x);
  return v.times(v).div(-2).exp().div(SQRT_2PI);
}

/**
 * Φ(x) = ½ + (1/√(2π)) Σ_n (−1)^n x^{2n+1} / (2^n n! (2n+1)), the alternating Taylor series of
 * erf. For |x| ≤ 12 the largest term is below e^{x²/2} < 10^32, so 120 digits leave > 85 after
 * cancellation; the sum stops once the terms decrease and drop below 10^−110, and an alternating
 * series with decreasing terms is then within its first omitted term.
 */
export function normalCdf(x: Decimal.Value): Decimal {
  const v = new Dx(x);
  if (v.abs().gt(12)) throw new RangeError(`normalCdf: |x| ≤ 12, got ${v.toString()}`);
  const x2 = v.times(v);
  const tiny = new Dx('1e-110');
  let power = v; // (−1)^n x^{2n+1} / (2^n n!)
  let sum = v;
  for (let n = 1; ; n++) {
    power = power.times(x2).div(-2 * n);
    const term = power.div(2 * n + 1);
    sum = sum.plus(term);
    if (n > x2.toNumber() && term.abs().lt(tiny)) break;
  }
  return sum.div(SQRT_2PI).plus('0.5');
}

/** (24) for Ω_1 = (a, ∞): (φ(a − 1) + φ(a + 1)) / (Φ(1 − a) + Φ(−1 − a)), P_±(x̄_± ∓ 1) grouped by class. */
export function optimumAbove(a: Decimal.Value): Decimal {
  const h = new Dx(a);
  return normalPdf(h.minus(1)).plus(normalPdf(h.plus(1))).div(normalCdf(new Dx(1).minus(h)).plus(normalCdf(new Dx(-1).minus(h))));
}

/** (24) for Ω_3 = (−∞, b): −(φ(b − 1) + φ(b + 1)) / (Φ(b − 1) + Φ(b + 1)). */
export function optimumBelow(b: Decimal.Value): Decimal {
  const h = new Dx(b);
  return normalPdf(h.minus(1)).plus(normalPdf(h.plus(1))).div(normalCdf(h.minus(1)).plus(normalCdf(h.plus(1)))).neg();
}

/** The mixture mass of (lo, hi): ½[Φ(hi − 1) − Φ(lo − 1) + Φ(hi + 1) − Φ(lo + 1)]. */
export function mixtureMass(lo: Decimal, hi: Decimal): Decimal {
  return normalCdf(hi.minus(1)).minus(normalCdf(lo.minus(1))).plus(normalCdf(hi.plus(1))).minus(normalCdf(lo.plus(1))).div(2);
}

export interface TwoWeightGaps {
  readonly optimal: readonly [Decimal, Decimal];
  /** g_k between x_wk and x_wk*, as (lo, hi). */
  readonly gaps: readonly [readonly [Decimal, Decimal], readonly [Decimal, Decimal]];
  readonly gapMass: readonly [Decimal, Decimal];
  /** P(g_1 ∪ g_2). */
  readonly unionMass: Decimal;
}

/** The gaps of §7.2 for w_1 at h1 (Ω_1 = (h1, ∞)) and w_2 at h2 ≤ h1 (Ω_3 = (−∞, h2)). */
export function twoWeightGaps(h1: Decimal.Value, h2: Decimal.Value): TwoWeightGaps {
  const a = new Dx(h1);
  const b = new Dx(h2);
  const optimal = [optimumAbove(a), optimumBelow(b)] as const;
  const between = (p: Decimal, q: Decimal): [Decimal, Decimal] => (p.lte(q) ? [p, q] : [q, p]);
  const gaps = [between(a, optimal[0]), between(b, optimal[1])] as const;
  const gapMass = [mixtureMass(...gaps[0]), mixtureMass(...gaps[1])] as const;
  const [first, second] = gaps[0][0].lte(gaps[1][0]) ? [gaps[0], gaps[1]] : [gaps[1], gaps[0]];
  const unionMass = second[0].lt(first[1]) ? mixtureMass(first[0], Decimal.max(first[1], second[1])) : gapMass[0].plus(gapMass[1]);
  return { optimal, gaps, gapMass, unionMass };
}

/** (1 − p)^N. */
export const noneOf = (p: Decimal, N: number): Decimal => new Dx(1).minus(p).pow(N);

/** xoshiro128** seeded by splitmix32: uniform numbers in [0, 1), a generator of our own. */
export function xoshiro128(seed: number): () => number {
  let z = seed >>> 0;
  const split = (): number => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z;
    t = Math.imul(t ^ (t >>> 16), 0x85ebca6b) >>> 0;
    t = Math.imul(t ^ (t >>> 13), 0xc2b2ae35) >>> 0;
    return (t ^ (t >>> 16)) >>> 0;
  };
  const s = [split(), split(), split(), split()];
  return () => {
    const result = Math.imul(((Math.imul(s[1]!, 5) << 7) | (Math.imul(s[1]!, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = ((s[3]! << 11) | (s[3]! >>> 21)) >>> 0;
    return result / 4294967296;
  };
}

/** Standard normal pairs by Marsaglia's polar method. */
export function polarNormal(uniform: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const m = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * m;
        return u * m;
      }
    }
  };
}

/** The events of (25) counted over the trials, at one position of w_1 (w_2 fixed). */
export interface TrialEvents {
  readonly trials: number;
  /** No sample in g_1; none in g_1 ∪ g_2. */
  readonly emptyFirstGap: number;
  readonly emptyUnion: number;
  /** The trial's own least-squares position of w_1 (mean of x − y over x > h1) has no sample between it and h1, or Ω_1 is empty. */
  readonly firstGenuine: number;
  /** The same for both weights at once (w_2: mean of x − y over x < h2). */
  readonly bothGenuine: number;
}

/**
 * Trials of N samples x = y + ε, y = ±1 with probability ½, ε ~ N(0, 1), each trial evaluated at
 * every requested position (w_2 at h2); gaps as (lo, hi) per position, from `twoWeightGaps`.
 */
export function simulateTrials(seed: number, trials: number, N: number, h2: number, positions: readonly { h1: number; gaps: readonly [readonly [number, number], readonly [number, number]] }[]): TrialEvents[] {
  const uniform = xoshiro128(seed);
  const normal = polarNormal(uniform);
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  const counts = positions.map(() => ({ emptyFirstGap: 0, emptyUnion: 0, firstGenuine: 0, bothGenuine: 0 }));
  const none = (lo: number, hi: number): boolean => {
    for (let i = 0; i < N; i++) if (x[i]! > lo && x[i]! < hi) return false;
    return true;
  };
  const ownOptimum = (h: number, above: boolean): number | null => {
    let sum = 0;
    let n = 0;
    for (let i = 0; i < N; i++) {
      if (above ? x[i]! > h : x[i]! < h) {
        sum += x[i]! - y[i]!;
        n++;
      }
    }
    return n === 0 ? null : sum / n;
  };
  const genuine = (h: number, above: boolean): boolean => {
    const o = ownOptimum(h, above);
    return o === null || none(Math.min(h, o), Math.max(h, o));
  };
  for (let t = 0; t < trials; t++) {
    for (let i = 0; i < N; i++) {
      y[i] = uniform() < 0.5 ? 1 : -1;
      x[i] = y[i]! + normal();
    }
    const second = genuine(h2, false);
    positions.forEach(({ h1, gaps }, p) => {
      const c = counts[p]!;
      const first = none(gaps[0][0], gaps[0][1]);
      if (first) c.emptyFirstGap++;
      if (first && none(gaps[1][0], gaps[1][1])) c.emptyUnion++;
      const own = genuine(h1, true);
      if (own) c.firstGenuine++;
      if (own && second) c.bothGenuine++;
    });
  }
  return counts.map((c) => ({ trials, ...c }));
}

/**
 * Chernoff's bound on the binomial tail beyond the observed count k of n trials when the success
 * probability is p: exp(−n·KL(k/n ‖ p)) bounds P(X ≥ k) for k/n > p and P(X ≤ k) for k/n < p.
 */
export function binomialTailBound(k: number, n: number, p: number): number {
  const q = k / n;
  const pp = Math.min(Math.max(p, 1e-300), 1 - 1e-16);
  const term = (a: number, b: number): number => (a === 0 ? 0 : a * Math.log(a / b));
  return Math.exp(-n * (term(q, pp) + term(1 - q, 1 - pp)));
}
