import { describe, expect, it } from 'vitest';
import type { Sign } from '../../src/geometry/pattern.ts';
import { insidePiece } from '../../src/network/activation.ts';
import { adjacentRegionCount, adjacentRegions, regionToPattern } from '../../src/landscape/adjacent-regions.ts';

describe('adjacent regions', () => {
  it('count the product of the per-unit cell counts, as many as are enumerated', () => {
    const cellsByUnit: Sign[][][] = [
      [[1], [-1]],
      [[1], [-1], [0]],
    ];
    expect(adjacentRegionCount(cellsByUnit)).toBe(6);
    expect([...adjacentRegions(cellsByUnit)]).toHaveLength(6);
    // No unit: one (empty) region.
    expect(adjacentRegionCount([])).toBe(1);
  });
});

describe('regionToPattern', () => {
  it('puts sign +1 in the positive piece and −1 and 0 in the other; the output has one piece', () => {
    // One unit, samples with signs +1, −1, 0.
    expect(regionToPattern([[1, -1, 0]], 2)).toEqual([
      [[insidePiece(1)], [insidePiece(0)]],
      [[insidePiece(0)], [insidePiece(0)]],
      [[insidePiece(0)], [insidePiece(0)]],
    ]);
  });

  it('uses piece 0 throughout for a hidden activation without breakpoint', () => {
    expect(regionToPattern([[1, -1], [1, 1]], 1)).toEqual([
      [[insidePiece(0), insidePiece(0)], [insidePiece(0)]],
      [[insidePiece(0), insidePiece(0)], [insidePiece(0)]],
    ]);
  });

  it('has one entry per sample, none for an empty region', () => {
    expect(regionToPattern([], 2)).toEqual([]);
  });
});
