import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, procedureNames, type ProcedureName } from '../../../shared/contract';
import type { Access } from '../../../shared/contract/define';
import type { AppErrorShape, Result } from '../../../shared/domain/result';
import { PERMISSIONS, ROLES, type Role } from '../../../shared/domain/roles';
import { contentHash, openStation, type TestStation } from '../helpers';
import { MODULE_SPEC, PERMISSION_SPEC, specAllows, specFor } from './permission-spec';
import { validInputs } from '../samples';

/**
 * The whole access table, procedure × role, run for real: one user per role calls every procedure with its
 * valid sample. The expected answers come from the permission spec (tests/core/harness/permission-spec.ts, written from
 * DOMAIN.md's "Its users"), never from the role table the dispatcher enforces: a role the spec allows gets a success
 * or a domain refusal; any other role gets the dispatcher's FORBIDDEN and changes nothing. A procedure missing from
 * the spec fails. The matrix is printed as a table.
 */

/** What a permitted caller may get instead of a success: the procedure saying no about the data, not the role. */
const DOMAIN_REFUSALS = ['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'BAD_CREDENTIALS', 'STOCK_INSUFFICIENT'] as const;
const OPEN_ACCESS: readonly Access[] = ['public', 'session', 'user'];

interface RoleUser {
  id: number;
  username: string;
  session: string;
  /** The password hash `userWith` left (its password is the one the samples use, e.g. for auth.unlock). */
  hash: string;
}

let st: TestStation;
const users = new Map<Role, RoleUser>();
let throwaways = 0;

const passwordHash = (id: number) =>
  (st.core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? '';

beforeAll(() => {
  st = openStation();
  for (const role of ROLES) {
    const username = `only_${role}`;
    const session = st.userWith([role], username);
    const id = st.must('auth.session', {}, session).user.id;
    users.set(role, { id, username, session, hash: passwordHash(id) });
  }
}, 60_000); // seven users, four scrypt hashes each
afterAll(() => st?.close());

/**
 * Puts a role's user back in the state the matrix assumes before each call: active, only that role, its own
 * password, an unlocked session. Earlier cells may have logged it out (auth.logout), locked it (auth.lock) or
 * changed its password (auth.changePassword), which is those procedures working. Account fields go back
 * through the admin's procedures; the password hash is put back directly and the session straight into the
 * in-memory store, because doing either through the procedures would cost several scrypt hashes per cell.
 */
function ready(role: Role): RoleUser {
  const u = users.get(role)!;
  const { db, sessions } = st.core.services;
  expect(st.call('auth.touch', {}, st.adminSession).ok, 'the fixture admin session was lost').toBe(true);
  const account = st.must('accounts.list', {}, st.adminSession).find((a) => a.id === u.id);
  if (!account) throw new Error(`the ${role} test user disappeared`);
  if (account.disabled) st.must('accounts.setDisabled', { id: u.id, disabled: false }, st.adminSession);
  if (account.roles.length !== 1 || account.roles[0] !== role) {
    st.must('accounts.update', { id: u.id, displayName: account.displayName, roles: [role] }, st.adminSession);
  }
  if (account.mustChangePassword || passwordHash(u.id) !== u.hash) {
    db.prepare('UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(u.hash, u.id);
  }
  let session = sessions.get(u.session);
  if (!session) {
    session = sessions.open(u.id, st.clock.now());
    sessions.add(session);
    u.session = session.id;
  }
  session.locked = false;
  const check = st.call('auth.session', {}, u.session);
  if (!check.ok || check.value.mustChangePassword || check.value.locked) {
    throw new Error(`could not prepare the ${role} user: ${JSON.stringify(check)}`);
  }
  return u;
}

/** A fresh account for samples that act on an account by id: never the admin's or a role user's own. */
function throwaway(): number {
  throwaways += 1;
  const name = `throwaway${throwaways}`;
  return st.must('accounts.create', { username: name, displayName: name, roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession).id;
}

/** The sample, aimed at a throw-away account when it names an account by id. */
function sampleFor(name: ProcedureName, target: number | null): unknown {
  const input = structuredClone(validInputs[name]) as Record<string, unknown>;
  if (target !== null) input.id = target;
  return input;
}
const actsOnAccountId = (name: ProcedureName) =>
  name.startsWith('accounts.') && typeof (validInputs[name] as Record<string, unknown>).id === 'number';

const lastAuditActor = () =>
  (st.core.db.prepare('SELECT actor_id FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get() as number | null | undefined) ?? null;

type Cell = string;
const matrix = new Map<ProcedureName, Map<Role, Cell>>();
const footnotes: string[] = [];

describe('the permission matrix', () => {
  it('every procedure is placed in the permission spec and open to at least one role (nobody could call it otherwise)', () => {
    const missing = procedureNames.filter((name) => !(name in PERMISSION_SPEC));
    expect(missing, 'place each in tests/core/harness/permission-spec.ts').toEqual([]);
    for (const name of procedureNames) expect(ROLES.some((r) => specAllows(name, r)), name).toBe(true);
  });

  it.each(ROLES)('a %s user’s session lists the permissions the spec gives the role (the navigation shows what they hold)', (role) => {
    const u = ready(role);
    const granted = st.must('auth.session', {}, u.session).permissions;
    const viaProcedures = procedureNames.filter((n) => specAllows(n, role)).map((n) => contract[n].access);
    const viaModules = Object.entries(MODULE_SPEC).filter(([, roles]) => (roles as readonly Role[]).includes(role)).map(([p]) => p);
    expect(granted).toEqual(PERMISSIONS.filter((p) => viaProcedures.includes(p) || viaModules.includes(p)));
  });

  it.each(procedureNames)('%s: the roles the spec allows are let through, the others get FORBIDDEN and change nothing', (name) => {
    const def = contract[name];
    specFor(name); // a procedure missing from the spec fails here, naming it
    const allowed = ROLES.filter((r) => specAllows(name, r));
    const target = actsOnAccountId(name) ? throwaway() : null;
    const row = new Map<Role, Cell>();
    matrix.set(name, row);
    for (const role of ROLES) {
      const u = ready(role);
      const before = contentHash(st.core);
      const r = st.core.dispatch(name, sampleFor(name, target), { sessionId: u.session }) as Result<unknown>;
      const error: AppErrorShape | null = r.ok ? null : r.error;
      const label = `${name} as ${role} → ${JSON.stringify(r).slice(0, 300)}`;
      const roleRefusal = error?.code === 'FORBIDDEN' && error.detail?.permission !== undefined;
      if (allowed.includes(role)) {
        if (error) {
          expect(roleRefusal, `${label}: refused by role although ${role} may call ${def.access}`).toBe(false);
          if (OPEN_ACCESS.includes(def.access)) expect(error.code, `${label}: ${def.access} procedures never say FORBIDDEN`).not.toBe('FORBIDDEN');
          // A handler may refuse with FORBIDDEN for a reason that is not the role (e.g. not the case's owner).
          const handlerForbidden = error.code === 'FORBIDDEN' && !roleRefusal;
          if (!handlerForbidden) expect(DOMAIN_REFUSALS as readonly string[], label).toContain(error.code);
          expect(contentHash(st.core), `${label}: a refused call changed the database`).toBe(before);
          row.set(role, handlerForbidden ? 'FORBIDDEN*' : error.code);
          if (handlerForbidden) footnotes.push(`${name} as ${role}: ${error.message}`);
        } else {
          if (def.kind === 'mutation' && def.access !== 'public') {
            expect(lastAuditActor(), `${label}: the audit row must name the caller`).toBe(u.id);
          }
          row.set(role, '✓');
        }
      } else {
        expect(error?.code, `${label}: ${role} lacks ${def.access}`).toBe('FORBIDDEN');
        expect(error?.detail?.permission, label).toBe(def.access);
        expect(contentHash(st.core), `${label}: a FORBIDDEN call changed the database`).toBe(before);
        row.set(role, 'FORBIDDEN');
      }
    }
    expect([...row.keys()]).toEqual([...ROLES]);
  });

  it('covers every procedure and role, and prints the matrix', () => {
    expect([...matrix.keys()].sort()).toEqual([...procedureNames].sort());
    const header = ['procedure', 'access', ...ROLES];
    const rows = procedureNames.map((name) => [name, contract[name].access, ...ROLES.map((r) => matrix.get(name)!.get(r) ?? '')]);
    for (const row of rows) for (const cell of row) expect(cell, `empty cell in ${row[0]}`).not.toBe('');
    const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join(' │ ');
    const table = [line(header), width.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)];
    if (footnotes.length) table.push('', '* refused by the procedure itself, not by the role:', ...footnotes.map((f) => `  ${f}`));
    console.log(`\n${table.join('\n')}\n`);
  });
});
