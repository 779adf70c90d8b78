import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditAlone, verifyChain } from '../../../electron/features/audit/chain';
import { ADMIN, openStation, type TestStation } from '../helpers';

let st: TestStation;
afterEach(() => st?.close());

const tamper = (st: TestStation, sql: string, ...params: unknown[]) => {
  // What someone with the file and a SQLite tool could do: drop the guard, edit, put it back.
  st.core.db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  st.core.db.prepare(sql).run(...params);
};

describe('the audit trail', () => {
  it('records each mutation with actor, entity, before and after, in the same transaction', () => {
    st = openStation();
    const created = st.must('accounts.create', { username: 'li', displayName: '李接待', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession);
    st.must('accounts.update', { id: created.id, displayName: '李洁', roles: ['front_desk', 'duty_staff'] }, st.adminSession);
    const { rows } = st.must('audit.list', { procedure: 'accounts' }, st.adminSession);
    expect(rows.map((r) => r.procedure)).toEqual(['accounts.update', 'accounts.create']);
    const update = rows[0]!;
    expect(update).toMatchObject({ actorName: ADMIN.displayName, entity: 'user', entityId: String(created.id) });
    expect(update.before).toMatchObject({ displayName: '李接待', roles: ['front_desk'] });
    expect(update.after).toMatchObject({ displayName: '李洁', roles: ['duty_staff', 'front_desk'] });
  });

  it('a failed mutation leaves neither its change nor an audit row', () => {
    st = openStation();
    const count = () => (st.core.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    const adminId = st.must('accounts.list', {}, st.adminSession)[0]!.id;
    expect(st.call('accounts.update', { id: adminId, displayName: '改名', roles: ['front_desk'] }, st.adminSession).ok).toBe(false);
    expect(count()).toBe(before);
    expect(st.must('accounts.list', {}, st.adminSession)[0]!.displayName).toBe(ADMIN.displayName);
  });

  it('verifies an untouched chain, and the check itself goes on the record', () => {
    st = openStation();
    st.userWith(['front_desk']);
    const v = st.must('audit.verify', {}, st.adminSession);
    expect(v).toMatchObject({ ok: true, firstBadId: null });
    expect(v.checked).toBeGreaterThanOrEqual(5);
    expect(st.must('audit.list', {}, st.adminSession).rows[0]!.procedure).toBe('audit.verify');
    // The check is recorded against the trail itself, with its result.
    const row = st.core.db.prepare("SELECT entity, entity_id, after FROM audit_log WHERE procedure = 'audit.verify'").get() as { entity: string; entity_id: string | null; after: string };
    expect({ ...row, after: JSON.parse(row.after) }).toEqual({ entity: 'audit_log', entity_id: null, after: v });
    expect(st.must('audit.verify', {}, st.adminSession).checked).toBe(v.checked + 1);
  });

  it('names the first row whose content was edited', () => {
    st = openStation();
    st.userWith(['front_desk']);
    tamper(st, "UPDATE audit_log SET actor_name = '别人' WHERE id = 3");
    expect(st.must('audit.verify', {}, st.adminSession)).toMatchObject({ ok: false, firstBadId: 3, reason: 'hash_mismatch', checked: 2 });
  });

  // Every hashed column of a row, edited in the file, is found: its content no longer matches its hash.
  it.each([
    ['at', 'at = at + 1'],
    ['actor_id', 'actor_id = (SELECT max(id) FROM users)'],
    ['actor_name', "actor_name = '别人'"],
    ['procedure', "procedure = 'auth.logout'"],
    ['entity', "entity = 'station'"],
    ['entity_id', "entity_id = '999'"],
    ['before', 'before = \'{"displayName":"别人"}\''],
    ['after', 'after = \'{"displayName":"别人"}\''],
  ])('names the row whose %s was edited', (_column, set) => {
    st = openStation();
    const sid = st.userWith(['front_desk']);
    st.must('auth.logout', {}, sid);
    const id = (st.core.db.prepare("SELECT id FROM audit_log WHERE procedure = 'accounts.create'").pluck().get() as number);
    tamper(st, `UPDATE audit_log SET ${set} WHERE id = ?`, id);
    expect(st.must('audit.verify', {}, st.adminSession)).toMatchObject({ ok: false, firstBadId: id, reason: 'hash_mismatch', checked: id - 1 });
  });

  it('names the row whose link to the previous row (prev_hash) was edited', () => {
    st = openStation();
    st.userWith(['front_desk']);
    tamper(st, "UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE id = 1) WHERE id = 3");
    expect(st.must('audit.verify', {}, st.adminSession)).toMatchObject({ ok: false, firstBadId: 3, reason: 'link_mismatch', checked: 2 });
  });

  it('names the row moved to another place in the trail (its id edited)', () => {
    st = openStation();
    st.userWith(['front_desk']);
    tamper(st, 'UPDATE audit_log SET id = 100 WHERE id = 3');
    expect(st.must('audit.verify', {}, st.adminSession)).toMatchObject({ ok: false, firstBadId: 4, reason: 'row_missing', checked: 2 });
  });

  it('keeps one hash formula, so a station file written by an earlier version still verifies', () => {
    // The formula, written out here on its own: sha256 over the JSON array of the stored columns in this order, the
    // first row linking to 64 zeros. Changing it would make every existing station's trail fail verification.
    st = openStation();
    st.userWith(['front_desk']);
    const rows = st.core.db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const content = JSON.stringify([r.id, r.at, r.actor_id, r.actor_name, r.procedure, r.entity, r.entity_id, r.before, r.after, prev]);
      expect(r.prev_hash, `row ${r.id}`).toBe(prev);
      expect(r.hash, `row ${r.id}`).toBe(createHash('sha256').update(content, 'utf8').digest('hex'));
      prev = r.hash as string;
    }
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.before === null) && rows.some((r) => r.before !== null)).toBe(true);
  });

  it('stores "nothing before" (a creation) as NULL, not as the text null', () => {
    st = openStation();
    st.must('intake.zoneSave', { code: 'youth', name: '青年区', minAge: 16, maxAge: 25 }, st.adminSession); // before: null
    st.must('accounts.create', { username: 'li', displayName: '李', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' }, st.adminSession); // before: left out
    const rows = st.core.db.prepare("SELECT procedure, before, typeof(after) AS after FROM audit_log WHERE procedure IN ('intake.zoneSave', 'accounts.create') ORDER BY id").all();
    expect(rows).toEqual([
      { procedure: 'intake.zoneSave', before: null, after: 'text' },
      { procedure: 'accounts.create', before: null, after: 'text' },
    ]);
  });

  it('a row written on its own (outside a mutation) joins the chain in a transaction of its own', () => {
    st = openStation();
    const last = st.core.db.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
    const id = appendAuditAlone(st.core.db, { at: st.clock.now(), actorId: null, actorName: '备份任务', procedure: 'backup.run', entity: 'backup', entityId: 'x.sqlite', before: null, after: { ok: true } });
    expect(id).toBe(last + 1);
    expect(st.core.db.inTransaction).toBe(false);
    expect(st.must('audit.list', {}, st.adminSession).rows[0]).toMatchObject({ id, actorName: '备份任务', entityId: 'x.sqlite', after: { ok: true } });
    expect(verifyChain(st.core.db, st.clock.now())).toMatchObject({ ok: true, checked: id });
  });

  it('detects a row rewritten with a fresh hash by its broken link to the next row', () => {
    st = openStation();
    st.userWith(['front_desk']);
    tamper(st, "UPDATE audit_log SET hash = 'f00d' || substr(hash, 5) WHERE id = 2");
    const v = st.must('audit.verify', {}, st.adminSession);
    expect(v.ok).toBe(false);
    expect(v.firstBadId).toBe(2);
  });

  it('detects a deleted row', () => {
    st = openStation();
    st.userWith(['front_desk']);
    tamper(st, 'DELETE FROM audit_log WHERE id = 4');
    expect(st.must('audit.verify', {}, st.adminSession)).toMatchObject({ ok: false, firstBadId: 5, reason: 'row_missing' });
  });

  it('filters by actor, procedure and time, newest first, paginated', () => {
    st = openStation();
    st.clock.advance(60_000);
    const t1 = st.clock.now();
    st.userWith(['front_desk'], 'zhou');
    const zhou = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'zhou')!;
    const mine = st.must('audit.list', { actorId: zhou.id }, st.adminSession);
    expect(mine.rows.map((r) => r.procedure)).toEqual(['auth.changePassword', 'auth.login']);
    const since = st.must('audit.list', { from: t1 }, st.adminSession);
    expect(since.rows.every((r) => r.at >= t1)).toBe(true);
    expect(since.total).toBe(3);
    const page2 = st.must('audit.list', { page: 2, pageSize: 2 }, st.adminSession);
    expect(page2.rows.map((r) => r.id)).toEqual([3, 2]);
    expect(st.must('audit.actors', {}, st.adminSession).map((a) => a.name).sort()).toEqual([ADMIN.displayName, 'zhou'].sort());
  });

  it('a time range includes its start and leaves out its end', () => {
    st = openStation();
    st.clock.advance(60_000);
    const t1 = st.clock.now();
    st.userWith(['front_desk'], 'zhou'); // three rows at t1
    st.clock.advance(60_000);
    st.userWith(['front_desk'], 'qian');
    const procedures = (input: { from?: number; to?: number }) => st.must('audit.list', input, st.adminSession).rows.map((r) => r.procedure);
    expect(procedures({ from: t1, to: t1 + 1 })).toEqual(['auth.changePassword', 'auth.login', 'accounts.create']);
    expect(procedures({ from: t1, to: t1 })).toEqual([]);
    expect(procedures({ from: t1 + 1, to: t1 + 60_000 })).toEqual([]);
    expect(st.must('audit.list', { to: t1 }, st.adminSession).rows.every((r) => r.at < t1)).toBe(true);
    expect(st.must('audit.list', { to: t1 + 1 }, st.adminSession).total).toBe(st.must('audit.list', { to: t1 }, st.adminSession).total + 3);
  });

  it('a procedure filter is a procedure or a feature’s name, never a pattern; an empty one filters nothing', () => {
    st = openStation();
    st.userWith(['front_desk'], 'zhou');
    const procedures = (procedure: string) => st.must('audit.list', { procedure }, st.adminSession).rows.map((r) => r.procedure);
    expect(procedures('accounts.create')).toEqual(['accounts.create']);
    expect(procedures('auth')).toEqual(['auth.changePassword', 'auth.login', 'auth.login']);
    expect(procedures('a%')).toEqual([]);
    expect(procedures('aut_')).toEqual([]);
    expect(procedures('auth\\')).toEqual([]);
    expect(procedures('')).toHaveLength(st.must('audit.list', {}, st.adminSession).total);
  });

  it('lists each actor once, by the name the account has now', () => {
    st = openStation();
    st.userWith(['front_desk'], 'zhou');
    const zhou = st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'zhou')!;
    st.must('accounts.update', { id: zhou.id, displayName: '周敏', roles: ['front_desk'] }, st.adminSession);
    expect(st.must('audit.actors', {}, st.adminSession)).toEqual([
      { id: zhou.id, name: '周敏' },
      { id: st.must('accounts.list', {}, st.adminSession).find((a) => a.username === 'admin')!.id, name: ADMIN.displayName },
    ]);
  });
});
