import { describe, expect, it } from 'vitest';
import assumption5 from '../../../properties/he/assumption-5.ts';
import type { PropertyCheck } from '../../../src/claims/claim.ts';
import { runClaim } from '../../../src/claims/runner.ts';
import { RationalField, lowerRiskPoint, piecewiseLinear, shiftedValues, squaredError } from '../../../src/index.ts';
import { Rational } from '../../../src/numbers/rational.ts';

const r = (text: string): Rational => Rational.parse(text);
const rows = (xs: string[][]): Rational[][] => xs.map((row) => row.map(r));

// The shrunk instance of seed 10 (300 runs): with α = 1/4 the split separates, but the pivot l0 is not the
// highest g_i of I, so η_1 = g_{l0} + ½min_J(g_j − g_{l0}) fell below g_1 and the outputs missed Ŷ ∓ γ.
const seed10 = {
  inputs: rows([['-2', '0', '-1'], ['0', '2', '-1'], ['-3', '3', '-1'], ['3', '1', '2'], ['-3/2', '-3/2', '-1']]),
  targets: rows([['-3'], ['-1'], ['1'], ['0'], ['2']]),
  hidden: [3],
  activation: { breakpoints: [r('0')], slopes: [r('-1'), r('1')], valueAtZero: r('0') },
};

describe('he/assumption-5: Corollary 3 without Assumption 4', () => {
  it('the α search waits until the pivot is the highest g_i of I, and then the point outputs Ŷ ∓ γ below f(W̃)', () => {
    const act = piecewiseLinear(RationalField, seed10.activation);
    const found = lowerRiskPoint({ inputs: seed10.inputs, targets: seed10.targets }, squaredError('mean'), { hidden: seed10.hidden, activation: act });
    expect(found.found).toBe(true);
    if (!found.found) return;
    expect(found.construction).toBe('corollary-3');
    // α = 1/4 separates (gap > 0) but leaves g_1 above g_{l0}; the search goes on to α = 1/16.
    expect(found.parameters.alpha.equals(Rational.of(1, 16))).toBe(true);
    const v = found.fit.predictions.map((p) => p[found.parameters.row]!);
    const g = shiftedValues(v, seed10.inputs, found.separation.beta, found.parameters.alpha);
    expect(found.separation.first.every((i) => g[i]!.le(g[found.separation.pivot]!))).toBe(true);
    expect(found.risk.lt(found.fit.risk)).toBe(true);
    const check = assumption5.checks[0] as PropertyCheck;
    expect(check.evaluate(seed10).status).toBe('pass');
  });

  it('seed 10 with 300 runs holds, every case decided', async () => {
    const result = await runClaim(assumption5, { runs: 300, seed: 10 });
    expect(result.verdict).toBe('holds');
    const detail = result.detail.checks[0]!;
    expect(detail.undecided ?? 0).toBe(0);
  });
});
