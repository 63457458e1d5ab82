import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../claims/errors.ts';

/** The nearest existing ancestor must be a folder, or nothing can be created below it. */
function requireCreatableBelow(path: string, flag: string, given: string): void {
  let parent = dirname(path);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) throw new InputError(`${flag} ${given}: cannot be created (${parent} is not a folder)`);
}

/**
 * Checks before any work that an output folder can be written: it is a folder or can be created.
 * A run that fails only when writing its results would waste the run and say so too late.
 */
export function requireOutputFolder(path: string, flag: string, given: string): void {
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new InputError(`${flag} ${given}: exists and is not a folder`);
    return;
  }
  requireCreatableBelow(path, flag, given);
}

/** The same for an output file: not an existing folder, and its folder can be created. */
export function requireOutputFile(path: string, flag: string, given: string): void {
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`${flag} ${given}: is a folder, not a file`);
  requireCreatableBelow(path, flag, given);
}
