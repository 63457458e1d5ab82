// The second engine: SMT-LIB text over the reals and the z3 solver. Exported as the namespace `smt`.
export type { Term } from './term.ts';
export { abs, add, and, div, dot, eq, ge, gt, ite, le, lt, max, min, mul, neg, not, ONE, or, real, relu, square, sub, sym, ZERO } from './term.ts';
export { SmtQuery } from './query.ts';
export type { SmtAnswer, SmtOptions, SmtResult } from './solver.ts';
export { checkSat, DEFAULT_RLIMIT, releaseSolver } from './solver.ts';
export type { ActivationTerms, LayerTerms } from './network.ts';
export { activationTerms, applyActivation, forwardTerms, RELU, squaredErrorTerm } from './network.ts';
