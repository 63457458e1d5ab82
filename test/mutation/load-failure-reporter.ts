import type { Reporter, RunnerTestCase, RunnerTestFile, Vitest } from 'vitest/node';

/**
 * For mutation runs only (vitest.mutation.config.ts). Stryker's vitest runner (9.6.x, 10.x) builds a
 * mutant's result from the tests vitest collected; a test file whose import throws collects none,
 * so a mutant that stops a module from loading (e.g. an invalid decimal.js configuration) would be
 * scored "survived" although every test importing it fails, a known limitation of the Stryker vitest runner.
 * This reporter gives each such file one failed test carrying its load error, which Stryker then
 * counts as a kill. Files that loaded are left as they are.
 */
export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    // The same file objects Stryker reads after the run (vitest's state, as the runner uses it).
    const state = (this.vitest as unknown as { state: { getFiles(): RunnerTestFile[] } } | undefined)?.state;
    for (const file of state?.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || hasTests(file)) continue;
      const loadFailure = {
        type: 'test',
        id: `${file.id}_load`,
        name: 'loads without error',
        mode: 'run',
        file,
        suite: file,
        meta: {},
        context: {},
        annotations: [],
        artifacts: [],
        result: { state: 'fail', errors: file.result.errors ?? [{ message: 'test file failed to load' }], duration: 0 },
      } as unknown as RunnerTestCase; // only Stryker reads it, after the run
      file.tasks.push(loadFailure);
    }
  }
}

function hasTests(suite: { tasks: readonly { type: string; tasks?: unknown }[] }): boolean {
  return suite.tasks.some((task) => task.type === 'test' || (task.type === 'suite' && hasTests(task as never)));
}
