import { Matrix } from '../linalg/matrix.ts';
import { RationalField } from '../numbers/rational-field.ts';
import { Rational } from '../numbers/rational.ts';

/** A small seeded generator (mulberry32): the benchmark matrices are the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Entries p/q with |p| ≤ 5 and 1 ≤ q ≤ 3: small, so that growth comes from the kernel, not the input. */
export function smallEntry(random: () => number): Rational {
  return Rational.of(Math.floor(random() * 11) - 5, 1 + Math.floor(random() * 3));
}

export function randomRationalMatrix(random: () => number, rows: number, cols: number): Matrix<Rational> {
  return Matrix.build(RationalField, rows, cols, () => smallEntry(random));
}
