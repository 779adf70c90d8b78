import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { openCore, type Core } from '../../electron/core';
import { contract, type Input, type Output, type ProcedureName } from '../../shared/contract';
import { withValidationContext } from '../../shared/contract/validation-context';
import { validationContextOf } from '../../electron/rpc/dispatch';
import { isInputPath } from './harness/schema-paths';
import { scryptWork } from '../../electron/features/accounts/password';
import { removeSetUpStationFolder, setUp } from './set-up-folder';
import type { Result } from '../../shared/domain/result';
import type { Role } from '../../shared/domain/roles';

export function tempDir(prefix = 'stationdesk-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A maker of temp folders for one test file, each removed when `cleanUp` runs: pass it to `afterAll` or
 * `afterEach` (`const dirs = tempDirs(); afterAll(dirs.cleanUp); … dirs.fresh()`).
 */
export function tempDirs() {
  const made: string[] = [];
  return {
    fresh: (): string => {
      const d = tempDir();
      made.push(d);
      return d;
    },
    cleanUp: (): void => {
      for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}

/** A controllable clock for idle lock and throttle tests. */
export class TestClock {
  constructor(public t = Date.UTC(2026, 6, 20, 1, 0, 0)) {}
  now = () => this.t;
  advance(ms: number) {
    this.t += ms;
  }
}

const silent = { info() {}, error() {} };

export interface TestStation {
  core: Core;
  clock: TestClock;
  dir: string;
  call<K extends ProcedureName>(name: K, input: Input<K>, sessionId?: string): Result<Output<K>>;
  /** Calls and asserts success. */
  must<K extends ProcedureName>(name: K, input: Input<K>, sessionId?: string): Output<K>;
  adminSession: string;
  /** Creates a user with the roles, changes the temporary password, returns their session id. */
  userWith(roles: Role[], username?: string): string;
  close(): void;
}

export const ADMIN = { username: 'admin', displayName: '王站长', password: 'Admin-pass-1', passwordConfirm: 'Admin-pass-1' };

/**
 * The data folder of a station just set up (`setup.initialize` with ADMIN, at the test clock's start), made once in a
 * test file and copied for every set-up station: building the schema and the first account was half of what a test
 * station cost, and the core tests open several hundred. A copy is the same station, byte for byte but for the
 * admin's password salt, which is random anyway. Made when first asked, so that under `npm run mutate` it is made with
 * the run's mutant on; removed after each test file (tests/core/setup.ts, through tests/core/set-up-folder.ts).
 */
function setUpStationFolder(): string {
  // The admin's hash is made at the work factor in force (a test may ask for the app's own, withAppScrypt).
  const scrypt = JSON.stringify(scryptWork);
  if (setUp.folder?.scrypt !== scrypt) {
    removeSetUpStationFolder();
    const dir = tempDir('stationdesk-set-up-');
    const core = openCore({ dataDir: dir, clock: new TestClock().now, logger: silent });
    try {
      const r = core.dispatch('setup.initialize', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', admin: ADMIN }, {});
      if (!r.ok) throw new Error(`setup.initialize failed: ${JSON.stringify(r.error)}`);
    } finally {
      core.close();
    }
    setUp.folder = { dir, scrypt };
  }
  return setUp.folder.dir;
}

/** A fresh, set-up station on a real SQLite file in a temp folder (`setup: false`: an empty one, not yet set up). */
export function openStation(opts: { setup?: boolean } = {}): TestStation {
  const dir = tempDir();
  if (opts.setup !== false) fs.cpSync(setUpStationFolder(), dir, { recursive: true });
  const clock = new TestClock();
  const core = openCore({ dataDir: dir, clock: clock.now, logger: silent });
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
  let adminSession = '';
  if (opts.setup !== false) {
    adminSession = must('auth.login', { username: ADMIN.username, password: ADMIN.password }).sessionId;
  }
  let n = 0;
  const userWith = (roles: Role[], username = `user${++n}`) => {
    const temp = 'Temp-pass-1';
    must('accounts.create', { username, displayName: username, roles, password: temp, passwordConfirm: temp }, adminSession);
    const sid = must('auth.login', { username, password: temp }).sessionId;
    must('auth.changePassword', { currentPassword: temp, newPassword: 'Own-pass-22', newPasswordConfirm: 'Own-pass-22' }, sid);
    return sid;
  };
  return {
    core,
    clock,
    dir,
    call,
    must,
    adminSession,
    userWith,
    close: () => {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every field a refusal names is a path of the procedure's own input (issue 8: a key the form does not have is an
 * error nobody sees). Checked on every call the core tests make through a test station, and by the fuzzer.
 */
export function expectFieldsOfInput(name: string, r: Result<unknown>): void {
  if (r.ok || !r.error.fields || !(name in contract)) return;
  for (const key of Object.keys(r.error.fields)) {
    if (!isInputPath(contract[name as ProcedureName].input, key)) {
      throw new Error(`${name} refused with a field error at "${key}", which is not a path of its input: ${JSON.stringify(r.error)}`);
    }
  }
}

/** The contract's parse of `input` as the station's dispatcher runs it (its clock, its date settings). */
export function parseAsStation<K extends ProcedureName>(st: TestStation, name: K, input: unknown) {
  return withValidationContext(validationContextOf(st.core.services, st.clock.now()), () => contract[name].input.safeParse(input));
}

/** The last row of the audit log, its before and after read back from JSON. */
export function lastAudit(core: Core) {
  type Row = { procedure: string; entity: string; entity_id: string | null; actor_id: number | null; before: string | null; after: string | null };
  const row = core.db.prepare('SELECT procedure, entity, entity_id, actor_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as Row;
  const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));
  return { ...row, before: json(row.before), after: json(row.after) };
}

/** A hash of every user table's rows: "changed nothing" means this is equal before and after. */
export function contentHash(core: Core): string {
  const h = createHash('sha256');
  const tables = core.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    h.update(t);
    const rows = (core.db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r));
    for (const row of rows.sort()) h.update(row);
  }
  return h.digest('hex');
}
