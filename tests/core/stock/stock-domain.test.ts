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

  it('refuses to count on from a day that does not exist, naming it', () => {
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(() => addDays('2026-02-29', 1)).toThrow('not a calendar date: 2026-02-29');
    expect(() => addDays('2026-07-20T09:00', 1)).toThrow('not a calendar date: 2026-07-20T09:00');
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

  it('cuts a period ending in a January mid-month back to the December before', () => {
    expect(splitByMonth('2025-11-01', '2026-01-15')).toEqual({ months: ['2025-11', '2025-12'], days: [['2026-01-01', '2026-01-15']] });
    expect(splitByMonth('2025-11-01', '2026-01-31')).toEqual({ months: ['2025-11', '2026-01'], days: [] });
  });

  it('has no days in a period that ends before it begins, and one day in a period that ends as it begins', () => {
    expect(splitByMonth('2026-07-21', '2026-07-20')).toEqual({ months: null, days: [] });
    expect(splitByMonth('2026-08-01', '2026-07-31')).toEqual({ months: null, days: [] });
    expect(splitByMonth('2026-07-20', '2026-07-20')).toEqual({ months: null, days: [['2026-07-20', '2026-07-20']] });
  });

  it('keeps years of four digits in the months it cuts, before the year 1000 too (a calendar date has four)', () => {
    expect(splitByMonth('0998-12-15', '0999-01-10')).toEqual({ months: null, days: [['0998-12-15', '0998-12-31'], ['0999-01-01', '0999-01-10']] });
    expect(splitByMonth('0999-02-01', '0999-03-10')).toEqual({ months: ['0999-02', '0999-02'], days: [['0999-03-01', '0999-03-10']] });
    expect(splitByMonth('0998-11-01', '0999-01-20')).toEqual({ months: ['0998-11', '0998-12'], days: [['0999-01-01', '0999-01-20']] });
  });

  it('measures a budget spent per mille, full at the first fen of an empty one', () => {
    expect([spentPermille(8_990, 10_000), spentPermille(9_000, 10_000), spentPermille(0, 0), spentPermille(1, 0)]).toEqual([899, 900, 0, 1000]);
  });
});
