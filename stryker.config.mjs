// @ts-check
// Stryker's configuration for `npm run mutate` (scripts/mutate.mjs), which runs it once per rule file with
// MUTATE_TARGET set to that file and MUTATE_TESTS to its tests (from stryker.targets.mjs). Run it through that script.
//
// Equivalent mutants (a change no caller can observe) are marked where they occur, by a
// `// Stryker disable next-line <Mutator>: <reason>` comment beside the code. Error and log message text is left
// unmutated by the ignorer in scripts/stryker-ignore-messages.mjs, which says why.

const target = process.env.MUTATE_TARGET;
if (!target || !process.env.MUTATE_TESTS) throw new Error('Run Stryker through `npm run mutate [-- <file>]`, which picks each file’s tests.');
export const slug = (/** @type {string} */ file) => file.replace(/\.ts$/, '').replace(/[/\\]/g, '__');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './scripts/stryker-ignore-messages.mjs'],
  ignorers: ['developer-messages'],
  vitest: { configFile: 'vitest.mutate.config.mts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [target],
  // Break below 80; 90 and above is where every rule file should be (README, "Mutation testing").
  thresholds: { high: 90, low: 80, break: 80 },
  // Two cores, shared: one test runner, and room for the tests' own SQLite work. On a machine left to the run alone,
  // `MUTATE_CONCURRENCY=2 npm run mutate` runs two mutants at a time.
  concurrency: Math.max(1, Math.floor(Number(process.env.MUTATE_CONCURRENCY)) || 1),
  // A station's tests open databases and hash passwords (at the tests' lighter scrypt, tests/core/scrypt-work.ts): give a
  // slow mutant room before calling it a timeout.
  timeoutMS: 20_000,
  dryRunTimeoutMinutes: 10,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${slug(target)}.html` },
  jsonReporter: { fileName: `reports/mutation/${slug(target)}.json` },
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
