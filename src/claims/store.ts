import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { CLAIM_ID } from './claim.ts';
import { canonicalJson } from './codec.ts';
import type { CounterexampleRecord } from './counterexample-file.ts';
import { parseCounterexample, recordJson } from './counterexample-file.ts';
import { InputError } from './errors.ts';
import { readInputText } from './input-file.ts';
import { prettyJson } from './pretty-json.ts';
import { shortHash } from './seed.ts';

/** A counterexample file read from the store, validated. */
export interface StoredCounterexample {
  readonly file: string;
  /** The file's path relative to the working directory, with '/' separators (as reported). */
  readonly display: string;
  readonly record: CounterexampleRecord;
}

/** Files at the top of the store that are not counterexamples. */
const STORE_DOCUMENTS = new Set(['schema.json', 'README.md']);

/**
 * The counterexample database: counterexamples/<paper>/<claim-name>/<hash>.json, where the hash
 * is taken over the check name and the exact instance, so one witness is stored once.
 */
export class CounterexampleStore {
  constructor(
    readonly root: string,
    readonly cwd: string = process.cwd(),
  ) {}

  display(file: string): string {
    return relative(this.cwd, file).split(sep).join('/');
  }

  directoryFor(claimId: string): string {
    const m = CLAIM_ID.exec(claimId);
    if (m === null) throw new InputError(`not a claim id: ${JSON.stringify(claimId)}`);
    return join(this.root, m[1]!, m[2]!);
  }

  fileFor(record: Pick<CounterexampleRecord, 'claim' | 'check' | 'instance'>): string {
    const name = shortHash(`${record.check}\n${canonicalJson(record.instance)}`);
    return join(this.directoryFor(record.claim), `${name}.json`);
  }

  /** Every counterexample file of the store, sorted; anything else found there is an error, never skipped. */
  list(): string[] {
    if (!existsSync(this.root)) return [];
    const files: string[] = [];
    const walk = (dir: string, depth: number): void => {
      for (const name of readdirSync(dir).sort()) {
        if (name.startsWith('.')) continue; // temporary files of an interrupted write
        const path = join(dir, name);
        if (depth === 0 && STORE_DOCUMENTS.has(name)) continue;
        if (statSync(path).isDirectory()) {
          if (depth < 2) walk(path, depth + 1);
          else throw new InputError(`${this.display(path)}: unexpected folder in the counterexample store`);
        } else if (depth === 2 && name.endsWith('.json')) files.push(path);
        else {
          throw new InputError(
            `${this.display(path)}: unexpected file in the counterexample store (expected counterexamples/<paper>/<claim>/<name>.json)`,
          );
        }
      }
    };
    walk(this.root, 0);
    return files;
  }

  /** The stored files of one claim, sorted. */
  filesFor(claimId: string): string[] {
    const dir = this.directoryFor(claimId);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
      .sort()
      .map((name) => join(dir, name));
  }

  /** Reads and validates one file; its claim must match the folder it is stored in. */
  read(file: string): StoredCounterexample {
    const display = this.display(file);
    const record = parseCounterexample(readInputText(file, display), display);
    const parts = relative(this.root, file).split(sep);
    if (parts.length === 3 && `${parts[0]}/${parts[1]}` !== record.claim) {
      throw new InputError(`${display}: field "claim" is ${JSON.stringify(record.claim)} but the file is stored under ${parts[0]}/${parts[1]}`);
    }
    return { file, display, record };
  }

  readFor(claimId: string): StoredCounterexample[] {
    return this.filesFor(claimId).map((file) => this.read(file));
  }

  /** Rewrites a stored file with a record of the same check and instance (e.g. with a fresh confirmation). */
  replace(stored: StoredCounterexample, record: CounterexampleRecord): StoredCounterexample {
    if (this.fileFor(record) !== stored.file) throw new InputError(`${stored.display}: a refreshed record must keep its check and instance`);
    writeFileAtomic(stored.file, prettyJson(recordJson(record)));
    return { file: stored.file, display: stored.display, record };
  }

  /** Stores a refutation unless the same witness is already stored; returns where it is. */
  write(record: CounterexampleRecord): StoredCounterexample {
    const file = this.fileFor(record);
    if (!existsSync(file)) writeFileAtomic(file, prettyJson(recordJson(record)));
    return { file, display: this.display(file), record };
  }
}
