import { hashPassword } from '../../../electron/features/accounts/password';
import type { Session } from '../../../electron/rpc/sessions';
import type { Input, ProcedureName } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/roles';
import { openStation, type TestStation } from '../helpers';

/** A station with the people a duty day needs, and a clock that moves without locking their screens. */
export const OWN = 'Own-pass-22';
export const SH = 'Asia/Shanghai';

/** The station settings a duty test saves along with what it changes (settings.update takes them whole). */
export const BASE_SETTINGS = { stationName: '测试区救助管理站', timeZone: SH, idleLockMinutes: 10 };

/** Three eight-hour shifts, the last starting at midnight, in place of the default day and night. */
export const THREE_SHIFTS = [
  { code: 'early', name: '早班', start: '08:00', end: '16:00' },
  { code: 'late', name: '中班', start: '16:00', end: '00:00' },
  { code: 'night', name: '夜班', start: '00:00', end: '08:00' },
];

type Name = keyof typeof PEOPLE | 'admin';
type ByName<T> = Record<Name, T> & Record<string, T>;

export interface DutyStation extends TestStation {
  /** Sessions by username. */
  s: ByName<string>;
  /** User ids by username. */
  user: ByName<number>;
  /** Staff-directory ids by username. */
  staff: ByName<number>;
  /** Sets the clock; everyone stays signed in and unlocked (the idle lock is not what these tests are about). */
  at(t: number): void;
  /** A refusal's code and fields, as `CODE {fields}`; 'ok' on success. */
  outcome<K extends ProcedureName>(name: K, input: Input<K>, session: string): string;
}

export const PEOPLE = {
  desk: ['front_desk'],
  desk2: ['front_desk'],
  guard: ['duty_staff'],
  leader: ['duty_leader'],
  leader2: ['duty_leader'],
} satisfies Record<string, Role[]>;

/** 'YYYY-MM-DD' and 'HH:MM' on the station's clock (Shanghai, UTC+8, no DST) as an instant. */
export function wall(day: string, hhmm: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh - 8, mm);
}

let ownHash: string | null = null;

/**
 * Adds a signed-in user with their own password (OWN). Written straight into the database and the session store,
 * as `userWith` would leave them, without its four password hashes: on a loaded 2-core machine each costs ~0.5 s.
 */
export function addUser(st: TestStation, name: string, roles: Role[]): string {
  ownHash ??= hashPassword(OWN);
  const db = st.core.db;
  const now = st.clock.now();
  const id = Number(
    db.prepare('INSERT INTO users (username, display_name, password_hash, must_change_password, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)').run(name, name, ownHash, now, now)
      .lastInsertRowid,
  );
  for (const role of roles) db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?, ?)').run(id, role);
  const session = st.core.services.sessions.open(id, now);
  st.core.services.sessions.add(session);
  return session.id;
}

export function dutyStation(people: Record<string, Role[]> = PEOPLE): DutyStation {
  const st = openStation();
  const s = {} as ByName<string>;
  for (const [name, roles] of Object.entries(people)) s[name] = addUser(st, name, roles);
  const accounts = st.must('accounts.list', {}, st.adminSession);
  const user = Object.fromEntries(accounts.map((a) => [a.username, a.id])) as ByName<number>;
  const staffRows = st.must('roster.staff', {}, st.adminSession);
  const staff = Object.fromEntries(accounts.map((a) => [a.username, staffRows.find((r) => r.userId === a.id)!.id])) as ByName<number>;
  s.admin = st.adminSession;
  const sessions = (st.core.services.sessions as unknown as { byId: Map<string, Session> }).byId;
  return {
    ...st,
    s,
    user,
    staff,
    at(t: number) {
      st.clock.t = t;
      for (const session of sessions.values()) {
        session.lastActivity = t;
        session.locked = false;
      }
    },
    outcome(name, input, session) {
      const r = st.call(name, input, session);
      return r.ok ? 'ok' : `${r.error.code} ${JSON.stringify(r.error.fields ?? {})}`;
    },
  };
}
