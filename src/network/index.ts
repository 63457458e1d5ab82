export type { Dataset } from './dataset.ts';
export { datasetSize, ratData, mapDataset } from './dataset.ts';
export { NetworkError } from './errors.ts';
export type { Activation, ActivationKind, Position } from './activation.ts';
export {
  relu,
  linear,
  identity,
  twoPiece,
  leakyRelu,
  piecewiseLinear,
  locate,
  evaluate,
  pieceCoefficients,
  pieceCount,
  pieceOf,
  insidePiece,
  onBreakpoint,
  isOnBreakpoint,
  signRelativeTo,
  twoPieceSlopes,
  mirrorActivation,
  mapActivation,
  describeActivation,
} from './activation.ts';
export type { PointPattern, DatasetPattern, UnitLocation } from './pattern.ts';
export { breakpointLocations, hasBreakpoint, resolveBreakpoints, unitPattern, patternKey, patternsEqual } from './pattern.ts';
export type { Layer, ExpUnit, Network, LayerSpec, ExpUnitSpec, NetworkSpec } from './network.ts';
export { network, ratNetwork, mapNetwork, kawaguchiHead, outputDim, widths, layerMatrix, withLayers, exactValue } from './network.ts';
export { mirrorLayers } from './mirror.ts';
export type { NetworkJSON } from './serialize.ts';
export { networkToJSON, networkFromJSON } from './serialize.ts';
export type { ForwardTrace } from './forward.ts';
export { forward, forwardDataset, networkOutput, activationPattern } from './forward.ts';
export { frozenForward, frozenOutputs, checkPointPattern, checkDatasetPattern } from './frozen.ts';
export type { Normalisation, PointLoss, Loss, RiskOptions } from './loss.ts';
export {
  squaredError,
  cubicHinge,
  softmaxCrossEntropy,
  logistic,
  squaredErrorPoint,
  cubicHingePoint,
  softmaxCrossEntropyPoint,
  logisticPoint,
  normalisationFactor,
  describeLoss,
  riskOfOutputs,
  empiricalRisk,
} from './loss.ts';
export type { Penalty } from './penalty.ts';
export { penaltyValue } from './penalty.ts';
export type { ParameterInfo, ParameterKind } from './parameters.ts';
export {
  parameterInfo,
  parameterCount,
  parameterNames,
  flattenParameters,
  unflattenParameters,
  parameterIndex,
  selectParameters,
} from './parameters.ts';
export type { Jet, Seed } from './jet.ts';
export { JetAlgebra } from './jet.ts';
export type { RegionOptions, DerivativeOptions, LossDerivatives } from './derivatives.ts';
export {
  regionPattern,
  lossDerivatives,
  lossGradient,
  lossHessian,
  lossAlongDirections,
  directionalDerivatives,
} from './derivatives.ts';
export type { Polynomial } from './line.ts';
export { lossAlongLine, evaluatePolynomial } from './line.ts';
export { naturalLog } from './transcendental.ts';
export type { MilneWeights, LiteralBlock, DeterminantMatrixOptions } from './milne-matrix.ts';
export {
  milneWidths,
  milneDepth,
  milneNetwork,
  milneWeightsOf,
  milneDirection,
  milneDirectionOf,
  milneOutput,
  milneSwitches,
  switchedWeights,
  switchedDirection,
  literalSwitchedWeights,
  milneBlockOffsets,
  powerOfMinusOne,
  determinantMatrixOf,
  milneMatrix,
  milnePerturbation,
  milneCMatrix,
} from './milne-matrix.ts';
export type { LeibnizTerm, NetworkPath, PermutationStructure } from './milne-leibniz.ts';
export { permutationSign, nonZeroLeibnizTerms, leibnizDeterminant, milneActivePaths, permutationStructure } from './milne-leibniz.ts';
export type { MilneWidening } from './milne-widening.ts';
export { milneWidening, milneWidenedDiagonal, milneSwitchDiagonal } from './milne-widening.ts';
export type { QiInterval } from './milne-bounds.ts';
export {
  qiIntervals,
  milneNormBound,
  milneM,
  inMilneU1,
  inMilneU2,
  inMilneU3,
  milneThreshold,
  smallestSingularValueBounds,
} from './milne-bounds.ts';
export type { DeterminantLossTerm } from './milne-derivatives.ts';
export {
  milneDataset,
  milneLossAlongLine,
  polynomialDerivativeAtZero,
  determinantAlongLine,
  jacobiDerivative,
  lemma5SecondDerivative,
  lemma6Derivatives,
  milneOutputGradient,
  milnePreActivationsAlongLine,
  milneFrozenOutputAlongLine,
  milneSwitchRadius,
} from './milne-derivatives.ts';
export type { AugmentedProblem, AugmentedProblemSpec, ExpUnitParameters, AugmentedValue, AugmentedGradient, AugmentedNetwork } from './augmented-objective.ts';
export {
  augmentedProblem,
  augmentedProblemOf,
  baseOutputs,
  convertProblem,
  convertHead,
  unitExponentials,
  augmentedValue,
  baseValue,
  pointLossGradients,
  baseLossGradients,
  augmentedGradient,
  eq9Residuals,
  formalExponential,
  formalExpField,
  augmentedNetwork,
  outputLayerGradient,
} from './augmented-objective.ts';
export { QUARTIC_COEFFICIENTS, quarticPoint, nonConvexQuartic } from './quartic-loss.ts';
export type { InputGroups } from './stationarity-moments.ts';
export {
  distinctInputGroups,
  projectionValues,
  separatingDirection,
  vandermonde,
  vandermondeProduct,
  tensorPower,
  tensorInterpolationMatrix,
  stationarityMoments,
  unitWeights,
  unitSlope,
  groupedLossGradients,
} from './stationarity-moments.ts';
export type { RayCertificate, DescentPoint, DescentPath, MomentCertificate, MomentOutcome, MomentOptions, NotLocalMinimum } from './exp-unit-descent.ts';
export { rescaledHead, rescalingRay, momentDescent, notLocalMinimum, descentPath, describeEnclosure, enclosuresOverlap, certainlyBelow } from './exp-unit-descent.ts';
export { outputJacobian } from './output-jacobian.ts';
export type { LinearFit } from './he-linear-model.ts';
export { augmentedInputs, linearPredictions, linearModelRisk, linearRiskGradient, isLinearStationary, leastSquaresFit, fitsExactly } from './he-linear-model.ts';
export type { Separation } from './he-separation.ts';
export { lemma7Separation, shiftedValues, separationGap, firstSum, gammaBound } from './he-separation.ts';
export type { Kink } from './he-kink.ts';
export { kinkOf, satisfiesAssumption4, orientKink } from './he-kink.ts';
export { embedAtKink, mirrorHiddenLayers } from './he-embedding.ts';
export type { LinearMinimumSpec, LinearMinimum } from './he-minimum.ts';
export { requireWiderHidden, etaBound, lemma5Network, firstLayerPreActivations, frobeniusSquared, scaleFor, linearRegimeMinimum } from './he-minimum.ts';
export type { OneHiddenLayer, LowerRiskParameters, LowerRiskSpec, LowerRiskPoint, LowerRiskSearch } from './he-lower-risk.ts';
export { theorem4Layers, corollary3Layers, theorem5Network, defaultBreakpoint, lowerRiskPoint } from './he-lower-risk.ts';
export type { LinearRegimeCertificate } from './he-certificate.ts';
export { certifyLinearRegimeMinimum } from './he-certificate.ts';
export type { CellLeastSquares } from './he-cell.ts';
export { cellNetwork, cellParts, cellSlopes, cellFeatures, collapsedWeights, collapsedOutputs, collapsedRisk, collapsedRiskHessian, cellLeastSquares, collapsedGradientBlocks, cellTargets } from './he-cell.ts';
export type { CriticalChoice, CellPointClass } from './he-cell-critical.ts';
export { cellSigns, cellConeRows, cellCriticalPoint, classifyCellPoint } from './he-cell-critical.ts';
export type { PieceSign, MinimiserPiece, MinimiserComponents } from './he-cell-minimisers.ts';
export { cellMinimiserComponents, liftCollapsed } from './he-cell-minimisers.ts';
