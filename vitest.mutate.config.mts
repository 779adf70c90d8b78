import { defineConfig } from 'vitest/config';
import { LoadFailuresAsFailedTests } from './tests/core/harness/load-failures-reporter';

/**
 * The core tests of the rule files being mutated, for Stryker (`npm run mutate`): scripts/mutate.mjs sets MUTATE_TESTS
 * to the test files stryker.targets.mjs maps to them. Stryker's first run goes through all of them; after it, each
 * mutant runs against its own file's tests only (scripts/stryker-mapped-runner.mjs).
 */
const tests = JSON.parse(process.env.MUTATE_TESTS ?? '[]') as string[];
if (tests.length === 0) throw new Error('MUTATE_TESTS names no test files: run `npm run mutate`.');

export default defineConfig({
  test: {
    name: 'mutate',
    environment: 'node',
    globals: true,
    include: tests,
    // Stryker puts its own setup first; after it, no mutant is on while a runtime mutant's run loads the project.
    setupFiles: ['tests/core/harness/mutant-at-load.ts', 'tests/core/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A mutant that stops a test file from loading is caught, not survived (tests/core/harness/load-failures-reporter.ts).
    reporters: ['default', new LoadFailuresAsFailedTests()],
  },
});
