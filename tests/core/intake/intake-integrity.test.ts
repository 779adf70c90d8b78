import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../shared/contract';
import { checkCharacter } from '../../../shared/domain/idcard';
import type { Result } from '../../../shared/domain/result';
import { openStation, type TestStation } from '../helpers';

/**
 * Issue 8: dates that are real calendar days, a record that never contradicts its ID number, and refusals named at
 * the field the form has. Each case below was accepted, or refused where nobody could see it, before the fix.
 */
let st: TestStation;
let desk: string;
let colleague: { id: number; session: string };
afterEach(() => st?.close());

const HOUR = 3_600_000;
/** 03:00 on 20 July 2026 in Shanghai. */
const NIGHT = Date.UTC(2026, 6, 19, 19, 0);
const NOW = NIGHT + 5 * 60_000;
/** 00:00 on 1 January 2000 in Shanghai: the default date floor. */
const FLOOR = Date.UTC(1999, 11, 31, 16, 0);
const validId = (first17: string) => first17 + checkCharacter(first17);
/** A man born 15 March 1979 (sex digit 1, odd). */
const MAN_1979 = validId('11010519790315001');
/** A woman born 2 June 1988 (sex digit 2, even). */
const WOMAN_1988 = validId('11010519880602002');

function station() {
  st = openStation();
  st.clock.t = NOW;
  desk = st.userWith(['front_desk', 'duty_leader'], 'desk');
  colleague = { session: st.userWith(['front_desk'], 'colleague'), id: 0 };
  colleague.id = st.must('accounts.list', {}, st.adminSession).find((u) => u.username === 'colleague')!.id;
}
const register = (person: Input<'intake.register'>['person'], extra: Partial<Input<'intake.register'>> = {}) =>
  st.call('intake.register', { person, channel: 'walk_in', arrivedAt: NIGHT, ...extra }, desk);
const refusal = (r: Result<unknown>) => (r.ok ? 'ok' : { code: r.error.code, fields: r.error.fields });
const admitted = (person: Input<'intake.register'>['person']) => {
  const r = register(person);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  st.must('intake.triage', { stayId: r.value.stayId, decision: 'admit' }, desk);
  return r.value;
};
/** A record written by an older version, before dates were checked as dates. */
const legacyBirthDate = (personId: number, birthDate: string) => st.core.db.prepare('UPDATE persons SET birth_date = ? WHERE id = ?').run(birthDate, personId);

describe('dates are real calendar days within sensible bounds', () => {
  it('refuses impossible and future birth dates at quick intake, at the form’s own field', () => {
    station();
    for (const [birthDate, key] of [
      ['2026-02-30', 'v.date'],
      ['1990-13-01', 'v.date'],
      ['2023-02-29', 'v.date'], // 2023 is a common year
      ['2026-7-1', 'v.date'],
      ['2099-12-31', 'v.birthFuture'],
      ['2026-07-21', 'v.birthFuture'], // tomorrow on the station's calendar
      ['1906-07-19', 'v.birthTooOld'], // 120 years and a day
    ] as const) {
      expect(refusal(register({ name: '测试', birthDate })), birthDate).toEqual({ code: 'VALIDATION', fields: { 'person.birthDate': key } });
    }
    // The day itself, 29 February of a leap year, and exactly 120 years back are real, allowed birth dates.
    for (const birthDate of ['2026-07-20', '2024-02-29', '1906-07-20']) expect(register({ name: `测${birthDate}`, birthDate }).ok, birthDate).toBe(true);
  });

  it('refuses the same dates in people.update, and an impossible date never reaches the record', () => {
    station();
    const { personId } = admitted({ name: '张三' });
    for (const birthDate of ['2026-02-30', '2023-02-29', '2099-12-31']) {
      expect(refusal(st.call('people.update', { id: personId, birthDate }, desk)), birthDate).toMatchObject({ code: 'VALIDATION', fields: { birthDate: expect.stringMatching(/^v\./) } });
    }
    expect(st.must('people.get', { id: personId }, desk).birthDate).toBeNull();
    expect(st.must('people.update', { id: personId, birthDate: '2012-02-29' }, desk).age).toBe(14);
  });

  it('refuses arrival times before the date floor or in the future, both sides of each limit', () => {
    station();
    const at = (arrivedAt: number, lateReason?: string) => refusal(register({ name: `到${arrivedAt}` }, { arrivedAt, ...(lateReason ? { lateReason } : {}) }));
    expect(at(0, '补登')).toEqual({ code: 'VALIDATION', fields: { arrivedAt: 'v.beforeFloor' } }); // 1970: day 20,790 of a stay
    expect(at(FLOOR - 1, '补登')).toEqual({ code: 'VALIDATION', fields: { arrivedAt: 'v.beforeFloor' } });
    expect(at(FLOOR, '补登')).toBe('ok');
    expect(at(NOW + 5 * 60_000)).toBe('ok'); // a desk clock a little fast
    expect(at(NOW + 5 * 60_000 + 1)).toEqual({ code: 'VALIDATION', fields: { arrivedAt: 'v.future' } });
    // The floor is the station's setting, and takes effect at once.
    st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, dateFloor: '2026-07-01' }, st.adminSession);
    expect(at(Date.UTC(2026, 5, 30, 15, 59), '补登')).toEqual({ code: 'VALIDATION', fields: { arrivedAt: 'v.beforeFloor' } });
    expect(at(Date.UTC(2026, 5, 30, 16, 0), '补登')).toBe('ok');
  });

  it('a registration more than 24 hours after the arrival records why (setting), and shows it on the stay', () => {
    station();
    const late = register({ name: '迟到' }, { arrivedAt: NOW - 24 * HOUR - 1 });
    expect(refusal(late)).toEqual({ code: 'VALIDATION', fields: { lateReason: 'v.lateReason' } });
    expect(register({ name: '准时' }, { arrivedAt: NOW - 24 * HOUR }).ok).toBe(true);
    const r = register({ name: '补登' }, { arrivedAt: NOW - 30 * HOUR, lateReason: '夜间停电，系统恢复后补登' });
    expect(r.ok && st.must('intake.get', { stayId: r.value.stayId }, desk).lateReason).toBe('夜间停电，系统恢复后补登');
    st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, lateRegistrationHours: 48 }, st.adminSession);
    expect(register({ name: '放宽' }, { arrivedAt: NOW - 30 * HOUR }).ok).toBe(true);
  });

  it('nobody arrives before they were born: a new person and a person on record', () => {
    station();
    expect(refusal(register({ name: '新生', birthDate: '2026-07-20' }, { arrivedAt: Date.UTC(2026, 6, 19, 15, 59) }))).toEqual({ code: 'VALIDATION', fields: { arrivedAt: 'v.beforeBirth' } });
    const { personId, stayId } = admitted({ name: '婴儿', birthDate: '2026-07-20' });
    st.must('intake.discharge', { stayId, type: 'hospital', hospital: '市儿童医院' }, desk);
    expect(refusal(st.call('intake.register', { personId, channel: 'walk_in', arrivedAt: Date.UTC(2026, 6, 19, 15, 59) }, desk))).toEqual({ code: 'VALIDATION', fields: { arrivedAt: 'v.beforeBirth' } });
  });

  it('a person on record may arrive from the first moment of their birth day, on the station’s calendar', () => {
    station();
    const { personId, stayId } = admitted({ name: '婴儿', birthDate: '2026-07-20' });
    st.must('intake.discharge', { stayId, type: 'hospital', hospital: '市儿童医院' }, desk);
    const midnight = Date.UTC(2026, 6, 19, 16, 0); // 00:00 on 20 July in Shanghai
    expect(refusal(st.call('intake.register', { personId, channel: 'hospital', arrivedAt: midnight }, desk))).toBe('ok');
  });

  it('refuses discharge and police handover times outside the floor and the clock', () => {
    station();
    const { stayId } = admitted({ name: '离站' });
    expect(refusal(st.call('intake.discharge', { stayId, type: 'hospital', hospital: '市一院', dischargedAt: 0 }, desk))).toEqual({ code: 'VALIDATION', fields: { dischargedAt: 'v.beforeFloor' } });
    expect(refusal(st.call('intake.discharge', { stayId, type: 'hospital', hospital: '市一院', dischargedAt: NOW + HOUR }, desk))).toEqual({ code: 'VALIDATION', fields: { dischargedAt: 'v.future' } });
    expect(refusal(register({ name: '警送' }, { channel: 'police', channelDetail: { unit: '东城派出所', handoverAt: 0 } }))).toEqual({ code: 'VALIDATION', fields: { 'channelDetail.handoverAt': 'v.beforeFloor' } });
  });
});

describe('an unknown age is never "adult": every age rule takes its protective path', () => {
  /** A boy whose birth date was stored as 30 February by an older version: his age cannot be known. */
  function boyWithImpossibleBirthDate() {
    const boy = admitted({ name: '小明', sex: 'male' });
    legacyBirthDate(boy.personId, '2012-02-30');
    return boy;
  }

  it('reads as age unknown, never NaN, on the stay, the person and in search', () => {
    station();
    const { stayId, personId } = boyWithImpossibleBirthDate();
    const stay = st.must('intake.get', { stayId }, desk);
    expect(stay).toMatchObject({ age: null, ageGroup: 'unknown' });
    expect(st.must('people.get', { id: personId }, desk).age).toBeNull();
    expect(st.must('people.search', { q: '小明' }, desk)[0]!.age).toBeNull();
    legacyBirthDate(personId, '2030-01-01'); // a future birth date once gave a negative age
    expect(st.must('intake.get', { stayId }, desk)).toMatchObject({ age: null, ageGroup: 'unknown' });
  });

  it('is not placed in an age-ruled dormitory (the men’s zone takes 18–59)', () => {
    station();
    const { stayId } = boyWithImpossibleBirthDate();
    expect(refusal(st.call('intake.assignBed', { stayId, zoneId: 1 }, desk))).toEqual({ code: 'CONFLICT', fields: { bedId: 'v.zoneAgeUnknown' } });
    // The medical observation zone has no age rule, so an unknown age may go there.
    expect(st.must('intake.assignBed', { stayId, zoneId: 5 }, desk).bed?.zone).toBe('医疗观察区');
  });

  it('may not self-discharge, and is escorted home', () => {
    station();
    const { stayId } = boyWithImpossibleBirthDate();
    expect(refusal(st.call('intake.discharge', { stayId, type: 'self_discharge', declarationSigned: true }, desk))).toEqual({ code: 'VALIDATION', fields: { type: 'v.selfDischargeAgeUnknown' } });
    expect(refusal(st.call('intake.discharge', { stayId, type: 'return_home', ticket: 'G123' }, desk))).toEqual({ code: 'VALIDATION', fields: { escort: 'v.escortRequired' } });
    expect(st.must('intake.discharge', { stayId, type: 'return_home', ticket: 'G123', escort: '工作人员王某护送' }, desk).status).toBe('discharged');
  });

  it('is exempt from the stay limit as if under 16, and says why', () => {
    station();
    const { stayId } = boyWithImpossibleBirthDate();
    st.clock.advance(12 * 24 * HOUR);
    st.must('auth.unlock', { password: 'Own-pass-22' }, desk);
    expect(st.must('intake.get', { stayId }, desk).clock).toEqual({ day: 13, state: 'exempt', limitDay: null, exemptBecause: 'age_unknown' });
    const board = st.must('intake.board', {}, desk);
    expect([...board.nearLimit.lines, ...board.overLimit.lines].map((l) => l.stayId)).not.toContain(stayId);
  });
});

describe('the record and its ID number never disagree, whatever the order of edits', () => {
  it('refuses a sex or birth date that contradicts the stored ID number, at the field being changed', () => {
    station();
    const { personId } = admitted({ name: '王五', idNumber: MAN_1979 });
    expect(st.must('people.get', { id: personId }, desk)).toMatchObject({ sex: 'male', birthDate: '1979-03-15' });
    expect(refusal(st.call('people.update', { id: personId, sex: 'female' }, desk))).toEqual({ code: 'VALIDATION', fields: { sex: 'v.id.sexMismatch' } });
    expect(refusal(st.call('people.update', { id: personId, birthDate: '1980-03-15' }, desk))).toEqual({ code: 'VALIDATION', fields: { birthDate: 'v.id.birthMismatch' } });
    // Changed together, each is checked: the one that contradicts the number is refused, though the other agrees.
    expect(refusal(st.call('people.update', { id: personId, sex: 'male', birthDate: '1980-03-15' }, desk))).toEqual({ code: 'VALIDATION', fields: { birthDate: 'v.id.birthMismatch' } });
    expect(refusal(st.call('people.update', { id: personId, sex: 'female', birthDate: '1979-03-15' }, desk))).toEqual({ code: 'VALIDATION', fields: { sex: 'v.id.sexMismatch' } });
    // Agreeing values, and edits of other fields, pass.
    expect(st.must('people.update', { id: personId, sex: 'male', birthDate: '1979-03-15', dialect: '河南口音' }, desk).dialect).toBe('河南口音');
    expect(st.must('people.get', { id: personId }, desk)).toMatchObject({ sex: 'male', birthDate: '1979-03-15', idNumber: MAN_1979 });
  });

  it('refuses an ID number that contradicts the stored sex or birth date, at the ID number', () => {
    station();
    const { personId } = admitted({ name: '赵六', sex: 'female' });
    expect(refusal(st.call('people.update', { id: personId, idNumber: MAN_1979 }, desk))).toEqual({ code: 'VALIDATION', fields: { idNumber: 'v.id.sexMismatch' } });
    st.must('people.update', { id: personId, birthDate: '1988-06-03' }, desk);
    expect(refusal(st.call('people.update', { id: personId, idNumber: WOMAN_1988 }, desk))).toEqual({ code: 'VALIDATION', fields: { idNumber: 'v.id.birthMismatch' } });
    // Corrected together, in one edit, they agree.
    expect(st.must('people.update', { id: personId, birthDate: '1988-06-02', idNumber: WOMAN_1988 }, desk).idNumber).toBe(WOMAN_1988);
  });

  it('an older record that disagrees with its ID number is corrected one field at a time, and its other fields edited meanwhile', () => {
    station();
    const born = admitted({ name: '周九', idNumber: MAN_1979 }).personId;
    legacyBirthDate(born, '1979-03-16');
    // Neither the ID number, the birth date nor the sex is changed: nothing to re-check.
    expect(st.must('people.update', { id: born, dialect: '北京话' }, desk).birthDate).toBe('1979-03-16');
    // The sex is checked against the ID number, not the old birth date; the birth date is put right.
    expect(st.must('people.update', { id: born, sex: 'male' }, desk).sex).toBe('male');
    expect(refusal(st.call('people.update', { id: born, birthDate: '1979-03-17' }, desk))).toEqual({ code: 'VALIDATION', fields: { birthDate: 'v.id.birthMismatch' } });
    expect(st.must('people.update', { id: born, birthDate: '1979-03-15' }, desk).birthDate).toBe('1979-03-15');
    // The same for a sex an older version stored against the number.
    const sexed = admitted({ name: '吴十', idNumber: WOMAN_1988 }).personId;
    st.core.db.prepare("UPDATE persons SET sex = 'male' WHERE id = ?").run(sexed);
    expect(st.must('people.update', { id: sexed, birthDate: '1988-06-02', dialect: '上海话' }, desk).dialect).toBe('上海话');
    expect(st.must('people.update', { id: sexed, sex: 'female' }, desk).sex).toBe('female');
    // Nor is a number an older version stored unchecked read again by an edit of other fields.
    st.core.db.prepare("UPDATE persons SET id_number = '110105197903150011' WHERE id = ?").run(born);
    expect(st.must('people.update', { id: born, dialect: '天津话' }, desk)).toMatchObject({ dialect: '天津话', idNumber: '110105197903150011' });
    // A change of the sex or birth date is checked against it, and the number that is not valid is named at its field.
    expect(refusal(st.call('people.update', { id: born, sex: 'male' }, desk))).toEqual({ code: 'VALIDATION', fields: { idNumber: 'v.id.checksum' } });
  });

  it('clears an ID number only by the explicit, audited action, never by an emptied field', () => {
    station();
    const { personId } = admitted({ name: '孙七', idNumber: MAN_1979 });
    // An empty ID number is no number: refused by the contract, the saved one stays.
    expect(st.call('people.update', { id: personId, idNumber: '' }, desk).ok).toBe(false);
    expect(st.must('people.get', { id: personId }, desk).idNumber).toBe(MAN_1979);
    const cleared = st.must('people.clearIdNumber', { id: personId, reason: '登记时抄错，待核实' }, desk);
    expect(cleared).toMatchObject({ idNumber: null, sex: 'male', birthDate: '1979-03-15' });
    const row = st.core.db.prepare("SELECT before, after FROM audit_log WHERE procedure = 'people.clearIdNumber'").get() as { before: string; after: string };
    expect(JSON.parse(row.before)).toEqual({ idNumber: MAN_1979 });
    expect(JSON.parse(row.after)).toEqual({ idNumber: null, reason: '登记时抄错，待核实' });
    // Nothing left to clear; and with no number on record the sex is the desk's to correct.
    expect(refusal(st.call('people.clearIdNumber', { id: personId, reason: '再清一次' }, desk))).toMatchObject({ code: 'CONFLICT' });
    expect(st.must('people.update', { id: personId, sex: 'female' }, desk).sex).toBe('female');
    expect(st.must('people.search', { q: MAN_1979.slice(-6) }, desk).map((h) => h.id)).not.toContain(personId);
  });
});

describe('every refusal names the field the form that sent it has', () => {
  it('quick intake reports the ID number’s contradictions and a taken number under person.idNumber', () => {
    station();
    expect(refusal(register({ name: '钱八', sex: 'female', idNumber: MAN_1979 }))).toEqual({ code: 'VALIDATION', fields: { 'person.idNumber': 'v.id.sexMismatch' } });
    expect(refusal(register({ name: '钱八', birthDate: '1979-03-16', idNumber: MAN_1979 }))).toEqual({ code: 'VALIDATION', fields: { 'person.idNumber': 'v.id.birthMismatch' } });
    expect(register({ name: '钱八', idNumber: MAN_1979 }).ok).toBe(true);
    const taken = register({ name: '李九', idNumber: MAN_1979 });
    expect(refusal(taken)).toEqual({ code: 'CONFLICT', fields: { 'person.idNumber': 'v.id.taken' } });
  });
});
