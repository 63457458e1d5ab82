import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import {
  architecture,
  frozenPattern,
  moveOffBreakpoints,
  networkAndDataset,
  networkOn,
  parameterDirection,
  type Architecture,
} from '../../src/generators/network.ts';
import { activationPattern } from '../../src/network/forward.ts';
import { frozenOutputs } from '../../src/network/frozen.ts';
import { flattenParameters, parameterCount } from '../../src/network/parameters.ts';
import { hasBreakpoint } from '../../src/network/pattern.ts';

/** Runs a property that must fail and returns fast-check's shrunk counterexample. */
function shrunk<T>(arb: fc.Arbitrary<T>, predicate: (t: T) => boolean): T {
  const details = fc.check(fc.property(arb, predicate), { seed: 42, numRuns: 300 });
  if (!details.failed || details.counterexample === null) throw new Error('property did not fail');
  return details.counterexample[0];
}

describe('network arbitraries', () => {
  it('architectures respect their options; networks have the architecture\'s shapes', () => {
    fc.assert(
      fc.property(architecture({ minDepth: 2, maxDepth: 3, maxWidth: 4, outputDim: 2, activations: ['two-piece'], bias: true }).chain((a) => fc.tuple(fc.constant(a), networkOn(a))), ([a, net]) => {
        expect(a.hidden.length).toBeGreaterThanOrEqual(2);
        expect(a.hidden.length).toBeLessThanOrEqual(3);
        expect(a.hidden.every((w) => w >= 1 && w <= 4)).toBe(true);
        expect(net.layers.map((l) => l.weights.length)).toEqual([...a.hidden, 2]);
        expect(net.layers.every((l) => l.bias !== null)).toBe(true);
        expect(net.layers.slice(0, -1).every((l) => l.activation.kind === 'two-piece' && !l.activation.slopes[0]!.equals(l.activation.slopes[1]!))).toBe(true);
        expect(net.layers[net.layers.length - 1]!.activation.kind).toBe('linear');
      }),
      { numRuns: 50 },
    );
  });

  it('general position: no pre-activation on a breakpoint at any data point', () => {
    fc.assert(
      fc.property(networkAndDataset({ architecture: { maxDepth: 3, maxWidth: 3 }, data: { maxPoints: 4 } }), ({ network: net, data }) => {
        expect(hasBreakpoint(activationPattern(net, data))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('with biases, moving off breakpoints always succeeds', () => {
    const cases = architecture({ maxDepth: 3, maxWidth: 3, bias: true }).chain((a) =>
      fc.tuple(networkOn(a), dataset({ minDim: a.inputDim, maxDim: a.inputDim, maxPoints: 4 })),
    );
    fc.assert(
      fc.property(cases, ([net, data]) => {
        expect(hasBreakpoint(activationPattern(moveOffBreakpoints(net, data.inputs), data.inputs))).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('directions and frozen patterns fit their network', () => {
    fc.assert(
      fc.property(networkAndDataset().chain((c) => fc.tuple(fc.constant(c), parameterDirection(c.network), frozenPattern(c.network, c.data.inputs.length))), ([c, X, A]) => {
        expect(X.length).toBe(parameterCount(c.network));
        expect(frozenOutputs(c.network, c.data, A).length).toBe(c.data.inputs.length);
      }),
      { numRuns: 30 },
    );
  });

  it('shrinks an architecture to one hidden ReLU layer of width 1, no bias, input dimension 1', () => {
    const a: Architecture = shrunk(architecture({ maxDepth: 3, outputActivation: 'any' }), () => false);
    expect({ ...a, activation: a.activation.kind }).toEqual({ inputDim: 1, hidden: [1], outputDim: 1, bias: false, activation: 'relu', outputActivation: 'identity' });
    // A layer of width 3 shrinks to that layer plus at most one width-1 layer (fast-check drops leading items).
    const wide = shrunk(architecture({ maxDepth: 3 }), (x) => x.hidden.every((w) => w < 3)).hidden;
    expect([[3], [3, 1], [1, 3]]).toContainEqual(wide);
  });

  it('shrinks a network to the smallest hand-checkable witness', () => {
    const net = shrunk(architecture({ maxDepth: 3 }).chain((a) => networkOn(a)), (n) => flattenParameters(n).every((v) => v.isZero()));
    const theta = flattenParameters(net);
    expect(theta.length).toBe(2);
    expect(theta.filter((v) => !v.isZero()).map(String)).toEqual(['1']);
    const c = shrunk(networkAndDataset({ architecture: { maxDepth: 3 }, data: { maxPoints: 4 } }), (x) => x.data.inputs.length < 2);
    expect(c.data.inputs.length).toBe(2);
    expect(c.architecture.hidden).toEqual([1]);
    expect(parameterCount(c.network)).toBe(2);
    expect(c.data.inputs.flat().every((v) => v.isInteger() && v.abs().toNumber() <= 1)).toBe(true);
  });
});
