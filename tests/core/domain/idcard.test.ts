import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber } from '../../../shared/domain/idcard';
import { ageGroup, ageOn, stayClock } from '../../../shared/domain/person';

// 11010519491231002X is the standard's own example; 440524188001010014 a long-used test number.
describe('resident ID numbers', () => {
  it('accepts valid numbers, with X as the check character, and reads birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
    expect(checkIdNumber('11010519491231002x')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(checkIdNumber('440524188001010014')).toMatchObject({ ok: true, birthDate: '1880-01-01', sex: 'male' });
  });

  it('says which part is wrong', () => {
    expect(checkIdNumber('1101051949123100')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('11010519491231002Y')).toEqual({ ok: false, problem: 'chars' });
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
    expect(checkIdNumber('110105194902300020')).toEqual({ ok: false, problem: 'birthDate' }); // 30 February
    expect(checkIdNumber(`11010520990101001${checkCharacter('11010520990101001')}`, '2026-07-20')).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('converts 15-digit legacy numbers to 18 digits', () => {
    const r = checkIdNumber('110105491231002');
    expect(r).toEqual({ ok: true, normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });

  it('any single-digit change to a valid number is caught', () => {
    const valid = '11010519491231002X';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const d = (Number(valid[pos]) + delta) % 10;
        const changed = valid.slice(0, pos) + d + valid.slice(pos + 1);
        expect(checkIdNumber(changed).ok).toBe(false);
      }),
    );
  });
});

/**
 * Known-good numbers for each of the 11 check characters, written out here (computed once by hand from GB 11643's
 * weights, never with checkCharacter): the remainder of the weighted sum of the first 17 digits picks the character.
 */
const BY_REMAINDER = [
  [0, '110105194912310011', '1'],
  [1, '110105194912310070', '0'],
  [2, '11010519491231002X', 'X'],
  [3, '110105194912310089', '9'],
  [4, '110105194912310038', '8'],
  [5, '110105194912310097', '7'],
  [6, '110105194912310046', '6'],
  [7, '110105194912310185', '5'],
  [8, '110105194912310054', '4'],
  [9, '110105194912310193', '3'],
  [10, '110105194912310062', '2'],
] as const;

describe('the check character (ISO 7064 MOD 11-2): remainders 0..10 give 1 0 X 9 8 7 6 5 4 3 2', () => {
  it.each(BY_REMAINDER)('remainder %i: %s is accepted with its check character and refused with any other', (_r, number, check) => {
    expect(number.endsWith(check)).toBe(true);
    expect(checkIdNumber(number)).toMatchObject({ ok: true, normalized: number });
    expect(checkCharacter(number.slice(0, 17))).toBe(check);
    for (const other of '0123456789X'.replace(check, '')) {
      expect(checkIdNumber(number.slice(0, 17) + other), `${number.slice(0, 17)}${other}`).toEqual({ ok: false, problem: 'checksum' });
    }
  });
});

describe('the birth date in an ID number is a real calendar day, from 1880 until today', () => {
  it.each([
    ['29 February in a leap year', '11010520240229002X'],
    ['29 February 2000 (a leap century)', '110105200002290021'],
    ['31 December', '110105202312310023'],
  ])('accepts %s', (_what, number) => {
    expect(checkIdNumber(number, '2026-07-20')).toMatchObject({ ok: true, normalized: number });
  });

  it.each([
    ['29 February in a common year', '110105202302290022'],
    ['29 February 1900 (not a leap year)', '110105190002290025'],
    ['a 13th month', '110105202313010022'],
    ['month 00', '110105202300010023'],
    ['day 00', '110105202304000025'],
    ['31 April', '110105202304310023'],
    ['31 December 1879', '110105187912310024'],
  ])('refuses %s', (_what, number) => {
    expect(checkIdNumber(number)).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('without a today, takes 1 January 1880 as the earliest birth date written in an ID number', () => {
    expect(checkIdNumber('110105188001010025')).toMatchObject({ ok: true, normalized: '110105188001010025' });
  });

  it('with a today, accepts a birth date exactly 120 years back and refuses the day before (as any birth date)', () => {
    expect(checkIdNumber('110105190607200029', '2026-07-20')).toMatchObject({ ok: true, birthDate: '1906-07-20' });
    expect(checkIdNumber('110105190607190027', '2026-07-20')).toEqual({ ok: false, problem: 'birthDate' });
  });

  it('accepts someone born today and refuses a birth date after today', () => {
    expect(checkIdNumber('110105202607200024', '2026-07-20')).toMatchObject({ ok: true, birthDate: '2026-07-20' });
    expect(checkIdNumber('11010520260721002X', '2026-07-20')).toEqual({ ok: false, problem: 'birthDate' });
    expect(checkIdNumber('11010520260721002X')).toMatchObject({ ok: true, birthDate: '2026-07-21' }); // no today given: no bound
  });

  it('reads a number typed with spaces around it or a lowercase x', () => {
    expect(checkIdNumber('  11010519491231002x ')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
    expect(checkIdNumber(' 110105491231002 ')).toMatchObject({ ok: true, normalized: '11010519491231002X' });
  });

  it('a 15-digit number is digits only: no check character, no X', () => {
    expect(checkIdNumber('11010549123100X')).toEqual({ ok: false, problem: 'chars' });
    expect(checkIdNumber('X10105491231002')).toEqual({ ok: false, problem: 'chars' });
    expect(checkIdNumber('X1010519491231002')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('X10105194912310021')).toEqual({ ok: false, problem: 'chars' });
    expect(checkIdNumber('1101051949123100X1')).toEqual({ ok: false, problem: 'chars' }); // X only as the check character
  });
});

describe('ages and the stay clock', () => {
  it('derives age from a birth date or an estimate made on a known day', () => {
    expect(ageOn('2026-07-20', { birthDate: '2011-07-21' })).toBe(14);
    expect(ageOn('2026-07-20', { birthDate: '2011-07-20' })).toBe(15);
    expect(ageOn('2028-08-01', { estimatedAge: 40, estimatedOn: '2026-07-20' })).toBe(42);
    expect(ageOn('2026-07-20', {})).toBeNull();
    expect([ageGroup(15), ageGroup(16), ageGroup(18), ageGroup(60), ageGroup(null)]).toEqual(['minor_under16', 'minor', 'adult', 'elderly', 'unknown']);
  });

  it('warns on day 8, is overdue from day 10, extends with approved days, exempts under-16s and mental disorder', () => {
    const limits = { warnDay: 8, limitDays: 10 };
    const adult = { age: 40, conditions: [], extensionDays: 0 };
    expect(stayClock('2026-07-01', '2026-07-01', adult, limits)).toEqual({ day: 1, state: 'ok', limitDay: 10 });
    expect(stayClock('2026-07-01', '2026-07-08', adult, limits).state).toBe('warn');
    expect(stayClock('2026-07-01', '2026-07-10', adult, limits).state).toBe('overdue');
    expect(stayClock('2026-07-01', '2026-07-10', { ...adult, extensionDays: 5 }, limits)).toEqual({ day: 10, state: 'ok', limitDay: 15 });
    expect(stayClock('2026-07-01', '2026-07-30', { ...adult, age: 15 }, limits).state).toBe('exempt');
    expect(stayClock('2026-07-01', '2026-07-30', { ...adult, conditions: ['mental_disorder'] }, limits).state).toBe('exempt');
  });
});
