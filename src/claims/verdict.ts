/** The verdicts of the catalogue: theorems hold or are refuted, examples are reproduced or differ. */
export type Verdict = 'holds' | 'refuted' | 'inconclusive' | 'reproduced' | 'differs';

export const VERDICTS: readonly Verdict[] = ['holds', 'refuted', 'inconclusive', 'reproduced', 'differs'];

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

/**
 * The verdict of a claim from the verdicts of its checks: a refutation decides, then a differing
 * example, then any undecided check; only when every check succeeded does the claim hold (theorem)
 * or reproduce (example).
 */
export function combineVerdicts(kind: 'theorem' | 'example', verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('refuted')) return 'refuted';
  if (verdicts.includes('differs')) return 'differs';
  if (verdicts.length === 0 || verdicts.includes('inconclusive')) return 'inconclusive';
  return kind === 'theorem' ? 'holds' : 'reproduced';
}
