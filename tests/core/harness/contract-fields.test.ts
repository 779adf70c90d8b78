import { describe, expect, it } from 'vitest';
import { birthDate, calendarDate, currentPassword, eventTime, idleLockMinutes, isTimeZone, newPassword, stationName, text, timeZone, username } from '../../../shared/contract/fields';
import { withValidationContext } from '../../../shared/contract/validation-context';
import { dayStart } from '../../../shared/domain/time';
import { AT_NOON, fields, parsed } from './contract-parse';

/**
 * The contract's field rules, read straight from its schemas (./contract-parse.ts: no database, the station's clock
 * at noon on 20 July 2026). Messages are the catalog keys the renderer translates.
 */
const account = { username: 'li.jie_2', displayName: '李洁', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' };
const station = { stationName: '东城区救助管理站', admin: { username: 'admin', displayName: '王站长', password: 'Admin-pass-1', passwordConfirm: 'Admin-pass-1' } };

describe('accounts and passwords', () => {
  it('a username is 2 to 32 letters, digits, _ . or -, spaces around it dropped', () => {
    expect(username.parse('  li  ')).toBe('li');
    expect(username.safeParse('l').error?.issues[0]?.message).toBe('v.usernameLength');
    expect(username.safeParse('a'.repeat(33)).error?.issues[0]?.message).toBe('v.usernameLength');
    expect(username.safeParse('a'.repeat(32)).success).toBe(true);
    expect(username.safeParse('李洁').error?.issues[0]?.message).toBe('v.usernameChars');
    expect(username.safeParse('li jie').error?.issues[0]?.message).toBe('v.usernameChars');
  });

  it('a new password has at least 8 characters and is not all digits', () => {
    expect(newPassword.safeParse('Abc-123').error?.issues[0]?.message).toBe('v.passwordTooShort');
    expect(newPassword.safeParse('Abc-1234').success).toBe(true);
    expect(newPassword.safeParse('12345678').error?.issues[0]?.message).toBe('v.passwordAllDigits');
    expect(newPassword.safeParse('1234567a').success).toBe(true);
    expect(newPassword.safeParse('a'.repeat(129)).error?.issues[0]?.message).toBe('v.tooLong');
  });

  it('a new account needs a display name, at least one role, and the password typed twice alike', () => {
    expect(fields('accounts.create', account)).toEqual({});
    expect(fields('accounts.create', { ...account, passwordConfirm: 'Temp-pass-2' })).toEqual({ passwordConfirm: 'v.passwordMismatch' });
    expect(fields('accounts.create', { ...account, displayName: '   ' })).toEqual({ displayName: 'v.required' });
    expect(fields('accounts.create', { ...account, displayName: '名'.repeat(41) })).toEqual({ displayName: 'v.tooLong' });
    expect(fields('accounts.create', { ...account, roles: [] })).toEqual({ roles: 'v.rolesRequired' });
    expect(fields('accounts.resetPassword', { id: 2, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-2' })).toEqual({ passwordConfirm: 'v.passwordMismatch' });
    expect(fields('accounts.resetPassword', { id: 2, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' })).toEqual({});
  });

  it('a password change needs the new password twice alike, and a different one', () => {
    const change = { currentPassword: 'Old-pass-1', newPassword: 'New-pass-22', newPasswordConfirm: 'New-pass-22' };
    expect(fields('auth.changePassword', change)).toEqual({});
    expect(fields('auth.changePassword', { ...change, newPasswordConfirm: 'New-pass-23' })).toEqual({ newPasswordConfirm: 'v.passwordMismatch' });
    expect(fields('auth.changePassword', { ...change, newPassword: 'Old-pass-1', newPasswordConfirm: 'Old-pass-1' })).toEqual({ newPassword: 'v.passwordUnchanged' });
    expect(fields('auth.changePassword', { ...change, currentPassword: '' })).toEqual({ currentPassword: 'v.required' });
  });

  it('signing in needs a username and a password; the name is read without the spaces around it', () => {
    expect(fields('auth.login', { username: ' ', password: 'x' })).toEqual({ username: 'v.required' });
    expect(fields('auth.login', { username: 'li', password: '' })).toEqual({ password: 'v.required' });
    expect(parsed<{ username: string }>('auth.login', { username: ' li ', password: 'x' }).username).toBe('li');
  });
});

describe('the station', () => {
  it('first-run setup needs a station name, a real time zone (Asia/Shanghai unless chosen), and the admin’s password twice alike', () => {
    expect(fields('setup.initialize', station)).toEqual({});
    expect(parsed<{ timeZone: string }>('setup.initialize', station).timeZone).toBe('Asia/Shanghai');
    expect(fields('setup.initialize', { ...station, timeZone: 'Mars/Olympus' })).toEqual({ timeZone: 'v.timeZone' });
    expect(fields('setup.initialize', { ...station, admin: { ...station.admin, passwordConfirm: 'x' } })).toEqual({ 'admin.passwordConfirm': 'v.passwordMismatch' });
    expect(fields('setup.initialize', { ...station, stationName: ' 站 ' })).toEqual({ stationName: 'v.required' });
    expect(stationName.safeParse('站'.repeat(61)).error?.issues[0]?.message).toBe('v.tooLong');
    expect([isTimeZone('Asia/Urumqi'), isTimeZone('Asia/Nowhere'), isTimeZone('')]).toEqual([true, false, false]);
  });

  it('the idle lock is 1 to 240 minutes', () => {
    expect([0, 1, 240, 241].map((m) => idleLockMinutes.safeParse(m).success)).toEqual([false, true, true, false]);
    expect(idleLockMinutes.safeParse(0).error?.issues[0]?.message).toBe('v.idleLockRange');
  });

  const settings = { stationName: '东城区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 };

  it('the stay clock, the family-search deadlines and the stock warning are whole days or hours from 1 to their limit, both ends allowed', () => {
    const limits = { stayWarnDay: 90, stayLimitDays: 90, familyNoticeHours: 240, dnaWorkingDays: 60, noticeRefreshDays: 365, lateRegistrationHours: 720, stockExpiringDays: 365 };
    for (const [key, max] of Object.entries(limits)) {
      expect([1, max].map((n) => fields('settings.update', { ...settings, [key]: n })), key).toEqual([{}, {}]);
      expect([0, max + 1].map((n) => fields('settings.update', { ...settings, [key]: n })), key).toEqual([{ [key]: 'v.range' }, { [key]: 'v.range' }]);
    }
  });

  it('days, hours, minutes and head counts in the settings are whole numbers: a fraction is refused at its field as v.wholeNumber, the whole number beside it kept', () => {
    const whole = { stayWarnDay: 7, stayLimitDays: 10, familyNoticeHours: 24, dnaWorkingDays: 5, noticeRefreshDays: 30, lateRegistrationHours: 24, stockExpiringDays: 30, idleLockMinutes: 10, minRestHours: 8, maxNightsInRow: 3, patrolGraceMinutes: 15 };
    for (const [key, n] of Object.entries(whole)) {
      expect(fields('settings.update', { ...settings, [key]: n }), key).toEqual({});
      expect(fields('settings.update', { ...settings, [key]: n + 0.5 }), key).toEqual({ [key]: 'v.wholeNumber' });
    }
    expect(fields('settings.update', { ...settings, staffing: [{ post: 'front_desk', min: 1.5, scope: 'shift' }] })).toEqual({ 'staffing.0.min': 'v.wholeNumber' });
    expect(fields('settings.update', { ...settings, patrolBands: [{ from: '00:00', to: '08:00', intervalMinutes: 60.5 }] })).toEqual({ 'patrolBands.0.intervalMinutes': 'v.wholeNumber' });
  });

  it('a write-off needs approval above a whole number of fen from 0 (every write-off) to 1,000,000 yuan', () => {
    expect([0, 100_000_000].map((fen) => fields('settings.update', { ...settings, stockWriteOffApprovalFen: fen }))).toEqual([{}, {}]);
    expect([-1, 0.5, 100_000_001].map((fen) => fields('settings.update', { ...settings, stockWriteOffApprovalFen: fen }))).toEqual([
      { stockWriteOffApprovalFen: 'v.stock.fen' },
      { stockWriteOffApprovalFen: 'v.stock.fen' },
      { stockWriteOffApprovalFen: 'v.range' },
    ]);
  });

  it('the settings form refuses duty settings that do not fit together at their field, beside any other wrong field, before it is sent', () => {
    const overlapping = [
      { code: 'day', name: '白班', start: '08:00', end: '20:00' },
      { code: 'night', name: '夜班', start: '19:00', end: '08:00' },
    ];
    expect(fields('settings.update', { ...settings, shifts: overlapping })).toEqual({ 'shifts.1.start': 'v.timesOverlap' });
    expect(fields('settings.update', { ...settings, shifts: overlapping, stayLimitDays: 0 })).toEqual({ stayLimitDays: 'v.range', 'shifts.1.start': 'v.timesOverlap' });
  });

  it('a backup goes to, and a restore comes from, an absolute path', () => {
    for (const file of ['/media/usb/a.sqlite', 'D:\\backup\\a.sqlite', 'd:/backup/a.sqlite', '\\\\server\\share\\a.sqlite']) {
      expect(fields('backup.restore', { file }), file).toEqual({});
    }
    for (const file of ['a.sqlite', '../a.sqlite', 'backup/a.sqlite', '/tmp/a\0.sqlite']) {
      expect(fields('backup.restore', { file }), JSON.stringify(file)).toEqual({ file: 'v.absolutePath' });
    }
  });
});

describe('intake forms', () => {
  const arrivedAt = Date.UTC(2026, 6, 20);

  it('a new person needs a name or, when it is unknown, a description; a known person needs neither', () => {
    expect(fields('intake.register', { person: { sex: 'male' }, channel: 'walk_in', arrivedAt })).toEqual({ 'person.name': 'v.nameOrDescription' });
    expect(fields('intake.register', { person: { name: '张三' }, channel: 'walk_in', arrivedAt })).toEqual({});
    expect(fields('intake.register', { person: { description: '光头男子' }, channel: 'walk_in', arrivedAt })).toEqual({});
    expect(fields('intake.register', { personId: 3, channel: 'walk_in', arrivedAt })).toEqual({});
  });

  it('a police arrival names the police unit', () => {
    expect(fields('intake.register', { person: { name: '张三' }, channel: 'police', arrivedAt })).toEqual({ 'channelDetail.unit': 'v.policeUnit' });
    expect(fields('intake.register', { person: { name: '张三' }, channel: 'police', channelDetail: { unit: '东城派出所' }, arrivedAt })).toEqual({});
  });

  it('a refusal states its reason, a hospital or police referral its destination', () => {
    expect(fields('intake.triage', { stayId: 1, decision: 'refuse' })).toEqual({ refusalReason: 'v.required' });
    expect(fields('intake.triage', { stayId: 1, decision: 'refuse', refusalReason: 'can_pay' })).toEqual({});
    expect(fields('intake.triage', { stayId: 1, decision: 'hospital' })).toEqual({ destination: 'v.required' });
    expect(fields('intake.triage', { stayId: 1, decision: 'police' })).toEqual({ destination: 'v.required' });
    expect(fields('intake.triage', { stayId: 1, decision: 'admit' })).toEqual({});
    expect(fields('intake.triage', { stayId: 1, decision: 'admit', temperatureC: 29.9 })).toEqual({ temperatureC: 'v.temperature' });
    expect(fields('intake.triage', { stayId: 1, decision: 'admit', temperatureC: 45.1 })).toEqual({ temperatureC: 'v.temperature' });
  });

  it('a belonging returned needs the client’s confirmation; disposed of or handed over, a reason', () => {
    expect(fields('intake.custodySettle', { itemId: 1, kind: 'returned' })).toEqual({ clientConfirmed: 'v.clientConfirm' });
    expect(fields('intake.custodySettle', { itemId: 1, kind: 'returned', clientConfirmed: true })).toEqual({});
    expect(fields('intake.custodySettle', { itemId: 1, kind: 'disposed', clientConfirmed: true })).toEqual({ reason: 'v.required' });
    expect(fields('intake.custodySettle', { itemId: 1, kind: 'handed_over', reason: '交派出所' })).toEqual({});
    const witness = { userId: 2, password: 'x' };
    expect(fields('intake.custodyAdd', { stayId: 1, items: [], witness })).toEqual({ items: 'v.itemsRequired' });
    expect(fields('intake.custodyAdd', { stayId: 1, items: [{ description: '手机', quantity: 0, storagePlace: '柜A' }], witness })).toEqual({ 'items.0.quantity': 'v.quantity' });
    expect([1, 10_000, 10_001, 1.5].map((quantity) => fields('intake.custodyAdd', { stayId: 1, items: [{ description: '水', quantity, storagePlace: '柜A' }], witness }))).toEqual([
      {},
      {},
      { 'items.0.quantity': 'v.quantity' },
      { 'items.0.quantity': 'v.wholeNumber' },
    ]);
  });

  it('a bed is assigned by bed or by zone', () => {
    expect(fields('intake.assignBed', { stayId: 1 })).toEqual({ bedId: 'v.required' });
    expect(fields('intake.assignBed', { stayId: 1, zoneId: 2 })).toEqual({});
    expect(fields('intake.assignBed', { stayId: 1, bedId: 2 })).toEqual({});
  });

  it('self-discharge needs the signed declaration; a death, the police informed', () => {
    expect(fields('intake.discharge', { stayId: 1, type: 'self_discharge', declarationSigned: false })).toEqual({ declarationSigned: 'v.declarationRequired' });
    expect(fields('intake.discharge', { stayId: 1, type: 'death', policeInformed: false, policeUnit: '东城派出所' })).toEqual({ policeInformed: 'v.policeInformed' });
    expect(fields('intake.discharge', { stayId: 1, type: 'return_home', ticket: ' ' })).toEqual({ ticket: 'v.required' });
  });

  it('a zone’s code is 2 to 20 lower-case letters, digits, _ or -; ages are 0 to 120', () => {
    expect(fields('intake.zoneSave', { code: 'old_women-2', name: '老年女宿区' })).toEqual({});
    for (const code of ['a', 'Men', 'a'.repeat(21), '男区']) expect(fields('intake.zoneSave', { code, name: '区' }), code).toEqual({ code: 'v.zoneCode' });
    expect(fields('intake.zoneSave', { code: 'old', name: '区', minAge: 121 })).toEqual({ minAge: 'v.age' });
    expect(fields('intake.zoneSave', { code: 'old', name: '区', minAge: 60.5 })).toEqual({ minAge: 'v.wholeNumber' });
  });
});

describe('people', () => {
  it('an ID number is read in capitals without spaces, and a wrong one names the part that is wrong', () => {
    expect(parsed<{ idNumber: string }>('people.update', { id: 1, idNumber: ' 11010519491231002x ' }).idNumber).toBe('11010519491231002X');
    expect(fields('people.update', { id: 1, idNumber: '110105194912310021' })).toEqual({ idNumber: 'v.id.checksum' });
    expect(fields('people.update', { id: 1, idNumber: '1101051949' })).toEqual({ idNumber: 'v.id.length' });
  });

  it('a birth date is written YYYY-MM-DD; an estimated age is 0 to 120; a photo is at most ~600 kB', () => {
    expect(fields('people.update', { id: 1, birthDate: '1980-05-05' })).toEqual({});
    expect(fields('people.update', { id: 1, birthDate: '1980-5-5' })).toEqual({ birthDate: 'v.date' });
    expect(fields('people.update', { id: 1, estimatedAge: 121 })).toEqual({ estimatedAge: 'v.age' });
    expect([fields('people.update', { id: 1, estimatedAge: 40 }), fields('people.update', { id: 1, estimatedAge: 40.5 })]).toEqual([{}, { estimatedAge: 'v.wholeNumber' }]);
    expect([fields('people.update', { id: 1, heightCm: 170 }), fields('people.update', { id: 1, heightCm: 170.5 })]).toEqual([{}, { heightCm: 'v.wholeNumber' }]);
    expect(fields('people.setPhoto', { id: 1, dataBase64: 'a'.repeat(800_001), type: 'image/png' })).toEqual({ dataBase64: 'v.photoTooLarge' });
  });

  it('linking and unlinking two records says why', () => {
    expect(fields('people.link', { a: 1, b: 2, reason: ' ' })).toEqual({ reason: 'v.required' });
    expect(fields('people.unlink', { linkId: 1, reason: '' })).toEqual({ reason: 'v.required' });
  });
});

describe('dates, times and plain fields', () => {
  /** Every message for a value, in order: a value refused for its shape is refused once, not again for what follows. */
  const messages = (schema: { safeParse(v: unknown): { error?: { issues: { message: string }[] } } }, value: unknown) =>
    withValidationContext(AT_NOON, () => schema.safeParse(value).error?.issues.map((i) => i.message) ?? []);

  it('a calendar date is exactly YYYY-MM-DD, a real day, from 1900-01-01 to 2199-12-31, each refusal said once', () => {
    expect(['1900-01-01', '2199-12-31', '2024-02-29'].map((d) => messages(calendarDate, d))).toEqual([[], [], []]);
    expect(['1899-12-31', '2200-01-01'].map((d) => messages(calendarDate, d))).toEqual([['v.dateRange'], ['v.dateRange']]);
    expect(['x2026-07-20', '2026-07-20x', '2026-7-20', '1899-13-01', '2026-02-30'].map((d) => messages(calendarDate, d))).toEqual([['v.date'], ['v.date'], ['v.date'], ['v.date'], ['v.date']]);
  });

  it('a birth date is today at the latest and at most 120 years back: both ends allowed, a day beyond refused', () => {
    expect(['2026-07-20', '1906-07-20'].map((d) => messages(birthDate, d))).toEqual([[], []]);
    expect(['2026-07-21', '1906-07-19'].map((d) => messages(birthDate, d))).toEqual([['v.birthFuture'], ['v.birthTooOld']]);
  });

  it('an event is at most 5 minutes ahead of the clock and not before the date floor, both sides of each', () => {
    const floor = dayStart('2000-01-01', 'Asia/Shanghai');
    expect([AT_NOON.now + 5 * 60_000, floor].map((t) => messages(eventTime, t))).toEqual([[], []]);
    expect([AT_NOON.now + 5 * 60_000 + 1, floor - 1].map((t) => messages(eventTime, t))).toEqual([['v.future'], ['v.beforeFloor']]);
  });

  it('a current password, a time zone, the idle lock and any text say which limit they break', () => {
    expect([messages(currentPassword, ''), messages(currentPassword, 'a'.repeat(129)), messages(currentPassword, 'a'.repeat(128))]).toEqual([['v.required'], ['v.tooLong'], []]);
    expect(messages(timeZone, '')[0]).toBe('v.required');
    expect(messages(idleLockMinutes, 241)).toEqual(['v.idleLockRange']);
    expect([messages(text(3), ' abc '), messages(text(3), 'abcd')]).toEqual([[], ['v.tooLong']]);
  });
});
