import { afterAll } from 'vitest';
import { lowerScryptForTests } from './scrypt-work';
import { removeSetUpStationFolder } from './set-up-folder';

// Before each core test file: passwords hash at the tests' lighter work factor (tests/core/scrypt-work.ts says why).
lowerScryptForTests();

// After each core test file: the set-up station folder that test stations are copied from (tests/core/helpers.ts).
// No app module is loaded here, so that a test file's vi.mock of one still comes first.
afterAll(removeSetUpStationFolder);
