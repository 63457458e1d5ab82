import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// Test selection for mutation testing (npm run mutation), not for npm test.
// Every mutant re-runs the tests that reached it, so the selection decides the run time.
// A run for one folder (STRYKER_FOLDER, set by scripts/mutation.mjs) uses that folder's own tests,
// plus test/properties for src/network and src/landscape (the he / milne / kawaguchi modules of
// src/network are tested there). The score then says how well a folder's own tests pin its code,
// and a folder finishes in minutes rather than hours on two cores.
// Never selected:
// - test/catalogue.test.ts runs every claim of the catalogue (minutes per run); it would be re-run
//   for nearly every mutant, and the unit tests are the place to pin the kernels' behaviour.
// - test/browser needs Chromium and only checks the rendered HTML report.
// - test/cli runs the CLI in child processes (and test/claims partly in worker threads); a mutant
//   is only active in the test process, so those runs cannot kill it and would only cost time.
// - test/claims and test/report check the claim engine, store and report renderer, which are not
//   mutated; they reach the mutated kernels only through whole claims, slowly.
const testsOf: Record<string, string[]> = {
  numbers: ['test/numbers'],
  geometry: ['test/geometry'],
  linalg: ['test/linalg'],
  network: ['test/network', 'test/properties'],
  landscape: ['test/landscape', 'test/properties'],
};
const allKernelTests = ['test/numbers', 'test/linalg', 'test/geometry', 'test/network', 'test/landscape', 'test/generators', 'test/soundness', 'test/properties'];

const folder = process.env.STRYKER_FOLDER;
const directories = folder === undefined ? allKernelTests : testsOf[folder];
if (directories === undefined) throw new Error(`no mutation tests listed for STRYKER_FOLDER=${folder}`);

// The base settings (setup file, timeouts) are spread in; mergeConfig would append to `include`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: directories.map((directory) => `${directory}/**/*.test.ts`),
    // A test file that fails to load counts as a failed test (see the reporter's comment).
    reporters: ['default', './test/mutation/load-failure-reporter.ts'],
  },
});
