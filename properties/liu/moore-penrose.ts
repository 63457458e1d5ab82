// liu, §2: the facts about the Moore–Penrose inverse that the paper's analysis rests on.
import fc from 'fast-check';
import {
  Matrix,
  RationalField,
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
  solve,
  theorem,
  type Rational,
} from '../../src/index.ts';

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
