// Mutation testing of the exact kernels: `npm run mutation` (all folders, one Stryker run each) or
// `npm run mutation -- numbers geometry` (scripts/mutation.mjs sets STRYKER_FOLDER per run).
// Without STRYKER_FOLDER (`npx stryker run`) all five folders are mutated in one run.
// Not part of `npm test` or .ci/run: one run takes tens of minutes on two cores.

/** The mutated folders of src/, smallest first. */
export const mutationFolders = ['numbers', 'geometry', 'linalg', 'network', 'landscape'];

// Files that only re-export (no code of their own to mutate).
const reExportFiles = ['src/*/index.ts', 'src/geometry/lp.ts'];

const folder = process.env.STRYKER_FOLDER;
if (folder !== undefined && !mutationFolders.includes(folder)) {
  throw new Error(`STRYKER_FOLDER must be one of ${mutationFolders.join(', ')}, got ${folder}`);
}
const folders = folder === undefined ? mutationFolders : [folder];
// One report directory and one incremental file per folder, so a folder's re-run reuses its own
// previous results and never overwrites another folder's.
const reportDir = process.env.STRYKER_REPORT_DIR ?? `reports/mutation/${folder ?? 'all'}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [...folders.map((name) => `src/${name}/**/*.ts`), ...reExportFiles.map((glob) => `!${glob}`)],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  // Each mutant runs only the tests that reached it in the initial run.
  coverageAnalysis: 'perTest',
  // The machine is shared; pass --concurrency N to use more cores.
  concurrency: 1,
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  incremental: true,
  incrementalFile: `${reportDir}/incremental.json`,
  ignorePatterns: ['/scratch*', '/reports', '/coverage', '/report', '/.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Vitest compiles the TypeScript itself; the instrumented sources get `// @ts-nocheck`.
  disableTypeChecks: 'src/**/*.ts',
  thresholds: { high: 85, low: 70, break: null },
};
