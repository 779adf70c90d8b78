import { scryptWork } from '../../electron/features/accounts/password';

/**
 * The core tests open hundreds of stations, and each hashes a few passwords: its admin's at setup and sign-in, and
 * four for each colleague (`userWith`: created, signed in, own password set). At the app's work factor (N = 2^15)
 * that is about 0.15 s of CPU a hash here, most of a typical test's time. The tests hash at N = 2^10 instead, a
 * factor each hash and key seal names, so everything reads back and verifies the same (`tests/core/setup.ts` lowers it
 * before each test file). The app's own factor is pinned by tests that run at it (`withAppScrypt`) or import the
 * module afresh.
 */
const APP = { ...scryptWork };
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 } as const;

export function lowerScryptForTests(): void {
  Object.assign(scryptWork, TEST_SCRYPT);
}

/** Runs `fn` with hashes and seals made at the app's work factor, as a station outside the tests makes them. */
export function withAppScrypt<T>(fn: () => T): T {
  Object.assign(scryptWork, APP);
  try {
    return fn();
  } finally {
    lowerScryptForTests();
  }
}
