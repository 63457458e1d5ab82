import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinant } from '../../../src/linalg/determinant.ts';
import { Matrix, rat } from '../../../src/linalg/matrix.ts';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { relu } from '../../../src/network/activation.ts';
import { network } from '../../../src/network/network.ts';
import { flattenParameters } from '../../../src/network/parameters.ts';
import {
  determinantMatrixOf,
  literalSwitchedWeights,
  milneCMatrix,
  milneDepth,
  milneDirection,
  milneDirectionOf,
  milneMatrix,
  milneNetwork,
  milneOutput,
  milnePerturbation,
  milneSwitches,
  milneWeightsOf,
  milneWidths,
  powerOfMinusOne,
  switchedWeights,
} from '../../../src/network/milne-matrix.ts';
import { milneSwitchRadius } from '../../../src/network/milne-derivatives.ts';
import { direction, point, problem } from '../../../properties/milne/_instances.ts';
import { fullLeibniz, nestedRelu } from './support.ts';

const q = (x: number | string): Rational => Rational.from(x);
const F = RationalField;

describe('A(a, W) of eq. (7), worked by hand', () => {
  // n_0 = 1, n_1 = 2, n_2 = 1; a = 2, W_0 = [1, −1], W_1 = [3; 5]: z_1 = (2, −2), so S_1 = diag(1, 0), y = 6.
  const a = [q(2)];
  const W = [[[q(1), q(-1)]], [[q(3)], [q(5)]]];

  it('switches, switched weights and output', () => {
    expect(milneSwitches(a, W).map((s) => s.map(String))).toEqual([['1'], ['1', '0'], ['1']]);
    expect(switchedWeights(a, W).map((V) => V.toStrings())).toEqual([[['1', '0']], [['3'], ['0']]]);
    expect(milneOutput(a, W).toString()).toBe('6');
  });

  it('the matrix is laid out as (7) and its determinant is −y (H = 1, corner (−1)^2 = 1)', () => {
    const A = milneMatrix(a, W);
    expect(A.toStrings()).toEqual(
      rat([
        [0, 2, 0, 0, 0],
        [0, 1, 1, 0, 0],
        [0, 0, 1, 0, 3],
        [0, 0, 0, 1, 0],
        [1, 0, 0, 0, 0],
      ]).toStrings(),
    );
    // Expanding along the first column: det = 1·(−1)^{5+1}·det[[2,0,0,0],[1,1,0,0],[0,1,0,3],[0,0,1,0]] = −6.
    expect(determinant(A).toString()).toBe('-6');
    expect(fullLeibniz(A).toString()).toBe('-6');
    expect(determinant(milneMatrix(a, W, { corner: powerOfMinusOne(1) })).toString()).toBe('6');
  });

  it('C of eq. (25) for β = 2 with diagonal blocks of determinant 2', () => {
    const C = milneCMatrix(a, W, [[q(2)], [q(2), q(1)]], q(2));
    expect(C.toStrings()).toEqual(
      rat([
        [-1, 0, 0, 0, 0],
        [0, 2, 1, 0, 0],
        [0, 0, 2, 0, 3],
        [0, 0, 0, 1, 0],
        [0, 2, 0, 0, 2],
      ]).toStrings(),
    );
  });

  it('the literal V_i = S_{i+1}W_iS_i raises a dimension error for every layer here', () => {
    const blocks = literalSwitchedWeights(a, W);
    expect(blocks.every((b) => 'error' in b)).toBe(true);
  });
});

describe('det A(a, W) against independent computations', () => {
  it('full Leibniz sum = Bareiss = −y = −(nested ReLUs), any switches', () => {
    fc.assert(
      fc.property(point({ maxDepth: 1, maxWidth: 3 }), ({ a, W }) => {
        const A = milneMatrix(a, W);
        const y = nestedRelu(F, a, W);
        expect(milneOutput(a, W).equals(y)).toBe(true);
        expect(fullLeibniz(A).equals(determinant(A))).toBe(true);
        expect(determinant(A).equals(y.neg())).toBe(true);
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('with two hidden layers (Bareiss only): det A = −y, and the corner (−1)^H gives y', () => {
    fc.assert(
      fc.property(point({ minDepth: 2, maxDepth: 3 }), ({ a, W }) => {
        const y = nestedRelu(F, a, W);
        expect(determinant(milneMatrix(a, W)).equals(y.neg())).toBe(true);
        expect(determinant(milneMatrix(a, W, { corner: powerOfMinusOne(W.length - 1) })).equals(y)).toBe(true);
      }),
      { numRuns: 30, seed: 12 },
    );
  });
});

describe('the perturbation X_i', () => {
  it('A(a, W + tX) = A(a, W) + tX_a while the switches stay (t within the switch radius)', () => {
    const instances = problem({ targets: 'free', maxPoints: 1 }).map((p) => ({ a: p.inputs[0]!, W: p.W, X: p.X }));
    fc.assert(
      fc.property(instances, ({ a, W, X }) => {
        const t = milneSwitchRadius(a, W, X).div(q(3));
        const moved = W.map((Wi, i) => Wi.map((row, j) => row.map((w, k) => w.add(t.mul(X[i]![j]![k]!)))));
        expect(milneMatrix(a, moved).equals(milneMatrix(a, W).add(milnePerturbation(a, W, X).scale(t)))).toBe(true);
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});

describe('conversions between the paper orientation and the library network', () => {
  it('milneWeightsOf inverts milneNetwork; milneDirection is flattenParameters of the same shape; milneDirectionOf inverts it', () => {
    const instances = point({ maxDepth: 2 }).chain(({ W }) => direction(W).map((X) => ({ W, X })));
    fc.assert(
      fc.property(instances, ({ W, X }) => {
        expect(milneWeightsOf(milneNetwork(W)).map((Wi) => Wi.map((r) => r.map(String)))).toEqual(W.map((Wi) => Wi.map((r) => r.map(String))));
        const flat = milneDirection(X);
        expect(flat.map(String)).toEqual(flattenParameters(milneNetwork(X)).map(String));
        expect(milneDirectionOf(flat, W).map((Xi) => Xi.map((r) => r.map(String)))).toEqual(X.map((Xi) => Xi.map((r) => r.map(String))));
      }),
      { numRuns: 30, seed: 14 },
    );
  });

  it('rejects mis-shaped weights with a message naming the matrix', () => {
    expect(() => milneMatrix([q(1)], [[[q(1), q(2)]], [[q(1)]]])).toThrow(/W_1 has 1 rows, expected n_1 = 2/);
    expect(() => milneMatrix([q(1)], [[[q(1), q(2)]]])).toThrow(/scalar output/);
    expect(() => milneMatrix([q(1), q(2)], [[[q(1)]]])).toThrow(/input a has 2 entries/);
  });
});

describe('shapes, depth and switches at the boundary', () => {
  it('milneDepth is the number of hidden layers H = (number of matrices) − 1', () => {
    expect(milneDepth([[[q(1)]]])).toBe(0);
    expect(milneDepth([[[q(1), q(2)]], [[q(1)], [q(1)]]])).toBe(1);
    expect(milneDepth([[[q(1)]], [[q(1)]], [[q(1)]]])).toBe(2);
  });

  it('milneWidths names the offending matrix, row or entry', () => {
    expect(() => milneWidths([])).toThrow(/a Milne network needs at least one weight matrix W_0/);
    // W_0 with zero rows has no first row to read the width from.
    expect(() => milneWidths([[]])).toThrow(/W_0 has no columns/);
    expect(() => milneWidths([[[q(1), q(2)], [q(3)]], [[q(1)], [q(1)]]])).toThrow(/row 1 of W_0 has 1 entries, expected 2/);
    expect(() => milneWidths([[[q(1)]], [[1 as unknown as Rational]]])).toThrow(/W_1\[0,0\] is 1, not a Rational/);
    expect(() => milneWidths([[[q(1)]], [[q(1), q(2)]]])).toThrow(/scalar output: W_1 has 2 columns/);
    expect(milneWidths([[[q(1), q(2)]], [[q(1)], [q(1)]]])).toEqual([1, 2, 1]);
  });

  it('milneWeightsOf refuses a layer with a bias and names it', () => {
    const F1 = RationalField;
    const net = network(F1, {
      inputDim: 1,
      layers: [
        { weights: [[q(1)]], bias: null, activation: relu(F1) },
        { weights: [[q(2)]], bias: [q(0)], activation: relu(F1) },
      ],
    });
    expect(() => milneWeightsOf(net)).toThrow(/layer 2 has a bias; Milne's networks have none/);
  });

  it('milneDirectionOf checks the number of entries', () => {
    const W = [[[q(1), q(2)]], [[q(1)], [q(1)]]];
    expect(() => milneDirectionOf([q(1)], W)).toThrow(/direction has 1 entries, the network has 4 weights/);
  });

  it('a pre-activation exactly 0 counts as off (indicator 1(z > 0))', () => {
    // a = 1, W_0 = [0, 1]: z_1 = (0, 1); W_1 = [1; 1]: z_2 = 1.
    expect(milneSwitches([q(1)], [[[q(0), q(1)]], [[q(1)], [q(1)]]]).map((s) => s.map(String))).toEqual([['1'], ['0', '1'], ['1']]);
  });

  it('the perturbation rejects a direction of another shape, listing both width vectors', () => {
    const W = [[[q(1), q(2)]], [[q(1)], [q(1)]]];
    expect(() => milnePerturbation([q(1)], W, [[[q(1)]]])).toThrow(/direction X has widths 1,1, W has 1,2,1/);
  });

  it('the literal S_{i+1}W_iS_i is defined for a square W_i and differs from S_iW_iS_{i+1}', () => {
    // a = (1, 2), W_0 = [[1, 2], [0, −1]]: z_1 = (1, 0), so S_1 = diag(1, 0) and S_0 = I.
    // Literal: S_1W_0 = [[1, 2], [0, 0]]; V_0 = W_0S_1 = [[1, 0], [0, 0]]. W_1 is 2×1, so S_2W_1 fails.
    const a = [q(1), q(2)];
    const W = [
      [
        [q(1), q(2)],
        [q(0), q(-1)],
      ],
      [[q(3)], [q(5)]],
    ];
    const [first, second] = literalSwitchedWeights(a, W);
    expect(first && 'value' in first ? first.value.toStrings() : first).toEqual([
      ['1', '2'],
      ['0', '0'],
    ]);
    expect(second).toMatchObject({ layer: 1 });
    expect(second && 'error' in second).toBe(true);
    expect(switchedWeights(a, W)[0]!.toStrings()).toEqual([
      ['1', '0'],
      ['0', '0'],
    ]);
  });

  it('a replaced diagonal must have H + 1 blocks of widths n_0, …, n_H', () => {
    const a = [q(2)];
    const W = [[[q(1), q(-1)]], [[q(3)], [q(5)]]];
    expect(() => milneMatrix(a, W, { diagonal: [[q(1)]] })).toThrow(/diagonal has 1 blocks, expected H \+ 1 = 2/);
    expect(() => milneMatrix(a, W, { diagonal: [[q(1)], [q(1)]] })).toThrow(/diagonal block 1 has 1 entries, expected n_1 = 2/);
    expect(determinant(milneMatrix(a, W, { diagonal: [[q(1)], [q(1), q(1)]] })).toString()).toBe('-6');
  });

  it('determinantMatrixOf checks that the blocks chain and end in one column', () => {
    const V = (rows: number, cols: number): Matrix<Rational> => Matrix.build(F, rows, cols, () => Rational.ONE);
    expect(() => determinantMatrixOf([], [])).toThrow(/determinant matrix: no blocks V_i/);
    expect(() => determinantMatrixOf([q(1)], [V(1, 2), V(1, 1)])).toThrow(/V_1 has 1 rows, V_0 has 2 columns/);
    expect(() => determinantMatrixOf([q(1)], [V(1, 2)])).toThrow(/determinant matrix: the last block must have one column/);
  });

  it('the perturbation is zero outside the V blocks, including the last row and column', () => {
    // a = 2, W_0 = [1, −1], W_1 = [3; 5]: S_1 = diag(1, 0); X all ones gives S_0X_0S_1 = [1, 0], S_1X_1S_2 = [1; 0].
    const P = milnePerturbation([q(2)], [[[q(1), q(-1)]], [[q(3)], [q(5)]]], [[[q(1), q(1)]], [[q(1)], [q(1)]]]);
    expect(P.toStrings()).toEqual(
      rat([
        [0, 0, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
      ]).toStrings(),
    );
  });
});
