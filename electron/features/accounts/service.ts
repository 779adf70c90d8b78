import type { Account } from '../../../shared/contract/accounts';
import { AppError } from '../../../shared/domain/result';
import type { Role } from '../../../shared/domain/roles';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { Actor } from '../../rpc/context';
import { hashPassword } from './password';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: number;
  must_change_password: number;
  created_at: number;
  updated_at: number;
  last_login_at: number | null;
  roles: string | null; // group_concat
}

const SELECT_USER = `
  SELECT u.*, (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
  FROM users u`;

const toAccount = (r: UserRow): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  roles: (r.roles ? r.roles.split(',') : []).sort() as Role[],
  disabled: r.disabled === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

export function findUserByName(db: DB, username: string): (Account & { passwordHash: string }) | undefined {
  const row = cached(db, `${SELECT_USER} WHERE u.username = ?`).get(username) as UserRow | undefined;
  return row && { ...toAccount(row), passwordHash: row.password_hash };
}

export function passwordHashOf(db: DB, id: number): string {
  const row = cached(db, 'SELECT password_hash FROM users WHERE id = ?').get(id) as { password_hash: string } | undefined;
  // Stryker disable next-line all: never reached; its callers ask for the signed-in user, whom the dispatcher has just read in this same call
  if (!row) throw new AppError('NOT_FOUND', 'No such user.');
  return row.password_hash;
}

export function getAccount(db: DB, id: number): Account {
  const row = cached(db, `${SELECT_USER} WHERE u.id = ?`).get(id) as UserRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such user.');
  return toAccount(row);
}

export function listAccounts(db: DB): Account[] {
  return (cached(db, `${SELECT_USER} ORDER BY u.disabled, u.username`).all() as UserRow[]).map(toAccount);
}

/** The active user behind a session, or undefined if the account is gone or disabled. */
export function loadActor(db: DB, id: number): Actor | undefined {
  const row = cached(db, `${SELECT_USER} WHERE u.id = ? AND u.disabled = 0`).get(id) as UserRow | undefined;
  if (!row) return undefined;
  const a = toAccount(row);
  return { id: a.id, username: a.username, displayName: a.displayName, roles: a.roles, mustChangePassword: a.mustChangePassword };
}

export function insertAccount(
  db: DB,
  a: { username: string; displayName: string; roles: Role[]; password: string; mustChangePassword: boolean },
  now: number,
): Account {
  if (cached(db, 'SELECT 1 FROM users WHERE username = ?').get(a.username)) {
    throw new AppError('CONFLICT', 'This username is taken.', { username: 'v.usernameTaken' });
  }
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO users (username, display_name, password_hash, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(a.username, a.displayName, hashPassword(a.password), a.mustChangePassword ? 1 : 0, now, now);
  const id = Number(lastInsertRowid);
  setRoles(db, id, a.roles);
  return getAccount(db, id);
}

function setRoles(db: DB, id: number, roles: Role[]): void {
  cached(db, 'DELETE FROM user_roles WHERE user_id = ?').run(id);
  const add = cached(db, 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
  for (const role of new Set(roles)) add.run(id, role);
}

function activeAdminCount(db: DB): number {
  return (
    cached(
      db,
      `SELECT count(*) AS n FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE r.role = 'admin' AND u.disabled = 0`,
    ).get() as { n: number }
  ).n;
}

/** The station must always keep one active admin, or nobody could manage accounts again. */
function keepOneAdmin(db: DB): void {
  if (activeAdminCount(db) === 0) {
    throw new AppError('CONFLICT', 'The station must keep at least one active administrator.', {
      roles: 'v.lastAdmin',
    });
  }
}

export function updateAccount(db: DB, id: number, displayName: string, roles: Role[], now: number): Account {
  getAccount(db, id);
  cached(db, 'UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?').run(displayName, now, id);
  setRoles(db, id, roles);
  keepOneAdmin(db);
  return getAccount(db, id);
}

export function setDisabled(db: DB, id: number, disabled: boolean, now: number): Account {
  getAccount(db, id);
  cached(db, 'UPDATE users SET disabled = ?, updated_at = ? WHERE id = ?').run(disabled ? 1 : 0, now, id);
  keepOneAdmin(db);
  return getAccount(db, id);
}

export function setPassword(db: DB, id: number, password: string, mustChange: boolean, now: number): Account {
  getAccount(db, id);
  cached(db, 'UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?').run(
    hashPassword(password),
    mustChange ? 1 : 0,
    now,
    id,
  );
  return getAccount(db, id);
}

export function recordLogin(db: DB, id: number, now: number): void {
  cached(db, 'UPDATE users SET last_login_at = ? WHERE id = ?').run(now, id);
}
