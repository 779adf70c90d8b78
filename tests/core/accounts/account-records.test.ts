import { afterEach, describe, expect, it } from 'vitest';
import { openStation, type TestStation } from '../helpers';

/**
 * What the station admin does to accounts (electron/features/accounts/procedures.ts): each change is on the record
 * with the account as it was and as it became (DOMAIN: every record says who did what, when), and each reaches the
 * sessions of the account it changed, and no other.
 */
let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
});

interface Row {
  actor_name: string;
  entity: string;
  entity_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  raw: string;
}
function rowsOf(s: TestStation, procedure: string): Row[] {
  const rows = s.core.db.prepare('SELECT actor_name, entity, entity_id, before, after FROM audit_log WHERE procedure = ? ORDER BY id').all(procedure) as {
    actor_name: string;
    entity: string;
    entity_id: string | null;
    before: string | null;
    after: string | null;
  }[];
  return rows.map((r) => ({ ...r, before: r.before && JSON.parse(r.before), after: r.after && JSON.parse(r.after), raw: `${r.before} ${r.after}` }));
}
const TEMP = 'Temp-pass-1';
const newAccount = { username: 'li', displayName: '李洁', roles: ['front_desk' as const], password: TEMP, passwordConfirm: TEMP };

describe('the record of account changes', () => {
  it('a new account is recorded by the admin with the account made, which must choose its own password', () => {
    st = openStation();
    const li = st.must('accounts.create', newAccount, st.adminSession);
    const [row] = rowsOf(st, 'accounts.create');
    expect(row).toMatchObject({ actor_name: '王站长', entity: 'user', entity_id: String(li.id), before: null });
    expect(row!.after).toMatchObject({ username: 'li', displayName: '李洁', roles: ['front_desk'], mustChangePassword: true, disabled: false });
    expect(row!.raw).not.toContain(TEMP);
  });

  it('a change of name and roles is recorded with the account as it was and as it is', () => {
    st = openStation();
    const li = st.must('accounts.create', newAccount, st.adminSession);
    st.must('accounts.update', { id: li.id, displayName: '李洁（带班）', roles: ['front_desk', 'duty_leader'] }, st.adminSession);
    const [row] = rowsOf(st, 'accounts.update');
    expect(row).toMatchObject({ entity: 'user', entity_id: String(li.id) });
    expect(row!.before).toMatchObject({ displayName: '李洁', roles: ['front_desk'] });
    expect(row!.after).toMatchObject({ displayName: '李洁（带班）', roles: ['duty_leader', 'front_desk'] });
  });

  it('disabling and enabling are recorded with the state before and after', () => {
    st = openStation();
    const li = st.must('accounts.create', newAccount, st.adminSession);
    st.must('accounts.setDisabled', { id: li.id, disabled: true }, st.adminSession);
    st.must('accounts.setDisabled', { id: li.id, disabled: false }, st.adminSession);
    const rows = rowsOf(st, 'accounts.setDisabled');
    expect(rows.map((r) => [r.entity, r.entity_id, r.before?.disabled, r.after?.disabled])).toEqual([
      ['user', String(li.id), false, true],
      ['user', String(li.id), true, false],
    ]);
  });

  it('a password reset is recorded as a reset, never with the password', () => {
    st = openStation();
    const li = st.must('accounts.create', newAccount, st.adminSession);
    st.must('accounts.resetPassword', { id: li.id, password: 'Reset-pass-9', passwordConfirm: 'Reset-pass-9' }, st.adminSession);
    const [row] = rowsOf(st, 'accounts.resetPassword');
    expect(row).toMatchObject({ entity: 'user', entity_id: String(li.id), after: { passwordReset: true, mustChangePassword: true } });
    expect(row!.raw).not.toContain('Reset-pass-9');
  });
});

describe('whose sessions an account change ends', () => {
  it('enabling an account, or saving one as active, signs no one out', () => {
    st = openStation();
    const sid = st.userWith(['front_desk'], 'desk');
    const id = st.must('auth.session', {}, sid).user.id;
    st.must('accounts.setDisabled', { id, disabled: false }, st.adminSession);
    expect(st.call('auth.session', {}, sid).ok).toBe(true);
  });

  it('a disabled user’s sessions end for good: enabling the account again does not bring them back', () => {
    st = openStation();
    const sid = st.userWith(['front_desk'], 'desk');
    const id = st.must('auth.session', {}, sid).user.id;
    st.must('accounts.setDisabled', { id, disabled: true }, st.adminSession);
    st.must('accounts.setDisabled', { id, disabled: false }, st.adminSession);
    const old = st.call('auth.session', {}, sid);
    expect(old.ok || old.error.code).toBe('UNAUTHENTICATED');
    expect(st.call('auth.login', { username: 'desk', password: 'Own-pass-22' }).ok).toBe(true);
  });

  it('an admin who resets their own password stays signed in at this desk; their other sessions end', () => {
    st = openStation();
    const adminId = st.must('auth.session', {}, st.adminSession).user.id;
    const elsewhere = st.must('auth.login', { username: 'admin', password: 'Admin-pass-1' }).sessionId;
    st.must('accounts.resetPassword', { id: adminId, password: 'Reset-pass-9', passwordConfirm: 'Reset-pass-9' }, st.adminSession);
    expect(st.call('auth.session', {}, st.adminSession).ok).toBe(true);
    const ended = st.call('auth.session', {}, elsewhere);
    expect(ended.ok || ended.error.code).toBe('UNAUTHENTICATED');
  });
});
