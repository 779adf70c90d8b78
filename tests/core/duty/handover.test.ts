import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/open';
import { rowHash, type StoredRow } from '../../../electron/features/audit/chain';
import { contentHash } from '../helpers';
import { BASE_SETTINGS, dutyStation, OWN, THREE_SHIFTS, wall, type DutyStation } from './duty-helpers';

/** Shift handovers: compose, acknowledge, sign, seal, addenda, verify (issue 10). */
let st: DutyStation;
afterEach(() => st?.close());

const NIGHT = '2026-07-20';
const MORNING = '2026-07-21';

/** The night of 20 July on the roster: desk at the front desk, leader on duty for the day (and so for its night). */
function station() {
  st = dutyStation();
  st.must('roster.assign', { day: NIGHT, shift: 'day', post: 'leader', staffId: st.staff.leader }, st.s.leader);
  st.must('roster.assign', { day: NIGHT, shift: 'night', post: 'front_desk', staffId: st.staff.desk }, st.s.leader);
  st.at(wall(MORNING, '07:45'));
}

/** Opened by desk, submitted, and (unless told not to) acknowledged by desk2 at desk's screen. */
function submitted(opts: { acknowledge?: boolean } = {}) {
  const h = st.must('handover.open', {}, st.s.desk);
  st.must('handover.submit', { id: h.id, notes: '夜间平稳。3号床老人咳嗽，已测体温正常。' }, st.s.desk);
  if (opts.acknowledge !== false) st.must('handover.acknowledge', { id: h.id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk);
  return h.id;
}

function tamper(sql: string, ...params: unknown[]) {
  const raw = new Database(path.join(st.dir, DATABASE_FILE));
  raw.exec('DROP TRIGGER IF EXISTS handovers_sealed; DROP TRIGGER IF EXISTS handovers_submitted_fixed; DROP TRIGGER IF EXISTS audit_log_no_update');
  raw.prepare(sql).run(...params);
  raw.close();
}

describe('the 08:00 handover', () => {
  it('is opened by the outgoing shift for the shift ending now, compiled from every feature’s sections', () => {
    station();
    const h = st.must('handover.open', {}, st.s.desk);
    expect(h).toMatchObject({
      state: 'open',
      shift: { day: NIGHT, code: 'night', from: wall(NIGHT, '20:00'), to: wall(MORNING, '08:00') },
      openedBy: { id: st.user.desk, displayName: 'desk' },
      compiledAt: wall(MORNING, '07:45'),
      submittedAt: null,
      submittedBy: null,
      leadersOnDuty: [{ id: st.user.leader, displayName: 'leader' }],
    });
    expect(h.sections.map((s) => s.feature)).toEqual([...Array(9).fill('intake'), ...Array(4).fill('duty'), ...Array(2).fill('stock')]);
    expect(st.must('handover.list', {}, st.s.guard)).toMatchObject({ due: { shift: { day: NIGHT, code: 'night' }, handoverId: h.id }, items: [{ id: h.id, state: 'open' }], next: null });
    const before = contentHash(st.core);
    expect(st.outcome('handover.open', {}, st.s.desk)).toBe('CONFLICT {"shift":"v.handoverExists"}');
    expect(st.outcome('handover.open', { day: MORNING, shift: 'night' }, st.s.desk)).toBe('CONFLICT {"shift":"v.shiftNotStarted"}');
    expect(st.outcome('handover.open', { day: NIGHT, shift: 'evening' }, st.s.desk)).toBe('VALIDATION {"shift":"v.shiftUnknown"}');
    expect(st.outcome('handover.open', { day: NIGHT }, st.s.desk)).toBe('VALIDATION {"shift":"v.required"}');
    expect(st.outcome('handover.open', { shift: 'night' }, st.s.desk)).toBe('VALIDATION {"shift":"v.required"}');
    expect(st.outcome('handover.open', { day: '1999-12-30', shift: 'night' }, st.s.desk)).toBe('VALIDATION {"day":"v.beforeFloor"}');
    // Each refusal says what it found: the handover already open, the station's date floor.
    const detail = (input: { day?: string; shift?: string }) => {
      const r = st.call('handover.open', input, st.s.desk);
      return r.ok ? null : r.error.detail;
    };
    expect(detail({})).toEqual({ handoverId: h.id });
    expect(detail({ day: '1999-12-30', shift: 'night' })).toEqual({ floor: st.must('settings.get', {}, st.s.admin).dateFloor });
    expect(st.outcome('handover.open', {}, st.s.admin)).toBe('FORBIDDEN {}');
    expect(contentHash(st.core)).toBe(before);
  });

  it('is not opened for a shift wholly before the date floor: one ending at its first midnight is refused, the first shift on the floor day opens', () => {
    st = dutyStation();
    st.must('settings.update', { ...BASE_SETTINGS, shifts: THREE_SHIFTS, staffing: [], dateFloor: '2026-07-01' }, st.adminSession);
    st.at(wall('2026-07-20', '09:00'));
    const before = contentHash(st.core);
    expect(st.outcome('handover.open', { day: '2026-06-30', shift: 'late' }, st.s.desk)).toBe('VALIDATION {"day":"v.beforeFloor"}');
    expect(contentHash(st.core)).toBe(before);
    expect(st.must('handover.open', { day: '2026-07-01', shift: 'night' }, st.s.desk).shift).toMatchObject({
      day: '2026-07-01',
      code: 'night',
      from: wall('2026-07-01', '00:00'),
      to: wall('2026-07-01', '08:00'),
    });
  });

  it('is compiled again on refresh and on submit, and fixed once submitted; it goes back only before anyone acknowledges it', () => {
    station();
    const h = st.must('handover.open', {}, st.s.desk);
    st.at(wall(MORNING, '07:50'));
    st.must('intake.register', { person: { name: '晨到', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: wall(MORNING, '07:48') }, st.s.desk);
    expect(st.must('handover.refresh', { id: h.id }, st.s.desk).sections.find((s) => s.key === 'intake.arrivals')!.lines.map((l) => l.name)).toEqual(['晨到']);
    st.must('handover.saveNotes', { id: h.id, notes: '草稿' }, st.s.desk);
    st.at(wall(MORNING, '08:02'));
    const sub = st.must('handover.submit', { id: h.id }, st.s.desk);
    expect(sub).toMatchObject({ state: 'submitted', notes: '草稿', compiledAt: wall(MORNING, '08:02'), submittedBy: { displayName: 'desk' } });
    expect(st.outcome('handover.saveNotes', { id: h.id, notes: '改' }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverSubmitted"}');
    expect(st.outcome('handover.refresh', { id: h.id }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverSubmitted"}');
    expect(st.outcome('handover.submit', { id: h.id }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverSubmitted"}');
    expect(st.must('handover.reopen', { id: h.id }, st.s.desk).state).toBe('open');
    // Notes given with the submission replace the draft's.
    expect(st.must('handover.submit', { id: h.id, notes: '定稿' }, st.s.desk).notes).toBe('定稿');
    st.must('handover.acknowledge', { id: h.id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk);
    expect(st.outcome('handover.reopen', { id: h.id }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverAcknowledged"}');
    // Acknowledged, it is as fixed as submitted; each refusal names the state it found.
    expect(st.outcome('handover.saveNotes', { id: h.id, notes: '改' }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverSubmitted"}');
    expect(st.outcome('handover.refresh', { id: h.id }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverSubmitted"}');
    const detail = (name: 'handover.saveNotes' | 'handover.reopen', input: { id: number; notes?: string }) => {
      const r = st.call(name, input as never, st.s.desk);
      return r.ok ? null : r.error.detail;
    };
    expect(detail('handover.saveNotes', { id: h.id, notes: '改' })).toEqual({ state: 'acknowledged' });
    expect(detail('handover.reopen', { id: h.id })).toEqual({ state: 'acknowledged' });
  });

  it('covers its own shift only: opened after the shift ended, an arrival a millisecond before its end is in it, one at its end is the next shift’s', () => {
    station();
    st.at(wall(MORNING, '08:10'));
    const arrive = (name: string, at: number) => st.must('intake.register', { person: { name, sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: at }, st.s.desk);
    arrive('夜到', wall(MORNING, '08:00') - 1);
    arrive('早到', wall(MORNING, '08:00'));
    const h = st.must('handover.open', {}, st.s.desk);
    expect(h.shift).toMatchObject({ day: NIGHT, code: 'night' });
    expect(h.sections.find((s) => s.key === 'intake.arrivals')!.lines.map((l) => l.name)).toEqual(['夜到']);
    // The day shift's handover, opened at its very first millisecond, holds what arrived then.
    st.at(wall(MORNING, '08:00'));
    const day = st.must('handover.open', { day: MORNING, shift: 'day' }, st.s.desk);
    expect(day.sections.find((s) => s.key === 'intake.arrivals')!.lines.map((l) => l.name)).toEqual(['早到']);
  });

  it('is acknowledged, taken back or signed only once submitted; a handover that does not exist is not found', () => {
    station();
    const h = st.must('handover.open', {}, st.s.desk);
    const before = contentHash(st.core);
    expect(st.outcome('handover.acknowledge', { id: h.id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverNotSubmitted"}');
    expect(st.outcome('handover.reopen', { id: h.id }, st.s.desk)).toBe('CONFLICT {"id":"v.handoverNotSubmitted"}');
    const reopen = st.call('handover.reopen', { id: h.id }, st.s.desk);
    expect(reopen.ok ? null : reopen.error.detail).toEqual({ state: 'open' });
    expect(st.outcome('handover.sign', { id: h.id, password: OWN }, st.s.leader)).toBe('CONFLICT {"id":"v.notAcknowledged"}');
    expect(st.outcome('handover.addendum', { id: 9999, note: '补记', password: OWN }, st.s.desk)).toBe('NOT_FOUND {}');
    expect(contentHash(st.core)).toBe(before);
  });

  it('is acknowledged by the incoming staff with their own password; a wrong one is refused and writes nothing', () => {
    station();
    const id = submitted({ acknowledge: false });
    const before = contentHash(st.core);
    expect(st.outcome('handover.acknowledge', { id, incoming: { userId: st.user.desk2, password: 'Wrong-pass-1' } }, st.s.desk)).toBe(
      'BAD_CREDENTIALS {"incoming.password":"v.badCredentials"}',
    );
    expect(st.outcome('handover.acknowledge', { id, incoming: { userId: st.user.desk, password: OWN } }, st.s.desk)).toBe('VALIDATION {"incoming.userId":"v.ackOutgoing"}');
    expect(st.outcome('handover.acknowledge', { id, incoming: { userId: 9999, password: OWN } }, st.s.desk)).toBe('VALIDATION {"incoming.userId":"v.witnessUnknown"}');
    expect(contentHash(st.core)).toBe(before);
    st.must('handover.acknowledge', { id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk);
    expect(st.outcome('handover.acknowledge', { id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk)).toBe(
      'CONFLICT {"incoming.userId":"v.alreadyAcknowledged"}',
    );
    // Signed in at their own screen, an incoming colleague types their password again.
    expect(st.outcome('handover.acknowledge', { id, incoming: { userId: st.user.guard, password: 'Wrong-pass-1' } }, st.s.guard)).toBe(
      'BAD_CREDENTIALS {"incoming.password":"v.badCredentials"}',
    );
    const h = st.must('handover.acknowledge', { id, incoming: { userId: st.user.guard, password: OWN } }, st.s.guard);
    expect(h.state).toBe('acknowledged');
    expect(h.acknowledgements.map((a) => a.user.displayName)).toEqual(['desk2', 'guard']);
    const audit = st.core.db.prepare("SELECT after FROM audit_log WHERE procedure = 'handover.acknowledge'").pluck().all() as string[];
    expect(audit.join()).not.toContain(OWN);
  });

  it('cannot close until acknowledged; is signed by the leader on duty; another duty leader signs only with a reason', () => {
    station();
    const id = submitted({ acknowledge: false });
    expect(st.outcome('handover.sign', { id, password: OWN }, st.s.leader)).toBe('CONFLICT {"id":"v.notAcknowledged"}');
    st.must('handover.acknowledge', { id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk);
    const before = contentHash(st.core);
    expect(st.outcome('handover.sign', { id, password: OWN }, st.s.desk)).toBe('FORBIDDEN {}');
    expect(st.outcome('handover.sign', { id, password: OWN }, st.s.leader2)).toBe('VALIDATION {"reason":"v.signReason"}');
    expect(st.outcome('handover.sign', { id, password: 'Wrong-pass-1' }, st.s.leader)).toBe('BAD_CREDENTIALS {"password":"v.badCredentials"}');
    expect(contentHash(st.core)).toBe(before);
    const signed = st.must('handover.sign', { id, password: OWN, reason: '带班领导陈志强外出，由我代签' }, st.s.leader2);
    expect(signed.state).toBe('signed');
    expect(signed.signatures).toEqual([expect.objectContaining({ signer: { id: st.user.leader2, displayName: 'leader2' }, reason: '带班领导陈志强外出，由我代签', fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) })]);
    const audit = JSON.parse(st.core.db.prepare("SELECT after FROM audit_log WHERE procedure = 'handover.sign'").pluck().get() as string);
    expect(audit).toEqual({ reason: '带班领导陈志强外出，由我代签', leaderOnDuty: false, signature: { id: signed.signatures[0]!.id, fingerprint: signed.signatures[0]!.fingerprint } });
    expect(st.must('handover.list', {}, st.s.guard).items[0]).toMatchObject({ id, state: 'signed', signedBy: { displayName: 'leader2' }, acknowledgements: 1 });
  });

  it('either of two leaders on duty for the shift signs without a reason', () => {
    station();
    st.must('roster.assign', { day: NIGHT, shift: 'day', post: 'leader', staffId: st.staff.leader2 }, st.s.leader);
    const id = submitted();
    expect(st.must('handover.sign', { id, password: OWN }, st.s.leader2).signatures[0]).toMatchObject({ signer: { displayName: 'leader2' }, reason: null });
  });

  it('the leader on duty signs without a reason', () => {
    station();
    const id = submitted();
    expect(st.must('handover.sign', { id, password: OWN }, st.s.leader).signatures[0]).toMatchObject({ signer: { displayName: 'leader' }, reason: null });
    const audit = JSON.parse(st.core.db.prepare("SELECT after FROM audit_log WHERE procedure = 'handover.sign'").pluck().get() as string);
    expect(audit).toMatchObject({ reason: null, leaderOnDuty: true });
  });
});

describe('the record of a handover', () => {
  it('holds each step against the handover: what it was given (never a password), what it wrote, and when', () => {
    station();
    const h = st.must('handover.open', {}, st.s.desk);
    st.at(wall(MORNING, '07:50'));
    st.must('handover.refresh', { id: h.id }, st.s.desk);
    st.must('handover.saveNotes', { id: h.id, notes: '草稿' }, st.s.desk);
    st.at(wall(MORNING, '07:55'));
    st.must('handover.submit', { id: h.id, notes: '定稿' }, st.s.desk);
    st.must('handover.reopen', { id: h.id }, st.s.desk);
    st.must('handover.submit', { id: h.id }, st.s.desk);
    st.must('handover.acknowledge', { id: h.id, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk);
    const signed = st.must('handover.sign', { id: h.id, password: OWN }, st.s.leader);
    const added = st.must('handover.addendum', { id: h.id, note: '补记', password: OWN }, st.s.desk);
    const rows = st.core.db.prepare("SELECT procedure, entity, entity_id AS entityId, after FROM audit_log WHERE procedure LIKE 'handover.%' ORDER BY id").all() as {
      procedure: string;
      entity: string;
      entityId: string;
      after: string;
    }[];
    expect(rows.map((r) => [r.entity, r.entityId])).toEqual(Array(rows.length).fill(['handover', String(h.id)]));
    expect(rows.map((r) => r.after).join()).not.toContain(OWN);
    expect(rows.map((r) => [r.procedure, JSON.parse(r.after) as unknown])).toEqual([
      ['handover.open', { id: h.id, shift: expect.objectContaining({ day: NIGHT, code: 'night', from: wall(NIGHT, '20:00'), to: wall(MORNING, '08:00') }) }],
      ['handover.refresh', { compiledAt: wall(MORNING, '07:50') }],
      ['handover.saveNotes', { notes: '草稿' }],
      ['handover.submit', { notes: '定稿', submittedAt: wall(MORNING, '07:55') }],
      ['handover.reopen', { reopened: true }],
      ['handover.submit', { submittedAt: wall(MORNING, '07:55') }],
      ['handover.acknowledge', { incoming: { userId: st.user.desk2 }, acknowledgedBy: st.user.desk2 }],
      ['handover.sign', { reason: null, leaderOnDuty: true, signature: { id: signed.signatures[0]!.id, fingerprint: signed.signatures[0]!.fingerprint } }],
      ['handover.addendum', { note: '补记', addendumId: added.addenda[0]!.id, signature: { id: added.addenda[0]!.signature.id, fingerprint: added.addenda[0]!.signature.fingerprint } }],
    ]);
  });
});

describe('the list of handovers', () => {
  it('shows the newest first with each one’s state, a page at a time: the next page begins after the last shown, and there is none after the last', () => {
    station();
    const open = (day: string, shift: string) => st.must('handover.open', { day, shift }, st.s.desk).id;
    const h1 = open('2026-07-19', 'day');
    const h2 = open('2026-07-19', 'night');
    st.must('handover.submit', { id: h2 }, st.s.desk);
    const h3 = open(NIGHT, 'day');
    st.must('handover.submit', { id: h3 }, st.s.desk);
    st.must('handover.acknowledge', { id: h3, incoming: { userId: st.user.desk2, password: OWN } }, st.s.desk);
    st.at(wall(MORNING, '07:50'));
    const h4 = submitted();
    st.must('handover.sign', { id: h4, password: OWN }, st.s.leader);
    const page = (limit: number, before?: number) => st.must('handover.list', { limit, before }, st.s.guard);
    const first = page(2);
    expect(first.items.map((h) => [h.id, h.state, h.acknowledgements, h.signedBy?.displayName ?? null])).toEqual([
      [h4, 'signed', 1, 'leader'],
      [h3, 'acknowledged', 1, null],
    ]);
    expect(first.items[0]).toMatchObject({ shift: { day: NIGHT, code: 'night' }, openedBy: { id: st.user.desk, displayName: 'desk' }, submittedAt: wall(MORNING, '07:50'), signedAt: wall(MORNING, '07:50') });
    expect(first.next).toBe(h3);
    const second = page(2, first.next!);
    expect(second.items.map((h) => [h.id, h.state, h.acknowledgements, h.submittedAt, h.signedBy, h.signedAt])).toEqual([
      [h2, 'submitted', 0, wall(MORNING, '07:45'), null, null],
      [h1, 'open', 0, null, null, null],
    ]);
    expect(second.next).toBeNull();
    // One more than a page: the next page holds the one left over.
    expect(page(3).next).toBe(h2);
    expect(page(3, h2).items.map((h) => h.id)).toEqual([h1]);
    expect(page(4).next).toBeNull();
  });
});

describe('a signed handover', () => {
  it('is sealed: nothing edits it; later notes are addenda, each signed', () => {
    station();
    const id = submitted();
    expect(st.outcome('handover.addendum', { id, note: '补记', password: OWN }, st.s.desk)).toBe('CONFLICT {"note":"v.notSealed"}');
    st.must('handover.sign', { id, password: OWN }, st.s.leader);
    const before = contentHash(st.core);
    for (const [name, input] of [
      ['handover.saveNotes', { id, notes: '改' }],
      ['handover.refresh', { id }],
      ['handover.submit', { id }],
      ['handover.reopen', { id }],
      ['handover.acknowledge', { id, incoming: { userId: st.user.guard, password: OWN } }],
      ['handover.sign', { id, password: OWN }],
    ] as const) {
      expect(st.outcome(name, input as never, name === 'handover.sign' ? st.s.leader : st.s.desk), name).toBe('CONFLICT {"id":"v.sealed"}');
    }
    expect(contentHash(st.core)).toBe(before);
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    try {
      expect(() => raw.prepare("UPDATE handovers SET notes = 'x' WHERE id = ?").run(id)).toThrow(/fixed/);
      raw.exec('DROP TRIGGER handovers_submitted_fixed'); // the seal holds on its own
      expect(() => raw.prepare("UPDATE handovers SET notes = 'x' WHERE id = ?").run(id)).toThrow(/sealed/);
      expect(() => raw.prepare('INSERT INTO handover_acks (handover_id, user_id, at) VALUES (?, ?, 1)').run(id, st.user.guard)).toThrow(/unsigned/);
    } finally {
      raw.close();
    }
    const h = st.must('handover.addendum', { id, note: '补记：交班后发现大门钥匙少一把，已找到', password: OWN }, st.s.desk);
    expect(h.addenda).toEqual([expect.objectContaining({ note: '补记：交班后发现大门钥匙少一把，已找到', addedBy: { id: st.user.desk, displayName: 'desk' }, signature: expect.objectContaining({ signer: { id: st.user.desk, displayName: 'desk' } }) })]);
    expect(st.must('handover.verify', { id }, st.s.guard)).toMatchObject({ ok: true, sealed: true, state: 'signed', addenda: [{ verification: { ok: true } }] });
  });

  it('verify finds the handover changed in the file', () => {
    station();
    const id = submitted();
    st.must('handover.sign', { id, password: OWN }, st.s.leader);
    expect(st.must('handover.verify', { id }, st.s.guard)).toMatchObject({ ok: true, sealed: true });
    tamper("UPDATE handovers SET notes = notes || '（已改）' WHERE id = ?", id);
    const v = st.must('handover.verify', { id }, st.s.guard);
    expect(v.ok).toBe(false);
    expect(v.signatures[0]!.problems.map((p) => p.kind)).toEqual(['record_changed']);
  });

  it('verify finds the shift or an acknowledgement changed in the file: both are part of what was signed', () => {
    station();
    const id = submitted();
    st.must('handover.sign', { id, password: OWN }, st.s.leader);
    const name = st.must('handover.get', { id }, st.s.guard).shift.name;
    tamper('DROP TRIGGER handovers_identity');
    tamper("UPDATE handovers SET shift_name = '改过的班' WHERE id = ?", id);
    expect(st.must('handover.verify', { id }, st.s.guard).signatures[0]!.problems.map((p) => p.kind)).toEqual(['record_changed']);
    tamper('UPDATE handovers SET shift_name = ? WHERE id = ?', name, id);
    expect(st.must('handover.verify', { id }, st.s.guard)).toMatchObject({ ok: true });
    tamper('DROP TRIGGER handover_acks_fixed');
    tamper('UPDATE handover_acks SET at = at + 60000 WHERE handover_id = ?', id);
    expect(st.must('handover.verify', { id }, st.s.guard).signatures[0]!.problems.map((p) => p.kind)).toEqual(['record_changed']);
  });

  it('verify finds an audit row before it rewritten, even with the chain recomputed after it', () => {
    station();
    const id = submitted();
    const submitRow = st.core.db.prepare("SELECT id FROM audit_log WHERE procedure = 'handover.submit'").pluck().get() as number;
    st.must('handover.sign', { id, password: OWN }, st.s.leader);
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET after = '{\"notes\":\"伪造\"}' WHERE id = ?").run(submitRow);
    let prev = (raw.prepare('SELECT hash FROM audit_log WHERE id = ?').get(submitRow - 1) as { hash: string }).hash;
    for (const row of raw.prepare('SELECT * FROM audit_log WHERE id >= ? ORDER BY id').all(submitRow) as StoredRow[]) {
      const hash = rowHash({ ...row, prev_hash: prev });
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    raw.close();
    const v = st.must('handover.verify', { id }, st.s.guard);
    expect(v.ok).toBe(false);
    expect(v.signatures[0]!.problems).toEqual([expect.objectContaining({ kind: 'audit_rewritten', reason: 'anchor_changed' })]);
  });

  it('verify names the rewritten row when the chain was not recomputed', () => {
    station();
    const id = submitted();
    st.must('handover.sign', { id, password: OWN }, st.s.leader);
    const anchor = st.must('handover.get', { id }, st.s.guard).signatures[0]!.anchor.id;
    tamper("UPDATE audit_log SET actor_name = '别人' WHERE id = ?", anchor);
    expect(st.must('handover.verify', { id }, st.s.guard).signatures[0]!.problems).toEqual([{ kind: 'audit_rewritten', auditRowId: anchor, reason: 'hash_mismatch' }]);
  });
});
