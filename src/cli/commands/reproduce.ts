import { weakestBasis } from '../../claims/basis.ts';
import type { ReproductionCheck } from '../../claims/claim.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { InputError } from '../../claims/errors.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import { runReproductionCheck } from '../../claims/reproduction-runner.ts';
import type { CheckResult } from '../../claims/result.ts';
import { combineVerdicts } from '../../claims/verdict.ts';
import { formatValue } from '../../report/format-value.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { loadRegistryFor } from '../load-registry.ts';
import { flag, listOption, parseCommandArgs, SOURCE_OPTIONS, stringOption } from '../options.ts';

export async function reproduceCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'reproduce',
    argv,
    { ...SOURCE_OPTIONS, json: { type: 'boolean' } },
    { min: 1, max: 1, name: 'claim ID' },
  );
  const id = positionals[0]!;
  const registry = await loadRegistryFor(io.cwd, listOption(values, 'claims'), stringOption(values, 'catalogue'));
  const claim = registry.find(id);
  if (claim === undefined) {
    const why = registry.notImplemented.includes(id) ? 'in the catalogue but not implemented yet' : "no such claim (see 'landscape-check list')";
    throw new InputError(`reproduce ${id}: ${why}`);
  }
  const checks = claim.checks.filter((c): c is ReproductionCheck => c.kind === 'reproduction');
  if (checks.length === 0) throw new InputError(`reproduce ${id}: a ${claim.kind} without numbers to reproduce; use 'check --claim ${id}'`);
  const results = checks.map(runReproductionCheck);
  const verdict = combineVerdicts(claim.kind, results.map((r) => r.verdict));
  const basis = weakestBasis(results.map((r) => r.basis));
  if (flag(values, 'json')) {
    const tables = results.map((r) => ({ check: r.name, verdict: r.verdict, basis: r.basis, summary: r.summary, table: r.table ?? [] }));
    io.out(prettyJson({ id, title: claim.title, verdict, basis, tables } as unknown as JsonValue));
  } else {
    io.out(`${id} — ${claim.title}\n${claim.statement}\n\n`);
    for (const r of results) io.out(formatTable(r));
    io.out(`${verdict} (${basis})\n`);
  }
  return EXIT.ok;
}

function formatTable(result: CheckResult): string {
  const header = ['quantity', 'paper', 'computed', 'match'];
  const rows = (result.table ?? []).map((t) => [
    t.quantity,
    formatValue(t.paper),
    formatValue(t.computed),
    `${t.match ? 'yes' : 'NO'}${t.tolerance !== undefined ? ` (±${t.tolerance})` : ''}${t.relation !== undefined ? ` (${t.relation})` : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const title = result.name === 'reproduce' ? '' : `${result.name}\n`;
  const body = rows.length > 0 ? [line(header), ...rows.map(line)].join('\n') : result.summary;
  return `${title}${body}\n\n`;
}
