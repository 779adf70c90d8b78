import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStation as openRealStation, type Station } from '../../../electron/station';
import { checkBalances } from '../../../electron/features/stock/balances';
import type { AlertGroup } from '../../../shared/contract/alerts';
import { code, DAY, NOW, PASSWORD, stockStation, type StockStation } from './stock-helpers';

/** The ledger (台账), the campaign budget, stock's alerts and handover sections, and the balances check (issue 11). */
let s: StockStation;
const stations: Station[] = [];
afterEach(() => {
  for (const x of stations.splice(0)) x.close();
  s?.st.close();
});

const shanghai = (y: number, m: number, d: number, h: number, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const at = (ms: number) => s.advance(ms - s.st.clock.now());
const byKey = (groups: AlertGroup[]) => Object.fromEntries(groups.map((g) => [g.key, g]));

describe('the ledger', () => {
  it('shows opening, in and out by kind, and closing, reconciled with the movements; a period’s closing is the next one’s opening', () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 100, { unitPriceFen: 150 }); // 2026-07-20, allocation
    const stay = s.st.must('stock.issueToStay', { stayId: s.stay(), lines: [{ itemId: water, quantity: 10 }] }, s.desk);
    const use = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 5 }] }, s.store);
    s.st.must('stock.reverse', { kind: 'issue', id: use.id, reason: '登记错误' }, s.store); // red ink in station_use
    s.st.must('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: water, quantity: 2 }] }, s.store);
    const gift = s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 12, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    s.st.must('stock.reverse', { kind: 'receipt', id: gift.id, reason: '捐赠方送错了' }, s.store); // red ink in donation
    const t = s.st.must('stock.stocktakeStart', {}, s.store);
    s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: t.lines[0]!.batchId, counted: 87, reason: 'lost' }], found: [{ itemId: water, quantity: 3, expiresOn: '2027-01-01' }] }, s.store);
    s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: { userId: s.leader.id, password: PASSWORD } }, s.store);
    at(shanghai(2026, 7, 31, 23, 59)); // still July on the station's calendar (15:59 UTC)
    s.st.must('stock.receive', { source: 'purchase', supplier: '超市', invoiceNo: 'F1', lines: [{ itemId: water, quantity: 24, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    at(shanghai(2026, 8, 1, 0, 0)); // August
    s.st.must('stock.issue', { destination: 'outreach', outreachRef: '8月1日巡查', lines: [{ itemId: water, quantity: 30 }] }, s.store);

    const july = s.st.must('stock.ledger', { from: '2026-07-01', to: '2026-07-31', itemId: water }, s.store).rows[0]!;
    expect(july).toMatchObject({
      opening: 0,
      in: { purchase: 24, donation: 0, allocation: 100, stocktake: 3 },
      out: { stay: 10, outreach: 0, station_use: 0, write_off: 2, stocktake: 1 },
      closing: 114,
      openingValueFen: 0,
      inValueFen: 15_000 + 2_400,
    });
    const august = s.st.must('stock.ledger', { from: '2026-08-01', to: '2026-08-31', itemId: water }, s.store).rows[0]!;
    expect(august).toMatchObject({ opening: 114, openingValueFen: july.closingValueFen, out: { outreach: 30 }, closing: 84 });
    expect(s.st.must('stock.item', { itemId: water }, s.store).onHand).toBe(84);
    // Day by day, closing meets opening the day after.
    const day20 = s.st.must('stock.ledger', { from: '2026-07-20', to: '2026-07-20', itemId: water }, s.store).rows[0]!;
    const rest = s.st.must('stock.ledger', { from: '2026-07-21', to: '2026-07-31', itemId: water }, s.store).rows[0]!;
    expect([day20.closing, rest.opening, rest.closing]).toEqual([90, 90, 114]);

    const lines = s.st.must('stock.ledgerEntries', { itemId: water, from: '2026-07-01', to: '2026-07-31' }, s.store);
    expect(lines.entries.map((e) => [e.kind, e.column, e.quantity, e.balance])).toEqual([
      ['receipt', 'allocation', 100, 100],
      ['issue', 'stay', -10, 90],
      ['issue', 'station_use', -5, 85],
      ['reversal', 'station_use', 5, 90],
      ['issue', 'write_off', -2, 88],
      ['receipt', 'donation', 12, 100],
      ['reversal', 'donation', -12, 88],
      ['stocktake', 'stocktake', 2, 90],
      ['receipt', 'purchase', 24, 114],
    ]);
    expect(lines.entries[1]!.id).toBe(stay.id);
    expect(lines.closing).toBe(july.closing);
    expect(code(s.st.call('stock.ledger', { from: '2026-07-31', to: '2026-07-30' }, s.store))).toBe('VALIDATION {"to":"v.stock.period"}');
    // The journal: every document of the period, newest first (the 31st's purchase), the 1st of August's issue not in it.
    const journal = s.st.must('stock.journal', { from: '2026-07-20', to: '2026-07-31' }, s.store);
    expect(journal.entries[0]).toMatchObject({ kind: 'receipt', type: 'purchase', quantity: 24, valueFen: 2_400 });
    expect(journal.entries.map((e) => `${e.kind}:${e.type}:${e.reversed}`).sort()).toEqual([
      'issue:station_use:true',
      'issue:stay:false',
      'issue:write_off:false',
      'receipt:allocation:false',
      'receipt:donation:true',
      'receipt:purchase:false',
      'reversal:issue:false',
      'reversal:receipt:false',
      'stocktake::false',
    ]);
    expect(journal.total).toBe(9);
  });
});

describe('the ledger’s items', () => {
  it('are every item kept, of one category or all; an item no longer kept shows while it holds stock or moved in the period', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水' });
    const medicine = s.item({ name: '人丹', category: 'medicine' });
    const retire = (id: number, name: string) => s.st.must('stock.itemSave', { id, name, category: 'equipment', unit: '台', tracksExpiry: false, active: false }, s.store);
    const idle = s.item({ name: '旧风扇', category: 'equipment', unit: '台', tracksExpiry: false });
    const held = s.item({ name: '旧电扇', category: 'equipment', unit: '台', tracksExpiry: false });
    const moved = s.item({ name: '旧台扇', category: 'equipment', unit: '台', tracksExpiry: false });
    s.receive(water, 10);
    s.receive(held, 5, { expiresOn: undefined });
    s.receive(moved, 3, { expiresOn: undefined });
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: moved, quantity: 3 }] }, s.store);
    retire(idle, '旧风扇');
    retire(held, '旧电扇');
    retire(moved, '旧台扇');
    const names = (q: { from: string; to: string; category?: 'medicine'; itemId?: number }) => s.st.must('stock.ledger', q, s.store).rows.map((r) => r.item.name);
    // July: the one that moved and the one that holds stock show; the idle one does not.
    expect(names({ from: '2026-07-01', to: '2026-07-31' })).toEqual(['旧台扇', '旧电扇', '人丹', '矿泉水']);
    // August: nothing moved; the one emptied in July is gone, the one holding stock stays.
    expect(names({ from: '2026-08-01', to: '2026-08-31' })).toEqual(['旧电扇', '人丹', '矿泉水']);
    expect(names({ from: '2026-07-01', to: '2026-07-31', category: 'medicine' })).toEqual(['人丹']);
    // Asked for by name, an item shows whatever it holds.
    expect(names({ from: '2026-08-01', to: '2026-08-31', itemId: idle })).toEqual(['旧风扇']);
    expect(code(s.st.call('stock.ledger', { from: '2026-07-01', to: '2026-07-31', itemId: 999 }, s.store))).toBe('VALIDATION {"itemId":"v.stock.unknownItem"}');
    expect(code(s.st.call('stock.ledgerEntries', { from: '2026-07-01', to: '2026-07-31', itemId: 999 }, s.store))).toBe('VALIDATION {"itemId":"v.stock.unknownItem"}');
    void medicine;
  });
});

describe('the ledger, more', () => {
  it('takes a stocktake’s surplus in at its batch’s cost and its shortage out at its cost', () => {
    s = stockStation();
    const water = s.item();
    const batch = s.receive(water, 10, { unitPriceFen: 150 }).lines[0]!.batchId;
    const count = (counted: number, reason: 'found' | 'lost') => {
      const t = s.st.must('stock.stocktakeStart', {}, s.store);
      s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: batch, counted, reason }] }, s.store);
      s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: { userId: s.leader.id, password: PASSWORD } }, s.store);
    };
    count(12, 'found');
    count(11, 'lost');
    const july = s.st.must('stock.ledger', { from: '2026-07-01', to: '2026-07-31', itemId: water }, s.store).rows[0]!;
    expect(july).toMatchObject({ in: { allocation: 10, stocktake: 2 }, out: { stocktake: 1 }, closing: 11, inValueFen: 1_500 + 300, outValueFen: 150, closingValueFen: 1_650 });
  });

  it('shows an item no longer kept that took stock in, or had an issue reversed, in the period, though it held none at its start', () => {
    s = stockStation();
    const fan = s.item({ name: '旧风扇', category: 'equipment', unit: '台', tracksExpiry: false });
    const mat = s.item({ name: '旧凉席', category: 'bedding', unit: '张', tracksExpiry: false });
    const retire = (id: number, name: string, category: 'equipment' | 'bedding', unit: string) => s.st.must('stock.itemSave', { id, name, category, unit, tracksExpiry: false, active: false }, s.store);
    s.receive(mat, 2, { expiresOn: undefined });
    const used = s.st.must('stock.issue', { destination: 'station_use', department: '宿舍', lines: [{ itemId: mat, quantity: 2 }] }, s.store);
    at(shanghai(2026, 8, 1, 9));
    s.receive(fan, 3, { expiresOn: undefined }); // came in during August
    s.st.must('stock.reverse', { kind: 'issue', id: used.id, reason: '登记错误' }, s.store); // July's issue back in August
    retire(fan, '旧风扇', 'equipment', '台');
    retire(mat, '旧凉席', 'bedding', '张');
    const august = s.st.must('stock.ledger', { from: '2026-08-01', to: '2026-08-31' }, s.store).rows;
    expect(august.map((r) => [r.item.name, r.opening, r.closing])).toEqual([
      ['旧凉席', 0, 2],
      ['旧风扇', 0, 3],
    ]);
    expect(august[0]!.out.station_use).toBe(-2); // red ink in its column
    // September: both hold stock from the start, and show for it.
    expect(s.st.must('stock.ledger', { from: '2026-09-01', to: '2026-09-30' }, s.store).rows.map((r) => r.item.name)).toEqual(['旧凉席', '旧风扇']);
  });
});

describe('the campaign budget', () => {
  it('charges each purchase to a category, warns from 90 % and refuses to go over until the storekeeper confirms', () => {
    s = stockStation();
    const medicine = s.item({ category: 'medicine' });
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 50_000, medicine: 10_000, food: 0, clothing: 0, other: 0 } }, s.st.adminSession);
    expect(fund).toMatchObject({ budgetFen: 60_000, spentFen: 0 });
    const buy = (fen: number, confirmOverBudget = false) =>
      s.st.call('stock.receive', { source: 'purchase', supplier: '药店', invoiceNo: `F${fen}`, charge: { fundId: fund.id, category: 'medicine' }, confirmOverBudget, lines: [{ itemId: medicine, quantity: 1, unitPriceFen: fen, expiresOn: '2027-01-01' }] }, s.store);
    const state = () => s.st.must('stock.budget', {}, s.store)[0]!.categories.find((c) => c.category === 'medicine')!;
    buy(8_990);
    expect(state()).toMatchObject({ spentFen: 8_990, permille: 899, state: 'ok' });
    expect(byKey(s.st.must('alerts.list', {}, s.store))['stock.budget']).toBeUndefined();
    buy(10);
    expect(state()).toMatchObject({ permille: 900, state: 'warning' });
    expect(byKey(s.st.must('alerts.list', {}, s.store))['stock.budget']).toMatchObject({ count: 1, lines: [{ entity: 'stock_fund', id: fund.id, detail: 'medicine:900' }] });
    expect(code(buy(1_000))).toBe('ok'); // exactly the budget: still a warning, not exceeded
    expect(state()).toMatchObject({ spentFen: 10_000, remainingFen: 0, permille: 1000, state: 'warning' });
    const over = buy(1);
    expect(code(over)).toBe('CONFLICT {"confirmOverBudget":"v.stock.overBudget"}');
    expect(!over.ok && over.error.detail).toEqual({ budgetFen: 10_000, spentFen: 10_000, afterFen: 10_001 });
    expect(code(buy(1, true))).toBe('ok');
    expect(state()).toMatchObject({ spentFen: 10_001, remainingFen: -1, state: 'exceeded' });
    // A purchased service is charged directly; only purchases charge the fund.
    expect(s.st.must('stock.fundCharge', { fundId: fund.id, category: 'services', amountFen: 12_000, description: '租用巡查车辆' }, s.store).spentFen).toBe(22_001);
    expect(code(s.st.call('stock.receive', { source: 'donation', donor: '企业', charge: { fundId: fund.id, category: 'food' }, lines: [{ itemId: medicine, quantity: 1, expiresOn: '2027-01-01' }] }, s.store))).toBe(
      'VALIDATION {"charge":"v.stock.chargePurchaseOnly"}',
    );
    expect(code(s.st.call('stock.fundCharge', { fundId: 99, category: 'services', amountFen: 1, description: 'x' }, s.store))).toBe('VALIDATION {"fundId":"v.stock.unknownFund"}');
    expect(code(s.st.call('stock.fundSave', { name: '夏季', startsOn: '2026-09-01', endsOn: '2026-08-31', budgets: { services: 0, medicine: 0, food: 0, clothing: 0, other: 0 } }, s.st.adminSession))).toBe(
      'VALIDATION {"endsOn":"v.stock.period"}',
    );
  });
});

describe('the campaign fund', () => {
  it('is known by its name, one fund to a name; saving it again changes its period and budgets, and what was charged stays', () => {
    s = stockStation();
    const budgets = { services: 50_000, medicine: 10_000, food: 0, clothing: 0, other: 0 };
    const summer = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets }, s.st.adminSession);
    expect(summer).toMatchObject({ name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgetFen: 60_000 });
    s.st.must('stock.fundCharge', { fundId: summer.id, category: 'services', amountFen: 12_000, description: '租用巡查车辆', invoiceNo: 'F9' }, s.store);
    expect(code(s.st.call('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-10-01', endsOn: '2026-12-31', budgets }, s.st.adminSession))).toBe('VALIDATION {"name":"v.stock.fundNameTaken"}');
    expect(code(s.st.call('stock.fundSave', { id: summer.id + 1, name: '冬季送温暖', startsOn: '2026-10-01', endsOn: '2026-12-31', budgets }, s.st.adminSession))).toBe('NOT_FOUND {}');
    // Saved again under its own name: its period and budgets change, its charges stay.
    const longer = s.st.must('stock.fundSave', { id: summer.id, name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-10-15', budgets: { ...budgets, food: 5_000 } }, s.st.adminSession);
    expect(longer).toMatchObject({ id: summer.id, endsOn: '2026-10-15', budgetFen: 65_000, spentFen: 12_000 });
    expect(longer.categories.find((c) => c.category === 'food')).toMatchObject({ budgetFen: 5_000, spentFen: 0, remainingFen: 5_000, state: 'ok' });
    // Renamed, its old name is free for another fund. The newest period comes first.
    s.st.must('stock.fundSave', { id: summer.id, name: '2026夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-10-15', budgets }, s.st.adminSession);
    const winter = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-11-01', endsOn: '2027-02-28', budgets }, s.st.adminSession);
    expect(s.st.must('stock.budget', {}, s.store).map((f) => [f.id, f.name])).toEqual([
      [winter.id, '夏季送清凉'],
      [summer.id, '2026夏季送清凉'],
    ]);
    expect(s.st.must('stock.fundCharges', { fundId: summer.id }, s.store).charges).toEqual([
      { id: expect.any(Number), category: 'services', amountFen: 12_000, description: '租用巡查车辆', invoiceNo: 'F9', receiptId: null, at: NOW, by: { id: s.st.must('auth.session', {}, s.store).user.id, displayName: 'store' }, reverses: null, reversedBy: null, reversal: null },
    ]);
  });

  it('is charged by a purchase at its price, at the receipt’s fund field; a purchase that cost nothing charges nothing', () => {
    s = stockStation();
    const water = s.item();
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 0, medicine: 0, food: 10_000, clothing: 0, other: 0 } }, s.st.adminSession);
    const buy = (fundId: number, unitPriceFen: number) =>
      s.st.call('stock.receive', { source: 'purchase', supplier: '超市', invoiceNo: 'F1', charge: { fundId, category: 'food' }, lines: [{ itemId: water, quantity: 10, unitPriceFen, expiresOn: '2027-01-01' }] }, s.store);
    expect(code(buy(fund.id + 1, 100))).toBe('VALIDATION {"charge.fundId":"v.stock.unknownFund"}');
    const free = buy(fund.id, 0);
    expect(free.ok && free.value.charge).toMatchObject({ fundId: fund.id });
    expect(s.st.must('stock.fundCharges', { fundId: fund.id }, s.store)).toEqual({ total: 0, charges: [] });
    const paid = buy(fund.id, 100);
    expect(s.st.must('stock.fundCharges', { fundId: fund.id }, s.store).charges).toMatchObject([{ category: 'food', amountFen: 1_000, receiptId: paid.ok && paid.value.id, description: null, invoiceNo: null }]);
  });
});

describe('a fund charge reversed (红冲)', () => {
  it('gives the money back to its category, keeps both entries pointing at each other, and is done once, never for a purchase’s charge', () => {
    s = stockStation();
    const water = s.item();
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 50_000, medicine: 0, food: 10_000, clothing: 0, other: 0 } }, s.st.adminSession);
    const van = () => s.st.must('stock.fundCharge', { fundId: fund.id, category: 'services', amountFen: 12_000, description: '租用巡查车辆', invoiceNo: 'F9' }, s.store);
    van();
    van(); // the same van entered twice
    const bought = s.st.must('stock.receive', { source: 'purchase', supplier: '超市', invoiceNo: 'F1', charge: { fundId: fund.id, category: 'food' }, lines: [{ itemId: water, quantity: 10, unitPriceFen: 200, expiresOn: '2027-01-01' }] }, s.store);
    const services = () => s.st.must('stock.budget', {}, s.store)[0]!.categories.find((c) => c.category === 'services')!;
    expect(services()).toMatchObject({ spentFen: 24_000, remainingFen: 26_000 });
    let page = s.st.must('stock.fundCharges', { fundId: fund.id }, s.store);
    expect(page.charges.map((c) => [c.category, c.amountFen, c.receiptId, c.reversedBy])).toEqual([
      ['food', 2_000, bought.id, null],
      ['services', 12_000, null, null],
      ['services', 12_000, null, null],
    ]);
    const [ofReceipt, twice] = page.charges;

    s.advance(60_000);
    const { reversalId } = s.st.must('stock.reverse', { kind: 'charge', id: twice!.id, reason: '重复登记' }, s.store);
    expect(services()).toMatchObject({ spentFen: 12_000, remainingFen: 38_000 });
    page = s.st.must('stock.fundCharges', { fundId: fund.id }, s.store);
    expect(page.total).toBe(4);
    const [cancelling, ...rest] = page.charges;
    const original = rest.find((c) => c.id === twice!.id)!;
    expect(cancelling).toMatchObject({ category: 'services', amountFen: -12_000, reverses: twice!.id, reversedBy: null, reversal: { id: reversalId, reason: '重复登记' } });
    expect(original).toMatchObject({ amountFen: 12_000, reverses: null, reversedBy: cancelling!.id, reversal: { id: reversalId, reason: '重复登记', at: cancelling!.at } });
    expect(rest.filter((c) => c.id !== twice!.id).map((c) => c.reversal)).toEqual([null, null]);
    // The journal still lists the charge, marked, and the reversal beside it.
    expect(s.st.must('stock.journal', { kind: 'charge' }, s.store).entries.map((e) => [e.id, e.reversed])).toEqual([[twice!.id, true], [twice!.id - 1, false]]);

    expect(code(s.st.call('stock.reverse', { kind: 'charge', id: twice!.id, reason: '再来一次' }, s.store))).toBe('CONFLICT {"id":"v.stock.alreadyReversed"}');
    expect(code(s.st.call('stock.reverse', { kind: 'charge', id: cancelling!.id, reason: '冲销红冲' }, s.store))).toBe('CONFLICT {"id":"v.stock.chargeOfReceipt"}');
    expect(code(s.st.call('stock.reverse', { kind: 'charge', id: ofReceipt!.id, reason: '退货' }, s.store))).toBe('CONFLICT {"id":"v.stock.chargeOfReceipt"}');
    expect(code(s.st.call('stock.reverse', { kind: 'charge', id: 999, reason: 'x' }, s.store))).toBe('NOT_FOUND {}');
    expect(code(s.st.call('stock.reverse', { kind: 'charge', id: twice!.id - 1, reason: '   ' }, s.store))).toBe('VALIDATION {"reason":"v.required"}');
    expect(services().spentFen).toBe(12_000);

    // A purchase's charge goes back with its receipt, and says so.
    s.st.must('stock.reverse', { kind: 'receipt', id: bought.id, reason: '供应商送错货' }, s.store);
    page = s.st.must('stock.fundCharges', { fundId: fund.id }, s.store);
    expect(page.charges[0]).toMatchObject({ category: 'food', amountFen: -2_000, receiptId: bought.id, reverses: ofReceipt!.id, reversal: { reason: '供应商送错货' } });
    expect(page.charges.find((c) => c.id === ofReceipt!.id)).toMatchObject({ reversedBy: page.charges[0]!.id });
    // Pages, and an unknown fund.
    expect(s.st.must('stock.fundCharges', { fundId: fund.id, limit: 2, offset: 4 }, s.store)).toMatchObject({ total: 5, charges: [{ id: twice!.id - 1 }] });
    expect(code(s.st.call('stock.fundCharges', { fundId: fund.id + 1 }, s.store))).toBe('NOT_FOUND {}');
  });
});

describe('stock’s alerts and handover sections', () => {
  it('show expired stock on hand, stock expiring within the setting’s days, and items below their minimum, to stock readers', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水', minLevel: 10 });
    const medicine = s.item({ name: '人丹', category: 'medicine' });
    s.receive(water, 10, { expiresOn: '2026-08-19' }); // today + 30
    s.receive(medicine, 4, { expiresOn: '2026-08-20' }); // today + 31
    s.receive(medicine, 6, { expiresOn: '2026-07-19' }); // expired yesterday
    let groups = byKey(s.st.must('alerts.list', {}, s.desk));
    expect(groups['stock.expired']).toMatchObject({ urgency: 'urgent', count: 1, lines: [{ entity: 'stock_item', id: medicine, name: '人丹', detail: '6:2026-07-19' }] });
    expect(groups['stock.expiring']).toMatchObject({ urgency: 'notice', count: 1, lines: [{ id: water, detail: '10:2026-08-19' }] });
    expect(groups['stock.belowMinimum']).toBeUndefined(); // 10 of a minimum of 10
    s.st.must('stock.issueToStay', { stayId: s.stay(), lines: [{ itemId: water, quantity: 1 }] }, s.desk);
    s.st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, stockExpiringDays: 31 }, s.st.adminSession);
    groups = byKey(s.st.must('alerts.list', {}, s.desk));
    expect(groups['stock.belowMinimum']).toMatchObject({ urgency: 'warning', lines: [{ id: water, detail: '9:10' }] });
    expect(groups['stock.expiring']!.lines.map((l) => l.detail)).toEqual(['9:2026-08-19', '4:2026-08-20']);
    // An inspector reads no stock.
    const inspector = s.st.userWith(['inspector'], 'inspector');
    expect(s.st.must('alerts.list', {}, inspector).filter((g) => g.feature === 'stock')).toEqual([]);
  });

  it('hand over what moved during the shift and the supply alerts', async () => {
    s = stockStation();
    const { compileSections } = await import('../../../electron/features/alerts/registry');
    const HANDOVER_SECTIONS = (await import('../../../electron/features')).FEATURE_REGISTRY.handoverSections;
    const { readSettings } = await import('../../../electron/features/settings/service');
    const water = s.item({ minLevel: 100 });
    s.receive(water, 50);
    s.st.must('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: water, quantity: 1 }] }, s.store);
    const settings = readSettings(s.st.core.db);
    const sections = compileSections(HANDOVER_SECTIONS, { db: s.st.core.db, now: NOW, today: '2026-07-20', settings, actorId: null }, { from: NOW - 8 * 3_600_000, to: NOW });
    const stock = Object.fromEntries(sections.filter((x) => x.feature === 'stock').map((x) => [x.key, x]));
    expect(stock['stock.shift']!.figures).toEqual([
      { key: 'receipts', value: 1 },
      { key: 'issues', value: 0 },
      { key: 'writeOffs', value: 1 },
    ]);
    expect(stock['stock.supplyAlerts']).toMatchObject({
      figures: [
        { key: 'balancesMismatch', value: 0 },
        { key: 'expired', value: 0 },
        { key: 'belowMinimum', value: 1 },
        { key: 'budget', value: 0 },
        { key: 'expiring', value: 0 },
      ],
      lines: [{ id: water, detail: '49:100' }],
    });
  });
});

describe('stock’s alerts, at their edges', () => {
  const fundAt = (name: string, startsOn: string, endsOn: string) => {
    const f = s.st.must('stock.fundSave', { name, startsOn, endsOn, budgets: { services: 1_000, medicine: 0, food: 0, clothing: 0, other: 0 } }, s.st.adminSession);
    s.st.must('stock.fundCharge', { fundId: f.id, category: 'services', amountFen: 950, description: '租用巡查车辆' }, s.store);
    return f.id;
  };
  const budgetLines = () => (byKey(s.st.must('alerts.list', {}, s.store))['stock.budget']?.lines ?? []).map((l) => l.id);

  it('warn of a campaign fund near its budget only within its dates: never before it starts, never after it ends', () => {
    s = stockStation(); // today is 2026-07-20
    const tomorrow = fundAt('秋季送清凉', '2026-07-21', '2026-09-30');
    const endedYesterday = fundAt('春季送温暖', '2026-06-01', '2026-07-19');
    const todayOnly = fundAt('高温日', '2026-07-20', '2026-07-20');
    expect(budgetLines()).toEqual([todayOnly]);
    s.advance(DAY); // 2026-07-21: the one-day fund has ended, the autumn one begins on its first day
    expect(budgetLines()).toEqual([tomorrow]);
    void endedYesterday;
  });

  it('count a batch as expired from the day after its expiry: expiring today is expiring, not expired; within N days counts N, not N + 1', () => {
    s = stockStation(); // today is 2026-07-20, the setting's default 30 days
    const water = s.item({ name: '矿泉水' });
    const medicine = s.item({ name: '人丹', category: 'medicine' });
    s.receive(water, 3, { expiresOn: '2026-07-20' }); // today
    s.receive(water, 5, { expiresOn: '2026-07-19' }); // yesterday
    s.receive(medicine, 2, { expiresOn: '2026-08-19' }); // today + 30
    s.receive(medicine, 4, { expiresOn: '2026-08-20' }); // today + 31
    const emptied = s.receive(medicine, 1, { expiresOn: '2026-07-25' }).lines[0]!.batchId;
    s.st.must('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: medicine, quantity: 1, batchId: emptied }] }, s.store);
    const line = (id: number, name: string, detail: string) => ({ entity: 'stock_item', id, name, description: null, owner: null, detail, at: null });
    let groups = byKey(s.st.must('alerts.list', {}, s.store));
    expect(groups['stock.expired']).toEqual({ key: 'stock.expired', feature: 'stock', urgency: 'urgent', count: 1, lines: [line(water, '矿泉水', '5:2026-07-19')] });
    expect(groups['stock.expiring']).toEqual({ key: 'stock.expiring', feature: 'stock', urgency: 'notice', count: 2, lines: [line(water, '矿泉水', '3:2026-07-20'), line(medicine, '人丹', '2:2026-08-19')] });
    // The setting at 29 days: the 30th day is no longer within it.
    s.st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, stockExpiringDays: 29 }, s.st.adminSession);
    groups = byKey(s.st.must('alerts.list', {}, s.store));
    expect(groups['stock.expiring']!.lines.map((l) => l.detail)).toEqual(['3:2026-07-20']);
    // A day later, what expired today is expired.
    s.advance(DAY);
    groups = byKey(s.st.must('alerts.list', {}, s.store));
    expect(groups['stock.expired']!.lines.map((l) => l.detail)).toEqual(['5:2026-07-19', '3:2026-07-20']);
  });

  it('name each item kept below its minimum (usable:minimum), the one at its minimum not, under their own keys and feature', () => {
    s = stockStation();
    const at = s.item({ name: '矿泉水', minLevel: 10 });
    const below = s.item({ name: '人丹', category: 'medicine', minLevel: 10 });
    s.receive(at, 10);
    s.receive(below, 9);
    const retired = s.item({ name: '旧风扇', category: 'equipment', unit: '台', tracksExpiry: false });
    s.st.must('stock.itemSave', { id: retired, name: '旧风扇', category: 'equipment', unit: '台', tracksExpiry: false, minLevel: 10, active: false }, s.store); // no longer kept: no minimum to keep
    const fund = fundAt('夏季送清凉', '2026-06-01', '2026-09-30');
    const groups = s.st.must('alerts.list', {}, s.store).filter((g) => g.feature === 'stock');
    expect(groups.map((g) => [g.key, g.feature, g.urgency, g.count])).toEqual([
      ['stock.belowMinimum', 'stock', 'warning', 1],
      ['stock.budget', 'stock', 'warning', 1],
    ]);
    expect(groups[0]!.lines).toEqual([{ entity: 'stock_item', id: below, name: '人丹', description: null, owner: null, detail: '9:10', at: null }]);
    expect(groups[1]!.lines).toEqual([{ entity: 'stock_fund', id: fund, name: '夏季送清凉', description: null, owner: null, detail: 'services:950', at: null }]);
  });

  it('give one line to an item whose balances disagree, saying how many of its batches do, an item no longer kept by its name too', async () => {
    s = stockStation();
    const { recordCheck } = await import('../../../electron/features/stock/balances');
    const water = s.item({ name: '矿泉水' });
    const fan = s.item({ name: '旧风扇', category: 'equipment', unit: '台', tracksExpiry: false });
    const first = s.receive(water, 10).lines[0]!.batchId;
    const second = s.receive(water, 10, { expiresOn: '2027-08-01' }).lines[0]!.batchId;
    s.receive(fan, 2, { expiresOn: undefined });
    s.st.must('stock.itemSave', { id: fan, name: '旧风扇', category: 'equipment', unit: '台', tracksExpiry: false, active: false }, s.store);
    const db = s.st.core.db;
    db.prepare('UPDATE stock_balances SET quantity = quantity + 1 WHERE batch_id IN (?, ?)').run(first, second);
    db.prepare('UPDATE stock_item_balances SET quantity = quantity + 1').run();
    recordCheck(db, checkBalances(db, NOW));
    const mismatch = byKey(s.st.must('alerts.list', {}, s.desk))['stock.balancesMismatch'];
    expect(mismatch).toEqual({
      key: 'stock.balancesMismatch',
      feature: 'stock',
      urgency: 'urgent',
      count: 2,
      lines: [
        { entity: 'stock_item', id: water, name: '矿泉水', description: null, owner: null, detail: '2', at: null },
        { entity: 'stock_item', id: fan, name: '旧风扇', description: null, owner: null, detail: '0', at: null },
      ],
    });
  });

  it('hand over the shift’s receipts, issues and write-offs within its window, and the supply alerts expired first, then below minimum, then expiring', async () => {
    s = stockStation();
    const { compileSections } = await import('../../../electron/features/alerts/registry');
    const HANDOVER_SECTIONS = (await import('../../../electron/features')).FEATURE_REGISTRY.handoverSections;
    const { readSettings } = await import('../../../electron/features/settings/service');
    const water = s.item({ name: '矿泉水', minLevel: 100 });
    const medicine = s.item({ name: '人丹', category: 'medicine' });
    const at = s.item({ name: '清凉油', category: 'medicine', minLevel: 5 });
    s.receive(medicine, 4, { expiresOn: '2026-08-01' }); // before the shift began
    s.advance(1); // a millisecond later the shift begins, and what happens at its first millisecond is in it
    const from = s.st.clock.now();
    s.receive(water, 50);
    s.receive(medicine, 6, { expiresOn: '2026-07-19' });
    s.receive(at, 5);
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 2 }] }, s.store);
    s.st.must('stock.issueToStay', { stayId: s.stay(), lines: [{ itemId: water, quantity: 1 }] }, s.desk);
    s.st.must('stock.issue', { destination: 'write_off', reason: 'expired', lines: [{ itemId: medicine, quantity: 1 }] }, s.store); // the expired batch goes first
    s.advance(60_000);
    const to = s.st.clock.now();
    s.advance(1);
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, s.store); // after it was compiled
    const settings = readSettings(s.st.core.db);
    const sections = compileSections(HANDOVER_SECTIONS, { db: s.st.core.db, now: to, today: '2026-07-20', settings, actorId: null }, { from, to }).filter((x) => x.feature === 'stock');
    expect(sections.map((x) => [x.key, x.feature])).toEqual([
      ['stock.shift', 'stock'],
      ['stock.supplyAlerts', 'stock'],
    ]);
    expect(sections[0]).toEqual({ key: 'stock.shift', feature: 'stock', lines: [], figures: [{ key: 'receipts', value: 3 }, { key: 'issues', value: 2 }, { key: 'writeOffs', value: 1 }] });
    expect(sections[1]!.figures).toEqual([
      { key: 'balancesMismatch', value: 0 },
      { key: 'expired', value: 1 },
      { key: 'belowMinimum', value: 1 },
      { key: 'budget', value: 0 },
      { key: 'expiring', value: 1 },
    ]);
    expect(sections[1]!.lines.map((l) => [l.id, l.detail])).toEqual([
      [medicine, '5:2026-07-19'],
      [water, '46:100'],
      [medicine, '4:2026-08-01'],
    ]);
  });
});

describe('the handover’s supply alerts', () => {
  it('name every stock alert the board shows, most urgent first: balances that disagree, expired, below minimum, a budget near its limit, expiring', async () => {
    s = stockStation();
    const { compileSections } = await import('../../../electron/features/alerts/registry');
    const HANDOVER_SECTIONS = (await import('../../../electron/features')).FEATURE_REGISTRY.handoverSections;
    const { readSettings } = await import('../../../electron/features/settings/service');
    const { recordCheck } = await import('../../../electron/features/stock/balances');
    const water = s.item({ name: '矿泉水', minLevel: 100 });
    const medicine = s.item({ name: '人丹', category: 'medicine' });
    s.receive(water, 50, { expiresOn: '2026-08-01' });
    s.receive(medicine, 6, { expiresOn: '2026-07-19' });
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 1_000, medicine: 0, food: 0, clothing: 0, other: 0 } }, s.st.adminSession);
    s.st.must('stock.fundCharge', { fundId: fund.id, category: 'services', amountFen: 950, description: '租用巡查车辆' }, s.store);
    const db = s.st.core.db;
    db.prepare('UPDATE stock_item_balances SET quantity = quantity + 1 WHERE item_id = ?').run(medicine);
    recordCheck(db, checkBalances(db, NOW));
    const board = byKey(s.st.must('alerts.list', {}, s.store));
    const settings = readSettings(db);
    const section = compileSections(HANDOVER_SECTIONS, { db, now: NOW, today: '2026-07-20', settings, actorId: null }, { from: NOW - 3_600_000, to: NOW }).find(
      (x) => x.key === 'stock.supplyAlerts',
    )!;
    expect(section.lines.map((l) => [l.entity, l.id, l.detail])).toEqual([
      ['stock_item', medicine, '0'],
      ['stock_item', medicine, '6:2026-07-19'],
      ['stock_item', water, '50:100'],
      ['stock_fund', fund.id, 'services:950'],
      ['stock_item', water, '50:2026-08-01'],
    ]);
    // The same lines as the board's groups, in the board's order of urgency.
    const groups = ['stock.balancesMismatch', 'stock.expired', 'stock.belowMinimum', 'stock.budget', 'stock.expiring'];
    expect(section.lines).toEqual(groups.flatMap((g) => board[g]!.lines));
    expect(section.figures).toEqual([
      { key: 'balancesMismatch', value: 1 },
      { key: 'expired', value: 1 },
      { key: 'belowMinimum', value: 1 },
      { key: 'budget', value: 1 },
      { key: 'expiring', value: 1 },
    ]);
  });
});

describe('the balances', () => {
  it('equal the sum of their movements, and the check names each batch and item that does not', () => {
    s = stockStation();
    const water = s.item();
    const batch = s.receive(water, 20).lines[0]!.batchId;
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 5 }] }, s.store);
    expect(checkBalances(s.st.core.db, 0)).toMatchObject({ ok: true, mismatches: [] });
    expect(s.st.must('stock.balancesCheck', {}, s.store)).toBeNull(); // no check has run on this connection yet
    s.st.core.db.prepare('UPDATE stock_balances SET quantity = 16 WHERE batch_id = ?').run(batch);
    s.st.core.db.prepare('UPDATE stock_item_balances SET quantity = 14 WHERE item_id = ?').run(water);
    s.st.core.db.prepare("UPDATE stock_month_totals SET lost = -4 WHERE kind = 'station_use'").run();
    expect(checkBalances(s.st.core.db, NOW)).toMatchObject({ ok: false, checkedAt: NOW });
    expect(checkBalances(s.st.core.db, 0).mismatches).toEqual([
      { itemId: water, batchId: null, month: null, kind: null, recorded: 14, fromMovements: 15 },
      { itemId: water, batchId: null, month: '2026-07', kind: 'station_use', recorded: -4, fromMovements: -5 },
      { itemId: water, batchId: batch, month: null, kind: null, recorded: 16, fromMovements: 15 },
    ]);
    // Without the movements' trigger, a receipt would leave its balance behind: the check is what finds it.
    s.st.core.db.exec('DROP TRIGGER stock_movements_balance');
    s.receive(water, 3);
    expect(checkBalances(s.st.core.db, 0).mismatches).toHaveLength(5);
    const rebuilt = s.st.must('stock.balancesRebuild', {}, s.store);
    expect(rebuilt).toMatchObject({ ok: true, mismatches: [] });
    expect(s.st.must('stock.balancesCheck', {}, s.store)).toEqual(rebuilt);
    expect(s.st.must('stock.item', { itemId: water }, s.store).onHand).toBe(18);
    expect(s.st.must('stock.ledger', { from: '2026-07-01', to: '2026-07-31', itemId: water }, s.store).rows[0]).toMatchObject({ in: { allocation: 23 }, out: { station_use: 5 }, closing: 18 });
    const audit = JSON.parse(s.st.core.db.prepare("SELECT before FROM audit_log WHERE procedure = 'stock.balancesRebuild'").pluck().get() as string);
    expect(audit.mismatches).toHaveLength(5);
  });

  it('are checked at start-up: a mismatch is logged and alerted, and holds stock (not the station), saying how many differ, until rebuilt', async () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水' });
    s.receive(water, 20);
    const dir = s.st.dir;
    s.st.core.db.prepare('UPDATE stock_item_balances SET quantity = 25').run();
    s.st.core.close();
    const lines: string[] = [];
    const station = openRealStation({ dataDir: dir, clock: () => NOW, logger: { info: (m) => lines.push(`info ${m}`), error: (m) => lines.push(`error ${m}`) } });
    stations.push(station);
    await station.checked;
    expect(lines).toContain('error stock balances do not match the movements; stock is held until they are rebuilt');
    const login = (username: string) => {
      const r = station.dispatch('auth.login', { username, password: PASSWORD }, {});
      if (!r.ok) throw new Error(JSON.stringify(r));
      return (r.value as { sessionId: string }).sessionId;
    };
    const store = login('store');
    const desk = login('desk');
    const alerts = station.dispatch('alerts.list', {}, { sessionId: desk });
    expect(alerts.ok && byKey(alerts.value as AlertGroup[])['stock.balancesMismatch']).toMatchObject({ urgency: 'urgent', lines: [{ id: water, name: '矿泉水', detail: '0' }] });
    const held = station.dispatch('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, { sessionId: store });
    expect(held.ok ? 'ok' : held.error.code).toBe('CONFLICT');
    expect(!held.ok && held.error.detail).toEqual({ mismatches: 1 }); // how many balances differ: the one item's
    // Intake goes on.
    expect(station.dispatch('intake.register', { person: { name: '张三', sex: 'male' }, channel: 'walk_in', arrivedAt: NOW }, { sessionId: desk }).ok).toBe(true);
    expect(station.dispatch('stock.balancesRebuild', {}, { sessionId: store }).ok).toBe(true);
    expect(station.dispatch('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, { sessionId: store }).ok).toBe(true);
    expect((station.dispatch('alerts.list', {}, { sessionId: desk }) as { value: AlertGroup[] }).value.map((g) => g.key)).not.toContain('stock.balancesMismatch');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('pass the start-up check quietly when they match', async () => {
    s = stockStation();
    s.receive(s.item(), 20);
    const dir = s.st.dir;
    s.st.core.close();
    const lines: string[] = [];
    const station = openRealStation({ dataDir: dir, clock: () => NOW + DAY, logger: { info: (m) => lines.push(`info ${m}`), error: (m) => lines.push(`error ${m}`) } });
    stations.push(station);
    await station.checked;
    expect(lines.filter((l) => l.includes('stock'))).toEqual(['info stock balances match the movements']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
