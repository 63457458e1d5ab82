export type { LandscapeBasis } from './basis.ts';
export { weakestLandscapeBasis } from './basis.ts';
export type { OneHiddenLayerPoint, ReparametrisationLayout } from './one-hidden-layer.ts';
export {
  oneHiddenLayerNetwork,
  oneHiddenLayerPoint,
  oneHiddenLayerShapeReason,
  reparametrise,
  reparametrisationReason,
  reparametrisedDimension,
  homogeneousSlopes,
  liftedInputs,
  liftedWeights,
  layoutOf,
  blockSize,
  unitBlock,
} from './one-hidden-layer.ts';
export type { UnitActivations } from './design-matrix.ts';
export { designMatrix, regionActivations } from './design-matrix.ts';
export type { SubglobalMinimum, SubglobalMinimumOptions } from './subglobal-minimum.ts';
export { subglobalMinimum, regionLoss, minimiserAt, realisingPoint, scalarTargets, scaledSquaredNorm } from './subglobal-minimum.ts';
export type {
  OutputSign,
  AffineReparametrisedSet,
  GenuinenessOptions,
  Genuineness,
  InfeasibleChoice,
  InfeasibleCombination,
} from './genuineness.ts';
export { genuineness, genuinenessSystem } from './genuineness.ts';
export type { RayExpansion, RayOptions } from './ray.ts';
export { enteringPattern, lossOnRay } from './ray.ts';
export { adjacentUnitCells, adjacentCellsByUnit, adjacentRegions, adjacentRegionCount, regionToPattern } from './adjacent-regions.ts';
export type { ReparametrisedOptimality, ReparametrisedFailure, ReparametrisedOptimalityOptions } from './reparametrised-optimality.ts';
export { reparametrisedOptimality } from './reparametrised-optimality.ts';
export { regionLossIsConstant } from './constant-loss.ts';
export type { EqualLossCurve } from './equal-loss.ts';
export { rescalingCurve } from './equal-loss.ts';
export type { ExtremumCertificate, Decision, ExtremumDecisions, PointKind, PointClassification } from './classification.ts';
export type { ClassifyOptions } from './classify.ts';
export { classifyPoint, currentPattern } from './classify.ts';
export type { LinearRegionConstruction } from './linear-region.ts';
export { linearRegionPoint } from './linear-region.ts';
export type { DeadUnitConstruction } from './dead-unit.ts';
export { addDeadUnit } from './dead-unit.ts';
export type { LiuSaddleConstruction } from './liu-saddle.ts';
export { liuSaddlePoint } from './liu-saddle.ts';
export type { LiuBoundaryConstruction } from './liu-boundary.ts';
export { liuBoundaryPoint } from './liu-boundary.ts';
export type { DiskDataOptions } from './disk-data.ts';
export { diskDataset } from './disk-data.ts';
export type { TrainingOptions, TrainedNetwork } from './train-relu.ts';
export { trainOneHiddenLayer } from './train-relu.ts';
export { subglobalFit, signAccuracy, randomActivations } from './pattern-fit.ts';
export { seededRandom } from './rng.ts';
