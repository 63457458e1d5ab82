import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { architecture, frozenPattern, networkOn } from '../../src/generators/network.ts';
import { dataset } from '../../src/generators/dataset.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { insidePiece, piecewiseLinear, relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { ratNetwork } from '../../src/network/network.ts';
import type { DatasetPattern } from '../../src/network/pattern.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { cubicHinge, empiricalRisk, squaredError } from '../../src/network/loss.ts';
import { flattenParameters, parameterCount, unflattenParameters } from '../../src/network/parameters.ts';
import { regionLossIsConstant } from '../../src/landscape/constant-loss.ts';
import { seededRandom } from '../../src/landscape/rng.ts';

/** Any depth, ReLU or other activations, and a frozen pattern that is often all-inactive (a constant candidate). */
const frozenCase = architecture({ maxDepth: 2, maxWidth: 2, activations: ['relu', 'two-piece', 'linear'] }).chain((arch) =>
  fc
    .record({
      data: dataset({ minDim: arch.inputDim, maxDim: arch.inputDim, maxPoints: 3 }),
      net: networkOn(arch),
      dead: fc.boolean(),
    })
    .chain(({ data, net, dead }) =>
      frozenPattern(net, data.inputs.length).map((pattern) => ({
        data,
        net,
        // Piece 0 of every hidden unit (ReLU: inactive); the output layer has one piece.
        pattern: dead ? pattern.map((p) => p.map((layer) => layer.map(() => insidePiece(0)))) : pattern,
      })),
    ),
);

describe('is the region loss a constant polynomial?', () => {
  it('agrees with the frozen loss at random rational parameter points', () => {
    fc.assert(
      fc.property(frozenCase, ({ data, net, pattern }) => {
        const loss = squaredError('mean');
        const constant = regionLossIsConstant(net, data, loss, pattern);
        const random = seededRandom(5);
        const n = parameterCount(net);
        const values = Array.from({ length: 6 }, () => {
          const theta = Array.from({ length: n }, () => Rational.of(BigInt(Math.floor(random() * 17) - 8), BigInt(1 + Math.floor(random() * 4))));
          return empiricalRisk(unflattenParameters(net, theta), data, loss, { pattern });
        });
        values.push(empiricalRisk(unflattenParameters(net, flattenParameters(net)), data, loss, { pattern }));
        const allEqual = values.every((v) => v.equals(values[0]!));
        // Constant ⇒ equal everywhere; a non-constant polynomial is not constant on 7 random points (here: never).
        expect(constant).toBe(allEqual);
      }),
      { numRuns: 100 },
    );
  });

  it('declines non-squared losses and counts a positive penalty as non-constant', () => {
    fc.assert(
      fc.property(frozenCase, ({ data, net, pattern }) => {
        expect(regionLossIsConstant(net, data, cubicHinge('mean'), pattern)).toBe(null);
        expect(regionLossIsConstant(net, data, squaredError('mean'), pattern, { penalty: { lambda: Rational.ONE } })).toBe(false);
      }),
      { numRuns: 10 },
    );
  });
});

describe('regionLossIsConstant on hand-made regions', () => {
  const F = RationalField;
  const loss = squaredError('mean');
  // h(z) = 1 on z ≤ 0 and 1 + z on z > 0: piece 0 is the non-zero constant 1.
  const floorOne = piecewiseLinear(F, { breakpoints: [Rational.ZERO], slopes: [Rational.ZERO, Rational.ONE], valueAtZero: Rational.ONE });
  // h(z) = z + 1: one piece with a non-zero offset.
  const plusOne = piecewiseLinear(F, { breakpoints: [], slopes: [Rational.ONE], valueAtZero: Rational.ONE });
  const at = (...positions: number[][]): DatasetPattern => [positions];

  it('declines a network with an exponential head', () => {
    const net = ratNetwork({ layers: [{ weights: [[1]] }], expUnits: [{ a: 1, w: [1], b: 0 }] });
    expect(regionLossIsConstant(net, ratData([[1]], [0]), loss, at([0]))).toBe(null);
  });

  it('an inactive ReLU output is constant; a penalty on no parameter or with λ = 0 keeps it so', () => {
    // g = 0·(w·x + b): the slope-0 piece wipes every term.
    const net = ratNetwork({ layers: [{ weights: [[2]], bias: [1], activation: relu(F) }] });
    const data = ratData([[1]], [3]);
    expect(regionLossIsConstant(net, data, loss, at([insidePiece(0)]))).toBe(true);
    expect(regionLossIsConstant(net, data, loss, at([insidePiece(0)]), { penalty: { lambda: Rational.ONE, parameters: [] } })).toBe(true);
    expect(regionLossIsConstant(net, data, loss, at([insidePiece(0)]), { penalty: { lambda: Rational.ZERO } })).toBe(true);
    expect(regionLossIsConstant(net, data, loss, at([insidePiece(0)]), { penalty: { lambda: Rational.ONE, parameters: [1] } })).toBe(false);
  });

  it('a piece with slope 0 and offset 1 gives the constant output 1', () => {
    const net = ratNetwork({ layers: [{ weights: [[2]], bias: [1], activation: floorOne }] });
    expect(regionLossIsConstant(net, ratData([[1]], [3]), loss, at([insidePiece(0)]))).toBe(true);
    expect(regionLossIsConstant(net, ratData([[1]], [3]), loss, at([insidePiece(1)]))).toBe(false);
  });

  it('one non-constant output coordinate makes the loss non-constant', () => {
    // x = −1: unit 0 is inactive (0), unit 1 is active with g₁ = −w₁ + b₁.
    const net = ratNetwork({ layers: [{ weights: [[1], [1]], bias: [0, 0], activation: relu(F) }] });
    expect(regionLossIsConstant(net, ratData([[-1]], [[0, 0]]), loss, at([insidePiece(0), insidePiece(1)]))).toBe(false);
    expect(regionLossIsConstant(net, ratData([[-1]], [[0, 0]]), loss, at([insidePiece(0), insidePiece(0)]))).toBe(true);
  });

  it('counts every monomial of the expansion against the term limit', () => {
    // x = −1, h(z) = z + 1 after w, then v, then two outputs u₀, u₁: g_k = u_k·v·(1 − w) = u_k v − u_k v w,
    // four monomials in all (at most two in each earlier layer).
    const net = ratNetwork({ layers: [{ weights: [[1]], activation: plusOne }, { weights: [[1]] }, { weights: [[1], [1]] }] });
    const data = ratData([[-1]], [[0, 0]]);
    expect(regionLossIsConstant(net, data, loss, at([0], [0], [0, 0]), { termLimit: 4 })).toBe(false);
    expect(regionLossIsConstant(net, data, loss, at([0], [0], [0, 0]), { termLimit: 3 })).toBe(null);
  });

  it('gives up (null) once an expansion exceeds the term limit', () => {
    // g = w·1 + b has exactly two monomials.
    const net = ratNetwork({ layers: [{ weights: [[1]], bias: [0] }] });
    const data = ratData([[1]], [0]);
    expect(regionLossIsConstant(net, data, loss, at([0]), { termLimit: 2 })).toBe(false);
    expect(regionLossIsConstant(net, data, loss, at([0]), { termLimit: 1 })).toBe(null);
  });
});
