#!/usr/bin/env node
// Node cannot run TypeScript itself: register tsx, then run the command line from the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
