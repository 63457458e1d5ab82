import { Rational } from '../numbers/rational.ts';
import type { ParameterValues, QuantityRow, ReproductionCheck } from './claim.ts';
import { defaultParameters } from './claim.ts';
import type { JsonValue } from './codec.ts';
import { canonicalJson, encodeWitness, looksRational } from './codec.ts';
import { messageOf } from './errors.ts';
import { confirmationRecord, describeConfirmation, settleConfirmation } from './evaluation.ts';
import type { CheckResult, TableRow } from './result.ts';

/** Computes an example's quantities (parameters at their defaults) and compares each with the paper's value. */
export async function runReproductionCheck(check: ReproductionCheck): Promise<CheckResult> {
  return (await runReproduction(check, defaultParameters(check.parameters ?? {}))).result;
}

/** A reproduction's result and the machine-readable data it computed (absent when it has none or failed). */
export interface ReproductionRun {
  readonly result: CheckResult;
  readonly data?: JsonValue;
}

/**
 * Runs a reproduction with the given parameter values (each declared parameter must have one). Rows
 * that differ from the paper count as a difference only when the check's second route confirms them.
 */
export async function runReproduction(check: ReproductionCheck, parameters: ParameterValues): Promise<ReproductionRun> {
  const base = { name: check.name, kind: 'reproduction' as const, basis: check.basis, runs: 1 };
  let rows: QuantityRow[];
  let data: JsonValue | undefined;
  try {
    const reproduction = check.reproduce(parameters);
    if (typeof reproduction !== 'object' || reproduction === null || !Array.isArray(reproduction.values)) {
      throw new Error('reproduce() must return { values: [{ quantity, paper, computed }, …] }');
    }
    rows = [...reproduction.values];
    data = reproduction.data;
  } catch (error) {
    return { result: { ...base, verdict: 'inconclusive', summary: `error: ${messageOf(error)}` } };
  }
  const withData = data === undefined ? {} : { data };
  if (rows.length === 0) return { result: { ...base, verdict: 'inconclusive', summary: 'the reproduction compares no quantity' }, ...withData };
  let table: TableRow[];
  try {
    table = rows.map(compareRow);
  } catch (error) {
    return { result: { ...base, verdict: 'inconclusive', summary: `error: ${messageOf(error)}` }, ...withData };
  }
  const differing = table.filter((row) => !row.match);
  if (differing.length === 0) {
    return { result: { ...base, verdict: 'reproduced', summary: `all ${table.length} quantities match the paper`, table }, ...withData };
  }
  const names = differing.map((row) => row.quantity).join(', ');
  const summary = `${differing.length} of ${table.length} quantities differ from the paper: ${names}`;
  const confirmation = check.confirm === undefined ? null : await settleConfirmation(() => check.confirm!(differing, data));
  const record = confirmation === null ? {} : { confirmation: confirmationRecord(confirmation) };
  if (confirmation?.status !== 'confirmed') {
    const why = `${summary}, but not counted as a difference: ${describeConfirmation(confirmation)}`;
    return { result: { ...base, verdict: 'inconclusive', summary: why, table, ...record }, ...withData };
  }
  return { result: { ...base, verdict: 'differs', summary: `${summary}; ${describeConfirmation(confirmation)}`, table, ...record }, ...withData };
}

/** One table line: equal exactly (numbers compared as Rationals), within the tolerance, or by the row's relation. */
export function compareRow(row: QuantityRow): TableRow {
  if (typeof row.quantity !== 'string' || row.quantity === '') throw new Error('every row needs a quantity name');
  const tolerance = row.tolerance === undefined ? null : toleranceOf(row);
  let match: boolean;
  if (row.compare !== undefined) {
    match = row.compare(row.paper, row.computed) === true;
  } else {
    match = valuesMatch(row.paper, row.computed, tolerance);
  }
  return {
    quantity: row.quantity,
    paper: encodeWitness(row.paper),
    computed: encodeWitness(row.computed),
    match,
    ...(row.relation !== undefined ? { relation: row.relation } : row.compare !== undefined ? { relation: 'custom' } : {}),
    ...(tolerance !== null ? { tolerance: tolerance.toString() } : {}),
  };
}

function toleranceOf(row: QuantityRow): Rational {
  const t = asRational(row.tolerance);
  if (t === null || t.sign() < 0) throw new Error(`row '${row.quantity}': tolerance must be a non-negative number`);
  return t;
}

/**
 * A value read as an exact Rational when it is numeric: Rationals, bigints, numeric strings, and
 * numbers through their shortest decimal text (so 0.1 written in a claim means 1/10).
 */
export function asRational(value: unknown): Rational | null {
  if (value instanceof Rational) return value;
  if (typeof value === 'bigint') return Rational.of(value);
  if (typeof value === 'number') return Number.isFinite(value) ? Rational.parse(String(value)) : null;
  if (typeof value === 'string' && looksRational(value)) return Rational.parse(value);
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Rational);
}

/** Matrices (anything with `toArrays()`) compare by their rows. */
function rowsOf(value: unknown): unknown {
  const m = value as { toArrays?: unknown } | null;
  return typeof m === 'object' && m !== null && typeof m.toArrays === 'function' ? (m.toArrays as () => unknown).call(m) : value;
}

export function valuesMatch(paperValue: unknown, computedValue: unknown, tolerance: Rational | null): boolean {
  const paper = rowsOf(paperValue);
  const computed = rowsOf(computedValue);
  const a = asRational(paper);
  const b = asRational(computed);
  if (a !== null && b !== null) return tolerance === null ? a.equals(b) : a.sub(b).abs().le(tolerance);
  if (Array.isArray(paper) && Array.isArray(computed)) {
    return paper.length === computed.length && paper.every((p, i) => valuesMatch(p, computed[i], tolerance));
  }
  if (isRecord(paper) && isRecord(computed) && Object.getPrototypeOf(paper) === Object.prototype) {
    const keys = Object.keys(paper);
    return (
      keys.length === Object.keys(computed).length &&
      keys.every((k) => k in computed && valuesMatch(paper[k], computed[k], tolerance))
    );
  }
  return canonicalJson(encodeWitness(paper)) === canonicalJson(encodeWitness(computed));
}
