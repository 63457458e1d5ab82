import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frozenPattern, networkAndDataset, networkOn, architecture, parameterDirection } from '../../src/generators/network.ts';
import { Matrix } from '../../src/linalg/matrix.ts';
import { Rational, q } from '../../src/numbers/rational.ts';
import { RationalField } from '../../src/numbers/rational-field.ts';
import { piecewiseLinear, relu } from '../../src/network/activation.ts';
import { ratData } from '../../src/network/dataset.ts';
import { activationPattern, forwardDataset } from '../../src/network/forward.ts';
import { frozenForward, frozenOutputs } from '../../src/network/frozen.ts';
import { layerMatrix, ratNetwork } from '../../src/network/network.ts';
import { flattenParameters, unflattenParameters } from '../../src/network/parameters.ts';
import { resolveBreakpoints, hasBreakpoint } from '../../src/network/pattern.ts';

const F = RationalField;

describe('frozen-pattern evaluation g_A', () => {
  it('equals the network at points whose own pattern is A', () => {
    fc.assert(
      fc.property(networkAndDataset({ architecture: { maxDepth: 3, maxWidth: 3, outputDim: 2, outputActivation: 'any' }, data: { maxPoints: 4 } }), ({ network: net, data }) => {
        const { outputs, pattern } = forwardDataset(net, data);
        expect(hasBreakpoint(pattern)).toBe(false);
        expect(frozenOutputs(net, data, pattern).map((o) => o.map(String))).toEqual(outputs.map((o) => o.map(String)));
      }),
      { numRuns: 60 },
    );
  });

  it('equals the network on breakpoints too, whichever side the breakpoint is frozen to (continuity)', () => {
    fc.assert(
      fc.property(networkAndDataset({ architecture: { maxDepth: 3, maxWidth: 2, bias: false }, generalPosition: false }), ({ network: net, data }) => {
        const { outputs, pattern } = forwardDataset(net, data);
        for (const side of ['left', 'right'] as const) {
          expect(frozenOutputs(net, data, resolveBreakpoints(pattern, side)).map((o) => o.map(String))).toEqual(outputs.map((o) => o.map(String)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('one hidden ReLU layer: g_A(x_i) = Σ_j a_ij (p_jᵀx_i + q_j) + c, p_j = v_j w_j, q_j = v_j b_j (decomposition eq. (4))', () => {
    const arch = architecture({ maxDepth: 1, maxWidth: 3, bias: true, activations: ['relu'], maxInputDim: 3 });
    const cases = arch.chain((a) =>
      networkOn(a).chain((net) =>
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }).map((v) => q(v)), { minLength: a.inputDim, maxLength: a.inputDim }), { minLength: 1, maxLength: 4 }).chain((xs) =>
          fc.tuple(fc.constant(net), fc.constant(xs), frozenPattern(net, xs.length)),
        ),
      ),
    );
    fc.assert(
      fc.property(cases, ([net, xs, A]) => {
        const [hidden, out] = net.layers;
        const v = out!.weights[0]!;
        const c = out!.bias?.[0] ?? Rational.ZERO;
        xs.forEach((x, i) => {
          let g = c;
          hidden!.weights.forEach((w, j) => {
            const a = A[i]![0]![j]! === 2 ? Rational.ONE : Rational.ZERO;
            const p = w.map((wk) => v[j]!.mul(wk));
            const qj = v[j]!.mul(hidden!.bias![j]!);
            g = g.add(a.mul(p.reduce((s, pk, k) => s.add(pk.mul(x[k]!)), qj)));
          });
          expect(frozenForward(net, x, A[i]!)[0]!.equals(g)).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('deep bias-free ReLU: g_A(x) = S_{H+1} W_H S_H … S_1 W_0 x with switch matrices S from A (Milne §3)', () => {
    const cases = architecture({ maxDepth: 3, maxWidth: 3, bias: false, activations: ['relu'], outputActivation: 'relu' }).chain((a) =>
      networkOn(a).chain((net) => fc.tuple(fc.constant(net), fc.array(fc.integer({ min: -3, max: 3 }).map((v) => q(v)), { minLength: a.inputDim, maxLength: a.inputDim }), frozenPattern(net, 1))),
    );
    fc.assert(
      fc.property(cases, ([net, x, [A]]) => {
        let y = Matrix.column(F, x);
        net.layers.forEach((_, l) => {
          const S = Matrix.diag(F, A![l]!.map((pos) => (pos === 2 ? Rational.ONE : Rational.ZERO)));
          y = S.mul(layerMatrix(net, l)).mul(y);
        });
        expect(frozenForward(net, x, A!)[0]!.equals(y.get(0, 0))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('is a polynomial of degree ≤ L in the weights: the (L+1)-th difference along any line vanishes', () => {
    const cases = networkAndDataset({ architecture: { maxDepth: 2, maxWidth: 2, bias: true }, data: { maxPoints: 2 } }).chain((c) =>
      fc.tuple(fc.constant(c), parameterDirection(c.network), frozenPattern(c.network, c.data.inputs.length)),
    );
    fc.assert(
      fc.property(cases, ([{ network: net, data }, X, A]) => {
        const L = net.layers.length;
        const theta = flattenParameters(net);
        const at = (t: number): Rational[] =>
          frozenForward(unflattenParameters(net, theta.map((v, k) => v.add(q(t).mul(X[k]!)))), data.inputs[0]!, A[0]!);
        // Δ^{L+1} g(0) = Σ_k (−1)^{L+1−k} C(L+1, k) g(k).
        let diff = Rational.ZERO;
        let binom = 1;
        for (let k = 0; k <= L + 1; k++) {
          const sign = (L + 1 - k) % 2 === 0 ? 1 : -1;
          diff = diff.add(at(k)[0]!.mul(q(sign * binom)));
          binom = (binom * (L + 1 - k)) / (k + 1);
        }
        expect(diff.isZero()).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects patterns that do not fit or sit on a breakpoint', () => {
    const net = ratNetwork({ layers: [{ weights: [[1, -1]], activation: relu(F) }, { weights: [[1]] }] });
    const data = ratData([[1, 1]], [0]);
    const pattern = activationPattern(net, data);
    expect(() => frozenOutputs(net, data, pattern)).toThrow(/layer 1 unit 0 is on a breakpoint.*resolveBreakpoints/);
    expect(() => frozenForward(net, [q(1), q(1)], [[2]])).toThrow(/1 layers, the network has 2/);
    expect(() => frozenForward(net, [q(1), q(1)], [[4], [0]])).toThrow(/position 4, outside 0..2/);
    expect(() => frozenOutputs(net, data, [])).toThrow(/0 points, the dataset has 1/);
  });

  it('names the place of a misfit, per data point or for one input', () => {
    const net = ratNetwork({ layers: [{ weights: [[1, -1]], activation: relu(F) }, { weights: [[1]] }] });
    const x = [q(2), q(1)];
    expect(() => frozenForward(net, x, [[2, 2], [0]])).toThrow(/^pattern: layer 1 has 2 positions, the layer has 1 units$/);
    expect(() => frozenForward(net, x, [[2], [4]])).toThrow(/^pattern: layer 2 unit 0 has position 4, outside 0..0$/);
    expect(() => frozenForward(net, x, [[-2], [0]])).toThrow(/^pattern: layer 1 unit 0 has position -2, outside 0..2$/);
    expect(() => frozenForward(net, x, [[0.5], [0]])).toThrow(/^pattern: layer 1 unit 0 has position 0.5, outside 0..2$/);
    expect(() => frozenOutputs(net, [x, x], [[[2], [0]], [[1], [0]]])).toThrow(/^pattern of point 1: layer 1 unit 0 is on a breakpoint/);
    // Three pieces: positions 0 (left), 2 (middle), 4 (right).
    const three = piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(0), q(1), q(2)], valueAtZero: q(0) });
    const deep = ratNetwork({ layers: [{ weights: [[1, -1]], activation: three }, { weights: [[1]] }] });
    expect(() => frozenForward(deep, x, [[6], [0]])).toThrow(/^pattern: layer 1 unit 0 has position 6, outside 0..4$/);
    // x = (2, 1): z = 1 on the breakpoint t = 1; frozen to the right piece g = 2·1 − 1 = 1 (h(1) = 1).
    expect(frozenForward(deep, x, [[4], [0]]).map(String)).toEqual(['1']);
  });
});
