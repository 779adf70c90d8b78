// The test file of the kept-thread check's mutant case (tests/core/harness/kept-thread.test.ts): which mutant was on
// while the project's module loaded, and which is on when the test runs.
import { expect, test } from 'vitest';
import { mutantAtLoad } from './own';

const ns = (): { activeMutant?: string } | undefined => (globalThis as unknown as Record<string, { activeMutant?: string }>).__stryker__;

test('reports the mutant on at load and at the test', ({ task }) => {
  Object.assign(task.meta, { atLoad: mutantAtLoad ?? null, atTest: ns()?.activeMutant ?? null });
  expect(task.name).toBeTruthy();
});
