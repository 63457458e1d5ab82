// A plausible conjecture, false in general: the square of a matrix has a non-negative trace
// (true for symmetric matrices). Check it with:
//   npx landscape-check check --claims examples/my-conjecture.ts
import fc from 'fast-check';
import { confirmGround, forAll, passIf, Rational, smt, theorem } from 'landscape-check';

const entry = fc.integer({ min: -3, max: 3 }).map((n) => Rational.of(n));
const row = fc.array(entry, { minLength: 2, maxLength: 2 });

export default theorem({
  id: 'mine/trace-of-square',
  paper: 'mine',
  title: 'Squares of matrices have non-negative trace',
  statement: 'For every 2×2 rational matrix A, tr(A²) ≥ 0.',
  checks: [
    forAll({
      name: 'tr(A²) ≥ 0',
      basis: 'exact',
      arbitrary: fc.record({ A: fc.array(row, { minLength: 2, maxLength: 2 }) }),
      check: ({ A }) => {
        const [[a, b], [c, d]] = A;
        const trace = a.mul(a).add(b.mul(c).mul(Rational.of(2))).add(d.mul(d));
        return passIf(trace.sign() >= 0, { 'tr(A²)': trace });
      },
      // The second route: z3 computes tr(A²) = Σ_i Σ_k A_ik A_ki from the entries itself.
      confirm: ({ A }) =>
        confirmGround(
          'z3: tr(A²) < 0',
          '<',
          () => ({ lhs: smt.add(...A.flatMap((r, i) => r.map((x, k) => smt.mul(smt.real(x), smt.real(A[k]![i]!))))), rhs: smt.ZERO }),
          'tr(A²) < 0',
        ),
    }),
  ],
});
