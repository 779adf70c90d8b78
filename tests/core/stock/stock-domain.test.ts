import { describe, expect, it } from 'vitest';
import { addDays, isExpired, splitByMonth, spentPermille } from '../../../shared/domain/stock';

/** The stock module's pure rules (shared/domain/stock.ts). */
describe('stock days and months', () => {
  it('counts days across months and years, and calls a batch expired from the day after its expiry', () => {
    expect(addDays('2026-07-20', 30)).toBe('2026-08-19');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect([isExpired('2026-07-19', '2026-07-20'), isExpired('2026-07-20', '2026-07-20'), isExpired(null, '2099-01-01')]).toEqual([true, false, false]);
  });

  it('cuts a period into whole months and the days at its ends', () => {
    expect(splitByMonth('2026-01-01', '2026-12-31')).toEqual({ months: ['2026-01', '2026-12'], days: [] });
    expect(splitByMonth('2026-01-15', '2026-03-10')).toEqual({ months: ['2026-02', '2026-02'], days: [['2026-01-15', '2026-01-31'], ['2026-03-01', '2026-03-10']] });
    expect(splitByMonth('2026-07-20', '2026-07-20')).toEqual({ months: null, days: [['2026-07-20', '2026-07-20']] });
    expect(splitByMonth('2026-07-02', '2026-08-01')).toEqual({ months: null, days: [['2026-07-02', '2026-07-31'], ['2026-08-01', '2026-08-01']] });
    expect(splitByMonth('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02', '2024-02'], days: [] });
    expect(splitByMonth('2024-02-01', '2024-02-28')).toEqual({ months: null, days: [['2024-02-01', '2024-02-28']] });
    expect(splitByMonth('2025-12-31', '2026-01-01')).toEqual({ months: null, days: [['2025-12-31', '2025-12-31'], ['2026-01-01', '2026-01-01']] });
    // From the beginning of the records: every month before, then the days of the last month.
    expect(splitByMonth(null, '2026-07-19')).toEqual({ months: ['0000-01', '2026-06'], days: [['2026-07-01', '2026-07-19']] });
    expect(splitByMonth(null, '2026-06-30')).toEqual({ months: ['0000-01', '2026-06'], days: [] });
  });

  it('measures a budget spent per mille, full at the first fen of an empty one', () => {
    expect([spentPermille(8_990, 10_000), spentPermille(9_000, 10_000), spentPermille(0, 0), spentPermille(1, 0)]).toEqual([899, 900, 0, 1000]);
  });
});
