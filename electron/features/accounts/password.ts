import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * scrypt with a per-user salt; the parameters travel in the stored string so they can be raised later
 * without breaking existing accounts. N = 2^15, r = 8 (32 MiB, ~60 ms here): slow for guessing, quick
 * enough for a login. It runs synchronously because the whole call runs inside one SQLite transaction.
 *
 * The same work factor derives the key that seals each user's signing key (signatures/keys.ts), and it is read at
 * each call: the core tests lower N for the stations they open (tests/core/scrypt-work.ts; a test opens dozens, each
 * hashing a few passwords), and pin the app's own factor apart. Every hash and seal says which factor made it.
 */
export const scryptWork: { N: number; r: number; p: number } = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** scrypt's options for a work factor, with the memory it needs (128 · N · r bytes) allowed twice over. */
export function scryptOptions(work: { N: number; r: number; p: number }) {
  return { ...work, maxmem: 256 * work.N * work.r };
}

export function hashPassword(password: string): string {
  const { N, r, p } = scryptWork;
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, scryptOptions(scryptWork));
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const params = scryptOptions({ N: Number(n), r: Number(r), p: Number(p) });
  const actual = scryptSync(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, params);
  return timingSafeEqual(actual, expected);
}
