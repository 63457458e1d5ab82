// The public API: everything a claim module (ours in properties/, or a user's) may use.
export * from './numbers/index.ts';
export * from './linalg/index.ts';
export * from './geometry/index.ts';
export * from './network/index.ts';
export * from './landscape/index.ts';
export * from './generators/index.ts';
export * from './claims/index.ts';
export * from './report/index.ts';
export * as smt from './smt/index.ts';

// Names used by two modules: the plain name is the single-layer (geometry) or linalg one.
export { activationPattern, patternKey } from './geometry/index.ts';
export { Polynomial } from './linalg/index.ts';
export {
  activationPattern as networkActivationPattern,
  patternKey as networkPatternKey,
} from './network/index.ts';
export type { Polynomial as LinePolynomial } from './network/index.ts';
