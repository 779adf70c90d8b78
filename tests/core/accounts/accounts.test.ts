import { scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FREE_TRIES, LoginThrottle } from '../../../electron/features/accounts/throttle';
import { ADMIN, contentHash, openStation, type TestStation } from '../helpers';
import { withAppScrypt } from '../scrypt-work';

let st: TestStation;
afterEach(() => st?.close());

describe('first-run setup', () => {
  it('reports an empty station, then creates the station and its admin once', () => {
    st = openStation({ setup: false });
    expect(st.must('setup.status', {})).toEqual({ initialized: false, stationName: null });
    st.must('setup.initialize', { stationName: '东城区救助管理站', admin: ADMIN });
    expect(st.must('setup.status', {})).toEqual({ initialized: true, stationName: '东城区救助管理站' });
    const again = st.call('setup.initialize', { stationName: '另一个站', admin: { ...ADMIN, username: 'other' } });
    expect(again.ok || again.error.code).toBe('CONFLICT');
  });

  it('defaults the time zone to Asia/Shanghai and refuses a made-up one at the field', () => {
    st = openStation({ setup: false });
    const bad = st.call('setup.initialize', { stationName: '东城区救助管理站', timeZone: 'Mars/Olympus', admin: ADMIN });
    expect(bad.ok || bad.error.fields).toEqual({ timeZone: 'v.timeZone' });
    st.must('setup.initialize', { stationName: '东城区救助管理站', admin: ADMIN });
    const sid = st.must('auth.login', { username: 'admin', password: ADMIN.password }).sessionId;
    expect(st.must('settings.get', {}, sid).timeZone).toBe('Asia/Shanghai');
  });

  it('has no default password: a mismatched confirmation or a short password is refused', () => {
    st = openStation({ setup: false });
    const mismatch = st.call('setup.initialize', { stationName: '东城区救助管理站', admin: { ...ADMIN, passwordConfirm: 'x' } });
    expect(mismatch.ok || mismatch.error.fields).toEqual({ 'admin.passwordConfirm': 'v.passwordMismatch' });
    const short = st.call('setup.initialize', { stationName: '东城区救助管理站', admin: { ...ADMIN, password: 'a1', passwordConfirm: 'a1' } });
    expect(short.ok || short.error.fields?.['admin.password']).toBe('v.passwordTooShort');
    expect(st.must('setup.status', {}).initialized).toBe(false);
  });
});

describe('login and passwords', () => {
  it('stores a salted scrypt hash, never the password', () => {
    st = withAppScrypt(() => openStation());
    const row = st.core.db.prepare('SELECT password_hash FROM users WHERE username = ?').get('admin') as { password_hash: string };
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(ADMIN.password);
    const dump = JSON.stringify(st.core.db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain(ADMIN.password);
    expect(dump).not.toContain('scrypt$');
  });

  it('hashes at N 2^15, r 8, p 1 in the app (the tests lower N for speed; the module as the app loads it has its own)', async () => {
    vi.resetModules();
    const fresh = await import('../../../electron/features/accounts/password');
    expect(fresh.scryptWork).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    const hash = fresh.hashPassword(ADMIN.password);
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(fresh.verifyPassword(ADMIN.password, hash)).toBe(true);
    expect(fresh.verifyPassword('Admin-pass-2', hash)).toBe(false);
    // The key is scrypt at the factor the hash names, as any other scrypt computes it.
    const [, , , , salt, key] = hash.split('$');
    const expected = scryptSync(ADMIN.password, Buffer.from(salt!, 'base64'), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    expect(Buffer.from(key!, 'base64')).toEqual(expected);
  });

  it('refuses a wrong password and throttles after repeated failures, even for the right one', () => {
    st = openStation();
    for (let i = 0; i < FREE_TRIES; i++) {
      const r = st.call('auth.login', { username: 'admin', password: 'wrong-password' });
      expect(r.ok || r.error.code).toBe('BAD_CREDENTIALS');
    }
    const held = st.call('auth.login', { username: 'ADMIN', password: ADMIN.password });
    expect(held.ok || held.error.code).toBe('RATE_LIMITED');
    expect(held.ok || (held.error.detail?.retryAfterMs as number)).toBeGreaterThan(0);
    st.clock.advance(31_000);
    expect(st.call('auth.login', { username: 'admin', password: ADMIN.password }).ok).toBe(true);
  });

  it('makes a new user change the temporary password before anything else', () => {
    st = openStation();
    st.must('accounts.create', { username: 'li', displayName: '李接待', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession);
    const s = st.must('auth.login', { username: 'li', password: 'Temp-pass-1' });
    expect(s.mustChangePassword).toBe(true);
    const blocked = st.call('settings.get', {}, s.sessionId);
    expect(blocked.ok || blocked.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const same = st.call('auth.changePassword', { currentPassword: 'Temp-pass-1', newPassword: 'Temp-pass-1', newPasswordConfirm: 'Temp-pass-1' }, s.sessionId);
    expect(same.ok || same.error.fields?.newPassword).toBe('v.passwordUnchanged');
    const changed = st.must('auth.changePassword', { currentPassword: 'Temp-pass-1', newPassword: 'Mine-123456', newPasswordConfirm: 'Mine-123456' }, s.sessionId);
    expect(changed.mustChangePassword).toBe(false);
    expect(st.call('settings.get', {}, s.sessionId).ok).toBe(true);
  });

  it('an admin reset forces a change at next login and ends the user’s open sessions', () => {
    st = openStation();
    const sid = st.userWith(['front_desk'], 'zhao');
    const id = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'zhao')!.id;
    st.must('accounts.resetPassword', { id, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' }, st.adminSession);
    const old = st.call('settings.get', {}, sid);
    expect(old.ok || old.error.code).toBe('UNAUTHENTICATED');
    expect(st.must('auth.login', { username: 'zhao', password: 'Reset-pass-1' }).mustChangePassword).toBe(true);
  });
});

describe('passwords as typed at the desk', () => {
  it('a password typed in full-width characters (a Chinese input method) is the same password', () => {
    st = openStation();
    st.userWith(['front_desk'], 'li');
    const id = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'li')!.id;
    st.must('accounts.resetPassword', { id, password: 'Ｔｅｍｐ－ｐａｓｓ－１', passwordConfirm: 'Ｔｅｍｐ－ｐａｓｓ－１' }, st.adminSession);
    expect(st.call('auth.login', { username: 'li', password: 'Temp-pass-1' }).ok).toBe(true);
    st.must('accounts.resetPassword', { id, password: 'Half-width-2', passwordConfirm: 'Half-width-2' }, st.adminSession);
    expect(st.call('auth.login', { username: 'li', password: 'Ｈａｌｆ－ｗｉｄｔｈ－２' }).ok).toBe(true);
  });

  it('a damaged or foreign password hash signs no one in, and never breaks the sign-in', () => {
    st = openStation();
    const real = st.core.db.prepare("SELECT password_hash FROM users WHERE username = 'admin'").pluck().get() as string;
    const otherScheme = real.replace(/^scrypt\$/, 'bcrypt$'); // right password, right key: only the scheme is not ours
    for (const hash of [otherScheme, '', 'bcrypt$2b$10$abc', 'scrypt$$8$1$c2FsdA==$a2V5', 'scrypt$32768$$1$c2FsdA==$a2V5', 'scrypt$32768$8$$c2FsdA==$a2V5', 'scrypt$32768$8$1$$a2V5', 'scrypt$32768$8$1$c2FsdA==$']) {
      st.core.db.prepare("UPDATE users SET password_hash = ? WHERE username = 'admin'").run(hash);
      const r = st.call('auth.login', { username: 'admin', password: ADMIN.password });
      expect(r.ok || r.error.code, JSON.stringify(hash)).toBe('BAD_CREDENTIALS');
      st.core.services.throttle.recordSuccess('admin');
    }
  });
});

describe('the wrong-password throttle', () => {
  const T0 = 1_000_000;
  const failTimes = (t: LoginThrottle, name: string, n: number, at: number) => {
    for (let i = 0; i < n; i++) t.recordFailure(name, at);
  };

  it('holds a name for 30 s from its fifth wrong password in a row, not before, and frees it when the 30 s are up', () => {
    const t = new LoginThrottle();
    failTimes(t, 'li', FREE_TRIES - 1, T0);
    expect(t.waitFor('li', T0)).toBe(0);
    t.recordFailure('li', T0);
    expect(t.waitFor('li', T0)).toBe(30_000);
    expect(t.waitFor('li', T0 + 29_999)).toBe(1);
    expect(t.waitFor('li', T0 + 30_000)).toBe(0);
  });

  it('doubles the hold with each further wrong password, up to 15 minutes', () => {
    const t = new LoginThrottle();
    failTimes(t, 'li', FREE_TRIES, T0);
    const holds = [];
    for (let i = 0; i < 6; i++) {
      t.recordFailure('li', T0);
      holds.push(t.waitFor('li', T0));
    }
    expect(holds).toEqual([60_000, 120_000, 240_000, 480_000, 900_000, 900_000]);
  });

  it('a right password clears the count; names are one whatever their case, and each has its own count', () => {
    const t = new LoginThrottle();
    failTimes(t, 'Li', FREE_TRIES - 1, T0);
    t.recordSuccess('LI');
    t.recordFailure('li', T0);
    expect(t.waitFor('li', T0)).toBe(0);
    failTimes(t, 'LI', FREE_TRIES - 1, T0);
    expect(t.waitFor('lI', T0)).toBe(30_000);
    expect(t.waitFor('wang', T0)).toBe(0);
  });
});

describe('roles and account management', () => {
  it('a disabled user is signed out at once and cannot sign in', () => {
    st = openStation();
    const sid = st.userWith(['storekeeper'], 'qian');
    const id = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'qian')!.id;
    st.must('accounts.setDisabled', { id, disabled: true }, st.adminSession);
    const r = st.call('settings.get', {}, sid);
    expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
    const login = st.call('auth.login', { username: 'qian', password: 'Own-pass-22' });
    expect(login.ok || login.error.code).toBe('FORBIDDEN');
  });

  it('role changes take effect on the next call', () => {
    st = openStation();
    const sid = st.userWith(['front_desk'], 'sun');
    expect(st.call('accounts.list', {}, sid).ok).toBe(false);
    const id = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'sun')!.id;
    st.must('accounts.update', { id, displayName: '孙', roles: ['front_desk', 'admin'] }, st.adminSession);
    expect(st.call('accounts.list', {}, sid).ok).toBe(true);
  });

  it('a second admin may be disabled or demoted while another stays active', () => {
    st = openStation();
    st.userWith(['admin', 'duty_leader'], 'second');
    const second = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'second')!;
    expect(st.must('accounts.update', { id: second.id, displayName: '副站长', roles: ['duty_leader'] }, st.adminSession).roles).toEqual(['duty_leader']);
    st.must('accounts.update', { id: second.id, displayName: '副站长', roles: ['admin', 'admin'] }, st.adminSession);
    expect(st.must('accounts.setDisabled', { id: second.id, disabled: true }, st.adminSession)).toMatchObject({ disabled: true, roles: ['admin'] });
    // The list shows active accounts first, each part by username.
    expect(st.must('accounts.list', {}, st.adminSession).map((a) => [a.username, a.disabled])).toEqual([['admin', false], ['second', true]]);
  });

  it('acting on an account that does not exist is NOT_FOUND, and changes nothing', () => {
    st = openStation();
    const before = contentHash(st.core);
    expect(st.call('accounts.update', { id: 99, displayName: '无', roles: ['admin'] }, st.adminSession)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(st.call('accounts.setDisabled', { id: 99, disabled: true }, st.adminSession)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(st.call('accounts.resetPassword', { id: 99, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' }, st.adminSession)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(contentHash(st.core)).toBe(before);
  });

  it('an account shows when its user last signed in', () => {
    st = openStation();
    st.must('accounts.create', { username: 'li', displayName: '李', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession);
    const li = () => st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'li')!;
    expect(li().lastLoginAt).toBeNull();
    st.clock.advance(60_000);
    st.must('auth.login', { username: 'li', password: 'Temp-pass-1' });
    expect(li().lastLoginAt).toBe(st.clock.now());
  });

  it('keeps at least one active admin and refuses a duplicate username', () => {
    st = openStation();
    const adminId = st.must('accounts.list', {}, st.adminSession)[0]!.id;
    const before = contentHash(st.core);
    const demote = st.call('accounts.update', { id: adminId, displayName: '王站长', roles: ['duty_leader'] }, st.adminSession);
    expect(demote.ok || demote.error).toMatchObject({ code: 'CONFLICT', fields: { roles: 'v.lastAdmin' } });
    const self = st.call('accounts.setDisabled', { id: adminId, disabled: true }, st.adminSession);
    expect(self.ok || self.error.code).toBe('CONFLICT');
    const dup = st.call('accounts.create', { username: 'ADMIN', displayName: 'x', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession);
    expect(dup.ok || dup.error).toMatchObject({ code: 'CONFLICT', fields: { username: 'v.usernameTaken' } });
    expect(contentHash(st.core)).toBe(before);
  });
});

describe('idle lock', () => {
  it('locks a session idle past the setting; only the password unlocks it', () => {
    st = openStation();
    st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 5 }, st.adminSession);
    st.clock.advance(4 * 60_000);
    expect(st.call('accounts.list', {}, st.adminSession).ok).toBe(true);
    st.clock.advance(5 * 60_000 + 1);
    const locked = st.call('accounts.list', {}, st.adminSession);
    expect(locked.ok || locked.error.code).toBe('LOCKED');
    expect(st.must('auth.session', {}, st.adminSession).locked).toBe(true);
    const wrong = st.call('auth.unlock', { password: 'nope' }, st.adminSession);
    expect(wrong.ok || wrong.error.code).toBe('BAD_CREDENTIALS');
    st.must('auth.unlock', { password: ADMIN.password }, st.adminSession);
    expect(st.call('accounts.list', {}, st.adminSession).ok).toBe(true);
  });

  it('the lock button locks at once', () => {
    st = openStation();
    st.must('auth.lock', {}, st.adminSession);
    const r = st.call('settings.get', {}, st.adminSession);
    expect(r.ok || r.error.code).toBe('LOCKED');
  });
});

describe('station settings', () => {
  it('keeps intake settings a caller leaves out, and refuses a warning day after the limit', () => {
    st = openStation();
    const base = { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };
    st.must('settings.update', { ...base, stayLimitDays: 15, stayWarnDay: 12 }, st.adminSession);
    expect(st.must('settings.update', base, st.adminSession)).toMatchObject({ stayLimitDays: 15, stayWarnDay: 12, familyNoticeHours: 24 });
    const bad = st.call('settings.update', { ...base, stayWarnDay: 16 }, st.adminSession);
    expect(bad.ok || bad.error.fields).toEqual({ stayWarnDay: 'v.warnAfterLimit' });
  });
});
