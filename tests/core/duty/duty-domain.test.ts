import { describe, expect, it } from 'vitest';
import { dutySettingsProblems } from '../../../shared/contract/duty-settings';
import {
  addDays,
  hoursOf,
  isNightShift,
  leastCover,
  patrolSlots,
  shiftAt,
  shiftInstance,
  shiftToHandOver,
  spanProblems,
  wallInstant,
  type ShiftTemplate,
} from '../../../shared/domain/duty';

/** The pure duty rules both processes share (shared/domain/duty.ts, shared/contract/duty-settings.ts). */
const SH = 'Asia/Shanghai';
const DAY_NIGHT: ShiftTemplate[] = [
  { code: 'day', name: '白班', start: '08:00', end: '20:00' },
  { code: 'night', name: '夜班', start: '20:00', end: '08:00' },
];
const THREE: ShiftTemplate[] = [
  { code: 'a', name: '早', start: '08:00', end: '16:00' },
  { code: 'b', name: '中', start: '16:00', end: '00:00' },
  { code: 'c', name: '夜', start: '00:00', end: '08:00' },
];
const H = 3_600_000;

describe('shift templates', () => {
  it('accept day/night, three shifts and one 24-hour shift; each covers every minute once', () => {
    expect(spanProblems(DAY_NIGHT, true)).toEqual({});
    expect(spanProblems(THREE, true)).toEqual({});
    expect(spanProblems([{ start: '08:00', end: '08:00' }], true)).toEqual({});
  });

  it('refuse an overlap at the later shift, by one minute as by hours', () => {
    expect(spanProblems([{ start: '08:00', end: '20:01' }, { start: '20:00', end: '08:00' }], true)).toEqual({ '1.start': 'v.timesOverlap' });
    expect(spanProblems([{ start: '08:00', end: '20:00' }, { start: '19:00', end: '09:00' }], true)).toEqual({ '1.start': 'v.timesOverlap' });
  });

  it('refuse a gap of one minute, and accept the same spans when they need not cover the day (patrol bands)', () => {
    const spans = [{ start: '08:00', end: '19:59' }, { start: '20:00', end: '08:00' }];
    expect(spanProblems(spans, true)).toEqual({ '(list)': 'v.shiftsGap' });
    expect(spanProblems(spans, false)).toEqual({});
  });

  it('name the night shift: the one over the small hours', () => {
    expect(isNightShift('20:00', '08:00')).toBe(true);
    expect(isNightShift('00:00', '08:00')).toBe(true);
    expect(isNightShift('16:00', '00:00')).toBe(false);
    expect(isNightShift('08:00', '20:00')).toBe(false);
    expect(isNightShift('06:00', '14:00')).toBe(false);
    expect(isNightShift('05:59', '14:00')).toBe(true);
  });

  it('settings problems land at the input’s own paths: codes twice, rules for unknown shifts, overlapping patrol bands', () => {
    expect(
      dutySettingsProblems({
        shifts: [DAY_NIGHT[0]!, { ...DAY_NIGHT[1]!, code: 'day' }],
        staffing: [
          { post: 'front_desk', min: 1, scope: 'shift', shift: 'evening' },
          { post: 'duty', min: 1, scope: 'shift' },
          { post: 'leader', min: 1, scope: 'day' },
          { post: 'leader', min: 2, scope: 'day' },
        ],
        patrolBands: [
          { from: '20:00', to: '08:00', intervalMinutes: 60 },
          { from: '07:00', to: '20:00', intervalMinutes: 120 },
        ],
      }),
    ).toEqual({
      'shifts.1.code': 'v.shiftCodeTaken',
      'staffing.0.shift': 'v.shiftUnknown',
      'staffing.1.shift': 'v.required',
      'staffing.3.post': 'v.duplicate',
      'patrolBands.1.from': 'v.timesOverlap',
    });
  });
});

describe('shifts on the station’s clock', () => {
  it('a night shift runs past midnight, and past a month’s end, into the next day', () => {
    const night = shiftInstance('2026-07-31', DAY_NIGHT[1]!, SH);
    expect(night).toMatchObject({ day: '2026-07-31', night: true });
    expect(night.from).toBe(Date.UTC(2026, 6, 31, 12));
    expect(night.to).toBe(Date.UTC(2026, 7, 1, 0)); // 08:00 on 1 August in Shanghai
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('follows a zone that changes its clocks: the night of a spring-forward is an hour shorter, its day has 23 hours', () => {
    const ny = 'America/New_York'; // 2026-03-08 02:00 → 03:00
    const night = shiftInstance('2026-03-07', DAY_NIGHT[1]!, ny);
    expect((night.to - night.from) / H).toBe(11);
    expect(hoursOf('2026-03-08', ny)).toHaveLength(23);
    expect(hoursOf('2026-11-01', ny)).toHaveLength(25);
    expect(hoursOf('2026-07-20', SH).map((h) => h.hour)).toEqual([...Array(24).keys()]);
    expect(wallInstant('2026-07-20', 8 * 60, 'Asia/Kolkata')).toBe(Date.UTC(2026, 6, 20, 2, 30));
  });

  it('finds the shift running now, and the shift a handover closes: the nearest end, before or after it', () => {
    const at = (hh: number, mm = 0) => Date.UTC(2026, 6, 20, hh - 8, mm);
    expect(shiftAt(at(7, 59), DAY_NIGHT, '2026-07-20', SH)).toMatchObject({ day: '2026-07-19', code: 'night' });
    expect(shiftAt(at(8), DAY_NIGHT, '2026-07-20', SH)).toMatchObject({ day: '2026-07-20', code: 'day' });
    expect(shiftToHandOver(at(7, 45), DAY_NIGHT, '2026-07-20', SH)).toMatchObject({ day: '2026-07-19', code: 'night' });
    expect(shiftToHandOver(at(8, 10), DAY_NIGHT, '2026-07-20', SH)).toMatchObject({ day: '2026-07-19', code: 'night' });
    expect(shiftToHandOver(at(14, 1), DAY_NIGHT, '2026-07-20', SH)).toMatchObject({ day: '2026-07-20', code: 'day' });
  });
});

describe('counting cover', () => {
  it('an hour is covered only by people who hold the post throughout it', () => {
    expect(leastCover([{ from: 0, to: 30 }, { from: 30, to: 60 }], 0, 60)).toBe(1);
    expect(leastCover([{ from: 0, to: 30 }], 0, 60)).toBe(0);
    expect(leastCover([{ from: 0, to: 60 }, { from: 0, to: 60 }, { from: 10, to: 60 }], 0, 60)).toBe(2);
    expect(leastCover([], 0, 60)).toBe(0);
  });

  it('patrol slots follow their band’s interval and are cut at its end', () => {
    const from = Date.UTC(2026, 6, 20, 0); // 08:00
    const slots = patrolSlots([{ from: '08:00', to: '13:00', intervalMinutes: 120 }], from, from + 24 * H, SH, '2026-07-19', '2026-07-21');
    expect(slots.map((s) => [(s.from - from) / H, (s.to - from) / H])).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
  });
});
