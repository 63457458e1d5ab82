import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { InputError } from './errors.ts';

/** How long a run waits for another run's lock on the same file before it gives up. */
export const LOCK_WAIT_MS = 60_000;
const POLL_MS = 50;

/**
 * Runs `update` while holding `<file>.lock` (created exclusively, holding our pid). A lock whose
 * process no longer exists is taken over; one held longer than LOCK_WAIT_MS by a live process is
 * an error naming the lock file.
 */
export async function withFileLock<T>(file: string, displayName: string, update: () => T): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const fd = tryCreate(lock);
    if (fd !== null) {
      try {
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return update();
      } finally {
        rmSync(lock, { force: true });
      }
    }
    if (holderIsGone(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new InputError(`${displayName}: locked by another run for more than ${LOCK_WAIT_MS / 1000} s (${lock}; delete it if no run is writing)`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function tryCreate(lock: string): number | null {
  try {
    return openSync(lock, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
}

/** The lock's process has ended (killed before it could remove the lock). A lock being written (no pid yet) is live. */
function holderIsGone(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(lock, 'utf8');
  } catch {
    return false; // removed meanwhile: the next attempt takes it
  }
  const pid = Number(text.trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
