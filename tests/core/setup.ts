import { lowerScryptForTests } from './scrypt-work';

// Before each core test file: passwords hash at the tests' lighter work factor (tests/core/scrypt-work.ts says why).
lowerScryptForTests();
