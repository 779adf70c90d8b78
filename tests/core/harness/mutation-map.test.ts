import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module for Stryker's runner, with no type declarations
import { mapProblems } from '../../../stryker.targets.mjs';
// @ts-expect-error: a plain ES module for Stryker's runner, with no type declarations
import { keepMappedCoverage, mutantIdsIn, mutantTests, needsOwnThread } from '../../../scripts/mutation-mapping.mjs';
// @ts-expect-error: a plain ES module for Stryker's runner, with no type declarations
import { instrument } from '../../../scripts/mutation-stale.mjs';

const root = path.resolve(__dirname, '../../..');

describe('the mutation-testing map (stryker.targets.mjs)', () => {
  it('places every rule file with its tests, or says why it holds no rule, and each mapped test exists, so a new module cannot be left out', () => {
    expect(mapProblems(root)).toEqual([]);
  });
});

// One Stryker run mutates every rule file; each file must still be judged by its own tests only (scripts/mutation-mapping.mjs).
describe('each mutant against its own file’s tests, in one run over every rule file', () => {
  const targets = {
    'shared/domain/a.ts': ['tests/core/a.test.ts'],
    'shared/domain/b.ts': ['tests/core/a.test.ts', 'tests/core/b.test.ts'],
  };

  it('finds every mutant of an instrumented file by the id Stryker’s instrumenter gave it', async () => {
    const source = 'export const adult = (age: number) => age >= 18 && age < 150;\nexport const label = (n: number) => (n > 1 ? "many" : "one");\n';
    const { files, mutants } = (await instrument('rule.ts', source)) as { files: { content: string }[]; mutants: { id: string }[] };
    expect(mutants.length).toBeGreaterThan(5);
    expect(new Set(mutantIdsIn(files[0]!.content))).toEqual(new Set(mutants.map((m) => m.id)));
  });

  it('keeps a test’s coverage only for the mutants of the files its test file is mapped to', () => {
    const fileOfMutant = new Map([
      ['1', 'shared/domain/a.ts'],
      ['2', 'shared/domain/b.ts'],
    ]);
    const perTest = {
      'tests/core/a.test.ts#adults': { '1': 3, '2': 1 },
      'tests/core/b.test.ts#labels': { '1': 2, '2': 5 },
      'tests/core/c.test.ts#other': { '1': 1, '2': 1, '9': 1 },
    };
    expect(keepMappedCoverage(perTest, fileOfMutant, targets)).toEqual({
      'tests/core/a.test.ts#adults': { '1': 3, '2': 1 },
      'tests/core/b.test.ts#labels': { '2': 5 },
      'tests/core/c.test.ts#other': {},
    });
  });

  it('runs a mutant against the tests that reached it, of its own file’s tests only', () => {
    const chosen = ['tests/core/a.test.ts#adults', 'tests/core/c.test.ts#other', 'tests/core/b.test.ts#labels'];
    expect(mutantTests('shared/domain/a.ts', chosen, targets)).toEqual(['tests/core/a.test.ts#adults']);
    expect(mutantTests('shared/domain/b.ts', chosen, targets)).toEqual(['tests/core/a.test.ts#adults', 'tests/core/b.test.ts#labels']);
  });

  it('runs a static mutant (one given no list of tests) against every test of its own file’s tests, not every test there is', () => {
    expect(mutantTests('shared/domain/b.ts', undefined, targets)).toEqual(['tests/core/a.test.ts#', 'tests/core/b.test.ts#']);
  });

  it('refuses to run a mutant whose file is not mapped, or with no test left, instead of running every test', () => {
    expect(() => mutantTests('shared/domain/z.ts', undefined, targets)).toThrow(/no tests in stryker.targets.mjs/);
    expect(() => mutantTests('shared/domain/a.ts', ['tests/core/c.test.ts#other'], targets)).toThrow(/no test of tests\/core\/a.test.ts is left/);
  });
});

// Runtime mutants share one vitest thread from run to run (scripts/vitest-kept-thread.mjs); some runs must not.
describe('which mutant runs get a thread of their own', () => {
  const sources: Record<string, string> = {
    'tests/core/plain.test.ts': "import { openStation } from '../helpers';\nit('registers', () => {});\n",
    'tests/core/mocks.test.ts': "vi.mock('../../electron/db/check', () => ({}));\nit('checks', () => {});\n",
    'tests/core/do-mock.test.ts': "it('falls back', async () => {\n  vi.doMock('../../electron/db/worker', () => ({}));\n});\n",
    'tests/core/resets.test.ts': "it('loads afresh', async () => {\n  vi.resetModules();\n});\n",
    'tests/core/says-mock.test.ts': "// a mock of the clock, not of a module: vi.fn() and vi.spyOn() are restored after each file\nit('x', () => { vi.spyOn(Date, 'now'); });\n",
  };
  const sourceOf = (file: string) => sources[file]!;

  it('a mutant whose tests mock or reset modules: a mock must not reach the next run’s tests', () => {
    expect(needsOwnThread(['tests/core/plain.test.ts#registers', 'tests/core/mocks.test.ts#checks'], sourceOf)).toBe(true);
    expect(needsOwnThread(['tests/core/do-mock.test.ts#falls back'], sourceOf)).toBe(true);
    expect(needsOwnThread(['tests/core/resets.test.ts#loads afresh'], sourceOf)).toBe(true);
  });

  it('a mutant whose tests change no module shares the kept thread, a static one too (the project loads afresh each run)', () => {
    expect(needsOwnThread(['tests/core/plain.test.ts#registers', 'tests/core/plain.test.ts#other', 'tests/core/says-mock.test.ts#x'], sourceOf)).toBe(false);
    expect(needsOwnThread(['tests/core/plain.test.ts#'], sourceOf)).toBe(false);
  });
});
