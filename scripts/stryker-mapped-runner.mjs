// @ts-check
// The test runner of `npm run mutate`: Stryker's own vitest runner, with each mutant tested only by the tests
// stryker.targets.mjs maps to the mutant's file. One Stryker run then mutates every rule file (one start, one sandbox,
// one first test run), and each file is still judged by its own tests, as when it was run alone:
// - After the first test run, a test's coverage is kept only for the mutants of the files its test file is mapped to.
//   A mutant no mapped test reaches is then "no coverage" (Stryker's own verdict), not run against unrelated tests.
// - A static mutant (one that runs while a module loads, such as a schema built at load) gets no test list from Stryker,
//   which would run every test of every file. It runs every test of its own file's mapped test files instead: the
//   vitest runner takes a test id as `<file>#<name>` and matches the names as one pattern, so `<file>#` (no name)
//   selects the whole file.
//
// Mutant ids are read from the instrumented copies in the sandbox (Stryker's instrumenter writes each one as
// `stryMutAct_9fa48("<id>")`), which is how a test's coverage is tied to a rule file.
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, declareFactoryPlugin, commonTokens, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';
import { TARGETS } from '../stryker.targets.mjs';

const vitestFactory = vitestPlugins[0].factory;
const MUTANT_ID = /stryMutAct_9fa48\("(\d+)"\)/g;

/** A path as the map spells it: relative to the sandbox (this process's working directory), with forward slashes. */
const mapPath = (/** @type {string} */ file) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
/** The test file of a vitest test id (`<absolute file>#<suite and test names>`). */
const testFileOf = (/** @type {string} */ testId) => mapPath(testId.slice(0, testId.indexOf('#')));

export class MappedVitestRunner {
  static inject = tokens(commonTokens.injector);

  /** @param {import('@stryker-mutator/api/plugin').Injector<any>} injector */
  constructor(injector) {
    /** @type {import('@stryker-mutator/api/test-runner').TestRunner} */
    this.inner = vitestFactory(injector);
  }

  capabilities() {
    return this.inner.capabilities();
  }

  async init() {
    await this.inner.init?.();
  }

  async dispose() {
    await this.inner.dispose?.();
  }

  /** @param {import('@stryker-mutator/api/test-runner').DryRunOptions} options */
  async dryRun(options) {
    const result = await this.inner.dryRun(options);
    if (result.status !== 'complete') return result;
    if (result.mutantCoverage) {
      const fileOfMutant = new Map();
      for (const file of Object.keys(TARGETS)) {
        if (!fs.existsSync(file)) continue;
        for (const [, id] of fs.readFileSync(file, 'utf8').matchAll(MUTANT_ID)) fileOfMutant.set(id, file);
      }
      for (const [testId, hits] of Object.entries(result.mutantCoverage.perTest)) {
        const testFile = testFileOf(testId);
        for (const id of Object.keys(hits)) {
          if (!TARGETS[fileOfMutant.get(id)]?.includes(testFile)) delete hits[id];
        }
      }
    }
    return result;
  }

  /** @param {import('@stryker-mutator/api/test-runner').MutantRunOptions} options */
  async mutantRun(options) {
    const file = mapPath(options.sandboxFileName);
    const mapped = TARGETS[file];
    if (!mapped) throw new Error(`mutate: ${file} has a mutant but no tests in stryker.targets.mjs`);
    const testFilter = options.testFilter
      ? options.testFilter.filter((id) => mapped.includes(testFileOf(id)))
      : mapped.map((testFile) => `${testFile}#`);
    // An empty list would make the vitest runner run every test. Stryker calls a mutant no test covers "no coverage"
    // without running it, and the first run kept each mutant's coverage to its mapped tests, so this cannot happen
    // unless the map and the first run disagree.
    if (testFilter.length === 0) throw new Error(`mutate: no test of ${mapped.join(', ')} is left to run for mutant ${options.activeMutant.id} in ${file}`);
    return this.inner.mutantRun({ ...options, testFilter });
  }
}

/** @param {import('@stryker-mutator/api/plugin').Injector<any>} injector */
const create = (injector) => injector.injectClass(MappedVitestRunner);
create.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-mapped', create)];
