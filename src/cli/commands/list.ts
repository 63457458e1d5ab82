import { paperOf } from '../../claims/catalogue.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import type { ClaimIndex } from '../../claims/claim-index.ts';
import { readClaimIndex } from '../../claims/claim-index.ts';
import { InputError } from '../../claims/errors.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { loadRegistryFor } from '../load-registry.ts';
import { flag, isolationLimitsOf, listOption, parseCommandArgs, SOURCE_OPTIONS, stringOption } from '../options.ts';

export async function listCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('list', argv, { ...SOURCE_OPTIONS, json: { type: 'boolean' }, paper: { type: 'string' } }, { min: 0, max: 0 });
  const builtIn = listOption(values, 'claims').length === 0 && stringOption(values, 'catalogue') === undefined;
  // The built-in claims are listed from the index written at build time: no module is loaded.
  const registry: ClaimIndex = (builtIn ? readClaimIndex() : null) ?? (await loadRegistryFor(io.cwd, listOption(values, 'claims'), stringOption(values, 'catalogue'), isolationLimitsOf(values)));
  const paper = stringOption(values, 'paper');
  const papers = [...new Set([...registry.claims.map((c) => c.paper), ...registry.notImplemented.map(paperOf)])];
  if (paper !== undefined && !papers.includes(paper)) throw new InputError(`--paper ${paper}: no such paper (known: ${papers.join(', ')})`);
  const claims = registry.claims.filter((c) => paper === undefined || c.paper === paper);
  if (flag(values, 'json')) {
    const list = claims.map((c) => ({ id: c.id, paper: c.paper, title: c.title, statement: c.statement, kind: c.kind }));
    io.out(prettyJson(list as JsonValue));
    return EXIT.ok;
  }
  const width = Math.max(0, ...claims.map((c) => c.id.length)) + 2;
  for (const c of claims) io.out(`${c.id.padEnd(width)}${c.kind.padEnd(9)}${c.title}\n`);
  const missing = registry.notImplemented.filter((id) => paper === undefined || paperOf(id) === paper);
  const total = claims.length + missing.length;
  io.out(`${claims.length} claim${claims.length === 1 ? '' : 's'}${missing.length > 0 ? ` (${missing.length} of ${total} catalogue IDs not implemented yet)` : ''}\n`);
  return EXIT.ok;
}
