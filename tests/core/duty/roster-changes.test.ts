import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../electron/db/open';
import type { Post } from '../../../shared/domain/duty';
import { dutyViolations } from './duty-invariants';
import { contentHash, lastAudit as auditRow } from '../helpers';
import { dutyStation, OWN, wall, type DutyStation } from './duty-helpers';

/** Publishing a roster, and the changes recorded after it (issue 10). */
let st: DutyStation;
afterEach(() => {
  if (st) expect(dutyViolations(st.core)).toEqual([]);
  st?.close();
});

const DAY = '2026-07-27';
const put = (day: string, shift: string, post: Post, who: string) => st.must('roster.assign', { day, shift, post, staffId: st.staff[who]! }, st.s.leader).ids[0]!;

/** A fully covered 27 July: desk2 on the nights either side, desk by day, leader on duty by day. */
function coveredDay() {
  const ids = {
    nightBefore: put('2026-07-26', 'night', 'front_desk', 'desk2'),
    day: put(DAY, 'day', 'front_desk', 'desk'),
    night: put(DAY, 'night', 'front_desk', 'desk2'),
    leader: put(DAY, 'day', 'leader', 'leader'),
  };
  return ids;
}
const lastAudit = () => auditRow(st.core);

describe('publishing', () => {
  it('publishes a covered week without an override', () => {
    st = dutyStation();
    coveredDay();
    const r = st.must('roster.publish', { from: DAY, to: DAY }, st.s.leader);
    expect(r.days).toEqual([DAY]);
    expect(r.check).toMatchObject({ gaps: [], conflicts: [] });
    expect(r.ids).toEqual([r.publicationId]);
    expect(st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).published).toEqual([{ day: DAY, publicationId: r.publicationId }]);
    expect(st.outcome('roster.publish', { from: DAY, to: DAY }, st.s.leader)).toBe('CONFLICT {"from":"v.alreadyPublished"}');
    // The roster shows who published it and when, with nothing found and so no override.
    expect(st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).publications).toEqual([
      { id: r.publicationId, from: DAY, to: DAY, publishedAt: st.clock.now(), publishedBy: { id: st.user.leader, name: 'leader' }, gaps: 0, conflicts: 0, override: null },
    ]);
  });

  it('refuses a covered roster with a conflict until it is overridden, as it refuses one with a gap; only the days not yet published are published', () => {
    st = dutyStation();
    coveredDay();
    put(DAY, 'night', 'duty', 'guard');
    expect(st.outcome('roster.publish', { from: DAY, to: DAY }, st.s.leader)).toBe('ok');
    put('2026-07-28', 'day', 'front_desk', 'desk2'); // straight after desk2's night of the 27th: no rest
    put('2026-07-28', 'night', 'front_desk', 'desk');
    put('2026-07-28', 'day', 'leader', 'leader');
    const next = { from: '2026-07-28', to: '2026-07-28' };
    expect(st.outcome('roster.publish', next, st.s.leader)).toBe('CONFLICT {"override.reason":"v.coverageGaps"}');
    // The refusal counts what the leader would publish over, as the check of those days finds it.
    const found = st.must('roster.check', next, st.s.leader);
    const refused = st.call('roster.publish', next, st.s.leader);
    expect(refused.ok || refused.error.detail).toEqual({ gaps: found.gaps.length, conflicts: 1 });
    put('2026-07-29', 'day', 'leader', 'leader');
    const r = st.must('roster.publish', { from: DAY, to: '2026-07-29', override: { reason: '人手不足，已协调' } }, st.s.leader);
    expect(r.days).toEqual(['2026-07-28', '2026-07-29']);
    expect(r.check.conflicts.map((c) => c.kind)).toEqual(['rest']);
    // The record counts the conflicts published over, as it counts the gaps.
    expect(lastAudit().after).toMatchObject({ days: r.days, gaps: r.check.gaps.length, conflicts: 1 });
  });

  it('refuses a roster with a gap until a duty leader overrides it with a reason, and audits the override', () => {
    st = dutyStation();
    coveredDay();
    const week = { from: DAY, to: '2026-08-02' };
    const before = contentHash(st.core);
    expect(st.outcome('roster.publish', week, st.s.leader)).toBe('CONFLICT {"override.reason":"v.coverageGaps"}');
    // An administrator may publish, but the override is a duty leader's: named and confirmed with their password.
    const override = { reason: '下周新人到岗前临时空缺，已安排电话值守' };
    expect(st.outcome('roster.publish', { ...week, override }, st.s.admin)).toBe('VALIDATION {"override.leader.userId":"v.leaderApproval"}');
    expect(st.outcome('roster.publish', { ...week, override: { ...override, leader: { userId: st.user.desk! } } }, st.s.admin)).toBe(
      'VALIDATION {"override.leader.userId":"v.notLeader"}',
    );
    expect(st.outcome('roster.publish', { ...week, override: { ...override, leader: { userId: st.user.leader! } } }, st.s.admin)).toBe(
      'VALIDATION {"override.leader.password":"v.required"}',
    );
    expect(st.outcome('roster.publish', { ...week, override: { ...override, leader: { userId: st.user.leader!, password: 'Wrong-pass-1' } } }, st.s.admin)).toBe(
      'BAD_CREDENTIALS {"override.leader.password":"v.badCredentials"}',
    );
    expect(contentHash(st.core)).toBe(before);
    const r = st.must('roster.publish', { ...week, override: { ...override, leader: { userId: st.user.leader!, password: OWN } } }, st.s.admin);
    expect(r.days).toHaveLength(7);
    expect(r.check.gaps.length).toBeGreaterThan(0);
    const audit = lastAudit();
    expect(audit).toMatchObject({ procedure: 'roster.publish', entity: 'roster_publication', actor_id: st.user.admin });
    expect(audit.after).toMatchObject({ days: r.days, gaps: r.check.gaps.length, override: { reason: override.reason, by: st.user.leader } });
    expect(JSON.stringify(audit.after)).not.toContain(OWN);
    const view = st.must('roster.get', { from: DAY, to: DAY }, st.s.desk);
    expect(view.publications[0]).toMatchObject({ gaps: r.check.gaps.length, override: { reason: override.reason, by: { id: st.user.leader, name: 'leader' } } });
  });

  it('fixes the plan: a published day is not edited, neither through the desk nor in the file', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: DAY, to: DAY }, st.s.leader);
    expect(st.outcome('roster.unassign', { assignmentId: ids.day }, st.s.leader)).toBe('CONFLICT {"assignmentId":"v.published"}');
    expect(st.outcome('roster.assign', { day: DAY, shift: 'day', post: 'duty', staffId: st.staff.guard! }, st.s.leader)).toBe('CONFLICT {"day":"v.published"}');
    const raw = new Database(path.join(st.dir, DATABASE_FILE));
    try {
      expect(() => raw.prepare('DELETE FROM roster_assignments WHERE id = ?').run(ids.day)).toThrow(/never edited/);
      expect(() => raw.prepare('UPDATE roster_assignments SET staff_id = ? WHERE id = ?').run(st.staff.guard!, ids.day)).toThrow(/never edited/);
      expect(() => raw.prepare('DELETE FROM roster_publications').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });
});

describe('changes after publishing', () => {
  it('a replacement for a no-show: the plan shows who was rostered, the roster as worked who came and from when', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: DAY, to: DAY }, st.s.leader);
    const temp = st.must('roster.staffSave', { name: '临时工小王', posts: ['front_desk'] }, st.s.leader).id;
    const from = wall(DAY, '09:30');
    // The leader on duty that day is busy: nobody works two shifts at once.
    expect(st.outcome('roster.replace', { assignmentId: ids.day, staffId: st.staff.leader!, reason: '未到岗' }, st.s.leader)).toBe('CONFLICT {"staffId":"v.overlap"}');
    expect(st.outcome('roster.replace', { assignmentId: ids.day, staffId: temp, from: wall(DAY, '20:00'), reason: '未到岗' }, st.s.leader)).toBe(
      'VALIDATION {"from":"v.outsideShift"}',
    );
    expect(st.outcome('roster.replace', { assignmentId: ids.day, staffId: temp, reason: '未到岗' }, st.s.admin)).toBe('VALIDATION {"approval.userId":"v.leaderApproval"}');
    const r = st.must('roster.replace', { assignmentId: ids.day, staffId: temp, from, reason: 'desk 未到岗，临时工 9:30 到' }, st.s.leader);
    expect(r.check.gaps.filter((g) => g.post === 'front_desk').map((g) => g.hour)).toEqual([8, 9]);
    const view = st.must('roster.get', { from: DAY, to: DAY }, st.s.desk);
    const asPublished = view.assignments.filter((a) => a.addedBy === null && a.day === DAY).map((a) => a.staff.name);
    const asWorked = view.assignments.filter((a) => a.removedBy === null && a.day === DAY).map((a) => `${a.staff.name}@${a.startsAt}`);
    expect(asPublished).toEqual(['desk', 'leader', 'desk2']);
    expect(asWorked).toEqual([`leader@${wall(DAY, '08:00')}`, `临时工小王@${from}`, `desk2@${wall(DAY, '20:00')}`]);
    expect(view.changes).toEqual([
      expect.objectContaining({ id: r.ids[0], kind: 'replacement', approvedBy: { id: st.user.leader, name: 'leader' }, removed: [ids.day], added: [expect.any(Number)] }),
    ]);
    // The change keeps who did not come and from when the replacement stood in; its audit row what it removed and added.
    expect(view.changes[0]!.detail).toEqual({ noShow: st.staff.desk, from });
    expect(lastAudit().after).toMatchObject({ removed: [ids.day], added: view.changes[0]!.added });
    expect(r.check).toMatchObject({ from: DAY, to: DAY });
    expect(st.outcome('roster.replace', { assignmentId: ids.day, staffId: temp, reason: '再换' }, st.s.leader)).toBe('CONFLICT {"assignmentId":"v.assignmentRemoved"}');
  });

  it('sick leave leaves gaps the check shows, until someone covers them; each change names its approver', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    // Another duty leader approves at the administrator's desk with their own password.
    const sick = st.must('roster.sickLeave', { staffId: st.staff.desk2!, from: DAY, to: DAY, reason: '发烧', approval: { userId: st.user.leader2!, password: OWN } }, st.s.admin);
    expect(sick.check.gaps.filter((g) => g.post === 'front_desk').map((g) => g.hour)).toEqual([20, 21, 22, 23]);
    expect(sick.check).toMatchObject({ from: DAY, to: DAY });
    expect(lastAudit().after).toMatchObject({ removed: [ids.night], added: [] });
    expect(st.outcome('roster.sickLeave', { staffId: st.staff.desk2!, from: DAY, to: DAY, reason: '发烧' }, st.s.leader)).toBe('CONFLICT {"staffId":"v.noAssignments"}');
    expect(st.outcome('roster.sickLeave', { staffId: st.staff.desk2!, from: DAY, to: '2026-07-26', reason: '发烧' }, st.s.leader)).toBe('VALIDATION {"to":"v.rangeReversed"}');
    expect(st.outcome('roster.cover', { day: DAY, shift: 'night', post: 'front_desk', staffId: 9999, reason: '顶替病假' }, st.s.leader)).toBe('VALIDATION {"staffId":"v.staffUnknown"}');
    const cover = st.must('roster.cover', { day: DAY, shift: 'night', post: 'front_desk', staffId: st.staff.guard!, reason: '顶替病假' }, st.s.leader);
    expect(cover.check).toMatchObject({ from: DAY, to: DAY });
    expect(lastAudit().after).toMatchObject({ removed: [], added: [expect.any(Number)] });
    expect(cover.check.gaps.filter((g) => g.post === 'front_desk')).toEqual([]);
    expect(cover.check.conflicts.map((c) => `${c.kind} ${c.staff.name} ${c.detail}`)).toEqual(['unqualified guard front_desk']);
    const changes = st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).changes;
    expect(changes[0]!.detail).toEqual({ staffId: st.staff.desk2, from: DAY, to: DAY });
    expect(changes.map((c) => [c.kind, c.approvedBy.name, c.recordedBy.name])).toEqual([
      ['sick_leave', 'leader2', '王站长'],
      ['cover', 'leader', 'leader'],
    ]);
    expect(st.outcome('roster.cover', { day: '2026-07-28', shift: 'night', post: 'front_desk', staffId: st.staff.guard!, reason: '顶班' }, st.s.leader)).toBe(
      'CONFLICT {"day":"v.notPublished"}',
    );
  });

  it('a duty leader signed in approves their own change by their session; a password typed anyway must be theirs, and a wrong one changes nothing', () => {
    st = dutyStation();
    coveredDay();
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    const before = contentHash(st.core);
    const sick = { staffId: st.staff.desk2!, from: DAY, to: DAY, reason: '发烧' };
    expect(st.outcome('roster.sickLeave', { ...sick, approval: { userId: st.user.leader!, password: 'Wrong-pass-1' } }, st.s.leader)).toBe(
      'BAD_CREDENTIALS {"approval.password":"v.badCredentials"}',
    );
    expect(contentHash(st.core)).toBe(before);
    st.must('roster.sickLeave', { ...sick, approval: { userId: st.user.leader!, password: OWN } }, st.s.leader);
    expect(st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).changes.map((c) => [c.kind, c.approvedBy.name])).toEqual([['sick_leave', 'leader']]);
  });

  it('the roster lists its changes oldest first, whichever assignment each touched', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    st.must('roster.sickLeave', { staffId: st.staff.desk2!, from: DAY, to: DAY, reason: '发烧' }, st.s.leader); // the night, late in the day
    st.must('roster.replace', { assignmentId: ids.day, staffId: st.staff.guard!, reason: '未到岗' }, st.s.leader); // the day shift, before it
    expect(st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).changes.map((c) => c.kind)).toEqual(['sick_leave', 'replacement']);
  });

  it('a swap across two days returns the coverage check of both days, earlier first, whichever assignment is named first', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    const temp = st.must('roster.staffSave', { name: '临时工小王', posts: ['front_desk'] }, st.s.leader).id;
    st.must('roster.cover', { day: '2026-07-26', shift: 'day', post: 'front_desk', staffId: temp, reason: '白班空缺' }, st.s.leader);
    const earlier = st.must('roster.get', { from: '2026-07-26', to: '2026-07-26' }, st.s.desk).assignments.find((a) => a.staff.id === temp)!.id;
    const r = st.must('roster.swap', { a: ids.day, b: earlier, reason: '两人调班' }, st.s.leader);
    expect(r.check).toMatchObject({ from: '2026-07-26', to: DAY });
  });

  it('a swap exchanges two people’s assignments', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    expect(st.outcome('roster.swap', { a: ids.day, b: ids.day, reason: '调班' }, st.s.leader)).toBe('VALIDATION {"b":"v.swapSame"}');
    expect(st.outcome('roster.swap', { a: ids.night, b: ids.nightBefore, reason: '调班' }, st.s.leader)).toBe('VALIDATION {"b":"v.swapSame"}');
    const r = st.must('roster.swap', { a: ids.day, b: ids.night, reason: '家中有事，两人调班' }, st.s.leader);
    expect(r.check).toMatchObject({ from: DAY, to: DAY });
    const audit = lastAudit().after as { removed: number[]; added: number[] };
    const worked = st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).assignments.filter((a) => a.removedBy === null && a.day === DAY && a.post === 'front_desk');
    // Each keeps the other's shift as it was, a night a night.
    expect(worked.map((a) => `${a.shift} ${a.staff.name} ${a.night}`)).toEqual(['day desk2 false', 'night desk true']);
    expect(audit.added.sort()).toEqual(worked.map((a) => a.id).sort());
    expect(audit.removed).toEqual([ids.day, ids.night]);
    // Someone no longer active takes no one's shift.
    const temp = st.must('roster.staffSave', { name: '临时工小王', posts: ['front_desk'] }, st.s.leader).id;
    st.must('roster.cover', { day: '2026-07-26', shift: 'day', post: 'front_desk', staffId: temp, reason: '白班空缺' }, st.s.leader);
    const tempId = st.must('roster.get', { from: '2026-07-26', to: '2026-07-26' }, st.s.desk).assignments.find((a) => a.staff.id === temp)!.id;
    st.must('roster.staffSave', { id: temp, active: false }, st.s.leader);
    expect(st.outcome('roster.swap', { a: tempId, b: ids.leader, reason: '调班' }, st.s.leader)).toBe('VALIDATION {"a":"v.staffInactive"}');
    expect(st.outcome('roster.swap', { a: ids.leader, b: tempId, reason: '调班' }, st.s.leader)).toBe('VALIDATION {"b":"v.staffInactive"}');
  });
});

describe('changes are made to a published roster only, to standing assignments, by someone else', () => {
  it('refuses an unknown assignment, a draft day’s, one already changed, the same person, and a start outside the shift, at their fields', () => {
    st = dutyStation();
    const ids = coveredDay();
    const draft = put('2026-07-28', 'day', 'front_desk', 'desk');
    st.must('roster.publish', { from: DAY, to: DAY }, st.s.leader);
    const before = contentHash(st.core);
    const slot = { staffId: st.staff.desk2!, reason: '未到岗' };
    expect(st.outcome('roster.replace', { ...slot, assignmentId: 9999 }, st.s.leader)).toBe('VALIDATION {"assignmentId":"v.assignmentUnknown"}');
    expect(st.outcome('roster.replace', { ...slot, assignmentId: draft }, st.s.leader)).toBe('CONFLICT {"assignmentId":"v.notPublished"}');
    expect(st.outcome('roster.swap', { a: draft, b: ids.day, reason: '调班' }, st.s.leader)).toBe('CONFLICT {"a":"v.notPublished"}');
    expect(st.outcome('roster.swap', { a: ids.day, b: 9999, reason: '调班' }, st.s.leader)).toBe('VALIDATION {"b":"v.assignmentUnknown"}');
    expect(st.outcome('roster.replace', { ...slot, assignmentId: ids.day, staffId: st.staff.desk! }, st.s.leader)).toBe('VALIDATION {"staffId":"v.sameStaff"}');
    expect(st.outcome('roster.replace', { ...slot, assignmentId: ids.day, staffId: 9999 }, st.s.leader)).toBe('VALIDATION {"staffId":"v.staffUnknown"}');
    // The replacement starts within the shift: not a minute before it, not at its end.
    expect(st.outcome('roster.replace', { ...slot, assignmentId: ids.day, staffId: st.staff.guard!, from: wall(DAY, '07:59') }, st.s.leader)).toBe('VALIDATION {"from":"v.outsideShift"}');
    expect(st.outcome('roster.sickLeave', { staffId: 9999, from: DAY, to: DAY, reason: '发烧' }, st.s.leader)).toBe('VALIDATION {"staffId":"v.staffUnknown"}');
    expect(st.outcome('roster.cover', { day: DAY, shift: 'day', post: 'duty', staffId: st.staff.desk!, reason: '加班' }, st.s.leader)).toBe('CONFLICT {"staffId":"v.overlap"}');
    expect(contentHash(st.core)).toBe(before);
    // From its first minute to its last.
    expect(st.outcome('roster.replace', { ...slot, assignmentId: ids.day, staffId: st.staff.guard!, from: wall(DAY, '19:59') }, st.s.leader)).toBe('ok');
    st.must('roster.replace', { ...slot, assignmentId: ids.leader, staffId: st.staff.leader2!, from: wall(DAY, '08:00') }, st.s.leader);
  });

  it('two people on the same shift may swap their posts; a swap is refused where either would then work two shifts at once', () => {
    st = dutyStation();
    const ids = coveredDay();
    const guardDay = put(DAY, 'day', 'duty', 'guard');
    const leaderNight = put('2026-07-26', 'night', 'duty', 'leader');
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    // The leader taking desk's day would work it beside their own day as leader on duty.
    expect(st.outcome('roster.swap', { a: ids.day, b: leaderNight, reason: '调班' }, st.s.leader)).toBe('CONFLICT {"a":"v.overlap"}');
    expect(st.outcome('roster.swap', { a: leaderNight, b: ids.day, reason: '调班' }, st.s.leader)).toBe('CONFLICT {"b":"v.overlap"}');
    st.must('roster.swap', { a: ids.day, b: guardDay, reason: '互换岗位' }, st.s.leader);
    const worked = st.must('roster.get', { from: DAY, to: DAY }, st.s.desk).assignments.filter((a) => a.removedBy === null && a.day === DAY && a.shift === 'day');
    expect(worked.map((a) => `${a.post} ${a.staff.name}`).sort()).toEqual(['duty desk', 'front_desk guard', 'leader leader']);
  });
});

describe('roster alerts', () => {
  it('an hour left uncovered on a published roster of today or tomorrow is a warning for those who plan it; a draft day is not', () => {
    st = dutyStation();
    coveredDay();
    st.at(wall(DAY, '09:00'));
    const gaps = (session = st.s.leader) => st.must('alerts.list', { lines: 50 }, session).find((g) => g.key === 'roster.gaps');
    // Tomorrow is a draft with nobody on it: the planner's work, not an alert.
    expect(gaps()).toBeUndefined();
    st.must('roster.publish', { from: DAY, to: DAY }, st.s.leader);
    expect(gaps()).toBeUndefined();
    st.must('roster.sickLeave', { staffId: st.staff.desk2!, from: DAY, to: DAY, reason: '发烧' }, st.s.leader);
    const today = gaps()!;
    expect(today).toMatchObject({ feature: 'roster', urgency: 'warning', count: 4 });
    expect(today.lines.map((l) => [l.entity, l.id, l.detail, l.at])).toEqual([20, 21, 22, 23].map((h) => ['roster', 20260727, `front_desk:${h}`, wall(DAY, `${h}:00`)]));
    // Published tomorrow, its gaps join today's: a post needed once a day is one line for the day.
    st.must('roster.publish', { from: '2026-07-28', to: '2026-07-28', override: { reason: '人手不足' } }, st.s.leader);
    const both = gaps()!;
    expect(both.count).toBeGreaterThan(4);
    expect(both.lines.filter((l) => l.id === 20260728).map((l) => l.detail)).toContain('leader:day');
    // Those who do not plan the roster are not warned.
    expect(gaps(st.s.guard)).toBeUndefined();
    // The day after, yesterday's gaps are no longer an alert.
    st.at(wall('2026-07-29', '09:00'));
    expect(gaps()).toBeUndefined();
  });
});

describe('on duty now', () => {
  it('names the current shift, who holds each post, the leader on duty and the next handover', () => {
    st = dutyStation();
    coveredDay();
    st.at(wall(DAY, '21:00'));
    const now = st.must('roster.onDuty', {}, st.s.guard);
    expect(now.shift).toMatchObject({ day: DAY, code: 'night', from: wall(DAY, '20:00'), to: wall('2026-07-28', '08:00') });
    expect(now.onDuty).toEqual([{ post: 'front_desk', staff: [{ id: st.staff.desk2, name: 'desk2' }] }]);
    // Nobody leads the night itself: the leader of its roster day does.
    expect(now.leaders).toEqual([{ id: st.staff.leader, name: 'leader' }]);
    expect(now.nextHandoverAt).toBe(wall('2026-07-28', '08:00'));
    st.at(wall('2026-07-28', '08:00'));
    expect(st.must('roster.onDuty', {}, st.s.guard)).toMatchObject({ shift: { day: '2026-07-28', code: 'day' }, leaders: [], onDuty: [] });
  });

  it('names the leader rostered during the shift before the day’s, and each post’s holders from the minute they start until the minute they end', () => {
    st = dutyStation();
    coveredDay();
    put(DAY, 'night', 'leader', 'leader2');
    put(DAY, 'night', 'duty', 'guard');
    const onDuty = () => st.must('roster.onDuty', {}, st.s.guard);
    const holders = () => onDuty().onDuty.map((p) => `${p.post} ${p.staff.map((x) => x.name).join('+')}`);
    st.at(wall(DAY, '20:00') - 1);
    expect(onDuty().leaders).toEqual([{ id: st.staff.leader, name: 'leader' }]);
    expect(holders()).toEqual(['front_desk desk', 'leader leader']);
    st.at(wall(DAY, '20:00'));
    expect(onDuty().leaders).toEqual([{ id: st.staff.leader2, name: 'leader2' }]);
    expect(holders()).toEqual(['front_desk desk2', 'duty guard', 'leader leader2']);
  });

  it('names someone who comes in during the shift from the minute they come', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: DAY, to: DAY }, st.s.leader);
    st.must('roster.replace', { assignmentId: ids.day, staffId: st.staff.desk2!, from: wall(DAY, '09:30'), reason: '迟到' }, st.s.leader);
    const deskNow = () => st.must('roster.onDuty', {}, st.s.guard).onDuty.filter((p) => p.post === 'front_desk').map((p) => p.staff.map((x) => x.name));
    st.at(wall(DAY, '09:30') - 1);
    expect(deskNow()).toEqual([]);
    st.at(wall(DAY, '09:30'));
    expect(deskNow()).toEqual([['desk2']]);
  });
});

describe('the record of the roster', () => {
  it('an assignment, its removal and a copied week are each on the record with what they wrote, and each returns the check of its days', () => {
    st = dutyStation();
    const id = put(DAY, 'day', 'front_desk', 'desk');
    expect(lastAudit()).toMatchObject({ procedure: 'roster.assign', entity: 'roster_assignment', entity_id: String(id), actor_id: st.user.leader, after: { id } });
    const removed = st.must('roster.unassign', { assignmentId: id }, st.s.leader);
    expect(removed).toMatchObject({ ids: [id], check: { from: DAY, to: DAY } });
    expect(lastAudit()).toMatchObject({ procedure: 'roster.unassign', entity: 'roster_assignment', entity_id: String(id), after: { removed: id, day: DAY } });
    put('2026-07-20', 'day', 'front_desk', 'desk');
    const copied = st.must('roster.copyWeek', { weekStart: DAY }, st.s.leader);
    expect(copied.ids).toHaveLength(1);
    expect(copied.check).toMatchObject({ from: DAY, to: '2026-08-02' });
    expect(lastAudit()).toMatchObject({ procedure: 'roster.copyWeek', entity: 'roster_week', entity_id: DAY, after: { ids: copied.ids, skipped: copied.skipped } });
  });

  it('a change after publishing is on the record as approved by the duty leader who made it when no other leader approved it', () => {
    st = dutyStation();
    const ids = coveredDay();
    st.must('roster.publish', { from: '2026-07-26', to: DAY, override: { reason: '26日白班另行安排' } }, st.s.leader);
    const r = st.must('roster.swap', { a: ids.day, b: ids.night, reason: '家中有事，两人调班' }, st.s.leader);
    expect(lastAudit()).toMatchObject({ procedure: 'roster.swap', entity: 'roster_change', entity_id: String(r.ids[0]), after: { approvedBy: st.user.leader } });
  });
});
