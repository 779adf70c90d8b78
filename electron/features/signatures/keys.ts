import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { scryptOptions, scryptWork } from '../accounts/password';

/**
 * Each user's Ed25519 signing key. The private half is stored only sealed with a key derived from the user's own
 * password, so signing needs that password and nobody else, the station admin included, can sign for them.
 *
 * When a key is made: at the user's first signing, never earlier. Signing needs the password anyway, and it is
 * then surely the user's own: the dispatcher refuses a user who must still change a temporary password, and the
 * kit refuses such a user as a signer. A key sealed with a password the admin chose (a new account's, or one
 * after a reset) could be unsealed and copied by the admin before the user changed it, and re-sealing would not
 * take that copy back. So users from before migration 0060, new accounts and users after a reset all get their
 * key the same way, and a login never pays for key generation.
 *
 * - own password change (`auth.changePassword`): the current key is re-sealed with the new password (same key);
 * - admin reset (`accounts.resetPassword`): the current key is retired, since nobody can unseal it without the old
 *   password; the next signing, under the password the user then chooses, makes a new one. Retired keys keep
 *   their public half, so every earlier signature still verifies.
 */

// scrypt as for password hashes, with their work factor (electron/features/accounts/password.ts): ~60 ms, 32 MiB.
const kdfText = () => `scrypt$${scryptWork.N}$${scryptWork.r}$${scryptWork.p}`;
const SALT_BYTES = 16;
const IV_BYTES = 12; // the size GCM is specified for

export interface Seal {
  kdf: string;
  salt: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export interface KeyRow extends Seal {
  id: number;
  user_id: number;
  public_key: Buffer;
  created_at: number;
  retired_at: number | null;
}

function sealingKey(password: string, kdf: string, salt: Buffer): Buffer {
  const [scheme, n, r, p] = kdf.split('$');
  if (scheme !== 'scrypt') throw new Error(`unknown key derivation ${scheme}`);
  return scryptSync(password.normalize('NFKC'), salt, 32, scryptOptions({ N: Number(n), r: Number(r), p: Number(p) }));
}

/** Seals a private key; salt and IV are new each time. The public key is bound as additional data. */
export function sealPrivateKey(privateKey: KeyObject, publicKeyDer: Buffer, password: string): Seal {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const kdf = kdfText();
  const cipher = createCipheriv('aes-256-gcm', sealingKey(password, kdf, salt), iv);
  cipher.setAAD(publicKeyDer);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
  der.fill(0);
  return { kdf, salt, iv, tag: cipher.getAuthTag(), ciphertext };
}

/** The private key, or null when the password does not open the seal. */
export function unsealPrivateKey(row: KeyRow, password: string): KeyObject | null {
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(password, row.kdf, row.salt), row.iv);
  decipher.setAAD(row.public_key);
  decipher.setAuthTag(row.tag);
  let der: Buffer;
  try {
    der = Buffer.concat([decipher.update(row.ciphertext), decipher.final()]);
  } catch {
    return null; // GCM's tag check failed: another password (or a damaged seal)
  }
  const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  // The seal opened, so it was made with this password for this public key: a different private half inside would
  // be a bug in whatever sealed it, and every signature made with it would fail to verify.
  if (!createPublicKey(key).export({ type: 'spki', format: 'der' }).equals(row.public_key)) throw new Error(`signing key ${row.id}: sealed private key does not match its public key`);
  return key;
}

export function currentKey(db: DB, userId: number): KeyRow | undefined {
  return cached(db, 'SELECT * FROM signing_keys WHERE user_id = ? AND retired_at IS NULL').get(userId) as KeyRow | undefined;
}

export function keyById(db: DB, id: number): KeyRow | undefined {
  return cached(db, 'SELECT * FROM signing_keys WHERE id = ?').get(id) as KeyRow | undefined;
}

/** Makes the user's key pair and stores it sealed with `password`. The caller has checked that it is theirs. */
export function createKey(db: DB, userId: number, password: string, now: number): { keyId: number; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyDer = publicKey.export({ type: 'spki', format: 'der' });
  const seal = sealPrivateKey(privateKey, publicKeyDer, password);
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO signing_keys (user_id, public_key, kdf, salt, iv, tag, ciphertext, created_at)
     VALUES (@userId, @publicKey, @kdf, @salt, @iv, @tag, @ciphertext, @now)`,
  ).run({ userId, publicKey: publicKeyDer, ...seal, now });
  return { keyId: Number(lastInsertRowid), privateKey };
}

/**
 * The user's current key, unsealed with their password, made now if they have none. The caller has checked the
 * password against the account and that it is the user's own. If it still does not open the seal, the key was sealed
 * under a password the account no longer has (changed by something other than `auth.changePassword`): nobody can
 * use that key again, so it is retired and a new one made.
 */
export function signingKeyOf(db: DB, userId: number, password: string, now: number): { keyId: number; privateKey: KeyObject } {
  const row = currentKey(db, userId);
  if (row) {
    const privateKey = unsealPrivateKey(row, password);
    if (privateKey) return { keyId: row.id, privateKey };
    retire(db, row.id, now, 'unsealable');
  }
  return createKey(db, userId, password, now);
}

/**
 * On the user's own password change: the same key, sealed again under the new password. If the current password
 * does not open the seal (the password was changed some other way, e.g. written directly by an older tool), the key
 * can never be used again, so it is retired; the next signing makes a new one.
 */
export function resealKey(db: DB, userId: number, currentPassword: string, newPassword: string, now: number): 'resealed' | 'retired' | 'none' {
  const row = currentKey(db, userId);
  // Stryker disable next-line StringLiteral: no caller reads the result (auth.changePassword and accounts.resetPassword call this for its effect on the key)
  if (!row) return 'none';
  const privateKey = unsealPrivateKey(row, currentPassword);
  if (!privateKey) {
    retire(db, row.id, now, 'unsealable');
    // Stryker disable next-line StringLiteral: no caller reads the result (auth.changePassword and accounts.resetPassword call this for its effect on the key)
    return 'retired';
  }
  const seal = sealPrivateKey(privateKey, row.public_key, newPassword);
  cached(db, 'UPDATE signing_keys SET kdf = @kdf, salt = @salt, iv = @iv, tag = @tag, ciphertext = @ciphertext WHERE id = @id').run({ ...seal, id: row.id });
  // Stryker disable next-line StringLiteral: no caller reads the result (auth.changePassword and accounts.resetPassword call this for its effect on the key)
  return 'resealed';
}

/** On an admin's password reset: the current key is retired (its public half stays; its sealed private half goes). */
export function retireKey(db: DB, userId: number, now: number): boolean {
  const row = currentKey(db, userId);
  // Stryker disable next-line BooleanLiteral: no caller reads the result (auth.changePassword and accounts.resetPassword call this for its effect on the key)
  if (!row) return false;
  retire(db, row.id, now, 'password_reset');
  // Stryker disable next-line BooleanLiteral: no caller reads the result (auth.changePassword and accounts.resetPassword call this for its effect on the key)
  return true;
}

function retire(db: DB, keyId: number, now: number, reason: 'password_reset' | 'unsealable'): void {
  cached(
    db,
    `UPDATE signing_keys SET retired_at = ?, retired_reason = ?, kdf = NULL, salt = NULL, iv = NULL, tag = NULL, ciphertext = NULL
     WHERE id = ?`,
  ).run(now, reason, keyId);
}

/** The public half, for verifying. */
export const publicKeyOf = (row: KeyRow): KeyObject => createPublicKey({ key: row.public_key, format: 'der', type: 'spki' });
