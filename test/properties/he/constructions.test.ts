import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPoint } from '../../../src/landscape/index.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { piecewiseLinear, twoPiece } from '../../../src/network/activation.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { certifyLinearRegimeMinimum } from '../../../src/network/he-certificate.ts';
import { embedAtKink } from '../../../src/network/he-embedding.ts';
import { kinkOf, orientKink } from '../../../src/network/he-kink.ts';
import { leastSquaresFit } from '../../../src/network/he-linear-model.ts';
import { theorem4Layers, lowerRiskPoint } from '../../../src/network/he-lower-risk.ts';
import { lemma5Network, linearRegimeMinimum } from '../../../src/network/he-minimum.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { network } from '../../../src/network/network.ts';
import { flattenParameters, unflattenParameters } from '../../../src/network/parameters.ts';
import { activationOf, datasetOf, networkInstance } from '../../../properties/he/_instances.ts';
import { referenceOutput, referencePreActivations, referenceRisk } from './reference.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const strings = (rows: readonly (readonly Rational[])[]): string[][] => rows.map((r) => r.map(String));

describe('he: turning points', () => {
  it('reads slopes, h(t) and σ', () => {
    const act = piecewiseLinear(F, { breakpoints: [q(-1), q(2)], slopes: [q(1), q(0), q(3)], valueAtZero: q(5) });
    const k = kinkOf(act, 1);
    expect([k.t, k.value, k.sMinus, k.sPlus, k.sigma!].map(String)).toEqual(['2', '5', '0', '3', '3']);
    expect(kinkOf(twoPiece(F, q(1, 2), q(1)), 0).sigma).toBeNull();
    // s+ = 0 at t = −1? No: the right slope of t = −1 is 0, so the build mirrors: h̃(u) = h(−u) at u = 1.
    const oriented = orientKink(act, 0);
    expect(oriented.mirrored).toBe(true);
    expect([oriented.kink.t, oriented.kink.sMinus, oriented.kink.sPlus].map(String)).toEqual(['1', '0', '-1']);
  });
});

describe('he: Lemma 4/5 construction', () => {
  it('a worked example: x = 0, 1, 2, y = 0, 1, 1, ReLU, d1 = 2', () => {
    const data = ratData([[0], [1], [2]], [0, 1, 1]);
    const fit = leastSquaresFit(data, loss);
    // W̃ = [1/2, 1/6], Ŷ = (1/6, 2/3, 7/6), η = min(0, 1/6) − 1 = −1.
    const net = lemma5Network(fit, [2], q(0), q(1), q(-1));
    expect(strings(net.layers[0]!.weights)).toEqual([['1/2'], ['0']]);
    expect(net.layers[0]!.bias!.map(String)).toEqual(['7/6', '1']);
    expect(strings(net.layers[1]!.weights)).toEqual([['1', '0']]);
    expect(net.layers[1]!.bias!.map(String)).toEqual(['-1']);
    expect(data.inputs.map((x) => referenceOutput(net, x)[0]!.toString())).toEqual(['1/6', '2/3', '7/6']);
  });

  it('the certified minima are classified as local minima by the landscape classifier (one hidden layer)', () => {
    fc.assert(
      fc.property(networkInstance('any-two-piece', { maxOutputs: 1 }), (instance) => {
        const data = datasetOf(instance);
        const built = linearRegimeMinimum(data, loss, { hidden: instance.hidden, activation: activationOf(instance.activation) });
        expect(certifyLinearRegimeMinimum(built.network, data, loss).certified).toBe(true);
        const c = classifyPoint(built.network, data, loss, { randomDirections: 16, keepRandom: 2 });
        expect(c.localMin.nonStrict.holds).toBe(true);
      }),
      { numRuns: 12 },
    );
  });

  it('certified points: no exact perturbation of size 2^-12 that stays in the cell lowers the risk (reference evaluator)', () => {
    fc.assert(
      fc.property(networkInstance('piecewise', { maxDepth: 2, maxOutputs: 1, maxInputDim: 1 }), fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 60, maxLength: 60 }), (instance, signs) => {
        const data = datasetOf(instance);
        const built = linearRegimeMinimum(data, loss, { hidden: instance.hidden, activation: activationOf(instance.activation) });
        const certificate = certifyLinearRegimeMinimum(built.network, data, loss);
        expect(certificate.certified).toBe(true);
        const theta = flattenParameters(built.network);
        const base = referenceRisk(built.network, data.inputs, data.targets);
        expect(base.toString()).toBe(leastSquaresFit(data, loss).risk.toString());
        const step = q(1, 4096);
        const moved = unflattenParameters(built.network, theta.map((v, k) => v.add(step.mul(q(signs[k % signs.length]!)))));
        // Same linear piece for every pre-activation (pieces of h are the intervals between breakpoints).
        const piece = (z: Rational): number => built.network.layers[0]!.activation.breakpoints.filter((t) => t.lt(z)).length * 2 - (built.network.layers[0]!.activation.breakpoints.some((t) => t.equals(z)) ? 1 : 0);
        const key = (net: typeof moved): string => data.inputs.map((x) => referencePreActivations(net, x).slice(0, -1).map((l) => l.map(piece).join()).join('/')).join('|');
        fc.pre(key(moved) === key(built.network));
        expect(referenceRisk(moved, data.inputs, data.targets).ge(base)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('the certificate refuses a unit that sees the samples in two pieces, and a risk above f(W̃)', () => {
    const data = ratData([[0], [1], [2]], [0, 1, 1]);
    const relu = twoPiece(F, q(0), q(1));
    const straddling = network(F, { layers: [{ weights: [[q(1)]], bias: [q(-1, 2)], activation: relu }, { weights: [[q(1)]], bias: [q(0)] }] });
    expect(certifyLinearRegimeMinimum(straddling, data, loss).certified).toBe(false);
    // Same outputs as the certified point, but unit 2 (read out with weight 0) straddles the turning point.
    const good = lemma5Network(leastSquaresFit(data, loss), [2], q(0), q(1), q(-1));
    expect(certifyLinearRegimeMinimum(good, data, loss).certified).toBe(true);
    const bent = network(F, { layers: [{ ...good.layers[0]!, weights: [good.layers[0]!.weights[0]!, [q(1)]], bias: [good.layers[0]!.bias![0]!, q(-1, 2)] }, good.layers[1]!] });
    const a = certifyLinearRegimeMinimum(bent, data, loss);
    expect(a.certified).toBe(false);
    if (!a.certified) expect(a.reason).toMatch(/different pieces/);
    const off = network(F, { layers: [good.layers[0]!, { weights: good.layers[1]!.weights, bias: [q(-1, 2)] }] });
    const b = certifyLinearRegimeMinimum(off, data, loss);
    expect(b.certified).toBe(false);
    if (!b.certified) expect(b.reason).toMatch(/differs from min f/);
  });
});

describe('he: the scaling and translation at a turning point', () => {
  it('keeps the outputs when every scaled pre-activation stays within σ of t, and changes them when one leaves', () => {
    const h = piecewiseLinear(F, { breakpoints: [q(0), q(1)], slopes: [q(-1), q(2), q(0)], valueAtZero: q(1, 2) });
    const kink = kinkOf(h, 0); // t = 0, s− = −1, s+ = 2, σ = 1
    const proto = network(F, {
      layers: [
        { weights: [[q(1)], [q(-2)]], bias: [q(1, 2), q(1)], activation: twoPiece(F, kink.sMinus, kink.sPlus) },
        { weights: [[q(3), q(-1)]], bias: [q(1)] },
      ],
    });
    const inputs = [[q(0)], [q(1)], [q(-1)]];
    const expected = inputs.map((x) => referenceOutput(proto, x)[0]!.toString());
    // Pre-activations of the prototype are at most 3 in size: 1/4 keeps them in (−1, 1).
    const inside = embedAtKink(proto, h, kink, [q(1, 4)]);
    expect(inputs.map((x) => referenceOutput(inside, x)[0]!.toString())).toEqual(expected);
    for (const x of inputs) for (const z of referencePreActivations(inside, x)[0]!) expect(z.abs().lt(q(1))).toBe(true);
    // Scale 1: the pre-activation 3 at x = −1 crosses t = 1, where h changes slope, and the output changes.
    const outside = embedAtKink(proto, h, kink, [q(1)]);
    expect(inputs.map((x) => referenceOutput(outside, x)[0]!.toString())).not.toEqual(expected);
  });
});

describe('he: the lower-risk point of Theorems 4/5 and Corollary 3', () => {
  it('has a reference risk below the reference risk of the certified minimum', () => {
    const turning = fc.constantFrom('two-piece' as const, 'piecewise' as const);
    fc.assert(
      fc.property(turning.chain((t) => networkInstance(t, { maxDepth: 3 })), (instance) => {
        const data = datasetOf(instance);
        const fit = leastSquaresFit(data, loss);
        fc.pre(!fit.predictions.every((p, i) => p.every((v, k) => v.equals(data.targets[i]![k]!))));
        const act = activationOf(instance.activation);
        const found = lowerRiskPoint(data, loss, { hidden: instance.hidden, activation: act });
        expect(found.found).toBe(true);
        if (!found.found) return;
        const minimum = linearRegimeMinimum(data, loss, { hidden: instance.hidden, activation: act }).network;
        expect(referenceRisk(found.network, data.inputs, data.targets).lt(referenceRisk(minimum, data.inputs, data.targets))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('eqs. (19)–(22) on a worked example: row 1 of the output moves by −αβᵀx ∓ cγ', () => {
    const data = ratData([[0], [1], [2]], [0, 1, 1]);
    const fit = leastSquaresFit(data, loss);
    const p = { row: 0, beta: [q(0)], alpha: q(1, 2), gamma: q(1, 10), eta1: q(1, 2), eta: q(-1) };
    const layers = theorem4Layers(fit, 2, q(1, 2), q(1), p);
    const net = network(F, { layers: [{ weights: layers.W1, bias: layers.b1, activation: twoPiece(F, q(1, 2), q(1)) }, { weights: layers.W2, bias: layers.b2 }] });
    // Ŷ = (1/6, 2/3, 7/6); η_1 = 1/2 splits I = {0} from J = {1, 2}; c = (1 − ½)/(1 + ½) = 1/3, cγ = 1/30.
    expect(data.inputs.map((x) => referenceOutput(net, x)[0]!.toString())).toEqual(['2/15', '7/10', '6/5']);
  });
});
