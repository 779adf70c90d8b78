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
    const refused = s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(code(refused)).toBe('STOCK_INSUFFICIENT {"stocktakeId":"v.stock.recount"}');
    expect(!refused.ok && refused.error.detail).toEqual({ itemId: water, batchId: w1, available: 80, requested: 90 });
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

  it('keeps on its sheet (盘点表) who started it, who counted each batch and when, who approved or cancelled it, and what its differences are worth', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水', unit: '瓶' });
    const w1 = s.receive(water, 100, { expiresOn: '2026-09-01', unitPriceFen: 150, lot: 'A1' }).lines[0]!.batchId;
    const w2 = s.receive(water, 50, { expiresOn: '2026-10-01', unitPriceFen: 200 }).lines[0]!.batchId;
    const storekeeper = { id: s.st.must('auth.session', {}, s.store).user.id, displayName: 'store' };
    const started = s.st.clock.now();
    const t = s.st.must('stock.stocktakeStart', { category: 'water', note: '月末盘点' }, s.store);
    expect(t).toMatchObject({ category: 'water', status: 'open', note: '月末盘点', startedAt: started, startedBy: storekeeper, closedAt: null, closedBy: null, approvedBy: null, cancelReason: null, uncounted: 2, differenceValueFen: 0 });
    expect(t.lines[0]).toEqual({ batchId: w1, itemId: water, itemName: '矿泉水', unit: '瓶', lot: 'A1', expiresOn: '2026-09-01', expected: 100, book: null, counted: null, difference: null, reason: null, unitCostFen: 150, countedAt: null, countedBy: null, found: false });
    // One at a time: another is refused, naming the one open.
    const again = s.st.call('stock.stocktakeStart', {}, s.store);
    expect(!again.ok && again.error.detail).toEqual({ stocktakeId: t.id });
    expect(code(s.st.call('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: 999, counted: 1 }] }, s.store))).toBe('VALIDATION {"counts.0.batchId":"v.stock.unknownBatch"}');
    expect(code(s.st.call('stock.stocktakeCount', { stocktakeId: t.id, found: [{ itemId: 999, quantity: 1, expiresOn: '2027-01-01' }] }, s.store))).toBe('VALIDATION {"found.0.itemId":"v.stock.unknownItem"}');
    expect(code(s.st.call('stock.stocktakeGet', { stocktakeId: t.id + 1 }, s.store))).toBe('NOT_FOUND {}');
    s.advance(60_000);
    const one = s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w1, counted: 97, reason: 'lost' }] }, s.store);
    expect(one).toMatchObject({ uncounted: 1, differenceValueFen: -450 });
    expect(one.lines[0]).toMatchObject({ book: 100, counted: 97, difference: -3, countedAt: started + 60_000, countedBy: storekeeper });
    expect(one.lines[1]).toMatchObject({ countedAt: null, countedBy: null, difference: null });
    const audit = () => JSON.parse(s.st.core.db.prepare('SELECT after FROM audit_log WHERE entity = ? ORDER BY id DESC LIMIT 1').pluck().get('stock_stocktake') as string);
    expect(audit()).toMatchObject({ batchIds: [w1] });
    // Three bottles at 1.50 lost, one at 2.00 found: the stocktake loses 2.50.
    const both = s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: w2, counted: 51, reason: 'found' }] }, s.store);
    expect(both).toMatchObject({ uncounted: 0, differenceValueFen: -250 });
    s.advance(60_000);
    const posted = s.st.must('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(posted).toMatchObject({ status: 'posted', closedAt: started + 120_000, closedBy: storekeeper, approvedBy: { id: s.leader.id, displayName: 'leader' }, cancelReason: null });
    expect(s.st.must('stock.stocktakeGet', { stocktakeId: t.id }, s.store)).toEqual(posted);
    // Its audit row names the adjustment movements posted and the approver.
    const moves = s.st.core.db.prepare('SELECT id FROM stock_movements WHERE stocktake_id = ? ORDER BY id').pluck().all(t.id);
    expect(audit()).toMatchObject({ movementIds: moves, approvedBy: s.leader.id });
    // A cancelled one says why and by whom, and was approved by no one.
    const all = s.st.must('stock.stocktakeStart', {}, s.store);
    const cancelled = s.st.must('stock.stocktakeCancel', { stocktakeId: all.id, reason: '停电，改日再盘' }, s.store);
    expect(cancelled).toMatchObject({ category: null, status: 'cancelled', note: '', closedAt: started + 120_000, closedBy: storekeeper, approvedBy: null, cancelReason: '停电，改日再盘' });
    expect(s.st.must('stock.stocktakes', {}, s.store)).toEqual([
      { id: all.id, category: null, status: 'cancelled', startedAt: started + 120_000, startedBy: storekeeper, closedAt: started + 120_000, lines: 2, differences: 0 },
      { id: t.id, category: 'water', status: 'posted', startedAt: started, startedBy: storekeeper, closedAt: started + 120_000, lines: 2, differences: 2 },
    ]);
  });

  it('says how many batches are not counted yet when it is approved too soon, and names 50 of them at most', () => {
    s = stockStation();
    const water = s.item();
    const lines = Array.from({ length: 51 }, () => ({ itemId: water, quantity: 1, expiresOn: '2027-07-01' }));
    s.st.must('stock.receive', { source: 'allocation', lines }, s.store);
    const t = s.st.must('stock.stocktakeStart', {}, s.store);
    const refused = s.st.call('stock.stocktakeApprove', { stocktakeId: t.id, approver: approver() }, s.store);
    expect(code(refused)).toBe('CONFLICT {"stocktakeId":"v.stock.uncounted"}');
    const detail = (!refused.ok && refused.error.detail) as { uncounted: number; batchIds: number[] };
    expect(detail.uncounted).toBe(51);
    expect(new Set(detail.batchIds).size).toBe(50);
    expect(t.lines.map((l) => l.batchId)).toEqual(expect.arrayContaining(detail.batchIds));
  });
});
