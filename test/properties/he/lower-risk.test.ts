import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { piecewiseLinear, twoPiece, type Activation } from '../../../src/network/activation.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { leastSquaresFit } from '../../../src/network/he-linear-model.ts';
import { corollary3Layers, defaultBreakpoint, lowerRiskPoint, theorem4Layers, theorem5Network, type OneHiddenLayer } from '../../../src/network/he-lower-risk.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { network } from '../../../src/network/network.ts';
import { referenceOutput, referenceRisk } from './reference.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const strings = (rows: readonly (readonly Rational[])[]): string[][] => rows.map((r) => r.map(String));

/** The one-hidden-layer network of a construction, with activation `act` on the hidden layer. */
const shallowNet = (layers: OneHiddenLayer, act: Activation<Rational>) =>
  network(F, { layers: [{ weights: layers.W1, bias: layers.b1, activation: act }, { weights: layers.W2, bias: layers.b2 }] });

/** Output row k of the network on every sample. */
const outputRow = (net: ReturnType<typeof shallowNet>, inputs: readonly (readonly Rational[])[], k: number): string[] =>
  inputs.map((x) => referenceOutput(net, x)[k]!.toString());

// x = 0, 1, 2 with three outputs. Least squares row by row: y = (0, 1, 1) → Ŷ = (1/6, 2/3, 7/6);
// y = (0, 1, 2) → Ŷ = y; y = (1, 1, 0) → mean 2/3, slope −1/2, Ŷ = (7/6, 2/3, 1/6).
const three = ratData([[0], [1], [2]], [[0, 0, 1], [1, 1, 1], [1, 2, 0]]);
const p = { row: 0, beta: [q(0)], alpha: q(1, 2), gamma: q(1, 10), eta1: q(1, 2), eta: q(-1) };

describe('he: eqs. (19)–(22) and Corollary 3, layer by layer', () => {
  it('Theorem 4 passes every other output row through: rows 2 and 3 of the output are Ŷ', () => {
    const layers = theorem4Layers(leastSquaresFit(three, loss), 5, q(1, 2), q(1), p);
    const net = shallowNet(layers, twoPiece(F, q(1, 2), q(1)));
    // Row 1 moves by ∓cγ, c = (1 − ½)/(1 + ½) = 1/3: 1/6 − 1/30, 2/3 + 1/30, 7/6 + 1/30.
    expect(outputRow(net, three.inputs, 0)).toEqual(['2/15', '7/10', '6/5']);
    expect(outputRow(net, three.inputs, 1)).toEqual(['0', '1', '2']);
    expect(outputRow(net, three.inputs, 2)).toEqual(['7/6', '2/3', '1/6']);
  });

  it('Theorem 4 needs s+ + s− ≠ 0 and s+ ≠ 0', () => {
    const fit = leastSquaresFit(three, loss);
    expect(() => theorem4Layers(fit, 5, q(-1), q(1), p)).toThrow(/^eqs\. \(19\)–\(22\) need s\+ \+ s− ≠ 0 \(Assumption 4\)$/);
    expect(() => theorem4Layers(fit, 5, q(1), q(0), p)).toThrow(/^eqs\. \(19\)–\(22\) need s\+ ≠ 0 \(mirror the activation first\)$/);
  });

  it('Corollary 3 with h = |·|: row k becomes Ŷ − γ on I and Ŷ + γ on J, tilted by αβᵀx', () => {
    const data = ratData([[0], [1], [2]], [0, 1, 1]);
    const fit = leastSquaresFit(data, loss);
    // g = Ŷ − αβx = (1/6, 2/3 − 1/4, 7/6 − 1/2) = (1/6, 5/12, 2/3) with α = 1/4, β = 1; η_1 = 1/3 puts
    // I = {0} below and J = {1, 2} above, and γ = 1/20 < 1/12. The output is
    // ½|g − η_1 + γ| + (Ŷ − η) − ½|g − η_1 − γ| + η = Ŷ ± γ.
    const c3 = { row: 0, beta: [q(1)], alpha: q(1, 4), gamma: q(1, 20), eta1: q(1, 3), eta: q(-1) };
    const layers = corollary3Layers(fit, 4, q(-1), q(1), c3);
    expect(layers.W1.length).toBe(4);
    const net = shallowNet(layers, twoPiece(F, q(-1), q(1)));
    expect(outputRow(net, data.inputs, 0)).toEqual(['7/60', '43/60', '73/60']);
  });

  it('Corollary 3 is refused unless s− = −s+ ≠ 0', () => {
    const fit = leastSquaresFit(ratData([[0], [1], [2]], [0, 1, 1]), loss);
    expect(() => corollary3Layers(fit, 4, q(0), q(1), p)).toThrow(/^Corollary 3 is for s− = −s\+ ≠ 0$/);
    expect(() => corollary3Layers(fit, 4, q(0), q(0), p)).toThrow(/^Corollary 3 is for s− = −s\+ ≠ 0$/);
  });
});

describe('he: Theorem 5, the deeper network', () => {
  const data = ratData([[0], [1], [2]], [0, 1, 1]);
  const act = twoPiece(F, q(1, 2), q(2));
  const layers = theorem4Layers(leastSquaresFit(data, loss), 2, q(1, 2), q(2), p);

  it('copies the dY outputs with (1/s+)E_ii and zero elsewhere, and keeps the one-hidden-layer output', () => {
    const deep = theorem5Network(layers, [2, 2, 2], act, q(2), q(2));
    expect(strings(deep.layers[2]!.weights)).toEqual([['1/2', '0'], ['0', '0']]);
    expect(strings(deep.layers[3]!.weights)).toEqual([['1/2', '0']]);
    const shallow = shallowNet(layers, act);
    // λ = 2 exceeds −min Ŷ' (the outputs here lie in (0, 2)).
    expect(outputRow(deep, data.inputs, 0)).toEqual(outputRow(shallow, data.inputs, 0));
  });

  it('names a width that does not fit, numbered as in the list of hidden widths', () => {
    expect(() => theorem5Network(layers, [3, 2], act, q(2), q(2))).toThrow(/^theorem5Network: the first hidden width 3 differs from the construction's 2$/);
    expect(() => theorem5Network(layers, [2, 2, 0], act, q(2), q(2))).toThrow(/^theorem5Network: hidden layer 3 has width 0; Theorem 5 needs at least dY = 1$/);
  });
});

describe('he: the search for a point below f(W̃)', () => {
  const relu = twoPiece(F, q(0), q(1));
  // x = 0, 1, 2, y = 0, 1, 1: Ŷ = (1/6, 2/3, 7/6), the residuals (1/6, −1/3, 1/6) give I = {0} with β = 0.
  // ½·min_J(g_j − g_{l0}) = ½(2/3 − 1/6) = 1/4 and |γ| = α/2, so α = 1/2 is refused and α = 1/4 is not.
  const data = ratData([[0], [1], [2]], [0, 1, 1]);

  it('tries α = 1/2, 1/4, … up to the limit given', () => {
    const none = lowerRiskPoint(data, loss, { hidden: [2], activation: relu, maxHalvings: 1 });
    expect(none.found).toBe(false);
    expect(none.tried.map(String)).toEqual(['1/2']);
    if (!none.found) expect(none.reason).toBe('no α = 2^{-k}, k = 1…1, gave a risk below f(W̃)');
    const found = lowerRiskPoint(data, loss, { hidden: [2], activation: relu, maxHalvings: 2 });
    expect(found.found).toBe(true);
    expect(found.tried.map(String)).toEqual(['1/2', '1/4']);
    if (!found.found) return;
    expect(found.parameters.alpha.toString()).toBe('1/4');
    // For h_{s−,s+} itself no scaling is needed: M = M̄ = 1.
    expect(found.scales.map(String)).toEqual(['1']);
    expect(referenceRisk(found.network, data.inputs, data.targets).lt(leastSquaresFit(data, loss).risk)).toBe(true);
  });

  it('uses Corollary 3 when every turning point has s− + s+ = 0', () => {
    const found = lowerRiskPoint(data, loss, { hidden: [3], activation: twoPiece(F, q(-1), q(1)) });
    expect(found.found).toBe(true);
    if (!found.found) return;
    expect(found.construction).toBe('corollary-3');
    expect(referenceRisk(found.network, data.inputs, data.targets).lt(leastSquaresFit(data, loss).risk)).toBe(true);
  });

  it('refuses data a linear model fits, and reports a failed separation', () => {
    expect(() => lowerRiskPoint(ratData([[0], [1], [2]], [0, 1, 2]), loss, { hidden: [2], activation: relu })).toThrow(
      /^a linear model fits the data exactly \(Assumption 1 fails\)$/,
    );
    // Repeated inputs: Ŷ = x, residuals (1, −1) at x = 1 and at x = 2, so every level set of Ŷ sums u to 0;
    // the pivot x = 1 ties with its twin, which joins I, and Σ_{i∈I} u_i = 1 − 1 = 0.
    const twins = lowerRiskPoint(ratData([[1], [1], [2], [2]], [2, 0, 3, 1]), loss, { hidden: [2], activation: relu });
    expect(twins.found).toBe(false);
    expect(twins.tried).toEqual([]);
    if (!twins.found) expect(twins.reason).toBe('Σ_{i∈I} u_i = 0: the separation of Lemma 7 failed (1.2)');
  });

  it('the default turning point is the first with s− + s+ ≠ 0, else the first', () => {
    const act = (slopes: number[]): Activation<Rational> =>
      piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: slopes.map((s) => q(s)), valueAtZero: q(0) });
    expect(defaultBreakpoint(act([-1, 1, 3]))).toBe(1);
    expect(defaultBreakpoint(act([2, 1, -1]))).toBe(0);
    expect(defaultBreakpoint(act([-1, 1, -1]))).toBe(0);
  });
});
