#!/usr/bin/env node
// Runs the command from dist/ (compiled at install by `npm ci`) when it matches the sources, else
// from the TypeScript sources through tsx. User claim modules (--claims) may be TypeScript: then
// tsx is registered either way.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceFingerprint } from './fingerprint.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

function distIsCurrent() {
  const stamp = new URL('../dist/stamp.json', import.meta.url);
  if (!existsSync(stamp)) return false;
  try {
    return JSON.parse(readFileSync(stamp, 'utf8')).sources === sourceFingerprint(root);
  } catch {
    return false;
  }
}

const compiled = process.env.LANDSCAPE_CHECK_SOURCES !== '1' && distIsCurrent();
if (!compiled || args.some((a) => a === '--claims' || a.startsWith('--claims='))) {
  const { register } = await import('tsx/esm/api');
  register();
}
const base = compiled ? '../dist/src' : '../src';
const { main } = await import(`${base}/cli/main.${compiled ? 'js' : 'ts'}`);
const code = await main(args);
// The SMT solver's worker threads, if a second route started them, would keep the process alive:
// end them, and exit whatever they do (stdout and stderr are synchronous for files and pipes on Linux).
const { releaseSolver } = await import(`${base}/smt/solver.${compiled ? 'js' : 'ts'}`);
await Promise.race([releaseSolver(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
process.exit(code);
