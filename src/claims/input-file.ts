import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { InputError, messageOf } from './errors.ts';

/** Larger input files are refused: nothing this tool reads (networks, data, baselines, witnesses, reports) needs more. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a text file a user gave: regular files only (a FIFO, /dev/zero or a socket would block or
 * never end), at most `maxBytes` bytes (counted while reading: some files report size 0), strict
 * UTF-8, a byte-order mark dropped. Every problem is an InputError starting with `display`.
 */
export function readInputText(file: string, display: string, maxBytes = MAX_INPUT_BYTES): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not wait; it is refused just below.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${display}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${display}: is a folder, not a file`);
    throw new InputError(`${display}: cannot read (${messageOf(error)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${display}: is a folder, not a file`);
    if (!stat.isFile()) throw new InputError(`${display}: is not a regular file (a device, FIFO or socket is never read)`);
    if (stat.size > maxBytes) throw new InputError(`${display}: ${stat.size} bytes is more than the ${maxBytes}-byte limit for an input file`);
    const bytes = readAtMost(fd, maxBytes, display);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${display}: is not UTF-8 text`);
    }
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

function readAtMost(fd: number, maxBytes: number, display: string): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      throw new InputError(`${display}: cannot read (${messageOf(error)})`);
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) throw new InputError(`${display}: more than the ${maxBytes}-byte limit for an input file`);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}
