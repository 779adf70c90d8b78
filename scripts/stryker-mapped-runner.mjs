// @ts-check
// The test runner of `npm run mutate`: Stryker's own vitest runner, with each mutant tested only by the tests
// stryker.targets.mjs maps to the mutant's file. One Stryker run then mutates every rule file (one start, one sandbox,
// one first test run), and each file is still judged by its own tests, as when it was run alone:
// - After the first test run, a test's coverage is kept only for the mutants of the files its test file is mapped to.
//   A mutant no mapped test reaches is then "no coverage" (Stryker's own verdict), not run against unrelated tests.
// - A static mutant (one that runs while a module loads, such as a schema built at load) gets no test list from Stryker,
//   which would run every test of every file. It runs every test of its own file's mapped test files instead.
// The choices themselves are in scripts/mutation-mapping.mjs. Mutant ids are read from the instrumented copies in the
// sandbox, which is how a test's coverage is tied to a rule file.
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, declareFactoryPlugin, commonTokens, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';
import { TARGETS } from '../stryker.targets.mjs';
import { keepMappedCoverage, mutantIdsIn, mutantTests } from './mutation-mapping.mjs';

const vitestFactory = vitestPlugins[0].factory;

/** A path as the map spells it: relative to the sandbox (this process's working directory), with forward slashes. */
const mapPath = (/** @type {string} */ file) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');

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
    if (result.status !== 'complete' || !result.mutantCoverage) return result;
    const fileOfMutant = new Map();
    for (const file of Object.keys(TARGETS)) {
      if (fs.existsSync(file)) for (const id of mutantIdsIn(fs.readFileSync(file, 'utf8'))) fileOfMutant.set(id, file);
    }
    // The vitest runner gives test ids with their file relative to the sandbox, as the map spells them.
    keepMappedCoverage(result.mutantCoverage.perTest, fileOfMutant, TARGETS);
    return result;
  }

  /** @param {import('@stryker-mutator/api/test-runner').MutantRunOptions} options */
  async mutantRun(options) {
    return this.inner.mutantRun({ ...options, testFilter: mutantTests(mapPath(options.sandboxFileName), options.testFilter, TARGETS) });
  }
}

/** @param {import('@stryker-mutator/api/plugin').Injector<any>} injector */
const create = (injector) => injector.injectClass(MappedVitestRunner);
create.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-mapped', create)];
