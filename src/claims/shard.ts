import { InputError } from './errors.ts';

/** Shard i of n (1-based), as in `--shard 2/4`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard ${JSON.stringify(text)}: expected i/n with 1 ≤ i ≤ n, e.g. 1/4`);
  }
  return { index, count };
}

/** The items of shard i of n: every n-th item starting at the i-th, so shards are disjoint and cover all. */
export function applyShard<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, k) => k % shard.count === shard.index - 1);
}
