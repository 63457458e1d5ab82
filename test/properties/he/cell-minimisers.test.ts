import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../../src/numbers/rational.ts';
import { RationalField } from '../../../src/numbers/rational-field.ts';
import { twoPiece } from '../../../src/network/activation.ts';
import { ratData } from '../../../src/network/dataset.ts';
import { cellNetwork } from '../../../src/network/he-cell.ts';
import { cellMinimiserComponents, liftCollapsed } from '../../../src/network/he-cell-minimisers.ts';
import { squaredError } from '../../../src/network/loss.ts';
import { cellInstance, datasetOf } from '../../../properties/he/_instances.ts';
import { referenceRisk } from './reference.ts';

const F = RationalField;
const q = (n: number, d = 1): Rational => Rational.of(n, d);
const loss = squaredError('mean');
const relu = twoPiece(F, q(0), q(1));
const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

describe('he: the pieces of the cell minima', () => {
  it('M* = {0}: only the piece with every W̄_j = 0, not the closures of ±C', () => {
    // One unit active on x = (1, 0), (0, 1), (1, 1); y = (1, 1, −1) is orthogonal to both input columns.
    const data = ratData([[1, 0], [0, 1], [1, 1]], [1, 1, -1]);
    const c = cellMinimiserComponents(cellNetwork([[q(1), q(1)]], [q(1)], relu), data, loss);
    expect(c.pieces.map((p) => p.signs.join())).toEqual(['0']);
    expect(c.pieces[0]!.point.map(String)).toEqual(['0', '0']);
    expect(c.cellMinimum.toString()).toBe('1');
  });

  it('a line of minima W̄_1 + W̄_2 = 1 through five pieces, joined into one component', () => {
    // Two units active on x = 1, 2 with y = x: M* = {W̄_1 + W̄_2 = 1}, every point of it in K.
    const data = ratData([[1], [2]], [1, 2]);
    const cell = cellNetwork([[q(1)], [q(1)]], [q(1), q(1)], relu);
    const c = cellMinimiserComponents(cell, data, loss);
    expect(c.pieces.map((p) => p.signs.join()).sort()).toEqual(['-1,1', '0,1', '1,-1', '1,0', '1,1']);
    for (const p of c.pieces) {
      expect(p.point[0]!.add(p.point[1]!).toString()).toBe('1');
      p.signs.forEach((s, j) => expect(p.point[j]!.sign()).toBe(s));
    }
    expect(c.components.length).toBe(1);
    // Each listed pair joined two components: a spanning tree of the five pieces.
    expect(c.touching.length).toBe(4);
    for (const [a, b] of c.touching) expect(a < b && b < c.pieces.length).toBe(true);
  });

  it('M* = ℝ² when no unit is active: all nine pieces, one component, a spanning tree of touching pairs', () => {
    // ReLU units negative on x = 1, 2: the features vanish, so every W̄ minimises, and the pieces
    // (C ∪ −C ∪ {0})² all touch the piece {0}.
    const c = cellMinimiserComponents(cellNetwork([[q(-1)], [q(-1)]], [q(1), q(1)], relu), ratData([[1], [2]], [1, 2]), loss);
    expect(c.pieces.length).toBe(9);
    expect(c.components.length).toBe(1);
    expect(c.touching.length).toBe(8);
    expect(c.cellMinimum.toString()).toBe('5/2');
  });

  it('lifting a piece keeps the cell row of a unit with W̄_j = 0 and reaches the cell minimum', () => {
    const data = ratData([[1], [2]], [1, 2]);
    const cell = cellNetwork([[q(1)], [q(3)]], [q(1), q(1)], relu);
    const piece = cellMinimiserComponents(cell, data, loss).pieces.find((p) => p.signs.join() === '1,0')!;
    const lifted = liftCollapsed(cell, piece);
    // W̄ = (1, 0): unit 1 gets W_1 = 1, W_2 = 1; unit 2 keeps its row 3 and gets W_2 = 0.
    expect(lifted.layers[0]!.weights.map((r) => r.map(String))).toEqual([['1'], ['3']]);
    expect(lifted.layers[1]!.weights[0]!.map(String)).toEqual(['1', '0']);
    expect(referenceRisk(lifted, data.inputs, data.targets).toString()).toBe('0');
  });

  it('every piece point lies on M* with each block strictly inside σ_j C_j, or zero', () => {
    fc.assert(
      fc.property(cellInstance({ maxInputDim: 2, maxUnits: 2 }), (instance) => {
        const data = datasetOf(instance);
        const cell = cellNetwork(instance.W1, instance.w2, twoPiece(F, ...instance.slopes));
        const c = cellMinimiserComponents(cell, data, loss);
        const dX = data.inputs[0]!.length;
        for (const p of c.pieces) {
          p.signs.forEach((s, j) => {
            const block = p.point.slice(j * dX, (j + 1) * dX);
            if (s === 0) expect(block.every((v) => v.isZero())).toBe(true);
            else for (const x of data.inputs) expect(dot(block, x).sign() * dot(instance.W1[j]!, x).sign()).toBe(s);
          });
          expect(referenceRisk(liftCollapsed(cell, p), data.inputs, data.targets).toString()).toBe(c.cellMinimum.toString());
        }
      }),
      { numRuns: 40 },
    );
  });
});
