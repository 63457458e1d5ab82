import type { JsonValue } from './codec.ts';

const LARGEST_EXACT = 2n ** 53n;

/**
 * A count for machine-readable output: a JSON number while it is at most 2^53 in size (every
 * reader gets it exactly as a double), else its decimal digits as a string.
 */
export function jsonCount(n: bigint): JsonValue {
  return n <= LARGEST_EXACT && n >= -LARGEST_EXACT ? Number(n) : n.toString();
}
