/** The station's accounts and beds for generated data. */
import type { z } from 'zod';
import { AppError } from '../../../../shared/domain/result';
import { permissionsOf, type Role } from '../../../../shared/domain/roles';
import { dayStart, stationDay } from '../../../../shared/domain/time';
import type { DB } from '../../../db/open';
import { insertAccount } from '../../accounts/service';
import { addBeds, zoneRules, type ZoneRow } from '../../intake/zones';
import { readSettings, writeSettings } from '../../settings/service';
import type { Sex, Staff, ZonePlan } from './plan';
import { DEMO_PASSWORD, DEMO_STATION_NAME, HOUR } from './data';

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
  if (!db.prepare('SELECT 1 FROM users LIMIT 1').get()) {
    writeSettings(db, { stationName: DEMO_STATION_NAME, timeZone: 'Asia/Shanghai' });
    // Every demo account has the same published password: it is hashed once (scrypt takes ~0.1–0.2 s), and the
    // staff rows are written as insertAccount writes them, with that hash.
    const [first, ...rest] = STAFF;
    const admin = insertAccount(db, { ...first!, password: DEMO_PASSWORD, mustChangePassword: false }, now);
    const hash = (db.prepare('SELECT password_hash FROM users WHERE id = ?').get(admin.id) as { password_hash: string }).password_hash;
    const user = db.prepare(
      `INSERT INTO users (username, display_name, password_hash, must_change_password, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)`,
    );
    const role = db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)');
    created.push(first!.username);
    for (const s of rest) {
      const id = Number(user.run(s.username, s.displayName, hash, now, now).lastInsertRowid);
      for (const r of s.roles) role.run(id, r);
      created.push(s.username);
    }
  }
  const users = db
    .prepare(
      `SELECT u.id, u.display_name AS name, (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
       FROM users u WHERE u.disabled = 0 ORDER BY u.id`,
    )
    .all() as { id: number; name: string; roles: string | null }[];
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

/** The benchmark's big station: more beds in the standard zones, through the zone settings' service. */
export function addStationBeds(db: DB, extra: Partial<Record<string, number>>): void {
  const prefix: Record<string, string> = { men: '男', women: '女', minors: '少', elderly: '老', medical: '医' };
  for (const [code, n] of Object.entries(extra)) {
    const zone = db.prepare('SELECT id FROM zones WHERE code = ?').get(code) as { id: number } | undefined;
    if (!zone || !n) continue;
    const have = (db.prepare('SELECT count(*) AS n FROM beds WHERE zone_id = ?').get(zone.id) as { n: number }).n;
    addBeds(
      db,
      zone.id,
      Array.from({ length: n }, (_, i) => `${prefix[code] ?? code}-${String(have + i + 1).padStart(2, '0')}`),
    );
  }
}

export function loadZones(db: DB): ZonePlan[] {
  const zones = db.prepare('SELECT * FROM zones WHERE active = 1 ORDER BY sort, id').all() as ZoneRow[];
  const beds = db.prepare('SELECT id, zone_id, label FROM beds WHERE active = 1 ORDER BY label').all() as { id: number; zone_id: number; label: string }[];
  return zones.map((z) => ({ ...zoneRules(z), beds: beds.filter((b) => b.zone_id === z.id).map((b) => ({ id: b.id, label: b.label, stay: -1 })) }));
}

/**
 * Builds a station in an opened, migrated database that holds no persons yet.
 * `demo`: a fortnight of stays through the services, about 60–120 persons, some 15–30 in the station.
 * `bench`: ten years, at least 200,000 persons and 500,000 stays, through the bulk path.
 */
