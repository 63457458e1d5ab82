import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../claims/atomic-write.ts';
import type { CounterexampleRecord } from '../../claims/counterexample-file.ts';
import { parseCounterexample, recordJson } from '../../claims/counterexample-file.ts';
import { readInputText } from '../../claims/input-file.ts';
import type { JsonValue } from '../../claims/codec.ts';
import { InputError } from '../../claims/errors.ts';
import { prettyJson } from '../../claims/pretty-json.ts';
import { replayCounterexample } from '../../claims/runner.ts';
import { libraryVersion } from '../../claims/paths.ts';
import type { ConfirmationRecord } from '../../claims/result.ts';
import type { StoredCounterexample } from '../../claims/store.ts';
import { CounterexampleStore } from '../../claims/store.ts';
import { formatNamedValues } from '../../report/format-value.ts';
import type { CliIo } from '../io.ts';
import { EXIT } from '../io.ts';
import { loadRegistryFor } from '../load-registry.ts';
import { flag, isolationLimitsOf, listOption, parseCommandArgs, SOURCE_OPTIONS, stringOption } from '../options.ts';

/** The confirmation in readable lines (the SMT query, if any, last and verbatim). */
function formatConfirmation(c: ConfirmationRecord | null): string[] {
  if (c === null) return ['(none)'];
  const lines = [`${c.status} by ${c.route}${c.reason !== undefined ? `: ${c.reason}` : ''}`];
  const evidence = c.evidence;
  if (typeof evidence === 'object' && evidence !== null && !Array.isArray(evidence)) {
    const { query, ...rest } = evidence as Record<string, JsonValue>;
    lines.push(...formatNamedValues(rest, { readable: true }));
    if (typeof query === 'string') lines.push('query:', ...query.trimEnd().split('\n').map((l) => `  ${l}`));
  }
  return lines;
}

function asWitnessRecord(w: JsonValue | null): { readonly [name: string]: JsonValue } {
  return typeof w === 'object' && w !== null && !Array.isArray(w) ? w : { value: w };
}

export async function replayCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    'replay',
    argv,
    { ...SOURCE_OPTIONS, json: { type: 'boolean' }, refresh: { type: 'boolean' } },
    { min: 1, max: 1, name: 'counterexample FILE' },
  );
  const file = resolve(io.cwd, positionals[0]!);
  if (!existsSync(file)) throw new InputError(`replay ${positionals[0]}: no such file`);
  const display = relative(io.cwd, file).split(sep).join('/') || file;
  const standalone = parseCounterexample(readInputText(file, display), display);
  // Inside a store (<root>/<paper>/<claim>/<name>.json) the file is read as the store reads it; a
  // witness file kept anywhere else (mailed, attached to a review) is replayed on its own.
  const inStore = `${basename(dirname(dirname(file)))}/${basename(dirname(file))}` === standalone.claim;
  const store = inStore ? new CounterexampleStore(dirname(dirname(dirname(file))), io.cwd) : null;
  const stored: StoredCounterexample = store !== null ? store.read(file) : { file, display, record: standalone };
  const registry = await loadRegistryFor(io.cwd, listOption(values, 'claims'), stringOption(values, 'catalogue'), isolationLimitsOf(values));
  const claim = registry.find(stored.record.claim);
  if (claim === undefined) {
    throw new InputError(`${stored.display}: claim ${stored.record.claim} is not loaded (for a user claim pass --claims PATH)`);
  }
  const replay = await replayCounterexample(claim, stored);
  const witness = replay.stillRefutes ? (replay.result.witness ?? null) : null;
  const { record } = stored;
  const confirmation = replay.stillRefutes ? (replay.result.confirmation ?? null) : null;
  const certificate = replay.stillRefutes ? (replay.result.certificate ?? null) : null;
  const refreshed = replay.stillRefutes && flag(values, 'refresh');
  if (refreshed) {
    const { $schema: _, ...kept } = record;
    const fresh: CounterexampleRecord = {
      ...kept,
      basis: replay.result.basis,
      witness: asWitnessRecord(witness),
      certificate: replay.result.certificate!,
      confirmation: replay.result.confirmation!,
      version: libraryVersion(),
    };
    if (store !== null) store.replace(stored, fresh);
    else writeFileAtomic(file, prettyJson(recordJson(fresh)));
  }
  if (flag(values, 'json')) {
    const output = {
      file: stored.display,
      claim: record.claim,
      check: record.check,
      basis: record.basis,
      instance: record.instance,
      storedWitness: record.witness,
      witness,
      certificate,
      confirmation,
      stillRefutes: replay.stillRefutes,
      ...(replay.stillRefutes ? {} : { reason: replay.reason }),
      ...(refreshed ? { refreshed } : {}),
    };
    io.out(prettyJson(output as JsonValue));
  } else {
    const indent = (lines: string[]): string => lines.map((l) => `  ${l}\n`).join('');
    io.out(
      `${stored.display}\n` +
        `claim      ${claim.id} — ${claim.title}\n` +
        `statement  ${claim.statement}\n` +
        `check      ${record.check} (${record.basis})\n` +
        `stored by  landscape-check ${record.version}, seed ${record.seed}, path ${record.path}\n\n` +
        `instance\n${indent(formatNamedValues(record.instance, { readable: true }))}\n`,
    );
    if (replay.stillRefutes) {
      io.out(`witness (recomputed now)\n${indent(formatNamedValues(witness ?? undefined, { readable: true }))}\n`);
      if (JSON.stringify(witness) !== JSON.stringify(record.witness)) {
        io.out(`witness as stored\n${indent(formatNamedValues(record.witness, { readable: true }))}\n`);
      }
      io.out(`confirmation\n${indent(formatConfirmation(confirmation))}\n`);
      io.out(`result: still refutes the claim${refreshed ? ' (file refreshed)' : ''}\n`);
    } else {
      io.out(`witness as stored\n${indent(formatNamedValues(record.witness, { readable: true }))}\n`);
      io.out(`result: NO LONGER REFUTES the claim: ${replay.reason}\n`);
    }
  }
  return replay.stillRefutes ? EXIT.ok : EXIT.changed;
}
