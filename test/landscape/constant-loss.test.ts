import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { architecture, frozenPattern, networkOn } from '../../src/generators/network.ts';
import { dataset } from '../../src/generators/dataset.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { insidePiece } from '../../src/network/activation.ts';
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
