// The exact linear-programming entry point: feasibility of mixed strict / non-strict / equality
// systems with infeasibility certificates, and linear optimisation with optimality certificates.
export { checkFeasibility, isFeasible } from './feasibility.ts';
export type { FeasibilityOptions, FeasibilityResult } from './feasibility.ts';
export { maximize, minimize, verifyOptimization } from './optimize.ts';
export type { OptimalityCertificate, OptimizationResult } from './optimize.ts';
export { verifyInfeasibility } from './certificate.ts';
export type { InfeasibilityCertificate } from './certificate.ts';
