import type { StaffRef } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { permissionsOf, rolesWith, type Role } from '../../../shared/domain/roles';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { coSign } from '../accounts/witness';
import type { StockCtx } from './context';

const rolesOf = (db: DB, userId: number) =>
  cached(db, 'SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.id = ? AND u.disabled = 0').pluck().all(userId) as Role[];

/**
 * An admin or duty leader approves at the storekeeper's desk by typing their own password (a large write-off, a
 * stocktake's differences). They must be someone else, hold `stock.approve`, and know their password; errors land at
 * `${path}.userId` and `${path}.password` of the caller's input. Returns the approver's id.
 */
export function approve(c: StockCtx, who: { userId: number; password: string }, path: string): number {
  const roles = rolesOf(c.db, who.userId);
  if (!permissionsOf(roles).includes('stock.approve')) {
    // An unknown or disabled account is named so by the password check; anyone else is told before their password
    // is tried, so a colleague without the role costs no one a throttled attempt.
    if (roles.length === 0) coSign(c, who, path);
    throw new AppError('VALIDATION', 'Only an admin or a duty leader approves this.', { [`${path}.userId`]: 'v.stock.approverRole' });
  }
  coSign(c, who, path);
  return who.userId;
}

/** Everyone who may approve, for the approver picker. */
export function approvers(db: DB): StaffRef[] {
  const roles = rolesWith('stock.approve');
  const users = cached(
    db,
    `SELECT DISTINCT u.id, u.display_name AS displayName, r.role FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.disabled = 0 ORDER BY u.display_name, u.id`,
  ).all() as (StaffRef & { role: Role })[];
  const seen = new Set<number>();
  return users.filter((u) => roles.includes(u.role) && !seen.has(u.id) && seen.add(u.id)).map(({ id, displayName }) => ({ id, displayName }));
}
