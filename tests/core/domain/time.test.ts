import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dayStart, fromStationWallClock, stationDay, stationWallClock } from '../../../shared/domain/time';

describe('the station calendar', () => {
  it('turns the day at the station’s midnight, whatever was asked just before', () => {
    const midnight = Date.UTC(2026, 6, 20, 16, 0, 0); // 2026-07-21 00:00 in Shanghai
    expect(stationDay(midnight - 1, 'Asia/Shanghai')).toBe('2026-07-20');
    expect(stationDay(midnight, 'Asia/Shanghai')).toBe('2026-07-21');
    expect(stationDay(midnight - 1, 'Asia/Shanghai')).toBe('2026-07-20');
    expect(stationDay(midnight, 'Asia/Shanghai')).toBe('2026-07-21');
    expect(stationDay(midnight, 'UTC')).toBe('2026-07-20'); // same minute, another zone
    expect(stationDay(midnight, 'Asia/Kathmandu')).toBe('2026-07-20'); // +05:45
    expect(dayStart('2026-07-21', 'Asia/Shanghai')).toBe(midnight);
  });

  it('answers as the time-zone arithmetic does for any instant and zone, in any order', () => {
    const zones = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Kathmandu', 'America/St_Johns', 'UTC', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        expect(stationDay(ms, zone)).toBe(format(new TZDate(ms, zone), 'yyyy-MM-dd'));
        expect(stationDay(ms + 59_999, zone)).toBe(format(new TZDate(ms + 59_999, zone), 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows a picker the station’s clock whatever the PC’s zone, and reads its answer back on the station’s clock', () => {
    // 03:00 at the station (Shanghai) is 19:00 the day before in UTC; the picker must show 03:00 on the 21st.
    const threeAm = Date.UTC(2026, 6, 20, 19, 0);
    const shown = stationWallClock(threeAm, 'Asia/Shanghai');
    expect([shown.getDate(), shown.getHours(), shown.getMinutes()]).toEqual([21, 3, 0]);
    // The user picks 03:30 on the same day: that is 19:30 UTC.
    const picked = new Date(shown.getFullYear(), shown.getMonth(), shown.getDate(), 3, 30);
    expect(fromStationWallClock(picked, 'Asia/Shanghai')).toBe(Date.UTC(2026, 6, 20, 19, 30));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2050, 0, 1) }), fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'UTC', 'Asia/Kathmandu'), (ms, zone) => {
        const minute = ms - (ms % 60_000);
        expect(fromStationWallClock(stationWallClock(minute, zone), zone)).toBe(minute);
      }),
      { numRuns: 1000 },
    );
  });
});
