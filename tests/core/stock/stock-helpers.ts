import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../../electron/core';
import { DATABASE_FILE } from '../../../electron/db/open';
import type { Input, Output, ProcedureName } from '../../../shared/contract';
import type { Result } from '../../../shared/domain/result';
import type { Role } from '../../../shared/domain/roles';
import { expectFieldsOfInput, openStation, tempDir, TestClock, type TestStation } from '../helpers';

export const PASSWORD = 'Own-pass-22';

/** 09:00 on 20 July 2026 in Shanghai: the stock tests' "now" (today is 2026-07-20). */
export const NOW = Date.UTC(2026, 6, 20, 1, 0);
export const DAY = 86_400_000;

export interface StockStation {
  st: TestStation;
  /** The storekeeper's session. */
  store: string;
  /** A front-desk session. */
  desk: string;
  /** A duty leader (approves) and a colleague without the role, by id, with their password. */
  leader: { id: number; session: string };
  colleague: { id: number; session: string };
  item(input?: Partial<Input<'stock.itemSave'>>): number;
  receive(itemId: number, quantity: number, extra?: Partial<Input<'stock.receive'>['lines'][number]>, header?: Partial<Input<'stock.receive'>>): ReturnType<TestStation['must']>;
  /** Moves the clock, and unlocks every session the idle lock closed meanwhile. */
  advance(ms: number): void;
  stay(): number;
}

/**
 * The stock tests' station: set up once per test file (an admin, a storekeeper, a front desk, a duty leader and a
 * duty staff member cost a dozen scrypt hashes), then copied for each test, with its sessions put straight into the
 * new core's memory as a login would.
 */
let template: { dir: string; users: Record<string, number> } | undefined;
function buildTemplate() {
  const st = openStation();
  const users: Record<string, number> = { admin: st.must('auth.session', {}, st.adminSession).user.id };
  for (const [name, role] of [['store', 'storekeeper'], ['desk', 'front_desk'], ['leader', 'duty_leader'], ['colleague', 'duty_staff']] as const) {
    users[name] = st.must('auth.session', {}, st.userWith([role], name)).user.id;
  }
  st.core.close();
  process.on('exit', () => fs.rmSync(st.dir, { recursive: true, force: true }));
  return { dir: st.dir, users };
}

/** A TestStation over a copy of the template's database. */
function copiedStation(): TestStation & { sessionOf(name: string): string } {
  template ??= buildTemplate();
  const dir = tempDir();
  fs.copyFileSync(path.join(template.dir, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  const clock = new TestClock(NOW);
  const core = openCore({ dataDir: dir, clock: clock.now, logger: { info() {}, error() {} } });
  const call = <K extends ProcedureName>(name: K, input: Input<K>, sessionId?: string) => {
    const r = core.dispatch(name, input, { sessionId }) as Result<Output<K>>;
    expectFieldsOfInput(name, r);
    return r;
  };
  const must = <K extends ProcedureName>(name: K, input: Input<K>, sessionId?: string): Output<K> => {
    const r = call(name, input, sessionId);
    if (!r.ok) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const sessionOf = (name: string) => {
    const session = core.services.sessions.open(template!.users[name]!, clock.now());
    core.services.sessions.add(session);
    return session.id;
  };
  let n = 0;
  return {
    core,
    clock,
    dir,
    call,
    must,
    adminSession: sessionOf('admin'),
    sessionOf,
    userWith(roles: Role[], username = `extra${++n}`) {
      const temp = 'Temp-pass-1';
      must('accounts.create', { username, displayName: username, roles, password: temp, passwordConfirm: temp }, this.adminSession);
      const sid = must('auth.login', { username, password: temp }).sessionId;
      must('auth.changePassword', { currentPassword: temp, newPassword: PASSWORD, newPasswordConfirm: PASSWORD }, sid);
      return sid;
    },
    close() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function stockStation(): StockStation {
  const st = copiedStation();
  const store = st.sessionOf('store');
  const desk = st.sessionOf('desk');
  const leaderSession = st.sessionOf('leader');
  const colleagueSession = st.sessionOf('colleague');
  const id = (s: string) => st.must('auth.session', {}, s).user.id;
  let n = 0;
  const sessions = [store, desk, leaderSession, colleagueSession, st.adminSession];
  const self: StockStation = {
    st,
    store,
    desk,
    leader: { id: id(leaderSession), session: leaderSession },
    colleague: { id: id(colleagueSession), session: colleagueSession },
    item(input = {}) {
      n += 1;
      return st.must('stock.itemSave', { name: `物资${n}`, category: 'water', unit: '瓶', tracksExpiry: true, frontDesk: true, ...input }, store).id;
    },
    receive(itemId, quantity, extra = {}, header = {}) {
      return st.must('stock.receive', { source: 'allocation', lines: [{ itemId, quantity, expiresOn: '2027-07-01', ...extra }], ...header }, store);
    },
    advance(ms) {
      st.clock.advance(ms);
      for (const s of sessions) {
        const session = st.core.services.sessions.get(s);
        if (session) {
          session.locked = false;
          session.lastActivity = st.clock.now();
        }
      }
    },
    stay() {
      return st.must('intake.register', { person: { name: `受助人${++n}`, sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: st.clock.now() }, desk).stayId;
    },
  };
  return self;
}

export const code = (r: { ok: boolean; error?: { code: string; fields?: Record<string, string> } }) =>
  r.ok ? 'ok' : `${r.error!.code} ${JSON.stringify(r.error!.fields ?? {})}`;
