import type { File, Test } from '@vitest/runner';
import type { Reporter, Vitest } from 'vitest/node';

/**
 * For `npm run mutate` only (vitest.mutate.config.mts): a test file that cannot even be imported counts as one failed
 * test. Stryker's vitest runner (9.6.1) builds each mutant's result from the tests it collected, and a file whose
 * import throws collects none, so a mutant that stops a module from loading (a discriminated union left without its
 * discriminator throws as the schema is built) was scored as survived although every test of that file went red
 * (stryker-js#6150). Files that loaded are left as they are, whether their tests passed or failed.
 */
export class LoadFailuresAsFailedTests implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    // The runner reads these very objects (vitest.state) once the run has ended.
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state === 'fail' && file.tasks.length === 0) file.tasks.push(loadFailure(file));
    }
  }
}

/** A failed test carrying the file's load error. The cast: vitest's Test type wants a run context only vitest builds. */
function loadFailure(file: File): Test {
  return { type: 'test', id: `${file.id}_load`, name: 'loads', mode: 'run', file, suite: file, meta: {}, result: { state: 'fail', errors: file.result?.errors } } as unknown as Test;
}
