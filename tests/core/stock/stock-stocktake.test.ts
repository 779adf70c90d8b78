import { afterEach, describe, expect, it } from 'vitest';
import { checkBalances } from '../../../electron/features/stock/balances';
import { code, PASSWORD, stockStation, type StockStation } from './stock-helpers';

/**
 * Stocktake (盘点, issue 11): the expected count of every batch is recorded at the start; each count is compared with
 * the book balance when it is entered (movements go on during a count); each difference needs a reason; an admin or
 * duty leader approves, and the differences are posted as adjustment movements.
 */
let s: StockStation;
afterEach(() => s?.st.close());

const approver = () => ({ userId: s.leader.id, password: PASSWORD });
const onHand = (itemId: number) => s.st.must('stock.item', { itemId }, s.store).onHand;

function twoItems() {
  s = stockStation();
  const water = s.item({ name: '矿泉水' });
  const medicine = s.item({ name: '藿香正气水', category: 'medicine' });
  const w1 = s.receive(water, 100, { expiresOn: '2026-09-01' }).lines[0]!.batchId;
  const w2 = s.receive(water, 50, { expiresOn: '2026-10-01' }).lines[0]!.batchId;
  const m1 = s.receive(medicine, 30, { expiresOn: '2027-01-01' }).lines[0]!.batchId;
  return { water, medicine, w1, w2, m1 };
}

describe('a stocktake', () => {
  it('records the expected count of every batch on hand when it starts (of one category, or all), one at a time', () => {
    const { w1, w2, m1 } = twoItems();
    const t = s.st.must('stock.stocktakeStart', { category: 'water' }, s.store);
    expect(t.lines.map((l) => [l.batchId, l.expected, l.counted])).toEqual([
      [w1, 100, null],
      [w2, 50, null],
    ]);
    expect(code(s.st.call('stock.stocktakeStart', {}, s.store))).toBe('CONFLICT {"category":"v.stock.stocktakeOpen"}');
    expect(code(s.st.call('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: m1, counted: 30 }] }, s.store))).toBe(
      'VALIDATION {"counts.0.batchId":"v.stock.outOfScope"}',
    );
    s.st.must('stock.stocktakeCancel', { stocktakeId: t.id, reason: '改为全盘' }, s.store);
    expect(s.st.must('stock.stocktakeStart', {}, s.store).lines.map((l) => l.batchId).sort()).toEqual([w1, w2, m1].sort());
  });

  it('needs a reason for each difference, one that fits its direction, and none for a count that agrees', () => {
    const { w1, w2 } = twoItems();
    const t = s.st.must('stock.stocktakeStart', { category: 'water' }, s.store);
    const count = (counted: number, reason?: 'lost' | 'found' | 'counting_error' | 'expired' | 'damaged') =>
      s.st.call('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted, ...(reason ? { reason } : {}) }] }, s.store);
    expect(code(count(98))).toBe('VALIDATION {"counts.0.reason":"v.stock.reasonRequired"}');
    expect(code(count(98, 'found'))).toBe('VALIDATION {"counts.0.reason":"v.stock.reasonDirection"}');
    expect(code(count(101, 'lost'))).toBe('VALIDATION {"counts.0.reason":"v.stock.reasonDirection"}');
    expect(code(count(101, 'counting_error'))).toBe('ok');
    // A surplus is found or miscounted, never damaged or expired; a shortage is lost, damaged, expired or miscounted.
    expect(code(count(101, 'damaged'))).toBe('VALIDATION {"counts.0.reason":"v.stock.reasonDirection"}');
    expect(code(count(101, 'expired'))).toBe('VALIDATION {"counts.0.reason":"v.stock.reasonDirection"}');
    expect(code(count(101, 'found'))).toBe('ok');
    for (const reason of ['damaged', 'expired', 'counting_error'] as const) expect(code(count(98, reason)), reason).toBe('ok');
    expect(code(count(98, 'lost'))).toBe('ok'); // counted again: the new count replaces the old one
    const view = s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w2, counted: 50, reason: 'lost' }] }, s.store);
    expect(view.lines.map((l) => [l.counted, l.difference, l.reason])).toEqual([
      [98, -2, 'lost'],
      [50, 0, null],
    ]);
  });

  it('is approved only when every batch is counted, by an admin or duty leader, and posts its differences', () => {
    const { water, w1, w2 } = twoItems();
    const t = s.st.must('stock.stocktakeStart', { category: 'water' }, s.store);
    s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted: 98, reason: 'lost' }] }, s.store);
    const uncounted = s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(code(uncounted)).toBe('CONFLICT {"stocktakeId":"v.stock.uncounted"}');
    expect(!uncounted.ok && uncounted.error.detail).toEqual({ uncounted: 1, batchIds: [w2] });
    s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w2, counted: 51, reason: 'found' }] }, s.store);
    expect(code(s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: { userId: s.colleague.id, password: PASSWORD } }, s.store))).toBe(
      'VALIDATION {"approver.userId":"v.stock.approverRole"}',
    );
    expect(code(s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: { userId: 999, password: PASSWORD } }, s.store))).toBe(
      'VALIDATION {"approver.userId":"v.witnessUnknown"}',
    );
    // Four eyes: a storekeeper who is also a duty leader does not approve their own stocktake.
    const both = s.st.userWith(['storekeeper', 'duty_leader'], 'both');
    const bothId = s.st.must('auth.session', {}, both).user.id;
    expect(code(s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: { userId: bothId, password: PASSWORD } }, both))).toBe(
      'VALIDATION {"approver.userId":"v.witnessSelf"}',
    );
    expect(onHand(water)).toBe(150); // nothing is posted before the approval
    const posted = s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(posted).toMatchObject({ status: 'posted', approvedBy: { id: s.leader.id }, differenceValueFen: 0 });
    expect(onHand(water)).toBe(149);
    const moves = s.st.core.db.prepare('SELECT batch_id, kind, quantity FROM stock_movements WHERE stocktake_id = ? ORDER BY batch_id').all(t.id);
    expect(moves).toEqual([
      { batch_id: w1, kind: 'stocktake', quantity: -2 },
      { batch_id: w2, kind: 'stocktake', quantity: 1 },
    ]);
    // Closed: no more counts, and its lines are sealed in the database too.
    expect(code(s.st.call('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted: 1, reason: 'lost' }] }, s.store))).toBe(
      'CONFLICT {"stocktakeId":"v.stock.stocktakeClosed"}',
    );
    expect(() => s.st.core.db.prepare('UPDATE stock_stocktake_lines SET counted = 0 WHERE stocktake_id = ?').run(t.id)).toThrow(/closed stocktake never changes/);
    expect(checkBalances(s.st.core.db, 0).mismatches).toEqual([]);
  });

  it('compares each count with the book when it is entered: what was issued during the count is neither lost nor found', () => {
    const { water, w1, w2 } = twoItems();
    const t = s.st.must('stock.stocktakeStart', { category: 'water' }, s.store);
    // Front desk gives out 5 bottles (from w1) after the start, before anyone counts w1: the shelf holds 95.
    s.st.must('stock.issueToStay', { stayId: s.stay(), lines: [{ itemId: water, quantity: 5 }] }, s.desk);
    const view = s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted: 95 }, { batchId: w2, counted: 48, reason: 'damaged' }] }, s.store);
    expect(view.lines.map((l) => [l.expected, l.book, l.counted, l.difference])).toEqual([
      [100, 95, 95, 0],
      [50, 50, 48, -2],
    ]);
    // Issued after w2 was counted: the posted shortage still applies to what the batch holds now.
    s.st.must('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: water, quantity: 10, batchId: w2 }] }, s.store);
    s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(s.st.must('stock.item', { itemId: water }, s.store).batches.map((b) => [b.id, b.onHand])).toEqual([
      [w1, 95],
      [w2, 38],
    ]);
  });

  it('refuses to post a shortage larger than what the batch holds by then: it is counted again', () => {
    const { water, w1, w2 } = twoItems();
    const t = s.st.must('stock.stocktakeStart', { category: 'water' }, s.store);
    s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted: 10, reason: 'lost' }, { batchId: w2, counted: 50 }] }, s.store);
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 20 }] }, s.store); // 80 left in w1
    expect(code(s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store))).toBe('STOCK_INSUFFICIENT {"stocktakeId":"v.stock.recount"}');
    // 90 short of 80 cannot be; 80 short can.
    s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted: 0, reason: 'lost' }] }, s.store);
    s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(s.st.must('stock.item', { itemId: water }, s.store).batches.map((b) => [b.id, b.onHand])).toEqual([[w2, 50]]);
  });

  it('books stock found that no batch held as a new batch valued at 0 fen (nothing known paid for it), posted as found; a cancelled stocktake posts nothing', () => {
    const { water, medicine, w1, w2 } = twoItems();
    const first = s.st.must('stock.stocktakeStart', {}, s.store);
    s.st.must('stock.stocktakeCount', { stocktakeId: first.id, counts: [{ batchId: w1, counted: 0, reason: 'lost' }] }, s.store);
    s.st.must('stock.stocktakeCancel', { stocktakeId: first.id, reason: '停电，改日再盘' }, s.store);
    expect(onHand(water)).toBe(150);
    expect(code(s.st.call('stock.stocktakeApprove', { stocktakeId: first.id, approver: approver() }, s.store))).toBe('CONFLICT {"stocktakeId":"v.stock.stocktakeClosed"}');

    const t = s.st.must('stock.stocktakeStart', { category: 'medicine' }, s.store);
    const m1 = t.lines[0]!.batchId;
    expect(code(s.st.call('stock.stocktakeCount', { stocktakeId: t.id, found: [{ itemId: water, quantity: 6, expiresOn: '2026-12-01' }] }, s.store))).toBe(
      'VALIDATION {"found.0.itemId":"v.stock.outOfScope"}',
    );
    expect(code(s.st.call('stock.stocktakeCount', { stocktakeId: t.id, found: [{ itemId: medicine, quantity: 6 }] }, s.store))).toBe(
      'VALIDATION {"found.0.expiresOn":"v.stock.expiryRequired"}',
    );
    const view = s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: m1, counted: 30 }], found: [{ itemId: medicine, quantity: 6, expiresOn: '2026-12-01' }] }, s.store);
    expect(view.lines.map((l) => [l.found, l.expected, l.counted, l.reason])).toEqual([
      [true, 0, 6, 'found'],
      [false, 30, 30, null],
    ]);
    expect(view.lines[0]!.unitCostFen).toBe(0);
    s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(onHand(medicine)).toBe(36);
    expect(s.st.must('stock.stocktakes', {}, s.store).map((x) => [x.status, x.lines, x.differences])).toEqual([
      ['posted', 2, 1],
      ['cancelled', 3, 1],
    ]);
    void w2;
  });
});
