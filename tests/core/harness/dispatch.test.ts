import { afterEach, describe, expect, it } from 'vitest';
import type { ProcedureName } from '../../../shared/contract';
import { AppError, type AppErrorShape, type Result } from '../../../shared/domain/result';
import { handlers } from '../../../electron/core';
import type { HandlerContext, Handlers } from '../../../electron/rpc/context';
import { createDispatcher, type Dispatch } from '../../../electron/rpc/dispatch';
import { readSettings } from '../../../electron/features/settings/service';
import { ADMIN, contentHash, openStation, type TestStation } from '../helpers';

/**
 * The dispatcher's own rules (README, "Architecture in a paragraph"): input is validated, then the session, the idle
 * lock, a forced password change and the role are checked; a mutation runs in one transaction with its audit row,
 * or not at all; the caller always gets a Result. Faulty handlers are plugged into a dispatcher of their own
 * (createDispatcher with the real handlers and one replaced), as a bug in a future module would be.
 */
let st: TestStation;
afterEach(() => st?.close());

const MINUTE = 60_000;
const settingsInput = { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 5 };
const auditCount = () => (st.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const lastAudit = () => st.core.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
const adminId = () => st.must('accounts.list', {}, st.adminSession).find((a) => a.username === ADMIN.username)!.id;
const renameAdmin = (ctx: HandlerContext, name: string) => ctx.db.prepare("UPDATE users SET display_name = ? WHERE username = 'admin'").run(name);
const errorOf = (r: Result<unknown>): AppErrorShape => {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value)}`);
  return r.error;
};

/** A dispatcher over the station's services with one procedure's handler replaced. */
function withHandler<K extends ProcedureName>(name: K, handler: (input: never, ctx: HandlerContext) => unknown): Dispatch {
  return createDispatcher(st.core.services, { ...handlers, [name]: handler } as Handlers<ProcedureName>);
}

describe('a mutation runs in one transaction with its audit row, or not at all', () => {
  it('a faulty handler that writes to the database but no audit row is rolled back and answered INTERNAL', () => {
    st = openStation();
    const before = contentHash(st.core);
    const dispatch = withHandler('settings.update', (_input, ctx) => {
      renameAdmin(ctx, '被改了');
      return readSettings(ctx.db);
    });
    expect(errorOf(dispatch('settings.update', settingsInput, { sessionId: st.adminSession })).code).toBe('INTERNAL');
    expect(contentHash(st.core)).toBe(before);
    expect(st.must('accounts.list', {}, st.adminSession)[0]!.displayName).toBe(ADMIN.displayName);
  });

  it('its writes and its audit row commit together; the row names the caller, the time, the procedure and the entity', () => {
    st = openStation();
    st.clock.advance(MINUTE);
    const dispatch = withHandler('settings.update', (_input, ctx) => {
      renameAdmin(ctx, '新名字');
      ctx.audit({ entity: 'user', entityId: 7, before: { name: ADMIN.displayName }, after: { name: '新名字' } });
      ctx.audit({ entity: 'station' });
      return readSettings(ctx.db);
    });
    const count = auditCount();
    expect(dispatch('settings.update', settingsInput, { sessionId: st.adminSession }).ok).toBe(true);
    expect(auditCount()).toBe(count + 2);
    const [entity, station] = st.must('audit.list', { procedure: 'settings.update' }, st.adminSession).rows.reverse();
    expect(entity).toMatchObject({ at: st.clock.now(), actorId: adminId(), actorName: ADMIN.displayName, procedure: 'settings.update', entity: 'user', entityId: '7', before: { name: ADMIN.displayName }, after: { name: '新名字' } });
    // A row with nothing written of its own still records what was asked: the call's input.
    expect(station).toMatchObject({ entity: 'station', entityId: null, before: null, after: settingsInput });
    expect(st.must('accounts.list', {}, st.adminSession)[0]!.displayName).toBe('新名字');
  });

  it('a refusal after writing rolls back the writes and the audit row, and answers with its code, fields and detail', () => {
    st = openStation();
    const before = contentHash(st.core);
    const refusing = withHandler('settings.update', (_input, ctx) => {
      renameAdmin(ctx, '半途');
      ctx.audit({ entity: 'user', entityId: 1 });
      throw new AppError('CONFLICT', 'No.', { stationName: 'v.zoneFull' }, { zone: '男宿区' });
    });
    expect(refusing('settings.update', settingsInput, { sessionId: st.adminSession })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'No.', fields: { stationName: 'v.zoneFull' }, detail: { zone: '男宿区' } },
    });
    expect(contentHash(st.core)).toBe(before);
    const bare = withHandler('settings.update', () => {
      throw new AppError('NOT_FOUND', 'Nothing here.');
    });
    expect(bare('settings.update', settingsInput, { sessionId: st.adminSession })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Nothing here.' } });
  });

  it('work promised for after the commit runs once the mutation has committed, and never when it is rolled back', () => {
    st = openStation();
    const ran: boolean[] = [];
    const committing = withHandler('settings.update', (_input, ctx) => {
      ctx.afterCommit(() => ran.push(ctx.db.inTransaction));
      ctx.audit({ entity: 'station' });
      expect(ran).toEqual([]);
      return readSettings(ctx.db);
    });
    expect(committing('settings.update', settingsInput, { sessionId: st.adminSession }).ok).toBe(true);
    expect(ran).toEqual([false]);
    const failing = withHandler('settings.update', (_input, ctx) => {
      ctx.afterCommit(() => ran.push(true));
      return readSettings(ctx.db);
    });
    expect(errorOf(failing('settings.update', settingsInput, { sessionId: st.adminSession })).code).toBe('INTERNAL');
    expect(ran).toEqual([false]);
  });

  it('a query that tries to write an audit row is a bug: INTERNAL, and nothing written', () => {
    st = openStation();
    const before = contentHash(st.core);
    const writingQuery = withHandler('settings.get', (_input, ctx) => {
      ctx.audit({ entity: 'station' });
      return readSettings(ctx.db);
    });
    expect(errorOf(writingQuery('settings.get', {}, { sessionId: st.adminSession })).code).toBe('INTERNAL');
    expect(contentHash(st.core)).toBe(before);
  });

  it('an audit row needs someone to name: a call without a session must say whom it is about', () => {
    st = openStation({ setup: false });
    const anonymous = withHandler('setup.initialize', (_input, ctx) => {
      ctx.audit({ entity: 'station' });
      return { adminId: 0 };
    });
    const input = { stationName: '东城区救助管理站', admin: ADMIN };
    expect(errorOf(anonymous('setup.initialize', input, {})).code).toBe('INTERNAL');
    expect(auditCount()).toBe(0);
    const named = withHandler('setup.initialize', (_input, ctx) => {
      ctx.audit({ entity: 'station', entityId: 'station', actor: { id: null, name: '安装程序' } });
      return { adminId: 0 };
    });
    expect(named('setup.initialize', input, {}).ok).toBe(true);
    expect(lastAudit()).toMatchObject({ actor_id: null, actor_name: '安装程序', entity_id: 'station', procedure: 'setup.initialize' });
  });

  it('an operation runs outside a transaction and writes its audit row in one of its own; without one it is a bug', () => {
    st = openStation();
    const seen: boolean[] = [];
    const operation = withHandler('backup.run', (_input, ctx) => {
      seen.push(ctx.db.inTransaction);
      ctx.audit({ entity: 'backup', after: { started: true } });
      return null;
    });
    const count = auditCount();
    expect(operation('backup.run', {}, { sessionId: st.adminSession }).ok).toBe(true);
    expect(seen).toEqual([false]);
    expect(auditCount()).toBe(count + 1);
    expect(lastAudit()).toMatchObject({ procedure: 'backup.run', entity: 'backup', actor_name: ADMIN.displayName });
    const silent = withHandler('backup.run', () => null);
    expect(errorOf(silent('backup.run', {}, { sessionId: st.adminSession })).code).toBe('INTERNAL');
    expect(auditCount()).toBe(count + 1);
  });

  it('an unexpected error is answered INTERNAL with an incident id the log names too, and nothing of it leaks', () => {
    st = openStation();
    const logged: { message: string; meta?: Record<string, unknown> }[] = [];
    st.core.services.logger.error = (message, meta) => void logged.push({ message, meta });
    const thrower = withHandler('settings.get', () => {
      throw new TypeError('secret detail');
    });
    const error = errorOf(thrower('settings.get', {}, { sessionId: st.adminSession }));
    expect(error).toMatchObject({ code: 'INTERNAL', detail: { incident: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    expect(JSON.stringify(error)).not.toMatch(/secret detail|TypeError/);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.meta).toEqual({ incident: error.detail!.incident, error: expect.stringMatching(/^TypeError: secret detail\n\s+at /) });
    const stringThrower = withHandler('settings.get', () => {
      throw 'a bare string';
    });
    const second = errorOf(stringThrower('settings.get', {}, { sessionId: st.adminSession }));
    expect(second.detail!.incident).not.toBe(error.detail!.incident);
    expect(logged[1]!.meta).toEqual({ incident: second.detail!.incident, error: 'a bare string' });
  });
});

describe('input and callers', () => {
  it('answers a name that is not a procedure with UNKNOWN_PROCEDURE, whoever asks', () => {
    st = openStation();
    for (const name of ['nope', 'toString', '__proto__']) {
      expect(errorOf(st.core.dispatch(name, {}, {})).code).toBe('UNKNOWN_PROCEDURE');
      expect(errorOf(st.core.dispatch(name, {}, { sessionId: st.adminSession })).code).toBe('UNKNOWN_PROCEDURE');
    }
  });

  it('names each invalid field by its dotted path with its first message; a call without input has no fields at all', () => {
    st = openStation();
    const bad = errorOf(st.call('accounts.create', { username: '!', displayName: '新人', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession));
    expect(bad).toMatchObject({ code: 'VALIDATION', fields: { username: 'v.usernameLength' } });
    const nested = errorOf(st.call('setup.initialize', { stationName: '东城区救助管理站', admin: { ...ADMIN, password: 'short', passwordConfirm: 'short' } }));
    expect(nested.fields).toEqual({ 'admin.password': 'v.passwordTooShort' });
    expect(Object.keys(errorOf(st.core.dispatch('auth.login', 42, {})).fields!)).toEqual(['(root)']);
    expect(Object.keys(errorOf(st.core.dispatch('auth.login', undefined, {})).fields!)).toEqual(['username', 'password']);
    expect(st.core.dispatch('settings.get', undefined, { sessionId: st.adminSession }).ok).toBe(true);
  });

  it('checks each call’s input against this call’s clock and the station’s own date settings, read afresh each call', () => {
    st = openStation();
    const desk = st.userWith(['front_desk']);
    const HOUR = 3_600_000;
    const now = st.clock.now();
    const arrival = (arrivedAt: number) => {
      const r = st.call('intake.register', { person: { name: `到${arrivedAt}` }, channel: 'walk_in', arrivedAt }, desk);
      return r.ok ? 'ok' : `${r.error.code} ${JSON.stringify(r.error.fields)}`;
    };
    expect(arrival(now - 24 * HOUR)).toBe('ok');
    expect(arrival(now - 24 * HOUR - 1)).toBe('VALIDATION {"lateReason":"v.lateReason"}');
    expect(arrival(now + 5 * MINUTE + 1)).toBe('VALIDATION {"arrivedAt":"v.future"}');
    st.clock.advance(MINUTE);
    expect(arrival(now + 5 * MINUTE + 1)).toBe('ok');
    st.must('settings.update', { ...settingsInput, lateRegistrationHours: 48 }, st.adminSession);
    expect(arrival(now - 30 * HOUR)).toBe('ok');
    st.must('settings.update', { ...settingsInput, lateRegistrationHours: 48, dateFloor: '2026-07-20' }, st.adminSession);
    expect(arrival(now - 30 * HOUR)).toBe('VALIDATION {"arrivedAt":"v.beforeFloor"}');
    expect(arrival(Date.UTC(2026, 6, 19, 16, 0))).toBe('ok'); // midnight of the floor day, on the station's clock
  });

  it('refuses a call without a session, or with one that does not exist, with UNAUTHENTICATED', () => {
    st = openStation();
    expect(errorOf(st.call('settings.get', {})).code).toBe('UNAUTHENTICATED');
    expect(errorOf(st.call('auth.session', {}, 'made-up')).code).toBe('UNAUTHENTICATED');
  });

  it('an account disabled behind a session’s back is signed out on its next call, on every session it has', () => {
    st = openStation();
    const first = st.userWith(['front_desk'], 'li');
    const second = st.must('auth.login', { username: 'li', password: 'Own-pass-22' }).sessionId;
    st.core.db.prepare("UPDATE users SET disabled = 1 WHERE username = 'li'").run();
    expect(errorOf(st.call('auth.session', {}, first)).code).toBe('UNAUTHENTICATED');
    expect(st.core.services.sessions.get(second)).toBeUndefined();
    expect(st.call('auth.session', {}, st.adminSession).ok).toBe(true);
  });

  it('a role without the procedure’s permission is refused FORBIDDEN, naming the permission; open procedures need none', () => {
    st = openStation();
    const store = st.userWith(['storekeeper'], 'cang');
    expect(errorOf(st.call('accounts.list', {}, store))).toMatchObject({ code: 'FORBIDDEN', detail: { permission: 'accounts.manage' } });
    expect(st.call('settings.get', {}, store).ok).toBe(true);
  });

  it('a user who must change their password reaches only their session until they do', () => {
    st = openStation();
    st.must('accounts.create', { username: 'new', displayName: '新人', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession);
    const sid = st.must('auth.login', { username: 'new', password: 'Temp-pass-1' }).sessionId;
    expect(errorOf(st.call('settings.get', {}, sid)).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(errorOf(st.call('intake.board', {}, sid)).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(st.must('auth.session', {}, sid).mustChangePassword).toBe(true);
  });
});

describe('the idle lock', () => {
  it('engages after more than the idle minutes without activity, not at exactly them', () => {
    st = openStation();
    st.must('settings.update', settingsInput, st.adminSession);
    st.clock.advance(5 * MINUTE);
    expect(st.call('settings.get', {}, st.adminSession).ok).toBe(true);
    st.clock.advance(5 * MINUTE + 1);
    expect(errorOf(st.call('settings.get', {}, st.adminSession)).code).toBe('LOCKED');
  });

  it('a locked session still reads its own state, which says it is locked, and nothing else', () => {
    st = openStation();
    st.must('settings.update', settingsInput, st.adminSession);
    st.clock.advance(6 * MINUTE);
    expect(st.must('auth.session', {}, st.adminSession).locked).toBe(true);
    expect(errorOf(st.call('settings.get', {}, st.adminSession)).code).toBe('LOCKED');
    expect(errorOf(st.call('auth.touch', {}, st.adminSession)).code).toBe('LOCKED');
  });

  it('only what the person does keeps the session awake: the screen asking for its own state does not', () => {
    st = openStation();
    st.must('settings.update', settingsInput, st.adminSession);
    st.clock.advance(4 * MINUTE);
    st.must('auth.session', {}, st.adminSession);
    st.clock.advance(2 * MINUTE);
    expect(errorOf(st.call('settings.get', {}, st.adminSession)).code).toBe('LOCKED');

    st.must('auth.unlock', { password: ADMIN.password }, st.adminSession);
    st.clock.advance(4 * MINUTE);
    st.must('auth.touch', {}, st.adminSession);
    st.clock.advance(2 * MINUTE);
    expect(st.call('settings.get', {}, st.adminSession).ok).toBe(true);
  });
});
