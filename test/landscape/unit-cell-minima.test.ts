import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/generators/dataset.ts';
import { Rational } from '../../src/numbers/rational.ts';
import { ratData, type Dataset } from '../../src/network/dataset.ts';
import { minimiserShape, unitCellMinima } from '../../src/landscape/unit-cell-minima.ts';

const dot = (a: readonly Rational[], b: readonly Rational[]): Rational => a.reduce((s, v, k) => s.add(v.mul(b[k]!)), Rational.ZERO);

/** (1/N)Σ(z[w·x_i]_+ − y_i)², written out. */
function loss(data: Dataset<Rational>, z: Rational, w: readonly Rational[]): Rational {
  const s = data.inputs.reduce((acc, x, i) => acc.add(z.mul(dot(w, x).max(Rational.ZERO)).sub(data.targets[i]![0]!).pow(2)), Rational.ZERO);
  return s.div(Rational.fromInt(data.inputs.length));
}

/** Rank of 2-D vectors without elimination: 0, 1 (all parallel) or 2. */
function planeRank(vectors: readonly (readonly Rational[])[]): number {
  const nonZero = vectors.filter((v) => v.some((c) => !c.isZero()));
  if (nonZero.length === 0) return 0;
  const [a] = nonZero;
  return nonZero.every((b) => a![0]!.mul(b[1]!).sub(a![1]!.mul(b[0]!)).isZero()) ? 1 : 2;
}

describe('unitCellMinima: the cells of one bias-free unit', () => {
  it('Appendix B: x1 = (1, 0), x2 = (0, 1), y = (1, 1)', () => {
    const cells = unitCellMinima(ratData([[1, 0], [0, 1]], [1, 1]), { outputSigns: [1] });
    const summary = Object.fromEntries(cells.map((c) => [c.signs.join(','), [String(c.minimum.value), c.shape, c.genuine.genuine]]));
    expect(summary).toEqual({ '1,1': ['0', 'point', true], '1,-1': ['1/2', 'line', true], '-1,1': ['1/2', 'line', true], '-1,-1': ['1', 'plateau', true] });
  });

  it('shape names', () => {
    expect([minimiserShape(0, 2), minimiserShape(1, 2), minimiserShape(2, 2), minimiserShape(1, 3), minimiserShape(2, 3)]).toEqual([
      'point',
      'line',
      'plateau',
      'line',
      '2-dimensional affine set',
    ]);
  });

  it('2-D data: dim ker A = 2 − rank of the active inputs; the minimum is a lower bound on grid points of the cell, attained at the genuine point', () => {
    fc.assert(
      fc.property(dataset({ minDim: 2, maxDim: 2, minPoints: 1, maxPoints: 3, nonZeroInputs: true }), (data) => {
        for (const cell of unitCellMinima(data)) {
          const active = data.inputs.filter((_, i) => cell.signs[i]! > 0);
          expect(cell.dimension).toBe(2 - planeRank(active));
          // Brute force over a grid of weights inside the cell, both signs of z.
          for (let a = -4; a <= 4; a++) {
            for (let b = -4; b <= 4; b++) {
              const w = [Rational.of(a, 2), Rational.of(b, 2)];
              if (!data.inputs.every((x, i) => dot(w, x).sign() === cell.signs[i])) continue;
              for (const z of [Rational.ONE, Rational.MINUS_ONE, Rational.of(3)]) expect(loss(data, z, w).ge(cell.minimum.value)).toBe(true);
            }
          }
          if (cell.genuine.genuine) {
            const p = cell.genuine.point;
            expect(data.inputs.every((x, i) => dot(p.weights[0]!, x).sign() === cell.signs[i])).toBe(true);
            expect(loss(data, p.outputWeights[0]!, p.weights[0]!).equals(cell.minimum.value)).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('unitCellMinima: the signs allowed for z', () => {
  const x = [[1, 0], [0, 1]];
  const positiveCell = (cells: ReturnType<typeof unitCellMinima>) => cells.find((c) => c.signs.join(',') === '1,1')!;

  it('allows z = ±1 by default: y = (−1, −1) needs z = −1 with w = (1, 1)', () => {
    expect(positiveCell(unitCellMinima(ratData(x, [-1, -1]))).genuine.genuine).toBe(true);
    expect(positiveCell(unitCellMinima(ratData(x, [-1, -1]), { outputSigns: [1] })).genuine.genuine).toBe(false);
  });

  it('excludes z = 0 by default: y = (0, 0) has the unique minimiser R = 0, which only z = 0 realises in the open cell', () => {
    expect(positiveCell(unitCellMinima(ratData(x, [0, 0]))).genuine.genuine).toBe(false);
    expect(positiveCell(unitCellMinima(ratData(x, [0, 0]), { outputSigns: [1, -1, 0] })).genuine.genuine).toBe(true);
  });

  it('an empty dataset has no cell minima', () => {
    expect(() => unitCellMinima({ inputs: [], targets: [] })).toThrow(/empty dataset is undefined/);
  });
});
