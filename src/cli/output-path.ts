import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError, messageOf } from '../claims/errors.ts';

/** The nearest existing ancestor of a path that does not exist yet. */
function nearestExisting(path: string): string {
  let parent = dirname(path);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  return parent;
}

/** The nearest existing ancestor must be a folder, or nothing can be created below it. */
function requireCreatableBelow(path: string, flag: string, given: string): void {
  const parent = nearestExisting(path);
  if (!statSync(parent).isDirectory()) throw new InputError(`${flag} ${given}: cannot be created (${parent} is not a folder)`);
  requireWritable(parent, flag, given);
}

/**
 * Creates and removes a probe file in `dir`: permissions, a read-only file system or a full disk
 * show here, before the run, and not as a crash after it (access() would not do: root passes it).
 */
function requireWritable(dir: string, flag: string, given: string): void {
  const probe = join(dir, `.landscape-check-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    throw new InputError(`${flag} ${given}: cannot write in ${dir} (${messageOf(error)})`);
  }
  rmSync(probe, { force: true });
}

/**
 * Checks before any work that an output folder can be written: it is a folder or can be created.
 * A run that fails only when writing its results would waste the run and say so too late.
 */
export function requireOutputFolder(path: string, flag: string, given: string): void {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new InputError(`${flag} ${given}: exists and is not a folder`);
    requireWritable(path, flag, given);
    return;
  }
  requireCreatableBelow(path, flag, given);
}

/** The same for an output file: not an existing folder, and its folder can be written (files are replaced by a rename there). */
export function requireOutputFile(path: string, flag: string, given: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`${flag} ${given}: is a folder, not a file`);
  if (existsSync(dirname(path))) {
    if (!statSync(dirname(path)).isDirectory()) throw new InputError(`${flag} ${given}: cannot be created (${dirname(path)} is not a folder)`);
    requireWritable(dirname(path), flag, given);
    return;
  }
  requireCreatableBelow(path, flag, given);
}
