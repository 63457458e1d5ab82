import { afterAll, describe, expect, it } from 'vitest';
import { runClaim } from '../../../src/claims/runner.ts';
import type { ClaimResult, TableRow } from '../../../src/claims/result.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { releaseSolver } from '../../../src/smt/solver.ts';
import {
  augmentedTerms,
  ballArith,
  confirmDeadThetaGradient,
  confirmEq9,
  confirmExampleRows,
  confirmInterpolation,
  confirmMomentEquivalence,
  confirmMomentsAtZeroHead,
  confirmOptimalMinimum,
  confirmPgb,
  confirmQuarticAssumption,
  decideEq9,
  decidePgbInequality,
  decideThetaGradientZero,
  eq10Terms,
  type ChainInstance,
  type MomentInstance,
} from '../../../properties/kawaguchi/_confirm.ts';
import type { UnitCase } from '../../../properties/kawaguchi/_instances.ts';
import eq9 from '../../../properties/kawaguchi/eq-9.ts';
import eq12 from '../../../properties/kawaguchi/eq-12.ts';
import example6 from '../../../properties/kawaguchi/example-6.ts';
import example7 from '../../../properties/kawaguchi/example-7.ts';
import theorem1 from '../../../properties/kawaguchi/theorem-1.ts';
import theorem2 from '../../../properties/kawaguchi/theorem-2.ts';
import theorem3 from '../../../properties/kawaguchi/theorem-3.ts';
import theorem4 from '../../../properties/kawaguchi/theorem-4.ts';

afterAll(releaseSolver);

const r = (text: string): Rational => Rational.parse(text);
const vec = (...xs: string[]): Rational[] => xs.map(r);

/** The shrunk witness of the old eq-9 false alarm (seed 1): quartic loss, repeated inputs, e^8 in the unit. */
const eq9Witness: UnitCase = {
  inputs: [vec('-2', '2'), vec('-2', '2'), vec('1/2', '0'), vec('1/2', '0'), vec('-1/2', '-1'), vec('-1/2', '-1')],
  hidden: [vec('2', '3'), vec('-3/2', '-3')],
  hiddenBias: vec('1', '3/2'),
  outWeights: [vec('0', '0')],
  outBias: vec('0'),
  targets: [vec('0'), vec('0'), vec('0'), vec('0'), vec('0'), vec('0')],
  loss: 'quartic',
  lambda: r('1/2'),
  a: vec('1'),
  b: vec('0'),
  w: [vec('-2', '2')],
};

/** The shrunk witness of the old eq-12 false alarm (seed 1): two identical inputs with opposite hinge labels. */
const eq12Witness: UnitCase = {
  inputs: [vec('2'), vec('2')],
  hidden: [vec('-3/2'), vec('-1')],
  hiddenBias: vec('2', '1'),
  outWeights: [vec('0', '0')],
  outBias: vec('0'),
  targets: [vec('-1'), vec('1')],
  loss: 'cubic-hinge',
  lambda: r('1/2'),
  a: vec('0'),
  b: vec('0'),
  w: [vec('0')],
};

/** θ not per-input optimal: f = relu(2x − 1) at x = 1, −1/2, 2 against free labels; (0, 1/2, 1). */
const suboptimal: UnitCase = {
  inputs: [vec('1'), vec('-1/2'), vec('2')],
  hidden: [vec('2')],
  hiddenBias: vec('-1'),
  outWeights: [vec('1')],
  outBias: vec('1/2'),
  targets: [vec('0'), vec('1'), vec('-1')],
  loss: 'squared',
  lambda: r('1/2'),
  a: vec('0'),
  b: vec('1/2'),
  w: [vec('1')],
};

/** θ per-input optimal (targets = outputs) with two outputs. */
const optimal: UnitCase = {
  inputs: [vec('1', '0'), vec('0', '1'), vec('1', '0')],
  hidden: [vec('1', '1')],
  hiddenBias: vec('1/2'),
  outWeights: [vec('1'), vec('-1')],
  outBias: vec('0', '1'),
  targets: [vec('3/2', '-1/2'), vec('3/2', '-1/2'), vec('3/2', '-1/2')],
  loss: 'squared',
  lambda: r('1/2'),
  a: vec('0', '0'),
  b: vec('0', '1'),
  w: [vec('1', '0'), vec('0', '-1')],
};

/** App. C: the hidden unit is dead on the data, no output bias, so f ≡ 0 and A[θ] = 0. */
const dead: UnitCase = {
  inputs: [vec('1'), vec('-1'), vec('1')],
  hidden: [vec('1')],
  hiddenBias: vec('-2'),
  outWeights: [vec('3/2')],
  outBias: null,
  targets: [vec('1'), vec('-1'), vec('-1')],
  loss: 'cubic-hinge',
  lambda: r('1/2'),
  a: vec('1/2'),
  b: vec('0'),
  w: [vec('1')],
};

describe('which checks have a second route', () => {
  it('every check that can fail has one; the descent certificates (which can only pass or stay undecided) have none', () => {
    const claims = [eq9, eq12, theorem1, theorem2, theorem3, theorem4, example6, example7];
    const without = claims.flatMap((claim) => claim.checks.filter((check) => check.confirm === undefined).map((check) => `${claim.id}: ${check.name}`));
    expect(without).toEqual([
      'kawaguchi/theorem-1: a ≠ 0 is not a local minimum (the rescaling ray of eq. (9))',
      'kawaguchi/theorem-1: θ not a global minimum of L: no (0, b, W) is a local minimum',
      'kawaguchi/theorem-2: some ∇ℓ_{y_i}(f(x_i; θ)) ≠ 0: no (a, b, W) is a local minimum',
      'kawaguchi/theorem-4: θ not a global minimum: no (a, b, W) is a local minimum',
      'kawaguchi/theorem-4: L̃ decreases strictly along an exhibited path on which the unit runs off',
    ]);
  });
});

describe('eq. (9): z3 with the exponentials as unknowns', () => {
  it('contradicts a failure of (9) on the old false alarm: the identity holds for every admissible value of exp', async () => {
    const c = await confirmEq9(eq9Witness);
    expect(c.status).toBe('contradicted');
  });

  it('confirms a wrong identity (3λa_k² instead of 2λa_k²) on the same instance, for every value of exp', async () => {
    const c = await decideEq9(eq9Witness, Rational.of(3));
    expect(c.status).toBe('confirmed');
    expect(String(c.evidence?.query)).toContain('(declare-const E_0 Real)');
  });

  it('a = 0: the wrong identity still holds (both sides are 0), so it is contradicted', async () => {
    expect((await decideEq9({ ...eq9Witness, a: vec('0') }, Rational.of(3))).status).toBe('contradicted');
  });
});

describe('eq. (12), linear algebra: z3 on the Vandermonde determinant and the interpolation system', () => {
  it('contradicts on distinct inputs', async () => {
    const c = await confirmInterpolation({ points: [vec('0', '1'), vec('1', '1'), vec('2', '-1')], values: vec('1', '0', '-1', '2') }, { u: vec('1', '-1') });
    expect(c.status).toBe('contradicted');
  });

  it('confirms on a repeated input with two different values: no interpolation exists', async () => {
    const c = await confirmInterpolation({ points: [vec('1'), vec('1')], values: vec('0', '1') }, { u: vec('1') });
    expect(c.status).toBe('confirmed');
    expect(Object.keys(c.evidence ?? {})).toEqual(['z3: the tensor interpolation system']);
  });
});

describe('eq. (12), moments with free exp values: z3 on the literal numbers', () => {
  const base: MomentInstance = {
    points: [vec('0'), vec('1'), vec('-1')],
    copies: [2, 1, 1],
    loss: 'squared',
    outputs: vec('1', '0', '1/2'),
    labels: vec('3/2', '1/2', '1', '1/2'),
    weights: vec('1', '2', '1/3'),
  };

  it('contradicts on an instance where the equivalences hold (the first group cancels, the others do not)', async () => {
    expect((await confirmMomentEquivalence(base, { u: vec('1') })).status).toBe('contradicted');
  });

  it('confirms when a weight E_j is 0 (outside E_j > 0): the moments vanish without per-input optimality', async () => {
    const c = await confirmMomentEquivalence({ ...base, weights: vec('1', '0', '1') }, { u: vec('1') });
    expect(c.status).toBe('confirmed');
  });

  it('refuses a hint u that does not separate the inputs', async () => {
    expect((await confirmMomentEquivalence({ ...base, points: [vec('0', '1'), vec('1', '0'), vec('1', '1')] }, { u: vec('1', '1') })).status).toBe('unknown');
  });
});

describe('eq. (10)–(11) at a = 0 with the true exp: exact group sums and decimal balls', () => {
  it('the old false alarm: θ per-input optimal by groups, so every moment is exactly 0 (contradicted)', () => {
    const c = confirmMomentsAtZeroHead(eq12Witness, { unit: 0, part: 'moments at a per-input optimal θ', t: 0, u: vec('1') });
    expect(c.status).toBe('contradicted');
    expect(c.status === 'contradicted' && c.reason).toMatch(/exactly 0/);
  });

  it('contradicts a claimed "optimal" θ that is not per-input optimal', () => {
    const c = confirmMomentsAtZeroHead(suboptimal, { unit: 0, part: 'moments at a per-input optimal θ', t: 0, u: vec('1') });
    expect(c.status === 'contradicted' && c.reason).toMatch(/not per-input optimal/);
  });

  it('eq. (10): ζ(ε̄) lies within the truncated series ± its tail bound (contradicted)', () => {
    for (const eps of ['1/2', '1/10']) {
      const c = confirmMomentsAtZeroHead(suboptimal, { unit: 0, part: 'eq. (10)', epsilon: r(eps), terms: 30, u: vec('1') });
      expect(c.status).toBe('contradicted');
    }
  });

  it('the same balls separate ζ(1/2) from the series at ε̄ = 1/10 (what a wrong series would be confirmed by)', () => {
    const B = ballArith(150);
    const at = (eps: string) => eq10Terms(suboptimal, 0, vec('1'), r(eps), 30, B);
    const wrong = B.sub(at('1/2').zeta, at('1/10').series);
    expect(B.compareAbs(wrong, at('1/2').tail)).toBe('apart');
    expect(B.compareAbs(B.sub(at('1/2').zeta, at('1/2').series), at('1/2').tail)).toBe('within');
  });
});

describe('per-input optimal θ: L̃ near (0, b, W) by decimal balls', () => {
  const near = { a: vec('1/10', '0'), b: vec('0', '1'), w: [vec('11/10', '1/10'), vec('1/10', '-9/10')] };

  it('contradicts at a point near (0, b, W) of an optimal θ: L̃ − L(θ) > 0 and the data term ≥ 0', () => {
    const c = confirmOptimalMinimum(optimal, near);
    expect(c.status).toBe('contradicted');
  });

  it('contradicts when θ is not per-input optimal (the statement does not apply)', () => {
    const c = confirmOptimalMinimum(suboptimal, { a: vec('1/10'), b: vec('1/2'), w: [vec('1')] });
    expect(c.status === 'contradicted' && c.reason).toMatch(/not per-input optimal/);
  });

  it('the balls certify L̃ < L(θ) where that is true (a non-optimal θ, a against ∂L̃/∂a)', () => {
    // f = (3/2, 1/2, 7/2), y = (0, 1, −1): ∂L̃/∂a at a = 0 is (2/3)Σ_i (f_i − y_i)e^{x_i + 1/2} > 0, so a < 0 lowers L̃.
    const B = ballArith(150);
    const at = (a: string) => augmentedTerms(B, suboptimal, { a: vec(a), b: vec('1/2'), w: [vec('1')] });
    const base = at('0');
    const moved = at('-1/100');
    expect(B.sub(B.add(moved.data, moved.penalty), B.add(base.data, base.penalty)).negative()).toBe(true);
    expect(base.penalty.mid.isZero()).toBe(true);
  });
});

describe("Theorem 2's quartic: z3 on the real roots of φ′", () => {
  it('contradicts for φ = r⁴/4 − 2r³/3 + 11r²/20', async () => {
    expect((await confirmQuarticAssumption()).status).toBe('contradicted');
  });

  it('confirms for r⁴/4 − 2r³/3 + r²/2, whose φ′ = r(r − 1)² has the extra root 1', async () => {
    expect((await confirmQuarticAssumption({ c2: r('1/2'), c3: r('-2/3'), c4: r('1/4') })).status).toBe('confirmed');
  });
});

describe('Theorem 3: exact chain derivatives and z3', () => {
  // L = 2, identity, x = 1, z = (1, 1), λ = 1/2: ∇Q(z) = 0 needs r = −λ, so y = f + λ = 3/2; ∇²Q = [[3, 1], [1, 3]].
  const chain: ChainInstance = { layers: 2, activation: 'identity', inputs: [vec('1')], scale: r('1'), direction: vec('1'), signs: vec('1'), lambda: r('1/2') };

  it('contradicts at a strict local minimum where the PGB equality holds', async () => {
    const c = await confirmPgb(chain, { y: vec('3/2') });
    expect(c.status).toBe('contradicted');
    expect(c.status === 'contradicted' && c.reason).toMatch(/inf over α/);
  });

  it('contradicts when the witness targets do not make z critical', async () => {
    const c = await confirmPgb(chain, { y: vec('1') });
    expect(c.status === 'contradicted' && c.reason).toMatch(/∇Q\(z\)/);
  });

  it('the inequality part confirms a bound above the infimum, and (ρ = 1) a bound below it', async () => {
    const numbers = { J: [vec('1', '1')], y: vec('3/2'), z: vec('1', '1'), lambda: r('1/2'), equality: true };
    // Q(z) = (1 − 3/2)² + 1 = 5/4 = inf.
    expect((await decidePgbInequality({ ...numbers, bound: r('5/4') })).status).toBe('contradicted');
    expect((await decidePgbInequality({ ...numbers, bound: r('9/4') })).status).toBe('confirmed');
    expect((await decidePgbInequality({ ...numbers, bound: r('1') })).status).toBe('confirmed');
    expect((await decidePgbInequality({ ...numbers, bound: r('1'), equality: false })).status).toBe('contradicted');
  });
});

describe('Theorem 4, App. C: ∂L̃/∂θ by the chain rule in z3', () => {
  it('contradicts on the construction (dead hidden unit, no output bias): ∂L̃/∂θ = 0 for every value of exp', async () => {
    expect((await confirmDeadThetaGradient(dead)).status).toBe('contradicted');
  });

  it('confirms ∂L̃/∂θ ≠ 0 for a live unit with an output bias at a = 0 (∂/∂b2 = (2/m)Σ(f − y) ≠ 0)', async () => {
    expect((await decideThetaGradientZero(suboptimal)).status).toBe('confirmed');
  });

  it('refuses an instance that is not the construction', async () => {
    expect((await confirmDeadThetaGradient(suboptimal)).status).toBe('contradicted');
  });
});

describe('Examples 6 and 7: the differing rows recomputed at 400 digits', () => {
  const reproductionOf = async (claim: typeof example6): Promise<{ result: ClaimResult; table: TableRow[] }> => {
    const result = await runClaim(claim, { runs: 1, seed: 1 });
    return { result, table: result.detail.checks.flatMap((c) => c.table ?? []) };
  };

  it('confirms every differing row of both examples', async () => {
    for (const claim of [example6, example7]) {
      const { result } = await reproductionOf(claim);
      const check = result.detail.checks[0]!;
      expect(check.confirmation?.status).toBe('confirmed');
      expect(result.verdict).toBe('differs');
    }
  });

  it('contradicts a matching row offered as differing, and a row whose printed value is not ours', async () => {
    const reproduction = example7.checks[0]!;
    if (reproduction.kind !== 'reproduction') throw new Error('example 7 reproduces a table');
    const { data } = reproduction.reproduce({});
    const { table } = await reproductionOf(example7);
    const matching = table.find((row) => row.match && row.quantity.includes('ε = 1/10: data term'))!;
    expect(confirmExampleRows([matching], data).status).toBe('contradicted');
    const differing = table.find((row) => !row.match && row.quantity.includes('ε = 1/10: penalty'))!;
    expect(confirmExampleRows([differing], data).status).toBe('confirmed');
    const misprinted = { ...differing, computed: '0.00000000412230724487711565593188076032' };
    expect(confirmExampleRows([misprinted], data).status).toBe('contradicted');
    expect(confirmExampleRows([differing], undefined).status).toBe('unknown');
  });
});
