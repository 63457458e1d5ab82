#!/usr/bin/env node
// Runs Stryker once per folder of src/ (all of them, or the ones named first), each with its own
// report directory reports/mutation/<folder>/ and incremental file. Arguments from the first option
// on (e.g. --concurrency 2, --force) are passed to Stryker.
//   npm run mutation                                  # numbers, geometry, linalg, network, landscape
//   npm run mutation -- numbers linalg                # only these folders
//   npm run mutation -- --mutate 'src/numbers/rational.ts'   # one Stryker run, reports/mutation/custom/
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { mutationFolders } from '../stryker.config.mjs';

const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const names = (firstOption === -1 ? args : args.slice(0, firstOption)).map((arg) => arg.replace(/^src\//, '').replace(/\/$/, ''));
const strykerArgs = firstOption === -1 ? [] : args.slice(firstOption);
const unknown = names.filter((name) => !mutationFolders.includes(name));
if (unknown.length > 0) {
  console.error(`unknown folder(s): ${unknown.join(', ')}; choose from ${mutationFolders.join(', ')}`);
  process.exit(2);
}
const corePackage = createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json');
const stryker = join(dirname(corePackage), 'bin', 'stryker.js');

// An explicit --mutate replaces the folder loop by a single run.
const customMutate = strykerArgs.some((arg) => arg === '--mutate' || arg.startsWith('--mutate=') || arg === '-m');
const runs = customMutate ? [undefined] : names.length === 0 ? mutationFolders : names;

let failed = false;
for (const folder of runs) {
  const label = folder === undefined ? 'custom --mutate' : `src/${folder}`;
  const env = { ...process.env };
  if (folder === undefined) env.STRYKER_REPORT_DIR = 'reports/mutation/custom';
  else env.STRYKER_FOLDER = folder;
  const started = Date.now();
  console.log(`\n=== mutation testing ${label} ===`);
  const run = spawnSync(process.execPath, [stryker, 'run', 'stryker.config.mjs', ...strykerArgs], { stdio: 'inherit', env });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`=== ${label}: ${run.status === 0 ? 'done' : 'failed'} in ${Math.floor(seconds / 60)} min ${seconds % 60} s ===`);
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
