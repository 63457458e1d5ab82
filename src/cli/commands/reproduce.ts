import { weakestBasis } from '../../claims/basis.ts';
import type { ReproductionCheck } from '../../claims/claim.ts';
import { claimParameters } from '../../claims/claim.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { InputError } from '../../claims/errors.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import { runReproduction } from '../../claims/reproduction-runner.ts';
import type { CheckResult } from '../../claims/result.ts';
import { combineVerdicts } from '../../claims/verdict.ts';
import { formatValue } from '../../report/format-value.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import {
  describeParameters,
  parameterOptionSpecs,
  parameterValues,
  positionalsBeforeClaimOptions,
  withParameterHint,
} from '../claim-parameters.ts';
import { HELP } from '../help.ts';
import { loadClaimFor } from '../load-claim.ts';
import type { ParsedArgs } from '../options.ts';
import { flag, isolationLimitsOf, listOption, parseCommandArgs, SOURCE_OPTIONS, stringOption } from '../options.ts';
import { UsageError } from '../usage-error.ts';

const REPRODUCE_OPTIONS = { ...SOURCE_OPTIONS, json: { type: 'boolean' as const } };

/**
 * `landscape-check reproduce ID [--json] [--PARAMETER N]…`: the claim's own parameters are options
 * too, so the command line is read twice: once for the claim ID, then strictly with the options of
 * that claim (an unknown option is still a usage error).
 */
export async function reproduceCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const early = positionalsBeforeClaimOptions(argv, REPRODUCE_OPTIONS);
  const positionals = early.positionals;
  if (positionals.length === 0) throw new UsageError('missing claim ID', 'reproduce');
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[1])}`, 'reproduce');
  const id = positionals[0]!;
  const claim = await loadClaimFor(io.cwd, id, listOption(early.values, 'claims'), stringOption(early.values, 'catalogue'), 'reproduce', isolationLimitsOf(early.values));
  const checks = claim.checks.filter((c): c is ReproductionCheck => c.kind === 'reproduction');
  if (checks.length === 0) throw new InputError(`reproduce ${id}: a ${claim.kind} without numbers to reproduce; use 'check --claim ${id}'`);
  const declared = claimParameters(claim);
  let values: ParsedArgs['values'];
  try {
    values = parseCommandArgs('reproduce', argv, { ...REPRODUCE_OPTIONS, ...parameterOptionSpecs(declared) }, { min: 1, max: 1, name: 'claim ID' }).values;
  } catch (error) {
    throw error instanceof UsageError ? withParameterHint(error, id, declared) : error;
  }
  const parameters = parameterValues(values, declared);
  const runs = await Promise.all(checks.map((check) => runReproduction(check, parameters)));
  const results = runs.map((r) => r.result);
  const verdict = combineVerdicts(claim.kind, results.map((r) => r.verdict));
  const basis = weakestBasis(results.map((r) => r.basis));
  if (flag(values, 'json')) {
    const tables = results.map((r) => ({ check: r.name, verdict: r.verdict, basis: r.basis, summary: r.summary, table: r.table ?? [] }));
    const data = reproductionData(runs.map((r, k) => ({ check: checks[k]!.name, data: r.data })));
    const withParameters = Object.keys(declared).length > 0 ? { parameters } : {};
    const withData = data === undefined ? {} : { data };
    io.out(prettyJson({ id, title: claim.title, verdict, basis, ...withParameters, ...withData, tables } as unknown as JsonValue));
  } else {
    io.out(`${id} — ${claim.title}\n${claim.statement}\n\n`);
    if (Object.keys(declared).length > 0) {
      io.out(`Parameters: ${Object.entries(parameters).map(([name, v]) => `--${name} ${v}`).join(' ')}\n\n`);
    }
    for (const r of results) io.out(formatTable(r));
    io.out(`${verdict} (${basis})\n`);
  }
  return EXIT.ok;
}

/** The "data" of `--json`: the data of the one check that has any, or {check name: data} for several. */
export function reproductionData(runs: readonly { check: string; data: JsonValue | undefined }[]): JsonValue | undefined {
  const present = runs.filter((r): r is { check: string; data: JsonValue } => r.data !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0]!.data;
  return Object.fromEntries(present.map((r) => [r.check, r.data]));
}

/** `reproduce --help`, with the parameters of the claim when the command line names one. */
export async function reproduceHelp(argv: readonly string[], io: CliIo): Promise<string> {
  const general = HELP.reproduce!;
  try {
    const early = positionalsBeforeClaimOptions(argv, REPRODUCE_OPTIONS);
    const id = early.positionals[0];
    if (id === undefined) return general;
    const claim = await loadClaimFor(io.cwd, id, listOption(early.values, 'claims'), stringOption(early.values, 'catalogue'), 'reproduce', isolationLimitsOf(early.values));
    const lines = describeParameters(claimParameters(claim));
    return `${general}\nParameters of ${id}:\n${lines.length > 0 ? lines.join('\n') : '  (none)'}\n`;
  } catch {
    return general; // help never fails: an unknown claim just shows the general text
  }
}

function formatTable(result: CheckResult): string {
  const header = ['quantity', 'paper', 'computed', 'match'];
  const rows = (result.table ?? []).map((t) => [
    t.quantity,
    formatValue(t.paper, { readable: true }),
    formatValue(t.computed, { readable: true }),
    `${t.match ? 'yes' : 'NO'}${t.tolerance !== undefined ? ` (±${t.tolerance})` : ''}${t.relation !== undefined ? ` (${t.relation})` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const title = result.name === 'reproduce' ? '' : `${result.name}\n`;
  const body = rows.length > 0 ? [line(header), ...rows.map(line)].join('\n') : result.summary;
  return `${title}${body}\n\n`;
}
