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
export type { MinimiserShape, UnitCellMinimum } from './unit-cell-minima.ts';
export { minimiserShape, unitCellMinima } from './unit-cell-minima.ts';
export type { LiuBoundaryCriterion } from './liu-boundary-criterion.ts';
export { liuBoundaryCriterionAt } from './liu-boundary-criterion.ts';
export type {
  CellSetMinimum,
  LossCount,
  SubglobalMinimaEnumeration,
  SubglobalMinimaOptions,
  UnitCountMinima,
} from './subglobal-minima-enumeration.ts';
export {
  subglobalMinimaEnumeration,
  cellActivations,
  kSubsets,
  stirling2,
  surjections,
  minimaValuesSubset,
  missingMinimaValues,
  globalMinimumShare,
  totalRegions,
  shareAbove,
  levelsWherePoorShareGrows,
} from './subglobal-minima-enumeration.ts';
export type { ParallelWeights, ParallelRegion, ClassCounts } from './liu-parallel.ts';
export { parallelRegions, parallelLoss, parallelSystem, classCounts, twoWeightClosedForm, parallelPoint } from './liu-parallel.ts';
export type { FixedPointKind, FixedPointClassification } from './fixed-activation.ts';
export { fixedActivationPattern, fixedActivationLoss, fixedActivationDerivatives, classifyFixedActivationPoint } from './fixed-activation.ts';
export type { FixedCriticalPoint, FixedCriticalOptions, FixedCriticalChoices } from './fixed-critical.ts';
export { fixedCriticalPoint, regionCriticalPoint } from './fixed-critical.ts';
export type { DiskDataOptions } from './disk-data.ts';
export { diskDataset } from './disk-data.ts';
export type { TrainingOptions, TrainedNetwork } from './train-relu.ts';
export { trainOneHiddenLayer } from './train-relu.ts';
export { subglobalFit, signAccuracy, randomActivations } from './pattern-fit.ts';
export { seededRandom } from './rng.ts';
export type { AxisInterval, ClassSign, LiuTwoWeightProbability } from './liu-probability.ts';
export {
  LIU_PROBABILITY_DIGITS,
  classMass,
  truncatedMean,
  optimalPosition,
  intervalBetween,
  gapProbability,
  mergeGaps,
  unionProbability,
  noSampleProbability,
  liuTwoWeightProbability,
  selfConsistentPosition,
} from './liu-probability.ts';
export type { LabelledSamples, FloatInterval, MonteCarloEstimate, SortedTrials, TrialCounts } from './liu-monte-carlo.ts';
export { twoGaussianSamples, intervalFrequency, classFrequency, classTruncatedMean, regionOptimum, sortTrials, trialCounts } from './liu-monte-carlo.ts';
export type { LiuExperimentOptions, LiuExperimentPoint, AnalyticVersusMonteCarlo } from './liu-probability-experiment.ts';
export { liuProbabilityExperiment, LIU_MINIMUM_COUNT } from './liu-probability-experiment.ts';
