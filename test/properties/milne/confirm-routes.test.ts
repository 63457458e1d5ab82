// The second routes of the milne/ claims (properties/milne/_confirm.ts): each confirms where the negation
// of its statement holds (a stored witness, a hand-made instance, or — for statements that are theorems —
// the part of the negation that an instance outside the hypotheses does satisfy) and does not confirm
// where the statement holds.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runClaim, replayCounterexample } from '../../../src/claims/runner.ts';
import { CounterexampleStore } from '../../../src/claims/store.ts';
import type { Confirmation } from '../../../src/claims/confirmation.ts';
import { Matrix } from '../../../src/linalg/matrix.ts';
import { negativeDirection } from '../../../src/linalg/inertia.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { lossHessian } from '../../../src/network/derivatives.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { milneDataset, milneSwitchRadius } from '../../../src/network/milne-derivatives.ts';
import { milneCMatrix, milneDirectionOf, milneMatrix, milneNetwork, milneOutput, milneWidths } from '../../../src/network/milne-matrix.ts';
import { milneSwitchDiagonal, milneWidenedDiagonal, milneWidening } from '../../../src/network/milne-widening.ts';
import { smallestSingularValueBounds } from '../../../src/network/milne-bounds.ts';
import { activationPattern } from '../../../src/network/forward.ts';
import { resolveBreakpoints } from '../../../src/network/pattern.ts';
import { releaseSolver } from '../../../src/smt/solver.ts';
import * as route from '../../../properties/milne/_confirm.ts';
import { boundaryProblem, negativeCurvatureDirection, problem, zeroPreActivation, type MilneProblem, type Weights } from '../../../properties/milne/_instances.ts';
import { fittedBeta, fittedLambda, outsideU, setting } from '../../../properties/milne/_region.ts';
import corollaries from '../../../properties/milne/corollaries.ts';
import depthThreshold from '../../../properties/milne/depth-threshold.ts';
import eq24 from '../../../properties/milne/eq-24.ts';
import lemma1 from '../../../properties/milne/lemma-1.ts';
import lemma2 from '../../../properties/milne/lemma-2.ts';
import lemma3 from '../../../properties/milne/lemma-3.ts';
import lemma4 from '../../../properties/milne/lemma-4.ts';
import lemma5 from '../../../properties/milne/lemma-5.ts';
import lemma6 from '../../../properties/milne/lemma-6.ts';
import lemma7 from '../../../properties/milne/lemma-7.ts';
import lemma8 from '../../../properties/milne/lemma-8.ts';
import lemma9 from '../../../properties/milne/lemma-9.ts';
import theorem3qi from '../../../properties/milne/theorem-3-qi.ts';
import theorem4 from '../../../properties/milne/theorem-4.ts';

afterAll(releaseSolver);

const r = (text: string): Rational => Rational.parse(text);
const vec = (...xs: string[]): Rational[] => xs.map(r);
const weights = (...layers: string[][][]): Weights => layers.map((Wk) => Wk.map((row) => row.map(r)));
const status = (c: Confirmation): string => c.status;
const minusOneTo = (k: number): Rational => (k % 2 === 0 ? Rational.ONE : Rational.MINUS_ONE);

/** The stored witnesses of milne/lemma-3, lemma-4 and lemma-6. */
const lemma3Witness = { a: vec('-1'), W: weights([['-1', '0']], [['2'], ['0']]) };
const lemma4Witness = { a: vec('-1'), W: weights([['0', '-1']], [['0'], ['2']]) };
const lemma6Witness = { inputs: [vec('2')], W: weights([['1', '1']], [['1'], ['0']]), targets: vec('1'), X: weights([['0', '0']], [['0'], ['1']]) };

/** Two hidden layers, every unit on at a = (1, 2): y = 29/2 ≠ 0 (H = 2, so the printed corner is −1). */
const deep = { a: vec('1', '2'), W: weights([['1', '1/2'], ['1', '1']], [['1', '2'], ['1', '-1']], [['2'], ['1']]) };
/** Every hidden unit off: y = 0. */
const dead = { a: vec('1'), W: weights([['-1', '-1']], [['1'], ['1']]) };

/** A few instances drawn by the claims' own arbitraries (fixed seed). */
const draw = <T,>(arbitrary: fc.Arbitrary<T>, n = 40, seed = 3): T[] => fc.sample(arbitrary, { numRuns: n, seed });

describe('milne/lemma-3: det A(a, W) against y(a, W)', () => {
  it('confirms the stored witness with the printed corner and contradicts the corrected corner (−1)^H', async () => {
    expect(status(await route.confirmDeterminantDiffersFromOutput(lemma3Witness.a, lemma3Witness.W))).toBe('confirmed');
    expect(status(await route.confirmDeterminantDiffersFromOutput(lemma3Witness.a, lemma3Witness.W, minusOneTo(1)))).toBe('contradicted');
  });

  it('does the same at depth H = 2, and does not confirm where y = 0 (det A = −y = y)', async () => {
    expect(milneOutput(deep.a, deep.W).toString()).toBe('29/2');
    expect(status(await route.confirmDeterminantDiffersFromOutput(deep.a, deep.W))).toBe('confirmed');
    expect(status(await route.confirmDeterminantDiffersFromOutput(deep.a, deep.W, minusOneTo(2)))).toBe('contradicted');
    expect(status(await route.confirmDeterminantDiffersFromOutput(dead.a, dead.W))).toBe('contradicted');
  });

  it('reads the literal V_i = S_{i+1}W_iS_i as defined only when all widths agree', () => {
    expect(status(route.confirmLiteralBlocksDefined(weights([['2']])))).toBe('confirmed');
    expect(status(route.confirmLiteralBlocksDefined(lemma3Witness.W))).toBe('contradicted');
  });
});

describe('milne/lemma-4: Leibniz terms and paths', () => {
  it('confirms the stored witness of the sign (−1)^{H+1} and contradicts it where no path is active', async () => {
    expect(status(await route.confirmLeibnizSignDiffers(lemma4Witness.a, lemma4Witness.W))).toBe('confirmed');
    expect(status(await route.confirmLeibnizSignDiffers(deep.a, deep.W))).toBe('confirmed');
    expect(status(await route.confirmLeibnizSignDiffers(dead.a, dead.W))).toBe('contradicted');
  });

  it('eq. (10): contradicted on real instances, confirmed against a structure no permutation has', async () => {
    expect(status(await route.confirmLemma4StructureBroken(deep.a, deep.W))).toBe('contradicted');
    expect(status(await route.confirmLemma4StructureBroken(lemma4Witness.a, lemma4Witness.W))).toBe('contradicted');
    expect(status(await route.confirmLemma4StructureBroken(deep.a, deep.W, () => false))).toBe('confirmed');
    expect(status(await route.confirmLemma4StructureBroken(dead.a, dead.W, () => false))).toBe('contradicted');
  });

  it('the correspondence with factor (−1)^{H+1}: contradicted; with the factor (−1)^H: confirmed', async () => {
    expect(status(await route.confirmPathCorrespondenceFails(deep.a, deep.W))).toBe('contradicted');
    expect(status(await route.confirmPathCorrespondenceFails(lemma4Witness.a, lemma4Witness.W))).toBe('contradicted');
    expect(status(await route.confirmPathCorrespondenceFails(deep.a, deep.W, minusOneTo(2)))).toBe('confirmed');
  });

  it('reads eq. (10) and the path off a permutation', () => {
    // Widths [1, 2, 1]: indices 0 | J_0 = {1} | J_1 = {2, 3} | J_2 = {4}; the path input → unit 2 → output.
    expect(route.hasLemma4Structure([1, 3, 2, 4, 0], [1, 2, 1])).toBe(true);
    expect(route.pathOfPermutation([1, 3, 2, 4, 0], [1, 2, 1])).toEqual([0, 1, 0]);
    expect(route.hasLemma4Structure([1, 2, 3, 4, 0], [1, 2, 1])).toBe(false);
    expect(route.pathOfPermutation([0, 1, 2, 3, 4], [1, 2, 1])).toBeNull();
    expect(route.inversionSign([1, 3, 2, 4, 0])).toBe(-1);
  });
});

describe('milne/lemma-5: derivatives of det(A + tX)', () => {
  const A = [vec('1', '2', '0'), vec('3', '-1', '1/2'), vec('0', '1', '2')];
  const X = [vec('1', '0', '1'), vec('2', '1', '0'), vec('-1', '1', '1/3')];

  it('Lemma 5 with tr(M)² read as (tr M)²: contradicted; read as tr(M²): confirmed', async () => {
    expect(status(await route.confirmLemma5Differs(A, X))).toBe('contradicted');
    expect(status(await route.confirmLemma5Differs(A, X, 'tr(M²)'))).toBe('confirmed');
  });

  it("Jacobi's formula with Adj(A): contradicted; with the cofactor matrix Adj(A)ᵀ: confirmed", async () => {
    expect(status(await route.confirmJacobiDiffers(A, X))).toBe('contradicted');
    expect(status(await route.confirmJacobiDiffers(A, X, 'cofactor matrix'))).toBe('confirmed');
  });
});

describe('milne/lemma-6: derivatives of ℓ through det A_i', () => {
  it('confirms the stored witness with the printed corner and contradicts the corner (−1)^H', async () => {
    expect(status(await route.confirmLemma6Differs(lemma6Witness))).toBe('confirmed');
    expect(status(await route.confirmLemma6Differs(lemma6Witness, minusOneTo(1)))).toBe('contradicted');
  });

  it('checks its hypotheses: a zero pre-activation is not a differentiable point', async () => {
    const kink = { ...lemma6Witness, W: weights([['1', '0']], [['1'], ['0']]) };
    expect(status(await route.confirmLemma6Differs(kink, undefined, 'hypotheses'))).toBe('contradicted');
    expect(status(await route.confirmLemma6Differs(lemma6Witness, undefined, 'hypotheses'))).toBe('confirmed');
  });
});

describe('milne/lemma-1: smoothness off a measure-zero set', () => {
  // a = 1, W_0 = (1, 1), W_1 = (1, 1)ᵀ; along X_0 = (−1, 0) the first unit switches off at t = 1.
  const a = vec('1');
  const W = weights([['1', '1']], [['1'], ['1']]);
  const X = weights([['-1', '0']], [['0'], ['0']]);

  it('(i): the frozen polynomial differs from y beyond the switch (t = 2), not inside a certified radius', async () => {
    expect(status(await route.confirmFrozenPolynomialDiffers(a, W, X, r('1/2'), r('2'), 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmFrozenPolynomialDiffers(a, W, X, r('1/2'), r('1/2'), 'hypotheses'))).toBe('confirmed');
    expect(status(await route.confirmFrozenPolynomialDiffers(a, W, X, r('2'), r('2'), 'hypotheses'))).toBe('contradicted');
    expect(status(await route.confirmFrozenPolynomialDiffers(a, W, X, r('1/2'), r('1/2')))).toBe('contradicted');
    expect(status(await route.confirmFrozenPolynomialDiffers(a, W, X, r('1/2'), r('2')))).toBe('contradicted');
  });

  it('(i) on drawn points with the library radius: never confirmed', async () => {
    const smooth = draw(problem({ targets: 'free', maxPoints: 1, maxDepth: 2 }), 3, 11);
    for (const p of smooth) {
      const radius = milneSwitchRadius(p.inputs[0]!, p.W, p.X);
      expect(status(await route.confirmFrozenPolynomialDiffers(p.inputs[0]!, p.W, p.X, radius, radius))).toBe('contradicted');
    }
  });

  it('(ii): y_{i,j} vanishes identically where layer i − 1 is off (outside C), not at a point of C', async () => {
    expect(status(await route.confirmZeroPolynomial(dead.a, dead.W, 2, 0, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmZeroPolynomial(dead.a, dead.W, 2, 0, 'hypotheses'))).toBe('contradicted');
    const onC = zeroPreActivation(a, W, 2, 0)!;
    expect(status(await route.confirmZeroPolynomial(a, onC, 2, 0, 'hypotheses'))).toBe('confirmed');
    expect(status(await route.confirmZeroPolynomial(a, onC, 2, 0))).toBe('contradicted');
  });

  it('(iii): y ≠ 0 once the dead layer turns on (t = 1), not while it stays off', async () => {
    const turnOn = weights([['2', '0']], [['0'], ['0']]);
    expect(status(await route.confirmOutputNonZeroOnB(dead.a, dead.W, turnOn, 1, r('1/4'), r('1'), 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmOutputNonZeroOnB(dead.a, dead.W, turnOn, 1, r('1/4'), r('1/4'), 'hypotheses'))).toBe('confirmed');
    expect(status(await route.confirmOutputNonZeroOnB(dead.a, dead.W, turnOn, 1, r('1'), r('1'), 'hypotheses'))).toBe('contradicted');
    expect(status(await route.confirmOutputNonZeroOnB(dead.a, dead.W, turnOn, 1, r('1/4'), r('1/4')))).toBe('contradicted');
  });
});

describe('milne/lemma-2: pure second derivatives', () => {
  it('contradicted at drawn differentiable points, whose hypotheses it confirms', async () => {
    for (const p of draw(problem({ targets: 'free', maxDepth: 2 }), 2, 5)) {
      expect(status(await route.confirmPureSecondDerivativeFails(p, [0, 0, 0]))).toBe('contradicted');
      expect(status(await route.confirmPureSecondDerivativeFails(p, [p.W.length - 1, 0, 0], 'hypotheses'))).toBe('confirmed');
    }
  });
});

/** A drawn problem with a direction of negative curvature of ℓ (the case the curvature bounds are about). */
function curved(options: Parameters<typeof problem>[0], seed: number): MilneProblem & { readonly D: Weights } {
  for (const p of draw(problem(options), 200, seed)) {
    const D = negativeCurvatureDirection(p);
    if (D !== null) return { ...p, D };
  }
  throw new Error('no drawn problem curves down');
}

describe('milne/lemma-7: the second derivative bounded below', () => {
  const p = curved({ targets: 'closed', maxDepth: 1, maxPoints: 2 }, 1);
  const A = p.inputs.map((a) => milneMatrix(a, p.W));
  const lower = A.map((Ai) => smallestSingularValueBounds(Ai, Rational.of(1, 1000)).lo);

  it('(15): contradicted at a point of the lemma (certified σ_min bounds), whose hypotheses it confirms', async () => {
    const hinted = A.map((Ai) => Ai.toArrays());
    expect(status(await route.confirmOperatorBoundFails(p, p.D, lower, hinted))).toBe('contradicted');
    expect(status(await route.confirmOperatorBoundFails(p, p.D, lower, hinted, 'hypotheses'))).toBe('confirmed');
  });

  it('(15): a σ_min hint far above σ_min makes the conclusion hold, and the certificate refuses it', async () => {
    const tooLarge = lower.map(() => Rational.of(10 ** 6));
    const hinted = A.map((Ai) => Ai.toArrays());
    expect(status(await route.confirmOperatorBoundFails(p, p.D, tooLarge, hinted, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmOperatorBoundFails(p, p.D, tooLarge, hinted))).toBe('unknown');
  });

  it('(14): contradicted at a point of the lemma, whose hypotheses it confirms', async () => {
    expect(status(await route.confirmFrobeniusBoundFails(p, p.D))).toBe('contradicted');
    expect(status(await route.confirmFrobeniusBoundFails(p, p.D, 'hypotheses'))).toBe('confirmed');
    const far = { ...p, targets: p.targets.map((f) => f.mul(Rational.of(10))) };
    expect(status(await route.confirmFrobeniusBoundFails(far, p.D, 'hypotheses'))).toBe('contradicted');
  });
});

describe('milne/lemma-9, theorem-4, corollaries: curvature in U', () => {
  /** A point in U with the claim's fitted parameters (δ = κ = 1/2, θ = 1/4), or null. */
  function inU(p: MilneProblem) {
    const theta = r('1/4');
    const beta = fittedBeta(p.inputs, p.W, r('1/2'));
    const s = setting(p.inputs, p.W, p.targets, beta);
    const lambda = fittedLambda(s, theta, r('1/2'));
    return outsideU(p.inputs, p.W, p.targets, s, { lambda, theta }) === null ? { beta, lambda, theta } : null;
  }
  const drawn = draw(problem({ targets: 'open', maxDepth: 1, maxPoints: 2 }), 60, 2);
  const [p, region] = drawn.map((q) => [q, inU(q)] as const).find(([, u]) => u !== null)!;
  const D = negativeCurvatureDirection(p) ?? p.X;
  const bent = curved({ targets: 'open', maxDepth: 1, maxPoints: 2 }, 4);

  it('lemma-9: contradicted in U₁ ∩ U₂ (hypotheses confirmed); its conclusion holds for β = 0', async () => {
    expect(status(await route.confirmLemma9Fails(p, D, region!.beta))).toBe('contradicted');
    expect(status(await route.confirmLemma9Fails(p, D, region!.beta, 'hypotheses'))).toBe('confirmed');
    // y = (1 + t)(−1 + t) + 3/2 along X: y′ = 0, y″ = 2, e = y − f = −1/10, so d²ℓ = −2/5 and
    // (d²ℓ)² = 4/25 > 4M²ℓ‖X_1‖⁴ = 4(9/10)²(1/100)·4 when β = 0 (M = 9/10); with β = 5 the bound holds.
    const saddle = { inputs: [vec('1')], W: weights([['1', '1']], [['-1'], ['3/2']]), targets: vec('3/5') };
    const along = weights([['1', '0']], [['1'], ['0']]);
    expect(status(await route.confirmLemma9Fails(saddle, along, Rational.ZERO, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmLemma9Fails(saddle, along, Rational.ZERO))).toBe('contradicted');
    expect(status(await route.confirmLemma9Fails(saddle, along, r('5'), 'conclusion'))).toBe('contradicted');
  });

  it('theorem-4: Hess ℓ_λ ⪰ θI not refuted in U; its negation holds for λ below the curvature, outside U₃', async () => {
    const U = { kind: 'U' as const, ...region! };
    expect(status(await route.confirmCurvatureBelow(p, D, U, { below: 'theta' }))).toBe('contradicted');
    expect(status(await route.confirmCurvatureBelow(p, D, U, { below: 'theta' }, 'hypotheses'))).toBe('confirmed');
    const small = { kind: 'U' as const, beta: fittedBeta(bent.inputs, bent.W, r('1/2')), lambda: r('1/1000000'), theta: r('1/2000000') };
    expect(status(await route.confirmCurvatureBelow(bent, bent.D, small, { below: 'theta' }, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmCurvatureBelow(bent, bent.D, small, { below: 'theta' }))).toBe('contradicted');
    const theoremOne = { kind: 'theorem 1' as const, R: region!.beta.sub(Rational.ONE), lambda: region!.lambda, theta: region!.theta };
    expect(status(await route.confirmCurvatureBelow(p, D, theoremOne, { below: 'theta' }))).toBe('contradicted');
  });

  it('corollaries: Hess ℓ_λ ≻ 0 not refuted in U; a saddle-like direction for tiny λ satisfies the negated conclusion', async () => {
    const U = { kind: 'U' as const, ...region! };
    expect(status(await route.confirmCurvatureBelow(p, D, U, { below: 'zero' }))).toBe('contradicted');
    const small = { kind: 'U' as const, beta: fittedBeta(bent.inputs, bent.W, r('1/2')), lambda: r('1/1000000'), theta: r('1/2000000') };
    expect(status(await route.confirmCurvatureBelow(bent, bent.D, small, { below: 'zero' }, 'conclusion'))).toBe('confirmed');
  });

  it("corollaries: the pieces meeting at a boundary point, each with a piece's own direction", async () => {
    const boundary = draw(boundaryProblem({ maxDepth: 1, maxPoints: 2 }), 60, 6).map((b) => [b, inU(b)] as const).find(([, u]) => u !== null)!;
    const [b, u] = boundary;
    const net = milneNetwork(b.W);
    const pattern = resolveBreakpoints(activationPattern(net, b.inputs), 'left');
    const pieces = pattern.map((pt) => pt.map((layer) => [...layer]));
    const H = lossHessian(net, milneDataset(b.inputs, b.targets), squaredError('mean'), { pattern });
    const down = negativeDirection(H);
    const direction = down === null ? b.X : milneDirectionOf(down, b.W);
    expect(status(await route.confirmCurvatureBelow(b, direction, { kind: 'U', ...u! }, { below: 'theta', pieces }))).toBe('contradicted');
    expect(status(await route.confirmCurvatureBelow(b, direction, { kind: 'U', ...u! }, { below: 'theta', pieces }, 'hypotheses'))).toBe('confirmed');
    if (down !== null) {
      const small = { kind: 'U' as const, beta: u!.beta, lambda: r('1/1000000'), theta: r('1/2000000') };
      expect(status(await route.confirmCurvatureBelow(b, direction, small, { below: 'theta', pieces }, 'conclusion'))).toBe('confirmed');
    }
  });
});

describe('milne/theorem-3-qi', () => {
  const A = Array.from({ length: 4 }, (_, i) => Array.from({ length: 4 }, (_, j) => Rational.of(((i * 7 + j * 3) % 9) - 4, 1 + ((i + j) % 3))));

  it("contradicted with Qi's intervals, confirmed with intervals shrunk to a third", async () => {
    expect(status(await route.confirmSingularValueOutside(A))).toBe('contradicted');
    const shrunk = await route.confirmSingularValueOutside(A, (q, M) => route.qiIntervalTerms(q, M).map(({ lo, hi }) => ({ lo, hi: `(/ ${hi} 3.0)` as route.Term })));
    expect(status(shrunk)).toBe('confirmed');
  });
});

describe('milne/lemma-8: modified diagonals and the widened network', () => {
  const { a, W } = deep;

  it('pads φ(a, W) with zeros and keeps the output (the route is contradicted)', async () => {
    const wide = route.widenedInstance(a, W, 2);
    expect(route.widthsOf(wide.W)).toEqual([4, 4, 4, 1]);
    expect(milneOutput(wide.a, wide.W).equals(milneOutput(a, W))).toBe(true);
    expect(wide.W.map((Wk) => Wk.flat().filter((v) => !v.isZero()).length)).toEqual(W.map((Wk) => Wk.flat().filter((v) => !v.isZero()).length));
    expect(status(await route.confirmWidenedOutputDiffers(a, W, 2))).toBe('contradicted');
  });

  it('(21): contradicted with D_k = diag(βI, α_kI); a diagonal outside the lemma changes the determinant', async () => {
    const gamma = r('3/2');
    const diagonal = route.widenedDiagonal(milneWidths(W), 1, gamma);
    expect(diagonal).toEqual(milneWidenedDiagonal(milneWidths(W), 1, gamma));
    expect(status(await route.confirmWidenedDeterminantDiffers(a, W, 1, diagonal))).toBe('contradicted');
    const tampered = diagonal.map((block, k) => (k === 1 ? block.map((v, j) => (j < 2 ? v.mul(Rational.of(2)) : v)) : block));
    expect(status(await route.confirmWidenedDeterminantDiffers(a, W, 1, tampered, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmWidenedDeterminantDiffers(a, W, 1, tampered))).toBe('contradicted');
  });

  it('(17): contradicted for the switch diagonal of the library; a diagonal breaking (17) changes det A', async () => {
    const half = { a: vec('1', '2'), W: weights([['1', '-1', '1'], ['1', '-1', '1']], [['1'], ['1'], ['1']]) };
    const diagonal = milneSwitchDiagonal(half.a, half.W, r('2'));
    expect(status(await route.confirmSwitchDiagonalDeterminantDiffers(half.a, half.W, diagonal))).toBe('contradicted');
    expect(status(await route.confirmSwitchDiagonalDeterminantDiffers(half.a, half.W, diagonal, 'hypotheses'))).toBe('confirmed');
    const broken = diagonal.map((block, k) => (k === 1 ? block.map((v) => v.mul(Rational.of(3))) : block));
    expect(status(await route.confirmSwitchDiagonalDeterminantDiffers(half.a, half.W, broken, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmSwitchDiagonalDeterminantDiffers(half.a, half.W, broken))).toBe('contradicted');
  });

  it('(22): a padded Qi interval reaches below 1 − ε when d is smaller than the lemma asks', async () => {
    const one = { a: vec('1'), W: weights([['1', '1']], [['1'], ['1']]) };
    // R = 2, β = 3, ε = 1/2: the smallest d with 3^{−1/d} ≥ 1/2 is d = 2; with d = 1, α_0 = 1 but α_1 = 1/3 < 1/2.
    const index = 1 + 2 + 2; // J_1 starts at 1 + (n_0 + d) = 3; its padded unit is 3 + 2 = 5 (0-based)
    expect(status(await route.confirmQiIntervalBelowFloor(one.a, one.W, r('1/2'), Rational.ZERO, 1, index, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmQiIntervalBelowFloor(one.a, one.W, r('1/2'), Rational.ZERO, 1, index))).toBe('contradicted');
    expect(status(await route.confirmQiIntervalBelowFloor(one.a, one.W, r('1/2'), Rational.ZERO, 2, index + 1))).toBe('contradicted');
  });

  it('σ_min(C̃) ≥ min(1, α): a vector below the floor exists when β is too small for the norms', async () => {
    // Every unit off, so C̃ is the identity pattern plus a = 1 in its last row: σ_min < 1 = min(1, α) for β = 1.
    const one = { a: vec('1'), W: weights([['-2', '-2']], [['-2'], ['-2']]) };
    const phi = milneWidening(one.a, one.W, 1);
    const gamma = r('1');
    const C = milneCMatrix(phi.input, phi.weights, route.widenedDiagonal(milneWidths(one.W), 1, gamma), gamma);
    const G = C.transpose().mul(C).sub(Matrix.identity(RationalField, C.cols));
    const x = negativeDirection(G);
    expect(x).not.toBeNull();
    expect(status(await route.confirmSmallSingularValue(one.a, one.W, 1, gamma, x!, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmSmallSingularValue(one.a, one.W, 1, gamma, x!))).toBe('contradicted');
    // β = 3² = 9 meets the norms (≤ 8); the unit vector e_1 is not below the floor there.
    const n = 1 + route.widthsOf(route.widenedInstance(one.a, one.W, 2).W).reduce((t, w) => t + w, 0);
    const e1 = Array.from({ length: n }, (_, j) => (j === 0 ? Rational.ONE : Rational.ZERO));
    expect(status(await route.confirmSmallSingularValue(one.a, one.W, 2, r('3'), e1, 'hypotheses'))).toBe('confirmed');
    expect(status(await route.confirmSmallSingularValue(one.a, one.W, 2, r('3'), e1))).toBe('contradicted');
  });
});

describe('milne/eq-24', () => {
  it('contradicted with det D_k = β; a block of another determinant breaks the identity', async () => {
    const { a, W } = deep;
    const gamma = r('2');
    const wide = route.widenedInstance(a, W, 1);
    const diagonal = route.widenedDiagonal(milneWidths(W), 1, gamma);
    expect(status(await route.confirmEq24Differs(wide.a, wide.W, diagonal, gamma))).toBe('contradicted');
    const tampered = diagonal.map((block, k) => (k === 0 ? block.map((v) => v.mul(Rational.of(2))) : block));
    expect(status(await route.confirmEq24Differs(wide.a, wide.W, tampered, gamma, 'conclusion'))).toBe('confirmed');
    expect(status(await route.confirmEq24Differs(wide.a, wide.W, tampered, gamma))).toBe('contradicted');
  });
});

describe('milne/depth-threshold', () => {
  const check = depthThreshold.checks[0]!;

  it('the reproduction carries its settings, and the second route contradicts rows that match', async () => {
    if (check.kind !== 'reproduction' || check.confirm === undefined) throw new Error('depth-threshold has no second route');
    const reproduction = check.reproduce({});
    const rows = reproduction.values.slice(0, 2).map((v) => ({ quantity: v.quantity, paper: null, computed: null, match: false }));
    expect(status(await check.confirm(rows, reproduction.data))).toBe('contradicted');
    expect(status(await check.confirm(rows, undefined))).toBe('unknown');
  });

  it('confirms a row whose relation fails (ε at a radius larger than the previous one is not smaller)', async () => {
    const row: route.ThresholdRow = { quantity: 'ε(R) at R = 1 after R = 2', kind: 'radius', R: r('1'), previous: r('2'), lambda: r('1'), theta: r('1/2'), f: r('1'), H: 2 };
    expect(status(await route.confirmThresholdRowsFail([row], [row]))).toBe('confirmed');
  });
});

describe('milne: the stored witnesses', () => {
  const store = new CounterexampleStore('counterexamples');

  it.each([
    ['milne/lemma-3', lemma3],
    ['milne/lemma-4', lemma4],
    ['milne/lemma-6', lemma6],
  ] as const)('%s: the stored witness still refutes, confirmed by z3', async (id, claim) => {
    const stored = store.readFor(id);
    expect(stored.length).toBe(1);
    const replay = await replayCounterexample(claim, stored[0]!);
    expect(replay.stillRefutes).toBe(true);
    if (replay.stillRefutes) expect(replay.result.confirmation?.status).toBe('confirmed');
  });

  it.each([
    ['milne/lemma-3', lemma3],
    ['milne/lemma-4', lemma4],
    ['milne/lemma-6', lemma6],
  ] as const)('%s is refuted by a search without a store (seed 0), the shrunk failure confirmed', async (_, claim) => {
    const result = await runClaim(claim, { runs: 20, seed: 0 });
    expect(result.verdict).toBe('refuted');
    const refuted = result.detail.checks.filter((c) => c.verdict === 'refuted');
    expect(refuted.length).toBe(1);
    expect(refuted[0]!.confirmation?.status).toBe('confirmed');
  });
});

describe('milne: every check that can fail has a second route reading its own witness', () => {
  const claims = [corollaries, depthThreshold, eq24, lemma1, lemma2, lemma3, lemma4, lemma5, lemma6, lemma7, lemma8, lemma9, theorem3qi, theorem4];
  const checkOf = (id: string, name: string) => {
    const check = claims.find((c) => c.id === id)?.checks.find((c) => c.name.startsWith(name));
    if (check === undefined || check.kind !== 'property') throw new Error(`no check '${name}' in ${id}`);
    return check as unknown as { arbitrary: fc.Arbitrary<unknown>; evaluate: (i: unknown) => { status: string }; confirm?: (i: unknown, w: object) => Promise<Confirmation> | Confirmation };
  };

  it('has a confirm on every property check except the one that never fails', () => {
    const all = claims.flatMap((c) => c.checks.map((k) => ({ id: c.id, name: k.name, kind: k.kind, confirm: k.confirm })));
    const without = all.filter((k) => k.kind === 'property' && k.confirm === undefined).map((k) => `${k.id}: ${k.name}`);
    expect(without).toEqual(['milne/lemma-2: no differentiable local maximum: ℓ is locally constant at W or rises along some direction']);
    expect(all.filter((k) => k.kind === 'reproduction' && k.confirm === undefined)).toEqual([]);
  });

  /** The first drawn instance that passes the check, and what the test derives from it. */
  function passing<T>(id: string, name: string, seed = 1) {
    const check = checkOf(id, name);
    const instance = draw(check.arbitrary, 40, seed).find((i) => check.evaluate(i).status === 'pass') as T;
    return { check, instance };
  }

  it('theorem-4, corollaries: the witness names β (or R), λ and a direction', async () => {
    type Drawn = { p: MilneProblem; delta: Rational; theta: Rational; kappa: Rational };
    const { check, instance } = passing<Drawn>('milne/theorem-4', 'Hess ℓ_λ(W) ⪰ θI');
    const beta = fittedBeta(instance.p.inputs, instance.p.W, instance.delta);
    const lambda = fittedLambda(setting(instance.p.inputs, instance.p.W, instance.p.targets, beta), instance.theta, instance.kappa);
    const D = instance.p.X;
    expect(status(await check.confirm!(instance, { β: beta, λ: lambda, 'direction D with Dᵀ(Hess ℓ_λ − θI)D < 0': D }))).toBe('contradicted');
    expect(status(await check.confirm!(instance, {}))).toBe('unknown');
    const saddle = checkOf('milne/corollaries', 'Corollary 2');
    expect(status(await saddle.confirm!(instance, { β: beta, λ: lambda, 'direction D of non-positive curvature': D }))).toBe('contradicted');
    const one = checkOf('milne/theorem-4', 'Theorem 1');
    expect(status(await one.confirm!(instance, { R: beta.sub(Rational.ONE), λ: lambda, 'direction D with Dᵀ(Hess ℓ_λ − θI)D < 0': D }))).toBe('contradicted');
  });

  it('lemma-9 and lemma-7: the witness names X (and β, or the σ_min brackets and A_i)', async () => {
    type Drawn = { p: MilneProblem; delta: Rational };
    const nine = passing<Drawn>('milne/lemma-9', 'd²/dt² ℓ(W + tX) ≥ −2M');
    const beta = fittedBeta(nine.instance.p.inputs, nine.instance.p.W, nine.instance.delta);
    expect(status(await nine.check.confirm!(nine.instance, { X: nine.instance.p.X, β: beta }))).toBe('contradicted');
    const seven = passing<MilneProblem>('milne/lemma-7', 'd²/dt² ℓ(W + tX) ≥ −(2/N)Σ|e_i||det A_i|‖A_i⁻¹‖²_op');
    const A = seven.instance.inputs.map((a) => milneMatrix(a, seven.instance.W));
    const brackets = A.map((Ai) => smallestSingularValueBounds(Ai, Rational.of(1, 1000))).map((b) => [b.lo, b.hi]);
    expect(status(await seven.check.confirm!(seven.instance, { X: seven.instance.X, 'σ_min intervals': brackets, A_i: A.map((Ai) => Ai.toStrings()) }))).toBe('contradicted');
    expect(status(await seven.check.confirm!(seven.instance, { X: seven.instance.X }))).toBe('unknown');
    const fourteen = checkOf('milne/lemma-7', 'd²/dt² ℓ(W + tX) ≥ −(2/N)Σ|e_i||det A_i|‖A_i⁻¹X_i‖²_F');
    expect(status(await fourteen.confirm!(seven.instance, { X: seven.instance.X }))).toBe('contradicted');
  });

  it('lemma-8, lemma-2, lemma-1: the witness names the diagonal, the index and d, γ and x, the weight, r and t', async () => {
    type Widened = { p: { a: Rational[]; W: Weights }; d: number; gamma: Rational };
    const switchCheck = passing<Widened>('milne/lemma-8', 'off neurons α_j');
    const { a, W } = switchCheck.instance.p;
    expect(status(await switchCheck.check.confirm!(switchCheck.instance, { diagonal: milneSwitchDiagonal(a, W, switchCheck.instance.gamma) }))).toBe('contradicted');
    type Qi = { p: { a: Rational[]; W: Weights }; epsilon: Rational; slack: Rational };
    const qi = passing<Qi>('milne/lemma-8', '(22)');
    expect(status(await qi.check.confirm!(qi.instance, { 'index j (1-based)': 2, d: 1 }))).toBe('contradicted');
    const small = passing<Widened>('milne/lemma-8', 'consequence used in Lemma 9');
    const n = 1 + route.widthsOf(route.widenedInstance(small.instance.p.a, small.instance.p.W, small.instance.d).W).reduce((t, w) => t + w, 0);
    const e1 = Array.from({ length: n }, (_, j) => (j === 0 ? Rational.ONE : Rational.ZERO));
    expect(status(await small.check.confirm!(small.instance, { γ: r('4'), 'x with ‖C̃x‖ < min(1, α)‖x‖': e1 }))).toBe('contradicted');
    const pure = passing<MilneProblem>('milne/lemma-2', 'eq. (5)');
    expect(status(await pure.check.confirm!(pure.instance, { 'weight (layer, row, column)': [0, 0, 0] }))).toBe('contradicted');
    type Smooth = { a: Rational[]; W: Weights; X: Weights };
    const frozen = passing<Smooth>('milne/lemma-1', 'with no zero pre-activation');
    const radius = milneSwitchRadius(frozen.instance.a, frozen.instance.W, frozen.instance.X);
    expect(status(await frozen.check.confirm!(frozen.instance, { r: radius, t: radius }))).toBe('contradicted');
    expect(status(await frozen.check.confirm!(frozen.instance, {}))).toBe('unknown');
  });
});
