import { describe, expect, it } from 'vitest';
import { diskDataset } from '../../src/landscape/disk-data.ts';

const keys = (inputs: readonly (readonly { toString(): string }[])[]): string[] => inputs.map((x) => x.map(String).join(' '));

describe('diskDataset', () => {
  it('needs a whole number of points between 1 and the grid size', () => {
    expect(() => diskDataset({ points: 0, range: 1, radiusSquared: 1, seed: 0 })).toThrow(/cannot draw 0 distinct points from a 3×3 grid/);
    expect(() => diskDataset({ points: 1.5, range: 1, radiusSquared: 1, seed: 0 })).toThrow(/cannot draw 1.5 distinct points/);
    expect(() => diskDataset({ points: 10, range: 1, radiusSquared: 1, seed: 0 })).toThrow(/cannot draw 10 distinct points from a 3×3 grid/);
  });

  it('one point, labelled by the disk', () => {
    const data = diskDataset({ points: 1, range: 1, radiusSquared: 1, seed: 3 });
    expect(data.inputs).toHaveLength(1);
    const [a, b] = data.inputs[0]!.map((v) => v.toNumber());
    expect(data.targets[0]![0]!.toNumber()).toBe(a! * a! + b! * b! < 1 ? 1 : -1);
  });

  it('all grid points when asked for all, told apart even where digits run together (1, 11) vs (11, 1)', () => {
    const full = diskDataset({ points: 9, range: 1, radiusSquared: 2, seed: 1 });
    const grid = [-1, 0, 1].flatMap((a) => [-1, 0, 1].map((b) => `${a} ${b}`));
    expect(keys(full.inputs).sort()).toEqual(grid.sort());
    // x² + y² < 2: the origin and the four axis neighbours.
    expect(full.targets.filter((y) => y[0]!.toNumber() === 1)).toHaveLength(5);
    const wide = diskDataset({ points: 23 * 23, range: 11, radiusSquared: 4, seed: 2 });
    expect(new Set(keys(wide.inputs)).size).toBe(23 * 23);
  });
});
