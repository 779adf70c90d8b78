import type { Input } from '../../shared/contract';
import { openStation, type TestStation } from './helpers';

/** 03:00 on Monday 20 July 2026 in Shanghai (the station's zone): the station's "today" in these tests. */
export const NIGHT = Date.UTC(2026, 6, 19, 19, 0);
export const TODAY = '2026-07-20';
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export interface Desk {
  st: TestStation;
  /** A front-desk session. */
  desk: string;
  /** A second front-desk member of staff, for witnesses and handovers. */
  readonly colleague: { id: number; session: string };
  deskId: number;
  /** A duty leader's session. */
  readonly leader: string;
  witness(): { userId: number; password: string };
  register(person: Input<'intake.register'>['person']): { stayId: number; personId: number };
  /** Registered and admitted to the station. */
  admitted(person: Input<'intake.register'>['person']): { stayId: number; personId: number };
  /** The clock moves on; the idle lock engages, and everyone unlocks with their password. */
  pass(ms: number): void;
  /** The clock set to an instant; everyone unlocks. */
  at(t: number): void;
}

/**
 * A station at 03:05 on 20 July 2026 with a front desk signed in; the colleague and the duty leader sign in when a
 * test first needs them (each account costs a few password hashes).
 */
export function openDesk(): Desk {
  const st = openStation();
  st.clock.t = NIGHT + 5 * MINUTE;
  const sessions = new Map<string, string>();
  const signedIn = (username: string, role: 'front_desk' | 'duty_leader') => {
    if (!sessions.has(username)) sessions.set(username, st.userWith([role], username));
    return sessions.get(username)!;
  };
  const idOf = (username: string) => st.must('accounts.list', {}, st.adminSession).find((u) => u.username === username)!.id;
  const unlockAll = () => {
    for (const s of sessions.values()) st.must('auth.unlock', { password: 'Own-pass-22' }, s);
    st.must('auth.unlock', { password: 'Admin-pass-1' }, st.adminSession);
  };
  const desk = signedIn('desk', 'front_desk');
  const register = (person: Input<'intake.register'>['person']) => st.must('intake.register', { person, channel: 'walk_in', arrivedAt: NIGHT }, desk);
  return {
    st,
    desk,
    get colleague() {
      return { session: signedIn('colleague', 'front_desk'), id: idOf('colleague') };
    },
    deskId: idOf('desk'),
    get leader() {
      return signedIn('leader', 'duty_leader');
    },
    witness() {
      signedIn('colleague', 'front_desk');
      return { userId: idOf('colleague'), password: 'Own-pass-22' };
    },
    register,
    admitted(person) {
      const r = register(person);
      st.must('intake.triage', { stayId: r.stayId, decision: 'admit' }, desk);
      return r;
    },
    pass(ms) {
      st.clock.advance(ms);
      unlockAll();
    },
    at(t) {
      st.clock.t = t;
      unlockAll();
    },
  };
}

/** The refusal of a call, to compare by code and field: `expect(refusal(r)).toMatchObject({ code, fields })`. */
export function refusal(r: { ok: boolean; error?: unknown }): unknown {
  return r.ok ? { ok: true } : r.error;
}
