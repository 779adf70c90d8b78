// @ts-check
// The test runner of `npm run mutate`: Stryker's own vitest runner, with each mutant tested only by the tests
// stryker.targets.mjs maps to the mutant's file. One Stryker run then mutates every rule file (one start, one sandbox,
// one first test run), and each file is still judged by its own tests, as when it was run alone:
// - After the first test run, a test's coverage is kept only for the mutants of the files its test file is mapped to.
//   A mutant no mapped test reaches is then "no coverage" (Stryker's own verdict), not run against unrelated tests.
// - A static mutant (one that runs while a module loads, such as a schema built at load) gets no test list from Stryker,
//   which would run every test of every file. It runs every test of its own file's mapped test files instead.
// - Mutants run on one vitest thread kept from run to run (scripts/vitest-kept-thread.mjs): the libraries stay loaded,
//   the project's modules load afresh each run. A run whose test files mock modules gets a thread of its own.
// The choices themselves are in scripts/mutation-mapping.mjs. Mutant ids are read from the instrumented copies in the
// sandbox, which is how a test's coverage is tied to a rule file.
import fs from 'node:fs';
import path from 'node:path';
import { PluginKind, declareFactoryPlugin, commonTokens, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';
import { TARGETS, filesUnder } from '../stryker.targets.mjs';
import { keepMappedCoverage, mutantIdsIn, mutantTests, needsOwnThread } from './mutation-mapping.mjs';
import { KEPT_THREAD_POOL, endParked, keepThread, keptThreadPool, reloadEachRun } from './vitest-kept-thread.mjs';

const vitestFactory = vitestPlugins[0].factory;

/** A path as the map spells it: relative to the sandbox (this process's working directory), with forward slashes. */
const mapPath = (/** @type {string} */ file) => path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');

export class MappedVitestRunner {
  static inject = tokens(commonTokens.injector);

  /** @param {import('@stryker-mutator/api/plugin').Injector<any>} injector */
  constructor(injector) {
    /** @type {import('@stryker-mutator/api/test-runner').TestRunner} */
    this.inner = vitestFactory(injector);
    /** @type {{ config: any }[]} vitest's projects, set up in init */
    this.projects = [];
    /** @type {Map<string, string>} test file → its source */
    this.sources = new Map();
  }

  capabilities() {
    return this.inner.capabilities();
  }

  async init() {
    await this.inner.init?.();
    /** @type {{ projects: { config: any }[] }} */
    const vitest = /** @type {any} */ (this.inner).ctx;
    this.projects = vitest.projects;
    for (const project of this.projects) {
      project.config.pool = KEPT_THREAD_POOL;
      project.config.poolRunner = keptThreadPool;
    }
    // The project's own modules load afresh in every run: a memo filled under one mutant must not answer for the next.
    const scripts = ['electron', 'shared', 'tests', 'renderer'].flatMap((dir) => filesUnder(path.resolve(dir)));
    reloadEachRun(scripts.filter((f) => /\.[cm]?[jt]sx?$/.test(f)));
  }

  async dispose() {
    await endParked();
    await this.inner.dispose?.();
  }

  /**
   * The next runs either share the thread kept from the run before (its libraries loaded, the project's modules loaded
   * afresh), or each test file loads every module afresh on a thread of its own, as vitest isolates files (the first run,
   * and a run of test files that mock modules: see needsOwnThread).
   * @param {boolean} isolated
   */
  isolate(isolated) {
    for (const project of this.projects) project.config.isolate = isolated;
    keepThread(!isolated);
  }

  /** @param {string} testFile */
  sourceOf(testFile) {
    let source = this.sources.get(testFile);
    if (source === undefined) this.sources.set(testFile, (source = fs.readFileSync(testFile, 'utf8')));
    return source;
  }

  /** @param {import('@stryker-mutator/api/test-runner').DryRunOptions} options */
  async dryRun(options) {
    // Every mapped test file, each with its modules loaded afresh: the coverage of a module's loading is that of each file.
    this.isolate(true);
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
    const file = mapPath(options.sandboxFileName);
    const testFilter = mutantTests(file, options.testFilter, TARGETS);
    const ownThread = needsOwnThread(testFilter, (f) => this.sourceOf(f));
    this.isolate(ownThread);
    const started = performance.now();
    const result = await this.inner.mutantRun({ ...options, testFilter });
    // What each mutant's run took, for `npm run mutate` to say where the time went (a timed-out run leaves no line).
    if (process.env.MUTATE_TIMES) {
      const ms = Math.round(performance.now() - started);
      const line = { file, ms, tests: testFilter.length, static: options.mutantActivation === 'static', ownThread, status: result.status };
      fs.appendFileSync(process.env.MUTATE_TIMES, `${JSON.stringify(line)}\n`);
    }
    return result;
  }
}

/** @param {import('@stryker-mutator/api/plugin').Injector<any>} injector */
const create = (injector) => injector.injectClass(MappedVitestRunner);
create.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-mapped', create)];
