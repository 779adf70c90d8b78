import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, openStation, type TestStation } from '../helpers';
import { BASE_SETTINGS, THREE_SHIFTS } from './duty-helpers';

/** The duty settings (issue 10): shift template, head counts, rest and night rules, patrol bands, grace. */
let st: TestStation;
afterEach(() => st?.close());


function refused(input: Record<string, unknown>) {
  const before = contentHash(st.core);
  const r = st.call('settings.update', { ...BASE_SETTINGS, ...input } as never, st.adminSession);
  if (!r.ok) expect(contentHash(st.core)).toBe(before);
  return r.ok ? 'ok' : `${r.error.code} ${JSON.stringify(r.error.fields)}`;
}

describe('duty settings', () => {
  it('default to day 08:00–20:00 and night 20:00–08:00, a front desk every hour and a leader every day, 8 h rest, hourly night rounds, 15 min grace', () => {
    st = openStation();
    expect(st.must('settings.get', {}, st.adminSession)).toMatchObject({
      shifts: [
        { code: 'day', start: '08:00', end: '20:00' },
        { code: 'night', start: '20:00', end: '08:00' },
      ],
      staffing: [
        { post: 'front_desk', min: 1, scope: 'hour' },
        { post: 'leader', min: 1, scope: 'day' },
      ],
      minRestHours: 8,
      patrolBands: [
        { from: '20:00', to: '08:00', intervalMinutes: 60 },
        { from: '08:00', to: '20:00', intervalMinutes: 120 },
      ],
      patrolGraceMinutes: 15,
    });
  });

  it('take three shifts, and keep what is left out', () => {
    st = openStation();
    st.must('settings.update', { ...BASE_SETTINGS, shifts: THREE_SHIFTS, staffing: [{ post: 'front_desk', min: 2, scope: 'shift', shift: 'night' }] }, st.adminSession);
    st.must('settings.update', { ...BASE_SETTINGS, maxNightsInRow: 3 }, st.adminSession);
    const s = st.must('settings.get', {}, st.adminSession);
    expect(s.shifts.map((x) => x.code)).toEqual(['early', 'late', 'night']);
    expect(s.staffing).toEqual([{ post: 'front_desk', min: 2, scope: 'shift', shift: 'night' }]);
    expect(s.maxNightsInRow).toBe(3);
  });

  it('refuse overlapping, uncovering and malformed times at the field, changing nothing', () => {
    st = openStation();
    expect(refused({ shifts: [THREE_SHIFTS[0], { ...THREE_SHIFTS[1], start: '15:59' }, THREE_SHIFTS[2]] })).toBe('VALIDATION {"shifts.1.start":"v.timesOverlap"}');
    expect(refused({ shifts: [THREE_SHIFTS[0], { ...THREE_SHIFTS[1], start: '16:01' }, THREE_SHIFTS[2]] })).toBe('VALIDATION {"shifts":"v.shiftsGap"}');
    expect(refused({ shifts: [{ ...THREE_SHIFTS[0], start: '24:00' }] })).toMatch(/"shifts.0.start":"v.clockTime"/);
    expect(refused({ patrolBands: [{ from: '20:00', to: '08:00', intervalMinutes: 60 }, { from: '06:00', to: '20:00', intervalMinutes: 120 }] })).toBe(
      'VALIDATION {"patrolBands.1.from":"v.timesOverlap"}',
    );
    expect(refused({ patrolGraceMinutes: 121 })).toBe('VALIDATION {"patrolGraceMinutes":"v.range"}');
    expect(refused({ patrolGraceMinutes: 120 })).toBe('ok');
  });

  it('check a new template against the stored head counts: a shift still counted on cannot go', () => {
    st = openStation();
    st.must('settings.update', { ...BASE_SETTINGS, shifts: THREE_SHIFTS, staffing: [{ post: 'duty', min: 1, scope: 'shift', shift: 'late' }] }, st.adminSession);
    expect(refused({ shifts: [{ code: 'day', name: '白班', start: '08:00', end: '20:00' }, { code: 'night', name: '夜班', start: '20:00', end: '08:00' }] })).toBe(
      'VALIDATION {"staffing.0.shift":"v.shiftUnknown"}',
    );
  });
});
