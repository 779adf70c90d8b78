import type { z } from 'zod';
import type { StaffEntry, staffSaveInput } from '../../../shared/contract/roster';
import { ROLE_POSTS, type Post } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import { permissionsOf, type Role } from '../../../shared/domain/roles';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

/**
 * The staff directory: every account (its row made with the account, migration 0070) and staff who never sign in.
 * An account's name and whether it is active are the account's; its posts are its roles' until set here.
 */
interface StaffRow {
  id: number;
  user_id: number | null;
  name: string;
  job: string | null;
  posts: string | null;
  active: number;
  roles: string | null;
}

const STAFF_SQL = `SELECT s.id, s.user_id, coalesce(s.name, u.display_name) AS name, s.job, s.posts,
    CASE WHEN s.user_id IS NULL THEN s.active ELSE 1 - u.disabled END AS active,
    (SELECT group_concat(r.role) FROM user_roles r WHERE r.user_id = s.user_id) AS roles
  FROM staff s LEFT JOIN users u ON u.id = s.user_id`;

function toEntry(r: StaffRow): StaffEntry {
  const roles = (r.roles ? r.roles.split(',') : []) as Role[];
  const fromRoles = r.posts === null;
  // Stryker disable next-line ArrayDeclaration: ROLE_POSTS has an entry for every role (Record<Role, …>), and user_roles holds only those roles (CHECK in 0010-foundation.sql)
  const posts: Post[] = fromRoles ? [...new Set(roles.flatMap((role) => ROLE_POSTS[role] ?? []))] : (JSON.parse(r.posts!) as Post[]);
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    job: r.job,
    posts,
    postsFromRoles: fromRoles,
    active: r.active === 1,
    // Stryker disable next-line ConditionalExpression: staff without an account have no roles, so permissionsOf grants them no handover.sign either way
    leader: r.user_id !== null && permissionsOf(roles).includes('handover.sign'),
  };
}

export function listStaff(db: DB): StaffEntry[] {
  return (cached(db, `${STAFF_SQL} ORDER BY s.user_id IS NULL, name, s.id`).all() as StaffRow[]).map(toEntry);
}

export function staffEntry(db: DB, id: number): StaffEntry | undefined {
  const row = cached(db, `${STAFF_SQL} WHERE s.id = ?`).get(id) as StaffRow | undefined;
  return row && toEntry(row);
}

/** The staff row of an account (every account has one). */
export function staffOfUser(db: DB, userId: number): StaffEntry {
  const row = cached(db, `${STAFF_SQL} WHERE s.user_id = ?`).get(userId) as StaffRow | undefined;
  // Stryker disable next-line ConditionalExpression: every account has its staff row (made with the account, migration 0070); without one, toEntry throws all the same (INTERNAL), the check names the bug in the log
  if (!row) throw new Error(`account ${userId} has no staff row`);
  return toEntry(row);
}

/** The posts someone may fill now: leader on duty only for an active duty leader's account. */
export function qualifiedPosts(s: StaffEntry): Post[] {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: its one caller (coverage.ts) lists an inactive person's rows as inactive before it reads their posts
  if (!s.active) return [];
  return s.posts.filter((p) => p !== 'leader' || s.leader);
}

/** An active staff member named by an input field, or a field error there. */
export function requireStaff(db: DB, id: number, field: string): StaffEntry {
  const s = staffEntry(db, id);
  if (!s) throw new AppError('VALIDATION', 'No such staff member.', { [field]: 'v.staffUnknown' });
  if (!s.active) throw new AppError('VALIDATION', 'This staff member is no longer active.', { [field]: 'v.staffInactive' });
  return s;
}

/** Adds staff who never sign in, or changes someone's job, posts or (for staff without an account) whether active. */
export function saveStaff(db: DB, input: z.output<typeof staffSaveInput>, now: number): { before: StaffEntry | null; after: StaffEntry } {
  // Stryker disable next-line ConditionalExpression: no staff row has an undefined id, so looking one up finds nothing, as null says
  const before = input.id === undefined ? null : (staffEntry(db, input.id) ?? null);
  if (input.id !== undefined && !before) throw new AppError('VALIDATION', 'No such staff member.', { id: 'v.staffUnknown' });
  const account = before?.userId != null;
  if (account && input.name !== undefined) throw new AppError('VALIDATION', 'An account’s name is changed in user administration.', { name: 'v.accountName' });
  if (account && input.active !== undefined) throw new AppError('VALIDATION', 'An account is enabled or disabled in user administration.', { active: 'v.accountActive' });
  if (!account && input.posts === null) throw new AppError('VALIDATION', 'Staff without an account need their posts.', { posts: 'v.required' });
  if (input.posts?.includes('leader') && !before?.leader) {
    throw new AppError('VALIDATION', 'Only a duty leader’s account can be leader on duty.', { posts: 'v.leaderNotSigner' });
  }
  const posts = input.posts === undefined ? undefined : input.posts === null ? null : JSON.stringify([...new Set(input.posts)]);
  if (!before) {
    const { lastInsertRowid } = cached(db, 'INSERT INTO staff (name, job, posts, active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.name!,
      input.job || null,
      posts!,
      input.active === false ? 0 : 1,
      now,
      now,
    );
    return { before, after: staffEntry(db, Number(lastInsertRowid))! };
  }
  cached(
    db,
    `UPDATE staff SET name = CASE WHEN @name IS NULL THEN name ELSE @name END,
       job = CASE WHEN @setJob THEN @job ELSE job END,
       posts = CASE WHEN @setPosts THEN @posts ELSE posts END,
       active = coalesce(@active, active), updated_at = @now WHERE id = @id`,
  ).run({
    id: before.id,
    name: input.name ?? null,
    setJob: input.job === undefined ? 0 : 1,
    job: input.job || null,
    setPosts: posts === undefined ? 0 : 1,
    posts: posts ?? null,
    active: input.active === undefined ? null : input.active ? 1 : 0,
    now,
  });
  return { before, after: staffEntry(db, before.id)! };
}
