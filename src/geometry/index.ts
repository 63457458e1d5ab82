export {
  atLeast,
  atMost,
  equalTo,
  greaterThan,
  lessThan,
  linearSystem,
  checkSystem,
  rowValue,
  satisfiesConstraint,
  satisfiesSystem,
  violatedConstraints,
  isHomogeneous,
  formatConstraint,
} from './constraint.ts';
export type { ConstraintKind, LinearConstraint, LinearSystem } from './constraint.ts';
export { verifyInfeasibility } from './certificate.ts';
export type { InfeasibilityCertificate } from './certificate.ts';
export { checkFeasibility, isFeasible } from './feasibility.ts';
export type { FeasibilityOptions, FeasibilityResult } from './feasibility.ts';
export { maximize, minimize, verifyOptimization } from './optimize.ts';
export type { OptimalityCertificate, OptimizationResult } from './optimize.ts';
export { solveStandardForm } from './simplex.ts';
export type { StandardFormProblem, StandardFormResult } from './simplex.ts';
export { simplifyFeasiblePoint } from './simplify-point.ts';
export { simplestBetween, primitiveIntegerVector, bitSize } from './simplest.ts';
export { parametrizeEqualities, pointFromFree } from './affine.ts';
export type { AffineParametrization } from './affine.ts';
export {
  activationPattern,
  activationPatternIn,
  preactivationsIn,
  patternOfPreactivations,
  isDifferentiablePattern,
  unitSigns,
  patternFromUnits,
  unitsFromPattern,
  signString,
  patternKey,
  degenerateSamples,
} from './pattern.ts';
export type { Sign, SignVector, ActivationPattern, DifferentiabilityOptions } from './pattern.ts';
export {
  arrangementCells,
  arrangementFaces,
  cellCountBound,
  generalPositionCellCount,
  hyperplaneNormals,
  inputDimension,
  signSystem,
  signsAt,
} from './arrangement.ts';
export type { ArrangementFace, ArrangementOptions } from './arrangement.ts';
export {
  interiorPoint,
  boundaryPoint,
  isRealizable,
  regionFeasibility,
  onBoundary,
  hasSigns,
  inputsOf,
} from './region.ts';
export type { Region, HiddenLayerPoint, DataInputs, RegionFeasibility } from './region.ts';
