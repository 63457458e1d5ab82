export type { Figure, PlannedFigure, RegisteredFigure } from './figure.ts';
export { FigureRegistry } from './registry.ts';
export type { FigureSelection } from './registry.ts';
export {
  activationRegions,
  activationRegionsFigure,
  renderActivationRegions,
  sampleName,
  signLabel,
} from './activation-regions.ts';
export type { ActivationRegions, ActivationRegionsFigureSpec, PlanePoint, RegionCell, RegionLine } from './activation-regions.ts';
export { builtInFigures } from './built-in.ts';
export {
  renderSubglobalHistograms,
  subglobalHistograms,
  subglobalHistogramsFigure,
} from './subglobal-histograms.ts';
export type { HistogramBar, HistogramPanel, SubglobalHistograms, SubglobalHistogramsFigureSpec } from './subglobal-histograms.ts';
export { liuProbabilityData, liuProbabilityFigure, renderLiuProbability } from './liu-probability.ts';
export type { LiuProbabilityData, LiuProbabilitySpec } from './liu-probability.ts';
