import { describe, expect, it } from 'vitest';
import { gaussian, seededRandom } from '../../src/landscape/rng.ts';

/** mulberry32 again, in unsigned 32-bit arithmetic on bigints. */
function reference(seed: number, count: number): number[] {
  const mask = (1n << 32n) - 1n;
  const mul = (a: bigint, b: bigint): bigint => (a * b) & mask;
  let s = BigInt(seed >>> 0);
  return Array.from({ length: count }, () => {
    s = (s + 0x6d2b79f5n) & mask;
    let t = mul(s ^ (s >> 15n), s | 1n);
    t = t ^ ((t + mul(t ^ (t >> 7n), t | 61n)) & mask);
    return Number(t ^ (t >> 14n)) / 2 ** 32;
  });
}

describe('seededRandom', () => {
  it('is mulberry32: the same sequence as an independent bigint implementation', () => {
    for (const seed of [0, 1, 5, 123456789, 2 ** 32 - 1]) {
      const random = seededRandom(seed);
      expect(Array.from({ length: 20 }, () => random())).toEqual(reference(seed, 20));
    }
  });
});

describe('gaussian', () => {
  it('is Box–Muller: √(−2 ln u)·cos(2πv)', () => {
    const draws = [0.5, 0.125];
    let k = 0;
    // u = ½, v = ⅛: √(2 ln 2)·cos(π/4) = √(ln 2).
    expect(gaussian(() => draws[k++]!)).toBeCloseTo(Math.sqrt(Math.LN2), 12);
  });
});
