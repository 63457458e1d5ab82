import { describe, expect, it } from 'vitest';
import { patternKey, patternsEqual, resolveBreakpoints, unitPattern, type DatasetPattern } from '../../src/network/pattern.ts';

// Two points, two layers (two hidden units, one output). Positions: 2k inside piece k, 2k+1 on t_k.
const pattern: DatasetPattern = [
  [[0, 1], [2]],
  [[3, 2], [1]],
];

describe('dataset patterns', () => {
  it('resolving a breakpoint moves it to the neighbouring piece on the chosen side', () => {
    // 1 (on t_0) → piece 0 (position 0) on the left, piece 1 (position 2) on the right; 3 (on t_1) → 2 or 4.
    expect(resolveBreakpoints(pattern, 'left')).toEqual([
      [[0, 0], [2]],
      [[2, 2], [0]],
    ]);
    expect(resolveBreakpoints(pattern, 'right')).toEqual([
      [[0, 2], [2]],
      [[4, 2], [2]],
    ]);
  });

  it('unitPattern reads one unit across the points, and names a unit that does not exist', () => {
    expect(unitPattern(pattern, 0, 1)).toEqual([1, 2]);
    expect(unitPattern(pattern, 1, 0)).toEqual([2, 1]);
    expect(() => unitPattern(pattern, 1, 1)).toThrow('pattern of point 0 has no unit 1 in layer 1');
    expect(() => unitPattern(pattern, 2, 0)).toThrow('pattern of point 0 has no unit 0 in layer 2');
    expect(unitPattern([], 0, 0)).toEqual([]);
  });

  it('the key separates units by ",", layers by "/" and points by "|"', () => {
    expect(patternKey(pattern)).toBe('0,1/2|3,2/1');
    // The same positions grouped differently are different patterns.
    expect(patternsEqual([[[0, 2]]], [[[0], [2]]])).toBe(false);
    expect(patternsEqual([[[0], [2]]], [[[0]], [[2]]])).toBe(false);
    expect(patternsEqual([[[0, 2]]], [[[0, 2]]])).toBe(true);
  });
});
