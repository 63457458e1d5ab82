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
