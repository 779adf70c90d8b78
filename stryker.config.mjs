// @ts-check
// Stryker's configuration for `npm run mutate` (scripts/mutate.mjs), which runs it once for all the rule files asked
// for, with MUTATE_TARGETS set to those files and MUTATE_TESTS to their tests (from stryker.targets.mjs). Run it through
// that script. Each mutant is tested by its own file's tests only (the test runner in scripts/stryker-mapped-runner.mjs).
//
// Equivalent mutants (a change no caller can observe) are marked where they occur, by a
// `// Stryker disable next-line <Mutator>: <reason>` comment beside the code. Error and log message text is left
// unmutated by the ignorer in scripts/stryker-ignore-messages.mjs, which says why.

if (!process.env.MUTATE_TARGETS || !process.env.MUTATE_TESTS) throw new Error('Run Stryker through `npm run mutate [-- <file>]`, which picks each file’s tests.');
const targets = /** @type {string[]} */ (JSON.parse(process.env.MUTATE_TARGETS));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest-mapped',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-mapped-runner.mjs', './scripts/stryker-ignore-messages.mjs'],
  ignorers: ['developer-messages'],
  vitest: { configFile: 'vitest.mutate.config.mts', related: false },
  // Which test reaches which mutant, from the first run: a mutant then runs only the tests that reach it, of those
  // mapped to its file (scripts/stryker-mapped-runner.mjs).
  coverageAnalysis: 'perTest',
  // Static mutants (schemas built when their module loads) are slow, as Stryker warns, but they are where the contract's
  // rules live: they are run, against their own file's tests, not ignored.
  warnings: { slow: false },
  mutate: targets,
  // Break below 80; 90 and above is where every rule file should be (README, "Mutation testing").
  thresholds: { high: 90, low: 80, break: 80 },
  // Two cores, shared: one test runner, and room for the tests' own SQLite work. On a machine left to the run alone,
  // `MUTATE_CONCURRENCY=2 npm run mutate` runs two mutants at a time.
  concurrency: Math.max(1, Math.floor(Number(process.env.MUTATE_CONCURRENCY)) || 1),
  // A station's tests open databases and hash passwords (at the tests' lighter scrypt, tests/core/scrypt-work.ts): give a
  // slow mutant room before calling it a timeout.
  timeoutMS: 20_000,
  // The first run is every mapped test file once, on one thread, recording which test reaches which mutant.
  dryRunTimeoutMinutes: 30,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportScoreTable: false },
  // What the tests never read: builds, results (the mutation reports of earlier files among them), the benchmark's
  // ten-year database, and the renderer but for its zh-CN catalogs (an export's words are checked against them,
  // tests/core/export/export.test.ts).
  ignorePatterns: [
    '/dist', '/release', '/test-results', '/playwright-report', '/.bench', '/.data', '/reports',
    '/renderer/**', '!/renderer/src/features/*/i18n.zh-CN.ts', '!/renderer/src/features/*/print/i18n.zh-CN.ts',
    '/tests/e2e', '/tests/electron', '/tests/renderer', '/tests/bench',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
