import { existsSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.ts';
import { CLAIM_ID } from './claim.ts';
import { paperOf } from './catalogue.ts';
import { InputError } from './errors.ts';
import { withFileLock } from './file-lock.ts';
import { readInputText } from './input-file.ts';
import { parseStrictJson, quote, shorten } from './strict-json.ts';
import { prettyJson } from './pretty-json.ts';
import type { Verdict } from './verdict.ts';
import { isVerdict, VERDICTS } from './verdict.ts';

/** The committed verdicts (verdicts.json): claim ID → verdict. */
export type Baseline = Readonly<Record<string, Verdict>>;

/** A verdict that differs from the baseline; `before` is null for a claim the baseline does not know. */
export interface VerdictChange {
  readonly id: string;
  readonly before: Verdict | null;
  readonly after: Verdict;
}

export function readBaseline(file: string, displayName = file): Baseline {
  if (!existsSync(file)) throw new InputError(`${displayName}: no verdict baseline (write one with check --update-baseline)`);
  return parseBaseline(readInputText(file, displayName), displayName);
}

/** A baseline's text, strictly: no duplicate key (the gate must not depend on key order), IDs and verdicts only. */
export function parseBaseline(text: string, displayName: string): Baseline {
  const { value: data } = parseStrictJson(text, displayName, 2);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError(`${displayName}: expected an object mapping claim IDs to verdicts`);
  }
  for (const [id, verdict] of Object.entries(data)) {
    if (!CLAIM_ID.test(id)) throw new InputError(`${displayName}: field "${shorten(id)}" is not a claim ID`);
    if (!isVerdict(verdict)) {
      throw new InputError(`${displayName}: field "${id}" must be one of ${VERDICTS.join(', ')}, got ${quote(verdict)}`);
    }
  }
  return data as Baseline;
}

/** The verdicts of this run that differ from the baseline (claims not run are not compared). */
export function compareWithBaseline(results: readonly { id: string; verdict: Verdict }[], baseline: Baseline): VerdictChange[] {
  return results
    .filter((r) => baseline[r.id] !== r.verdict)
    .map((r) => ({ id: r.id, before: Object.hasOwn(baseline, r.id) ? baseline[r.id]! : null, after: r.verdict }));
}

/**
 * The baseline after a run: the verdicts of the claims it checked replace theirs; a complete run
 * (every claim of its registry, no shard) also drops the entries of its papers that it no longer
 * has. Entries of other papers (e.g. a user's claims beside the catalogue) are kept. Entries
 * follow `order` (catalogue order), then by ID.
 */
export function updateBaseline(
  baseline: Baseline,
  results: readonly { id: string; verdict: Verdict }[],
  options: { complete: boolean; order: readonly string[] },
): Baseline {
  const papers = new Set(results.map((r) => paperOf(r.id)));
  const kept = Object.entries(baseline).filter(([id]) => !options.complete || !papers.has(paperOf(id)));
  const merged = new Map<string, Verdict>(kept);
  for (const r of results) merged.set(r.id, r.verdict);
  const rank = (id: string): number => {
    const i = options.order.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const ids = [...merged.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(ids.map((id) => [id, merged.get(id)!]));
}

export function writeBaseline(file: string, baseline: Baseline): void {
  writeFileAtomic(file, prettyJson({ ...baseline }));
}

/**
 * Merges a run's verdicts into the baseline file under a lock: the file is read when the run
 * ends, not when it started, so two overlapping runs (say --paper liu and --paper he) both keep
 * their verdicts and a long run never restores entries another run has updated meanwhile.
 */
export async function mergeIntoBaselineFile(
  file: string,
  displayName: string,
  results: readonly { id: string; verdict: Verdict }[],
  options: { complete: boolean; order: readonly string[] },
): Promise<Baseline> {
  return withFileLock(file, displayName, () => {
    const current = existsSync(file) ? readBaseline(file, displayName) : {};
    const next = updateBaseline(current, results, options);
    writeBaseline(file, next);
    return next;
  });
}
