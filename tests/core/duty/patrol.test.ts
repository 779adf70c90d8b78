import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/open';
import type { AlertGroup } from '../../../shared/contract/alerts';
import { contentHash, lastAudit as auditRow } from '../helpers';
import { dutyStation, wall, type DutyStation } from './duty-helpers';

/** Duty patrols, missed rounds, follow-ups and incidents (issue 10). */
let st: DutyStation;
afterEach(() => st?.close());

const DAY = '2026-07-20';
const alerts = (session = st.s.guard) => Object.fromEntries(st.must('alerts.list', {}, session).map((g) => [g.key, g])) as Record<string, AlertGroup>;
const lastAudit = () => auditRow(st.core);
const missedNow = () => (alerts()['duty.missedRounds']?.lines ?? []).map((l) => `${l.detail}@${(l.at! - wall(DAY, '00:00')) / 3_600_000}`);

/** Keeps only the gate and the kitchen as checkpoints (the others retired before the night begins). */
function twoCheckpoints() {
  st.at(wall(DAY, '19:00'));
  for (const cp of st.must('patrol.checkpoints', {}, st.s.admin)) {
    if (cp.code !== 'CP-GATE' && cp.code !== 'CP-KITCHEN') st.must('patrol.checkpointSave', { ...cp, zoneId: cp.zoneId, active: false }, st.s.admin);
  }
}
/** At `hhmm` tonight, the admin retires the checkpoint `code` or brings it back. */
function inUse(code: string, active: boolean, hhmm: string) {
  st.at(wall(DAY, hhmm));
  const cp = st.must('patrol.checkpoints', {}, st.s.admin).find((c) => c.code === code)!;
  return st.must('patrol.checkpointSave', { ...cp, zoneId: cp.zoneId, active }, st.s.admin).find((c) => c.id === cp.id)!;
}
/** A round at `hhmm` tonight, by the guard. */
function round(code: string, hhmm: string) {
  st.at(wall(DAY, hhmm));
  return st.must('patrol.record', { code, finding: 'normal' }, st.s.guard);
}

describe('patrol rounds', () => {
  it('are recorded from the code a scanner types, and refused at their fields when the code, time or finding is wrong', () => {
    st = dutyStation();
    twoCheckpoints();
    st.at(wall(DAY, '20:05'));
    const r = st.must('patrol.record', { code: ' cp-gate ', finding: 'normal' }, st.s.guard);
    expect(r).toMatchObject({ checkpoint: { code: 'CP-GATE', name: '大门' }, at: wall(DAY, '20:05'), walkedBy: { name: 'guard' }, recordedBy: { name: 'guard' } });
    const before = contentHash(st.core);
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal' }, st.s.guard)).toBe('CONFLICT {"code":"v.justRecorded"}');
    expect(st.outcome('patrol.record', { code: 'CP-NOWHERE', finding: 'normal' }, st.s.guard)).toBe('VALIDATION {"code":"v.checkpointUnknown"}');
    expect(st.outcome('patrol.record', { code: 'CP-MEN', finding: 'normal' }, st.s.guard)).toBe('VALIDATION {"code":"v.checkpointRetired"}');
    expect(st.outcome('patrol.record', { code: 'CP-KITCHEN', finding: 'issue' }, st.s.guard)).toBe('VALIDATION {"category":"v.required"}');
    expect(st.outcome('patrol.record', { code: 'CP-KITCHEN', finding: 'normal', at: wall(DAY, '20:11') }, st.s.guard)).toBe('VALIDATION {"at":"v.future"}');
    expect(st.outcome('patrol.record', { code: 'CP-KITCHEN', finding: 'normal', walkedBy: 9999 }, st.s.guard)).toBe('VALIDATION {"walkedBy":"v.staffUnknown"}');
    const issue = { code: 'CP-KITCHEN', finding: 'issue' as const, category: 'fire_hazard' as const, note: '灶台旁堆放纸箱' };
    expect(st.outcome('patrol.record', { ...issue, followUp: { task: '清理纸箱', ownerId: st.staff.guard!, dueAt: wall(DAY, '20:00') } }, st.s.guard)).toBe(
      'VALIDATION {"followUp.dueAt":"v.timeReversed"}',
    );
    expect(st.outcome('patrol.record', { ...issue, followUp: { task: '清理纸箱', ownerId: 9999, dueAt: wall(DAY, '22:00') } }, st.s.guard)).toBe(
      'VALIDATION {"followUp.ownerId":"v.staffUnknown"}',
    );
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal' }, st.s.admin)).toBe('FORBIDDEN {}');
    expect(contentHash(st.core)).toBe(before);
    // Someone who never signs in walked it; the desk records it for them.
    const temp = st.must('roster.staffSave', { name: '保安老周', posts: ['duty'] }, st.s.leader).id;
    expect(st.must('patrol.record', { code: 'CP-KITCHEN', finding: 'normal', walkedBy: temp }, st.s.desk)).toMatchObject({ walkedBy: { name: '保安老周' }, recordedBy: { name: 'desk' } });
  });

  it('a round missed is an alert once the grace period after its slot is over: not at 21:15, at 21:15 and a millisecond', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    st.at(wall(DAY, '21:15'));
    expect(missedNow()).toEqual([]);
    expect(st.must('patrol.status', {}, st.s.guard).map((s) => [s.checkpoint.code, s.missed, s.slot?.done])).toEqual([
      ['CP-KITCHEN', 0, false],
      ['CP-GATE', 0, false],
    ]);
    st.at(wall(DAY, '21:15') + 1);
    expect(missedNow()).toEqual(['CP-KITCHEN@21']);
    expect(alerts()['duty.missedRounds']).toMatchObject({ feature: 'duty', urgency: 'urgent', count: 1, lines: [{ entity: 'checkpoint', name: '厨房' }] });
    // A kitchen round now, late, is for the slot running now; the missed one stays missed.
    round('CP-KITCHEN', '21:20');
    expect(missedNow()).toEqual(['CP-KITCHEN@21']);
    // The patrol screen: each checkpoint's own misses, its last round, and the slot running now.
    const status = () => st.must('patrol.status', {}, st.s.guard).map((s) => ({ code: s.checkpoint.code, missed: s.missed, slot: s.slot, last: s.lastRound && [s.lastRound.at, s.lastRound.walkedBy.name] }));
    expect(status()).toEqual([
      { code: 'CP-KITCHEN', missed: 1, slot: { from: wall(DAY, '21:00'), dueAt: wall(DAY, '22:00'), done: true }, last: [wall(DAY, '21:20'), 'guard'] },
      { code: 'CP-GATE', missed: 0, slot: { from: wall(DAY, '21:00'), dueAt: wall(DAY, '22:00'), done: false }, last: [wall(DAY, '20:30'), 'guard'] },
    ]);
    // At the hour, the slot running is the one that begins then.
    st.at(wall(DAY, '22:00'));
    expect(status().map((s) => s.slot)).toEqual([
      { from: wall(DAY, '22:00'), dueAt: wall(DAY, '23:00'), done: false },
      { from: wall(DAY, '22:00'), dueAt: wall(DAY, '23:00'), done: false },
    ]);
    // A day still to come has no rounds and nothing due; each round of the log carries its own follow-ups, or none.
    expect(st.must('patrol.log', { from: '2026-07-21', to: '2026-07-21' }, st.s.desk)).toEqual({ from: '2026-07-21', to: '2026-07-21', rounds: [], missed: [], due: 0 });
    expect(st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk).rounds.map((r) => r.followUps)).toEqual([[], []]);
  });

  it('a late round within the grace period counts for its slot, one minute later it does not; one round is one slot', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    round('CP-KITCHEN', '20:10');
    round('CP-GATE', '22:15'); // for the slot due at 22:00, at the last minute of its grace
    round('CP-KITCHEN', '22:16'); // a minute too late for that slot: it counts for the next one
    round('CP-GATE', '22:50');
    st.at(wall(DAY, '23:16'));
    expect(missedNow()).toEqual(['CP-KITCHEN@22']);
    const log = st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk);
    expect(log.rounds).toHaveLength(5);
    // Tonight: the kitchen's 21–22 slot is missed; the 23:00 slots are still open. Each of the five rounds did one slot.
    const tonight = log.missed.filter((m) => m.slotFrom >= wall(DAY, '20:00'));
    expect(tonight.map((m) => [m.checkpoint.code, m.dueAt, m.missedAt])).toEqual([['CP-KITCHEN', wall(DAY, '22:00'), wall(DAY, '22:15')]]);
    expect(log.due - log.missed.length).toBe(5);
    // By day, rounds are every 2 hours: nobody walked 08:00–10:00, when all nine checkpoints were still in use.
    expect(log.missed.filter((m) => m.slotFrom === wall(DAY, '08:00') && m.dueAt === wall(DAY, '10:00'))).toHaveLength(9);
  });

  it('a round at the very hour is the slot that begins then; a slot before it takes it late only when the new slot has a later one; two rounds in one slot do not do the next; the misses come by the hour', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-KITCHEN', '21:00'); // the 21–22 kitchen round: the 20–21 slot is missed
    round('CP-GATE', '20:10');
    round('CP-GATE', '20:50'); // two in 20–21: the 21–22 gate slot is still missed
    round('CP-GATE', '23:00'); // late for 22–23, since 23–24 has its own round
    round('CP-GATE', '23:30');
    st.at(wall(DAY, '23:59'));
    expect(missedNow()).toEqual(['CP-KITCHEN@21', 'CP-GATE@22', 'CP-KITCHEN@23']);
  });

  it('misses due at the same moment come in the station’s patrol order (the checkpoints’ sort), not in the order they were added', () => {
    st = dutyStation();
    twoCheckpoints();
    const byCode = Object.fromEntries(st.must('patrol.checkpoints', {}, st.s.admin).map((cp) => [cp.code, cp]));
    const [gate, kitchen] = [byCode['CP-GATE']!, byCode['CP-KITCHEN']!];
    // The gate is walked first: put it first in the patrol order, whichever of the two was added first.
    const [first, second] = gate.id < kitchen.id ? [kitchen, gate] : [gate, kitchen];
    st.must('patrol.checkpointSave', { ...first, zoneId: first.zoneId, sort: 1 }, st.s.admin);
    st.must('patrol.checkpointSave', { ...second, zoneId: second.zoneId, sort: 2 }, st.s.admin);
    st.at(wall(DAY, '21:15') + 1);
    expect(missedNow()).toEqual([`${first.code}@21`, `${second.code}@21`]);
    expect(st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk).missed.filter((m) => m.dueAt === wall(DAY, '21:00')).map((m) => m.checkpoint.code)).toEqual([
      first.code,
      second.code,
    ]);
  });

  it('a checkpoint brought into use at the very hour is expected that hour’s round; one retired at the very hour is not', () => {
    st = dutyStation();
    twoCheckpoints();
    const all = st.must('patrol.checkpoints', {}, st.s.admin);
    const kitchen = all.find((cp) => cp.code === 'CP-KITCHEN')!;
    const other = all.find((cp) => !cp.active)!;
    st.at(wall(DAY, '21:00'));
    st.must('patrol.checkpointSave', { ...kitchen, active: false }, st.s.admin);
    st.must('patrol.checkpointSave', { ...other, active: true }, st.s.admin);
    st.at(wall(DAY, '22:16'));
    expect(missedNow().sort()).toEqual(['CP-GATE@21', 'CP-GATE@22', 'CP-KITCHEN@21', `${other.code}@22`].sort());
  });

  it('a slot already done takes no spare round: a late one in its grace period stays for the slot that has none', () => {
    st = dutyStation();
    twoCheckpoints();
    const base = { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };
    st.must('settings.update', { ...base, patrolBands: [{ from: '20:00', to: '08:00', intervalMinutes: 15 }, { from: '08:00', to: '20:00', intervalMinutes: 120 }], patrolGraceMinutes: 30 }, st.s.admin);
    round('CP-GATE', '20:10'); // 20:00–20:15
    round('CP-GATE', '20:32'); // nothing in 20:15–20:30: this is its late round, within 30 minutes
    round('CP-GATE', '20:40'); // 20:30–20:45
    st.at(wall(DAY, '21:01'));
    expect(missedNow().filter((m) => m.startsWith('CP-GATE'))).toEqual([]);
  });

  it('a slot that runs past midnight is done by a round after midnight within it, in the log of the day it began', () => {
    st = dutyStation();
    twoCheckpoints();
    const base = { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };
    st.must('settings.update', { ...base, patrolBands: [{ from: '20:00', to: '08:00', intervalMinutes: 45 }, { from: '08:00', to: '20:00', intervalMinutes: 120 }] }, st.s.admin);
    st.at(wall('2026-07-21', '00:20'));
    st.must('patrol.record', { code: 'CP-GATE', finding: 'normal' }, st.s.guard); // the 23:45–00:30 slot, past 00:15
    st.at(wall('2026-07-21', '01:00'));
    const missed = st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk).missed.filter((m) => m.slotFrom === wall(DAY, '23:45'));
    expect(missed.map((m) => [m.checkpoint.code, m.dueAt])).toEqual([['CP-KITCHEN', wall('2026-07-21', '00:30')]]);
  });

  it('a scanner’s bounce is one round: the same walker at the same checkpoint within a minute, not a minute later nor someone else', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    st.at(wall(DAY, '20:31') - 1);
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal' }, st.s.guard)).toBe('CONFLICT {"code":"v.justRecorded"}');
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal', at: wall(DAY, '20:29') + 1 }, st.s.guard)).toBe('CONFLICT {"code":"v.justRecorded"}');
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal', at: wall(DAY, '20:29') }, st.s.guard)).toBe('ok');
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal' }, st.s.leader)).toBe('ok');
    expect(st.outcome('patrol.record', { code: 'CP-KITCHEN', finding: 'normal' }, st.s.guard)).toBe('ok');
    st.at(wall(DAY, '20:31'));
    expect(st.outcome('patrol.record', { code: 'CP-GATE', finding: 'normal', note: '' }, st.s.guard)).toBe('ok');
    expect(st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk).rounds.map((r) => r.note)).toEqual([null, null, null, null, null]);
  });

  it('a checkpoint never walked shows no last round on the patrol screen; one walked shows its last round and who walked it', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    expect(st.must('patrol.status', {}, st.s.guard).map((s) => [s.checkpoint.code, s.lastRound])).toEqual([
      ['CP-KITCHEN', null],
      ['CP-GATE', { at: wall(DAY, '20:30'), walkedBy: { id: st.staff.guard, name: 'guard' }, finding: 'normal' }],
    ]);
  });

  it('the patrol log shows each round with the follow-up its finding opened', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    st.at(wall(DAY, '20:35'));
    const task = { task: '拖干', ownerId: st.staff.guard!, dueAt: wall(DAY, '21:00') };
    st.must('patrol.record', { code: 'CP-KITCHEN', finding: 'issue', category: 'hygiene', note: '地面湿滑', followUp: task }, st.s.guard);
    const log = st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk);
    expect(log.rounds.map((r) => [r.checkpoint.code, r.followUps.map((f) => [f.task, f.owner.name, f.dueAt])])).toEqual([
      ['CP-GATE', []],
      ['CP-KITCHEN', [['拖干', 'guard', wall(DAY, '21:00')]]],
    ]);
  });

  it('the patrol log of a day ends at its midnight: a round a millisecond before is in it, one at midnight in the next day’s', () => {
    st = dutyStation();
    twoCheckpoints();
    const midnight = wall('2026-07-21', '00:00');
    st.at(midnight - 1);
    const before = st.must('patrol.record', { code: 'CP-GATE', finding: 'normal' }, st.s.guard);
    st.at(midnight);
    const after = st.must('patrol.record', { code: 'CP-KITCHEN', finding: 'normal' }, st.s.guard);
    st.at(wall('2026-07-21', '09:00'));
    expect(st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk).rounds.map((r) => r.id)).toEqual([before.id]);
    expect(st.must('patrol.log', { from: '2026-07-21', to: '2026-07-21' }, st.s.desk).rounds.map((r) => r.id)).toEqual([after.id]);
  });

  it('every round is on the record under its own id, with the follow-up it opened or none', () => {
    st = dutyStation();
    const plain = round('CP-GATE', '20:30');
    expect(lastAudit()).toMatchObject({ procedure: 'patrol.record', entity: 'patrol_round', entity_id: String(plain.id), after: { id: plain.id, followUpId: null } });
    st.at(wall(DAY, '20:35'));
    const task = { task: '拖干', ownerId: st.staff.guard!, dueAt: wall(DAY, '21:00') };
    const issue = st.must('patrol.record', { code: 'CP-KITCHEN', finding: 'issue', category: 'hygiene', followUp: task }, st.s.guard);
    expect(lastAudit()).toMatchObject({ entity: 'patrol_round', entity_id: String(issue.id), after: { id: issue.id, followUpId: issue.followUps[0]!.id } });
  });

  it('rounds are append-only in the file', () => {
    st = dutyStation();
    const r = round('CP-GATE', '20:30');
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    try {
      expect(() => raw.prepare("UPDATE patrol_rounds SET finding = 'issue', category = 'fight' WHERE id = ?").run(r.id)).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM patrol_rounds').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });
});

describe('checkpoints', () => {
  it('are saved with a code no other has (in any case), a known zone; an unknown one is not found', () => {
    st = dutyStation();
    const gate = st.must('patrol.checkpoints', {}, st.s.admin).find((cp) => cp.code === 'CP-GATE')!;
    const before = contentHash(st.core);
    expect(st.outcome('patrol.checkpointSave', { code: 'cp-gate', name: '后门', kind: 'entrance' }, st.s.admin)).toBe('CONFLICT {"code":"v.checkpointCodeTaken"}');
    expect(st.outcome('patrol.checkpointSave', { code: 'CP-BACK', name: '后门', kind: 'entrance', zoneId: 9999 }, st.s.admin)).toBe('VALIDATION {"zoneId":"v.zoneUnknown"}');
    expect(st.outcome('patrol.checkpointSave', { id: 9999, code: 'CP-BACK', name: '后门', kind: 'entrance' }, st.s.admin)).toBe('NOT_FOUND {}');
    expect(contentHash(st.core)).toBe(before);
    // Its own code is no clash, nor a new one nobody has; a change keeps it expected as before, in its zone.
    st.at(wall(DAY, '09:00'));
    const list = st.must('patrol.checkpointSave', { ...gate, name: '正门' }, st.s.admin);
    expect(list.find((cp) => cp.id === gate.id)).toMatchObject({ code: 'CP-GATE', name: '正门', active: true, retiredAt: null, activeFrom: gate.activeFrom });
    expect(st.must('patrol.checkpointSave', { ...gate, code: 'CP-FRONT' }, st.s.admin).find((cp) => cp.id === gate.id)).toMatchObject({ code: 'CP-FRONT' });
    const dorm = st.must('patrol.checkpoints', {}, st.s.admin).find((cp) => cp.zoneId !== null)!;
    expect(st.must('patrol.checkpointSave', { ...dorm, zoneId: dorm.zoneId, name: '宿舍' }, st.s.admin).find((cp) => cp.id === dorm.id)).toMatchObject({ zoneId: dorm.zoneId, name: '宿舍' });
    st.at(wall(DAY, '10:00'));
    const back = st.must('patrol.checkpointSave', { code: 'CP-BACK', name: '后门', kind: 'entrance', active: false }, st.s.admin).find((cp) => cp.code === 'CP-BACK')!;
    expect(back).toMatchObject({ active: false, retiredAt: wall(DAY, '10:00') });
  });

  it('are on the record when added or changed, under their own id, a change with what the checkpoint was before', () => {
    st = dutyStation();
    st.at(wall(DAY, '09:00'));
    const gate = st.must('patrol.checkpoints', {}, st.s.admin).find((cp) => cp.code === 'CP-GATE')!;
    const back = st.must('patrol.checkpointSave', { code: 'CP-BACK', name: '后门', kind: 'entrance' }, st.s.admin).find((cp) => cp.code === 'CP-BACK')!;
    expect(lastAudit()).toMatchObject({ procedure: 'patrol.checkpointSave', entity: 'checkpoint', entity_id: String(back.id), before: null, after: { id: back.id } });
    st.must('patrol.checkpointSave', { ...gate, name: '正门' }, st.s.admin);
    expect(lastAudit()).toMatchObject({ entity: 'checkpoint', entity_id: String(gate.id), before: { id: gate.id, name: '大门', active: true }, after: { id: gate.id, name: '正门' } });
  });

  it('retired, are expected no rounds; brought back, are expected them again from then, the time between not missed', () => {
    st = dutyStation();
    twoCheckpoints(); // at 19:00
    const kitchen = st.must('patrol.checkpoints', {}, st.s.admin).find((cp) => cp.code === 'CP-KITCHEN')!;
    round('CP-GATE', '20:30');
    round('CP-KITCHEN', '20:40');
    st.at(wall(DAY, '20:50'));
    st.must('patrol.checkpointSave', { ...kitchen, active: false }, st.s.admin);
    round('CP-GATE', '21:30');
    st.at(wall(DAY, '22:30'));
    const back = st.must('patrol.checkpointSave', { ...kitchen, active: true }, st.s.admin).find((cp) => cp.id === kitchen.id)!;
    expect(back).toMatchObject({ active: true, activeFrom: wall(DAY, '22:30'), retiredAt: null });
    round('CP-GATE', '22:40');
    st.at(wall(DAY, '23:16'));
    expect(missedNow()).toEqual([]);
    expect(st.must('patrol.status', {}, st.s.guard).map((s) => [s.checkpoint.code, s.lastRound?.at, s.missed])).toEqual([
      ['CP-KITCHEN', wall(DAY, '20:40'), 0],
      ['CP-GATE', wall(DAY, '22:40'), 0],
    ]);
  });

  it('retired and brought back, keep the rounds missed before: the log of that evening still shows them, and no more', () => {
    st = dutyStation();
    twoCheckpoints(); // at 19:00
    const missedThatEvening = () =>
      st
        .must('patrol.log', { from: DAY, to: DAY }, st.s.desk)
        .missed.filter((m) => m.slotFrom >= wall(DAY, '19:00'))
        .map((m) => `${m.checkpoint.code}@${(m.slotFrom - wall(DAY, '00:00')) / 3_600_000}`);
    round('CP-GATE', '20:30'); // the kitchen misses 20:00–21:00
    inUse('CP-KITCHEN', false, '21:00');
    st.at(wall(DAY, '21:16'));
    expect(missedThatEvening()).toEqual(['CP-KITCHEN@20']);
    round('CP-GATE', '21:30');
    const kitchen = inUse('CP-KITCHEN', true, '22:30');
    round('CP-KITCHEN', '22:40');
    round('CP-GATE', '22:45');
    st.at(wall(DAY, '23:16'));
    // Brought back at 22:30: its 22:00 slot began before, so nothing is due there; the 20:00 miss is still on the log.
    expect(missedThatEvening()).toEqual(['CP-KITCHEN@20']);
    expect(st.must('patrol.checkpoints', {}, st.s.admin).find((cp) => cp.id === kitchen.id)).toMatchObject({ active: true, activeFrom: wall(DAY, '22:30'), retiredAt: null });
  });

  it('one round is one slot across a retirement: the round of the slot after it was brought back is not also the late round of the slot it was retired in', () => {
    st = dutyStation();
    twoCheckpoints(); // at 19:00
    round('CP-KITCHEN', '20:10');
    round('CP-GATE', '20:30');
    round('CP-GATE', '21:20');
    inUse('CP-KITCHEN', false, '21:30'); // in use when its 21:00 slot began, so that slot is still due
    inUse('CP-KITCHEN', true, '21:45');
    round('CP-KITCHEN', '22:10'); // within its 22:00 slot, and within the grace of the 21:00 one
    round('CP-GATE', '22:20');
    st.at(wall(DAY, '23:16'));
    const log = st.must('patrol.log', { from: DAY, to: DAY }, st.s.desk);
    expect(log.missed.filter((m) => m.slotFrom >= wall(DAY, '19:00')).map((m) => [m.checkpoint.code, m.slotFrom])).toEqual([['CP-KITCHEN', wall(DAY, '21:00')]]);
  });
});

describe('follow-up tasks', () => {
  it('open from an issue found on a round, show until done and are overdue after their deadline', () => {
    st = dutyStation();
    st.at(wall(DAY, '20:05'));
    const r = st.must(
      'patrol.record',
      { code: 'CP-KITCHEN', finding: 'issue', category: 'fire_hazard', note: '灶台旁堆放纸箱', followUp: { task: '清理纸箱', ownerId: st.staff.guard!, dueAt: wall(DAY, '22:00') } },
      st.s.guard,
    );
    expect(r.followUps).toEqual([
      expect.objectContaining({ source: { kind: 'round', id: r.id }, task: '清理纸箱', owner: { id: st.staff.guard, name: 'guard' }, dueAt: wall(DAY, '22:00'), done: null }),
    ]);
    const id = r.followUps[0]!.id;
    expect(alerts()['duty.followUpsOpen']).toMatchObject({ feature: 'duty', urgency: 'notice', count: 1, lines: [{ entity: 'followUp', id, owner: 'guard', detail: 'open' }] });
    st.at(wall(DAY, '22:00'));
    expect(alerts()['duty.followUpsOverdue']).toBeUndefined();
    expect(alerts()['duty.followUpsOpen']).toMatchObject({ count: 1, lines: [{ id, detail: 'open' }] });
    st.at(wall(DAY, '22:00') + 1);
    expect(alerts()['duty.followUpsOverdue']).toMatchObject({ feature: 'duty', urgency: 'warning', count: 1, lines: [{ id, detail: 'overdue', at: wall(DAY, '22:00') }] });
    expect(alerts()['duty.followUpsOpen']).toBeUndefined();
    const done = st.must('patrol.closeFollowUp', { id, note: '已清理' }, st.s.desk);
    expect(done.done).toMatchObject({ by: { name: 'desk' }, note: '已清理' });
    // Closing it is on the record, with when.
    expect(lastAudit()).toMatchObject({ procedure: 'patrol.closeFollowUp', entity: 'follow_up', entity_id: String(id), after: { doneAt: wall(DAY, '22:00') + 1 } });
    expect(st.outcome('patrol.closeFollowUp', { id, note: '再次' }, st.s.desk)).toBe('CONFLICT {"id":"v.followUpClosed"}');
    expect(st.must('patrol.followUps', {}, st.s.desk)).toEqual([]);
  });
});

describe('follow-up deadlines', () => {
  it('are no earlier than what they follow up and at most a year ahead; one opened by an incident names it', () => {
    st = dutyStation();
    st.at(wall(DAY, '21:00'));
    const YEAR = 366 * 86_400_000;
    const issue = { code: 'CP-KITCHEN', finding: 'issue' as const, category: 'fire_hazard' as const };
    const task = (dueAt: number) => ({ task: '清理纸箱', ownerId: st.staff.guard!, dueAt });
    expect(st.outcome('patrol.record', { ...issue, followUp: task(wall(DAY, '21:00') + YEAR + 1) }, st.s.guard)).toBe('VALIDATION {"followUp.dueAt":"v.tooFar"}');
    expect(st.must('patrol.record', { ...issue, followUp: task(wall(DAY, '21:00') + YEAR) }, st.s.guard).followUps).toHaveLength(1);
    const at = wall(DAY, '20:40');
    const base = { at, category: 'fight' as const, description: '争执', action: '分开', stayIds: [] };
    expect(st.outcome('incident.record', { ...base, followUp: task(at - 1) }, st.s.guard)).toBe('VALIDATION {"followUp.dueAt":"v.timeReversed"}');
    const inc = st.must('incident.record', { ...base, followUp: task(at) }, st.s.guard);
    expect(inc.followUps).toEqual([expect.objectContaining({ source: { kind: 'incident', id: inc.id }, dueAt: at, createdBy: { id: st.user.guard, name: 'guard' } })]);
    expect(st.outcome('patrol.closeFollowUp', { id: 9999, note: '完成' }, st.s.desk)).toBe('NOT_FOUND {}');
  });
});

describe('incidents', () => {
  it('record their time, category, the stays involved and the action; a correction is a new entry', () => {
    st = dutyStation();
    const stay = st.must('intake.register', { person: { name: '张三', sex: 'male', estimatedAge: 40 }, channel: 'walk_in', arrivedAt: wall(DAY, '08:30') }, st.s.desk).stayId;
    st.at(wall(DAY, '21:00'));
    const input = { at: wall(DAY, '20:40'), category: 'fight' as const, description: '男宿区两人争执', action: '分开安置，已报告带班领导', stayIds: [stay] };
    expect(st.outcome('incident.record', { ...input, stayIds: [stay, 999] }, st.s.guard)).toBe('VALIDATION {"stayIds.1":"v.stayUnknown"}');
    const first = st.must('incident.record', input, st.s.guard);
    expect(first).toMatchObject({ category: 'fight', stays: [{ stayId: stay, name: '张三' }], recordedBy: { name: 'guard' }, correctsId: null, correctedBy: null });
    const fix = st.must('incident.record', { ...input, category: 'complaint', description: '男宿区两人口角（更正：未动手）', correctsId: first.id }, st.s.guard);
    expect(st.outcome('incident.record', { ...input, correctsId: first.id }, st.s.guard)).toBe('CONFLICT {"correctsId":"v.alreadyCorrected"}');
    expect(st.outcome('incident.record', { ...input, correctsId: 999 }, st.s.guard)).toBe('VALIDATION {"correctsId":"v.incidentUnknown"}');
    const list = st.must('incident.list', { from: DAY, to: DAY }, st.s.desk);
    expect(list.map((i) => [i.id, i.category, i.correctsId, i.correctedBy])).toEqual([
      [first.id, 'fight', null, fix.id],
      [fix.id, 'complaint', first.id, null],
    ]);
    expect(st.must('incident.list', { from: '2026-07-21', to: '2026-07-21' }, st.s.desk)).toEqual([]);
    // A day's log runs from its midnight to the next; a stay named twice is involved once.
    st.at(wall('2026-07-21', '01:00'));
    const edge = { category: 'visitor' as const, description: '访客', action: '登记', stayIds: [stay, stay] };
    expect(st.must('incident.record', { ...edge, at: wall('2026-07-21', '00:00') - 1 }, st.s.guard).stays).toHaveLength(1);
    st.must('incident.record', { ...edge, at: wall('2026-07-21', '00:00') }, st.s.guard);
    expect(st.must('incident.list', { from: DAY, to: DAY }, st.s.desk).map((i) => i.at)).toEqual([input.at, input.at, wall('2026-07-21', '00:00') - 1]);
    expect(st.must('incident.list', { from: '2026-07-21', to: '2026-07-21' }, st.s.desk).map((i) => i.at)).toEqual([wall('2026-07-21', '00:00')]);
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    try {
      expect(() => raw.prepare("UPDATE incidents SET action = 'x'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM incident_stays').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });
  it('every incident is on the record under its own id, with the follow-up it opened or none', () => {
    st = dutyStation();
    st.at(wall(DAY, '21:00'));
    const base = { at: wall(DAY, '20:40'), category: 'fight' as const, description: '争执', action: '分开', stayIds: [] };
    const plain = st.must('incident.record', base, st.s.guard);
    expect(lastAudit()).toMatchObject({ procedure: 'incident.record', entity: 'incident', entity_id: String(plain.id), after: { id: plain.id, followUpId: null } });
    const followed = st.must('incident.record', { ...base, followUp: { task: '复查', ownerId: st.staff.guard!, dueAt: wall(DAY, '22:00') } }, st.s.guard);
    expect(lastAudit()).toMatchObject({ entity: 'incident', entity_id: String(followed.id), after: { id: followed.id, followUpId: followed.followUps[0]!.id } });
  });
});

describe('duty’s handover sections', () => {
  it('count the shift’s rounds and misses, list findings, incidents and open follow-ups', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    st.at(wall(DAY, '20:35'));
    st.must('patrol.record', { code: 'CP-KITCHEN', finding: 'issue', category: 'hygiene', note: '地面湿滑', followUp: { task: '拖干', ownerId: st.staff.guard!, dueAt: wall(DAY, '21:00') } }, st.s.guard);
    st.at(wall(DAY, '21:30'));
    const stay = st.must('intake.register', { person: { name: '李四', sex: 'male', estimatedAge: 60 }, channel: 'walk_in', arrivedAt: wall(DAY, '18:30') }, st.s.desk).stayId;
    st.must('incident.record', { at: wall(DAY, '21:10'), category: 'illness', description: '一人发热', action: '送医疗观察区', stayIds: [stay], followUp: { task: '复测体温', ownerId: st.staff.guard!, dueAt: wall(DAY, '23:00') } }, st.s.guard);
    // A follow-up due at the very moment the handover is compiled is open, not yet overdue.
    st.must('incident.record', { at: wall(DAY, '21:20'), category: 'visitor', description: '访客', action: '登记', stayIds: [], followUp: { task: '回访', ownerId: st.staff.guard!, dueAt: wall(DAY, '22:20') } }, st.s.guard);
    st.at(wall(DAY, '22:20'));
    const opened = st.must('handover.open', { day: DAY, shift: 'night' }, st.s.desk);
    const s = Object.fromEntries(opened.sections.filter((x) => x.feature === 'duty').map((x) => [x.key, x]));
    expect(Object.keys(s)).toEqual(['duty.patrols', 'duty.findings', 'duty.incidents', 'duty.followUps']);
    expect(s['duty.patrols']!.figures).toEqual([
      { key: 'rounds', value: 2 },
      { key: 'slotsDone', value: 2, of: 4 },
      { key: 'missed', value: 2 },
      { key: 'issues', value: 1 },
    ]);
    expect(s['duty.patrols']!.lines.map((l) => l.detail)).toEqual(['CP-KITCHEN', 'CP-GATE']);
    expect(s['duty.findings']!.lines).toEqual([expect.objectContaining({ entity: 'patrolRound', name: '厨房', description: '地面湿滑', detail: 'hygiene', owner: 'guard' })]);
    // An incident line names the person of its first stay, or none.
    expect(s['duty.incidents']!.lines).toEqual([
      expect.objectContaining({ entity: 'incident', name: '李四', detail: 'illness', description: '一人发热', owner: 'guard', at: wall(DAY, '21:10') }),
      expect.objectContaining({ entity: 'incident', name: null, detail: 'visitor' }),
    ]);
    expect(s['duty.incidents']!.figures).toEqual([{ key: 'count', value: 2 }]);
    expect(s['duty.findings']!.figures).toEqual([]);
    expect(s['duty.followUps']!.lines.map((l) => [l.entity, l.name, l.owner, l.detail, l.at])).toEqual([
      ['followUp', '拖干', 'guard', 'overdue', wall(DAY, '21:00')],
      ['followUp', '回访', 'guard', 'open', wall(DAY, '22:20')],
      ['followUp', '复测体温', 'guard', 'open', wall(DAY, '23:00')],
    ]);
    expect(s['duty.followUps']!.figures).toEqual([
      { key: 'open', value: 3 },
      { key: 'overdue', value: 1 },
    ]);
  });

  it('compiled at the very start of a slot, count a round walked at that moment as that slot done', () => {
    st = dutyStation();
    twoCheckpoints();
    round('CP-GATE', '20:30');
    round('CP-GATE', '21:30');
    round('CP-GATE', '22:00');
    const opened = st.must('handover.open', { day: DAY, shift: 'night' }, st.s.desk);
    // 20–21: the gate done, the kitchen missed; 21–22: the gate done, the kitchen still in its grace period; 22–23: the gate done.
    expect(opened.sections.find((x) => x.key === 'duty.patrols')!.figures).toEqual([
      { key: 'rounds', value: 3 },
      { key: 'slotsDone', value: 3, of: 4 },
      { key: 'missed', value: 1 },
      { key: 'issues', value: 0 },
    ]);
  });
});
