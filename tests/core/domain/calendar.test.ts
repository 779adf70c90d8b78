import fc from 'fast-check';
import { differenceInCalendarDays, differenceInYears } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, yearsBefore, yearsBetween } from '../../../shared/domain/calendar';
import { ageOn, stayClock } from '../../../shared/domain/person';

// Any real day from 1900 to 2099, as the station writes it.
const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const local = (s: string) => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));

describe('calendar arithmetic (the stay clock and ages)', () => {
  it('counts calendar days as date-fns does, over two centuries, forwards and backwards', () => {
    fc.assert(fc.property(day, day, (a, b) => daysBetween(a, b) === differenceInCalendarDays(local(b), local(a))), { numRuns: 2000 });
  });

  it('counts whole years as date-fns does, except that a 29 February birthday is reached on 1 March', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(b >= a && a.slice(5) !== '02-29');
        return yearsBetween(a, b) === differenceInYears(local(b), local(a));
      }),
      { numRuns: 2000 },
    );
  });

  it('a birthday counts on the day itself, not the day before', () => {
    expect(yearsBetween('2010-07-20', '2026-07-19')).toBe(15);
    expect(yearsBetween('2010-07-20', '2026-07-20')).toBe(16);
    expect(yearsBetween('2010-07-20', '2026-06-30')).toBe(15);
    expect(yearsBetween('2010-07-20', '2026-08-01')).toBe(16);
  });

  it('someone born on 29 February is a year older on 1 March of a common year (as the database counts ages)', () => {
    expect(yearsBetween('2008-02-29', '2026-02-28')).toBe(17);
    expect(yearsBetween('2008-02-29', '2026-03-01')).toBe(18);
    expect(yearsBetween('2008-02-29', '2028-02-29')).toBe(20);
    expect(ageOn('2026-02-28', { birthDate: '2008-02-29' })).toBe(17);
  });

  it('a stay’s first day is day 1, across a month’s and a leap year’s end', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    const limits = { warnDay: 7, limitDays: 10 };
    expect(stayClock('2026-12-28', '2026-12-28', { age: 30, conditions: [], extensionDays: 0 }, limits).day).toBe(1);
    expect(stayClock('2026-12-28', '2027-01-03', { age: 30, conditions: [], extensionDays: 0 }, limits)).toMatchObject({ day: 7, state: 'warn' });
  });

  it('a day that does not exist is no number of days or years at all', () => {
    expect(daysBetween('2026-02-30', '2026-03-01')).toBeNaN();
    expect(daysBetween('2026-03-01', '20260302')).toBeNaN();
    expect(yearsBetween('2026-13-01', '2027-01-01')).toBeNaN();
    expect(yearsBetween('2000-01-01', 'today')).toBeNaN();
  });

  it('a calendar date is the bare YYYY-MM-DD shape of a real day, and nothing else is', () => {
    expect(isCalendarDate('2026-07-20')).toBe(true);
    for (const notOne of ['x2026-07-20', '2026-07-20x', ' 2026-07-20', '2026-07-20T08:00', '2026-7-20', '2026-13-01', '2026-00-10', '2026-07-00', '2026-07-32']) {
      expect(isCalendarDate(notOne), notOne).toBe(false);
    }
    // Whatever is not text is no date, even what reads as one when turned into text.
    for (const notText of [['2026-07-20'], 20260720, null, undefined, { toString: () => '2026-07-20' }]) expect(isCalendarDate(notText)).toBe(false);
  });

  it('a year before 100 is no calendar date the station writes (JavaScript would read 0050 as 1950)', () => {
    expect(isCalendarDate('0050-01-01')).toBe(false);
    expect(isCalendarDate('0100-01-01')).toBe(true);
  });

  it('the same day years earlier keeps its two-digit month and day, and refuses what is not a date', () => {
    expect(yearsBefore('2026-03-05', 18)).toBe('2008-03-05');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(() => yearsBefore('2026-02-30', 1)).toThrow(/not a calendar date/);
  });
});
