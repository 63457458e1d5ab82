/** Distinct reasons kept per kind; later new reasons are counted together, so memory stays bounded however long the run. */
export const MAX_REASONS = 32;

/** Where reasons beyond the first MAX_REASONS distinct ones are counted. */
export const OTHER_REASONS = '(other reasons)';

/**
 * Counts of what the evaluations of a check found while searching (shrinking is not counted).
 * Only counters are kept, never the cases themselves: a run of any length uses the same memory.
 */
export class CaseStatistics {
  passed = 0;
  discarded = 0;
  undecided = 0;
  /** Failures the second route contradicted. */
  contradicted = 0;
  /** Failures the second route could not decide. */
  unconfirmed = 0;
  readonly discardReasons = new Map<string, number>();
  readonly undecidedReasons = new Map<string, number>();

  /** Cases evaluated within the hypotheses. */
  get checked(): number {
    return this.passed + this.undecided + this.contradicted + this.unconfirmed;
  }

  pass(): void {
    this.passed++;
  }

  discard(reason: string): void {
    this.discarded++;
    count(this.discardReasons, reason);
  }

  contradict(): void {
    this.contradicted++;
  }

  unconfirm(): void {
    this.unconfirmed++;
  }

  undecide(reason: string): void {
    this.undecided++;
    count(this.undecidedReasons, reason);
  }
}

function count(reasons: Map<string, number>, reason: string): void {
  const key = reasons.has(reason) || reasons.size < MAX_REASONS ? reason : OTHER_REASONS;
  reasons.set(key, (reasons.get(key) ?? 0) + 1);
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
