import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, procedureNames, type ProcedureName } from '../../../shared/contract';
import { ROLES } from '../../../shared/domain/roles';
import { contentHash, openStation, parseAsStation, type TestStation } from '../helpers';
import { PERMISSION_SPEC, PUBLIC, specAllows, specFor } from './permission-spec';
import { validInputs } from '../samples';

/**
 * Over the whole contract, not one procedure: for every procedure, a call without a session, a call with
 * malformed input and a call from a role without the permission each return the right code and change nothing.
 */
let st: TestStation;
const sessionByRole = new Map<string, string>();
beforeAll(() => {
  st = openStation();
  for (const role of ROLES) sessionByRole.set(role, st.userWith([role], `only_${role}`));
});
afterAll(() => st.close());

function expectRefused(name: ProcedureName, input: unknown, sessionId: string | undefined, code: string) {
  const before = contentHash(st.core);
  const r = st.core.dispatch(name, input, { sessionId });
  expect(r.ok ? 'ok' : r.error.code, `${name} → ${JSON.stringify(r)}`).toBe(code);
  expect(contentHash(st.core), `${name} changed the database`).toBe(before);
}

const MALFORMED: unknown[] = [42, 'text', null, [], { __proto__: { admin: true } }, { id: 'one' }];

describe.each(procedureNames)('%s', (name) => {
  it('refuses malformed input with VALIDATION and field detail, changing nothing', () => {
    for (const bad of MALFORMED.slice(0, 4)) expectRefused(name, bad, st.adminSession, 'VALIDATION');
    const r = st.core.dispatch(name, 42, { sessionId: st.adminSession });
    expect(!r.ok && Object.keys(r.error.fields ?? {})).not.toHaveLength(0);
  });

  // Who may call what comes from the permission spec (tests/core/harness/permission-spec.ts), not from the role table.
  // Public procedures (setup, login) have no session to lack; those open to everyone no role to lack.
  if (!(name in PERMISSION_SPEC)) {
    it('is placed in the permission spec', () => void specFor(name));
    return;
  }
  if (specFor(name) !== PUBLIC) {
    it('refuses a call without a session, or with a made-up one, with UNAUTHENTICATED', () => {
      expectRefused(name, validInputs[name], undefined, 'UNAUTHENTICATED');
      expectRefused(name, validInputs[name], 'not-a-session', 'UNAUTHENTICATED');
    });
  }

  const lacking = ROLES.filter((r) => !specAllows(name, r));
  if (lacking.length > 0) {
    it(`refuses ${lacking.join(', ')} with FORBIDDEN`, () => {
      for (const role of lacking) expectRefused(name, validInputs[name], sessionByRole.get(role), 'FORBIDDEN');
    });
  }
});

describe('the contract as a whole', () => {
  it('answers an unknown procedure with UNKNOWN_PROCEDURE and changes nothing', () => {
    for (const name of ['nope', '', 'accounts.drop', '__proto__', 'constructor', 'toString']) {
      const before = contentHash(st.core);
      const r = st.core.dispatch(name, {}, { sessionId: st.adminSession });
      expect(r.ok ? 'ok' : r.error.code).toBe('UNKNOWN_PROCEDURE');
      expect(contentHash(st.core)).toBe(before);
    }
  });

  it('every procedure’s sample input is valid, so the refusals above are about session and role', () => {
    for (const name of procedureNames) expect(parseAsStation(st, name, validInputs[name]).success, name).toBe(true);
  });

  it('every mutation writes an audit row, every query writes nothing', () => {
    // Run each sample as the admin on a fresh station; mutations that succeed must add exactly their rows.
    const fresh = openStation();
    try {
      const count = () => (fresh.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      for (const name of procedureNames) {
        if (name === 'auth.logout' || name === 'auth.lock') continue; // would end or lock the admin session used below
        const before = count();
        const hash = contentHash(fresh.core);
        const r = fresh.core.dispatch(name, validInputs[name], { sessionId: fresh.adminSession });
        if (contract[name].kind === 'query') expect(contentHash(fresh.core), name).toBe(hash);
        else if (r.ok) expect(count(), name).toBeGreaterThan(before);
        else expect(count(), name).toBe(before);
      }
    } finally {
      fresh.close();
    }
  });

  it('an internal error is logged with detail and returned without a stack', () => {
    const fresh = openStation();
    const logged: string[] = [];
    fresh.core.services.logger.error = (m, meta) => void logged.push(`${m} ${JSON.stringify(meta)}`);
    try {
      fresh.core.db.exec('DROP TRIGGER audit_log_no_update; CREATE TABLE users_backup AS SELECT * FROM users;');
      fresh.core.db.exec("CREATE TRIGGER break_users BEFORE UPDATE ON users BEGIN SELECT RAISE(ABORT, 'disk says no'); END;");
      const before = contentHash(fresh.core);
      const r = fresh.core.dispatch('settings.update', { stationName: '新名字站', timeZone: 'Asia/Shanghai', idleLockMinutes: 5 }, { sessionId: fresh.adminSession });
      expect(r.ok).toBe(true); // settings do not touch users: only the broken path fails
      const id = fresh.must('accounts.list', {}, fresh.adminSession)[0]!.id;
      const broken = fresh.core.dispatch('accounts.update', { id, displayName: 'x', roles: ['admin'] }, { sessionId: fresh.adminSession });
      expect(broken.ok ? 'ok' : broken.error.code).toBe('INTERNAL');
      expect(JSON.stringify(broken)).not.toMatch(/disk says no|at .*\.ts|\n/);
      expect(logged.join('\n')).toMatch(/disk says no/);
      expect(contentHash(fresh.core)).not.toBe(before); // the settings change committed…
      expect(fresh.must('accounts.list', {}, fresh.adminSession)[0]!.displayName).toBe('王站长'); // …the failed one did not
    } finally {
      fresh.close();
    }
  });
});
