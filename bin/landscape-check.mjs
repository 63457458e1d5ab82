#!/usr/bin/env node
// Node cannot run TypeScript itself: register tsx, then run the command line from the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// The SMT solver's worker threads, if a second route started them, would keep the process alive:
// end them, and exit whatever they do (stdout and stderr are synchronous for files and pipes on Linux).
const { releaseSolver } = await import('../src/smt/solver.ts');
await Promise.race([releaseSolver(), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
process.exit(code);
