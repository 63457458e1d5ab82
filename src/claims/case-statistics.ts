/** Counts of what the evaluations of a check found while searching (shrinking is not counted). */
export class CaseStatistics {
  passed = 0;
  discarded = 0;
  undecided = 0;
  readonly discardReasons = new Map<string, number>();
  readonly undecidedReasons = new Map<string, number>();

  /** Cases evaluated within the hypotheses. */
  get checked(): number {
    return this.passed + this.undecided;
  }

  pass(): void {
    this.passed++;
  }

  discard(reason: string): void {
    this.discarded++;
    this.discardReasons.set(reason, (this.discardReasons.get(reason) ?? 0) + 1);
  }

  undecide(reason: string): void {
    this.undecided++;
    this.undecidedReasons.set(reason, (this.undecidedReasons.get(reason) ?? 0) + 1);
  }
}

/** Reasons sorted by count (then text) so that reports are deterministic. */
export function reasonsRecord(reasons: ReadonlyMap<string, number>): Record<string, number> {
  const entries = [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return Object.fromEntries(entries);
}

export function describeReasons(reasons: ReadonlyMap<string, number>): string {
  return Object.entries(reasonsRecord(reasons))
    .map(([reason, n]) => `${n}× ${reason}`)
    .join('; ');
}
