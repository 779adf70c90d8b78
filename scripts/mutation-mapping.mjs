// @ts-check
// The choices of `npm run mutate`'s test runner (scripts/stryker-mapped-runner.mjs), kept apart from Stryker so that
// tests/core/harness/mutation-map.test.ts can state them: which tests a mutant runs, given the map of rule files to
// their tests (stryker.targets.mjs). Paths are relative to the project (or the sandbox), with forward slashes.

/** Stryker's instrumenter writes each mutant of a file as `stryMutAct_9fa48("<id>")`. */
const MUTANT_ID = /stryMutAct_9fa48\("(\d+)"\)/g;

/** The ids of the mutants in an instrumented file. */
export function mutantIdsIn(/** @type {string} */ instrumented) {
  return [...instrumented.matchAll(MUTANT_ID)].map(([, id]) => id);
}

/** The test file of a test id (`<file>#<suite and test names>`). */
export const testFileOf = (/** @type {string} */ testId) => testId.slice(0, testId.indexOf('#'));

/**
 * The first run's coverage, each test keeping only the mutants of rule files its test file is mapped to: a mutant no
 * mapped test reaches is then one Stryker calls "no coverage", and never runs against another file's tests.
 * @param {Record<string, Record<string, number>>} perTest test id → mutant id → hits (changed in place, and returned)
 * @param {Map<string, string>} fileOfMutant mutant id → rule file
 * @param {Record<string, string[]>} targets rule file → its test files
 */
export function keepMappedCoverage(perTest, fileOfMutant, targets) {
  for (const [testId, hits] of Object.entries(perTest)) {
    const testFile = testFileOf(testId);
    for (const id of Object.keys(hits)) {
      const file = fileOfMutant.get(id);
      if (file === undefined || !targets[file]?.includes(testFile)) delete hits[id];
    }
  }
  return perTest;
}

/**
 * The tests a mutant of `file` runs: of the tests Stryker chose (those that reached it), the ones in its mapped test
 * files; for a static mutant, which Stryker gives no list (it would run every test), every test of its mapped test files,
 * each written `<file>#` (no name), which Stryker's vitest runner turns into the whole file.
 * @param {string} file the rule file the mutant is in
 * @param {string[] | undefined} chosen Stryker's test ids for it
 * @param {Record<string, string[]>} targets rule file → its test files
 */
export function mutantTests(file, chosen, targets) {
  const mapped = targets[file];
  if (!mapped) throw new Error(`mutate: ${file} has a mutant but no tests in stryker.targets.mjs`);
  const tests = chosen ? chosen.filter((id) => mapped.includes(testFileOf(id))) : mapped.map((testFile) => `${testFile}#`);
  // An empty list would make the vitest runner run every test. Stryker calls a mutant no test reaches "no coverage"
  // without running it, and keepMappedCoverage left each mutant only its mapped tests, so this means the two disagree.
  if (tests.length === 0) throw new Error(`mutate: no test of ${mapped.join(', ')} is left to run for a mutant in ${file}`);
  return tests;
}

/** A test file that mocks modules or resets them: its mocks must not reach another file's tests. */
const CHANGES_MODULES = /\bvi\s*\.\s*(?:mock|doMock|unmock|doUnmock|resetModules)\s*\(/;

/**
 * Whether a mutant's run needs a thread of its own, with each test file's modules loaded afresh (as vitest isolates them),
 * rather than the thread kept from the run before (scripts/vitest-kept-thread.mjs): when a test file of the run mocks
 * modules (or resets them), as the mock would stay in the kept thread for the next run's tests. A static mutant needs
 * none: the kept thread loads the project's modules afresh in every run, with the mutant on.
 * @param {string[]} testIds the tests the mutant runs (`<file>#<names>`)
 * @param {(file: string) => string} sourceOf a test file's source
 */
export function needsOwnThread(testIds, sourceOf) {
  return [...new Set(testIds.map(testFileOf))].some((file) => CHANGES_MODULES.test(sourceOf(file)));
}
