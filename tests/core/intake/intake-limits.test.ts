import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../helpers';
import { HOUR, MINUTE, NIGHT, openDesk, refusal, type Desk } from '../desk';

/**
 * DOMAIN §1's limits, each tested just inside and just outside, through the dispatcher: ages 15/16/17/18, 20.00 and
 * 20.01 yuan, days 7/8 and 9/10 of the stay clock, 23 h 59 min and 24 h for the family-search notice, and "any one
 * belonging still open". Refusals are compared by code and field. Known ages only (birth dates on the birthday's edge).
 */
let d: Desk;
afterEach(() => d?.st.close());

const DAY = 24 * HOUR;
/** Day n of a stay that arrived at NIGHT (day 1 is the arrival day). */
const dayOfStay = (n: number) => NIGHT + (n - 1) * DAY;

const selfDischarge = (stayId: number) => d.st.call('intake.discharge', { stayId, type: 'self_discharge', declarationSigned: true }, d.desk);
const returnHome = (stayId: number, extra: { cashFen?: number; receiptSigned?: boolean; escort?: string } = {}) =>
  d.st.call('intake.discharge', { stayId, type: 'return_home', ticket: 'K123 次火车票', ...extra }, d.desk);

describe('self-discharge (minors are protected until 18)', () => {
  it('is refused at 15, 16 and 17 (v.selfDischargeMinor) and allowed from the 18th birthday', () => {
    d = openDesk();
    // Today is 2026-07-20: each is a day short of the next birthday, or has it today.
    const aged15 = d.admitted({ name: '十五', sex: 'male', birthDate: '2010-07-21' });
    const aged16 = d.admitted({ name: '十六', sex: 'male', birthDate: '2010-07-20' });
    const aged17 = d.admitted({ name: '十七', sex: 'male', birthDate: '2008-07-21' });
    const aged18 = d.admitted({ name: '十八', sex: 'male', birthDate: '2008-07-20' });
    for (const minor of [aged15, aged16, aged17]) {
      expect(refusal(selfDischarge(minor.stayId))).toMatchObject({ code: 'VALIDATION', fields: { type: 'v.selfDischargeMinor' } });
    }
    expect(d.st.must('intake.get', { stayId: aged17.stayId }, d.desk).age).toBe(17);
    const adult = selfDischarge(aged18.stayId);
    expect(adult.ok && adult.value.discharge).toMatchObject({ type: 'self_discharge' });
  });

  it.each(['mental_disorder', 'intellectual_disability'] as const)('is refused to an adult with %s (v.selfDischargeCondition)', (condition) => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '成年人', sex: 'male', birthDate: '1986-07-20' });
    d.st.must('intake.setConditions', { stayId, conditions: [condition] }, d.desk);
    const before = contentHash(d.st.core);
    expect(refusal(selfDischarge(stayId))).toMatchObject({ code: 'VALIDATION', fields: { type: 'v.selfDischargeCondition' } });
    expect(contentHash(d.st.core)).toBe(before);
    d.st.must('intake.setConditions', { stayId, conditions: ['severe_disability'] }, d.desk);
    expect(selfDischarge(stayId).ok).toBe(true);
  });
});

describe('return home', () => {
  it('under 16 is escorted home: at 15 an escort must be named (v.escortRequired); from 16 they may travel alone', () => {
    d = openDesk();
    const aged15 = d.admitted({ name: '十五', sex: 'female', birthDate: '2010-07-21' });
    expect(refusal(returnHome(aged15.stayId))).toMatchObject({ code: 'VALIDATION', fields: { escort: 'v.escortRequired' } });
    expect(returnHome(aged15.stayId, { escort: '站内工作人员李洁' }).ok).toBe(true);
    for (const birthDate of ['2010-07-20', '2008-07-21', '2008-07-20']) {
      const { stayId } = d.admitted({ name: `生于${birthDate}`, sex: 'female', birthDate });
      expect(refusal(returnHome(stayId)), birthDate).toEqual({ ok: true });
    }
  });

  it('cash for local transport is at most 20 yuan: 20.00 is paid, 20.01 refused (v.cashLimit)', () => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '返乡', sex: 'male', birthDate: '1980-01-01' });
    const before = contentHash(d.st.core);
    expect(refusal(returnHome(stayId, { cashFen: 2001, receiptSigned: true }))).toMatchObject({ code: 'VALIDATION', fields: { cashFen: 'v.cashLimit' } });
    expect(contentHash(d.st.core)).toBe(before);
    const paid = d.st.must('intake.discharge', { stayId, type: 'return_home', ticket: 'K123 次火车票', cashFen: 2000, receiptSigned: true }, d.desk);
    expect(paid.discharge).toMatchObject({ type: 'return_home', detail: { cashFen: 2000, receiptSigned: true } });
  });

  it('any cash needs the client’s signed receipt (v.receiptRequired); without cash there is none to sign', () => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '返乡', sex: 'male', birthDate: '1980-01-01' });
    for (const cashFen of [1, 2000]) {
      expect(refusal(returnHome(stayId, { cashFen })), `${cashFen} fen`).toMatchObject({ code: 'VALIDATION', fields: { receiptSigned: 'v.receiptRequired' } });
    }
    expect(refusal(returnHome(stayId, { cashFen: 0 }))).toEqual({ ok: true });
  });
});

describe('the stay clock (limit 10 days, warning from day 8)', () => {
  it('warns from day 8 and is overdue from day 10: day 7 ok, days 8 and 9 warn, day 10 overdue, on the stay page and the board', () => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '戊', sex: 'male', birthDate: '1980-01-01' });
    const seen = (day: number) => {
      d.at(dayOfStay(day) + HOUR);
      const board = d.st.must('intake.board', {}, d.desk);
      const list = board.nearLimit.lines.some((l) => l.stayId === stayId) ? 'nearLimit' : board.overLimit.lines.some((l) => l.stayId === stayId) ? 'overLimit' : 'none';
      return { ...d.st.must('intake.get', { stayId }, d.desk).clock, list };
    };
    expect(seen(7)).toEqual({ day: 7, state: 'ok', limitDay: 10, list: 'none' });
    expect(seen(8)).toEqual({ day: 8, state: 'warn', limitDay: 10, list: 'nearLimit' });
    expect(seen(9)).toEqual({ day: 9, state: 'warn', limitDay: 10, list: 'nearLimit' });
    expect(seen(10)).toEqual({ day: 10, state: 'overdue', limitDay: 10, list: 'overLimit' });
    expect(d.st.must('intake.board', {}, d.desk).overLimit.lines.find((l) => l.stayId === stayId)!.detail).toBe('10');
  });

  it('approved extensions add their days to both the warning and the limit', () => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '延期', sex: 'male', birthDate: '1980-01-01' });
    d.at(dayOfStay(10));
    d.st.must('intake.extend', { stayId, days: 2, reason: '等待家属' }, d.leader);
    expect(d.st.must('intake.get', { stayId }, d.desk).clock).toEqual({ day: 10, state: 'warn', limitDay: 12 });
    d.st.must('intake.extend', { stayId, days: 3, reason: '家属从外省赶来' }, d.leader);
    const clockOn = (day: number) => (d.at(dayOfStay(day)), d.st.must('intake.get', { stayId }, d.desk).clock.state);
    expect([10, 12, 13, 14, 15].map(clockOn)).toEqual(['ok', 'ok', 'warn', 'warn', 'overdue']);
  });

  it('the limit applies from 16: at 15 the stay is exempt, at 16, 17 and 18 it is overdue on day 10', () => {
    d = openDesk();
    // Ages on day 10 (2026-07-29), each a day short of the next birthday or on it.
    const people = [
      ['2010-07-30', 'exempt'],
      ['2010-07-29', 'overdue'],
      ['2008-07-30', 'overdue'],
      ['2008-07-29', 'overdue'],
    ].map(([birthDate, state]) => ({ ...d.admitted({ name: `生于${birthDate}`, sex: 'male', birthDate }), state }));
    d.at(dayOfStay(10));
    const over = d.st.must('intake.board', {}, d.desk).overLimit.lines.map((l) => l.stayId);
    for (const p of people) {
      const stay = d.st.must('intake.get', { stayId: p.stayId }, d.desk);
      expect(stay.clock.state, `born ${stay.person.birthDate}, aged ${stay.age}`).toBe(p.state);
      expect(over.includes(p.stayId)).toBe(p.state === 'overdue');
    }
  });

  it.each(['mental_disorder', 'intellectual_disability'] as const)('%s exempts an adult from the stay limit', (condition) => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '豁免', sex: 'male', birthDate: '1980-01-01' });
    d.st.must('intake.setConditions', { stayId, conditions: [condition] }, d.desk);
    d.at(dayOfStay(12));
    expect(d.st.must('intake.get', { stayId }, d.desk).clock).toEqual({ day: 12, state: 'exempt', limitDay: null, exemptBecause: 'condition' });
    const board = d.st.must('intake.board', {}, d.desk);
    expect([...board.nearLimit.lines, ...board.overLimit.lines].map((l) => l.stayId)).not.toContain(stayId);
  });
});

describe('family search (identity unknown)', () => {
  it('the notice is due within 24 hours of arrival: at 23 h 59 min it is due, at 24 h overdue, on the stay page and the board', () => {
    d = openDesk();
    const { stayId } = d.register({ description: '不愿透露姓名的男子', sex: 'male' });
    const notice = () => d.st.must('intake.get', { stayId }, d.desk).familySearch.find((t) => t.kind === 'notice')!.state;
    const onBoard = () => d.st.must('intake.board', {}, d.desk).familySearchDue.lines.filter((l) => l.stayId === stayId).map((l) => l.detail);
    d.at(NIGHT + 23 * HOUR + 59 * MINUTE);
    expect([notice(), onBoard()]).toEqual(['due', ['notice:due']]);
    d.at(NIGHT + 24 * HOUR);
    expect([notice(), onBoard()]).toEqual(['overdue', ['notice:overdue']]);
  });

  it('a task is due in the 24 hours before its deadline and upcoming before that; done, it leaves the board', () => {
    d = openDesk();
    const { stayId } = d.register({ description: '无名女子', sex: 'female' });
    const tasks = d.st.must('intake.get', { stayId }, d.desk).familySearch;
    const dna = tasks.find((t) => t.kind === 'dna_request')!;
    const dnaLines = () => d.st.must('intake.board', {}, d.desk).familySearchDue.lines.filter((l) => l.detail.startsWith('dna_request'));
    const dnaState = () => d.st.must('intake.get', { stayId }, d.desk).familySearch.find((t) => t.kind === 'dna_request')!.state;
    d.at(dna.dueAt - DAY - MINUTE);
    expect([dnaState(), dnaLines()]).toEqual(['upcoming', []]);
    d.at(dna.dueAt - DAY);
    expect([dnaState(), dnaLines().map((l) => l.detail)]).toEqual(['due', ['dna_request:due']]);
    d.st.must('intake.completeTask', { taskId: dna.id, note: '已向派出所申请采血' }, d.desk);
    expect([dnaState(), dnaLines()]).toEqual(['done', []]);
  });
});

describe('belongings in custody', () => {
  it('a discharge waits while any one belonging is still open: two settled and one open is refused (v.custodyOpen)', () => {
    d = openDesk();
    const { stayId } = d.admitted({ name: '丁', sex: 'male', birthDate: '1980-01-01' });
    const items = d.st.must('intake.custodyAdd', {
      stayId,
      items: [
        { description: '手机', quantity: 1, storagePlace: '柜A-1' },
        { description: '现金', quantity: 1, cashFen: 5_000, storagePlace: '保险柜' },
        { description: '打火机', quantity: 2, storagePlace: '柜A-1' },
      ],
      witness: d.witness(),
    }, d.desk).custody;
    d.st.must('intake.custodySettle', { itemId: items[0]!.id, kind: 'returned', clientConfirmed: true }, d.desk);
    d.st.must('intake.custodySettle', { itemId: items[2]!.id, kind: 'disposed', reason: '危险物品，已销毁' }, d.desk);
    expect(d.st.must('intake.board', {}, d.desk).openCustody.lines.map((l) => [l.stayId, l.detail])).toEqual([[stayId, '1']]);
    const before = contentHash(d.st.core);
    expect(refusal(returnHome(stayId))).toMatchObject({ code: 'CONFLICT', fields: { type: 'v.custodyOpen' } });
    expect(contentHash(d.st.core)).toBe(before);
    d.st.must('intake.custodySettle', { itemId: items[1]!.id, kind: 'returned', clientConfirmed: true }, d.desk);
    expect(d.st.must('intake.board', {}, d.desk).openCustody).toEqual({ count: 0, lines: [] });
    expect(refusal(returnHome(stayId))).toEqual({ ok: true });
  });
});

describe('first-contact responsibility', () => {
  it('declining a handover leaves the owner unchanged; accepting one transfers it', () => {
    d = openDesk();
    const { stayId } = d.register({ name: '赵六', sex: 'male' });
    const colleague = d.colleague;
    const offered = d.st.must('intake.offerOwnership', { stayId, toUserId: colleague.id }, d.desk);
    const declined = d.st.must('intake.answerOwnership', { offerId: offered.pendingOffer!.id, accept: false }, colleague.session);
    expect(declined).toMatchObject({ owner: { id: d.deskId }, pendingOffer: null });
    expect(declined.events.at(-1)).toMatchObject({ kind: 'ownership_declined' });
    expect(d.st.must('intake.board', {}, colleague.session).offersToMe).toEqual({ count: 0, lines: [] });
    // The owner may offer again; this time it is accepted.
    const again = d.st.must('intake.offerOwnership', { stayId, toUserId: colleague.id }, d.desk);
    const accepted = d.st.must('intake.answerOwnership', { offerId: again.pendingOffer!.id, accept: true }, colleague.session);
    expect(accepted).toMatchObject({ owner: { id: colleague.id }, pendingOffer: null });
    expect(accepted.events.at(-1)).toMatchObject({ kind: 'ownership_accepted' });
  });
});
