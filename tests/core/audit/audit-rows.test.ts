import { afterEach, describe, expect, it, vi } from 'vitest';
import * as stayView from '../../../electron/features/intake/stay-view';
import * as people from '../../../electron/features/people/service';
import { auditAfter, recordedInput, UNRECORDED_FIELDS } from '../../../electron/rpc/audit-record';
import { contract, procedureNames } from '../../../shared/contract';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { openStation, type TestStation } from '../helpers';
import { leavesOf } from '../harness/schema-paths';

/**
 * An audit row records the change: what was asked (the input, without passwords and photo bytes, removed in one
 * place for every procedure) and what was written (ids of new rows, changed columns), not a screen view reloaded
 * around the change.
 */
let st: TestStation | undefined;
afterEach(() => {
  st?.close();
  st = undefined;
  vi.restoreAllMocks();
});

const NIGHT = Date.UTC(2026, 6, 19, 19, 0); // 03:00 on 20 July 2026 in Shanghai

interface Row {
  procedure: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}
function lastRow(s: TestStation, procedure: string): Row {
  const r = s.core.db.prepare('SELECT procedure, entity, entity_id, before, after FROM audit_log WHERE procedure = ? ORDER BY id DESC LIMIT 1').get(procedure) as
    | (Omit<Row, 'before' | 'after'> & { before: string | null; after: string | null })
    | undefined;
  if (!r) throw new Error(`no audit row for ${procedure}`);
  return { ...r, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) };
}

function intakeStation() {
  const s = (st = openStation());
  s.clock.t = NIGHT + 5 * 60_000;
  const desk = s.userWith(['front_desk'], 'desk');
  s.userWith(['front_desk'], 'colleague');
  const colleague = s.must('accounts.list', {}, s.adminSession).find((u) => u.username === 'colleague')!.id;
  return { s, desk, witness: { userId: colleague, password: 'Own-pass-22' } };
}

describe('what the trail keeps of an input', () => {
  it('leaves out every password and a photo’s bytes, at any depth, and keeps the rest', () => {
    const input = {
      stayId: 3,
      findings: '无',
      witness: { userId: 7, password: 'Own-pass-22' },
      admin: { username: 'a', password: 'x', passwordConfirm: 'x' },
      items: [{ description: '手机', password: 'in-array' }],
      dataBase64: 'iVBORw0K',
      currentPassword: 'c',
      newPassword: 'n',
      newPasswordConfirm: 'n',
    };
    expect(recordedInput(input)).toEqual({ stayId: 3, findings: '无', witness: { userId: 7 }, admin: { username: 'a' }, items: [{ description: '手机' }] });
    expect(input.witness.password).toBe('Own-pass-22'); // a copy: the handler still gets the password
  });

  it('names every input field of the contract that holds a password, so none reaches the trail', () => {
    const fields = procedureNames.flatMap((name) => leavesOf(contract[name].input).map((l) => ({ name, field: String(l.path.filter((p) => typeof p === 'string').at(-1)) })));
    expect(fields.some((f) => f.field === 'password')).toBe(true);
    const secret = fields.filter((f) => /password|secret|token|passphrase|pin$/i.test(f.field));
    expect(secret.filter((f) => !UNRECORDED_FIELDS.has(f.field))).toEqual([]);
  });

  it('lays what was written over what was asked; the key naming the row itself is left to entity_id', () => {
    expect(auditAfter({ id: 5, reason: '抄错' }, 'person', 5, { idNumber: null })).toEqual({ reason: '抄错', idNumber: null });
    expect(auditAfter({ stayId: 9, days: 5 }, 'stay', 9, { extensionId: 1 })).toEqual({ days: 5, extensionId: 1 });
    // Another row's id, or the same number under another key, stays.
    expect(auditAfter({ personId: 9, channel: 'walk_in' }, 'stay', 9, { eventId: 2 })).toEqual({ personId: 9, channel: 'walk_in', eventId: 2 });
    expect(auditAfter({ stayId: 8 }, 'stay', 9, undefined)).toEqual({ stayId: 8 });
    expect(auditAfter({ linkId: 4, reason: 'r' }, 'person_link', 4, { unlinked: true })).toEqual({ linkId: 4, reason: 'r', unlinked: true });
    expect(auditAfter({ a: 1 }, 'x', null, { a: 2 })).toEqual({ a: 2 });
    expect(auditAfter({}, 'station', null, undefined)).toBeNull();
    expect(auditAfter({ password: 'p' }, 'session', 1, undefined)).toBeNull();
  });

  it('keeps passwords out of the rows of real calls: a co-signed safety check, a new account, a password change', () => {
    const { s, desk, witness } = intakeStation();
    const { stayId } = s.must('intake.register', { person: { name: '张三' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.must('intake.triage', { stayId, decision: 'admit' }, desk);
    s.must('intake.safetyCheck', { stayId, findings: '未发现危险物品', disposition: '无', witness }, desk);
    const trail = JSON.stringify(s.core.db.prepare('SELECT before, after FROM audit_log').all());
    for (const secret of ['Own-pass-22', 'Temp-pass-1', 'Admin-pass-1']) expect(trail).not.toContain(secret);
    expect(lastRow(s, 'intake.safetyCheck').after).toMatchObject({ witness: { userId: witness.userId }, findings: '未发现危险物品' });
  });
});

describe('intake’s rows: the input and the rows written', () => {
  it('a registration records the person and stay it wrote, and never reads the stay back', () => {
    const { s, desk } = intakeStation();
    const built = vi.spyOn(stayView, 'getStay');
    const known = s.must('intake.register', { person: { name: '张三', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    const row = lastRow(s, 'intake.register');
    expect(row).toMatchObject({ entity: 'stay', entity_id: String(known.stayId), before: null });
    expect(row.after).toEqual({
      person: { id: known.personId, name: '张三', sex: 'male', estimatedAge: 40, estimatedOn: '2026-07-20', fieldStates: {} },
      channel: 'walk_in',
      channelDetail: {},
      arrivedAt: NIGHT,
      arrivedOn: '2026-07-20',
      status: 'registered',
      eventId: expect.any(Number),
    });
    // Identity unknown: the family-search tasks it created, by id.
    const unknown = s.must('intake.register', { person: { description: '男，约50岁' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    expect((lastRow(s, 'intake.register').after as { familySearchTaskIds: number[] }).familySearchTaskIds).toEqual(
      s.core.db.prepare('SELECT id FROM family_search_tasks WHERE stay_id = ? ORDER BY id').pluck().all(unknown.stayId),
    );
    expect(built).not.toHaveBeenCalled();
  });

  it('a change to a stay records what it replaced and wrote, and reads the stay once, for the answer', () => {
    const { s, desk, witness } = intakeStation();
    const { stayId } = s.must('intake.register', { person: { name: '李四', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    const built = vi.spyOn(stayView, 'getStay');
    s.must('intake.triage', { stayId, decision: 'admit', temperatureC: 36.8 }, desk);
    expect(built).toHaveBeenCalledTimes(1);
    expect(lastRow(s, 'intake.triage')).toMatchObject({
      entity_id: String(stayId),
      before: { status: 'registered', conditions: [], temperatureC10: null },
      after: { decision: 'admit', temperatureC: 36.8, conditions: [], status: 'in_station', triage: { decision: 'admit' }, eventId: expect.any(Number) },
    });
    const stay = s.must('intake.assignBed', { stayId, zoneId: 1 }, desk);
    expect(lastRow(s, 'intake.assignBed')).toMatchObject({ before: { bedId: null }, after: { zoneId: 1, bedId: stay.bed!.bedId, bedAssignmentId: expect.any(Number) } });
    s.must('intake.custodyAdd', { stayId, items: [{ description: '手机', quantity: 1, storagePlace: 'A-1' }], witness }, desk);
    const items = s.core.db.prepare('SELECT id FROM custody_items WHERE stay_id = ?').pluck().all(stayId);
    expect(lastRow(s, 'intake.custodyAdd').after).toMatchObject({ custodyItemIds: items, witness: { userId: witness.userId } });
    s.must('intake.custodySettle', { itemId: items[0] as number, kind: 'returned', clientConfirmed: true }, desk);
    expect(lastRow(s, 'intake.custodySettle')).toMatchObject({ entity_id: String(stayId), after: { itemId: items[0], settlementId: expect.any(Number) } });
    built.mockClear();
    s.must('intake.discharge', { stayId, type: 'self_discharge', declarationSigned: true }, desk);
    expect(built).toHaveBeenCalledTimes(1);
    expect(lastRow(s, 'intake.discharge')).toMatchObject({
      before: { status: 'in_station' },
      after: { type: 'self_discharge', status: 'discharged', dischargedAt: s.clock.t, bedReleased: true, offerWithdrawn: false },
    });
  });

  it('a discharge records whether it freed a bed and withdrew a case offer still waiting', () => {
    const { s, desk, witness } = intakeStation();
    const { stayId } = s.must('intake.register', { person: { name: '王五', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.must('intake.triage', { stayId, decision: 'admit' }, desk);
    s.must('intake.offerOwnership', { stayId, toUserId: witness.userId }, desk);
    s.must('intake.discharge', { stayId, type: 'left_without_notice', record: '夜间自行离开' }, desk);
    expect(lastRow(s, 'intake.discharge').after).toMatchObject({ status: 'discharged', bedReleased: false, offerWithdrawn: true });
  });

  it('a change of conditions records the conditions and temperature it replaced, and its event', () => {
    const { s, desk } = intakeStation();
    const { stayId } = s.must('intake.register', { person: { name: '赵六', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.must('intake.triage', { stayId, decision: 'admit', temperatureC: 38.5, conditions: ['pregnant'] }, desk);
    s.must('intake.setConditions', { stayId, conditions: ['critically_ill'], temperatureC: 40.1 }, desk);
    const event = s.core.db.prepare('SELECT max(id) FROM stay_events WHERE stay_id = ?').pluck().get(stayId);
    expect(lastRow(s, 'intake.setConditions')).toMatchObject({
      entity_id: String(stayId),
      before: { conditions: ['pregnant'], temperatureC10: 385 },
      after: { conditions: ['critically_ill'], temperatureC: 40.1, eventId: event },
    });
  });

  it('the care steps record the rows they wrote: safety check, extension, family-search task, case offered and taken over', () => {
    const { s, desk, witness } = intakeStation();
    const leader = s.userWith(['duty_leader'], 'leader');
    const { stayId } = s.must('intake.register', { person: { description: '男，约50岁', sex: 'male', estimatedAge: 50 }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.must('intake.triage', { stayId, decision: 'admit' }, desk);
    const lastEvent = () => s.core.db.prepare('SELECT max(id) FROM stay_events WHERE stay_id = ?').pluck().get(stayId);
    s.must('intake.safetyCheck', { stayId, findings: '无', disposition: '无需处置', witness }, desk);
    const check = s.core.db.prepare('SELECT max(id) FROM safety_checks').pluck().get();
    expect(lastRow(s, 'intake.safetyCheck').after).toMatchObject({ safetyCheckId: check, eventId: lastEvent() });
    s.must('intake.extend', { stayId, days: 3, reason: '等待家属' }, leader);
    const extension = s.core.db.prepare('SELECT max(id) FROM stay_extensions').pluck().get();
    expect(lastRow(s, 'intake.extend')).toMatchObject({ entity_id: String(stayId), after: { days: 3, extensionId: extension, eventId: lastEvent() } });
    const task = s.core.db.prepare("SELECT id FROM family_search_tasks WHERE stay_id = ? AND kind = 'notice'").pluck().get(stayId) as number;
    s.must('intake.completeTask', { taskId: task, note: '已发布' }, desk);
    expect(lastRow(s, 'intake.completeTask')).toMatchObject({ entity_id: String(stayId), after: { taskId: task, kind: 'notice', eventId: lastEvent() } });
    s.must('intake.offerOwnership', { stayId, toUserId: witness.userId }, desk);
    const offer = s.core.db.prepare('SELECT max(id) FROM ownership_offers').pluck().get() as number;
    expect(lastRow(s, 'intake.offerOwnership').after).toMatchObject({ toUserId: witness.userId, offerId: offer, eventId: lastEvent() });
    const deskId = s.must('auth.session', {}, desk).user.id;
    const colleague = s.must('auth.login', { username: 'colleague', password: 'Own-pass-22' }).sessionId;
    s.must('intake.answerOwnership', { offerId: offer, accept: true }, colleague);
    expect(lastRow(s, 'intake.answerOwnership')).toMatchObject({ entity_id: String(stayId), before: { ownerId: deskId }, after: { accept: true, ownerId: witness.userId, eventId: lastEvent() } });
    s.must('intake.offerOwnership', { stayId, toUserId: deskId }, colleague);
    const second = s.core.db.prepare('SELECT max(id) FROM ownership_offers').pluck().get() as number;
    s.must('intake.answerOwnership', { offerId: second, accept: false }, desk);
    const declined = lastRow(s, 'intake.answerOwnership');
    expect(declined).toMatchObject({ before: null, after: { accept: false, eventId: lastEvent() } });
    expect(declined.after).not.toHaveProperty('ownerId');
  });

  it('zones and beds record the rule as it was and the rows added', () => {
    const { s } = intakeStation();
    s.must('intake.zoneSave', { id: 1, code: 'men', name: '男宿区（东）', sex: 'male', minAge: 18, maxAge: 59, medical: false, active: true }, s.adminSession);
    expect(lastRow(s, 'intake.zoneSave')).toMatchObject({ entity: 'zone', entity_id: '1', before: { name: '男宿区', active: true }, after: { name: '男宿区（东）' } });
    const zones = s.must('intake.bedsAdd', { zoneId: 1, labels: ['男-90', '男-91'] }, s.adminSession);
    const added = zones.find((z) => z.id === 1)!.beds.filter((b) => b.label >= '男-90').map((b) => b.id);
    expect(lastRow(s, 'intake.bedsAdd')).toMatchObject({ entity: 'zone', entity_id: '1', after: { labels: ['男-90', '男-91'], bedIds: added } });
    s.must('intake.bedSetActive', { bedId: added[0]!, active: false }, s.adminSession);
    expect(lastRow(s, 'intake.bedSetActive')).toMatchObject({ entity: 'bed', before: { active: true }, after: { active: false } });
    s.must('intake.bedSetActive', { bedId: added[0]!, active: true }, s.adminSession);
    expect(lastRow(s, 'intake.bedSetActive')).toMatchObject({ entity: 'bed', before: { active: false }, after: { active: true } });
    // A new zone records the row it made and where it sorts; a closed zone opened again, that it was closed.
    const made = s.must('intake.zoneSave', { code: 'family', name: '家庭区', active: false }, s.adminSession).find((z) => z.code === 'family')!;
    const sorts = s.core.db.prepare('SELECT max(sort) FROM zones').pluck().get() as number;
    expect(lastRow(s, 'intake.zoneSave')).toMatchObject({ entity: 'zone', entity_id: String(made.id), before: null, after: { code: 'family', zoneId: made.id, sort: sorts } });
    s.must('intake.zoneSave', { id: made.id, code: 'family', name: '家庭区', active: true }, s.adminSession);
    expect(lastRow(s, 'intake.zoneSave')).toMatchObject({ before: { name: '家庭区', active: false }, after: { active: true } });
  });
});

describe('the registry’s rows', () => {
  it('a person edit records the fields it changed, as they were and as stored, and reads the person once, for the answer', () => {
    const { s, desk } = intakeStation();
    const { personId } = s.must('intake.register', { person: { name: '王五' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.must('people.update', { id: personId, fieldStates: { dialect: 'unknown' } }, desk);
    const read = vi.spyOn(people, 'getPerson');
    // A 15-digit number is stored converted, with the birth date and sex it states; the filled dialect loses its mark.
    s.must('people.update', { id: personId, idNumber: '110105790315001', dialect: '北京话' }, desk);
    expect(read).toHaveBeenCalledTimes(1);
    const row = lastRow(s, 'people.update');
    expect(row.entity_id).toBe(String(personId));
    expect(row.before).toEqual({ sex: null, birthDate: null, idNumber: null, dialect: null, fieldStates: { dialect: 'unknown' } });
    const converted = checkIdNumber('110105790315001');
    expect(converted).toMatchObject({ ok: true, birthDate: '1979-03-15', sex: 'male' });
    expect(row.after).toEqual({ sex: 'male', birthDate: '1979-03-15', idNumber: converted.ok && converted.normalized, dialect: '北京话', fieldStates: {} });
  });

  it('an edit of one field records that field alone, as it was and as stored, even on a record with an ID number', () => {
    const { s, desk } = intakeStation();
    const { personId } = s.must('intake.register', { person: { name: '王五', idNumber: '110105790315001' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    const row = () => {
      const { before, after } = lastRow(s, 'people.update');
      return { before, after };
    };
    s.must('people.update', { id: personId, sex: 'male' }, desk);
    expect(row()).toEqual({ before: { sex: 'male' }, after: { sex: 'male' } });
    s.must('people.update', { id: personId, dialect: '北京话' }, desk);
    expect(row()).toEqual({ before: { dialect: null }, after: { dialect: '北京话' } });
  });

  it('an estimated age records the day it was estimated, and the day it replaced', () => {
    const { s, desk } = intakeStation();
    const { personId } = s.must('intake.register', { person: { name: '王五', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.clock.advance(24 * 3_600_000);
    s.must('auth.unlock', { password: 'Own-pass-22' }, desk);
    s.must('people.update', { id: personId, estimatedAge: 45 }, desk);
    const { before, after } = lastRow(s, 'people.update');
    expect({ before, after }).toEqual({ before: { estimatedAge: 40, estimatedOn: '2026-07-20' }, after: { estimatedAge: 45, estimatedOn: '2026-07-21' } });
  });

  it('a mark on a field that is filled is not kept, and the row records the marks as stored', () => {
    const { s, desk } = intakeStation();
    const { personId } = s.must('intake.register', { person: { name: '王五' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    s.must('people.update', { id: personId, fieldStates: { name: 'unknown', dialect: 'refused' } }, desk);
    const { before, after } = lastRow(s, 'people.update');
    expect({ before, after }).toEqual({ before: { fieldStates: {} }, after: { fieldStates: { dialect: 'refused' } } });
    expect(s.must('people.update', { id: personId, fieldStates: { name: 'refused', dialect: 'refused' } }, desk).fieldStates).toEqual({ dialect: 'refused' });
    expect(lastRow(s, 'people.update').after).toEqual({ fieldStates: { dialect: 'refused' } });
  });

  it('a photo is recorded by its type and size, never its bytes', () => {
    const { s, desk } = intakeStation();
    const { personId } = s.must('intake.register', { person: { name: '赵六' }, channel: 'walk_in', arrivedAt: NIGHT }, desk);
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
    s.must('people.setPhoto', { id: personId, dataBase64: png, type: 'image/png' }, desk);
    expect(lastRow(s, 'people.setPhoto').after).toEqual({ type: 'image/png', photo: 'image/png', bytes: Buffer.from(png, 'base64').length });
  });
});
