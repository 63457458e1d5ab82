/**
 * Place for the benchmark "decomposition/fig-3: enumeration time of the subglobal minima for
 * h = 1..10 hidden units, against a naive implementation". It needs the enumeration of
 * decomposition Fig. 3, which does not exist yet; until it does, this returns no numbers and the
 * table says so. When it exists: time it (and the naive version: every activation pattern of
 * every unit, each region's least-squares problem solved separately) for each h with
 * medianTimePerCall, and return one row per h.
 */
export interface Fig3EnumerationRow {
  readonly h: number;
  readonly enumerationMs: number;
  readonly naiveMs: number;
  /** Regions (activation patterns) enumerated. */
  readonly regions: number;
}

export type Fig3EnumerationBench =
  | { readonly available: true; readonly rows: readonly Fig3EnumerationRow[] }
  | { readonly available: false; readonly reason: string };

export function benchFig3Enumeration(_options: { readonly repetitions: number; readonly quick: boolean }): Fig3EnumerationBench {
  return { available: false, reason: 'not available yet: the decomposition/fig-3 enumeration does not exist yet' };
}
