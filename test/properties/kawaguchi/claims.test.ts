import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { runClaim } from '../../../src/claims/runner.ts';
import type { ClaimResult, TableRow } from '../../../src/claims/result.ts';
import example6 from '../../../properties/kawaguchi/example-6.ts';
import example7 from '../../../properties/kawaguchi/example-7.ts';
import eq9 from '../../../properties/kawaguchi/eq-9.ts';
import eq12 from '../../../properties/kawaguchi/eq-12.ts';
import theorem1 from '../../../properties/kawaguchi/theorem-1.ts';
import theorem2 from '../../../properties/kawaguchi/theorem-2.ts';
import theorem3 from '../../../properties/kawaguchi/theorem-3.ts';
import theorem4 from '../../../properties/kawaguchi/theorem-4.ts';

const R = Decimal.clone({ precision: 250 });
const lambda = new R(1).div(2);

function tableOf(result: ClaimResult): TableRow[] {
  return result.detail.checks.flatMap((c) => c.table ?? []);
}

function row(table: readonly TableRow[], quantity: string): TableRow {
  const found = table.find((r) => r.quantity === quantity);
  if (!found) throw new Error(`no row ${quantity}`);
  return found;
}

/** |decimal text − value| below 1e-140 (the tables print 150 significant digits). */
const near = (text: unknown, value: Decimal): boolean => new R(String(text)).minus(value).abs().lt('1e-140');

describe('Examples 6 and 7 against hand computations', () => {
  it('Example 6: the literal sequence gives 64 + 4λe^{−2/ε}, the corrected sign 4λe^{−2/ε}; the paper writes λe^{−2/ε}', async () => {
    const result = await runClaim(example6, { runs: 1, seed: 1 });
    expect(result.verdict).toBe('differs');
    const table = tableOf(result);
    expect(row(table, 'L(θ) = max(0, 1 − y1 f(x1; θ))³').computed).toBe('8');
    for (const [eps, inv] of [['1/10', 10], ['1/150', 150]] as const) {
      const penalty = lambda.times(4).times(new R(-2 * inv).exp());
      const literal = row(table, `ε = ${eps}, a = −2e^{−1/ε}: L̃ (paper: λe^{−2/ε})`);
      expect(near(literal.computed, penalty.plus(64))).toBe(true);
      expect(near(literal.paper, penalty.div(4))).toBe(true);
      expect(literal.match).toBe(false);
      const corrected = row(table, `corrected sign a = +2e^{−1/ε} (not the paper's text), ε = ${eps}: L̃ (paper: λe^{−2/ε})`);
      expect(near(corrected.computed, penalty)).toBe(true);
      expect(corrected.match).toBe(false);
    }
    expect(row(table, 'corrected sign a = +2e^{−1/ε}: L̃ as ε → 0 (computed: value at ε = 1/150)').match).toBe(true);
    expect(row(table, 'a = −2e^{−1/ε}: L̃ as ε → 0 (computed: value at ε = 1/150)').match).toBe(false);
  });

  it('Example 7: data term (2 + 2e^{−‖x2−x1‖²/ε})³ as stated, penalty 4λe^{−2/ε}, limit 8, a → 0⁺', async () => {
    const result = await runClaim(example7, { runs: 1, seed: 1 });
    expect(result.verdict).toBe('differs');
    const table = tableOf(result);
    for (const [name, gap] of [['x1 = 0, x2 = 1', 1], ['x1 = (1, 2), x2 = (2, 0)', 5]] as const) {
      expect(row(table, `${name}: L(θ)`).computed).toBe('16');
      const inv = 10;
      const data = new R(2).plus(new R(-gap * inv).exp().times(2)).pow(3);
      const penalty = lambda.times(4).times(new R(-2 * inv).exp());
      const d = row(table, `${name}, ε = 1/10: data term Σ_i max(0, 1 − y_i(f + g))³ (paper: (2 + 2e^{−‖x2−x1‖²/ε})³)`);
      expect(near(d.computed, data) && d.match).toBe(true);
      const p = row(table, `${name}, ε = 1/10: penalty λa² (paper: λe^{−2/ε})`);
      expect(near(p.computed, penalty) && !p.match).toBe(true);
      expect(row(table, `${name}: L̃ as ε → 0 (computed: value at ε = 1/150)`).match).toBe(true);
      expect(row(table, `${name}: sign of a along the sequence (paper: a → 0⁻)`).computed).toBe('positive');
    }
  });
});

describe('every kawaguchi theorem claim holds at a small budget', () => {
  for (const claim of [eq9, eq12, theorem1, theorem2, theorem3, theorem4]) {
    it(claim.id, async () => {
      const result = await runClaim(claim, { runs: 15, seed: 7 });
      expect(result.verdict).toBe('holds');
    });
  }
});
