// milne, Lemma 5 and eq. (11): derivatives of t ↦ det(A + tX).
import fc from 'fast-check';
import {
  determinant,
  determinantAlongLine,
  forAll,
  jacobiDerivative,
  lemma5SecondDerivative,
  Matrix,
  milneMatrix,
  milnePerturbation,
  passIf,
  Rational,
  RationalField,
  rationalRows,
  theorem,
} from '../../src/index.ts';
import { confirmJacobiDiffers, confirmLemma5Differs } from './_confirm.ts';
import { direction, point } from './_instances.ts';

/** Square A and X of size 1..5 with small rational entries, A invertible (the lemma's hypothesis). */
const squarePair = fc
  .integer({ min: 1, max: 5 })
  .chain((n) => fc.record({ A: rationalRows(n, n, { maxNumerator: 4, maxDenominator: 3 }), X: rationalRows(n, n, { maxNumerator: 4, maxDenominator: 3 }) }))
  .filter(({ A }) => !determinant(Matrix.from(RationalField, A)).isZero());

/** A = A(a, W) of eq. (7) and X = X_a for a direction of the weights, A invertible (y(a, W) ≠ 0). */
const networkPair = point({ maxDepth: 2 })
  .filter(({ a, W }) => !determinant(milneMatrix(a, W)).isZero())
  .chain(({ a, W }) => direction(W).map((X) => ({ A: milneMatrix(a, W).toArrays(), X: milnePerturbation(a, W, X).toArrays() })));

function secondDerivative(name: string, arbitrary: typeof squarePair) {
  return forAll({
    name,
    basis: 'exact',
    arbitrary,
    check: ({ A: a, X: x }) => {
      const A = Matrix.from(RationalField, a);
      const X = Matrix.from(RationalField, x);
      const line = determinantAlongLine(A, X);
      const exact = line.coefficient(2).mul(Rational.of(2));
      const formula = lemma5SecondDerivative(A, X);
      return passIf(exact.equals(formula), () => ({ A: A.toStrings(), X: X.toStrings(), 'det(A + tX)': line.toString('t'), "d²/dt² at 0": exact, 'det(A)(tr(M)² − tr(M²))': formula }));
    },
    confirm: ({ A, X }) => confirmLemma5Differs(A, X),
  });
}

const jacobi = forAll({
  name: "Jacobi's formula (11): d/dt det(A + tX) at 0 = tr(Adj(A)X)",
  basis: 'exact',
  arbitrary: squarePair,
  check: ({ A: a, X: x }) => {
    const A = Matrix.from(RationalField, a);
    const X = Matrix.from(RationalField, x);
    const line = determinantAlongLine(A, X);
    const formula = jacobiDerivative(A, X);
    return passIf(line.coefficient(1).equals(formula), () => ({ A: A.toStrings(), X: X.toStrings(), 'det(A + tX)': line.toString('t'), 'tr(Adj(A)X)': formula }));
  },
  confirm: ({ A, X }) => confirmJacobiDiffers(A, X),
});

export default theorem({
  id: 'milne/lemma-5',
  paper: 'milne',
  title: 'Second derivative of det(A + tX)',
  statement:
    'For square A, X with A invertible, d²/dt² det(A + tX) at t = 0 equals det(A)(tr(M)² − tr(M²)), M = A⁻¹X ' +
    '(tr(M)² read as (tr M)²); with it, Jacobi’s formula (11) d/dt det(A + tX) = tr(Adj(A)X) at t = 0. The exact ' +
    'polynomial t ↦ det(A + tX) is interpolated through its values at t = 0..n (its degree is at most n) and its ' +
    'coefficients are compared with the formulas, on random rational matrices of size ≤ 5 and on the matrices ' +
    'A(a, W), X_a of the network (eq. (7)).',
  checks: [
    secondDerivative('d²/dt² det(A + tX) at 0 = det(A)(tr(M)² − tr(M²)), random A, X', squarePair),
    secondDerivative('the same for A = A(a, W) of eq. (7) and X the switched weight direction', networkPair),
    jacobi,
  ],
});
