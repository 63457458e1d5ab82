export { Matrix, rat, ratVec } from './matrix.ts';
export { SingularMatrixError, requireSquare } from './errors.ts';
export type { ZeroToleranceOptions } from './zero-test.ts';
export {
  rref,
  rrefWithTransform,
  rank,
  nullSpace,
  columnSpace,
  rowSpace,
  leftNullSpace,
  solve,
  solveMatrix,
} from './elimination.ts';
export type { RowEchelon, RowEchelonWithTransform, Solution, MatrixSolution } from './elimination.ts';
export { determinant, rationalDeterminant, integerDeterminant } from './determinant.ts';
export { inverse } from './inverse.ts';
export { adjugate } from './adjugate.ts';
export { fullRankFactorization, pseudoInverse } from './pseudo-inverse.ts';
export type { FullRankFactorization } from './pseudo-inverse.ts';
export { ldlt } from './ldl.ts';
export type { SymmetricFactorization, DiagonalBlock } from './ldl.ts';
export {
  inertia,
  inertiaCounts,
  negativeDirection,
  nullDirection,
  isPositiveSemidefinite,
  isPositiveDefinite,
} from './inertia.ts';
export type { Inertia, InertiaCounts } from './inertia.ts';
export { Polynomial } from './polynomial.ts';
export { characteristicCoefficients, characteristicPolynomial } from './characteristic-polynomial.ts';
export { squareFreeDecomposition, squareFreePart } from './square-free.ts';
export type { SquareFreeFactor } from './square-free.ts';
export { sturmSequence, signVariations, countRealRoots, RootCounter, extendedRational } from './sturm.ts';
export type { ExtendedRational, RootCountOptions } from './sturm.ts';
export { isolateRealRoots, refineRootInterval, isExactRoot, cauchyRootBound } from './real-roots.ts';
export type { RootInterval, IsolationOptions } from './real-roots.ts';
export { simplestRationalBetween } from './simplest-rational.ts';
export {
  SingularValues,
  singularValues,
  singularValueIntervals,
  singularValueCountIn,
  singularValueCountInUnion,
  hasSingularValueIn,
  mergeIntervals,
} from './singular-values.ts';
export type { SingularValueInterval, ClosedInterval } from './singular-values.ts';
export { clearDenominators, commonDenominator } from './denominators.ts';
export {
  toMlMatrix,
  fromMlMatrix,
  floatSingularValues,
  floatSymmetricEigenvalues,
  floatConditionNumber,
  floatSpectralNorm,
} from './float.ts';
