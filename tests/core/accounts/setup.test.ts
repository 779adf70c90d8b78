import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../electron/features/demo/generate';
import { ADMIN, contentHash, openStation, type TestStation } from '../helpers';

/**
 * First run (shared/contract/setup.ts): a station is set up once, either as a new station with its first admin or as
 * the demo station, and either way the set-up goes on the record with who did it (DOMAIN: every record says who did
 * what, when). tests/core/accounts/accounts.test.ts covers the set-up form's refusals.
 */
let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

interface AuditRow {
  actor_id: number | null;
  actor_name: string;
  entity: string;
  entity_id: string | null;
  after: string;
}
const rowOf = (s: TestStation, procedure: string) =>
  s.core.db.prepare('SELECT actor_id, actor_name, entity, entity_id, after FROM audit_log WHERE procedure = ?').all(procedure) as AuditRow[];

describe('first-run setup', () => {
  it('is recorded as done by the new admin, with the settings and the account it made, and without the password', () => {
    st = openStation({ setup: false });
    const { adminId } = st.must('setup.initialize', { stationName: '东城区救助管理站', admin: ADMIN });
    const rows = rowOf(st, 'setup.initialize');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: adminId, actor_name: ADMIN.displayName, entity: 'station', entity_id: 'station' });
    const after = JSON.parse(rows[0]!.after);
    expect(after.settings).toMatchObject({ stationName: '东城区救助管理站', timeZone: 'Asia/Shanghai' });
    expect(after.admin).toMatchObject({ id: adminId, username: 'admin', roles: ['admin'], mustChangePassword: false });
    expect(rows[0]!.after).not.toContain(ADMIN.password);
  });

  it('the first admin chose their own password, so they are not asked to change it, and may manage accounts at once', () => {
    st = openStation({ setup: false });
    st.must('setup.initialize', { stationName: '东城区救助管理站', admin: ADMIN });
    const session = st.must('auth.login', { username: 'admin', password: ADMIN.password });
    expect([session.mustChangePassword, session.user.roles]).toEqual([false, ['admin']]);
    expect(st.must('accounts.list', {}, session.sessionId)).toHaveLength(1);
  });
});

describe('the demo station', () => {
  it('loads once into an empty station, shows the password its admin signs in with, and is recorded as the demo admin’s', { timeout: 120_000 }, () => {
    st = openStation({ setup: false });
    const demo = st.must('setup.loadDemo', {});
    expect(demo).toMatchObject({ username: 'admin', password: DEMO_PASSWORD });
    const counts = st.core.db.prepare('SELECT (SELECT count(*) FROM persons) AS persons, (SELECT count(*) FROM stays) AS stays').get();
    expect(counts).toEqual({ persons: demo.persons, stays: demo.stays });
    expect(demo.stays).toBeGreaterThan(0);

    const admin = st.must('auth.login', { username: demo.username, password: demo.password });
    expect(st.must('setup.status', {})).toEqual({ initialized: true, stationName: st.must('settings.get', {}, admin.sessionId).stationName });
    const rows = rowOf(st, 'setup.loadDemo');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_id: admin.user.id, actor_name: admin.user.displayName, entity: 'station', entity_id: 'station' });
    expect(JSON.parse(rows[0]!.after)).toEqual({ demo: true, persons: demo.persons, stays: demo.stays });

    // Set up is set up: neither a second demo nor a new station goes over it.
    const before = contentHash(st.core);
    const again = st.call('setup.loadDemo', {});
    expect(again.ok || again.error.code).toBe('CONFLICT');
    const station = st.call('setup.initialize', { stationName: '东城区救助管理站', admin: { ...ADMIN, username: 'other' } });
    expect(station.ok || station.error.code).toBe('CONFLICT');
    expect(contentHash(st.core)).toBe(before);
  });

  it('never loads over a station set up by hand, whatever its admin is called', { timeout: 120_000 }, () => {
    st = openStation({ setup: false });
    st.must('setup.initialize', { stationName: '东城区救助管理站', admin: { ...ADMIN, username: 'chief' } });
    const before = contentHash(st.core);
    const demo = st.call('setup.loadDemo', {});
    expect(demo.ok || demo.error.code).toBe('CONFLICT');
    expect(contentHash(st.core)).toBe(before);
  });
});
