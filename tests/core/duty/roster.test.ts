import { afterEach, describe, expect, it } from 'vitest';
import type { RosterCheck } from '../../../shared/contract/roster';
import type { Post } from '../../../shared/domain/duty';
import { contentHash, lastAudit } from '../helpers';
import { addUser, BASE_SETTINGS, dutyStation, THREE_SHIFTS, wall, type DutyStation } from './duty-helpers';

/** Rosters (issue 10): the staff directory, drafts, and the coverage check. */
let st: DutyStation;
afterEach(() => st?.close());

const put = (day: string, shift: string, post: Post, who: string) => st.must('roster.assign', { day, shift, post, staffId: st.staff[who]! }, st.s.leader).ids[0]!;
const check = (from: string, to = from): RosterCheck => st.must('roster.check', { from, to }, st.s.leader);
const gapHours = (c: RosterCheck, day: string, post: Post = 'front_desk') => c.gaps.filter((g) => g.day === day && g.post === post).map((g) => g.hour);
const conflicts = (c: RosterCheck) => c.conflicts.map((x) => `${x.kind} ${x.staff.name} ${x.days.join(',')} ${x.detail}`);

describe('the staff directory', () => {
  it('lists every account with its roles’ posts, adds staff who never sign in, and makes a row for each new account', () => {
    st = dutyStation();
    const list = st.must('roster.staff', {}, st.s.desk);
    expect(list.find((x) => x.name === 'desk')).toMatchObject({ posts: ['front_desk'], postsFromRoles: true, active: true, leader: false });
    expect(list.find((x) => x.name === 'leader')).toMatchObject({ posts: ['leader', 'duty'], leader: true });
    const guard = st.must('roster.staffSave', { name: '保安老周', job: '保安', posts: ['duty'] }, st.s.leader);
    expect(guard).toMatchObject({ userId: null, name: '保安老周', job: '保安', posts: ['duty'], postsFromRoles: false, active: true });
    addUser(st, 'newcomer', ['storekeeper']);
    expect(st.must('roster.staff', {}, st.s.desk).find((x) => x.name === 'newcomer')).toMatchObject({ posts: ['storekeeper'] });
    // An account's posts set here replace its roles' posts; null gives them back.
    expect(st.must('roster.staffSave', { id: st.staff.desk!, posts: ['front_desk', 'driver'] }, st.s.leader).posts).toEqual(['front_desk', 'driver']);
    expect(st.must('roster.staffSave', { id: st.staff.desk!, posts: null }, st.s.leader)).toMatchObject({ posts: ['front_desk'], postsFromRoles: true });
  });

  it('staff without an account are renamed, their job changed or emptied, taken off and back, each change keeping what it leaves out; their posts never emptied', () => {
    st = dutyStation();
    const id = st.must('roster.staffSave', { name: '保安老周', job: '保安', posts: ['duty', 'duty'] }, st.s.leader).id;
    const entry = () => st.must('roster.staff', {}, st.s.desk).find((x) => x.id === id);
    expect(entry()).toMatchObject({ name: '保安老周', job: '保安', posts: ['duty'], active: true });
    st.must('roster.staffSave', { id, name: '周保安' }, st.s.leader);
    expect(entry()).toMatchObject({ name: '周保安', job: '保安', posts: ['duty'], active: true });
    // Each change to the directory is on the record, under the staff row it changed.
    const audit = lastAudit(st.core);
    expect(audit).toMatchObject({ procedure: 'roster.staffSave', entity: 'staff', entity_id: String(id) });
    expect(audit.before).toMatchObject({ name: '保安老周' });
    expect(audit.after).toMatchObject({ id });
    st.must('roster.staffSave', { id, job: '门卫' }, st.s.leader);
    expect(entry()).toMatchObject({ name: '周保安', job: '门卫', posts: ['duty'], active: true });
    st.must('roster.staffSave', { id, job: '' }, st.s.leader);
    expect(entry()).toMatchObject({ name: '周保安', job: null, posts: ['duty'], active: true });
    st.must('roster.staffSave', { id, active: false }, st.s.leader);
    expect(entry()).toMatchObject({ name: '周保安', job: null, posts: ['duty'], active: false });
    st.must('roster.staffSave', { id, posts: ['duty', 'driver'] }, st.s.leader);
    expect(entry()).toMatchObject({ posts: ['duty', 'driver'], active: false });
    st.must('roster.staffSave', { id, active: true }, st.s.leader);
    expect(entry()).toMatchObject({ name: '周保安', posts: ['duty', 'driver'], active: true });
    const before = contentHash(st.core);
    expect(st.outcome('roster.staffSave', { id, posts: null }, st.s.leader)).toBe('VALIDATION {"posts":"v.required"}');
    expect(contentHash(st.core)).toBe(before);
  });

  it('refuses what belongs to the account, a leader post for anyone but a duty leader, and unknown staff, at their fields', () => {
    st = dutyStation();
    const before = contentHash(st.core);
    expect(st.outcome('roster.staffSave', { id: st.staff.desk!, name: '改名' }, st.s.leader)).toBe('VALIDATION {"name":"v.accountName"}');
    expect(st.outcome('roster.staffSave', { id: st.staff.desk!, active: false }, st.s.leader)).toBe('VALIDATION {"active":"v.accountActive"}');
    expect(st.outcome('roster.staffSave', { id: st.staff.desk!, posts: ['leader'] }, st.s.leader)).toBe('VALIDATION {"posts":"v.leaderNotSigner"}');
    expect(st.outcome('roster.staffSave', { name: '保安', posts: ['leader'] }, st.s.leader)).toBe('VALIDATION {"posts":"v.leaderNotSigner"}');
    expect(st.outcome('roster.staffSave', { id: 9999, job: '保安' }, st.s.leader)).toBe('VALIDATION {"id":"v.staffUnknown"}');
    expect(st.outcome('roster.staffSave', { name: '无岗位' }, st.s.leader)).toBe('VALIDATION {"posts":"v.required"}');
    expect(st.outcome('roster.staffSave', { name: '保安', posts: ['duty'] }, st.s.desk)).toBe('FORBIDDEN {}');
    expect(contentHash(st.core)).toBe(before);
  });
});

describe('drafting a roster', () => {
  it('refuses a shift outside the template, unknown or inactive staff, and an overlap, at their fields', () => {
    st = dutyStation();
    const left = st.must('roster.staffSave', { name: '已离职', posts: ['front_desk'], active: false }, st.s.leader);
    put('2026-07-27', 'day', 'front_desk', 'desk');
    const before = contentHash(st.core);
    const slot = { day: '2026-07-27', shift: 'day', post: 'front_desk' as const, staffId: st.staff.desk2! };
    expect(st.outcome('roster.assign', { ...slot, shift: 'evening' }, st.s.leader)).toBe('VALIDATION {"shift":"v.shiftUnknown"}');
    expect(st.outcome('roster.assign', { ...slot, staffId: 9999 }, st.s.leader)).toBe('VALIDATION {"staffId":"v.staffUnknown"}');
    expect(st.outcome('roster.assign', { ...slot, staffId: left.id }, st.s.leader)).toBe('VALIDATION {"staffId":"v.staffInactive"}');
    expect(st.outcome('roster.assign', { ...slot, staffId: st.staff.desk! }, st.s.leader)).toBe('CONFLICT {"staffId":"v.alreadyAssigned"}');
    // The same person at two posts of one shift works two shifts at once.
    expect(st.outcome('roster.assign', { ...slot, post: 'duty', staffId: st.staff.desk! }, st.s.leader)).toBe('CONFLICT {"staffId":"v.overlap"}');
    // The refusal names the shift it clashes with.
    const clash = st.call('roster.assign', { ...slot, post: 'duty', staffId: st.staff.desk! }, st.s.leader);
    const deskDay = st.must('roster.get', { from: '2026-07-27', to: '2026-07-27' }, st.s.desk).assignments[0]!;
    expect(clash.ok ? null : clash.error.detail).toEqual({ assignmentId: deskDay.id, day: '2026-07-27', shift: 'day' });
    expect(st.outcome('roster.get', { from: '2026-07-27', to: '2026-07-26' }, st.s.desk)).toBe('VALIDATION {"to":"v.rangeReversed"}');
    expect(st.outcome('roster.get', { from: '2026-07-01', to: '2026-09-01' }, st.s.desk)).toBe('VALIDATION {"to":"v.rangeTooLong"}');
    expect(st.outcome('roster.get', { from: '2026-07-01', to: '2026-08-31' }, st.s.desk)).toBe('ok');
    expect(contentHash(st.core)).toBe(before);
    // Back to back is not an overlap (it is a rest conflict, below).
    expect(st.outcome('roster.assign', { ...slot, shift: 'night', staffId: st.staff.desk! }, st.s.leader)).toBe('ok');
    expect(st.outcome('roster.assign', slot, st.s.leader)).toBe('ok');
    // The night shift, which runs past midnight, is marked as a night; the day shift is not.
    expect(st.must('roster.get', { from: '2026-07-27', to: '2026-07-27' }, st.s.desk).assignments.map((a) => [a.shift, a.staff.name, a.night])).toEqual([
      ['day', 'desk', false],
      ['day', 'desk2', false],
      ['night', 'desk', true],
    ]);
  });

  it('copies last week’s plan, skipping what is already there or would overlap', () => {
    st = dutyStation();
    for (const day of ['2026-07-20', '2026-07-21']) {
      put(day, 'day', 'front_desk', 'desk');
      put(day, 'night', 'front_desk', 'desk2');
    }
    put('2026-07-27', 'night', 'duty', 'desk'); // desk's night on the 27th collides with nothing copied…
    put('2026-07-28', 'day', 'duty', 'desk'); // …but this collides with the copy of desk's day on the 21st
    const r = st.must('roster.copyWeek', { weekStart: '2026-07-27' }, st.s.leader);
    expect(r.ids).toHaveLength(3);
    expect(r.skipped).toEqual([{ day: '2026-07-28', shift: 'day', post: 'front_desk', staffId: st.staff.desk!, why: 'overlap' }]);
    expect(st.outcome('roster.copyWeek', { weekStart: '2026-08-10' }, st.s.leader)).toBe('CONFLICT {"weekStart":"v.nothingToCopy"}');
  });
});

describe('copying last week', () => {
  it('skips days already published, people no longer active, places already filled, shifts no longer in the template; changes are not copied', () => {
    st = dutyStation();
    st.must('settings.update', { ...BASE_SETTINGS, shifts: THREE_SHIFTS }, st.s.admin);
    put('2026-07-24', 'early', 'front_desk', 'desk');
    st.must('settings.update', { ...BASE_SETTINGS, shifts: [{ code: 'day', name: '白班', start: '08:00', end: '20:00' }, { code: 'night', name: '夜班', start: '20:00', end: '08:00' }] }, st.s.admin);
    put('2026-07-20', 'day', 'front_desk', 'desk');
    put('2026-07-21', 'day', 'front_desk', 'desk');
    const temp = st.must('roster.staffSave', { name: '临时工小王', posts: ['front_desk'] }, st.s.leader).id;
    st.must('roster.assign', { day: '2026-07-22', shift: 'day', post: 'front_desk', staffId: temp }, st.s.leader);
    st.must('roster.staffSave', { id: temp, active: false }, st.s.leader);
    put('2026-07-23', 'day', 'front_desk', 'desk2');
    put('2026-07-30', 'day', 'front_desk', 'desk2');
    const override = { reason: '试排' };
    st.must('roster.publish', { from: '2026-07-20', to: '2026-07-26', override }, st.s.leader);
    st.must('roster.cover', { day: '2026-07-25', shift: 'day', post: 'duty', staffId: st.staff.guard!, reason: '加班' }, st.s.leader);
    st.must('roster.publish', { from: '2026-07-27', to: '2026-07-27', override }, st.s.leader);
    const r = st.must('roster.copyWeek', { weekStart: '2026-07-27' }, st.s.leader);
    expect(r.ids).toHaveLength(1);
    expect(r.skipped.map((x) => `${x.day} ${x.why}`)).toEqual(['2026-07-27 published', '2026-07-29 inactive', '2026-07-30 duplicate', '2026-07-31 shiftUnknown']);
    const copied = st.must('roster.get', { from: '2026-07-28', to: '2026-08-02' }, st.s.desk).assignments.filter((a) => a.day >= '2026-07-28');
    expect(copied.map((a) => `${a.day} ${a.shift} ${a.post} ${a.staff.name} ${a.startsAt === wall(a.day, '08:00')}`)).toEqual([
      '2026-07-28 day front_desk desk true',
      '2026-07-30 day front_desk desk2 true',
    ]);
    expect(st.outcome('roster.unassign', { assignmentId: 9999 }, st.s.leader)).toBe('NOT_FOUND {}');
  });
});

describe('the coverage check', () => {
  it('finds each uncovered hour at its day, hour and post, and a day without its leader', () => {
    st = dutyStation();
    put('2026-07-26', 'night', 'front_desk', 'desk2');
    put('2026-07-27', 'day', 'front_desk', 'desk');
    put('2026-07-27', 'night', 'front_desk', 'desk2');
    put('2026-07-27', 'day', 'leader', 'leader');
    expect(check('2026-07-27')).toMatchObject({ gaps: [], conflicts: [] });
    // Without the night before, the small hours of the 27th are uncovered, and nothing else.
    st.must('roster.unassign', { assignmentId: st.must('roster.get', { from: '2026-07-27', to: '2026-07-27' }, st.s.leader).assignments.find((a) => a.day === '2026-07-26')!.id }, st.s.leader);
    const c = check('2026-07-27');
    expect(gapHours(c, '2026-07-27')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(c.gaps[0]).toEqual({ day: '2026-07-27', hour: 0, shift: null, post: 'front_desk', need: 1, have: 0, at: wall('2026-07-27', '00:00') });
    expect(check('2026-07-28').gaps.filter((g) => g.post === 'leader')).toEqual([
      { day: '2026-07-28', hour: null, shift: null, post: 'leader', need: 1, have: 0, at: wall('2026-07-28', '00:00') },
    ]);
  });

  it('lists a day’s gaps by the clock: the day’s own before its first hour, then by post; a post is held only by those rostered to it', () => {
    st = dutyStation();
    st.must(
      'settings.update',
      { ...BASE_SETTINGS, staffing: [{ post: 'front_desk', min: 1, scope: 'hour' }, { post: 'duty', min: 1, scope: 'hour' }, { post: 'leader', min: 1, scope: 'day' }] },
      st.s.admin,
    );
    put('2026-07-27', 'day', 'duty', 'guard');
    put('2026-07-28', 'day', 'duty', 'guard');
    const order = check('2026-07-27', '2026-07-28').gaps.map((g) => `${g.day.slice(8)} ${g.hour ?? 'day'} ${g.post}`);
    expect(order.slice(0, 5)).toEqual(['27 day leader', '27 0 duty', '27 0 front_desk', '27 1 duty', '27 1 front_desk']);
    expect(order.filter((o) => o.startsWith('27 8 '))).toEqual(['27 8 front_desk']);
    expect(order.slice(37, 40)).toEqual(['28 day leader', '28 0 duty', '28 0 front_desk']);
    expect(order).toHaveLength(2 * (1 + 24 + 12));
    // The same list whatever order the minimums are written in.
    st.must(
      'settings.update',
      { ...BASE_SETTINGS, staffing: [{ post: 'leader', min: 1, scope: 'day' }, { post: 'front_desk', min: 1, scope: 'hour' }, { post: 'duty', min: 1, scope: 'hour' }] },
      st.s.admin,
    );
    expect(check('2026-07-27', '2026-07-28').gaps.map((g) => `${g.day.slice(8)} ${g.hour ?? 'day'} ${g.post}`)).toEqual(order);
  });

  it('lists conflicts by their first day, then overlap, rest, nights in a row, a post not held, and only then by person', () => {
    st = dutyStation();
    expect(st.staff.desk!).toBeLessThan(st.staff.guard!); // desk comes first by person: the kind must put guard first
    put('2026-07-27', 'day', 'duty', 'desk'); // not qualified for the duty post
    put('2026-07-27', 'day', 'duty', 'guard');
    put('2026-07-27', 'night', 'duty', 'guard'); // straight after their day: no rest
    put('2026-07-26', 'night', 'front_desk', 'desk2');
    put('2026-07-27', 'night', 'front_desk', 'desk2'); // a day's rest: nothing
    put('2026-07-28', 'day', 'duty', 'desk'); // not qualified again, the next day
    const listed = check('2026-07-27', '2026-07-28').conflicts.map((x) => `${x.days[0]} ${x.kind} ${x.staff.name}`);
    expect(listed).toEqual(['2026-07-27 rest guard', '2026-07-27 unqualified desk', '2026-07-28 unqualified desk']);
  });

  it('a head count for a shift is checked over that shift, at the hour it starts; a day’s counts each person once at its post', () => {
    st = dutyStation();
    st.must(
      'settings.update',
      { ...BASE_SETTINGS, staffing: [{ post: 'duty', min: 2, scope: 'shift', shift: 'night' }, { post: 'leader', min: 2, scope: 'day' }] },
      st.s.admin,
    );
    put('2026-07-27', 'night', 'duty', 'guard');
    put('2026-07-27', 'day', 'leader', 'leader');
    put('2026-07-27', 'night', 'leader', 'leader'); // the same leader twice is one leader
    put('2026-07-27', 'day', 'front_desk', 'desk'); // someone at another post is no leader
    expect(check('2026-07-27').gaps).toEqual([
      { day: '2026-07-27', hour: null, shift: null, post: 'leader', need: 2, have: 1, at: wall('2026-07-27', '00:00') },
      { day: '2026-07-27', hour: 20, shift: 'night', post: 'duty', need: 2, have: 1, at: wall('2026-07-27', '20:00') },
    ]);
    put('2026-07-27', 'night', 'duty', 'leader2');
    put('2026-07-27', 'day', 'leader', 'leader2');
    expect(check('2026-07-27').gaps).toEqual([]);
  });

  it('counts a night shift on both of its days, across a month’s end', () => {
    st = dutyStation();
    put('2026-07-31', 'night', 'front_desk', 'desk2');
    expect(gapHours(check('2026-07-31'), '2026-07-31')).toEqual([...Array(20).keys()]); // 20:00–24:00 covered
    expect(gapHours(check('2026-08-01'), '2026-08-01')).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    const view = st.must('roster.get', { from: '2026-08-01', to: '2026-08-31' }, st.s.desk);
    expect(view.assignments.map((a) => [a.day, a.shift, a.staff.name])).toEqual([['2026-07-31', 'night', 'desk2']]);
  });

  it('counts an hour covered only by someone who holds the post throughout it', () => {
    st = dutyStation();
    st.must('settings.update', { ...BASE_SETTINGS, shifts: [{ code: 'day', name: '白班', start: '08:30', end: '20:30' }, { code: 'night', name: '夜班', start: '20:30', end: '08:30' }] }, st.s.admin);
    put('2026-07-27', 'day', 'front_desk', 'desk');
    const hours = gapHours(check('2026-07-27'), '2026-07-27');
    expect(hours).toContain(8); // 08:00–08:30 nobody
    expect(hours).not.toContain(9);
    expect(hours).toContain(20); // 20:30–21:00 nobody
  });

  it('lists too little rest: none at exactly the minimum, one a minute below it', () => {
    st = dutyStation();
    const template = (earlyEnd: string) => [
      { code: 'early', name: '早班', start: '08:00', end: earlyEnd },
      { code: 'late', name: '中班', start: earlyEnd, end: '00:00' },
      { code: 'night', name: '夜班', start: '00:00', end: '08:00' },
    ];
    st.must('settings.update', { ...BASE_SETTINGS, shifts: template('16:00'), minRestHours: 8 }, st.s.admin);
    put('2026-07-27', 'early', 'front_desk', 'desk'); // ends 16:00
    put('2026-07-28', 'night', 'front_desk', 'desk'); // starts at midnight: 8 h of rest
    expect(conflicts(check('2026-07-27', '2026-07-28'))).toEqual([]);
    // Assignments keep the windows they were made with; the next ones follow the new template.
    st.must('settings.update', { ...BASE_SETTINGS, shifts: template('16:01') }, st.s.admin);
    put('2026-07-29', 'early', 'front_desk', 'desk'); // ends 16:01
    put('2026-07-30', 'night', 'front_desk', 'desk'); // 7 h 59 min of rest
    expect(conflicts(check('2026-07-27', '2026-07-30'))).toEqual(['rest desk 2026-07-29,2026-07-30 479']);
    // A check lists only the conflicts that touch its own days, though it reads the days around them.
    expect(conflicts(check('2026-07-27', '2026-07-28'))).toEqual([]);
    // Back to back is no rest at all.
    put('2026-07-27', 'late', 'duty', 'desk2');
    put('2026-07-27', 'early', 'duty', 'desk2');
    expect(conflicts(check('2026-07-27'))).toContain('rest desk2 2026-07-27 0');
    // Conflicts come by their first day, whoever they concern; on one day, rest before posts.
    expect(conflicts(check('2026-07-27', '2026-07-30'))).toEqual([
      'rest desk2 2026-07-27 0',
      'unqualified desk2 2026-07-27 duty',
      'unqualified desk2 2026-07-27 duty',
      'rest desk 2026-07-29,2026-07-30 479',
    ]);
  });

  it('follows a station clock that changes: the night before spring-forward is 11 hours, its day has 23', () => {
    st = dutyStation();
    st.must('settings.update', { ...BASE_SETTINGS, timeZone: 'America/New_York' }, st.s.admin);
    put('2026-03-07', 'night', 'front_desk', 'desk2');
    const c = check('2026-03-08');
    const hours = gapHours(c, '2026-03-08');
    expect(hours).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    const view = st.must('roster.get', { from: '2026-03-08', to: '2026-03-08' }, st.s.desk);
    const night = view.assignments[0]!;
    expect((night.endsAt - night.startsAt) / 3_600_000).toBe(11);
    expect(night.endsAt).toBe(Date.UTC(2026, 2, 8, 12)); // 08:00 EDT
    st.must('roster.unassign', { assignmentId: night.id }, st.s.leader);
    expect(gapHours(check('2026-03-08'), '2026-03-08')).toEqual([0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });

  it('lists more nights in a row than allowed: none at the limit, one past it', () => {
    st = dutyStation();
    for (const day of ['2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30']) put(day, 'night', 'front_desk', 'desk2');
    expect(conflicts(check('2026-07-27', '2026-08-02'))).toEqual([]);
    put('2026-07-31', 'night', 'front_desk', 'desk2');
    expect(conflicts(check('2026-07-27', '2026-08-02'))).toEqual(['nights desk2 2026-07-27,2026-07-28,2026-07-29,2026-07-30,2026-07-31 5']);
    // The check of a later range still sees the run that reaches into it.
    expect(conflicts(check('2026-07-31', '2026-08-06'))).toHaveLength(1);
  });

  it('lists an overlap written around the desk (in the file), by how long the two shifts share, before the rest it leaves', () => {
    st = dutyStation();
    const day = put('2026-07-27', 'day', 'front_desk', 'desk');
    // Nobody can roster this through the app (every write refuses an overlap): a row written straight into the file.
    const inside = Number(
      st.core.db
        .prepare("INSERT INTO roster_assignments (day, shift, post, staff_id, starts_at, ends_at, night, change_id, created_at, created_by) VALUES ('2026-07-27', 'extra', 'front_desk', ?, ?, ?, 0, NULL, 0, ?)")
        .run(st.staff.desk!, wall('2026-07-27', '10:00'), wall('2026-07-27', '12:00'), st.user.admin!).lastInsertRowid,
    );
    const night = put('2026-07-27', 'night', 'front_desk', 'desk'); // starts when the day shift ends, not when the one inside it does
    const c = check('2026-07-27');
    expect(conflicts(c)).toEqual(['overlap desk 2026-07-27 120', 'rest desk 2026-07-27 0']);
    expect(c.conflicts.map((x) => x.assignmentIds)).toEqual([
      [day, inside],
      [day, night],
    ]);
  });

  it('lists the shifts of someone no longer active', () => {
    st = dutyStation();
    const temp = st.must('roster.staffSave', { name: '临时工小王', posts: ['front_desk'] }, st.s.leader).id;
    st.must('roster.assign', { day: '2026-07-27', shift: 'day', post: 'front_desk', staffId: temp }, st.s.leader);
    expect(conflicts(check('2026-07-27'))).toEqual([]);
    st.must('roster.staffSave', { id: temp, active: false }, st.s.leader);
    expect(conflicts(check('2026-07-27'))).toEqual(['unqualified 临时工小王 2026-07-27 inactive']);
  });

  it('counts nights in a row afresh after a night off, and day shifts not at all', () => {
    st = dutyStation();
    for (const day of ['2026-07-27', '2026-07-28', '2026-07-30', '2026-07-31', '2026-08-01', '2026-08-02']) put(day, 'night', 'front_desk', 'desk2');
    for (const day of ['2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30', '2026-07-31']) put(day, 'day', 'front_desk', 'desk');
    expect(conflicts(check('2026-07-27', '2026-08-02'))).toEqual([]);
  });

  it('lists a post filled by someone not qualified for it', () => {
    st = dutyStation();
    put('2026-07-27', 'day', 'front_desk', 'guard');
    put('2026-07-27', 'night', 'leader', 'desk');
    put('2026-07-28', 'day', 'leader', 'leader');
    expect(conflicts(check('2026-07-27', '2026-07-28'))).toEqual(['unqualified desk 2026-07-27 leader', 'unqualified guard 2026-07-27 front_desk']);
    // A leader post named in the directory lapses with the account's duty-leader role.
    st.must('roster.staffSave', { id: st.staff.leader2, posts: ['leader', 'duty'] }, st.s.leader);
    put('2026-07-29', 'day', 'leader', 'leader2');
    expect(conflicts(check('2026-07-29'))).toEqual([]);
    st.must('accounts.update', { id: st.user.leader2, displayName: 'leader2', roles: ['front_desk'] }, st.s.admin);
    expect(conflicts(check('2026-07-29'))).toEqual(['unqualified leader2 2026-07-29 leader']);
  });

  it('runs on every change: a draft change returns the check of its day', () => {
    st = dutyStation();
    const r = st.must('roster.assign', { day: '2026-07-27', shift: 'day', post: 'front_desk', staffId: st.staff.desk! }, st.s.leader);
    expect(r.check).toMatchObject({ from: '2026-07-27', to: '2026-07-27' });
    expect(gapHours(r.check, '2026-07-27')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 20, 21, 22, 23]);
  });
});
