import { afterEach, describe, expect, it } from 'vitest';
import { permissionsOf } from '../../../shared/domain/roles';
import { ADMIN, openStation, type TestStation } from '../helpers';

/**
 * Signing in and out, changing one's password, unlocking (electron/features/accounts/auth-procedures.ts): what the desk
 * learns of its session, which sessions end, and what goes on the record (DOMAIN: who did what, when).
 */
let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

const rowsOf = (s: TestStation, procedure: string) =>
  s.core.db.prepare('SELECT actor_id, actor_name, entity, entity_id, before, after FROM audit_log WHERE procedure = ? ORDER BY id').all(procedure) as {
    actor_id: number | null;
    actor_name: string;
    entity: string;
    entity_id: string | null;
    before: string | null;
    after: string | null;
  }[];

describe('the session the desk is told about', () => {
  it('names the user, what their roles let them do, and the station settings its forms check against', () => {
    st = openStation();
    const settings = { stationName: '西城区救助管理站', timeZone: 'Asia/Urumqi', idleLockMinutes: 7, dateFloor: '2010-01-01', lateRegistrationHours: 36 };
    st.must('settings.update', settings, st.adminSession);
    st.userWith(['front_desk', 'storekeeper'], 'li');
    const session = st.must('auth.login', { username: 'li', password: 'Own-pass-22' });
    expect(session.user).toMatchObject({ username: 'li', displayName: 'li', roles: ['front_desk', 'storekeeper'] });
    expect(session.permissions).toEqual(permissionsOf(['front_desk', 'storekeeper']));
    expect(session).toMatchObject({ ...settings, mustChangePassword: false, locked: false });
    expect(st.must('auth.session', {}, session.sessionId)).toEqual(session);
  });
});

describe('staying signed in', () => {
  it('typing without saving keeps the session awake: a touch answers null and the idle time starts again', () => {
    st = openStation();
    st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 5 }, st.adminSession);
    st.clock.advance(4 * 60_000);
    expect(st.must('auth.touch', {}, st.adminSession)).toBeNull();
    st.clock.advance(4 * 60_000);
    expect(st.call('accounts.list', {}, st.adminSession).ok).toBe(true);
  });
});

describe('the record of signing in and out', () => {
  it('a sign-in and a sign-out are each recorded as the user’s own, on their session', () => {
    st = openStation();
    const session = st.must('auth.login', { username: 'admin', password: ADMIN.password });
    st.must('auth.logout', {}, session.sessionId);
    const id = session.user.id;
    const rows = [...rowsOf(st, 'auth.login'), ...rowsOf(st, 'auth.logout')].slice(-2);
    expect(rows).toEqual([
      { actor_id: id, actor_name: ADMIN.displayName, entity: 'session', entity_id: String(id), before: null, after: '{"username":"admin","event":"login"}' },
      { actor_id: id, actor_name: ADMIN.displayName, entity: 'session', entity_id: String(id), before: null, after: '{"event":"logout"}' },
    ]);
    const ended = st.call('auth.session', {}, session.sessionId);
    expect(ended.ok || ended.error.code).toBe('UNAUTHENTICATED');
  });

  it('a wrong password is refused at the field it was typed in, and records nothing', () => {
    st = openStation();
    const before = rowsOf(st, 'auth.login').length;
    const login = st.call('auth.login', { username: 'admin', password: 'Wrong-pass-1' });
    expect(login.ok || login.error).toMatchObject({ code: 'BAD_CREDENTIALS', fields: { password: 'v.badCredentials' } });
    const unknown = st.call('auth.login', { username: 'nobody', password: 'Wrong-pass-1' });
    expect(unknown.ok || unknown.error).toMatchObject({ code: 'BAD_CREDENTIALS', fields: { password: 'v.badCredentials' } });
    const change = st.call('auth.changePassword', { currentPassword: 'Wrong-pass-1', newPassword: 'New-pass-33', newPasswordConfirm: 'New-pass-33' }, st.adminSession);
    expect(change.ok || change.error).toMatchObject({ code: 'BAD_CREDENTIALS', fields: { currentPassword: 'v.badCredentials' } });
    expect(rowsOf(st, 'auth.login')).toHaveLength(before);
  });
});

describe('changing one’s own password', () => {
  it('keeps this desk signed in, ends the user’s other sessions, and is recorded as a change, never with the password', () => {
    st = openStation();
    const elsewhere = st.must('auth.login', { username: 'admin', password: ADMIN.password }).sessionId;
    const info = st.must('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'New-pass-33', newPasswordConfirm: 'New-pass-33' }, st.adminSession);
    expect([info.sessionId, info.mustChangePassword]).toEqual([st.adminSession, false]);
    expect(st.call('accounts.list', {}, st.adminSession).ok).toBe(true);
    const ended = st.call('auth.session', {}, elsewhere);
    expect(ended.ok || ended.error.code).toBe('UNAUTHENTICATED');
    const [row] = rowsOf(st, 'auth.changePassword');
    expect(row).toMatchObject({ entity: 'user', entity_id: String(info.user.id) });
    expect(JSON.parse(row!.after!)).toMatchObject({ passwordChanged: true, mustChangePassword: false });
    expect(`${row!.before} ${row!.after}`).not.toMatch(/New-pass-33|Admin-pass-1/);
    expect(st.call('auth.login', { username: 'admin', password: 'New-pass-33' }).ok).toBe(true);
  });
});
