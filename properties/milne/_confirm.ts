// Second routes for the milne/ claims. Every quantity is written from the instance's raw rationals as
// SMT-LIB terms — pre-activations and switches 1_{z>0}, the matrices of eqs. (7) and (25), determinants by
// Laplace expansion, polynomials in t — and decided by z3. Nothing here calls the library's evaluators;
// values taken from a witness are hints whose use the solver checks.
import {
  allConfirmed,
  confirmBySmt,
  confirmGround,
  confirmed,
  contradicted,
  Rational,
  smt,
  unconfirmed,
  type Confirmation,
} from '../../src/index.ts';

export type Term = smt.Term;
type Query = smt.SmtQuery;

/** Weights in the paper's orientation, as instances hold them: W[k][j][u] joins unit j of layer k to unit u of layer k + 1. */
export type RawWeights = readonly (readonly (readonly Rational[])[])[];
/** The same as terms. */
export type WeightTerms = readonly (readonly (readonly Term[])[])[];
/** Coefficients c_0, c_1, … of a polynomial in one variable, as terms. */
export type Poly = readonly Term[];

const { ZERO, ONE } = smt;

export const lit = (r: Rational | number | bigint): Term => smt.real(r);

/** A product that stays the literal 0 when a factor is the literal 0 (so that structural zeros can be skipped). */
export function times(...factors: readonly Term[]): Term {
  if (factors.some((f) => f === ZERO)) return ZERO;
  return smt.mul(...factors.filter((f) => f !== ONE));
}

/** A sum without literal-zero summands. */
export function plus(...terms: readonly Term[]): Term {
  return smt.add(...terms.filter((t) => t !== ZERO));
}

/** A reading of a hint from a witness: a Rational, or null when it is missing or of another kind. */
export function rationalHint(value: unknown): Rational | null {
  if (value instanceof Rational) return value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    try {
      return Rational.from(value);
    } catch {
      return null;
    }
  }
  return null;
}

export function rationalMatrixHint(value: unknown): Rational[][] | null {
  if (!Array.isArray(value)) return null;
  const rows = value.map((row) => (Array.isArray(row) ? row.map(rationalHint) : null));
  if (rows.some((row) => row === null || row.some((v) => v === null))) return null;
  return rows as Rational[][];
}

export function weightsHint(value: unknown): Rational[][][] | null {
  if (!Array.isArray(value)) return null;
  const blocks = value.map(rationalMatrixHint);
  return blocks.some((b) => b === null) ? null : (blocks as Rational[][][]);
}

// ---------------------------------------------------------------------------------------------
// The network, read from its raw weights

/** [n_0, …, n_{H+1}] read off the arrays. */
export function widthsOf(W: RawWeights | WeightTerms): number[] {
  return [W[0]!.length, ...W.map((Wk) => Wk[0]!.length)];
}

export const weightTerms = (W: RawWeights): Term[][][] => W.map((Wk) => Wk.map((row) => row.map(lit)));

/** W + tX entrywise, t a term. */
export function shiftedWeights(W: RawWeights, X: RawWeights, t: Term): Term[][][] {
  return W.map((Wk, k) => Wk.map((row, j) => row.map((w, u) => plus(lit(w), times(t, lit(X[k]![j]![u]!))))));
}

/** Pre-activations z[k][u] of layers k = 1..H+1 (index k − 1) and switches on[k][u] = 1_{z>0} of layers 0..H+1 (on[0] ≡ 1). */
export interface SwitchTerms {
  readonly pre: readonly (readonly Term[])[];
  readonly on: readonly (readonly Term[])[];
}

/** One input through y = σ(W_Hᵀσ(…σ(W_0ᵀa))) with every unit defined once: its pre-activations and switches. */
export function switchesAt(q: Query, a: readonly Term[], W: WeightTerms, name: string): SwitchTerms {
  let h: readonly Term[] = a;
  const pre: Term[][] = [];
  const on: Term[][] = [a.map(() => ONE)];
  W.forEach((Wk, k) => {
    const z = Wk[0]!.map((_, u) => q.define(q.fresh(`${name}_z${k + 1}_${u + 1}`), plus(...h.map((x, j) => times(x, Wk[j]![u]!)))));
    pre.push(z);
    on.push(z.map((zu, u) => q.define(q.fresh(`${name}_s${k + 1}_${u + 1}`), smt.ite(smt.gt(zu, ZERO), ONE, ZERO))));
    h = z.map((zu) => smt.relu(zu));
  });
  return { pre, on };
}

/** y(a, W) through smt.forwardTerms (a second encoding of the network, by its activation's kinks). */
export function outputTerm(q: Query, a: readonly Term[], W: WeightTerms, name: string): Term {
  const layers = W.map((Wk) => ({ weights: Wk[0]!.map((_, u) => Wk.map((row) => row[u]!)), bias: null, activation: smt.RELU }));
  return smt.forwardTerms(q, layers, a, name)[0]!;
}

/** Every pre-activation is non-zero: the switches are constant near W (a differentiable point). */
export const offBreakpoints = (s: SwitchTerms): Term => smt.and(...s.pre.flat().map((z) => smt.not(smt.eq(z, ZERO))));

/** The switched weights V_k = S_kW_kS_{k+1} of §3.2 (the product that type-checks), or a direction X switched alike. */
export function switchedBlocks(W: WeightTerms, on: SwitchTerms['on']): Term[][][] {
  return W.map((Wk, k) => Wk.map((row, j) => row.map((w, u) => times(on[k]![j]!, w, on[k + 1]![u]!))));
}

/** Start index of the blocks J_0, …, J_{H+1} (index 0 is the first row and column). */
export function blockOffsets(widths: readonly number[]): number[] {
  const offsets: number[] = [];
  let k = 1;
  for (const n of widths) {
    offsets.push(k);
    k += n;
  }
  return offsets;
}

export interface MatrixShape {
  /** Diagonals of the blocks J_0, …, J_H (default ones, the identity blocks of eq. (7)). */
  readonly diagonal?: readonly (readonly Term[])[];
  /** The (n, 1) entry, (−1)^{H+1} as printed. */
  readonly corner?: Term;
}

/**
 * The matrix of eq. (7): row 1 is (0, aᵀ, 0, …), block row J_k holds D_k on the diagonal and V_k to its
 * right, the last row is (corner, 0, …, 0).
 */
export function milneMatrixTerms(a: readonly Term[], V: readonly (readonly (readonly Term[])[])[], shape: MatrixShape = {}): Term[][] {
  const widths = widthsOf(V);
  const H = widths.length - 2;
  const offsets = blockOffsets(widths);
  const n = 1 + widths.reduce((s, w) => s + w, 0);
  const M = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
  a.forEach((v, j) => (M[0]![offsets[0]! + j] = v));
  V.forEach((Vk, k) =>
    Vk.forEach((row, j) => {
      M[offsets[k]! + j]![offsets[k]! + j] = shape.diagonal?.[k]?.[j] ?? ONE;
      row.forEach((v, u) => (M[offsets[k]! + j]![offsets[k + 1]! + u] = v));
    }),
  );
  M[n - 1]![0] = shape.corner ?? lit(H % 2 === 0 ? -1 : 1);
  return M;
}

/** C(a, W) of eq. (25): first row ((−1)^H, 0, …), the block rows of A, last row (0, aᵀ, 0, …, 0, β). */
export function milneCTerms(a: readonly Term[], V: readonly (readonly (readonly Term[])[])[], diagonal: readonly (readonly Term[])[], beta: Term): Term[][] {
  const widths = widthsOf(V);
  const H = widths.length - 2;
  const M = milneMatrixTerms(a, V, { diagonal });
  const n = M.length;
  const offsets = blockOffsets(widths);
  M[0] = M[0]!.map((_, c) => (c === 0 ? lit(H % 2 === 0 ? 1 : -1) : ZERO));
  M[n - 1] = M[n - 1]!.map((_, c) => (c === n - 1 ? beta : c >= offsets[0]! && c < offsets[0]! + a.length ? a[c - offsets[0]!]! : ZERO));
  return M;
}

/** X_a: the matrix with A(a, W + tX) = A(a, W) + tX_a while the switches stay put (the switched direction in the V blocks). */
export function perturbationTerms(blocks: readonly (readonly (readonly Term[])[])[]): Term[][] {
  const widths = widthsOf(blocks);
  const offsets = blockOffsets(widths);
  const n = 1 + widths.reduce((s, w) => s + w, 0);
  const M = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
  blocks.forEach((Bk, k) => Bk.forEach((row, j) => row.forEach((v, u) => (M[offsets[k]! + j]![offsets[k + 1]! + u] = v))));
  return M;
}

// ---------------------------------------------------------------------------------------------
// Polynomials in one variable with term coefficients

export function polyAdd(p: Poly, r: Poly): Term[] {
  return Array.from({ length: Math.max(p.length, r.length) }, (_, k) => plus(p[k] ?? ZERO, r[k] ?? ZERO));
}

/** p·r, dropping the coefficients above `degree`. */
export function polyMul(p: Poly, r: Poly, degree: number): Term[] {
  const out: Term[][] = Array.from({ length: Math.min(degree, p.length + r.length - 2) + 1 }, () => []);
  p.forEach((a, i) => r.forEach((b, j) => (i + j <= degree ? out[i + j]!.push(times(a, b)) : undefined)));
  return out.map((terms) => plus(...terms));
}

const isZeroPoly = (p: Poly): boolean => p.every((c) => c === ZERO);

function definePoly(q: Query, p: Poly, name: string): Term[] {
  return p.map((c) => (c === ZERO || c === ONE ? c : q.define(q.fresh(name), c)));
}

/**
 * Determinants of a matrix of polynomials (truncated at `degree`) and of its minors by Laplace expansion
 * along the first remaining row; every partial expansion (rows r.., the columns not yet used) is defined
 * once and shared between the determinant and all minors; structural (literal) zeros are skipped.
 */
export class LaplaceExpansion {
  private readonly n: number;
  private readonly memo = new Map<string, Term[]>();

  constructor(
    private readonly q: Query,
    private readonly M: readonly (readonly Poly[])[],
    private readonly degree: number,
    private readonly name: string,
  ) {
    this.n = M.length;
  }

  /** det M. */
  determinant(): Term[] {
    return this.expand(0, 0n, -1);
  }

  /** det of M without row i and column j. */
  minor(i: number, j: number): Term[] {
    return this.expand(0, 1n << BigInt(j), i);
  }

  /** Rows r.. (row `skip` left out), the columns outside `used`. */
  private expand(r: number, used: bigint, skip: number): Term[] {
    if (r === skip) return this.expand(r + 1, used, -1);
    if (r === this.n) return [ONE];
    const key = `${r}:${used}:${skip < r ? -1 : skip}`;
    const seen = this.memo.get(key);
    if (seen !== undefined) return seen;
    let sum: Term[] = [ZERO];
    let free = 0;
    for (let c = 0; c < this.n; c++) {
      if ((used >> BigInt(c)) & 1n) continue;
      const entry = this.M[r]![c]!;
      if (!isZeroPoly(entry)) {
        const rest = this.expand(r + 1, used | (1n << BigInt(c)), skip);
        if (!isZeroPoly(rest)) {
          const term = polyMul(entry, rest, this.degree);
          sum = polyAdd(sum, free % 2 === 0 ? term : term.map((t) => (t === ZERO ? ZERO : smt.neg(t))));
        }
      }
      free++;
    }
    const defined = definePoly(this.q, sum, `${this.name}_m`);
    this.memo.set(key, defined);
    return defined;
  }
}

const constantEntries = (M: readonly (readonly Term[])[]): Poly[][] => M.map((row) => row.map((v) => [v]));

/** det M by Laplace expansion. */
export function determinantTerm(q: Query, M: readonly (readonly Term[])[], name: string): Term {
  return new LaplaceExpansion(q, constantEntries(M), 0, name).determinant()[0]!;
}

/** Adj(A)_ik = (−1)^{i+k} det(A without row k and column i), each written once when first asked for. */
export function adjugate(q: Query, A: readonly (readonly Term[])[], name: string): (i: number, k: number) => Term {
  const laplace = new LaplaceExpansion(q, constantEntries(A), 0, name);
  const adj = new Map<string, Term>();
  return (i, k) => {
    const key = `${i},${k}`;
    let v = adj.get(key);
    if (v === undefined) {
      const d = laplace.minor(k, i)[0]!;
      v = d === ZERO ? ZERO : (i + k) % 2 === 0 ? d : smt.neg(d);
      adj.set(key, v);
    }
    return v;
  };
}

/** Adj(A)·X, only the entries in the columns where X has non-zero entries being non-zero. */
export function adjugateTimes(q: Query, A: readonly (readonly Term[])[], X: readonly (readonly Term[])[], name: string): Term[][] {
  const adj = adjugate(q, A, name);
  return A.map((_, i) =>
    A.map((__, j) => {
      const sum = plus(...X.flatMap((row, k) => (row[j] === ZERO ? [] : [times(adj(i, k), row[j]!)])));
      return sum === ZERO ? ZERO : q.define(q.fresh(`${name}_AX${i + 1}_${j + 1}`), sum);
    }),
  );
}

/** M = A⁻¹X = Adj(A)X/det(A), written through cofactors. */
export function inverseTimes(q: Query, A: readonly (readonly Term[])[], X: readonly (readonly Term[])[], detA: Term, name: string): Term[][] {
  return adjugateTimes(q, A, X, name).map((row) => row.map((v) => (v === ZERO ? ZERO : smt.div(v, detA))));
}

export const trace = (M: readonly (readonly Term[])[]): Term => plus(...M.map((row, i) => row[i]!));

/** tr(M²) = Σ_ij M_ij M_ji. */
export const traceOfSquare = (M: readonly (readonly Term[])[]): Term => plus(...M.flatMap((row, i) => row.map((v, j) => times(v, M[j]![i]!))));

export const frobeniusSquaredTerm = (M: readonly (readonly Term[])[]): Term => plus(...M.flat().map((v) => times(v, v)));

// ---------------------------------------------------------------------------------------------
// Lines W + tX with the switches frozen: the output and the loss as polynomials in t

/**
 * y(t) = S_{H+1}(W_H + tX_H)ᵀS_H⋯S_1(W_0 + tX_0)ᵀa with the given switches, expanded in t up to `degree`.
 */
export function frozenOutputLine(q: Query, a: readonly Term[], W: WeightTerms, X: WeightTerms, on: SwitchTerms['on'], degree: number, name: string): Term[] {
  let h: Term[][] = a.map((v) => [v]);
  W.forEach((Wk, k) => {
    h = Wk[0]!.map((_, u) => {
      const z = h.reduce<Term[]>((s, hj, j) => polyAdd(s, polyMul(hj, [Wk[j]![u]!, X[k]![j]![u]!], degree)), [ZERO]);
      return definePoly(q, z.map((c) => times(on[k + 1]![u]!, c)), `${name}_h${k + 1}_${u + 1}`);
    });
  });
  return h[0]!;
}

export interface DataPoint {
  readonly a: readonly Rational[];
  readonly f: Rational;
}

export interface LossLine {
  /** ℓ(W), d/dt ℓ(W + tX) and d²/dt² ℓ(W + tX) at t = 0, for ℓ = (1/N)Σ(f(a_i) − y(a_i, W))² with frozen switches. */
  readonly value: Term;
  readonly first: Term;
  readonly second: Term;
  /** Per point: the switches at W and the output line y_i(t) (coefficients 0..2). */
  readonly points: readonly { readonly switches: SwitchTerms; readonly line: readonly Term[] }[];
}

/**
 * The loss along W + tX with the switches frozen at W (so, at a differentiable W, its derivatives at
 * t = 0), from the symbolic expansion of each output: with e(t) = y(t) − f = e_0 + e_1t + e_2t² + …,
 * ℓ = (1/N)Σe_0², ℓ′ = (2/N)Σe_0e_1, ℓ″ = (2/N)Σ(e_1² + 2e_0e_2). `pattern` replaces the switches where
 * a pre-activation is zero (a piece meeting at W), see pieceSwitches.
 */
export function lossLine(q: Query, data: readonly DataPoint[], W: RawWeights, X: RawWeights, name: string, pieces?: readonly (readonly (readonly number[])[])[]): LossLine {
  const Wt = weightTerms(W);
  const Xt = weightTerms(X);
  const points = data.map(({ a }, i) => {
    const at = switchesAt(q, a.map(lit), Wt, `${name}${i + 1}`);
    const switches = pieces === undefined ? at : pieceSwitches(q, at, pieces[i]!, `${name}${i + 1}`);
    return { switches, line: frozenOutputLine(q, a.map(lit), Wt, Xt, switches.on, 2, `${name}${i + 1}`) };
  });
  const scale = lit(Rational.of(1, data.length));
  const e = points.map((p, i) => [smt.sub(p.line[0] ?? ZERO, lit(data[i]!.f)), p.line[1] ?? ZERO, p.line[2] ?? ZERO] as const);
  return {
    value: q.define(q.fresh(`${name}_loss`), smt.mul(scale, plus(...e.map(([e0]) => times(e0, e0))))),
    first: q.define(q.fresh(`${name}_d1`), smt.mul(lit(2), scale, plus(...e.map(([e0, e1]) => times(e0, e1))))),
    second: q.define(q.fresh(`${name}_d2`), smt.mul(lit(2), scale, plus(...e.map(([e0, e1, e2]) => plus(times(e1, e1), times(lit(2), e0, e2)))))),
    points,
  };
}

/**
 * The switches of one piece meeting at W: 1_{z>0} where z ≠ 0, the hinted value (1 = on) where z = 0.
 * `pattern[k][u]` is the library's position of unit u of layer k + 1 (0 off, 2 on); only its value at
 * zero pre-activations is used.
 */
export function pieceSwitches(q: Query, s: SwitchTerms, pattern: readonly (readonly number[])[], name: string): SwitchTerms {
  const on = s.pre.map((layer, k) =>
    layer.map((z, u) => q.define(q.fresh(`${name}_p${k + 1}_${u + 1}`), smt.ite(smt.gt(z, ZERO), ONE, smt.ite(smt.lt(z, ZERO), ZERO, lit(pattern[k]?.[u] === 2 ? 1 : 0))))),
  );
  return { pre: s.pre, on: [s.on[0]!, ...on] };
}

// ---------------------------------------------------------------------------------------------
// Positive semidefiniteness by an exact LDLᵀ certificate that the solver re-multiplies

/**
 * M = L·diag(D)·Lᵀ, L unit lower triangular, D ≥ 0 (exact elimination without pivoting, which a
 * positive semidefinite M allows), or null when the elimination meets a negative pivot or a zero pivot
 * with a non-zero column (M is then not positive semidefinite).
 */
export function ldlCertificate(M: readonly (readonly Rational[])[]): { L: Rational[][]; D: Rational[] } | null {
  const n = M.length;
  const L = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? Rational.ONE : Rational.ZERO)));
  const D: Rational[] = [];
  for (let k = 0; k < n; k++) {
    let d = M[k]![k]!;
    for (let j = 0; j < k; j++) d = d.sub(L[k]![j]!.mul(L[k]![j]!).mul(D[j]!));
    if (d.sign() < 0) return null;
    D.push(d);
    for (let i = k + 1; i < n; i++) {
      let s = M[i]![k]!;
      for (let j = 0; j < k; j++) s = s.sub(L[i]![j]!.mul(L[k]![j]!).mul(D[j]!));
      if (d.isZero()) {
        if (!s.isZero()) return null;
      } else L[i]![k] = s.div(d);
    }
  }
  return { L, D };
}

/** "M ⪰ 0" through a certificate: M_ij = (L D Lᵀ)_ij for i ≥ j (M symmetric) and D_k ≥ 0. */
export function positiveSemidefinite(M: readonly (readonly Term[])[], certificate: { L: Rational[][]; D: Rational[] }): Term {
  const { L, D } = certificate;
  const facts = D.map((d) => smt.ge(lit(d), ZERO));
  for (let i = 0; i < M.length; i++) {
    for (let j = 0; j <= i; j++) {
      let v = Rational.ZERO;
      for (let k = 0; k < D.length; k++) v = v.add(L[i]![k]!.mul(D[k]!).mul(L[j]![k]!));
      facts.push(smt.eq(M[i]![j]!, lit(v)));
    }
  }
  return smt.and(...facts);
}

/** AᵀA − c·I as terms. */
export function gramMinus(q: Query, A: readonly (readonly Term[])[], c: Term, name: string): Term[][] {
  const n = A.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const s = plus(...A.map((row) => times(row[i]!, row[j]!)));
      const v = i === j ? smt.sub(s, c) : s;
      return v === ZERO ? ZERO : q.define(q.fresh(`${name}_G${i + 1}_${j + 1}`), v);
    }),
  );
}

/** AᵀA − c·I over the rationals (for the certificate). */
export function gramMinusRational(A: readonly (readonly Rational[])[], c: Rational): Rational[][] {
  const n = A.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const s = A.reduce((acc, row) => acc.add(row[i]!.mul(row[j]!)), Rational.ZERO);
      return i === j ? s.sub(c) : s;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Permutations with structurally non-zero Leibniz products

/** sgn σ by counting inversions. */
export function inversionSign(permutation: readonly number[]): 1 | -1 {
  let inversions = 0;
  for (let i = 0; i < permutation.length; i++) for (let j = i + 1; j < permutation.length; j++) if (permutation[i]! > permutation[j]!) inversions++;
  return inversions % 2 === 0 ? 1 : -1;
}

/** Every permutation σ whose entries M_{i,σ(i)} are all not the literal 0 (the others have a zero Leibniz product). */
export function structuralPermutations(M: readonly (readonly Term[])[]): number[][] {
  const n = M.length;
  const out: number[][] = [];
  const sigma: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const visit = (r: number): void => {
    if (r === n) {
      out.push([...sigma]);
      return;
    }
    for (let c = 0; c < n; c++) {
      if (used[c] || M[r]![c] === ZERO) continue;
      used[c] = true;
      sigma.push(c);
      visit(r + 1);
      sigma.pop();
      used[c] = false;
    }
  };
  visit(0);
  return out;
}

export const leibnizProduct = (M: readonly (readonly Term[])[], permutation: readonly number[]): Term => times(...permutation.map((c, r) => M[r]![c]!));

// ---------------------------------------------------------------------------------------------
// Deciding a negation: its hypotheses (what the instance must satisfy for the statement to apply,
// checked here rather than trusted) and its negated conclusion, asserted together

/** Which part of a negation to decide: all of it (what a refutation needs), or its hypotheses or its negated conclusion alone. */
export type Part = 'all' | 'hypotheses' | 'conclusion';

interface Negation {
  readonly hypotheses: readonly Term[];
  readonly conclusion: readonly Term[];
}

/** One ground query: sat confirms the part asked for, unsat contradicts it. */
function decideNegation(route: string, meaning: string, part: Part, build: (q: Query) => Negation): Promise<Confirmation> {
  const what = part === 'all' ? meaning : `${meaning} (${part} only)`;
  const query = new smt.SmtQuery(`${what}\nsat: it holds (the negation of the claim is confirmed)`);
  const { hypotheses, conclusion } = build(query);
  query.assert(smt.and(...(part === 'conclusion' ? [] : hypotheses), ...(part === 'hypotheses' ? [] : conclusion)));
  return confirmBySmt(route, query, 'sat', what);
}

const nonZero = (t: Term): Term => smt.not(smt.eq(t, ZERO));
const differs = (a: Term, b: Term): Term => smt.not(smt.eq(a, b));
const rationalTerms = (M: readonly (readonly Rational[])[]): Term[][] => M.map((row) => row.map(lit));
const oneNorm = (v: readonly Rational[]): Rational => v.reduce((s, x) => s.add(x.abs()), Rational.ZERO);

/** Every row and column 1-norm of every W_k, as literals. */
function oneNorms(W: RawWeights): Term[] {
  return W.flatMap((Wk) => [...Wk.map((row) => lit(oneNorm(row))), ...Wk[0]!.map((_, u) => lit(oneNorm(Wk.map((row) => row[u]!))))]);
}

/** The matrix of eq. (7) at one input, from the raw numbers: switches by 1_{z>0}, V_k = S_kW_kS_{k+1}. */
export function milneMatrixAt(q: Query, a: readonly Rational[], W: RawWeights, name: string, shape: MatrixShape = {}): { A: Term[][]; switches: SwitchTerms } {
  const Wt = weightTerms(W);
  const switches = switchesAt(q, a.map(lit), Wt, name);
  return { A: milneMatrixTerms(a.map(lit), switchedBlocks(Wt, switches.on), shape), switches };
}

// ---------------------------------------------------------------------------------------------
// Lemma 1: smoothness off a measure-zero set

/** The switches along W + sX for an unknown s ∈ [−r, r] (the real forward pass, ReLUs included). */
function lineSwitches(q: Query, a: readonly Rational[], W: RawWeights, X: RawWeights, r: Rational): SwitchTerms {
  const s = q.declare('s');
  q.assert(smt.and(smt.ge(s, lit(r.neg())), smt.le(s, lit(r))));
  return switchesAt(q, a.map(lit), shiftedWeights(W, X, s), 'Ws');
}

/** y(a, W + tX) and the frozen-switch polynomial S_{H+1}(W_H + tX_H)ᵀS_H⋯S_1(W_0 + tX_0)ᵀa at t. */
function outputAndFrozen(q: Query, a: readonly Rational[], W: RawWeights, X: RawWeights, t: Rational): { y: Term; frozen: Term } {
  const at = switchesAt(q, a.map(lit), weightTerms(W), 'F');
  const frozen = frozenOutputLine(q, a.map(lit), weightTerms(W), weightTerms(X), at.on, W.length, 'F');
  return { y: outputTerm(q, a.map(lit), shiftedWeights(W, X, lit(t)), 'y'), frozen: plus(...frozen.map((c, k) => times(c, lit(t.pow(k))))) };
}

/**
 * Lemma 1 (i) fails along W + tX. Hypotheses: no pre-activation changes sign (or vanishes) along W + sX for
 * |s| ≤ r (unsat of a sign change), and |t| ≤ r; conclusion: y(a, W + tX) differs from the frozen-switch polynomial at t.
 */
export async function confirmFrozenPolynomialDiffers(a: readonly Rational[], W: RawWeights, X: RawWeights, r: Rational, t: Rational, part: Part = 'all'): Promise<Confirmation> {
  const route = 'z3: the switches along [−r, r], and y(a, W + tX) against the frozen-switch polynomial';
  const parts: Promise<Confirmation>[] = [];
  if (part !== 'conclusion') {
    const query = new smt.SmtQuery('some pre-activation along W + sX, |s| ≤ r, has a sign other than at W\nunsat: the switches are those of W on the whole segment');
    const at = switchesAt(query, a.map(lit), weightTerms(W), 'W');
    const moved = lineSwitches(query, a, W, X, r);
    query.assert(smt.or(...moved.pre.flatMap((layer, k) => layer.map((z, u) => smt.le(smt.mul(z, at.pre[k]![u]!), ZERO)))));
    parts.push(confirmBySmt(route, query, 'unsat', 'no pre-activation changes sign (or is zero) for |s| ≤ r'));
  }
  parts.push(
    decideNegation(route, 'y(a, W + tX) differs from the frozen-switch polynomial at t, |t| ≤ r', part, (q) => {
      const { y, frozen } = part === 'hypotheses' ? { y: ZERO, frozen: ZERO } : outputAndFrozen(q, a, W, X, t);
      return { hypotheses: [smt.le(lit(t.abs()), lit(r))], conclusion: part === 'hypotheses' ? [] : [differs(y, frozen)] };
    }),
  );
  return allConfirmed(route, await Promise.all(parts));
}

/**
 * Lemma 1 (ii) fails. Hypotheses (the set C): unit j of layer i is at zero, earlier pre-activations are
 * non-zero, layer i − 1 has an active unit (or i = 1 and a ≠ 0). Conclusion: y_{i,j} of eq. (4) (switches
 * frozen at W) is the zero polynomial: no weights W′ make it non-zero (unsat).
 */
export async function confirmZeroPolynomial(a: readonly Rational[], W: RawWeights, layer: number, unit: number, part: Part = 'all'): Promise<Confirmation> {
  const route = 'z3: the point is in C, and no weights make y_{i,j} of eq. (4) non-zero';
  const parts: Promise<Confirmation>[] = [];
  if (part !== 'conclusion') {
    parts.push(
      decideNegation(route, 'the point is in C for unit j of layer i', 'all', (q) => {
        const s = switchesAt(q, a.map(lit), weightTerms(W), 'W');
        const before = layer === 1 ? a.map(lit) : s.on[layer - 1]!;
        return {
          hypotheses: [smt.eq(s.pre[layer - 1]![unit]!, ZERO), ...s.pre.slice(0, layer - 1).flat().map(nonZero), smt.gt(plus(...before.map((v) => smt.abs(v))), ZERO)],
          conclusion: [],
        };
      }),
    );
  }
  if (part !== 'hypotheses') {
    const query = new smt.SmtQuery('some weights W′ make y_{i,j}(W′) = e_jᵀW′_{i−1}ᵀS_{i−1}(W)⋯S_1(W)W′_0ᵀa non-zero\nunsat: y_{i,j} is the zero polynomial');
    const s = switchesAt(query, a.map(lit), weightTerms(W), 'W');
    const free = W.slice(0, layer).map((Wk, k) => Wk.map((row, j) => row.map((_, u) => query.declare(`v${k}_${j + 1}_${u + 1}`))));
    let h: Term[] = a.map(lit);
    for (let k = 0; k + 1 < layer; k++) h = free[k]![0]!.map((_, u) => times(s.on[k + 1]![u]!, plus(...h.map((x, j) => times(x, free[k]![j]![u]!)))));
    query.assert(nonZero(plus(...h.map((x, j) => times(x, free[layer - 1]![j]![unit]!)))));
    parts.push(confirmBySmt(route, query, 'unsat', 'y_{i,j} vanishes for all weights'));
  }
  return allConfirmed(route, await Promise.all(parts));
}

/**
 * Lemma 1 (iii) fails. Hypotheses: hidden layer k is off at W (every pre-activation < 0) and stays off
 * (≤ 0) along W + sX for |s| ≤ r (unsat of a positive one), |t| ≤ r; conclusion: y(a, W + tX) ≠ 0.
 */
export async function confirmOutputNonZeroOnB(a: readonly Rational[], W: RawWeights, X: RawWeights, layer: number, r: Rational, t: Rational, part: Part = 'all'): Promise<Confirmation> {
  const route = 'z3: layer k off along [−r, r], and y(a, W + tX) ≠ 0';
  const parts: Promise<Confirmation>[] = [];
  if (part !== 'conclusion') {
    const query = new smt.SmtQuery('some unit of layer k has a positive pre-activation along W + sX, |s| ≤ r\nunsat: the layer stays off on the segment');
    const moved = lineSwitches(query, a, W, X, r);
    query.assert(smt.or(...moved.pre[layer - 1]!.map((z) => smt.gt(z, ZERO))));
    parts.push(confirmBySmt(route, query, 'unsat', 'layer k stays off for |s| ≤ r'));
  }
  parts.push(
    decideNegation(route, 'layer k is off at W and y(a, W + tX) ≠ 0 at t, |t| ≤ r', part, (q) => ({
      hypotheses: [...switchesAt(q, a.map(lit), weightTerms(W), 'W').pre[layer - 1]!.map((z) => smt.lt(z, ZERO)), smt.le(lit(t.abs()), lit(r))],
      conclusion: [nonZero(outputTerm(q, a.map(lit), shiftedWeights(W, X, lit(t)), 'y'))],
    })),
  );
  return allConfirmed(route, await Promise.all(parts));
}

// ---------------------------------------------------------------------------------------------
// Lemma 2: pure second derivatives

/** The direction e_w of one weight w = (k, j, u), i.e. W_k[j][u]. */
export function unitDirection(W: RawWeights, [k, j, u]: readonly [number, number, number]): Rational[][][] {
  return W.map((Wl, l) => Wl.map((row, p) => row.map((_, c) => (l === k && p === j && c === u ? Rational.ONE : Rational.ZERO))));
}

export interface LineProblem {
  readonly inputs: readonly (readonly Rational[])[];
  readonly W: RawWeights;
  readonly targets: readonly Rational[];
}

const pointsOf = (p: LineProblem): DataPoint[] => p.inputs.map((a, i) => ({ a, f: p.targets[i]! }));

/**
 * Eq. (5) fails for the weight w. Hypothesis: W is a differentiable point (no zero pre-activation).
 * Conclusion: ∂²ℓ/∂w² ≠ (2/N)Σ_i(∂y(a_i, W)/∂w)² or ∂²ℓ/∂w² < 0, both from the expansions of
 * t ↦ ℓ(W + te_w) and t ↦ y(a_i, W + te_w) with the switches of W.
 */
export function confirmPureSecondDerivativeFails(p: LineProblem, weight: readonly [number, number, number], part: Part = 'all'): Promise<Confirmation> {
  return decideNegation('z3: ℓ(W + te_w) and y(a_i, W + te_w) expanded in t with the switches of W', 'eq. (5) fails for one weight at a differentiable W', part, (q) => {
    const line = lossLine(q, pointsOf(p), p.W, unitDirection(p.W, weight), 'L');
    const gradients = smt.mul(lit(Rational.of(2, p.inputs.length)), plus(...line.points.map((pt) => times(pt.line[1] ?? ZERO, pt.line[1] ?? ZERO))));
    return { hypotheses: line.points.map((pt) => offBreakpoints(pt.switches)), conclusion: [smt.or(differs(line.second, gradients), smt.lt(line.second, ZERO))] };
  });
}

// ---------------------------------------------------------------------------------------------
// Lemma 3: the determinant formula

/** det A(a, W) (eq. (7), corner (−1)^{H+1} as printed, or the given one) differs from y(a, W). */
export function confirmDeterminantDiffersFromOutput(a: readonly Rational[], W: RawWeights, corner?: Rational): Promise<Confirmation> {
  const which = corner === undefined ? 'eq. (7)' : `eq. (7) with corner ${corner.toString()}`;
  return confirmGround(
    `z3: det A(a, W) of ${which} by Laplace expansion vs y(a, W) by nested ReLUs`,
    '!=',
    (q) => {
      const { A } = milneMatrixAt(q, a, W, 'A', corner === undefined ? {} : { corner: lit(corner) });
      return { lhs: determinantTerm(q, A, 'detA'), rhs: outputTerm(q, a.map(lit), weightTerms(W), 'y') };
    },
    `det A(a, W) ≠ y(a, W) for A of ${which}`,
  );
}

/** The text's V_i = S_{i+1}W_iS_i is defined for every i: n_{i+1} = n_i for every i (read off the raw shapes). */
export function confirmLiteralBlocksDefined(W: RawWeights): Confirmation {
  const route = 'dimension count of S_{i+1}W_iS_i from the raw shapes';
  const widths = widthsOf(W);
  const i = W.findIndex((_, k) => widths[k + 1] !== widths[k]);
  return i < 0
    ? confirmed(route, { widths })
    : contradicted(route, `S_${i + 1} is ${widths[i + 1]}×${widths[i + 1]} and W_${i} is ${widths[i]}×${widths[i + 1]}: their product is undefined`);
}

// ---------------------------------------------------------------------------------------------
// Lemma 4 and the proof of Lemma 3: the permutations with non-zero Leibniz terms

/** The block of an index of A: −1 for the first index, k for J_k. */
function blockOf(offsets: readonly number[], i: number): number {
  if (i === 0) return -1;
  for (let k = offsets.length - 1; k >= 0; k--) if (i >= offsets[k]!) return k;
  return -1;
}

/** Lemma 4's eq. (10) for σ (0-based): σ(1) ∈ J_0, σ(n) = 1, and in each J_k (k = 0..H) exactly one index moves, into J_{k+1}. */
export function hasLemma4Structure(permutation: readonly number[], widths: readonly number[]): boolean {
  const offsets = blockOffsets(widths);
  const n = permutation.length;
  if (blockOf(offsets, permutation[0]!) !== 0 || permutation[n - 1] !== 0) return false;
  for (let k = 0; k + 1 < widths.length; k++) {
    const moved = Array.from({ length: widths[k]! }, (_, j) => offsets[k]! + j).filter((i) => permutation[i] !== i);
    if (moved.length !== 1 || blockOf(offsets, permutation[moved[0]!]!) !== k + 1) return false;
  }
  return true;
}

/** The orbit 1 → σ(1) → σ²(1) → … read as one unit per layer 0..H+1 and back to 1, or null. */
export function pathOfPermutation(permutation: readonly number[], widths: readonly number[]): number[] | null {
  const offsets = blockOffsets(widths);
  const path: number[] = [];
  let i = permutation[0]!;
  for (let k = 0; k < widths.length; k++) {
    if (blockOf(offsets, i) !== k) return null;
    path.push(i - offsets[k]!);
    i = permutation[i]!;
  }
  return i === 0 ? path : null;
}

/** Every input–output path (one unit per layer 0..H+1) of a network of these widths. */
export function allPaths(widths: readonly number[]): number[][] {
  let paths: number[][] = [[]];
  for (const n of widths) paths = paths.flatMap((p) => Array.from({ length: n }, (_, u) => [...p, u]));
  return paths;
}

/** The term a^{i_0}·I_j·∏_k w^k of path j in eq. (8), I_j the product of the switches of its hidden and output units. */
export function pathTerm(a: readonly Term[], W: WeightTerms, on: SwitchTerms['on'], path: readonly number[]): Term {
  return times(a[path[0]!]!, ...W.map((Wk, k) => times(Wk[path[k]!]![path[k + 1]!]!, on[k + 1]![path[k + 1]!]!)));
}

/** The Leibniz products of det A(a, W) (eq. (7) as printed) over its non-zero pattern, from the raw numbers. */
function leibnizSetting(q: Query, a: readonly Rational[], W: RawWeights) {
  const widths = widthsOf(W);
  const { A, switches } = milneMatrixAt(q, a, W, 'A');
  const products = structuralPermutations(A).map((permutation) => ({ permutation, product: q.define(q.fresh('T'), leibnizProduct(A, permutation)) }));
  return { widths, switches, products, H: widths.length - 2 };
}

/**
 * Some permutation with a non-zero Leibniz term of det A(a, W) fails `structure` (by default Lemma 4's
 * eq. (10), read off the permutation).
 */
export function confirmLemma4StructureBroken(
  a: readonly Rational[],
  W: RawWeights,
  structure: (permutation: readonly number[], widths: readonly number[]) => boolean = hasLemma4Structure,
): Promise<Confirmation> {
  const query = new smt.SmtQuery('some permutation with a non-zero Leibniz term of det A(a, W) breaks eq. (10)\nsat: the negation of Lemma 4 is confirmed');
  const { widths, products } = leibnizSetting(query, a, W);
  query.assert(smt.or(...products.filter((p) => !structure(p.permutation, widths)).map((p) => nonZero(p.product))));
  return confirmBySmt('z3: Leibniz products over the non-zero pattern of A, eq. (10) read off each permutation', query, 'sat', 'a permutation breaking eq. (10) has a non-zero Leibniz product');
}

/** Some permutation with a non-zero Leibniz term has a sign (counted by inversions) other than (−1)^{H+1}. */
export function confirmLeibnizSignDiffers(a: readonly Rational[], W: RawWeights): Promise<Confirmation> {
  const query = new smt.SmtQuery('some permutation with a non-zero Leibniz term of det A(a, W) has sign ≠ (−1)^{H+1}\nsat: the negation is confirmed');
  const { products, H } = leibnizSetting(query, a, W);
  const claimed = H % 2 === 0 ? -1 : 1;
  query.assert(smt.or(...products.filter((p) => inversionSign(p.permutation) !== claimed).map((p) => nonZero(p.product))));
  return confirmBySmt('z3: Leibniz products over the non-zero pattern of A, signs by counting inversions', query, 'sat', `a permutation of sign ${-claimed} (inversions counted) has a non-zero Leibniz product`);
}

/**
 * The correspondence of Lemma 4 and the proof of Lemma 3 fails: a non-zero Leibniz term that is not an
 * active path's or whose product is not `factor` (default (−1)^{H+1}) times the path's, two terms on one
 * path, or an active path without a term.
 */
export function confirmPathCorrespondenceFails(a: readonly Rational[], W: RawWeights, factor?: Rational): Promise<Confirmation> {
  const query = new smt.SmtQuery('non-zero Leibniz terms of det A(a, W) and active paths of eq. (8) do not correspond one-to-one with product (−1)^{H+1}·path product\nsat: the negation is confirmed');
  const { widths, products, switches, H } = leibnizSetting(query, a, W);
  const Wt = weightTerms(W);
  const scale = lit(factor ?? (H % 2 === 0 ? -1 : 1));
  const key = (p: readonly number[]): string => p.join('-');
  const paths = new Map(allPaths(widths).map((p) => [key(p), query.define(query.fresh('P'), pathTerm(a.map(lit), Wt, switches.on, p))]));
  const byPath = new Map<string, Term[]>();
  const failures: Term[] = [];
  for (const { permutation, product } of products) {
    const path = pathOfPermutation(permutation, widths);
    if (path === null) {
      failures.push(nonZero(product));
      continue;
    }
    failures.push(smt.and(nonZero(product), differs(product, smt.mul(scale, paths.get(key(path))!))));
    byPath.set(key(path), [...(byPath.get(key(path)) ?? []), product]);
  }
  for (const [k, P] of paths) {
    const terms = byPath.get(k) ?? [];
    failures.push(smt.and(nonZero(P), ...terms.map((t) => smt.eq(t, ZERO))));
    for (let i = 0; i < terms.length; i++) for (let j = i + 1; j < terms.length; j++) failures.push(smt.and(nonZero(terms[i]!), nonZero(terms[j]!)));
  }
  query.assert(smt.or(...failures));
  return confirmBySmt('z3: Leibniz products over the non-zero pattern of A against the path terms of eq. (8)', query, 'sat', 'the permutations with non-zero terms and the active paths do not correspond as stated');
}

// ---------------------------------------------------------------------------------------------
// Lemma 5 and Jacobi's formula

/** c_0, c_1, c_2 of det(A + tX), by Laplace expansion over the entries A_ij + tX_ij. */
function determinantLine(q: Query, A: readonly (readonly Rational[])[], X: readonly (readonly Rational[])[]): Term[] {
  const c = new LaplaceExpansion(q, A.map((row, i) => row.map((v, j) => [lit(v), lit(X[i]![j]!)])), 2, 'D').determinant();
  return [c[0] ?? ZERO, c[1] ?? ZERO, c[2] ?? ZERO];
}

/**
 * Lemma 5 fails at (A, X). Hypothesis: det A ≠ 0. Conclusion: d²/dt² det(A + tX) at 0 (= 2c_2) ≠
 * det(A)(tr(M)² − tr(M²)), M = A⁻¹X, with tr(M)² read as (tr M)² (or, for `reading` 'tr(M²)', as tr(M²)).
 */
export function confirmLemma5Differs(A: readonly (readonly Rational[])[], X: readonly (readonly Rational[])[], reading: '(tr M)²' | 'tr(M²)' = '(tr M)²'): Promise<Confirmation> {
  return decideNegation('z3: det(A + tX) expanded in t by Laplace expansion vs det(A)(tr(M)² − tr(M²)) with A⁻¹ by cofactors', `d²/dt² det(A + tX) at 0 ≠ det(A)(tr(M)² − tr(M²)), tr(M)² read as ${reading}`, 'all', (q) => {
    const [c0, , c2] = determinantLine(q, A, X);
    const M = inverseTimes(q, rationalTerms(A), rationalTerms(X), c0!, 'inv');
    const trM = q.define('trM', trace(M));
    const trMM = q.define('trMM', traceOfSquare(M));
    const square = reading === '(tr M)²' ? smt.mul(trM, trM) : trMM;
    return { hypotheses: [nonZero(c0!)], conclusion: [differs(smt.mul(lit(2), c2!), smt.mul(c0!, smt.sub(square, trMM)))] };
  });
}

/** Jacobi's formula fails at (A, X): d/dt det(A + tX) at 0 (= c_1) ≠ tr(Adj(A)X) (or tr(Cof(A)X) for `adjugate` 'cofactor matrix', Cof = Adjᵀ). */
export function confirmJacobiDiffers(A: readonly (readonly Rational[])[], X: readonly (readonly Rational[])[], adjugateAs: 'adjugate' | 'cofactor matrix' = 'adjugate'): Promise<Confirmation> {
  return confirmGround(
    'z3: det(A + tX) expanded in t by Laplace expansion vs tr(Adj(A)X) by cofactors',
    '!=',
    (q) => {
      const adj = adjugate(q, rationalTerms(A), 'adj');
      const entry = (i: number, k: number): Term => (adjugateAs === 'adjugate' ? adj(i, k) : adj(k, i));
      return { lhs: determinantLine(q, A, X)[1]!, rhs: plus(...A.flatMap((_, i) => X.map((row, k) => (row[i]!.isZero() ? ZERO : times(entry(i, k), lit(row[i]!)))))) };
    },
    `d/dt det(A + tX) at 0 ≠ tr(${adjugateAs === 'adjugate' ? 'Adj' : 'Cof'}(A)X)`,
  );
}

// ---------------------------------------------------------------------------------------------
// Lemma 6: the derivatives of ℓ through det(A_i) and M_i

/**
 * Lemma 6 fails (A_i of eq. (7) with the corner as printed or the given one, e_i = det A_i − f(a_i)).
 * Hypotheses: W is a differentiable point, every det A_i ≠ 0. Conclusion: the first or the second formula
 * differs from the derivative of the expansion of ℓ(W + tX) with the switches of W.
 */
export function confirmLemma6Differs(p: LineProblem & { readonly X: RawWeights }, corner?: Rational, part: Part = 'all'): Promise<Confirmation> {
  const which = corner === undefined ? 'eq. (7)' : `eq. (7) with corner ${corner.toString()}`;
  return decideNegation(
    `z3: ℓ(W + tX) expanded in t with frozen switches vs Lemma 6 with det A_i by Laplace expansion and A_i⁻¹ by cofactors (${which})`,
    `at a differentiable W with det A_i ≠ 0, Lemma 6's first or second derivative (A_i of ${which}) differs from the expansion of ℓ(W + tX)`,
    part,
    (q) => {
      const line = lossLine(q, pointsOf(p), p.W, p.X, 'L');
      const Wt = weightTerms(p.W);
      const Xt = weightTerms(p.X);
      const terms = line.points.map(({ switches }, i) => {
        const A = milneMatrixTerms(p.inputs[i]!.map(lit), switchedBlocks(Wt, switches.on), corner === undefined ? {} : { corner: lit(corner) });
        const det = determinantTerm(q, A, `det${i + 1}`);
        const M = inverseTimes(q, A, perturbationTerms(switchedBlocks(Xt, switches.on)), det, `inv${i + 1}`);
        const e = smt.sub(det, lit(p.targets[i]!));
        return { det, e, trM: q.define(q.fresh(`trM${i + 1}`), trace(M)), trMM: q.define(q.fresh(`trMM${i + 1}`), traceOfSquare(M)) };
      });
      const scale = lit(Rational.of(2, p.inputs.length));
      const first = smt.mul(scale, plus(...terms.map((t) => smt.mul(t.e, t.det, t.trM))));
      const second = smt.add(
        smt.mul(scale, plus(...terms.map((t) => smt.mul(t.det, t.det, t.trM, t.trM)))),
        smt.mul(scale, plus(...terms.map((t) => smt.mul(t.e, t.det, smt.sub(smt.mul(t.trM, t.trM), t.trMM))))),
      );
      return {
        hypotheses: [...line.points.map((pt) => offBreakpoints(pt.switches)), ...terms.map((t) => nonZero(t.det))],
        conclusion: [smt.or(differs(first, line.first), differs(second, line.second))],
      };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Lemmas 7 and 9, Theorem 4 and the corollaries: hypotheses on W and curvature along a direction

/** The outputs y(a_i, W) by nested ReLUs. */
function outputsOf(q: Query, p: LineProblem): Term[] {
  return p.inputs.map((a, i) => outputTerm(q, a.map(lit), weightTerms(p.W), `y${i + 1}`));
}

/** f(a_i) > 0 and 2|y_i − f_i| ≤ f_i (closed: Lemma 7) or < f_i (open: U₂). */
function relativeErrors(y: readonly Term[], targets: readonly Rational[], kind: 'closed' | 'open'): Term[] {
  return targets.flatMap((f, i) => {
    const error = smt.mul(lit(2), smt.abs(smt.sub(y[i]!, lit(f))));
    return [smt.gt(lit(f), ZERO), kind === 'closed' ? smt.le(error, lit(f)) : smt.lt(error, lit(f))];
  });
}

/** M(f, β, H) = max_i (3/2)f(a_i) + β^{H+2}. */
const milneMTerm = (targets: readonly Rational[], beta: Rational, H: number): Term =>
  smt.add(targets.map((f) => lit(f.mul(Rational.of(3, 2)))).reduce((m, v) => smt.max(m, v)), lit(beta.pow(H + 2)));

/** ℓ(W) = (1/N)Σ(f(a_i) − y(a_i, W))². */
const lossTerm = (y: readonly Term[], targets: readonly Rational[]): Term =>
  smt.squaredErrorTerm(y.map((v) => [v]), targets.map((f) => [lit(f)]), lit(Rational.of(1, targets.length)));

const squaredNorm = (X: RawWeights): Term => lit(X.flat(2).reduce((s, x) => s.add(x.mul(x)), Rational.ZERO));

/** Lemma 9's hypotheses: f > 0, ‖a_i‖₁ ≤ β − 1, W ∈ U₁ (every 1-norm < β − 1) and U₂. */
function lemma9Hypotheses(y: readonly Term[], p: LineProblem, beta: Rational): Term[] {
  const bound = lit(beta.sub(Rational.ONE));
  return [...relativeErrors(y, p.targets, 'open'), ...p.inputs.map((a) => smt.le(lit(oneNorm(a)), bound)), ...oneNorms(p.W).map((n) => smt.lt(n, bound))];
}

/**
 * Lemma 7 (15) fails along X. Hypotheses: f > 0, |e_i|/f ≤ 1/2 (e = y − f), W differentiable, and
 * σ_min(A_i) ≥ lo_i > 0, certified by an exact LDLᵀ of A_iᵀA_i − lo_i²I (computed from the hinted A_i,
 * re-multiplied by the solver against A_i written from the raw numbers). Conclusion: d²ℓ(W + tX) <
 * −(2/N)Σ|e_i||det A_i|‖X_i‖²/lo_i², which is ≤ the bound (15) since ‖A_i⁻¹‖_op = 1/σ_min(A_i) ≤ 1/lo_i.
 */
export function confirmOperatorBoundFails(
  p: LineProblem,
  X: RawWeights,
  lower: readonly Rational[],
  hintedA: readonly (readonly (readonly Rational[])[])[],
  part: Part = 'all',
): Promise<Confirmation> {
  const route = 'z3: ℓ(W + tX) expanded in t, det A_i by Laplace expansion, σ_min(A_i) ≥ lo_i by an LDLᵀ certificate';
  const certificates = hintedA.map((A, i) => (lower[i] !== undefined && lower[i]!.sign() > 0 ? ldlCertificate(gramMinusRational(A, lower[i]!.mul(lower[i]!))) : null));
  const certified = lower.length === p.inputs.length && certificates.length === p.inputs.length && certificates.every((c) => c !== null);
  if (!certified && part !== 'conclusion') return Promise.resolve(unconfirmed(route, 'the hints give no certificate of σ_min(A_i) ≥ lo_i'));
  return decideNegation(route, 'd²ℓ(W + tX) is below the bound (15)', part, (q) => {
    const line = lossLine(q, pointsOf(p), p.W, X, 'L');
    const y = outputsOf(q, p);
    const hypotheses = [...relativeErrors(y, p.targets, 'closed')];
    const bound = line.points.map(({ switches }, i) => {
      hypotheses.push(offBreakpoints(switches));
      const A = milneMatrixTerms(p.inputs[i]!.map(lit), switchedBlocks(weightTerms(p.W), switches.on));
      const lo2 = lit(lower[i]!.mul(lower[i]!));
      if (certified) hypotheses.push(positiveSemidefinite(gramMinus(q, A, lo2, `A${i + 1}`), certificates[i]!));
      const det = determinantTerm(q, A, `det${i + 1}`);
      const Xi = perturbationTerms(switchedBlocks(weightTerms(X), switches.on));
      return smt.div(smt.mul(smt.abs(smt.sub(y[i]!, lit(p.targets[i]!))), smt.abs(det), frobeniusSquaredTerm(Xi)), lo2);
    });
    return { hypotheses, conclusion: [smt.lt(line.second, smt.neg(smt.mul(lit(Rational.of(2, p.inputs.length)), plus(...bound))))] };
  });
}

/** Lemma 7 (14) fails along X: hypotheses as for (15) without σ_min; conclusion d²ℓ < −(2/N)Σ|e_i||det A_i|‖A_i⁻¹X_i‖²_F (A_i⁻¹ by cofactors). */
export function confirmFrobeniusBoundFails(p: LineProblem, X: RawWeights, part: Part = 'all'): Promise<Confirmation> {
  return decideNegation('z3: ℓ(W + tX) expanded in t, det A_i by Laplace expansion, A_i⁻¹X_i by cofactors', 'd²ℓ(W + tX) is below the bound (14)', part, (q) => {
    const line = lossLine(q, pointsOf(p), p.W, X, 'L');
    const y = outputsOf(q, p);
    const hypotheses = [...relativeErrors(y, p.targets, 'closed')];
    const bound = line.points.map(({ switches }, i) => {
      const A = milneMatrixTerms(p.inputs[i]!.map(lit), switchedBlocks(weightTerms(p.W), switches.on));
      const det = determinantTerm(q, A, `det${i + 1}`);
      hypotheses.push(offBreakpoints(switches), nonZero(det));
      const M = inverseTimes(q, A, perturbationTerms(switchedBlocks(weightTerms(X), switches.on)), det, `inv${i + 1}`);
      return smt.mul(smt.abs(smt.sub(y[i]!, lit(p.targets[i]!))), smt.abs(det), frobeniusSquaredTerm(M));
    });
    return { hypotheses, conclusion: [smt.lt(line.second, smt.neg(smt.mul(lit(Rational.of(2, p.inputs.length)), plus(...bound))))] };
  });
}

/**
 * Lemma 9 fails along X. Hypotheses: Lemma 9's (β from the hint), W differentiable, X ≠ 0. Conclusion:
 * d²ℓ < 0 and (d²ℓ)² > 4M²ℓ·Σ_i‖X_i‖⁴/N, i.e. d²ℓ < −2M(f, β, H)ρ(W, X)ℓ(W)^{1/2}‖X‖².
 */
export function confirmLemma9Fails(p: LineProblem, X: RawWeights, beta: Rational, part: Part = 'all'): Promise<Confirmation> {
  return decideNegation('z3: ℓ(W + tX) expanded in t, U₁ ∩ U₂ and the bound from the raw numbers', 'd²ℓ(W + tX) < −2M(f, β, H)ρ(W, X)ℓ(W)^{1/2}‖X‖² at a differentiable W ∈ U₁ ∩ U₂', part, (q) => {
    const line = lossLine(q, pointsOf(p), p.W, X, 'L');
    const y = outputsOf(q, p);
    const M = q.define('M', milneMTerm(p.targets, beta, p.W.length - 1));
    const loss = q.define('loss', lossTerm(y, p.targets));
    const fourth = plus(
      ...line.points.map(({ switches }) => {
        const n = frobeniusSquaredTerm(perturbationTerms(switchedBlocks(weightTerms(X), switches.on)));
        return smt.mul(n, n);
      }),
    );
    return {
      hypotheses: [...lemma9Hypotheses(y, p, beta), ...line.points.map(({ switches }) => offBreakpoints(switches)), smt.gt(squaredNorm(X), ZERO)],
      conclusion: [smt.lt(line.second, ZERO), smt.gt(smt.mul(line.second, line.second), smt.div(smt.mul(lit(4), M, M, loss, fourth), lit(p.inputs.length)))],
    };
  });
}

/** Where W is: U = U₁ ∩ U₂ ∩ U₃ of Theorem 4 (β, λ, θ), or Theorem 1's set {n(W) ≤ R, ℓ ≤ ε(R)} ∩ U₂ with R > max‖a_i‖₁. */
export type Region =
  | { readonly kind: 'U'; readonly beta: Rational; readonly lambda: Rational; readonly theta: Rational }
  | { readonly kind: 'theorem 1'; readonly R: Rational; readonly lambda: Rational; readonly theta: Rational };

function inRegion(q: Query, p: LineProblem, region: Region): Term[] {
  const y = outputsOf(q, p);
  const loss = q.define('loss', lossTerm(y, p.targets));
  const beta = region.kind === 'U' ? region.beta : region.R.add(Rational.ONE);
  const M = q.define('M', milneMTerm(p.targets, beta, p.W.length - 1));
  const gap = lit(region.lambda.sub(region.theta));
  const parameters = [smt.gt(lit(region.theta), ZERO), smt.gt(lit(region.lambda), lit(region.theta))];
  // U₃: ℓ^{1/2} < (λ − θ)/(2M) ⇔ 4M²ℓ < (λ − θ)²; Theorem 1's ℓ ≤ ε(R) ⇔ 4M²ℓ ≤ (λ − θ)².
  const scaledLoss = smt.mul(lit(4), M, M, loss);
  if (region.kind === 'U') return [...lemma9Hypotheses(y, p, region.beta), ...parameters, smt.lt(scaledLoss, smt.mul(gap, gap))];
  return [
    ...relativeErrors(y, p.targets, 'open'),
    ...p.inputs.map((a) => smt.lt(lit(oneNorm(a)), lit(region.R))),
    ...oneNorms(p.W).map((n) => smt.le(n, lit(region.R))),
    ...parameters,
    smt.le(scaledLoss, smt.mul(gap, gap)),
  ];
}

/**
 * The curvature of a piece of ℓ_λ = ℓ + λ‖W‖² along D ≠ 0 at W in the region is too low:
 * d²/dt² φ(W + tD) = d²ℓ (switches of W, or of the hinted piece where a pre-activation is zero) + 2λ‖D‖².
 * `below` 'theta': < θ‖D‖² (Hess φ ⪰ θI fails: Theorem 4, Lemma 10's hypothesis); 'zero': ≤ 0 (Hess ℓ_λ ≻ 0
 * fails: Corollary 2). Without pieces, W must be a differentiable point.
 */
export function confirmCurvatureBelow(
  p: LineProblem,
  D: RawWeights,
  region: Region,
  options: { readonly below: 'theta' | 'zero'; readonly pieces?: readonly (readonly (readonly number[])[])[] },
  part: Part = 'all',
): Promise<Confirmation> {
  const what = options.below === 'theta' ? 'd²φ(W + tD) < θ‖D‖²' : 'd²ℓ_λ(W + tD) ≤ 0';
  const where = options.pieces === undefined ? 'at a differentiable W' : 'for the hinted piece at W';
  return decideNegation('z3: ℓ_λ(W + tD) expanded in t with frozen switches, the region from the raw numbers', `${what} ${where} in the region`, part, (q) => {
    const line = lossLine(q, pointsOf(p), p.W, D, 'L', options.pieces);
    const curvature = smt.add(line.second, smt.mul(lit(2), lit(region.lambda), squaredNorm(D)));
    return {
      hypotheses: [...inRegion(q, p, region), ...(options.pieces === undefined ? line.points.map(({ switches }) => offBreakpoints(switches)) : []), smt.gt(squaredNorm(D), ZERO)],
      conclusion: [options.below === 'theta' ? smt.lt(curvature, smt.mul(lit(region.theta), squaredNorm(D))) : smt.le(curvature, ZERO)],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Theorem 3 (Qi)

/** Qi's intervals as terms: [(b_i − d_i)₊, b_i + d_i], b_i = |a_ii|, d_i the larger off-diagonal |row| or |column| sum. */
export function qiIntervalTerms(q: Query, A: readonly (readonly Term[])[]): { lo: Term; hi: Term }[] {
  const n = A.length;
  const offDiagonal = (i: number, pick: (j: number) => Term): Term => plus(...Array.from({ length: n }, (_, j) => (j === i ? ZERO : smt.abs(pick(j)))));
  return A.map((row, i) => {
    const b = smt.abs(row[i]!);
    const d = smt.max(offDiagonal(i, (j) => row[j]!), offDiagonal(i, (j) => A[j]![i]!));
    return { lo: q.define(`lo${i + 1}`, smt.max(smt.sub(b, d), ZERO)), hi: q.define(`hi${i + 1}`, smt.add(b, d)) };
  });
}

/**
 * Some singular value of A lies outside every given interval [lo_i, hi_i] (lo_i ≥ 0; Qi's by default): a
 * root μ ≥ 0 of det(AᵀA − μI), expanded in μ by Laplace expansion, with μ < lo_i² or μ > hi_i² for every i.
 */
export function confirmSingularValueOutside(
  rows: readonly (readonly Rational[])[],
  intervalsOf: (q: Query, A: readonly (readonly Term[])[]) => { lo: Term; hi: Term }[] = qiIntervalTerms,
): Promise<Confirmation> {
  const n = rows.length;
  const query = new smt.SmtQuery("a singular value of A lies outside the union of the intervals (Qi's, Theorem 3)\nsat: the negation is confirmed");
  const A = rationalTerms(rows);
  const entries = gramMinus(query, A, ZERO, 'G').map((row, i) => row.map((v, j) => (i === j ? [v, lit(-1)] : [v])));
  const c = new LaplaceExpansion(query, entries, n, 'P').determinant();
  const mu = query.declare('mu');
  const power = (k: number): Term => (k === 0 ? ONE : smt.mul(...Array.from({ length: k }, () => mu)));
  const outside = intervalsOf(query, A).map(({ lo, hi }) => smt.or(smt.lt(mu, smt.mul(lo, lo)), smt.gt(mu, smt.mul(hi, hi))));
  query.assert(smt.and(smt.ge(mu, ZERO), smt.eq(plus(...c.map((ck, k) => times(ck, power(k)))), ZERO), ...outside));
  return confirmBySmt('z3: a root of det(AᵀA − μI) (Laplace expansion in μ) outside every interval squared', query, 'sat', 'a squared singular value of A lies outside the union of the intervals');
}

// ---------------------------------------------------------------------------------------------
// §3.4–3.5: modified diagonals, the widened network of Lemma 8, the matrix C of eq. (25)

/** φ(a, W) of Lemma 8: a padded with d zeros, every W_k with d zero rows and (k < H) d zero columns. */
export function widenedInstance(a: readonly Rational[], W: RawWeights, d: number): { a: Rational[]; W: Rational[][][] } {
  const zeros = (n: number): Rational[] => Array.from({ length: n }, () => Rational.ZERO);
  const H = W.length - 1;
  return {
    a: [...a, ...zeros(d)],
    W: W.map((Wk, k) => {
      const cols = Wk[0]!.length + (k < H ? d : 0);
      return [...Wk.map((row) => [...row, ...zeros(cols - row.length)]), ...Array.from({ length: d }, () => zeros(cols))];
    }),
  };
}

/** D_k = diag(β I_{n_k}, α_k I_d), k = 0..H, with β = γ^d and α_k = γ^{1−n_k} = β^{(1−n_k)/d} (rational). */
export function widenedDiagonal(widths: readonly number[], d: number, gamma: Rational): Rational[][] {
  return widths.slice(0, -1).map((n) => [...Array.from({ length: n }, () => gamma.pow(d)), ...Array.from({ length: d }, () => gamma.pow(1 - n))]);
}

const diagonalTerms = (D: readonly (readonly Rational[])[]): Term[][] => D.map((block) => block.map(lit));

/** Lemma 8 (20) fails: ỹ(φ(a, W)) ≠ y(a, W), both by nested ReLUs, φ padded here from the raw numbers. */
export function confirmWidenedOutputDiffers(a: readonly Rational[], W: RawWeights, d: number): Promise<Confirmation> {
  const wide = widenedInstance(a, W, d);
  return confirmGround(
    'z3: y(a, W) and ỹ(φ(a, W)) by nested ReLUs, φ padded from the raw numbers',
    '!=',
    (q) => ({ lhs: outputTerm(q, wide.a.map(lit), weightTerms(wide.W), 'yw'), rhs: outputTerm(q, a.map(lit), weightTerms(W), 'y') }),
    'ỹ(φ(a, W)) ≠ y(a, W)',
  );
}

/**
 * Lemma 8 (21) with the modified diagonal fails. Hypotheses: block k of `diagonal` is (β I_{n_k}, α_k I_d)
 * with one β > 0 for all blocks and α_k^d β^{n_k−1} = 1. Conclusion: det Ã(φ(a, W)) ≠ det A(a, W).
 */
export function confirmWidenedDeterminantDiffers(a: readonly Rational[], W: RawWeights, d: number, diagonal: readonly (readonly Rational[])[], part: Part = 'all'): Promise<Confirmation> {
  const widths = widthsOf(W);
  const wide = widenedInstance(a, W, d);
  const beta = lit(diagonal[0]![0]!);
  return decideNegation('z3: det Ã(φ(a, W)) and det A(a, W) by Laplace expansion from the raw numbers', 'a diagonal as in Lemma 8 gives det Ã(φ(a, W)) ≠ det A(a, W)', part, (q) => ({
    hypotheses: [
      smt.gt(beta, ZERO),
      ...diagonal.flatMap((block, k) =>
        block.map((v, j) => (j < widths[k]! ? smt.eq(lit(v), beta) : smt.eq(smt.mul(...Array.from({ length: d }, () => lit(v)), ...Array.from({ length: widths[k]! - 1 }, () => beta), ONE), ONE))),
      ),
    ],
    conclusion: [differs(determinantTerm(q, milneMatrixAt(q, wide.a, wide.W, 'Aw', { diagonal: diagonalTerms(diagonal) }).A, 'detAw'), determinantTerm(q, milneMatrixAt(q, a, W, 'A').A, 'detA'))],
  }));
}

/**
 * (17) fails. Hypotheses: the diagonal satisfies (17) for the switches of W — in each layer the on neurons
 * share one non-zero value β_j, the off ones one value α_j, and α_j^{n_j−p_j}β_j^{p_j−1} = 1, written as
 * ∏ D_j = β_j. Conclusion: det A with that diagonal ≠ det A.
 */
export function confirmSwitchDiagonalDeterminantDiffers(a: readonly Rational[], W: RawWeights, diagonal: readonly (readonly Rational[])[], part: Part = 'all'): Promise<Confirmation> {
  return decideNegation('z3: (17) for the switches of W, both determinants by Laplace expansion', 'a diagonal satisfying (17) changes det A(a, W)', part, (q) => {
    const { A, switches } = milneMatrixAt(q, a, W, 'A');
    const modified = milneMatrixAt(q, a, W, 'B', { diagonal: diagonalTerms(diagonal) }).A;
    const hypotheses = diagonal.flatMap((block, k) => {
      const on = switches.on[k]!;
      const product = lit(block.reduce((s, v) => s.mul(v), Rational.ONE));
      return block.flatMap((v, u) => [
        smt.or(smt.eq(on[u]!, ZERO), smt.and(nonZero(lit(v)), smt.eq(product, lit(v)))),
        ...block.slice(u + 1).flatMap((w, i) => (v.equals(w) ? [] : [differs(on[u]!, on[u + 1 + i]!)])),
      ]);
    });
    return { hypotheses, conclusion: [differs(determinantTerm(q, modified, 'detB'), determinantTerm(q, A, 'detA'))] };
  });
}

/** R of (23) for a and W: the largest of ‖a‖_∞ and every row and column 1-norm. */
const normRadiusTerm = (a: readonly Rational[], W: RawWeights): Term => [...a.map((v) => lit(v.abs())), ...oneNorms(W)].reduce((m, v) => smt.max(m, v));

/**
 * (22) fails at one index of Ã (0-based `index`, in J_0..J_H). Hypotheses: R = (23)'s radius + slack,
 * β = R + 1, and d (the hint) is the smallest with β^{(1−n_i)/d} ≥ 1 − ε for all i = 0..H. Conclusion:
 * b_j − d_j < 1 − ε, where b_j is β (an original neuron) or α_i > 0 with α_i^d = β^{1−n_i} (a padded one)
 * and d_j is the Qi radius of Ã(φ(a, W)).
 */
export function confirmQiIntervalBelowFloor(a: readonly Rational[], W: RawWeights, epsilon: Rational, slack: Rational, d: number, index: number, part: Part = 'all'): Promise<Confirmation> {
  const route = 'z3: R, β, the minimal d and the Qi radius of Ã(φ(a, W)) from the raw numbers';
  const widths = widthsOf(W);
  const wide = widenedInstance(a, W, d);
  const wideWidths = widthsOf(wide.W);
  const offsets = blockOffsets(wideWidths);
  const layer = offsets.findIndex((o, i) => index >= o && index < o + wideWidths[i]!);
  if (layer < 0 || layer >= widths.length - 1) return Promise.resolve(contradicted(route, `index ${index + 1} is not in J_0..J_H`));
  const padded = index - offsets[layer]! >= widths[layer]!;
  const largest = Math.max(...widths.slice(0, -1));
  return decideNegation(route, `the Qi interval of index ${index + 1} of Ã reaches below 1 − ε`, part, (q) => {
    const beta = q.define('beta', smt.add(normRadiusTerm(a, W), lit(slack), ONE));
    const floor = lit(Rational.ONE.sub(epsilon));
    const pow = (t: Term, k: number): Term => smt.mul(ONE, ...Array.from({ length: k }, () => t));
    // β^{(1−n)/d} ≥ 1 − ε ⇔ (1 − ε)^d β^{n−1} ≤ 1 (β ≥ 1, 1 − ε > 0).
    const reaches = (k: number): Term => smt.le(smt.mul(pow(floor, k), pow(beta, largest - 1)), ONE);
    const { A } = milneMatrixAt(q, wide.a, wide.W, 'Aw');
    const row = plus(...A[index]!.map((v, c) => (c === index ? ZERO : smt.abs(v))));
    const col = plus(...A.map((r, c) => (c === index ? ZERO : smt.abs(r[index]!))));
    const hypotheses = [smt.gt(floor, ZERO), reaches(d), ...(d > 1 ? [smt.not(reaches(d - 1))] : [])];
    let b: Term = beta;
    if (padded) {
      b = q.declare('alpha');
      hypotheses.push(smt.gt(b, ZERO), smt.eq(smt.mul(pow(b, d), pow(beta, widths[layer]! - 1)), ONE));
    }
    return { hypotheses, conclusion: [smt.lt(smt.sub(b, smt.max(row, col)), floor)] };
  });
}

/**
 * The consequence used in Lemma 9 fails. Hypotheses: β = γ^d ≥ 1 + max(‖a‖₁, every 1-norm of W).
 * Conclusion: C̃ of eq. (25) for φ(a, W), D_k of widenedDiagonal, has ‖C̃x‖² < min(1, min_k α_k)²‖x‖² for
 * the hinted x (so σ_min(C̃) < min(1, min_k α_k)).
 */
export function confirmSmallSingularValue(a: readonly Rational[], W: RawWeights, d: number, gamma: Rational, x: readonly Rational[], part: Part = 'all'): Promise<Confirmation> {
  const widths = widthsOf(W);
  const beta = gamma.pow(d);
  const floor = widths.slice(0, -1).reduce((m, n) => m.min(gamma.pow(1 - n)), Rational.ONE);
  const wide = widenedInstance(a, W, d);
  return decideNegation('z3: C̃(φ(a, W)) of eq. (25) from the raw numbers, ‖C̃x‖² against min(1, α)²‖x‖²', 'σ_min(C̃) < min(1, min α_k) with the norms of a and W ≤ β − 1', part, (q) => {
    const Wt = weightTerms(wide.W);
    const s = switchesAt(q, wide.a.map(lit), Wt, 'Cw');
    const C = milneCTerms(wide.a.map(lit), switchedBlocks(Wt, s.on), diagonalTerms(widenedDiagonal(widths, d, gamma)), lit(beta));
    const vector = C.map((_, j) => lit(x[j] ?? Rational.ZERO));
    const Cx = C.map((row) => plus(...row.map((v, j) => times(v, vector[j]!))));
    const bound = lit(beta.sub(Rational.ONE));
    return {
      hypotheses: [smt.le(lit(oneNorm(a)), bound), ...oneNorms(W).map((n) => smt.le(n, bound))],
      conclusion: [smt.eq(lit(x.length), lit(C.length)), smt.lt(plus(...Cx.map((v) => times(v, v))), smt.mul(lit(floor.mul(floor)), plus(...vector.map((v) => times(v, v)))))],
    };
  });
}

/** Eq. (24) fails. Hypothesis: every diagonal block has ∏ D_k = β. Conclusion: det A (diagonal D) ≠ det C (eq. (25)) + (−1)^{H+1}β^{H+2}. */
export function confirmEq24Differs(a: readonly Rational[], W: RawWeights, diagonal: readonly (readonly Rational[])[], beta: Rational, part: Part = 'all'): Promise<Confirmation> {
  const H = W.length - 1;
  return decideNegation('z3: det A and det C of eq. (25) by Laplace expansion from the raw numbers', 'det A ≠ det C + (−1)^{H+1}β^{H+2} with det D_k = β', part, (q) => {
    const Wt = weightTerms(W);
    const s = switchesAt(q, a.map(lit), Wt, 'S');
    const V = switchedBlocks(Wt, s.on);
    const D = diagonalTerms(diagonal);
    const detA = determinantTerm(q, milneMatrixTerms(a.map(lit), V, { diagonal: D }), 'detA');
    const detC = determinantTerm(q, milneCTerms(a.map(lit), V, D, lit(beta)), 'detC');
    return {
      hypotheses: D.map((block) => smt.eq(smt.mul(ONE, ...block), lit(beta))),
      conclusion: [differs(detA, smt.add(detC, lit(beta.pow(H + 2).mul(Rational.of(H % 2 === 0 ? -1 : 1)))))],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// §3.6 remark 2: the threshold ε(R) against depth and radius

/** One tabulated setting: ε = (λ − θ)²/(4M²), M = (3/2)·max f + (R + 1)^{H+2}. */
export interface ThresholdRow {
  readonly quantity: string;
  readonly kind: 'depth' | 'radius';
  readonly R: Rational;
  readonly lambda: Rational;
  readonly theta: Rational;
  readonly f: Rational;
  readonly H: number;
  /** The previous radius of a 'radius' row. */
  readonly previous?: Rational;
}

function thresholdTerm(q: Query, row: ThresholdRow, R: Rational, H: number): Term {
  const M = smt.add(lit(row.f.mul(Rational.of(3, 2))), lit(R.add(Rational.ONE).pow(H + 2)));
  const gap = lit(row.lambda.sub(row.theta));
  return q.define(q.fresh('eps'), smt.div(smt.mul(gap, gap), smt.mul(lit(4), M, M)));
}

/** The row's relation, evaluated by the solver from the formula of ε. */
function thresholdRelation(q: Query, row: ThresholdRow): Term {
  const eps = (H: number, R = row.R): Term => thresholdTerm(q, row, R, H);
  if (row.kind === 'depth') {
    const ratio = smt.div(eps(row.H + 1), eps(row.H));
    const q0 = smt.div(eps(1), eps(0));
    return smt.and(smt.lt(q0, ONE), smt.ge(ratio, lit(row.R.add(Rational.ONE).pow(-2))), smt.le(ratio, q0));
  }
  const ceiling = lit(row.lambda.sub(row.theta).pow(2).div(Rational.of(4).mul(row.R.add(Rational.ONE).pow(2 * row.H + 4))));
  const value = eps(row.H);
  return smt.and(smt.le(value, ceiling), ...(row.previous === undefined ? [] : [smt.lt(value, eps(row.H, row.previous))]));
}

/** Every differing row of the depth/radius table fails its relation, ε written from its formula. */
export async function confirmThresholdRowsFail(differing: readonly { readonly quantity: string }[], rows: readonly ThresholdRow[]): Promise<Confirmation> {
  const route = 'z3: ε(R) = (λ − θ)²/(4M²) written from its formula for each differing row';
  if (differing.length === 0) return unconfirmed(route, 'no differing row');
  const parts = await Promise.all(
    differing.map((d) => {
      const row = rows.find((r) => r.quantity === d.quantity);
      if (row === undefined) return unconfirmed(route, `no setting recorded for the row ${d.quantity}`);
      const query = new smt.SmtQuery(`the row ${row.quantity} fails its relation\nsat: confirmed`);
      query.assert(smt.not(thresholdRelation(query, row)));
      return confirmBySmt(route, query, 'sat', `the relation of ${row.quantity} fails`);
    }),
  );
  return allConfirmed(route, parts);
}
