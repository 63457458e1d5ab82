import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPoint } from '../../../src/landscape/index.ts';
import { pseudoInverse } from '../../../src/linalg/pseudo-inverse.ts';
import { Matrix } from '../../../src/linalg/matrix.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { twoPiece } from '../../../src/network/activation.ts';
import { ratData, type Dataset } from '../../../src/network/dataset.ts';
import {
  cellFeatures,
  cellLeastSquares,
  cellNetwork,
  cellParts,
  cellSlopes,
  cellTargets,
  collapsedRisk,
  collapsedRiskHessian,
  collapsedWeights,
} from '../../../src/network/he-cell.ts';
import { cellCriticalPoint, classifyCellPoint } from '../../../src/network/he-cell-critical.ts';
import { cellMinimiserComponents } from '../../../src/network/he-cell-minimisers.ts';
import { cubicHinge, squaredError } from '../../../src/network/loss.ts';
import { network, type Network } from '../../../src/network/network.ts';
import { cellInstance, datasetOf } from '../../../properties/he/_instances.ts';
import { referenceActivation, referenceRisk } from './reference.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** The sign of every (W_1)_j x_i, by plain loops. */
const signKey = (net: Network<Rational>, data: Dataset<Rational>): string =>
  net.layers[0]!.weights.map((w) => data.inputs.map((x) => dot(w, x).sign()).join()).join('|');

describe('he: the collapsed risk of a cell', () => {
  it('equals the network risk, its Hessian is (2/n)Σx̂x̂ᵀ by loops, and its minimum is the pseudo-inverse fit', () => {
    fc.assert(
      fc.property(cellInstance({ maxInputDim: 2, maxUnits: 3 }), (instance) => {
        const data = datasetOf(instance);
        const net = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
        // Slopes by the reference activation's difference quotient h(z)/z (h_{s−,s+}(0) = 0, z ≠ 0).
        const slopes = instance.W1.map((w) => data.inputs.map((x) => referenceActivation(net.layers[0]!.activation, dot(w, x)).div(dot(w, x))));
        expect(slopes.map((r) => r.map(String))).toEqual(cellSlopes(net, data).map((r) => r.map(String)));
        const features = cellFeatures(slopes, data.inputs);
        const y = data.targets.map((t) => t[0]!);
        expect(collapsedRisk(features, y, collapsedWeights(net), loss).toString()).toBe(referenceRisk(net, data.inputs, data.targets).toString());
        const H = collapsedRiskHessian(features, loss);
        const n = Rational.of(data.inputs.length);
        features[0]!.forEach((_, a) =>
          features[0]!.forEach((__, b) => {
            const entry = features.reduce((s, f) => s.add(f[a]!.mul(f[b]!)), Rational.ZERO).mul(Rational.of(2)).div(n);
            expect(H.get(a, b).toString()).toBe(entry.toString());
          }),
        );
        const best = pseudoInverse(Matrix.from(F, features)).mulVec(y);
        expect(cellLeastSquares(features, y, loss).risk.toString()).toBe(collapsedRisk(features, y, best, loss).toString());
      }),
      { numRuns: 60 },
    );
  });
});

describe('he: critical points of a cell', () => {
  it('saddles: the reference risk drops along the certificate direction at the returned step, inside the cell', () => {
    let saddles = 0;
    fc.assert(
      fc.property(cellInstance({ maxInputDim: 3, maxUnits: 3, teacher: false }), (instance) => {
        const data = datasetOf(instance);
        const act = twoPiece(F, ...instance.slopes);
        for (let m = 0; m < 3 ** instance.W1.length; m++) {
          const alive = instance.W1.map((_, j) => Math.floor(m / 3 ** j) % 3 > 0);
          const signs = instance.W1.map((_, j) => (Math.floor(m / 3 ** j) % 3 === 2 ? -1 : 1) as 1 | -1);
          const net = cellCriticalPoint(data, act, instance.W1, { alive, signs }, loss);
          if (net === null) continue;
          const kind = classifyCellPoint(net, data, loss);
          expect(['saddle', 'cell-minimum']).toContain(kind.kind);
          if (kind.kind !== 'saddle') continue;
          saddles++;
          const d1 = instance.W1.length;
          const dX = instance.W1[0]!.length;
          const W1 = net.layers[0]!.weights.map((row, j) => row.map((w, k) => w.add(kind.step.mul(kind.direction[j * dX + k]!))));
          const w2 = net.layers[1]!.weights[0]!.map((w, j) => w.add(kind.step.mul(kind.direction[d1 * dX + j]!)));
          const moved = cellNetwork(W1, w2, act);
          expect(signKey(moved, data)).toBe(signKey(net, data));
          expect(referenceRisk(moved, data.inputs, data.targets).lt(referenceRisk(net, data.inputs, data.targets))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
    expect(saddles).toBeGreaterThan(0);
  });

  it('cell minima: the landscape classifier finds them to be local minima, and risk = min over W̄', () => {
    fc.assert(
      fc.property(cellInstance({ maxInputDim: 2, maxUnits: 2 }), (instance) => {
        const data = datasetOf(instance);
        const act = twoPiece(F, ...instance.slopes);
        const net = cellCriticalPoint(data, act, instance.W1, { alive: instance.W1.map(() => true), signs: instance.W1.map(() => 1 as const) }, loss);
        fc.pre(net !== null);
        const kind = classifyCellPoint(net!, data, loss);
        fc.pre(kind.kind === 'cell-minimum');
        expect(classifyPoint(net!, data, loss, { randomDirections: 16, keepRandom: 2 }).localMin.nonStrict.holds).toBe(true);
      }),
      { numRuns: 10, maxSkipsPerRun: 100 },
    );
  });
});

describe('he: the minimisers of a cell and their components', () => {
  it('the worked example: two identical units, x = (−1, 0), (−1, 1), y = 2, −1, ReLU: two components', () => {
    const data = ratData([[-1, 0], [-1, 1]], [2, -1]);
    const net = cellNetwork([[q(-2), q(-1)], [q(-2), q(-1)]], [q(1), q(1)], twoPiece(F, q(0), q(1)));
    // Both units active on both samples, cone C = {w_1 < 0, w_2 > w_1}. The sum W̄_1 + W̄_2 must be
    // u = (−2, −3) ∉ C ∪ −C, so one block lies in C and the other in −C, and they cannot swap continuously.
    const c = cellMinimiserComponents(net, data, loss);
    expect(c.cellMinimum.toString()).toBe('0');
    expect(c.pieces.map((p) => p.signs.join()).sort()).toEqual(['-1,1', '1,-1']);
    expect(c.components.length).toBe(2);
  });

  it('one unit: K is star-shaped about 0 or a single convex piece, never split', () => {
    fc.assert(
      fc.property(cellInstance({ maxInputDim: 2, maxUnits: 1 }), (instance) => {
        const data = datasetOf(instance);
        const net = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
        expect(cellMinimiserComponents(net, data, loss).components.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });

  it('every minimiser sampled on M* that lies in K belongs to a listed piece', () => {
    fc.assert(
      fc.property(cellInstance({ maxInputDim: 2, maxUnits: 2 }), fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }), (instance, coefficients) => {
        const data = datasetOf(instance);
        const net = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
        const features = cellFeatures(cellSlopes(net, data), data.inputs);
        const ls = cellLeastSquares(features, data.targets.map((t) => t[0]!), loss);
        const point = ls.nullBasis.reduce((p, v, k) => p.map((x, i) => x.add(v[i]!.mul(q(coefficients[k % 4]!, 2)))), ls.particular);
        const dX = data.inputs[0]!.length;
        const sigma = instance.W1.map((w) => data.inputs.map((x) => dot(w, x).sign()));
        // The piece of each block by direct sign tests: C_j (1), −C_j (−1), zero (0), or outside K (null).
        const signs = instance.W1.map((_, j) => {
          const block = point.slice(j * dX, (j + 1) * dX);
          if (block.every((v) => v.isZero())) return 0;
          const s = data.inputs.map((x, i) => dot(block, x).sign() * sigma[j]![i]!);
          return s.every((v) => v === 1) ? 1 : s.every((v) => v === -1) ? -1 : null;
        });
        fc.pre(signs.every((s) => s !== null));
        const listed = cellMinimiserComponents(net, data, loss).pieces.map((p) => p.signs.join());
        expect(listed).toContain(signs.join());
      }),
      { numRuns: 40, maxSkipsPerRun: 100 },
    );
  });
});

describe('he: the shape of a §4 network and its data', () => {
  const relu = twoPiece(F, q(0), q(1));
  const W1 = [[q(1), q(0)], [q(0), q(1)]];

  it('reads W_1 and the row W_2 of a one-hidden-layer, scalar-output, bias-free network', () => {
    const parts = cellParts(cellNetwork(W1, [q(2), q(-3)], relu));
    expect(parts.W1.map((r) => r.map(String))).toEqual([['1', '0'], ['0', '1']]);
    expect(parts.w2.map(String)).toEqual(['2', '-3']);
  });

  it('rejects other shapes, naming what is wrong', () => {
    const hidden = { weights: W1, bias: null, activation: relu };
    const deep = network(F, { layers: [hidden, hidden, { weights: [[q(1), q(1)]], bias: null }] });
    expect(() => cellParts(deep)).toThrow(/one hidden layer, this one has 2/);
    const twoOutputs = network(F, { layers: [hidden, { weights: W1, bias: null }] });
    expect(() => cellParts(twoOutputs)).toThrow(/scalar output, this one has 2/);
    const firstBias = network(F, { layers: [{ ...hidden, bias: [q(0), q(0)] }, { weights: [[q(1), q(1)]], bias: null }] });
    expect(() => cellParts(firstBias)).toThrow(/no biases/);
    const secondBias = network(F, { layers: [hidden, { weights: [[q(1), q(1)]], bias: [q(0)] }] });
    expect(() => cellParts(secondBias)).toThrow(/no biases/);
    expect(() => cellSlopes(secondBias, ratData([[1, 1]], [0]))).toThrow(/no biases/);
  });

  it('refuses slopes at a point on a breakpoint: unit 2 has (W_1)_2 x = 0 for sample 1', () => {
    const net = cellNetwork(W1, [q(1), q(1)], relu);
    expect(() => cellSlopes(net, ratData([[1, 1], [1, 0]], [0, 0]))).toThrow(/unit 2 is on a breakpoint for sample 1/);
    // Off the breakpoints the slopes are those of the pieces: x = (1, −1) makes unit 2 inactive.
    expect(cellSlopes(net, ratData([[1, 1], [1, -1]], [0, 0])).map((r) => r.map(String))).toEqual([['1', '1'], ['1', '0']]);
  });

  it('computes the collapsed risk for the squared loss only', () => {
    const features = [[q(1)], [q(2)]];
    const hinge = cubicHinge('mean');
    expect(() => collapsedRisk(features, [q(1), q(1)], [q(1)], hinge)).toThrow(/squared loss, not the cubic hinge loss/);
    expect(() => collapsedRiskHessian(features, hinge)).toThrow(/squared loss/);
    expect(() => cellLeastSquares(features, [q(1), q(1)], hinge)).toThrow(/squared loss/);
  });

  it('reads scalar targets and rejects vector ones', () => {
    expect(cellTargets(ratData([[0], [1]], [3, -1])).map(String)).toEqual(['3', '-1']);
    expect(() => cellTargets(ratData([[0], [1]], [[1], [1, 2]]))).toThrow(/target 1 has 2 entries/);
  });
});
