// milne, Theorem 3 (Qi 1984): Gershgorin-type intervals for singular values.
import fc from 'fast-check';
import { forAll, Matrix, passIf, qiIntervals, Rational, RationalField, rationalRows, singularValueIntervals, SingularValues, theorem } from '../../src/index.ts';
import { confirmSingularValueOutside } from './_confirm.ts';

/** Square rational matrices of size 1..5, shrinking toward 1×1 and small integers. */
const squares = fc.integer({ min: 1, max: 5 }).chain((n) => rationalRows(n, n, { maxNumerator: 5, maxDenominator: 3 }));

/** Small off-diagonal entries and integer diagonals: narrow, often separated intervals, the sharp cases. */
const dominant = fc
  .integer({ min: 1, max: 5 })
  .chain((n) =>
    fc.record({
      off: rationalRows(n, n, { maxNumerator: 1, maxDenominator: 3 }),
      diag: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }),
    }),
  )
  .map(({ off, diag }) => off.map((row, i) => row.map((v, j) => (i === j ? Rational.of(diag[i]!) : v))));

function qiCheck(name: string, arbitrary: fc.Arbitrary<Rational[][]>) {
  return forAll({
    name,
    basis: 'exact',
    arbitrary,
    check: (rows) => {
      const A = Matrix.from(RationalField, rows, rows.length);
      const intervals = qiIntervals(A);
      const inside = new SingularValues(A).countInUnion(intervals);
      return passIf(inside === A.rows, () => ({
        A: A.toStrings(),
        'Qi intervals [(b−d)₊, b+d]': intervals.map((B) => [B.lo, B.hi]),
        'singular values (isolating intervals)': singularValueIntervals(A, '1/1000').map((s) => [s.lo, s.hi, s.multiplicity]),
        'count in the union': inside,
        n: A.rows,
      }));
    },
    confirm: (rows) => confirmSingularValueOutside(rows),
  });
}

export default theorem({
  id: 'milne/theorem-3-qi',
  paper: 'milne',
  title: 'Singular values lie in the union of Qi’s intervals',
  statement:
    'For a square matrix A (checked on real rational matrices of size ≤ 5), with b_i = |a_ii| and d_i the larger ' +
    'of the off-diagonal absolute row sum and column sum of index i, each singular value of A lies in one of the ' +
    'intervals B_i = [(b_i − d_i)₊, b_i + d_i]. Decided exactly: the number of singular values, counted with ' +
    'multiplicity, in the union of the B_i (Sturm counts on the characteristic polynomial of AᵀA) must be n.',
  checks: [qiCheck('every singular value lies in ∪_i [(b_i − d_i)₊, b_i + d_i]', squares), qiCheck('the same for diagonally dominant matrices', dominant)],
});
