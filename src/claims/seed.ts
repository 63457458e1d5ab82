import { createHash } from 'node:crypto';

/**
 * A seed for a claim (or a check) derived from the run's seed and its name: the same run seed
 * gives every claim the same seed whatever else is selected, sharded or added to the catalogue.
 */
export function deriveSeed(seed: number, label: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${label}`).digest();
  return digest.readUInt32BE(0) >>> 1; // non-negative 31-bit: fast-check takes it as is
}

/** Short content hash used to name stored files (same content, same name). */
export function shortHash(text: string, length = 12): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
