import fc from 'fast-check';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dayStart, stationDay } from '../../shared/domain/time';

describe('the station calendar', () => {
  it('turns the day at the station’s midnight, whatever was asked just before', () => {
    const midnight = Date.UTC(2026, 6, 20, 16, 0, 0); // 2026-07-21 00:00 in Shanghai
    expect(stationDay(midnight - 1, 'Asia/Shanghai')).toBe('2026-07-20');
    expect(stationDay(midnight, 'Asia/Shanghai')).toBe('2026-07-21');
    expect(stationDay(midnight - 1, 'Asia/Shanghai')).toBe('2026-07-20');
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
});
