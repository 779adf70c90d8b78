// The test file the kept-thread check runs (tests/core/harness/kept-thread.test.ts); not a test of the suite itself.
import { threadId } from 'node:worker_threads';
import { expect, test } from 'vitest';
import { bump as ownRun } from './own';
import { bump as libraryRun } from './library';

test('reports its thread and module state', ({ task }) => {
  Object.assign(task.meta, { threadId, own: ownRun(), library: libraryRun() });
  expect(threadId).toBeGreaterThan(0);
});

test('another test, left out by a name pattern', () => {});
