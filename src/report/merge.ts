import { isBasis } from '../claims/basis.ts';
import { CLAIM_ID } from '../claims/claim.ts';
import { InputError } from '../claims/errors.ts';
import { parseStrictJson } from '../claims/strict-json.ts';
import type { ClaimResult } from '../claims/result.ts';
import { parseShard } from '../claims/shard.ts';
import { isVerdict } from '../claims/verdict.ts';
import type { RunDescription } from './report-data.ts';

/** The report.json of one shard run (`report --shard i/n`), as read for merging. */
export interface ShardReport {
  /** How the file is named in messages. */
  readonly name: string;
  readonly run: RunDescription;
  readonly results: readonly ClaimResult[];
}

/** The run and the results of all shards together; the run is described as unsharded. */
export interface MergedShards {
  readonly run: RunDescription;
  readonly results: readonly ClaimResult[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a shard's report.json; anything else (a `check --json` output, a broken file) is an InputError naming the field. */
export function parseShardReport(text: string, name: string): ShardReport {
  // A report nests its results' details: a generous depth, but still a bound.
  const { value: data } = parseStrictJson(text, name, 512);
  if (!isObject(data)) throw new InputError(`${name}: expected a report.json object`);
  if (!isObject(data.run)) {
    const hint = Array.isArray(data.results) ? ' (this looks like check --json output: merge the report.json files of report --shard runs)' : '';
    throw new InputError(`${name}: field "run" is missing: not a report.json${hint}`);
  }
  if (!Array.isArray(data.results)) throw new InputError(`${name}: field "results" must be an array`);
  return { name, run: runOf(data.run, name), results: data.results.map((r, k) => resultOf(r, `${name}: results[${k}]`)) };
}

function runOf(run: JsonObject, name: string): RunDescription {
  const field = (key: string, ok: (v: unknown) => boolean, expected: string): void => {
    if (!ok(run[key])) throw new InputError(`${name}: field "run.${key}" must be ${expected}, got ${JSON.stringify(run[key])}`);
  };
  field('version', (v) => typeof v === 'string', 'a string');
  field('seed', Number.isSafeInteger, 'an integer');
  field('runs', (v) => Number.isSafeInteger(v) && (v as number) > 0, 'a positive integer');
  field('timeLimitSeconds', (v) => v === null || (typeof v === 'number' && v > 0), 'null or a positive number');
  field('shard', (v) => v === null || typeof v === 'string', 'null or "i/n"');
  if (typeof run.shard === 'string') {
    try {
      parseShard(run.shard);
    } catch {
      throw new InputError(`${name}: field "run.shard" must be "i/n" with 1 ≤ i ≤ n, got ${JSON.stringify(run.shard)}`);
    }
  }
  const { version, seed, runs, timeLimitSeconds, shard } = run as unknown as RunDescription;
  return { version, seed, runs, timeLimitSeconds, shard };
}

/** The fields a report row and the errata are built from; the rest of the detail is carried as it is. */
function resultOf(value: unknown, where: string): ClaimResult {
  if (!isObject(value)) throw new InputError(`${where} must be an object`);
  const field = (key: string, ok: (v: unknown) => boolean, expected: string): void => {
    if (!ok(value[key])) throw new InputError(`${where}.${key} must be ${expected}, got ${JSON.stringify(value[key])}`);
  };
  field('id', (v) => typeof v === 'string' && CLAIM_ID.test(v), 'a claim ID');
  field('paper', (v) => typeof v === 'string', 'a string');
  field('title', (v) => typeof v === 'string', 'a string');
  field('kind', (v) => v === 'theorem' || v === 'example', '"theorem" or "example"');
  field('verdict', isVerdict, 'a verdict');
  field('basis', isBasis, 'a basis');
  field('runs', Number.isSafeInteger, 'an integer');
  field('seed', Number.isSafeInteger, 'an integer');
  field('counterexample', (v) => v === null || typeof v === 'string', 'null or a file');
  field('durationMs', (v) => typeof v === 'number' && v >= 0, 'a non-negative number');
  field('detail', (v) => isObject(v) && typeof v.summary === 'string' && Array.isArray(v.checks), 'an object with summary and checks');
  return value as unknown as ClaimResult;
}

/**
 * Combines the reports of the shards of one run. Every shard must come from the same version,
 * seed, runs and time limit; shards must be i/n of the same n, each exactly once and all present,
 * and no claim may appear in two of them. Results keep the order of the files; the caller puts
 * them in catalogue order.
 */
export function mergeShardReports(shards: readonly ShardReport[]): MergedShards {
  const first = shards[0];
  if (first === undefined) throw new InputError('--merge needs at least one report.json');
  for (const shard of shards.slice(1)) {
    for (const key of ['version', 'seed', 'runs', 'timeLimitSeconds'] as const) {
      if (shard.run[key] !== first.run[key]) {
        throw new InputError(
          `${shard.name}: run.${key} ${JSON.stringify(shard.run[key])} differs from ${JSON.stringify(first.run[key])} in ${first.name}: only shards of one run can be merged`,
        );
      }
    }
  }
  checkShardLabels(shards);
  const where = new Map<string, string>();
  for (const shard of shards) {
    for (const result of shard.results) {
      const other = where.get(result.id);
      if (other !== undefined) throw new InputError(`overlapping shards: ${result.id} is in both ${other} and ${shard.name}`);
      where.set(result.id, shard.name);
    }
  }
  return { run: { ...first.run, shard: null }, results: shards.flatMap((s) => s.results) };
}

/** Shards i/n of one n, each once and none missing (a single unsharded report merges as itself). */
function checkShardLabels(shards: readonly ShardReport[]): void {
  if (shards.length === 1 && shards[0]!.run.shard === null) return;
  const seen = new Map<number, string>();
  let count: number | undefined;
  let countFrom = '';
  for (const shard of shards) {
    if (shard.run.shard === null) throw new InputError(`${shard.name}: not a shard (run without --shard), so it overlaps every other file`);
    const { index, count: n } = parseShard(shard.run.shard);
    if (count === undefined) [count, countFrom] = [n, shard.name];
    else if (n !== count) throw new InputError(`${shard.name}: shard ${shard.run.shard} is not of the ${count} shards of ${countFrom}`);
    const other = seen.get(index);
    if (other !== undefined) throw new InputError(`overlapping shards: shard ${index}/${n} is given twice, in ${other} and ${shard.name}`);
    seen.set(index, shard.name);
  }
  const missing = Array.from({ length: count! }, (_, k) => k + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new InputError(`missing shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
}
