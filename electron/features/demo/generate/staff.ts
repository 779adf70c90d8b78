/** The station's accounts for generated data, and who of them is on duty when (every section asks). */
import { AppError } from '../../../../shared/domain/result';
import { permissionsOf, type Role } from '../../../../shared/domain/roles';
import { dayStart, stationDay } from '../../../../shared/domain/time';
import type { DB } from '../../../db/open';
import { cached } from '../../../db/statements';
import { insertAccount } from '../../accounts/service';
import { readSettings, writeSettings } from '../../settings/service';
import { DAY, DEMO_PASSWORD, DEMO_STATION_NAME, HOUR } from './data';
import type { Staff } from './section';

export type { Staff };

export const STAFF: readonly { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '王建国', roles: ['admin'] },
  { username: 'liming', displayName: '李明', roles: ['front_desk'] },
  { username: 'zhaojing', displayName: '赵静', roles: ['front_desk'] },
  { username: 'sunwei', displayName: '孙伟', roles: ['front_desk'] },
  { username: 'zhoulan', displayName: '周兰', roles: ['front_desk'] },
  { username: 'chenzhiqiang', displayName: '陈志强', roles: ['duty_leader'] },
  { username: 'yangli', displayName: '杨丽', roles: ['duty_leader'] },
  { username: 'wuhao', displayName: '吴浩', roles: ['duty_staff'] },
  { username: 'hexiaomei', displayName: '何晓梅', roles: ['storekeeper'] },
  { username: 'guoping', displayName: '郭平', roles: ['food_safety'] },
  { username: 'majun', displayName: '马军', roles: ['inspector'] },
];

/** The demo accounts (all with password `Demo-pass-1`), for the UI's "sign in as" hints and the tests. */
export const DEMO_ACCOUNTS = STAFF.map(({ username, displayName, roles }) => ({ username, displayName, roles }));

export function ensureStaff(db: DB, now: number): { staff: Staff; created: string[] } {
  const created: string[] = [];
  if (!cached(db, 'SELECT 1 FROM users LIMIT 1').get()) {
    writeSettings(db, { stationName: DEMO_STATION_NAME, timeZone: 'Asia/Shanghai' });
    // Every demo account has the same published password: it is hashed once (scrypt takes ~0.1–0.2 s), and the
    // staff rows are written as insertAccount writes them, with that hash.
    const [first, ...rest] = STAFF;
    const admin = insertAccount(db, { ...first!, password: DEMO_PASSWORD, mustChangePassword: false }, now);
    const hash = (cached(db, 'SELECT password_hash FROM users WHERE id = ?').get(admin.id) as { password_hash: string }).password_hash;
    const user = cached(
      db,
      `INSERT INTO users (username, display_name, password_hash, must_change_password, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)`,
    );
    const role = cached(db, 'INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
    created.push(first!.username);
    for (const s of rest) {
      const id = Number(user.run(s.username, s.displayName, hash, now, now).lastInsertRowid);
      for (const r of s.roles) role.run(id, r);
      created.push(s.username);
    }
  }
  const users = cached(
    db,
    `SELECT u.id, u.display_name AS name, (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
     FROM users u WHERE u.disabled = 0 ORDER BY u.id`,
  ).all() as { id: number; name: string; roles: string | null }[];
  const withRole = (role: Role) => users.filter((u) => (u.roles ?? '').split(',').includes(role));
  const canWrite = users.filter((u) => permissionsOf(((u.roles ?? '').split(',').filter(Boolean) as Role[])).includes('intake.write'));
  const admin = withRole('admin')[0] ?? users[0];
  if (!admin) throw new AppError('CONFLICT', 'The station has no active account to generate data as.');
  const deskRole = withRole('front_desk');
  const desk = (deskRole.length ? deskRole : canWrite.length ? canWrite : [admin]).map(({ id, name }) => ({ id, name }));
  const leaders = withRole('duty_leader').map(({ id, name }) => ({ id, name }));
  const day = stationDay(now, readSettings(db).timeZone);
  return {
    staff: { desk, leaders, outreach: withRole('duty_staff').map((u) => u.name), admin: { id: admin.id, name: admin.name }, dayZero: dayStart(day, readSettings(db).timeZone) + 8 * HOUR },
    created,
  };
}

/** Every account's display name, by id. */
export function displayNames(db: DB): Map<number, string> {
  return new Map((cached(db, 'SELECT id, display_name FROM users').all() as { id: number; display_name: string }[]).map((u) => [u.id, u.display_name]));
}

// -- on duty: the desk works twelve-hour shifts in turn, the duty leaders a day each -------------------------------

const shift = (staff: Staff, t: number) => Math.floor((t - staff.dayZero) / (12 * HOUR));
const turn = (n: number, length: number) => ((n % length) + length) % length;

/** The front-desk member on shift at `t`. */
export function deskOn(staff: Staff, t: number): number {
  return staff.desk[turn(shift(staff, t), staff.desk.length)]!.id;
}

/** A second staff member on the same shift (to co-sign), or none when the station has only one. */
export function witnessOn(staff: Staff, t: number, actor: number): number | null {
  const d = staff.desk;
  const s = turn(shift(staff, t), d.length);
  for (const cand of [d[(s + 1) % d.length], ...staff.leaders]) if (cand && cand.id !== actor) return cand.id;
  return null;
}

/** The duty leader of the day of `t` (the desk, where the station has no duty leader). */
export function leaderOn(staff: Staff, t: number): number {
  const l = staff.leaders.length ? staff.leaders : staff.desk;
  return l[turn(Math.floor((t - staff.dayZero) / DAY), l.length)]!.id;
}

/** Another front-desk member than `actor` (to hand a case over to), or none. */
export function otherDeskThan(staff: Staff, t: number, actor: number): number | null {
  const others = staff.desk.filter((d) => d.id !== actor);
  return others.length ? others[Math.floor(t / HOUR) % others.length]!.id : null;
}
