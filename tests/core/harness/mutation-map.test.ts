import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module for Stryker's runner, with no type declarations
import { mapProblems } from '../../../stryker.targets.mjs';

const root = path.resolve(__dirname, '../../..');

describe('the mutation-testing map (stryker.targets.mjs)', () => {
  it('places every rule file with its tests, or says why it holds no rule, and each mapped test exists, so a new module cannot be left out', () => {
    expect(mapProblems(root)).toEqual([]);
  });
});
