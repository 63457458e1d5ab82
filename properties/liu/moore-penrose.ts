// liu, §2: the facts about the Moore–Penrose inverse that the paper's analysis rests on.
import fc from 'fast-check';
import {
  Matrix,
  RationalField,
  allConfirmed,
  anyConfirmed,
  confirmed,
  contradicted,
  discard,
  fail,
  forAll,
  inverse,
  pass,
  pseudoInverse,
  rank,
  rationalRows,
  rationalVector,
  smallRational,
  smt,
  solve,
  theorem,
  unconfirmed,
  type Confirmation,
  type Rational,
} from '../../src/index.ts';
import {
  columnsDependent,
  confirmSat,
  equalVectors,
  expectDecision,
  inverseTerms,
  pseudoInverseTerms,
  rationalProduct,
  rowsDependent,
  satisfiable,
  termMatrix as T,
  type Decided,
} from './_confirm.ts';

type Rows = Rational[][];
const F = RationalField;
const mat = (rows: Rows, cols: number): Matrix<Rational> => Matrix.from(F, rows, cols);
const show = (M: Matrix<Rational>): string[][] => M.toStrings();

/** Sizes m, n ≤ 3 and a rank r ≤ min(m, n), shrinking toward 1×1 of rank 1. */
const shape = fc
  .record({ m: fc.integer({ min: 1, max: 3 }), n: fc.integer({ min: 1, max: 3 }) })
  .chain(({ m, n }) => fc.record({ m: fc.constant(m), n: fc.constant(n), r: fc.integer({ min: 1, max: Math.min(m, n) }) }));

/** A factorisation M = F·G with F m×r and G r×n (full rank is checked, not assumed). */
const factorisation = shape.chain(({ m, n, r }) =>
  fc.record({ m: fc.constant(m), n: fc.constant(n), r: fc.constant(r), F: rationalRows(m, r), G: rationalRows(r, n) }),
);

/** A matrix M of any rank (as rows) with a right-hand side b and a vector c. */
const system = shape.chain(({ m, n }) =>
  fc.record({
    M: rationalRows(m, n, { maxNumerator: 3, maxDenominator: 2 }),
    b: rationalVector(m, { maxNumerator: 3, maxDenominator: 2 }),
    c: rationalVector(n, { maxNumerator: 3, maxDenominator: 2 }),
    n: fc.constant(n),
  }),
);

/** Which of the four Penrose equations fail for X as a candidate M⁺ of M. */
function penroseFailures(M: Matrix<Rational>, X: Matrix<Rational>): string[] {
  const failures: string[] = [];
  if (!M.mul(X).mul(M).equals(M)) failures.push('MXM = M');
  if (!X.mul(M).mul(X).equals(X)) failures.push('XMX = X');
  if (!M.mul(X).isSymmetric()) failures.push('(MX)ᵀ = MX');
  if (!X.mul(M).isSymmetric()) failures.push('(XM)ᵀ = XM');
  return failures;
}

const ROUTE = 'z3 with M⁺ as the unknowns X = MᵀY, MᵀMX = Mᵀ (its defining least-squares property), from the raw entries';

type TermRows = smt.Term[][];

/** The four Penrose equations of X for M fail somewhere (terms). */
function penroseBroken(M: TermRows, X: TermRows): smt.Term {
  const MX = T.mul(M, X);
  const XM = T.mul(X, M);
  return smt.or(
    smt.not(T.equal(T.mul(MX, M), M)),
    smt.not(T.equal(T.mul(XM, X), X)),
    smt.not(T.equal(MX, T.transpose(MX, MX.length))),
    smt.not(T.equal(XM, T.transpose(XM, XM.length))),
  );
}

/** M⁺b + (I − M⁺M)c as terms. */
function generalTerms(M: Rows, P: TermRows, b: readonly smt.Term[], c: readonly smt.Term[], n: number): smt.Term[] {
  const projector = T.sub(T.identity(n), T.mul(P, T.literal(M)));
  return T.mulVec(P, b).map((v, k) => smt.add(v, T.mulVec(projector, c)[k]!));
}

/** Confirmed when some of the named facts, each decided by z3, is false. */
function someFactFails(facts: Readonly<Record<string, boolean | null>>, decided: readonly Decided[]): Confirmation {
  const evidence = Object.fromEntries(decided.map((d) => [d.meaning, d.evidence]));
  const open = decided.find((d) => d.value === null);
  if (open !== undefined) return unconfirmed(ROUTE, `no answer for: ${open.meaning}`, evidence);
  const broken = Object.entries(facts).filter(([, ok]) => ok === false).map(([name]) => name);
  return broken.length > 0 ? confirmed(ROUTE, { failing: broken, ...evidence }) : contradicted(ROUTE, 'z3 decides every fact true', evidence);
}

const fullRankFormula = forAll({
  name: 'M⁺ = Gᵀ(GGᵀ)⁻¹(FᵀF)⁻¹Fᵀ for every full-rank factorisation M = FG',
  basis: 'exact',
  arbitrary: factorisation,
  check: ({ m, n, r, F: fRows, G: gRows }) => {
    const Fm = mat(fRows, r);
    const G = mat(gRows, n);
    if (rank(Fm) !== r || rank(G) !== r) return discard('F or G is not of full rank r');
    const M = Fm.mul(G);
    const X = G.transpose().mul(inverse(G.mul(G.transpose()))).mul(inverse(Fm.transpose().mul(Fm))).mul(Fm.transpose());
    const failures = penroseFailures(M, X);
    if (failures.length > 0) return fail({ M: show(M), F: show(Fm), G: show(G), formula: show(X), failing: failures });
    // The Penrose equations determine M⁺ uniquely: the library's own M⁺ must be the same matrix.
    const library = pseudoInverse(M);
    return library.equals(X) ? pass() : fail({ M: show(M), formula: show(X), pseudoInverse: show(library), m, n });
  },
  confirm: async ({ n, r, F: fRows, G: gRows }) => {
    const M = rationalProduct(fRows, gRows, n);
    return allConfirmed(ROUTE, [
      expectDecision(ROUTE, await columnsDependent(fRows, r), false),
      expectDecision(ROUTE, await rowsDependent(gRows, n), false),
      await confirmSat(ROUTE, 'X = Gᵀ(GGᵀ)⁻¹(FᵀF)⁻¹Fᵀ fails a Penrose equation or differs from M⁺', (q) => {
        const [Fm, G] = [T.literal(fRows), T.literal(gRows)];
        const [Ft, Gt] = [T.transpose(Fm, r), T.transpose(G, n)];
        const X = T.mul(T.mul(T.mul(Gt, inverseTerms(q, T.mul(G, Gt), 'GGt_inv')), inverseTerms(q, T.mul(Ft, Fm), 'FtF_inv')), Ft);
        const named = X.map((row, a) => row.map((v, b) => q.define(`X_${a + 1}_${b + 1}`, v)));
        return smt.or(penroseBroken(T.literal(M), named), smt.not(T.equal(named, pseudoInverseTerms(q, M, n, 'P'))));
      }),
    ]);
  },
});

const identities = forAll({
  name: 'MM⁺ = I_m iff rank M = m; M⁺M = I_n iff rank M = n; M⁺ = 0 if M = 0; MM⁺ symmetric',
  basis: 'exact',
  arbitrary: system,
  check: ({ M: rows, n }) => {
    const M = mat(rows, n);
    const P = pseudoInverse(M);
    const k = rank(M);
    const left = M.mul(P).equals(Matrix.identity(F, M.rows));
    const right = P.mul(M).equals(Matrix.identity(F, n));
    const facts = {
      'MM⁺ = I_m ⇔ rank = m': left === (k === M.rows),
      'M⁺M = I_n ⇔ rank = n': right === (k === n),
      'M = 0 ⇒ M⁺ = 0': !M.isZero() || P.isZero(),
      'MM⁺ symmetric': M.mul(P).isSymmetric(),
      'Penrose equations': penroseFailures(M, P).length === 0,
    };
    const broken = Object.entries(facts).filter(([, ok]) => !ok).map(([name]) => name);
    return broken.length === 0 ? pass() : fail({ M: show(M), 'M⁺': show(P), rank: k, failing: broken });
  },
  confirm: async ({ M: rows, n }) => {
    const m = rows.length;
    const withP = (meaning: string, build: (P: TermRows, M: TermRows) => smt.Term) =>
      satisfiable(meaning, (q) => build(pseudoInverseTerms(q, rows, n, 'P'), T.literal(rows)));
    const left = await withP('MM⁺ = I_m', (P, M) => T.equal(T.mul(M, P), T.identity(m)));
    const right = await withP('M⁺M = I_n', (P, M) => T.equal(T.mul(P, M), T.identity(n)));
    const rowsDep = await rowsDependent(rows, n);
    const colsDep = await columnsDependent(rows, n);
    const zeroP = await withP('M⁺ = 0', (P) => T.equal(P, P.map((row) => row.map(() => smt.ZERO))));
    const symmetric = await withP('MM⁺ symmetric', (P, M) => T.equal(T.mul(M, P), T.transpose(T.mul(M, P), m)));
    const penrose = await withP('M⁺ satisfies the Penrose equations', (P, M) => smt.not(penroseBroken(M, P)));
    const zeroM = rows.every((row) => row.every((v) => v.isZero()));
    const is = (d: Decided, value: boolean): boolean | null => (d.value === null ? null : d.value === value);
    return someFactFails(
      {
        'MM⁺ = I_m ⇔ rank = m': left.value === null || rowsDep.value === null ? null : left.value === !rowsDep.value,
        'M⁺M = I_n ⇔ rank = n': right.value === null || colsDep.value === null ? null : right.value === !colsDep.value,
        'M = 0 ⇒ M⁺ = 0': !zeroM || is(zeroP, true),
        'MM⁺ symmetric': is(symmetric, true),
        'Penrose equations': is(penrose, true),
      },
      [left, right, rowsDep, colsDep, zeroP, symmetric, penrose],
    );
  },
});

const solvability = forAll({
  name: 'Mz = b is solvable iff MM⁺b = b, and then its solutions are exactly M⁺b + (I − M⁺M)c',
  basis: 'exact',
  arbitrary: fc.tuple(system, fc.boolean()).map(([s, consistent]) => ({
    ...s,
    // Half of the right-hand sides are made consistent (b := Mc) so both sides of the iff occur.
    b: consistent ? Matrix.from(F, s.M, s.n).mulVec(s.c) : s.b,
  })),
  check: ({ M: rows, b, c, n }) => {
    const M = mat(rows, n);
    const P = pseudoInverse(M);
    const byPenrose = vecEquals(M.mulVec(P.mulVec(b)), b);
    const byElimination = solve(M, b);
    const solvable = byElimination.kind === 'solution';
    if (byPenrose !== solvable) {
      return fail({ M: show(M), b: b.map(String), 'MM⁺b = b': byPenrose, 'solvable by elimination': solvable });
    }
    if (!solvable) return pass();
    const general = generalSolution(M, P, b, c);
    if (!vecEquals(M.mulVec(general), b)) {
      return fail({ M: show(M), b: b.map(String), c: c.map(String), 'M⁺b + (I − M⁺M)c': general.map(String) });
    }
    // Every solution x has this form, with c = x: x = M⁺b + (I − M⁺M)x.
    const x = byElimination.particular.map((v, i) => byElimination.nullBasis.reduce((s, u) => s.add(u[i]!.mul(c[0]!)), v));
    return vecEquals(generalSolution(M, P, b, x), x)
      ? pass()
      : fail({ M: show(M), b: b.map(String), solution: x.map(String), 'M⁺b + (I − M⁺M)x': generalSolution(M, P, b, x).map(String) });
  },
  confirm: async ({ M: rows, b, c, n }) => {
    const bT = b.map(smt.real);
    const solvable = await satisfiable('Mz = b for some z', (q) => {
      const z = Array.from({ length: n }, (_, k) => q.declare(`z_${k + 1}`));
      return equalVectors(T.mulVec(T.literal(rows), z), bT);
    });
    const projects = await satisfiable('MM⁺b = b', (q) => equalVectors(T.mulVec(T.mul(T.literal(rows), pseudoInverseTerms(q, rows, n, 'P')), bT), bT));
    if (solvable.value === null || projects.value === null) return unconfirmed(ROUTE, 'the solver gave no answer', { solvable: solvable.evidence, projects: projects.evidence });
    if (solvable.value !== projects.value) return confirmed(ROUTE, { 'Mz = b solvable': solvable.evidence, 'MM⁺b = b': projects.evidence });
    if (!solvable.value) return contradicted(ROUTE, 'Mz = b is unsolvable and MM⁺b ≠ b: the equivalence holds', { solvable: solvable.evidence });
    return anyConfirmed([
      await confirmSat(ROUTE, 'M(M⁺b + (I − M⁺M)c) ≠ b', (q) => smt.not(equalVectors(T.mulVec(T.literal(rows), generalTerms(rows, pseudoInverseTerms(q, rows, n, 'P'), bT, c.map(smt.real), n)), bT))),
      await confirmSat(ROUTE, 'some solution x of Mx = b is not M⁺b + (I − M⁺M)x', (q) => {
        const x = Array.from({ length: n }, (_, k) => q.declare(`x_${k + 1}`));
        return smt.and(equalVectors(T.mulVec(T.literal(rows), x), bT), smt.not(equalVectors(generalTerms(rows, pseudoInverseTerms(q, rows, n, 'P'), bT, x, n), x)));
      }),
    ]);
  },
});

const leastSquares = forAll({
  name: 'the minimisers of ‖Mz − b‖² are exactly M⁺b + (I − M⁺M)c',
  basis: 'exact',
  arbitrary: system,
  check: ({ M: rows, b, c, n }) => {
    const M = mat(rows, n);
    const P = pseudoInverse(M);
    // Minimisers of the convex quadratic are the solutions of the normal equations MᵀMz = Mᵀb.
    const Mt = M.transpose();
    const normal = Mt.mul(M);
    const rhs = Mt.mulVec(b);
    const z = generalSolution(M, P, b, c);
    if (!vecEquals(normal.mulVec(z), rhs)) {
      return fail({ M: show(M), b: b.map(String), c: c.map(String), 'M⁺b + (I − M⁺M)c': z.map(String), 'is a minimiser': false });
    }
    const minimisers = solve(normal, rhs);
    if (minimisers.kind !== 'solution') return fail({ M: show(M), b: b.map(String), 'normal equations': 'inconsistent' });
    const x = minimisers.particular.map((v, i) => minimisers.nullBasis.reduce((s, u, k) => s.add(u[i]!.mul(c[k % n]!)), v));
    const back = generalSolution(M, P, b, x);
    return vecEquals(back, x)
      ? pass()
      : fail({ M: show(M), b: b.map(String), minimiser: x.map(String), 'M⁺b + (I − M⁺M)x': back.map(String) });
  },
  // Minimisers by the definition: no z does better than M⁺b + (I − M⁺M)c, and any x doing as well has the form.
  confirm: async ({ M: rows, b, c, n }) => {
    const residual = (z: readonly smt.Term[]) => smt.add(...T.mulVec(T.literal(rows), z).map((v, i) => smt.square(smt.sub(v, smt.real(b[i]!)))));
    const candidate = (q: smt.SmtQuery) => generalTerms(rows, pseudoInverseTerms(q, rows, n, 'P'), b.map(smt.real), c.map(smt.real), n);
    return anyConfirmed([
      await confirmSat(ROUTE, 'some z has ‖Mz − b‖² below ‖M(M⁺b + (I − M⁺M)c) − b‖²', (q) => {
        const z = Array.from({ length: n }, (_, k) => q.declare(`z_${k + 1}`));
        return smt.lt(residual(z), residual(candidate(q)));
      }),
      await confirmSat(ROUTE, 'some x with ‖Mx − b‖² ≤ ‖M(M⁺b + (I − M⁺M)c) − b‖² is not M⁺b + (I − M⁺M)x', (q) => {
        const x = Array.from({ length: n }, (_, k) => q.declare(`x_${k + 1}`));
        const P = pseudoInverseTerms(q, rows, n, 'P');
        return smt.and(smt.le(residual(x), residual(generalTerms(rows, P, b.map(smt.real), c.map(smt.real), n))), smt.not(equalVectors(generalTerms(rows, P, b.map(smt.real), x, n), x)));
      }),
    ]);
  },
});

function generalSolution(M: Matrix<Rational>, P: Matrix<Rational>, b: readonly Rational[], c: readonly Rational[]): Rational[] {
  const projector = Matrix.identity(F, M.cols).sub(P.mul(M));
  const particular = P.mulVec(b);
  const free = projector.mulVec(c);
  return particular.map((v, i) => v.add(free[i]!));
}

function vecEquals(a: readonly Rational[], b: readonly Rational[]): boolean {
  return a.length === b.length && a.every((v, i) => v.equals(b[i]!));
}

export default theorem({
  id: 'liu/moore-penrose',
  paper: 'liu',
  title: 'Moore–Penrose inverse: Penrose equations, full-rank formula, solvability, general solution',
  statement:
    'For every real matrix M (checked on small rational ones): M⁺ satisfies MM⁺M = M, M⁺MM⁺ = M⁺, ' +
    '(MM⁺)ᵀ = MM⁺, (M⁺M)ᵀ = M⁺M; M⁺ = 0 if M = 0; MM⁺ = I_m iff rank M = m and M⁺M = I_n iff ' +
    'rank M = n; for any full-rank factorisation M = FG, M⁺ = Gᵀ(GGᵀ)⁻¹(FᵀF)⁻¹Fᵀ; the minimisers of ' +
    '‖Mz − b‖² are exactly z = M⁺b + (I − M⁺M)c; Mz = b is solvable iff MM⁺b = b, and its solutions ' +
    'are then exactly M⁺b + (I − M⁺M)c. Solvability and minimisers are decided independently by ' +
    'exact elimination.',
  checks: [fullRankFormula, identities, solvability, leastSquares],
});

// Keeps the arbitrary of small rationals referenced for readers looking for the entry distribution.
void smallRational;
