import { describe, expect, it } from 'vitest';
import { dayStart } from '../../../shared/domain/time';
import { AT_NOON, fields, parsed } from '../harness/contract-parse';

/**
 * Intake's forms as the contract states them (shared/contract/intake.ts), each limit on both sides. The same schemas
 * check the desk's forms in the renderer and every call in the main process; tests/core/intake/intake-integrity and
 * intake-limits hold the main process to them with a station, these read the schemas alone (no database).
 */
const NOW = AT_NOON.now;
const HOUR = 3_600_000;
const walkIn = (extra: Record<string, unknown>) => ({ person: { name: '张三' }, channel: 'walk_in', arrivedAt: NOW - HOUR, ...extra });

describe('quick intake (intake.register)', () => {
  it('an arrival registered more than 24 hours (setting) after it happened needs a reason: 23 h 59 min and 24 h do not', () => {
    expect(fields('intake.register', walkIn({ arrivedAt: NOW - 24 * HOUR + 60_000 }))).toEqual({});
    expect(fields('intake.register', walkIn({ arrivedAt: NOW - 24 * HOUR }))).toEqual({});
    expect(fields('intake.register', walkIn({ arrivedAt: NOW - 24 * HOUR - 1 }))).toEqual({ lateReason: 'v.lateReason' });
    expect(fields('intake.register', walkIn({ arrivedAt: NOW - 24 * HOUR - 1, lateReason: '夜间停电，恢复后补登' }))).toEqual({});
    // The hours are the station's setting.
    const twoDays = { ...AT_NOON, lateRegistrationHours: 48 };
    expect(fields('intake.register', walkIn({ arrivedAt: NOW - 30 * HOUR }), twoDays)).toEqual({});
    expect(fields('intake.register', walkIn({ arrivedAt: NOW - 48 * HOUR - 1 }), twoDays)).toEqual({ lateReason: 'v.lateReason' });
  });

  it('nobody arrives before they were born: from the start of the birth day on, and a birth today counts', () => {
    const born = (birthDate: string, arrivedAt: number) => fields('intake.register', { person: { name: '婴儿', birthDate }, channel: 'hospital', arrivedAt, lateReason: '补登' });
    const yesterday = dayStart('2026-07-19', 'Asia/Shanghai');
    expect(born('2026-07-19', yesterday)).toEqual({});
    expect(born('2026-07-19', yesterday - 1)).toEqual({ arrivedAt: 'v.beforeBirth' });
    expect(born('2026-07-20', yesterday)).toEqual({ arrivedAt: 'v.beforeBirth' });
    expect(born('2026-07-20', dayStart('2026-07-20', 'Asia/Shanghai'))).toEqual({});
  });

  it('a birth date refused in its own right (in the future, impossible) is said once, at its field, not again at the arrival', () => {
    const born = (birthDate: string, arrivedAt: number) => fields('intake.register', { person: { name: '婴儿', birthDate }, channel: 'hospital', arrivedAt, lateReason: '补登' });
    expect(born('2026-07-21', NOW - HOUR)).toEqual({ 'person.birthDate': 'v.birthFuture' });
    // 30 February reads as 2 March to a date library: an arrival on 1 March is not "before" a day that does not exist.
    expect(born('2026-02-30', Date.UTC(2026, 2, 1, 4))).toEqual({ 'person.birthDate': 'v.date' });
  });

  it('a new person needs a name or a description; a call with no person at all is refused at the name, not thrown', () => {
    expect(fields('intake.register', { channel: 'walk_in', arrivedAt: NOW - HOUR })).toEqual({ 'person.name': 'v.nameOrDescription' });
    expect(fields('intake.register', { person: {}, channel: 'walk_in', arrivedAt: NOW - HOUR })).toEqual({ 'person.name': 'v.nameOrDescription' });
  });

  it('quick intake takes name, sex, estimated age, birth date, ID number and description, each checked as on the record', () => {
    const person = { name: '张三', sex: 'male', estimatedAge: 40, birthDate: '1949-12-31', idNumber: '11010519491231002x', description: '光头，灰色外套' };
    expect(parsed<{ person: object }>('intake.register', walkIn({ person })).person).toEqual({ ...person, idNumber: '11010519491231002X' });
    expect(fields('intake.register', walkIn({ person: { name: '张三', estimatedAge: 121 } }))).toEqual({ 'person.estimatedAge': 'v.age' });
    expect(fields('intake.register', walkIn({ person: { name: '张三', idNumber: '110105194912310021' } }))).toEqual({ 'person.idNumber': 'v.id.checksum' });
  });
});

describe('discharge (intake.discharge)', () => {
  const discharge = (input: Record<string, unknown>) => fields('intake.discharge', { stayId: 1, ...input });

  it('return home: a ticket, and cash only up to 20 yuan: 20.00 passes, 20.01 is refused, none is 0', () => {
    expect(discharge({ type: 'return_home', ticket: 'K123', cashFen: 2000, receiptSigned: true })).toEqual({});
    expect(discharge({ type: 'return_home', ticket: 'K123', cashFen: 2001, receiptSigned: true })).toEqual({ cashFen: 'v.cashLimit' });
    expect(Object.keys(discharge({ type: 'return_home', ticket: 'K123', cashFen: -1 }))).toEqual(['cashFen']);
    expect(discharge({ type: 'return_home', ticket: 'K123', cashFen: 0 })).toEqual({});
    expect(discharge({ type: 'return_home', ticket: ' ' })).toEqual({ ticket: 'v.required' });
  });

  it('return home: the receipt counts as signed only when the desk says so, and no cash is paid unless entered', () => {
    const r = parsed<{ cashFen: number; receiptSigned: boolean }>('intake.discharge', { stayId: 1, type: 'return_home', ticket: 'K123' });
    expect([r.cashFen, r.receiptSigned]).toEqual([0, false]);
  });

  it('each way of leaving records what DOMAIN asks of it', () => {
    expect(discharge({ type: 'family_collected', collectorName: ' ', relation: '', collectorIdNumber: '' })).toEqual({ collectorName: 'v.required', relation: 'v.required', collectorIdNumber: 'v.required' });
    expect(discharge({ type: 'self_discharge', declarationSigned: true })).toEqual({});
    expect(discharge({ type: 'left_without_notice', record: '' })).toEqual({ record: 'v.required' });
    expect(discharge({ type: 'foster_care', home: '' })).toEqual({ home: 'v.required' });
    expect(discharge({ type: 'hospital', hospital: '' })).toEqual({ hospital: 'v.required' });
    expect(discharge({ type: 'other_agency', agency: '' })).toEqual({ agency: 'v.required' });
    expect(discharge({ type: 'assistance_ended', notice: '' })).toEqual({ notice: 'v.required' });
    expect(discharge({ type: 'death', policeInformed: true, policeUnit: '' })).toEqual({ policeUnit: 'v.required' });
    expect(discharge({ type: 'death', policeInformed: true, policeUnit: '东城派出所' })).toEqual({});
  });

  it('every discharge names its stay, and its time is no later than now', () => {
    expect(Object.keys(fields('intake.discharge', { type: 'hospital', hospital: '市第一医院' }))).toEqual(['stayId']);
    expect(discharge({ type: 'hospital', hospital: '市第一医院', dischargedAt: NOW + HOUR })).toEqual({ dischargedAt: 'v.future' });
  });
});

describe('triage, belongings and the safety check', () => {
  it('a triage without conditions records none', () => {
    expect(parsed<{ conditions: string[] }>('intake.triage', { stayId: 1, decision: 'admit' }).conditions).toEqual([]);
    expect(fields('intake.triage', { stayId: 1, decision: 'admit', temperatureC: 30 })).toEqual({});
    expect(fields('intake.triage', { stayId: 1, decision: 'admit', temperatureC: 45 })).toEqual({});
  });

  it('a belonging is 1 to 10,000 pieces, with 0 to 1,000,000 yuan of cash (none unless entered), and a place it is kept', () => {
    const witness = { userId: 2, password: 'x' };
    const add = (item: Record<string, unknown>) => fields('intake.custodyAdd', { stayId: 1, items: [{ description: '手机', storagePlace: '柜A', ...item }], witness });
    expect(add({ quantity: 1 })).toEqual({});
    expect(add({ quantity: 1, cashFen: 350 })).toEqual({});
    expect(add({ quantity: 10_000, cashFen: 100_000_000 })).toEqual({});
    expect(Object.keys(add({ quantity: 1, cashFen: 100_000_001 }))).toEqual(['items.0.cashFen']);
    expect(Object.keys(add({ quantity: 10_001 }))).toEqual(['items.0.quantity']);
    expect(Object.keys(add({ quantity: 1, cashFen: -1 }))).toEqual(['items.0.cashFen']);
    expect(add({ quantity: 1, storagePlace: ' ' })).toEqual({ 'items.0.storagePlace': 'v.required' });
    const items = parsed<{ items: { cashFen: number }[] }>('intake.custodyAdd', { stayId: 1, items: [{ description: '手机', quantity: 1, storagePlace: '柜A' }], witness }).items;
    expect(items[0]!.cashFen).toBe(0);
  });

  it('belongings and the safety check are witnessed by a second member of staff, who signs with their own password', () => {
    const item = { description: '手机', quantity: 1, storagePlace: '柜A' };
    expect(fields('intake.custodyAdd', { stayId: 1, items: [item], witness: {} })).toEqual({ 'witness.userId': expect.any(String), 'witness.password': expect.any(String) });
    expect(fields('intake.custodyAdd', { stayId: 1, items: [item], witness: { userId: 2, password: '' } })).toEqual({ 'witness.password': 'v.required' });
    expect(fields('intake.safetyCheck', { stayId: 1, findings: ' ', disposition: '', witness: { userId: 2, password: '' } })).toEqual({
      findings: 'v.required',
      disposition: 'v.required',
      'witness.password': 'v.required',
    });
  });
});

describe('the board, extensions and zones', () => {
  it('a page of a board list is 1 to 100 lines from line 0 on', () => {
    const page = (offset: number, limit: number) => Object.keys(fields('intake.boardList', { list: 'overLimit', offset, limit }));
    expect([page(0, 1), page(0, 100), page(-1, 20), page(0, 0), page(0, 101)]).toEqual([[], [], ['offset'], ['limit'], ['limit']]);
    expect(parsed<{ offset: number; limit: number }>('intake.boardList', { list: 'overLimit' })).toEqual({ list: 'overLimit', offset: 0, limit: 20 });
  });

  it('a stay extension is 1 to 90 days, with a reason', () => {
    const extend = (days: number) => Object.keys(fields('intake.extend', { stayId: 1, days, reason: '等待家属' }));
    expect([extend(0), extend(1), extend(90), extend(91)]).toEqual([['days'], [], [], ['days']]);
    expect([0, 91, 1.5].map((days) => fields('intake.extend', { stayId: 1, days, reason: '等待家属' }))).toEqual([{ days: 'v.range' }, { days: 'v.range' }, { days: 'v.wholeNumber' }]);
    expect(fields('intake.extend', { stayId: 1, days: 5, reason: ' ' })).toEqual({ reason: 'v.required' });
  });

  it('a zone’s ages are 0 to 120 at both ends; its code is read without spaces around it', () => {
    for (const key of ['minAge', 'maxAge']) {
      const zone = (age: number | null) => fields('intake.zoneSave', { code: 'old', name: '区', [key]: age });
      expect([zone(0), zone(120), zone(null)], key).toEqual([{}, {}, {}]);
      expect([zone(-1), zone(121)], key).toEqual([{ [key]: 'v.age' }, { [key]: 'v.age' }]);
    }
    expect(parsed<{ code: string }>('intake.zoneSave', { code: ' men_2 ', name: '男宿区' }).code).toBe('men_2');
  });

  it('a new zone is active and not for medical observation unless the admin says so', () => {
    const zone = parsed<{ medical: boolean; active: boolean }>('intake.zoneSave', { code: 'men', name: '男宿区' });
    expect([zone.medical, zone.active]).toEqual([false, true]);
  });

  it('beds are added 1 to 100 at a time', () => {
    const labels = (n: number) => Array.from({ length: n }, (_, i) => `A-${i + 1}`);
    expect(fields('intake.bedsAdd', { zoneId: 1, labels: [] })).toEqual({ labels: 'v.required' });
    expect(fields('intake.bedsAdd', { zoneId: 1, labels: labels(1) })).toEqual({});
    expect(fields('intake.bedsAdd', { zoneId: 1, labels: labels(100) })).toEqual({});
    expect(Object.keys(fields('intake.bedsAdd', { zoneId: 1, labels: labels(101) }))).toEqual(['labels']);
  });
});
