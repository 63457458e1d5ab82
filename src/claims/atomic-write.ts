import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError, messageOf } from './errors.ts';

/** Writes a file so that readers see the old content or the new one, never half of it. */
export function writeFileAtomic(file: string, text: string): void {
  const dir = dirname(file);
  const temporary = join(dir, `.${basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    // Output folders are checked before a run; a disk that fills or turns read-only meanwhile is reported, not a crash.
    throw new InputError(`cannot write ${file} (${messageOf(error)})`);
  }
}
