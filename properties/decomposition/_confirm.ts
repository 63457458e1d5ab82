// Second routes of the decomposition claims: z3 on SMT-LIB queries written from the instances' raw
// numbers. Nothing here calls the library's evaluators (network, landscape, linalg, geometry): the
// networks, losses, stencils and least-squares problems are written out term by term; numbers taken
// from a witness are hints that the solver re-checks.
import {
  Rational,
  confirmBySmt,
  confirmGround,
  confirmDescentRay,
  confirmLocalExtremum,
  confirmed,
  contradicted,
  smt,
  unconfirmed,
  type Confirmation,
  type Dataset,
  type Witness,
} from '../../src/index.ts';

type Term = smt.Term;
const { add, and, eq, ge, gt, ite, le, lt, mul, not, or, real, sub, ZERO } = smt;

// ---------------------------------------------------------------- raw numbers

/** A number from an instance or a witness (a Rational, its text, or an integer) as an exact Rational. */
export function rational(x: unknown): Rational {
  if (x instanceof Rational) return x;
  if (typeof x === 'string') return Rational.parse(x);
  if (typeof x === 'number' || typeof x === 'bigint') return Rational.of(x);
  throw new Error(`not an exact number: ${JSON.stringify(x)}`);
}

export const rationals = (xs: unknown): Rational[] => {
  if (!Array.isArray(xs)) throw new Error(`not a list of numbers: ${JSON.stringify(xs)}`);
  return xs.map(rational);
};

export const matrix = (rows: unknown): Rational[][] => {
  if (!Array.isArray(rows)) throw new Error(`not a list of rows: ${JSON.stringify(rows)}`);
  return rows.map(rationals);
};

const literals = (xs: readonly Rational[]): Term[] => xs.map(real);

/** A dataset of scalar targets from raw instance numbers. */
export interface Samples {
  readonly inputs: readonly (readonly Rational[])[];
  readonly targets: readonly Rational[];
}

export function samples(data: Dataset<unknown>): Samples {
  return { inputs: data.inputs.map(rationals), targets: data.targets.map((t) => rational(t[0])) };
}

/** 0/1 activation values from raw numbers (or signs: positive means active). */
const activationMatrix = (rows: readonly (readonly unknown[])[]): boolean[][] => rows.map((r) => r.map((a) => rational(a).sign() > 0));

// ---------------------------------------------------------------- one hidden layer in SMT

/** Parameters of f(x) = vᵀσ(Wx + b) + c as terms; b or c null when the model has none. */
export interface NetTerms {
  readonly W: readonly (readonly Term[])[];
  readonly b: readonly Term[] | null;
  readonly v: readonly Term[];
  readonly c: Term | null;
}

export interface Shape {
  readonly units: number;
  readonly inputDim: number;
  readonly bias: boolean;
  readonly outputBias: boolean;
}

const parameterCount = (s: Shape): number => s.units * s.inputDim + (s.bias ? s.units : 0) + s.units + (s.outputBias ? 1 : 0);

/** θ in the flat order of the library's parameter vectors (W row by row, b, v, c): a layout convention only. */
export function fromFlat(theta: readonly Term[], s: Shape): NetTerms {
  if (theta.length !== parameterCount(s)) throw new Error(`${theta.length} parameters for a network with ${parameterCount(s)}`);
  let k = 0;
  const take = (n: number) => theta.slice(k, (k += n));
  const W = Array.from({ length: s.units }, () => take(s.inputDim));
  const b = s.bias ? take(s.units) : null;
  const v = take(s.units);
  const c = s.outputBias ? theta[k]! : null;
  return { W, b, v, c };
}

/** The flat θ of a one-hidden-layer point given by raw numbers. */
function flatOf(point: { W: readonly (readonly Rational[])[]; b: readonly Rational[] | null; v: readonly Rational[]; c: Rational | null }): Rational[] {
  return [...point.W.flat(), ...(point.b ?? []), ...point.v, ...(point.c === null ? [] : [point.c])];
}

/** θ + t·u coordinate by coordinate. */
export const moved = (theta: readonly Term[], t: Term, u: readonly Term[]): Term[] => theta.map((x, k) => add(x, mul(t, u[k]!)));

/** w_jᵀx + b_j. */
const preActivation = (net: NetTerms, j: number, x: readonly Rational[]): Term => add(...net.W[j]!.map((w, k) => mul(w, real(x[k]!))), net.b === null ? ZERO : net.b[j]!);

/** All pre-activations z_ij = w_jᵀx_i + b_j, sample by sample. */
export const preActivations = (net: NetTerms, data: Samples): Term[][] => data.inputs.map((x) => net.W.map((_, j) => preActivation(net, j, x)));

/** f(x_i) = vᵀ relu(W x_i + b) + c for every sample (smt.forwardTerms, one definition per unit). */
function reluOutputs(q: smt.SmtQuery, data: Samples, net: NetTerms, name: string): Term[] {
  return data.inputs.map((x, i) => {
    const layers: smt.LayerTerms[] = [
      { weights: net.W, bias: net.b, activation: smt.RELU },
      { weights: [net.v], bias: net.c === null ? null : [net.c], activation: 'identity' },
    ];
    return smt.forwardTerms(q, layers, literals(x), `${name}_x${i + 1}`)[0]!;
  });
}

/** Activation values: known booleans, or solver conditions (e.g. "z_ij > 0" at another point). */
export type Activity = readonly (readonly (boolean | Term)[])[];

/** Eq. (2): g_A(x_i) = Σ_j a_ij v_j (w_jᵀx_i + b_j) + c, the activation values fixed. */
function fixedOutputs(data: Samples, active: Activity, net: NetTerms): Term[] {
  return data.inputs.map((x, i) =>
    add(
      ...net.v.flatMap((v, j) => {
        const a = active[i]![j]!;
        if (typeof a === 'boolean') return a ? [mul(v, preActivation(net, j, x))] : [];
        return [ite(a, mul(v, preActivation(net, j, x)), ZERO)];
      }),
      net.c ?? ZERO,
    ),
  );
}

/** The activation values 1(w_jᵀx_i + b_j > 0) of a point given by raw numbers, by plain exact sums. */
export function activationsAt(W: readonly (readonly Rational[])[], b: readonly Rational[] | null, data: Samples): boolean[][] {
  return data.inputs.map((x) => W.map((w, j) => w.reduce((s, wk, k) => s.add(wk.mul(x[k]!)), b === null ? Rational.ZERO : b[j]!).sign() > 0));
}

/** min_ij |w_jᵀx_i + b_j| / ((d + 1)·max(1, max|x_ik|)): a move of every (w_j, b_j) coordinate by less keeps every sign. */
function signRadius(W: readonly (readonly Rational[])[], b: readonly Rational[], data: Samples): Rational {
  const z = data.inputs.flatMap((x) => W.map((w, j) => w.reduce((s, wk, k) => s.add(wk.mul(x[k]!)), b[j]!).abs()));
  const least = z.reduce((m, v) => (v.lt(m) ? v : m));
  const largest = data.inputs.flat().reduce((m, v) => (v.abs().gt(m) ? v.abs() : m), Rational.ONE);
  return least.div(largest.mul(Rational.fromInt(data.inputs[0]!.length + 1)));
}

/** The largest 2^k (k ∈ Z) not above x > 0. */
export function powerOfTwoBelow(x: Rational): Rational {
  if (x.sign() <= 0) throw new Error(`no power of two below ${x}`);
  const two = Rational.fromInt(2);
  let t = Rational.ONE;
  while (t.gt(x)) t = t.div(two);
  while (t.mul(two).le(x)) t = t.mul(two);
  return t;
}

/** ½ Σ_i (out_i − y_i)². */
function halfSquaredError(outputs: readonly Term[], data: Samples): Term {
  return smt.squaredErrorTerm(outputs.map((o) => [o]), data.targets.map((y) => [real(y)]), real(Rational.of(1, 2)));
}

/** L_f(θ) = ½Σ(f(x_i) − y_i)² of the ReLU network. */
const reluLoss = (q: smt.SmtQuery, data: Samples, net: NetTerms, name: string): Term => halfSquaredError(reluOutputs(q, data, net, name), data);

/** L_gA(θ) = ½Σ(g_A(x_i) − y_i)². */
export const fixedLoss = (data: Samples, active: Activity, net: NetTerms): Term => halfSquaredError(fixedOutputs(data, active, net), data);

/** Coordinates of R = (p_1, q_1, …, p_h, q_h, c) (q_j only with biases, c only with an output bias). */
const reparametrisedCount = (s: Shape): number => s.units * (s.inputDim + (s.bias ? 1 : 0)) + (s.outputBias ? 1 : 0);

/** Eq. (4): Σ_j a_ij (p_jᵀx_i + q_j) + c at R = (p_1, q_1, …, p_h, q_h, c). */
function reparametrisedOutputs(data: Samples, active: Activity, R: readonly Term[], s: Shape): Term[] {
  const block = s.inputDim + (s.bias ? 1 : 0);
  return data.inputs.map((x, i) => {
    const units = Array.from({ length: s.units }, (_, j) => j).flatMap((j) => {
      const a = active[i]![j]!;
      const unit = add(...x.map((xk, k) => mul(R[j * block + k]!, real(xk))), ...(s.bias ? [R[j * block + s.inputDim]!] : []));
      if (typeof a === 'boolean') return a ? [unit] : [];
      return [ite(a, unit, ZERO)];
    });
    return add(...units, s.outputBias ? R[s.units * block]! : ZERO);
  });
}

/** ½‖A R − y‖², the loss of eq. (4) in the reparametrised coordinates. */
const reparametrisedLoss = (data: Samples, active: Activity, R: readonly Term[], s: Shape): Term =>
  halfSquaredError(reparametrisedOutputs(data, active, R, s), data);

// ---------------------------------------------------------------- derivatives of polynomials along lines

/**
 * φ'(0) and φ''(0) of a polynomial φ of degree ≤ 4 from its values at 0, ±h, ±2h (five-point stencils,
 * exact at that degree): φ' = (8(φ(h) − φ(−h)) − (φ(2h) − φ(−2h)))/12h, φ'' = (−φ(2h) + 16φ(h) − 30φ(0) + 16φ(−h) − φ(−2h))/12h².
 */
export function stencil(phi: (k: number) => Term, h: Rational): { first: Term; second: Term } {
  const [m2, m1, z, p1, p2] = [phi(-2), phi(-1), phi(0), phi(1), phi(2)];
  const first = smt.div(sub(mul(real(8), sub(p1, m1)), sub(p2, m2)), real(h.mul(Rational.fromInt(12))));
  const second = smt.div(
    sub(add(mul(real(16), add(p1, m1)), smt.neg(add(p2, m2))), mul(real(30), z)),
    real(h.mul(h).mul(Rational.fromInt(12))),
  );
  return { first, second };
}

/** A loss written into a query at a parameter vector (each call defines its own sub-terms under a fresh name). */
export type LossAt = (q: smt.SmtQuery, theta: readonly Term[], name: string) => Term;

/** φ(k) = L(θ + k·h·u), each value defined once in the query. */
function alongLine(q: smt.SmtQuery, loss: LossAt, theta: readonly Term[], u: readonly Term[], h: Rational, name: string): (k: number) => Term {
  return (k) => {
    const label = `${name}_${k < 0 ? 'm' : 'p'}${Math.abs(k)}`;
    return q.define(label, loss(q, moved(theta, real(h.mul(Rational.fromInt(k))), u), label));
  };
}

/** Unit vector e_k (and e_k + e_l) as literal terms. */
const unitVector = (n: number, ...ks: number[]): Term[] => Array.from({ length: n }, (_, i) => (ks.includes(i) ? real(1) : ZERO));

/**
 * Does the Hessian of L at θ have a direction of the given curvature sign? z3 is asked for u in
 * [−1, 1]ⁿ with uᵀ∇²L(θ)u < 0 (sign −1) or > 0 (sign 1), the quadratic form written as the exact
 * five-point stencil of L along u (L of degree ≤ 4 along lines within ‖2hu‖∞ of θ).
 */
function curvatureQuery(loss: LossAt, theta: readonly Term[], sign: -1 | 1, h: Rational = Rational.ONE): smt.SmtQuery {
  const q = new smt.SmtQuery(`a direction u ∈ [−1, 1]ⁿ with uᵀ∇²L(θ)u ${sign < 0 ? '< 0' : '> 0'}\nsat: there is one; unsat: the Hessian is ${sign < 0 ? 'positive' : 'negative'} semidefinite`);
  const u = theta.map((_, k) => q.declare(`u${k + 1}`));
  for (const uk of u) q.assert(and(le(real(-1), uk), le(uk, real(1))));
  const { second } = stencil(alongLine(q, loss, theta, u, h, 'phi'), h);
  q.assert(sign < 0 ? lt(second, ZERO) : gt(second, ZERO));
  return q;
}

/** The Hessian at θ has no direction of this curvature sign (unsat of curvatureQuery confirms). */
function confirmNoCurvature(route: string, loss: LossAt, theta: readonly Term[], sign: -1 | 1, h?: Rational): Promise<Confirmation> {
  const what = sign < 0 ? 'positive' : 'negative';
  return confirmBySmt(route, curvatureQuery(loss, theta, sign, h), 'unsat', `the Hessian of L at θ is ${what} semidefinite: no u with uᵀ∇²L(θ)u ${sign < 0 ? '< 0' : '> 0'}`);
}

/**
 * The Hessian at θ is positive (negative) definite: z3 finds no u with ‖u‖∞ = 1 and uᵀ∇²L(θ)u ≤ 0 (≥ 0).
 * With a zero gradient this makes θ a strict local minimum (maximum).
 */
export function confirmDefinite(route: string, loss: LossAt, theta: readonly Term[], kind: 'minimum' | 'maximum', h: Rational = Rational.ONE): Promise<Confirmation> {
  const what = kind === 'minimum' ? 'positive' : 'negative';
  const q = new smt.SmtQuery(`a direction u with ‖u‖∞ = 1 and uᵀ∇²L(θ)u ${kind === 'minimum' ? '≤' : '≥'} 0\nunsat: the Hessian is ${what} definite`);
  const u = theta.map((_, k) => q.declare(`u${k + 1}`));
  for (const uk of u) q.assert(and(le(real(-1), uk), le(uk, real(1))));
  q.assert(or(...u.map((uk) => or(eq(uk, real(1)), eq(uk, real(-1))))));
  const { second } = stencil(alongLine(q, loss, theta, u, h, 'phi'), h);
  q.assert(kind === 'minimum' ? le(second, ZERO) : ge(second, ZERO));
  return confirmBySmt(route, q, 'unsat', `the Hessian of L at θ is ${what} definite`);
}

/** The gradient of L at θ (L of degree ≤ 4 along coordinate lines), each partial derivative by its exact stencil. */
function gradientTerms(q: smt.SmtQuery, loss: LossAt, theta: readonly Term[], h: Rational = Rational.ONE): Term[] {
  return theta.map((_, k) => stencil(alongLine(q, loss, theta, unitVector(theta.length, k), h, `g${k + 1}`), h).first);
}

/** Ground query: ∇L(θ) = 0 (sat) or ≠ 0 (unsat). */
export function confirmCritical(route: string, loss: LossAt, theta: readonly Term[], h: Rational = Rational.ONE): Promise<Confirmation> {
  const q = new smt.SmtQuery('every partial derivative of L at θ is 0 (exact five-point stencils of a quartic)\nsat: θ is a critical point');
  q.assert(and(...gradientTerms(q, loss, theta, h).map((g) => eq(g, ZERO))));
  return confirmBySmt(route, q, 'sat', 'θ is a critical point of L');
}

// ---------------------------------------------------------------- least squares in the reparametrised coordinates

/** z3: is there R with ½‖A R − y‖² below (or not above) `value`? */
function lowerValueQuery(data: Samples, active: Activity, s: Shape, value: (q: smt.SmtQuery) => Term, strict = true): smt.SmtQuery {
  const q = new smt.SmtQuery(`some R = (p, q, c) has ½‖A R − y‖² ${strict ? '<' : '≤'} the value\nsat: there is one`);
  const R = Array.from({ length: reparametrisedCount(s) }, (_, k) => q.declare(`R${k + 1}`));
  const bound = q.define('value', value(q));
  const L = q.define('L_R', reparametrisedLoss(data, active, R, s));
  q.assert(strict ? lt(L, bound) : le(L, bound));
  return q;
}

/** The value is above the least value of ½‖A R − y‖² over all R (sat confirms). */
export const confirmAboveLeastValue = (route: string, data: Samples, active: Activity, s: Shape, value: (q: smt.SmtQuery) => Term): Promise<Confirmation> =>
  confirmBySmt(route, lowerValueQuery(data, active, s, value), 'sat', 'some R has a lower value of ½‖A R − y‖²: the value is above the least one');

/** The value is the least value of ½‖A R − y‖² over all R, or below it (unsat confirms). */
export const confirmLeastValue = (route: string, data: Samples, active: Activity, s: Shape, value: (q: smt.SmtQuery) => Term): Promise<Confirmation> =>
  confirmBySmt(route, lowerValueQuery(data, active, s, value), 'unsat', 'no R has a lower value of ½‖A R − y‖²');

// ---------------------------------------------------------------- rays and local extrema of one-hidden-layer losses

/** θ is not a local minimum (maximum) of L: a certified descent (ascent) ray along the hint u. */
export function confirmRay(route: string, loss: LossAt, base: readonly Term[], u: readonly Rational[], direction: 'descent' | 'ascent' = 'descent', halvings = 24): Promise<Confirmation> {
  const along = literals(u);
  return confirmDescentRay(route, {
    base: (q) => loss(q, base, 'base'),
    along: (q, t) => loss(q, moved(base, t, along), 'ray'),
    direction,
    halvings,
  });
}

/** Small boxes first: near θ the ReLUs that are off the kink keep their state, which the solver sees quickly. */
const SMALL_RADII = ['1/65536', '1/1048576', '1/268435456'];

/** θ is a (strict) local minimum (maximum) of L on a box ‖δ‖∞ ≤ r. */
export function confirmExtremum(route: string, loss: LossAt, base: readonly Term[], kind: 'minimum' | 'maximum', strict = false): Promise<Confirmation> {
  return confirmLocalExtremum(route, {
    kind,
    dimension: base.length,
    base: (q) => loss(q, base, 'base'),
    at: (q, delta) => loss(q, base.map((x, k) => add(x, delta[k]!)), 'moved'),
    radii: SMALL_RADII,
    strict,
  });
}

// ---------------------------------------------------------------- activation regions of one unit

/** The vectors whose signs define a unit's regions: x_i, or (x_i, 1) with a bias. */
const lifted = (inputs: readonly (readonly Rational[])[], bias: boolean): Rational[][] => inputs.map((x) => (bias ? [...x, Rational.ONE] : [...x]));

/** Is the sign vector s realised by some unit, s_i (wᵀx_i + b) > 0 for every i? One linear query. */
export async function realised(inputs: readonly (readonly Rational[])[], bias: boolean, signs: readonly number[]): Promise<boolean | null> {
  const q = new smt.SmtQuery('a unit (w, b) with the given strict sign at every sample\nsat: the region is non-empty');
  const X = lifted(inputs, bias);
  const w = X[0]!.map((_, k) => q.declare(`w${k + 1}`));
  X.forEach((x, i) => q.assert((signs[i]! > 0 ? gt : lt)(smt.dot(w, literals(x)), ZERO)));
  const r = await smt.checkSat(q);
  return r.answer === 'sat' ? true : r.answer === 'unsat' ? false : null;
}

/** The non-empty regions of one unit: every sign vector in {−1, +1}^N asked to the solver; null if one is undecided. */
export async function realisedSignVectors(inputs: readonly (readonly Rational[])[], bias: boolean): Promise<number[][] | null> {
  const found: number[][] = [];
  for (let mask = 0; mask < 2 ** inputs.length; mask++) {
    const signs = inputs.map((_, i) => ((mask >> i) & 1 ? 1 : -1));
    const r = await realised(inputs, bias, signs);
    if (r === null) return null;
    if (r) found.push(signs);
  }
  return found;
}

/** det M by Laplace expansion along the first row, as a solver term. */
function determinant(M: readonly (readonly Term[])[]): Term {
  if (M.length === 1) return M[0]![0]!;
  return add(
    ...M[0]!.map((m, c) => {
      const minor = M.slice(1).map((row) => row.filter((_, k) => k !== c));
      const term = mul(m, determinant(minor));
      return c % 2 === 0 ? term : smt.neg(term);
    }),
  );
}

/**
 * General position, as a ground fact: every min(N, D) of the vectors x_i (or (x_i, 1)) in R^D are
 * linearly independent, i.e. their Gram determinant is non-zero.
 */
function generalPositionTerm(inputs: readonly (readonly Rational[])[], bias: boolean): Term {
  const X = lifted(inputs, bias);
  const size = Math.min(X.length, X[0]!.length);
  const subsets = (from: number, k: number): number[][] => (k === 0 ? [[]] : Array.from({ length: X.length - from }, (_, i) => from + i).flatMap((i) => subsets(i + 1, k - 1).map((rest) => [i, ...rest])));
  return and(
    ...subsets(0, size).map((S) => {
      const gram = S.map((a) => S.map((b) => real(X[a]!.reduce((sum, v, k) => sum.add(v.mul(X[b]![k]!)), Rational.ZERO))));
      return not(eq(determinant(gram), ZERO));
    }),
  );
}

// ---------------------------------------------------------------- least-squares values by Gram–Schmidt

const dotQ = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/**
 * min_R ½‖AR − y‖² for the design of eq. (4) with these activation columns, as ½(yᵀy − Σ_b (yᵀb)²/bᵀb)
 * over an orthogonal basis b of the column space (Gram–Schmidt in exact arithmetic, own code).
 */
export function leastSquaresValue(data: Samples, units: readonly (readonly boolean[])[], bias: boolean, outputBias: boolean): Rational {
  const N = data.inputs.length;
  const columns: Rational[][] = [];
  for (const active of units) {
    const on = (i: number) => (active[i]! ? Rational.ONE : Rational.ZERO);
    data.inputs[0]!.forEach((_, k) => columns.push(data.inputs.map((x, i) => on(i).mul(x[k]!))));
    if (bias) columns.push(Array.from({ length: N }, (_, i) => on(i)));
  }
  if (outputBias) columns.push(Array.from({ length: N }, () => Rational.ONE));
  const basis: Rational[][] = [];
  for (const column of columns) {
    const rest = basis.reduce((v, b) => {
      const f = dotQ(v, b).div(dotQ(b, b));
      return v.map((x, i) => x.sub(f.mul(b[i]!)));
    }, column);
    if (rest.some((x) => !x.isZero())) basis.push(rest);
  }
  const y = data.targets;
  const projected = basis.reduce((s, b) => s.add(dotQ(y, b).pow(2).div(dotQ(b, b))), Rational.ZERO);
  return dotQ(y, y).sub(projected).div(Rational.fromInt(2));
}

/** Per h = 1 … maxH: how many ordered h-tuples of the given unit regions have each least-squares value (brute force). */
export function valueHistograms(data: Samples, cells: readonly (readonly number[])[], bias: boolean, outputBias: boolean, maxH: number): Map<string, bigint>[] {
  const memo = new Map<string, Rational>();
  const valueOf = (tuple: readonly number[]): Rational => {
    const key = [...new Set(tuple)].sort((a, b) => a - b).join(',');
    let v = memo.get(key);
    if (v === undefined) {
      v = leastSquaresValue(data, key.split(',').map((c) => cells[Number(c)]!.map((sign) => sign > 0)), bias, outputBias);
      memo.set(key, v);
    }
    return v;
  };
  const out: Map<string, bigint>[] = [];
  for (let h = 1; h <= maxH; h++) {
    const histogram = new Map<string, bigint>();
    const tuple = Array.from({ length: h }, () => 0);
    for (let n = 0; n < cells.length ** h; n++) {
      for (let k = 0, rest = n; k < h; k++, rest = Math.floor(rest / cells.length)) tuple[k] = rest % cells.length;
      const v = valueOf(tuple).toString();
      histogram.set(v, (histogram.get(v) ?? 0n) + 1n);
    }
    out.push(histogram);
  }
  return out;
}

/** Values of `smaller` missing from `larger`, and levels t with more tuples above t (as a share) in `larger`. */
function histogramDefects(smaller: Map<string, bigint>, larger: Map<string, bigint>): { missing: string[]; growing: string[] } {
  const total = (m: Map<string, bigint>) => [...m.values()].reduce((s, c) => s + c, 0n);
  const above = (m: Map<string, bigint>, t: Rational) => [...m.entries()].reduce((s, [v, c]) => (Rational.parse(v).gt(t) ? s + c : s), 0n);
  const missing = [...smaller.keys()].filter((v) => !larger.has(v));
  const levels = [...new Set([...smaller.keys(), ...larger.keys()])];
  // above_L / total_L > above_S / total_S, compared in integers.
  const growing = levels.filter((t) => above(larger, Rational.parse(t)) * total(smaller) > above(smaller, Rational.parse(t)) * total(larger));
  return { missing, growing };
}

// ---------------------------------------------------------------- combining routes

/** Runs parts in order and stops at the first that is not confirmed (the later ones would not change the answer). */
async function allInTurn(route: string, parts: readonly (() => Promise<Confirmation>)[]): Promise<Confirmation> {
  const evidence: Record<string, unknown> = {};
  for (const [i, part] of parts.entries()) {
    const c = await part();
    if (c.status === 'contradicted') return contradicted(route, `${c.route}: ${c.reason}`, c.evidence);
    if (c.status === 'unknown') return unconfirmed(route, `${c.route}: ${c.reason}`, c.evidence);
    evidence[`${i + 1}. ${c.route}`] = c.evidence;
  }
  return confirmed(route, evidence);
}

/** A closed fact that the negation of a claim needs, written as one condition: sat confirms, unsat contradicts. */
function confirmFact(route: string, meaning: string, build: (q: smt.SmtQuery) => Term): Promise<Confirmation> {
  const q = new smt.SmtQuery(`${meaning}\nsat: it holds (the negation of the claim is confirmed)`);
  q.assert(build(q));
  return confirmBySmt(route, q, 'sat', meaning);
}

/** A closed fact decided by the solver: `sat` when it holds. */
async function groundHolds(purpose: string, build: (q: smt.SmtQuery) => Term): Promise<{ holds: boolean | null; query: string }> {
  const q = new smt.SmtQuery(`${purpose}\nsat: it holds`);
  q.assert(build(q));
  const r = await smt.checkSat(q);
  return { holds: r.answer === 'sat' ? true : r.answer === 'unsat' ? false : null, query: r.query };
}


// ================================================================ the routes of the claims

/** A one-hidden-layer point with biases and an output bias, by raw numbers. */
export interface PointNumbers {
  readonly weights: readonly (readonly Rational[])[];
  readonly biases: readonly Rational[];
  readonly outputWeights: readonly Rational[];
  readonly outputBias: Rational;
}

/** A point named by a witness's fields W, b, v, c. */
export const witnessPoint = (witness: Witness): PointNumbers => ({
  weights: matrix(witness.W),
  biases: rationals(witness.b),
  outputWeights: rationals(witness.v),
  outputBias: rational(witness.c),
});

const shapeOf = (point: { weights: readonly (readonly unknown[])[] }, data: Samples): Shape => ({ units: point.weights.length, inputDim: data.inputs[0]!.length, bias: true, outputBias: true });
const thetaOf = (p: PointNumbers): Term[] => literals(flatOf({ W: p.weights, b: p.biases, v: p.outputWeights, c: p.outputBias }));
const reluLossIn = (data: Samples, s: Shape): LossAt => (q, at, name) => reluLoss(q, data, fromFlat(at, s), name);
const fixedLossIn = (data: Samples, active: Activity, s: Shape): LossAt => (_q, at) => fixedLoss(data, active, fromFlat(at, s));
const reparametrisedLossIn = (data: Samples, active: Activity, s: Shape): LossAt => (_q, R) => reparametrisedLoss(data, active, R, s);

/** The Hessian at θ is not indefinite: positive or negative semidefinite, by the solver. */
export async function confirmSemidefinite(route: string, loss: LossAt, theta: readonly Term[], h?: Rational): Promise<Confirmation> {
  const psd = await confirmNoCurvature(route, loss, theta, -1, h);
  if (psd.status !== 'contradicted') return psd;
  const nsd = await confirmNoCurvature(route, loss, theta, 1, h);
  if (nsd.status !== 'contradicted') return nsd;
  return contradicted(route, 'the solver found directions of negative and of positive curvature: the Hessian is indefinite', { psd: psd.evidence ?? {}, nsd: nsd.evidence ?? {} });
}

// ---------------------------------------------------------------- eq. (4)

/**
 * The ReLU network (smt.forwardTerms) differs from eq. (2) or eq. (4) with activation values A at some
 * sample, or L_f ≠ L_gA: a ground query. A defaults to θ's own, a_ij = 1(z_ij > 0) as solver conditions.
 */
export function confirmNetworkIsNotFixed(raw: Dataset<Rational>, point: PointNumbers, activations?: readonly (readonly boolean[])[]): Promise<Confirmation> {
  const data = samples(raw);
  const s = shapeOf(point, data);
  const net = fromFlat(thetaOf(point), s);
  const q = new smt.SmtQuery('f(x_i) differs from eq. (2) or eq. (4) at some sample, or L_f ≠ L_gA\nsat: the network is not g_A');
  const active: Activity = activations ?? preActivations(net, data).map((row) => row.map((z) => gt(z, ZERO)));
  const f = reluOutputs(q, data, net, 'f');
  const g2 = fixedOutputs(data, active, net);
  // Eq. (4): p_j = v_j w_j, q_j = v_j b_j.
  const R = net.W.flatMap((w, j) => [...w.map((wk) => mul(net.v[j]!, wk)), mul(net.v[j]!, net.b![j]!)]);
  const g4 = reparametrisedOutputs(data, active, [...R, net.c!], s);
  const differs = f.flatMap((fi, i) => [not(eq(fi, g2[i]!)), not(eq(fi, g4[i]!))]);
  q.assert(or(...differs, not(eq(halfSquaredError(f, data), halfSquaredError(g2, data)))));
  return confirmBySmt('z3: f(x_i) against eqs. (2), (4) (ground query)', q, 'sat', 'the network is not g_A at the data');
}

// ---------------------------------------------------------------- Lemma 2.2

/**
 * Some moved point θ′ = θ + (fraction·δ/‖U‖∞)·U, δ = min|z_ij| / ((d + 1)·max(1, max|x_ik|)), all in solver
 * terms, changes a sign of θ, has a zero pre-activation, or has L_f(θ′) ≠ L_gA(θ′) with θ's activation values.
 */
export function confirmBoxLeavesRegion(raw: Dataset<Rational>, point: PointNumbers, directions: readonly (readonly Rational[])[], fraction: Rational): Promise<Confirmation> {
  const data = samples(raw);
  const s = shapeOf(point, data);
  const theta = thetaOf(point);
  const q = new smt.SmtQuery('some point of the box ‖θ′ − θ‖∞ < δ leaves R_A or has L_f(θ′) ≠ L_gA(θ′)\nsat: the box check fails');
  const z = preActivations(fromFlat(theta, s), data);
  const on = z.map((row) => row.map((zij) => gt(zij, ZERO)));
  const least = z.flat().map(smt.abs).reduce((m, a) => smt.min(m, a));
  const scale = mul(real(s.inputDim + 1), data.inputs.flat().reduce((m, x) => smt.max(m, smt.abs(real(x))), real(1)));
  const delta = q.define('delta', smt.div(least, scale));
  const failures = directions.flatMap((raw, r) => {
    const U = raw.slice(0, theta.length);
    if (U.every((u) => u.isZero())) return [];
    const size = U.map((u) => smt.abs(real(u))).reduce((m, a) => smt.max(m, a));
    const step = q.define(`step${r + 1}`, smt.div(mul(real(fraction), delta), size));
    const near = fromFlat(moved(theta, step, literals(U)), s);
    const leaves = preActivations(near, data).flatMap((row, i) => row.map((zij, j) => or(eq(zij, ZERO), not(eq(gt(zij, ZERO), on[i]![j]!)))));
    const lf = q.define(`Lf${r + 1}`, reluLoss(q, data, near, `f${r + 1}`));
    const lg = q.define(`Lg${r + 1}`, fixedLoss(data, on, near));
    return [or(...leaves, not(eq(lf, lg)))];
  });
  q.assert(or(...failures));
  return confirmBySmt('z3: a point of the box leaves R_A or has L_f ≠ L_gA (ground query)', q, 'sat', 'the box ‖θ′ − θ‖∞ < δ is not inside R_A with L_f = L_gA');
}

/** An entry of the gradient (l null) or of the Hessian. */
export interface Entry {
  readonly k: number;
  readonly l: number | null;
}

/**
 * The derivative entry of L_f at θ, from stencils of the ReLU network with a step that keeps every sign
 * (checked: every stencil point keeps θ's strict signs, so L_f is one quartic on the segment), differs from
 * that of L_gA with activation values A (θ's own by default; stencil step 1, exact for the quartic).
 */
export async function confirmDerivativeDiffers(raw: Dataset<Rational>, point: PointNumbers, entry: Entry, activations?: readonly (readonly boolean[])[]): Promise<Confirmation> {
  const route = 'z3: a derivative of L_f at θ (stencils inside R_A) differs from that of L_gA';
  const data = samples(raw);
  const s = shapeOf(point, data);
  const theta = thetaOf(point);
  const n = theta.length;
  const active = activations ?? activationsAt(point.weights, point.biases, data);
  const h = powerOfTwoBelow(signRadius(point.weights, point.biases, data).div(Rational.fromInt(4)));
  const { k, l } = entry;
  // H_kl = (φ''(e_k + e_l) − φ''(e_k) − φ''(e_l))/2; a gradient entry is φ'(e_k).
  const lines = l === null || l === k ? [unitVector(n, k)] : [unitVector(n, k, l), unitVector(n, k), unitVector(n, l)];
  const derivative = (q: smt.SmtQuery, loss: LossAt, step: Rational, name: string): Term => {
    const st = lines.map((u, r) => stencil(alongLine(q, loss, theta, u, step, `${name}${r + 1}`), step));
    if (l === null) return st[0]!.first;
    if (st.length === 1) return st[0]!.second;
    return smt.div(sub(st[0]!.second, add(st[1]!.second, st[2]!.second)), real(2));
  };
  const inside = await groundHolds('every stencil point keeps the strict signs of θ', () => {
    const z0 = preActivations(fromFlat(theta, s), data).flat();
    const points = lines.flatMap((u) => [-2, -1, 1, 2].map((m) => moved(theta, real(h.mul(Rational.fromInt(m))), u)));
    return and(...points.flatMap((at) => preActivations(fromFlat(at, s), data).flat().map((z, r) => gt(mul(z, z0[r]!), ZERO))));
  });
  if (inside.holds !== true) return unconfirmed(route, 'the solver did not confirm that the stencil points stay in R_A');
  const what = l === null ? `∂L/∂θ${k + 1}` : `∂²L/∂θ${k + 1}∂θ${l + 1}`;
  return confirmGround(route, '!=', (q) => ({ lhs: derivative(q, reluLossIn(data, s), h, 'f'), rhs: derivative(q, fixedLossIn(data, active, s), Rational.ONE, 'g') }), `${what} of L_f differs from that of L_gA`);
}

/** Directions a status witness may carry: L_f descends; L_gA descends or ascends. */
export interface StatusHints {
  readonly fDescent?: readonly Rational[];
  readonly gDescent?: readonly Rational[];
  readonly gAscent?: readonly Rational[];
}

/**
 * L_f and L_gA (θ's activation values) have different statuses at θ: L_gA(θ) is the least value of
 * ½‖AR − y‖² (a global minimum of L_gA) while L_f descends along the hint, or L_f has no lower (higher)
 * value in a small box while L_gA descends (ascends) along the hint.
 */
export function confirmStatusesDiffer(raw: Dataset<Rational>, point: PointNumbers, hints: StatusHints): Promise<Confirmation> {
  const data = samples(raw);
  const s = shapeOf(point, data);
  const theta = thetaOf(point);
  const active = activationsAt(point.weights, point.biases, data);
  const [Lf, Lg] = [reluLossIn(data, s), fixedLossIn(data, active, s)];
  if (hints.fDescent !== undefined) {
    const u = hints.fDescent;
    return allInTurn('z3: L_gA at its least value, and a descent ray of L_f', [
      () => confirmRay('z3: L_f(θ + tX) < L_f(θ) on (0, t₀]', Lf, theta, u),
      () => confirmLeastValue('z3: no R has ½‖AR − y‖² < L_gA(θ)', data, active, s, (q) => Lg(q, theta, 'theta')),
    ]);
  }
  if (hints.gDescent !== undefined) {
    const u = hints.gDescent;
    return allInTurn('z3: L_f a local minimum, and a descent ray of L_gA', [
      () => confirmRay('z3: L_gA(θ + tX) < L_gA(θ) on (0, t₀]', Lg, theta, u),
      () => confirmExtremum('z3: no lower L_f in a small box around θ', Lf, theta, 'minimum'),
    ]);
  }
  if (hints.gAscent !== undefined) {
    const u = hints.gAscent;
    return allInTurn('z3: L_f a local maximum, and an ascent ray of L_gA', [
      () => confirmRay('z3: L_gA(θ + tX) > L_gA(θ) on (0, t₀]', Lg, theta, u, 'ascent'),
      () => confirmExtremum('z3: no higher L_f in a small box around θ', Lf, theta, 'maximum'),
    ]);
  }
  return Promise.resolve(unconfirmed('z3', 'no direction to check'));
}

// ---------------------------------------------------------------- Lemmas 2.3, 2.4

/** The layout of R = (p_1, q_1, …, p_h, q_h, c) for these activation values. */
const reparametrisedShape = (data: Samples, active: readonly (readonly boolean[])[], bias = true): Shape => ({ units: active[0]!.length, inputDim: data.inputs[0]!.length, bias, outputBias: bias });

/** Some u ∈ [−1, 1]ⁿ has uᵀ∇²L_gA(R)u < 0 in the reparametrised coordinates (eq. (4) written for the solver). */
export function confirmNotConvexInR(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], R: readonly Rational[]): Promise<Confirmation> {
  const data = samples(raw);
  const active = activationMatrix(activations);
  const s = reparametrisedShape(data, active);
  const at = literals(R.slice(0, reparametrisedCount(s)));
  return confirmBySmt('z3: some u ∈ [−1, 1]ⁿ with uᵀ∇²L_gA(R)u < 0', curvatureQuery(reparametrisedLossIn(data, active, s), at, -1), 'sat', 'L_gA is not convex in (p, q, c)');
}

/** L_gA(λR₁ + (1−λ)R₂) > λL_gA(R₁) + (1−λ)L_gA(R₂), eq. (4) and the mix written for the solver (ground). */
export function confirmJensenFails(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], R1: readonly Rational[], R2: readonly Rational[], lambda: Rational): Promise<Confirmation> {
  const data = samples(raw);
  const active = activationMatrix(activations);
  const s = reparametrisedShape(data, active);
  const n = reparametrisedCount(s);
  const [a, b] = [literals(R1.slice(0, n)), literals(R2.slice(0, n))];
  const [l, rest] = [real(lambda), sub(real(1), real(lambda))];
  const L = (R: readonly Term[]) => reparametrisedLoss(data, active, R, s);
  const mix = a.map((x, k) => add(mul(l, x), mul(rest, b[k]!)));
  return confirmGround('z3: L_gA(λR₁ + (1−λ)R₂) > λL_gA(R₁) + (1−λ)L_gA(R₂) (ground query)', '>', () => ({ lhs: L(mix), rhs: add(mul(l, L(a)), mul(rest, L(b))) }), "Jensen's inequality fails on this segment");
}

/**
 * Lemma 2.4 at R: whether every partial derivative of ½‖AR − y‖² vanishes (exact stencils, a ground
 * query) and whether some R′ has a lower value. Confirmed when the two answers differ.
 */
export async function confirmStationaryVersusMinimal(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], R: readonly Rational[]): Promise<Confirmation> {
  const route = 'z3: ∇_(p,q,c) L_gA(R) = 0 (ground) against "no R′ with a lower value"';
  const data = samples(raw);
  const active = activationMatrix(activations);
  const s = reparametrisedShape(data, active);
  const at = literals(R.slice(0, reparametrisedCount(s)));
  const L = reparametrisedLossIn(data, active, s);
  const stationary = await groundHolds('every partial derivative of ½‖AR − y‖² at R is 0', (q) => and(...gradientTerms(q, L, at).map((g) => eq(g, ZERO))));
  if (stationary.holds === null) return unconfirmed(route, 'the solver did not decide whether the gradient vanishes');
  const lower = await smt.checkSat(lowerValueQuery(data, active, s, (q) => L(q, at, 'R')));
  if (lower.answer === 'unknown') return unconfirmed(route, `the solver did not decide whether a lower value exists (${lower.reason ?? 'unknown'})`);
  const minimal = lower.answer === 'unsat';
  const evidence = { stationary: stationary.holds, minimal, 'gradient query': stationary.query, 'lower value query': lower.query, solver: lower.solver };
  if (stationary.holds !== minimal) return confirmed(route, evidence);
  return contradicted(route, `R is ${minimal ? 'stationary and minimal' : 'neither stationary nor minimal'}: the lemma holds there`, evidence);
}

// ---------------------------------------------------------------- Theorem 2.5

/**
 * Theorem 2.5 (1), from raw numbers: with all activations zero, some u has uᵀ∇²L_gA u < 0 (not convex);
 * otherwise the proof's point — v_j = 0 for the first active unit j, c = max_i (y_i − Σ_k a_ik v_k z_ik) + 1,
 * written as solver terms — has a semidefinite Hessian.
 */
export function confirmProofPointNotIndefinite(raw: Dataset<Rational>, region: readonly (readonly number[])[], hidden: { weights: readonly (readonly Rational[])[]; biases: readonly Rational[] }, v: readonly Rational[]): Promise<Confirmation> {
  const data = samples(raw);
  const active = data.inputs.map((_, i) => region.map((signs) => signs[i]! > 0));
  const s: Shape = { units: region.length, inputDim: data.inputs[0]!.length, bias: true, outputBias: true };
  const loss = fixedLossIn(data, active, s);
  const j = region.findIndex((signs) => signs.some((x) => x > 0));
  const W = hidden.weights.map(literals);
  const b = literals(hidden.biases);
  if (j < 0) {
    const theta = [...W.flat(), ...b, ...literals(v), ZERO];
    return confirmBySmt('z3: some u ∈ [−1, 1]ⁿ has uᵀ∇²L_gA(θ)u < 0', curvatureQuery(loss, theta, -1), 'sat', 'with all activations zero L_gA is not convex');
  }
  const vj = v.map((x, k) => (k === j ? ZERO : real(x)));
  const rest = fixedOutputs(data, active, { W, b, v: vj, c: null });
  const c = add(data.targets.map((y, i) => sub(real(y), rest[i]!)).reduce((m, g) => smt.max(m, g)), real(1));
  return confirmSemidefinite("z3: the Hessian of L_gA at the proof's point has no direction of one curvature sign", loss, [...W.flat(), ...b, ...vj, c]);
}

/** θ, its L_gA for the activation values, and the layout. */
function fixedAt(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], point: PointNumbers) {
  const data = samples(raw);
  const active = activationMatrix(activations);
  const s = shapeOf(point, data);
  return { data, active, s, loss: fixedLossIn(data, active, s), theta: thetaOf(point) };
}

/** Theorem 2.5 (2) fails at θ: critical, Hessian positive semidefinite, L_gA(θ) above the least value of ½‖AR − y‖². */
export function confirmSemidefiniteCriticalAboveMinimum(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], point: PointNumbers): Promise<Confirmation> {
  const { data, active, s, loss, theta } = fixedAt(raw, activations, point);
  return allInTurn('z3: θ critical, uᵀ∇²L_gA(θ)u ≥ 0 on [−1, 1]ⁿ, and some R with ½‖AR − y‖² < L_gA(θ)', [
    () => confirmCritical('z3: ∇L_gA(θ) = 0 (exact stencils)', loss, theta),
    () => confirmNoCurvature('z3: no u with uᵀ∇²L_gA(θ)u < 0', loss, theta, -1),
    () => confirmAboveLeastValue('z3: some R has ½‖AR − y‖² < L_gA(θ)', data, active, s, (q) => loss(q, theta, 'theta')),
  ]);
}

/** Theorem 2.5 (3) fails at θ: critical, L_gA(θ) above the least value, Hessian not indefinite. */
export function confirmNonSaddleAboveMinimum(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], point: PointNumbers): Promise<Confirmation> {
  const { data, active, s, loss, theta } = fixedAt(raw, activations, point);
  return allInTurn('z3: θ critical, some R with ½‖AR − y‖² < L_gA(θ), and the Hessian at θ semidefinite', [
    () => confirmCritical('z3: ∇L_gA(θ) = 0 (exact stencils)', loss, theta),
    () => confirmAboveLeastValue('z3: some R has ½‖AR − y‖² < L_gA(θ)', data, active, s, (q) => loss(q, theta, 'theta')),
    () => confirmSemidefinite('z3: the Hessian of L_gA at θ has no direction of one curvature sign', loss, theta),
  ]);
}

// ---------------------------------------------------------------- Corollary 2.7

/**
 * Every pre-activation keeps its strict sign on the box ‖δ‖∞ ≤ r around θ (a linear query: no δ in the box
 * turns any s_ij·z_ij(θ + δ) ≤ 0). There the ReLU network's loss is the polynomial L_gA of θ's activation values.
 */
export function confirmSignsKept(route: string, data: Samples, theta: readonly Term[], s: Shape, r: Rational): Promise<Confirmation> {
  const q = new smt.SmtQuery(`a move δ with ‖δ‖∞ ≤ ${r} that turns a pre-activation to 0 or past it\nunsat: every sign is kept on the box`);
  const delta = theta.map((_, k) => q.declare(`d${k + 1}`));
  for (const d of delta) q.assert(and(le(smt.neg(real(r)), d), le(d, real(r))));
  const before = preActivations(fromFlat(theta, s), data).flat();
  const after = preActivations(fromFlat(theta.map((x, k) => add(x, delta[k]!)), s), data).flat();
  q.assert(or(...after.map((z, k) => le(mul(z, before[k]!), ZERO))));
  return confirmBySmt(route, q, 'unsat', `every pre-activation keeps its sign within ${r} of θ`);
}

/**
 * Corollary 2.7 (1): the proof's point written for the solver from raw numbers (b_0 = 1 − min_i w_0ᵀx_i,
 * v_0 = 0, c = max_i (y_i − f(x_i)) + 1); every sign kept on a small box (so L_f is the polynomial L_gA of
 * the point's activation values there: unit 0 on everywhere, the others as in the instance), and the
 * Hessian of that polynomial has no direction of one curvature sign.
 */
export function confirmReluProofPointNotIndefinite(raw: Dataset<Rational>, point: PointNumbers): Promise<Confirmation> {
  const data = samples(raw);
  const s = shapeOf(point, data);
  const W = point.weights.map(literals);
  const b0 = sub(real(1), data.inputs.map((x) => smt.dot(W[0]!, literals(x))).reduce((m, z) => smt.min(m, z)));
  const b = point.biases.map((bj, j) => (j === 0 ? b0 : real(bj)));
  const v = point.outputWeights.map((vj, j) => (j === 0 ? ZERO : real(vj)));
  const outputs = data.inputs.map((x) => add(...W.map((w, j) => mul(v[j]!, smt.relu(add(smt.dot(w, literals(x)), b[j]!))))));
  const c = add(data.targets.map((y, i) => sub(real(y), outputs[i]!)).reduce((m, g) => smt.max(m, g)), real(1));
  const theta = [...W.flat(), ...b, ...v, c];
  // Unit 0 has every pre-activation ≥ 1, the others keep the instance's: a box below both radii keeps every sign.
  const unitZero = Rational.ONE.div(data.inputs.flat().reduce((m, x) => (x.abs().gt(m) ? x.abs() : m), Rational.ONE).mul(Rational.fromInt(s.inputDim + 1)));
  const others = point.weights.length > 1 ? signRadius(point.weights.slice(1), point.biases.slice(1), data) : unitZero;
  const r = powerOfTwoBelow((unitZero.lt(others) ? unitZero : others).div(Rational.fromInt(2)));
  const active = activationsAt(point.weights, point.biases, data).map((row) => row.map((a, j) => j === 0 || a));
  return allInTurn("z3: L_f is a polynomial near the proof's point and its Hessian has no direction of one curvature sign", [
    () => confirmSignsKept('z3: every sign kept on a box around the proof\'s point', data, theta, s, r),
    () => confirmSemidefinite("z3: the Hessian of L_gA at the proof's point has no direction of one curvature sign", fixedLossIn(data, active, s), theta),
  ]);
}

/**
 * Corollary 2.7 (2), (3) fail at θ: L_f(θ) above the least value of ½‖AR − y‖² for θ's own activation
 * values, θ critical, and a local minimum (maximum) of the ReLU network's loss — every sign kept on a small
 * box and the Hessian of the polynomial L_gA definite there, else no lower (higher) value of L_f in a small box.
 */
export function confirmExtremumAboveSubglobal(raw: Dataset<Rational>, point: PointNumbers, kind: 'minimum' | 'maximum'): Promise<Confirmation> {
  const data = samples(raw);
  const s = shapeOf(point, data);
  const theta = thetaOf(point);
  const active = activationsAt(point.weights, point.biases, data);
  const r = powerOfTwoBelow(signRadius(point.weights, point.biases, data).div(Rational.fromInt(2)));
  const [Lf, Lg] = [reluLossIn(data, s), fixedLossIn(data, active, s)];
  const extremum = async () => {
    const definite = await allInTurn(`z3: L_f is a polynomial near θ with a ${kind === 'minimum' ? 'positive' : 'negative'} definite Hessian`, [
      () => confirmSignsKept('z3: every sign kept on a box around θ', data, theta, s, r),
      () => confirmDefinite('z3: the Hessian of L_gA at θ is definite', Lg, theta, kind),
    ]);
    return definite.status === 'confirmed' ? definite : confirmExtremum(`z3: no ${kind === 'minimum' ? 'lower' : 'higher'} L_f in a small box around θ`, Lf, theta, kind);
  };
  return allInTurn(`z3: a local ${kind} of L_f above the subglobal minimum of its region`, [
    () => confirmAboveLeastValue('z3: some R has ½‖AR − y‖² < L_f(θ)', data, active, s, (q) => Lf(q, theta, 'theta')),
    () => confirmCritical('z3: ∇L_f(θ) = 0 (stencils inside the region)', Lf, theta, r.div(Rational.fromInt(2))),
    extremum,
  ]);
}

// ---------------------------------------------------------------- §3.1, §3.2

/** What a §3.1 witness names: the fit (u, d), v, and a descent direction when the point is not a local minimum. */
export interface LinearRegionHints {
  readonly u: readonly Rational[];
  readonly d: Rational;
  readonly v: readonly Rational[];
  readonly descent?: readonly Rational[];
}

/**
 * §3.1 fails for W: eq. (5)'s biases from the raw W and inputs, as solver terms. Either some
 * pre-activation is ≤ 0 (hints null), or, with the fit (u, d) and v checked (normal equations
 * Xᵀ(Xβ − y) = 0 and vᵀW = uᵀ) and c = d − vᵀb: an output or the loss off the linear fit, or a descent
 * ray of L_f along the hint.
 */
export async function confirmLinearRegionPointFails(raw: Dataset<Rational>, weights: readonly (readonly Rational[])[], hints: LinearRegionHints | null): Promise<Confirmation> {
  const data = samples(raw);
  const W = weights.map(literals);
  const b = W.map((w) => add(smt.neg(data.inputs.map((x) => smt.dot(w, literals(x))).reduce((m, z) => smt.min(m, z))), real(1)));
  if (hints === null) {
    return confirmFact('z3: some w_jᵀx_i + b_j ≤ 0 with b of eq. (5) (ground query)', 'the eq. (5) point is not in the all-active region', () =>
      or(...data.inputs.flatMap((x) => W.map((w, j) => le(add(smt.dot(w, literals(x)), b[j]!), ZERO)))),
    );
  }
  const route = 'z3: the eq. (5) point with a checked fit and v is not the linear fit or not a local minimum';
  const [u, d, v] = [literals(hints.u), real(hints.d), literals(hints.v)];
  const fit = data.inputs.map((x) => add(smt.dot(u, literals(x)), d));
  const residuals = fit.map((f, i) => sub(f, real(data.targets[i]!)));
  const normal = [...u.map((_, k) => add(...data.inputs.map((x, i) => mul(real(x[k]!), residuals[i]!)))), add(...residuals)];
  const checked = await groundHolds('(u, d) solves the normal equations and vᵀW = uᵀ', () =>
    and(...normal.map((g) => eq(g, ZERO)), ...u.map((uk, k) => eq(add(...v.map((vj, j) => mul(vj, W[j]![k]!))), uk))),
  );
  if (checked.holds !== true) return unconfirmed(route, 'the solver did not confirm the fit and v of the witness');
  const net: NetTerms = { W, b, v, c: sub(d, smt.dot(v, b)) };
  const s: Shape = { units: W.length, inputDim: data.inputs[0]!.length, bias: true, outputBias: true };
  if (hints.descent !== undefined) {
    return confirmRay('z3: L_f(θ + tX) < L_f(θ) on (0, t₀] at the eq. (5) point', reluLossIn(data, s), [...net.W.flat(), ...net.b!, ...net.v, net.c!], hints.descent);
  }
  return confirmFact('z3: an output or the loss of the eq. (5) point is off the linear fit (ground query)', 'the eq. (5) point is not the linear fit with its loss', (q) => {
    const f = reluOutputs(q, data, net, 'f');
    return or(...f.map((fi, i) => not(eq(fi, fit[i]!))), not(eq(halfSquaredError(f, data), halfSquaredError(fit, data))));
  });
}

/**
 * θ is a local minimum of the ReLU network's loss because every sign is kept on a small box (where the loss
 * is L_gA of θ's activation values) and L_gA(θ) is the least value of ½‖AR − y‖², which bounds L_gA everywhere.
 */
function confirmSubglobalMinimum(data: Samples, point: PointNumbers): Promise<Confirmation> {
  const s = shapeOf(point, data);
  const theta = thetaOf(point);
  const active = activationsAt(point.weights, point.biases, data);
  const radius = signRadius(point.weights, point.biases, data);
  const route = 'z3: θ is a local minimum of L_f (signs kept near θ, L_gA(θ) its least value)';
  if (radius.isZero()) return Promise.resolve(unconfirmed(route, 'θ has a zero pre-activation'));
  const r = powerOfTwoBelow(radius.div(Rational.fromInt(2)));
  return allInTurn(route, [
    () => confirmSignsKept('z3: every sign kept on a box around θ', data, theta, s, r),
    () => confirmLeastValue('z3: no R has ½‖AR − y‖² < L_gA(θ)', data, active, s, () => fixedLoss(data, active, fromFlat(theta, s))),
  ]);
}

/** The unit §3.2 adds: weights w, outgoing weight v, bias −max_i wᵀx_i − margin. */
export interface DeadUnit {
  readonly weight: readonly Rational[];
  readonly outgoing: Rational;
  readonly margin: Rational;
}

/**
 * §3.2 fails at θ: θ (a hint) is a local minimum of the smaller network (every sign kept near θ and L_gA(θ)
 * the least value of ½‖AR − y‖²; else no lower loss in a small box), and the larger network — θ plus the unit built from raw numbers (bias −max_i wᵀx_i − m as a solver
 * term) — has another loss at that point (descent null), or loses value along the descent hint on (0, t₀].
 */
export function confirmDeadUnitBreaksMinimum(raw: Dataset<Rational>, small: PointNumbers, unit: DeadUnit, descent: readonly Rational[] | null): Promise<Confirmation> {
  const data = samples(raw);
  const smallShape = shapeOf(small, data);
  const largeShape = { ...smallShape, units: smallShape.units + 1 };
  const theta = thetaOf(small);
  const net = fromFlat(theta, smallShape);
  const w = literals(unit.weight);
  const bias = sub(smt.neg(data.inputs.map((x) => smt.dot(w, literals(x))).reduce((m, z) => smt.max(m, z))), real(unit.margin));
  const large = [...net.W.flat(), ...w, ...net.b!, bias, ...net.v, real(unit.outgoing), net.c!];
  const [smallLoss, largeLoss] = [reluLossIn(data, smallShape), reluLossIn(data, largeShape)];
  const premise = async () => {
    const subglobal = await confirmSubglobalMinimum(data, small);
    return subglobal.status === 'confirmed' ? subglobal : confirmExtremum('z3: θ is a local minimum of the smaller network (no lower loss in a box)', smallLoss, theta, 'minimum');
  };
  if (descent === null) {
    const changed = () => confirmGround('z3: the loss with the new unit differs from L(θ)', '!=', (q) => ({ lhs: largeLoss(q, large, 'large'), rhs: smallLoss(q, theta, 'small') }), 'the added unit changes the loss');
    return allInTurn('z3: θ a local minimum, and the loss changes with the new unit', [changed, premise]);
  }
  const ray = () => confirmRay("z3: L(θ′ + tX) < L(θ′) on (0, t₀] for the network with the new unit", largeLoss, large, descent);
  return allInTurn('z3: θ a local minimum of the smaller network, and a descent ray at θ′ with the new unit', [ray, premise]);
}

// ---------------------------------------------------------------- eq. (7)

/** Eq. (7) written for the solver: (M p − Y)_(j,r) = Σ_k Σ_c (Σ_i a_ij a_ik x_ir x_ic) p_kc − Σ_i a_ij y_i x_ir. */
function blockResidual(data: Samples, active: readonly (readonly boolean[])[], p: readonly Term[]): Term[] {
  const [h, d] = [active[0]!.length, data.inputs[0]!.length];
  const sum = (f: (x: readonly Rational[], i: number) => Rational | null) => data.inputs.reduce((acc, x, i) => acc.add(f(x, i) ?? Rational.ZERO), Rational.ZERO);
  return Array.from({ length: h }, (_, j) =>
    Array.from({ length: d }, (_, r) => {
      const Mp = Array.from({ length: h }, (_, k) =>
        Array.from({ length: d }, (_, c) => mul(real(sum((x, i) => (active[i]![j]! && active[i]![k]! ? x[r]!.mul(x[c]!) : null))), p[k * d + c]!)),
      ).flat();
      const Y = sum((x, i) => (active[i]![j]! ? data.targets[i]!.mul(x[r]!) : null));
      return sub(add(...Mp), real(Y));
    }),
  ).flat();
}

const biasFree = (raw: Dataset<Rational>, activations: readonly (readonly unknown[])[]) => {
  const data = samples(raw);
  const active = activationMatrix(activations);
  return { data, active, s: reparametrisedShape(data, active, false) };
};

/** Eq. (6) fails at p: some exact stencil derivative of ½Σ(Σ_j a_ij p_jᵀx_i − y_i)² differs from (M p − Y) of eq. (7). */
export function confirmGradientIsNotBlockResidual(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], p: readonly Rational[]): Promise<Confirmation> {
  const { data, active, s } = biasFree(raw, activations);
  const at = literals(p.slice(0, s.units * s.inputDim));
  return confirmFact('z3: ∇_p L_gA against M p − Y of eq. (7) (ground query)', 'the gradient of L_gA in p is not M p − Y', (q) => {
    const residual = blockResidual(data, active, at);
    return or(...gradientTerms(q, reparametrisedLossIn(data, active, s), at).map((g, k) => not(eq(g, residual[k]!))));
  });
}

/** What an eq. (7) witness names: A⁺y when it does not solve eq. (7), no solution at all, or solutions of eq. (7). */
export type BlockSystemHints = { readonly minimiser: readonly Rational[] } | { readonly unsolvable: true } | { readonly solutions: readonly (readonly Rational[])[] };

/**
 * Eq. (7) fails: A⁺y (a hint) minimises the loss (no p with a lower value) yet M A⁺y ≠ Y; or M p = Y has
 * no solution; or a solution of M p = Y (a hint, checked) has a loss above the least value.
 */
export async function confirmBlockSystemFails(raw: Dataset<Rational>, activations: readonly (readonly unknown[])[], hints: BlockSystemHints): Promise<Confirmation> {
  const { data, active, s } = biasFree(raw, activations);
  const L = reparametrisedLossIn(data, active, s);
  const solves = (p: readonly Term[]) => and(...blockResidual(data, active, p).map((r) => eq(r, ZERO)));
  if ('minimiser' in hints) {
    const p = literals(hints.minimiser);
    return allInTurn('z3: A⁺y minimises the loss and does not solve eq. (7)', [
      () => confirmLeastValue('z3: no p has a lower loss than A⁺y', data, active, s, (q) => L(q, p, 'p')),
      () => confirmFact('z3: M A⁺y ≠ Y (ground query)', 'A⁺y does not solve eq. (7)', () => not(solves(p))),
    ]);
  }
  if ('unsolvable' in hints) {
    const q = new smt.SmtQuery('some p solves M p = Y\nsat: eq. (7) has a solution');
    q.assert(solves(Array.from({ length: s.units * s.inputDim }, (_, k) => q.declare(`p${k + 1}`))));
    return confirmBySmt('z3: no p solves M p = Y', q, 'unsat', 'eq. (7) has no solution');
  }
  let last: Confirmation = unconfirmed('z3', 'no solution to check');
  for (const candidate of hints.solutions) {
    const p = literals(candidate);
    last = await allInTurn('z3: a solution of eq. (7) with a loss above the least value', [
      () => confirmFact('z3: M p = Y (ground query)', 'p solves eq. (7)', () => solves(p)),
      () => confirmAboveLeastValue('z3: some p′ has a lower loss than p', data, active, s, (q) => L(q, p, 'p')),
    ]);
    if (last.status === 'confirmed') return last;
  }
  return last;
}

// ---------------------------------------------------------------- Figs. 1–3

export const regionsText = (signs: readonly (readonly number[])[]) => signs.map((c) => c.map((x) => (x > 0 ? '+' : '-')).join('')).join(' ');

/** 2·Σ_{k<D} C(N − 1, k), the count for N vectors in general position in R^D, by plain integer sums. */
function arrangementCount(N: number, D: number): number {
  let choose = 1;
  let total = 0;
  for (let k = 0; k < D && k <= N - 1; k++) {
    total += choose;
    choose = (choose * (N - 1 - k)) / (k + 1);
  }
  return 2 * total;
}

/**
 * The number of non-empty regions of one unit (every sign vector in {−1, +1}^N asked to z3) differs from
 * `expected`, or — without one — the inputs are in general position (Gram determinants) and it differs
 * from the arrangement count 2·Σ_{k<D} C(N − 1, k).
 */
export async function confirmRegionCountDiffers(inputs: readonly (readonly Rational[])[], bias: boolean, expected?: number): Promise<Confirmation> {
  const route = 'z3: one linear query per sign vector in {−1, +1}^N';
  if (expected === undefined) {
    const general = await groundHolds('the inputs are in general position', () => generalPositionTerm(inputs, bias));
    if (general.holds !== true) return unconfirmed(route, 'the solver did not confirm general position');
  }
  const want = expected ?? arrangementCount(inputs.length, inputs[0]!.length + (bias ? 1 : 0));
  const cells = await realisedSignVectors(inputs, bias);
  if (cells === null) return unconfirmed(route, 'the solver left a sign vector undecided');
  const evidence = { 'non-empty regions': cells.length, expected: want, regions: regionsText(cells) };
  return cells.length === want ? contradicted(route, `the solver finds ${want} regions, as expected`, evidence) : confirmed(route, evidence);
}

/** Fig. 2: the four statuses of (0, w2) that the classifier and the derivation compare. */
export type LineStatusKey = 'localMin' | 'localMax' | 'strictMin' | 'strictMax';

/** L(w1, w2) = ½Σ(w2·relu(w1 x_i) − y_i)² at flat (w1, w2). */
const lineLoss = (data: Samples): LossAt => reluLossIn(data, { units: 1, inputDim: 1, bias: false, outputBias: false });

/** Rays out of (0, w2) that decide "not a local minimum (maximum)" there: along ±w1, and ±w1 with a turn of w2. */
const LINE_RAYS = [[1, 0], [-1, 0], [1, 1], [1, -1], [-1, 1], [-1, -1]].map((d) => d.map((x) => Rational.fromInt(x)));

/**
 * The status of (0, w2) for f(x) = w2·σ(w1 x) by z3 alone: a local minimum (maximum) by a box with no lower
 * (higher) loss, not one by a descent (ascent) ray; not strict when the loss is constant along the line
 * w1 = 0, strict by a box with no other point as low (high). Null when undecided.
 */
export async function lineStatus(raw: Dataset<Rational>, w2: Rational, key: LineStatusKey): Promise<boolean | null> {
  const data = samples(raw);
  const L = lineLoss(data);
  const theta = [ZERO, real(w2)];
  const kind = key === 'localMin' || key === 'strictMin' ? 'minimum' : 'maximum';
  if (key === 'strictMin' || key === 'strictMax') {
    const flat = new smt.SmtQuery('a point (0, w2 + t), t ≠ 0, with another loss\nunsat: the loss is constant along the line');
    const t = flat.declare('t');
    flat.assert(and(not(eq(t, ZERO)), not(eq(L(flat, [ZERO, add(real(w2), t)], 'moved'), L(flat, theta, 'base')))));
    if ((await smt.checkSat(flat)).answer === 'unsat') return false;
    return (await confirmExtremum('z3', L, theta, kind, true)).status === 'confirmed' ? true : null;
  }
  if ((await confirmExtremum('z3', L, theta, kind)).status === 'confirmed') return true;
  for (const ray of LINE_RAYS) {
    if ((await confirmRay('z3', L, theta, ray, kind === 'minimum' ? 'descent' : 'ascent', 12)).status === 'confirmed') return false;
  }
  return null;
}

/**
 * Fig. 2's derivation is wrong at (0, w2): on the keys where the classifier disagrees with it, z3 decides
 * the status and finds another value than the derivation's. Contradicted when z3 agrees with the derivation.
 */
export async function confirmLineStatusDiffers(raw: Dataset<Rational>, w2: Rational, derived: Readonly<Record<LineStatusKey, boolean>>, keys: readonly LineStatusKey[]): Promise<Confirmation> {
  const route = 'z3: the status of (0, w2) from boxes, rays and the flat line';
  const found: Record<string, boolean | null> = {};
  for (const key of keys) found[key] = await lineStatus(raw, w2, key);
  const evidence = { w2: String(w2), 'by z3': found, derived };
  if (keys.some((key) => found[key] !== null && found[key] !== derived[key])) return confirmed(route, evidence);
  if (keys.some((key) => found[key] === null)) return unconfirmed(route, 'z3 left a status undecided', evidence);
  return contradicted(route, 'z3 agrees with the derivation: the classifier is wrong there', evidence);
}

/** Some one-sided derivative ∂L/∂w2 on the line w1 = 0, at the given w2, is not 0 (exact stencils, ground query). */
export function confirmLineSlopeNonZero(raw: Dataset<Rational>, w2s: readonly Rational[]): Promise<Confirmation> {
  const data = samples(raw);
  const L = lineLoss(data);
  return confirmFact('z3: some ∂L/∂w2 on w1 = 0 is not 0 (exact stencils, ground query)', 'the loss is not flat in w2 on the line w1 = 0', (q) =>
    or(...w2s.map((w2, k) => not(eq(stencil(alongLine(q, L, [ZERO, real(w2)], unitVector(2, 1), Rational.ONE, `w${k + 1}`), Rational.ONE).first, ZERO)))),
  );
}

/**
 * Fig. 3 (first check) fails: the tuple's unit regions (hints) each confirmed non-empty by z3, and the
 * least-squares values of the tuple and of its distinct regions (own exact Gram–Schmidt) differ.
 */
export async function confirmTupleValueDiffers(raw: Dataset<Rational>, bias: boolean, outputBias: boolean, tuple: readonly (readonly number[])[]): Promise<Confirmation> {
  const route = 'z3 (each unit region non-empty) and exact Gram–Schmidt (least-squares values)';
  const data = samples(raw);
  for (const signs of tuple) {
    if ((await realised(data.inputs, bias, signs)) !== true) return unconfirmed(route, `the solver did not confirm the region ${regionsText([signs])}`);
  }
  const distinct = [...new Map(tuple.map((c) => [c.join(), c])).values()];
  const columns = (cs: readonly (readonly number[])[]) => cs.map((c) => c.map((x) => x > 0));
  const [ofTuple, ofSet] = [leastSquaresValue(data, columns(tuple), bias, outputBias), leastSquaresValue(data, columns(distinct), bias, outputBias)];
  const evidence = { tuple: regionsText(tuple), 'value of the tuple': String(ofTuple), 'value of its distinct regions': String(ofSet) };
  return ofTuple.equals(ofSet) ? contradicted(route, 'the tuple and its distinct regions have the same value', evidence) : confirmed(route, evidence);
}

/** Fig. 3 (first check) fails: the counted regions are not (non-empty regions of one unit, by z3)^h. */
export async function confirmRegionTotalDiffers(raw: Dataset<Rational>, bias: boolean, units: number, counted: bigint): Promise<Confirmation> {
  const route = 'z3: the non-empty regions of one unit, one linear query per sign vector';
  const cells = await realisedSignVectors(samples(raw).inputs, bias);
  if (cells === null) return unconfirmed(route, 'the solver left a sign vector undecided');
  const expected = BigInt(cells.length) ** BigInt(units);
  const evidence = { regions: regionsText(cells), 'regions^h': expected.toString(), counted: counted.toString() };
  return counted === expected ? contradicted(route, 'the counts sum to regions^h', evidence) : confirmed(route, evidence);
}

/**
 * Fig. 3 (second check) fails: with the unit regions by z3 and every ordered tuple for h ≤ maxH by brute
 * force, valued by own exact Gram–Schmidt, some value for h is missing for h + 1 or some loss level has a
 * larger share of tuples above it for h + 1.
 */
export async function confirmHistogramDefect(raw: Dataset<Rational>, bias: boolean, outputBias: boolean, maxH = 3): Promise<Confirmation> {
  const route = 'z3 (unit regions) and an own brute-force enumeration of the tuples (exact Gram–Schmidt values)';
  const data = samples(raw);
  const cells = await realisedSignVectors(data.inputs, bias);
  if (cells === null) return unconfirmed(route, 'the solver left a sign vector undecided');
  const histograms = valueHistograms(data, cells, bias, outputBias, maxH);
  for (let h = 1; h < histograms.length; h++) {
    const { missing, growing } = histogramDefects(histograms[h - 1]!, histograms[h]!);
    if (missing.length > 0 || growing.length > 0) return confirmed(route, { h, 'values missing at h + 1': missing, 'levels whose share above grows': growing });
  }
  return contradicted(route, 'every value for h is found for h + 1 and no share above a level grows', { regions: regionsText(cells) });
}
