import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, checkIdNumber } from '../../shared/domain/idcard';
import { ageGroup, ageOn, stayClock } from '../../shared/domain/person';

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
