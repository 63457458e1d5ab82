import { Decimal } from 'decimal.js';
import { decimalField } from '../../src/numbers/decimal-field.ts';
import type { Field } from '../../src/numbers/field.ts';
import type { Rational } from '../../src/numbers/rational.ts';
import { mapDataset, type Dataset } from '../../src/network/dataset.ts';
import { empiricalRisk, type Loss, type RiskOptions } from '../../src/network/loss.ts';
import { exactValue, mapNetwork, type Network } from '../../src/network/network.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';

/** Finite differences of the real network's risk (not g_A) in decimal.js at 60 digits, step 1e-20. */
export const D = decimalField(60);
const h = D.fromNumber(1e-20);

export interface DecimalProblem {
  readonly net: Network<Decimal>;
  readonly data: Dataset<Decimal>;
  readonly theta: Decimal[];
}

export function toDecimalProblem<T>(net: Network<T>, data: Dataset<Rational>): DecimalProblem {
  const dn = mapNetwork(net, D);
  return { net: dn, data: mapDataset(D, data), theta: flattenParameters(dn) };
}

function riskAt(p: DecimalProblem, loss: Loss, theta: Decimal[], options: RiskOptions<Decimal>): Decimal {
  return empiricalRisk(unflattenParameters(p.net, theta), p.data, loss, options);
}

const shifted = (theta: Decimal[], moves: readonly (readonly [readonly Decimal[], number])[]): Decimal[] =>
  theta.map((v, k) => moves.reduce((s, [X, c]) => s.plus(X[k]!.times(h).times(c)), v));

/** (L(θ + hX) − L(θ − hX)) / 2h ≈ ∇L·X. */
export function fdFirst(p: DecimalProblem, loss: Loss, X: readonly Decimal[], options: RiskOptions<Decimal> = {}): Decimal {
  const plus = riskAt(p, loss, shifted(p.theta, [[X, 1]]), options);
  const minus = riskAt(p, loss, shifted(p.theta, [[X, -1]]), options);
  return plus.minus(minus).div(h.times(2));
}

/** Four-point mixed difference ≈ Xᵀ ∇²L Y. */
export function fdSecond(p: DecimalProblem, loss: Loss, X: readonly Decimal[], Y: readonly Decimal[], options: RiskOptions<Decimal> = {}): Decimal {
  const at = (a: number, b: number): Decimal => riskAt(p, loss, shifted(p.theta, [[X, a], [Y, b]]), options);
  return at(1, 1).minus(at(1, -1)).minus(at(-1, 1)).plus(at(-1, -1)).div(h.times(h).times(4));
}

export function unit(n: number, k: number): Decimal[] {
  return Array.from({ length: n }, (_, i) => (i === k ? D.one : D.zero));
}

/** |a − b| ≤ 1e-15·max(1, |a|), the value a of any field (converted exactly when rational). */
export function closeTo<T>(F: Field<T>, exact: T, approx: Decimal, digits = 15): boolean {
  const a = F.exact ? D.fromRational(exactValue(F, exact)) : new Decimal(F.toDecimal(exact));
  const tol = Decimal.max(1, a.abs()).times(new Decimal(10).pow(-digits));
  return a.minus(approx).abs().lte(tol);
}
