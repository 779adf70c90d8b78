import { describe, expect, it } from 'vitest';
import { ageGroup, ageOn, mayBeUnder, stayClock } from '../../../shared/domain/person';

/**
 * A person's age and what follows from it (DOMAIN §1): an age comes from a birth date, or from an estimate made on a
 * known day; anything that is not a real age is "unknown", and every age rule then takes the protective path.
 */
describe('a person’s age on a day', () => {
  it('from a birth date: a year older on the birthday itself, not the day before; born that very day is 0', () => {
    const born = { birthDate: '2010-07-20' };
    expect(ageOn('2026-07-19', born)).toBe(15);
    expect(ageOn('2026-07-20', born)).toBe(16);
    expect(ageOn('2010-07-20', born)).toBe(0);
  });

  it('is unknown for a birth date after the day, an impossible birth date, or a day that is not a real date', () => {
    expect(ageOn('2010-07-19', { birthDate: '2010-07-20' })).toBeNull();
    expect(ageOn('2026-07-20', { birthDate: '2010-02-30' })).toBeNull();
    expect(ageOn('2026-02-30', { birthDate: '2010-07-20' })).toBeNull();
    expect(ageOn('2026-07-20', {})).toBeNull();
    expect(ageOn('2026-07-20', { birthDate: null, estimatedAge: null })).toBeNull();
  });

  it('from an estimate: it ages from the day it was made, a year on that day’s anniversary', () => {
    const estimate = { estimatedAge: 30, estimatedOn: '2020-07-20' };
    expect(ageOn('2020-07-20', estimate)).toBe(30);
    expect(ageOn('2026-07-19', estimate)).toBe(35);
    expect(ageOn('2026-07-20', estimate)).toBe(36);
    expect(ageOn('2026-07-20', { estimatedAge: 0, estimatedOn: '2026-07-01' })).toBe(0);
  });

  it('an estimate without a readable day is the estimate as made, never aged; one dated after the day is not made younger', () => {
    expect(ageOn('2026-07-20', { estimatedAge: 30 })).toBe(30);
    expect(ageOn('2026-07-20', { estimatedAge: 30, estimatedOn: null })).toBe(30);
    expect(ageOn('2026-07-20', { estimatedAge: 30, estimatedOn: '2020-02-30' })).toBe(30);
    expect(ageOn('2026-07-20', { estimatedAge: 30, estimatedOn: '2030-01-01' })).toBe(30);
  });

  it('an estimate that is not a whole number of years, or below 0, is no age at all', () => {
    expect(ageOn('2026-07-20', { estimatedAge: -1, estimatedOn: '2026-07-20' })).toBeNull();
    expect(ageOn('2026-07-20', { estimatedAge: 2.5, estimatedOn: '2026-07-20' })).toBeNull();
    expect(ageOn('2026-07-20', { estimatedAge: Number.NaN, estimatedOn: '2026-07-20' })).toBeNull();
  });

  it('a birth date wins over an estimate', () => {
    expect(ageOn('2026-07-20', { birthDate: '2000-07-20', estimatedAge: 50, estimatedOn: '2026-07-20' })).toBe(26);
  });
});

describe('age groups: under 16, under 18, 60 and over; anything but a real age is unknown', () => {
  it('puts each age on the right side of 16, 18 and 60', () => {
    expect([0, 15, 16, 17, 18, 59, 60].map(ageGroup)).toEqual(['minor_under16', 'minor_under16', 'minor', 'minor', 'adult', 'adult', 'elderly']);
  });

  it('calls no age, a negative one or one that is not a number unknown, never adult', () => {
    expect([null, -1, Number.NaN, Number.POSITIVE_INFINITY].map(ageGroup)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('treats someone as possibly under an age when younger, or when their age is unknown (the protective path)', () => {
    expect(mayBeUnder(15, 16)).toBe(true);
    expect(mayBeUnder(16, 16)).toBe(false);
    expect(mayBeUnder(null, 16)).toBe(true);
    expect(mayBeUnder(Number.NaN, 16)).toBe(true);
    expect(mayBeUnder(Number.POSITIVE_INFINITY, 18)).toBe(true);
  });
});

describe('the stay clock’s exemptions', () => {
  const limits = { warnDay: 7, limitDays: 10 };
  const clock = (age: number | null) => stayClock('2026-07-01', '2026-07-20', { age, conditions: [], extensionDays: 0 }, limits);

  it('no limit under 16, saying so; from 16 the limit applies', () => {
    expect(clock(15)).toEqual({ day: 20, state: 'exempt', limitDay: null, exemptBecause: 'under16' });
    expect(clock(16)).toEqual({ day: 20, state: 'overdue', limitDay: 10 });
  });

  it('no limit for an unknown age, said as unknown, not as under 16', () => {
    expect(clock(null)).toEqual({ day: 20, state: 'exempt', limitDay: null, exemptBecause: 'age_unknown' });
    expect(clock(Number.NaN)).toEqual({ day: 20, state: 'exempt', limitDay: null, exemptBecause: 'age_unknown' });
  });
});
