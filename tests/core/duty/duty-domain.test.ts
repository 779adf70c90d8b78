import { describe, expect, it } from 'vitest';
import { dutySettingsProblems } from '../../../shared/contract/duty-settings';
import {
  addDays,
  daysFrom,
  hoursOf,
  isNightShift,
  leastCover,
  patrolSlots,
  ROLE_POSTS,
  shiftAt,
  shiftInstance,
  shiftToHandOver,
  spanProblems,
  wallInstant,
  zoneOffset,
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

  it('name only the overlap when shifts both overlap and leave a gap: the gap is judged once the shifts fit', () => {
    expect(spanProblems([{ start: '08:00', end: '20:00' }, { start: '19:00', end: '07:00' }], true)).toEqual({ '1.start': 'v.timesOverlap' });
  });

  it('give each role its posts: the desk, duty, a duty leader leads and does duty, the store, the kitchen; inspectors and admins none', () => {
    expect(ROLE_POSTS).toEqual({
      front_desk: ['front_desk'],
      duty_staff: ['duty'],
      duty_leader: ['leader', 'duty'],
      storekeeper: ['storekeeper'],
      food_safety: ['kitchen'],
      inspector: [],
      admin: [],
    });
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

  it('counts days on the calendar only: a day that is none is refused; a range holds its first and last day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a calendar date/);
    expect(daysFrom('2026-07-30', '2026-08-02')).toEqual(['2026-07-30', '2026-07-31', '2026-08-01', '2026-08-02']);
    expect(daysFrom('2026-07-30', '2026-07-30')).toEqual(['2026-07-30']);
    expect(daysFrom('2026-07-30', '2026-07-29')).toEqual([]);
  });

  it('a 24-hour shift runs from its start to the same time the next day', () => {
    const i = shiftInstance('2026-07-20', { code: 'all', name: '全天', start: '08:00', end: '08:00' }, SH);
    expect([i.from, i.to]).toEqual([Date.UTC(2026, 6, 20, 0), Date.UTC(2026, 6, 21, 0)]);
  });

  it('reads a wall-clock time on the day a zone changes its clocks with the offset in force then; a skipped time as before the change', () => {
    const ny = 'America/New_York'; // 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST
    expect(wallInstant('2026-03-08', 60, ny)).toBe(Date.UTC(2026, 2, 8, 6)); // 01:00 EST
    expect(wallInstant('2026-03-08', 5 * 60, ny)).toBe(Date.UTC(2026, 2, 8, 9)); // 05:00 EDT
    expect(wallInstant('2026-03-08', 2 * 60 + 30, ny)).toBe(Date.UTC(2026, 2, 8, 7, 30)); // 02:30 does not exist: read as EST
    expect(wallInstant('2026-11-01', 5 * 60, ny)).toBe(Date.UTC(2026, 10, 1, 10)); // 05:00 EST
  });

  it('the zone’s offset is the same at every millisecond of a second', () => {
    const t = Date.UTC(2026, 6, 20, 3, 4, 5);
    for (const ms of [0, 1, 500, 999]) expect(zoneOffset(t + ms, SH)).toBe(8 * H);
    const before1970 = Date.UTC(1969, 6, 20, 3, 4, 5);
    for (const ms of [0, 1, 999]) expect(zoneOffset(before1970 + ms, 'UTC')).toBe(0);
  });

  it('names the hours of a day the clocks change by the wall clock: one skipped in spring, one twice in autumn', () => {
    const ny = 'America/New_York';
    expect(hoursOf('2026-03-08', ny).map((h) => h.hour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, i) => i + 3)]);
    expect(hoursOf('2026-11-01', ny).map((h) => h.hour)).toEqual([0, 1, 1, ...Array.from({ length: 22 }, (_, i) => i + 2)]);
  });

  it('the hours of a day run back to back, each an hour long, from its midnight to the next', () => {
    for (const [day, tz] of [['2026-07-20', SH], ['2026-03-08', 'America/New_York'], ['2026-11-01', 'America/New_York']] as const) {
      const hours = hoursOf(day, tz);
      expect(hours[0]!.from).toBe(wallInstant(day, 0, tz));
      expect(hours.at(-1)!.to).toBe(wallInstant(addDays(day, 1), 0, tz));
      for (const [i, h] of hours.entries()) {
        expect(h.to - h.from).toBe(H);
        if (i > 0) expect(h.from).toBe(hours[i - 1]!.to);
      }
    }
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

  it('the shift running now is one that has begun, not the next one of the day', () => {
    const at = (hh: number, mm = 0) => Date.UTC(2026, 6, 20, hh - 8, mm);
    expect(shiftAt(at(7, 59), THREE, '2026-07-20', SH)).toMatchObject({ day: '2026-07-20', code: 'c' });
    expect(shiftAt(at(8), THREE, '2026-07-20', SH)).toMatchObject({ day: '2026-07-20', code: 'a' });
  });

  it('a 24-hour shift handed over just after midnight closes the one that ended last night, begun the day before yesterday', () => {
    const at = (hh: number, mm = 0) => Date.UTC(2026, 6, 20, hh - 8, mm);
    const ALL: ShiftTemplate[] = [{ code: 'all', name: '全天', start: '23:00', end: '23:00' }];
    expect(shiftToHandOver(at(0, 30), ALL, '2026-07-20', SH)).toMatchObject({ day: '2026-07-18', code: 'all' });
    expect(shiftToHandOver(at(22, 30), ALL, '2026-07-20', SH)).toMatchObject({ day: '2026-07-19', code: 'all' });
  });
});

describe('counting cover', () => {
  it('an hour is covered only by people who hold the post throughout it', () => {
    expect(leastCover([{ from: 0, to: 30 }, { from: 30, to: 60 }], 0, 60)).toBe(1);
    expect(leastCover([{ from: 0, to: 30 }], 0, 60)).toBe(0);
    expect(leastCover([{ from: 0, to: 60 }, { from: 0, to: 60 }, { from: 10, to: 60 }], 0, 60)).toBe(2);
    expect(leastCover([], 0, 60)).toBe(0);
  });

  it('two people who hold the post throughout the hour cover it twice, even when one came on before it', () => {
    expect(leastCover([{ from: -30, to: 60 }, { from: 0, to: 60 }], 0, 60)).toBe(2);
    expect(leastCover([{ from: -30, to: 90 }, { from: 0, to: 90 }], 0, 60)).toBe(2);
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

  it('a band that divides evenly ends on its last full slot, and the last day asked has its slots', () => {
    const from = Date.UTC(2026, 6, 20, 0); // 08:00
    const slots = patrolSlots([{ from: '08:00', to: '12:00', intervalMinutes: 120 }], from, from + 24 * H, SH, '2026-07-20', '2026-07-20');
    expect(slots.map((s) => [(s.from - from) / H, (s.to - from) / H])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('patrol slots come in order of time, across bands and days', () => {
    const from = Date.UTC(2026, 6, 20, 0); // 08:00 on the 20th
    const bands = [
      { from: '20:00', to: '08:00', intervalMinutes: 240 }, // listed first, though its slots of the day come last
      { from: '08:00', to: '20:00', intervalMinutes: 360 },
    ];
    const slots = patrolSlots(bands, from, from + 24 * H, SH, '2026-07-19', '2026-07-20');
    expect(slots.map((s) => (s.from - from) / H)).toEqual([0, 6, 12, 16, 20]);
  });
});
