import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVitest, type Vitest } from 'vitest/node';
// @ts-expect-error: a plain ES module for Stryker's runner, with no type declarations
import { endParked, keepThread, keptThreadPool, reloadEachRun } from '../../../scripts/vitest-kept-thread.mjs';

/**
 * `npm run mutate` runs each runtime mutant on the vitest thread kept from the run before (scripts/vitest-kept-thread.mjs).
 * A mutant's verdict must still be its own: the project's modules load afresh, the configuration of each run (its test
 * name pattern, as Stryker sets it for a mutant's tests) reaches the thread, and a run that asks for it gets a new thread.
 */
const dir = path.join(__dirname, 'kept-thread');
const root = path.resolve(__dirname, '../../..');
let vitest: Vitest;

interface Report { threadId: number; own: number; library: number }

async function run(testNamePattern?: RegExp, file = 'runs.check.ts'): Promise<{ report: Report; ran: string[] }> {
  vitest.state.filesMap.clear();
  for (const project of vitest.projects) project.config.testNamePattern = testNamePattern;
  await vitest.start([path.join(dir, file)]);
  const tests = vitest.state.getFiles().flatMap((f) => f.tasks);
  const failed = tests.filter((t) => t.result?.state === 'fail');
  if (failed.length > 0) throw new Error(`the check failed: ${JSON.stringify(failed.map((t) => t.result?.errors))}`);
  const reporting = tests.find((t) => t.name.startsWith('reports'));
  if (!reporting) throw new Error(`the check did not run: ${JSON.stringify([...vitest.state.errorsSet].map(String))}`);
  return { report: reporting.meta as unknown as Report, ran: tests.filter((t) => t.result?.state === 'pass').map((t) => t.name) };
}

describe('the kept vitest thread of `npm run mutate`', () => {
  beforeAll(async () => {
    vitest = await createVitest('test', {
      config: false,
      root: dir,
      include: ['*.check.ts'],
      // As `npm run mutate` sets them up: Stryker's own setup (which switches the mutant on), then ours.
      setupFiles: [
        path.join(root, 'node_modules/@stryker-mutator/vitest-runner/dist/src/stryker-setup.js'),
        path.join(root, 'tests/core/harness/mutant-at-load.ts'),
      ],
      pool: keptThreadPool,
      isolate: false,
      maxWorkers: 1,
      watch: false,
      reporters: [{}], // none: the outer run reports
    });
    reloadEachRun([path.join(dir, 'own.ts')]);
    // What Stryker's vitest runner provides to its setup; outside a mutant's run, its first run's mode.
    vitest.provide('globalNamespace' as never, '__stryker__' as never);
    vitest.provide('isGreaterThanVitest4Point1' as never, true as never);
    vitest.provide('mode' as never, 'dry-run' as never);
  }, 60_000);

  afterAll(async () => {
    keepThread(true);
    await endParked();
    await vitest?.close();
  });

  it('keeps one thread from run to run, the libraries loaded, the project’s own modules loaded afresh each run', async () => {
    const first = await run();
    const second = await run();
    const third = await run();
    expect([second.report.threadId, third.report.threadId]).toEqual([first.report.threadId, first.report.threadId]);
    expect([first.report.library, second.report.library, third.report.library]).toEqual([1, 2, 3]);
    expect([first.report.own, second.report.own, third.report.own]).toEqual([1, 1, 1]);
  });

  it('gives each run its own configuration: a test name pattern set after the thread started still applies', async () => {
    expect((await run()).ran).toHaveLength(2);
    expect((await run(/^reports/)).ran).toEqual(['reports its thread and module state']);
    expect((await run()).ran).toHaveLength(2);
  });

  it('runs on a new thread, ended after the run, when a run must not share one (a static mutant, a test that mocks modules)', async () => {
    const kept = await run();
    keepThread(false);
    const own = await run();
    keepThread(true);
    const next = await run();
    const after = await run();
    expect(own.report.threadId).not.toBe(kept.report.threadId);
    expect(own.report.library).toBe(1);
    // The thread of its own was ended: the next run starts a new one, which is kept from then on.
    expect(next.report.threadId).not.toBe(own.report.threadId);
    expect(next.report.library).toBe(1);
    expect(after.report).toEqual({ ...next.report, library: 2 });
  });

  it('loads the project’s modules with a static mutant on, and with none for a runtime mutant’s run after it', async () => {
    const mutant = async (activation: 'static' | 'runtime', id: string) => {
      vitest.provide('mode' as never, 'mutant' as never);
      vitest.provide('mutantActivation' as never, activation as never);
      vitest.provide('activeMutant' as never, id as never);
      try {
        return (await run(undefined, 'load.check.ts')).report as unknown as { atLoad: string | null; atTest: string | null };
      } finally {
        vitest.provide('mode' as never, 'dry-run' as never);
      }
    };
    expect(await mutant('static', '7')).toEqual({ atLoad: '7', atTest: '7' });
    expect(await mutant('runtime', '8')).toEqual({ atLoad: null, atTest: '8' });
    expect(await mutant('static', '9')).toEqual({ atLoad: '9', atTest: '9' });
  });
});
