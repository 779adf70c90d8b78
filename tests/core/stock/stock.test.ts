import { afterEach, describe, expect, it } from 'vitest';
import { checkBalances } from '../../../electron/features/stock/balances';
import type { Input } from '../../../shared/contract';
import { contentHash } from '../helpers';
import { code, DAY, PASSWORD, stockStation, type StockStation } from './stock-helpers';

/** Cooling supplies (issue 11): the catalogue, receipts, issues and reversals, each rule on both sides of its limit. */
let s: StockStation;
afterEach(() => s?.st.close());

const onHand = (itemId: number) => s.st.must('stock.item', { itemId }, s.store);
const batchesOf = (itemId: number) => onHand(itemId).batches.map((b) => [b.expiresOn, b.onHand]);
const balancesSound = () => expect(checkBalances(s.st.core.db, 0).mismatches).toEqual([]);
/** An issue's note (出库单), as the print page reads it: an issue itself answers only its number and value. */
const noteOf = (issued: { id: number }) => s.st.must('stock.issueGet', { issueId: issued.id }, s.store);

describe('the catalogue', () => {
  it('keeps sizes and cuts for clothing only, and a shelf life only for items that expire', () => {
    s = stockStation();
    expect(code(s.st.call('stock.itemSave', { name: '水', category: 'water', unit: '瓶', tracksExpiry: true, size: 'L' }, s.store))).toBe('VALIDATION {"size":"v.stock.clothingOnly"}');
    expect(code(s.st.call('stock.itemSave', { name: '风扇', category: 'equipment', unit: '台', tracksExpiry: false, shelfLifeDays: 30 }, s.store))).toBe(
      'VALIDATION {"shelfLifeDays":"v.stock.shelfLifeNoExpiry"}',
    );
    const tee = s.item({ name: '短袖T恤', category: 'clothing', unit: '件', tracksExpiry: false, size: 'L', sex: 'male' });
    expect(onHand(tee)).toMatchObject({ size: 'L', sex: 'male' });
    // The same name in another size is another item; the same name, size and cut is refused.
    s.item({ name: '短袖T恤', category: 'clothing', unit: '件', tracksExpiry: false, size: 'M', sex: 'male' });
    expect(code(s.st.call('stock.itemSave', { name: '短袖T恤', category: 'clothing', unit: '件', tracksExpiry: false, size: 'L', sex: 'male' }, s.store))).toBe(
      'VALIDATION {"name":"v.stock.itemNameTaken"}',
    );
  });

  it('gives each barcode to one item, and a scan names the item and how many units it counts', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水', barcodes: [{ code: '6901234567892' }, { code: '16901234567899', quantity: 24 }], packs: [{ name: '箱', quantity: 24 }] });
    expect(code(s.st.call('stock.itemSave', { name: '纯净水', category: 'water', unit: '瓶', tracksExpiry: true, barcodes: [{ code: '16901234567899' }] }, s.store))).toBe(
      'VALIDATION {"barcodes.0.code":"v.stock.barcodeTaken"}',
    );
    expect(code(s.st.call('stock.itemSave', { name: '纯净水', category: 'water', unit: '瓶', tracksExpiry: true, barcodes: [{ code: '1234' }, { code: '1234' }] }, s.store))).toBe(
      'VALIDATION {"barcodes.1.code":"v.stock.barcodeDuplicate"}',
    );
    // Saving the item again with its own codes is no conflict.
    s.st.must('stock.itemSave', { id: water, name: '矿泉水', category: 'water', unit: '瓶', tracksExpiry: true, barcodes: [{ code: '16901234567899', quantity: 24 }] }, s.store);
    expect(s.st.must('stock.scan', { code: '16901234567899' }, s.desk)).toMatchObject({ perScan: 24, item: { id: water, name: '矿泉水' } });
    // The dropped code is free again, and names nothing.
    expect(code(s.st.call('stock.scan', { code: '6901234567892' }, s.desk))).toBe('VALIDATION {"code":"v.stock.unknownBarcode"}');
  });
});

describe('the item list', () => {
  it('lists the active items, searched by name or storage place in any case, or by a whole barcode; one category when asked, the inactive ones when asked', () => {
    s = stockStation();
    const water = s.item({ name: 'Evian 矿泉水', storagePlace: 'A架', barcodes: [{ code: '6901234567892' }] });
    const tee = s.item({ name: '短袖T恤', category: 'clothing', tracksExpiry: false, size: 'L', sex: 'male', storagePlace: 'B架' });
    const old = s.item({ name: '旧水', active: false });
    const ids = (input: object) => s.st.must('stock.items', input, s.store).map((i) => i.id);
    expect(ids({})).toEqual(expect.arrayContaining([water, tee]));
    expect(ids({})).not.toContain(old);
    expect(ids({ includeInactive: true })).toEqual(expect.arrayContaining([water, tee, old]));
    expect(ids({ q: 'evian' })).toEqual([water]);
    expect(ids({ q: 'b架' })).toEqual([tee]);
    expect(ids({ q: '6901234567892' })).toEqual([water]);
    expect(ids({ q: '690123' })).toEqual([]);
    expect(ids({ category: 'clothing' })).toEqual([tee]);
    expect(s.st.must('stock.items', { q: 'B架' }, s.store)[0]).toMatchObject({ size: 'L', sex: 'male', tracksExpiry: false, shelfLifeDays: null, frontDesk: true, active: true, storagePlace: 'B架' });
  });

  it('finds an item by a whole barcode of letters typed in any case', () => {
    s = stockStation();
    const tee = s.item({ name: '短袖T恤', category: 'clothing', tracksExpiry: false, barcodes: [{ code: 'TEE-1' }] });
    const ids = (q: string) => s.st.must('stock.items', { q }, s.store).map((i) => i.id);
    expect(ids('tee-1')).toEqual([tee]);
    expect(ids('TEE-1')).toEqual([tee]);
    expect(ids('tee-')).toEqual([]); // a part of a barcode finds nothing
  });

  it('shows each item as saved, in the list and on its own: whether it expires, whether the front desk may give it, and no packs or barcodes when none were given', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水', tracksExpiry: true, shelfLifeDays: 365, frontDesk: false });
    const fan = s.item({ name: '风扇', category: 'equipment', tracksExpiry: false, frontDesk: true });
    const shown = { tracksExpiry: true, shelfLifeDays: 365, frontDesk: false, packs: [], barcodes: [] };
    expect(s.st.must('stock.items', { q: '矿泉水' }, s.store)).toMatchObject([{ id: water, ...shown }]);
    expect(onHand(water)).toMatchObject(shown);
    expect(s.st.must('stock.items', { q: '风扇' }, s.store)).toMatchObject([{ id: fan, tracksExpiry: false, shelfLifeDays: null, frontDesk: true, packs: [], barcodes: [] }]);
    expect(onHand(fan)).toMatchObject({ tracksExpiry: false, frontDesk: true, packs: [], barcodes: [] });
  });

  it('an item asked for by an id that names none is not found', () => {
    s = stockStation();
    expect(code(s.st.call('stock.item', { itemId: 999 }, s.store))).toBe('NOT_FOUND {}');
  });

  it('saving an item replaces its packs and barcodes with the ones given; an empty size is no size', () => {
    s = stockStation();
    const tee = s.item({ name: '短袖T恤', category: 'clothing', tracksExpiry: false, size: '', sex: 'female', packs: [{ name: '包', quantity: 10 }, { name: '箱', quantity: 2 }], barcodes: [{ code: 'TEE-1' }] });
    expect(onHand(tee)).toMatchObject({ size: null, sex: 'female', packs: [{ name: '箱', quantity: 2 }, { name: '包', quantity: 10 }], barcodes: [{ code: 'TEE-1', quantity: 1 }] });
    s.st.must('stock.itemSave', { id: tee, name: '短袖T恤', category: 'clothing', unit: '件', tracksExpiry: false, packs: [{ name: '袋', quantity: 5 }] }, s.store);
    expect(onHand(tee)).toMatchObject({ size: null, sex: null, packs: [{ name: '袋', quantity: 5 }], barcodes: [] });
    expect(code(s.st.call('stock.itemSave', { id: 999, name: '新物资', category: 'water', unit: '瓶', tracksExpiry: true }, s.store))).toBe('NOT_FOUND {}');
  });

  it('changing an item that does not exist is not found, with packs and barcodes too, and writes none of them', () => {
    s = stockStation();
    const input: Input<'stock.itemSave'> = { id: 999, name: '新物资', category: 'water', unit: '瓶', tracksExpiry: true, packs: [{ name: '箱', quantity: 24 }], barcodes: [{ code: 'NEW-1' }] };
    expect(code(s.st.call('stock.itemSave', input, s.store))).toBe('NOT_FOUND {}');
    expect(code(s.st.call('stock.scan', { code: 'NEW-1' }, s.store))).toBe('VALIDATION {"code":"v.stock.unknownBarcode"}');
    expect(s.st.core.db.prepare('SELECT count(*) AS n FROM stock_packs').get()).toEqual({ n: 0 });
  });
});

describe('receipts', () => {
  it('refuses a zero or negative quantity and a price with a fraction of a fen, each at its field', () => {
    s = stockStation();
    const water = s.item();
    const line = (l: object) => s.st.call('stock.receive', { source: 'purchase', supplier: '超市', invoiceNo: 'F001', lines: [{ itemId: water, quantity: 1, unitPriceFen: 150, expiresOn: '2027-01-01', ...l }] }, s.store);
    expect(code(line({ quantity: 0 }))).toBe('VALIDATION {"lines.0.quantity":"v.stock.quantity"}');
    expect(code(line({ quantity: -5 }))).toBe('VALIDATION {"lines.0.quantity":"v.stock.quantity"}');
    expect(code(line({ quantity: 1.5 }))).toBe('VALIDATION {"lines.0.quantity":"v.stock.quantity"}');
    expect(code(line({ unitPriceFen: 150.5 }))).toBe('VALIDATION {"lines.0.unitPriceFen":"v.stock.fen"}');
    expect(code(line({ unitPriceFen: -1 }))).toBe('VALIDATION {"lines.0.unitPriceFen":"v.stock.fen"}');
    expect(code(line({ unitPriceFen: undefined }))).toBe('VALIDATION {"lines.0.unitPriceFen":"v.required"}');
    expect(code(line({ quantity: 1, unitPriceFen: 0 }))).toBe('ok');
    const r = line({ quantity: 24, unitPriceFen: 150 });
    expect(r.ok && r.value.totalFen).toBe(3600);
    expect(code(s.st.call('stock.receive', { source: 'purchase', lines: [{ itemId: water, quantity: 1, unitPriceFen: 1, expiresOn: '2027-01-01' }] }, s.store))).toBe(
      'VALIDATION {"supplier":"v.required","invoiceNo":"v.required"}',
    );
    expect(code(s.st.call('stock.receive', { source: 'donation', lines: [{ itemId: water, quantity: 1, expiresOn: '2027-01-01' }] }, s.store))).toBe('VALIDATION {"donor":"v.required"}');
  });

  it('refuses an expiry before the production date, a production date after today, and an unknown item', () => {
    s = stockStation();
    const water = s.item();
    const line = (l: object) => s.st.call('stock.receive', { source: 'allocation', lines: [{ itemId: water, quantity: 10, ...l }] }, s.store);
    expect(code(line({ producedOn: '2026-07-01', expiresOn: '2026-06-30' }))).toBe('VALIDATION {"lines.0.expiresOn":"v.stock.expiryBeforeProduction"}');
    expect(code(line({ producedOn: '2026-07-01', expiresOn: '2026-07-01' }))).toBe('ok');
    expect(code(line({ producedOn: '2026-07-21', expiresOn: '2027-07-01' }))).toBe('VALIDATION {"lines.0.producedOn":"v.stock.producedFuture"}');
    expect(code(line({ producedOn: '2026-07-20', expiresOn: '2027-07-01' }))).toBe('ok');
    expect(code(line({ itemId: 999, expiresOn: '2027-07-01' }))).toBe('VALIDATION {"lines.0.itemId":"v.stock.unknownItem"}');
  });

  it('needs an expiry for an item that expires (else its shelf life from production or today), and none for one that does not', () => {
    s = stockStation();
    const noodles = s.item({ category: 'food', shelfLifeDays: 180 });
    const medicine = s.item({ category: 'medicine' });
    const fan = s.item({ category: 'equipment', tracksExpiry: false });
    expect(code(s.st.call('stock.receive', { source: 'allocation', lines: [{ itemId: medicine, quantity: 5 }] }, s.store))).toBe('VALIDATION {"lines.0.expiresOn":"v.stock.expiryRequired"}');
    expect(code(s.st.call('stock.receive', { source: 'allocation', lines: [{ itemId: fan, quantity: 2, expiresOn: '2030-01-01' }] }, s.store))).toBe('VALIDATION {"lines.0.expiresOn":"v.stock.noExpiry"}');
    const r = s.st.must('stock.receive', { source: 'allocation', lines: [{ itemId: noodles, quantity: 5 }, { itemId: noodles, quantity: 5, producedOn: '2026-07-01' }, { itemId: fan, quantity: 2 }] }, s.store);
    expect(r.lines.map((l) => l.expiresOn)).toEqual(['2027-01-16', '2026-12-28', null]);
  });

  it('refuses items no longer kept', () => {
    s = stockStation();
    const old = s.item({ name: '旧物资' });
    s.st.must('stock.itemSave', { id: old, name: '旧物资', category: 'water', unit: '瓶', tracksExpiry: true, active: false }, s.store);
    expect(code(s.st.call('stock.receive', { source: 'allocation', lines: [{ itemId: old, quantity: 1, expiresOn: '2027-01-01' }] }, s.store))).toBe(
      'VALIDATION {"lines.0.itemId":"v.stock.itemInactive"}',
    );
  });

  it('each keep on their note (入库单) where the stock came from, the fund that paid, who received it and when, and the lines that arrived expired', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水' });
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 0, medicine: 0, food: 100_000, clothing: 0, other: 0 } }, s.st.adminSession);
    const storekeeper = { id: s.st.must('auth.session', {}, s.store).user.id, displayName: 'store' };
    const note = (receiptId: number) => s.st.must('stock.receiptGet', { receiptId }, s.store);
    const bought = s.st.must(
      'stock.receive',
      { source: 'purchase', supplier: '超市', invoiceNo: 'F1', charge: { fundId: fund.id, category: 'food' }, note: '急购', lines: [{ itemId: water, quantity: 10, unitPriceFen: 200, lot: 'L01', producedOn: '2026-07-01', expiresOn: '2027-01-01' }] },
      s.store,
    );
    expect(note(bought.id)).toEqual(bought);
    expect(code(s.st.call('stock.receiptGet', { receiptId: bought.id + 1 }, s.store))).toBe('NOT_FOUND {}');
    expect(bought).toMatchObject({
      source: 'purchase',
      supplier: '超市',
      invoiceNo: 'F1',
      donor: null,
      reference: null,
      charge: { fundId: fund.id, fundName: '夏季送清凉', category: 'food' },
      note: '急购',
      totalFen: 2_000,
      at: s.st.clock.now(),
      by: storekeeper,
      lines: [{ itemId: water, itemName: '矿泉水', lot: 'L01', expiresOn: '2027-01-01', quantity: 10, unitCostFen: 200, valueFen: 2_000 }],
      reversal: null,
      expiredOnArrival: [],
    });
    // Each line is a batch of its own, which says where it came from; the audit row names the batches and movements.
    const batch = bought.lines[0]!.batchId;
    expect(onHand(water).batches).toMatchObject([{ id: batch, lot: 'L01', producedOn: '2026-07-01', receiptId: bought.id, stocktakeId: null }]);
    const audit = JSON.parse(s.st.core.db.prepare("SELECT after FROM audit_log WHERE procedure = 'stock.receive' ORDER BY id DESC LIMIT 1").pluck().get() as string);
    expect(audit).toMatchObject({ receiptId: bought.id, batchIds: [batch], movementIds: [bought.lines[0]!.movementId] });
    // A donation names its donor and no fund; a field left blank is none, and a line without a lot has none.
    const gift = s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', supplier: '', invoiceNo: '', reference: '', lines: [{ itemId: water, quantity: 5, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    expect(note(gift.id)).toMatchObject({ source: 'donation', supplier: null, invoiceNo: null, donor: '爱心企业', reference: null, charge: null, note: '', totalFen: 500, lines: [{ lot: '' }] });
    expect(onHand(water).batches.find((b) => b.receiptId === gift.id)).toMatchObject({ lot: '', producedOn: null });
    // A bureau allocation keeps its document number. Stock usable to the end of today arrives sound; stock that
    // expired yesterday is named at once, to be written off.
    s.advance(3_600_000);
    const allocated = s.st.must(
      'stock.receive',
      { source: 'allocation', reference: '民救〔2026〕12号', lines: [{ itemId: water, quantity: 3, expiresOn: '2026-07-20' }, { itemId: water, quantity: 2, expiresOn: '2026-07-19' }] },
      s.store,
    );
    expect(note(allocated.id)).toMatchObject({ source: 'allocation', supplier: null, donor: null, reference: '民救〔2026〕12号', totalFen: 0, at: s.st.clock.now(), expiredOnArrival: [1] });
  });
});

describe('issues', () => {
  it('answer the desk with the issue note’s number and value; the note lists its movements in the order they were taken, as the audit row names them', () => {
    s = stockStation();
    const water = s.item();
    const medicine = s.item({ name: '藿香正气水', category: 'medicine', unit: '支' });
    for (const expiresOn of ['2026-09-01', '2026-08-01', '2026-08-15']) s.receive(water, 10, { expiresOn, unitPriceFen: 50 });
    s.receive(medicine, 10, { expiresOn: '2026-10-01', unitPriceFen: 300 });
    const issued = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: medicine, quantity: 2 }, { itemId: water, quantity: 25 }] }, s.store);
    expect(issued).toEqual({ id: issued.id, valueFen: 2 * 300 + 25 * 50 });
    const lines = noteOf(issued).lines;
    expect(lines.map((l) => [l.itemId, l.expiresOn, l.quantity])).toEqual([
      [medicine, '2026-10-01', -2],
      [water, '2026-08-01', -10],
      [water, '2026-08-15', -10],
      [water, '2026-09-01', -5],
    ]);
    const audit = JSON.parse(s.st.core.db.prepare("SELECT after FROM audit_log WHERE procedure = 'stock.issue'").pluck().get() as string) as { movementIds: number[] };
    expect(audit.movementIds).toEqual(lines.map((l) => l.movementId));
  });

  it('take the earliest expiry first, the older batch first on one day, and stock that never expires last', () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 10, { expiresOn: '2026-09-01' });
    s.receive(water, 10, { expiresOn: '2026-08-01' });
    s.receive(water, 10, { expiresOn: '2026-08-01' });
    const out = noteOf(s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 15 }] }, s.store));
    expect(out.lines.map((l) => [l.batchId, l.quantity])).toEqual([
      [2, -10],
      [3, -5],
    ]);
    expect(batchesOf(water)).toEqual([
      ['2026-08-01', 5],
      ['2026-09-01', 10],
    ]);
    balancesSound();
  });

  it('two lines of one item take earliest expiry first across both: the second line begins where the first emptied a batch', () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 10, { expiresOn: '2026-08-01' });
    s.receive(water, 10, { expiresOn: '2026-09-01' });
    const out = noteOf(s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 10 }, { itemId: water, quantity: 4 }] }, s.store));
    expect(out.lines.map((l) => [l.expiresOn, l.quantity])).toEqual([
      ['2026-08-01', -10],
      ['2026-09-01', -4],
    ]);
    expect(batchesOf(water)).toEqual([['2026-09-01', 6]]);
    balancesSound();
  });

  it('never issue expired stock: a batch is usable to the end of its expiry day, and what is left is said', () => {
    s = stockStation();
    const medicine = s.item({ name: '藿香正气水', category: 'medicine' });
    s.receive(medicine, 10, { expiresOn: '2026-07-19' }); // expired yesterday
    s.receive(medicine, 4, { expiresOn: '2026-07-20' }); // its last day
    const tooMany = s.st.call('stock.issue', { destination: 'outreach', outreachRef: '7月20日夜间巡查', lines: [{ itemId: medicine, quantity: 5 }] }, s.store);
    expect(code(tooMany)).toBe('STOCK_INSUFFICIENT {"lines.0.quantity":"v.stock.insufficient"}');
    expect(!tooMany.ok && tooMany.error.detail).toEqual({ itemId: medicine, requested: 5, available: 4, expiredOnHand: 10 });
    const out = noteOf(s.st.must('stock.issue', { destination: 'outreach', outreachRef: '7月20日夜间巡查', lines: [{ itemId: medicine, quantity: 4 }] }, s.store));
    expect(out.lines.map((l) => l.expiresOn)).toEqual(['2026-07-20']);
    // The next day that batch is expired too.
    s.advance(DAY);
    s.receive(medicine, 1, { expiresOn: '2026-07-21' });
    expect(code(s.st.call('stock.issue', { destination: 'station_use', department: '医务室', lines: [{ itemId: medicine, quantity: 2 }] }, s.store))).toMatch(/^STOCK_INSUFFICIENT/);
    expect(onHand(medicine)).toMatchObject({ onHand: 11, usable: 1, expired: 10 });
  });

  it('never take a balance below zero: all of it can go, one more cannot, and the refusal changes nothing', () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 7);
    const before = contentHash(s.st.core);
    const r = s.st.call('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 5 }, { itemId: water, quantity: 3 }] }, s.store);
    // Two lines of one item never count the same bottles twice.
    expect(code(r)).toBe('STOCK_INSUFFICIENT {"lines.1.quantity":"v.stock.insufficient"}');
    expect(!r.ok && r.error.detail?.available).toBe(2);
    expect(contentHash(s.st.core)).toBe(before);
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 5 }, { itemId: water, quantity: 2 }] }, s.store);
    expect(onHand(water).onHand).toBe(0);
    expect(code(s.st.call('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, s.store))).toMatch(/^STOCK_INSUFFICIENT/);
    balancesSound();
  });

  it('to a stay: front desk gives the front-desk items only, to an open stay, and the stay’s page lists what it got', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水' });
    const fan = s.item({ name: '电风扇', category: 'equipment', tracksExpiry: false, frontDesk: false });
    s.receive(water, 48);
    s.receive(fan, 2, { expiresOn: undefined });
    const stayId = s.stay();
    const given = s.st.must('stock.issueToStay', { stayId, lines: [{ itemId: water, quantity: 3 }] }, s.desk);
    expect(noteOf(given)).toMatchObject({ destination: 'stay', stay: { id: stayId, name: expect.stringMatching(/^受助人/) } });
    expect(code(s.st.call('stock.issueToStay', { stayId, lines: [{ itemId: water, quantity: 1 }, { itemId: fan, quantity: 1 }] }, s.desk))).toBe(
      'FORBIDDEN {"lines.1.itemId":"v.stock.notFrontDesk"}',
    );
    // The storekeeper issues anything; front desk no other issue at all.
    s.st.must('stock.issueToStay', { stayId, lines: [{ itemId: fan, quantity: 1 }] }, s.store);
    expect(code(s.st.call('stock.issue', { destination: 'station_use', department: '接待', lines: [{ itemId: water, quantity: 1 }] }, s.desk))).toBe('FORBIDDEN {}');
    s.st.must('stock.reverse', { kind: 'issue', id: given.id, reason: '登记错了人' }, s.store);
    expect(s.st.must('stock.stayIssues', { stayId }, s.desk).map((l) => [l.itemName, l.quantity, l.reversed])).toEqual([
      ['矿泉水', 3, true],
      ['电风扇', 1, false],
    ]);
    s.st.must('intake.triage', { stayId, decision: 'refuse', refusalReason: 'can_pay' }, s.desk);
    expect(code(s.st.call('stock.issueToStay', { stayId, lines: [{ itemId: water, quantity: 1 }] }, s.desk))).toBe('CONFLICT {}');
  });

  it('name an item that does not exist at its line, and an issue that does not exist is not found', () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 5);
    expect(code(s.st.call('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }, { itemId: 999, quantity: 1 }] }, s.store))).toBe(
      'VALIDATION {"lines.1.itemId":"v.stock.unknownItem"}',
    );
    const out = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, s.store);
    expect(s.st.must('stock.issueGet', { issueId: out.id }, s.store).id).toBe(out.id);
    expect(code(s.st.call('stock.issueGet', { issueId: out.id + 1 }, s.store))).toBe('NOT_FOUND {}');
  });

  it('each keep on their note (出库单) where the stock went, who took it, who issued it and when', () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水' });
    const medicine = s.item({ name: '藿香正气水', category: 'medicine' });
    s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 50, unitPriceFen: 150, expiresOn: '2027-01-01' }] }, s.store);
    s.receive(medicine, 5, { expiresOn: '2026-07-01' });
    const storekeeper = { id: s.st.must('auth.session', {}, s.store).user.id, displayName: 'store' };
    const unaddressed = { stay: null, outreachRef: null, department: null, writeOffReason: null, approvedBy: null, recipient: null, reversal: null };
    const trip = s.st.must('stock.issue', { destination: 'outreach', outreachRef: '7月20日夜间巡查', recipient: '王队长', note: '桥洞', lines: [{ itemId: water, quantity: 10 }] }, s.store);
    expect(noteOf(trip)).toMatchObject({
      ...unaddressed,
      destination: 'outreach',
      outreachRef: '7月20日夜间巡查',
      recipient: '王队长',
      note: '桥洞',
      valueFen: 1500,
      at: s.st.clock.now(),
      by: storekeeper,
    });
    // A department's issue names the department; a recipient left blank is none.
    const kitchen = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', recipient: '', lines: [{ itemId: water, quantity: 2 }] }, s.store);
    expect(noteOf(kitchen)).toMatchObject({ ...unaddressed, destination: 'station_use', department: '厨房', note: '', valueFen: 300 });
    const handed = s.st.must('stock.issue', { destination: 'station_use', department: '医务室', recipient: '李医生', lines: [{ itemId: water, quantity: 1 }] }, s.store);
    expect(noteOf(handed)).toMatchObject({ department: '医务室', recipient: '李医生', outreachRef: null });
    // A write-off keeps its reason; a stay's issue its stay.
    const expired = s.st.must('stock.issue', { destination: 'write_off', reason: 'expired', lines: [{ itemId: medicine, quantity: 5 }] }, s.store);
    expect(noteOf(expired)).toMatchObject({ ...unaddressed, destination: 'write_off', writeOffReason: 'expired' });
    const stayId = s.stay();
    const given = s.st.must('stock.issueToStay', { stayId, note: '中暑', lines: [{ itemId: water, quantity: 1 }] }, s.desk);
    expect(noteOf(given)).toMatchObject({ ...unaddressed, destination: 'stay', stay: { id: stayId }, note: '中暑', by: { displayName: 'desk' } });
  });
});

describe('write-offs', () => {
  it('of expired stock take expired batches only; of damaged stock, expired first, or the batch named', () => {
    s = stockStation();
    const medicine = s.item({ category: 'medicine' });
    const fresh = s.receive(medicine, 10, { expiresOn: '2026-12-31' }).lines[0]!.batchId;
    s.receive(medicine, 3, { expiresOn: '2026-07-01' });
    const writeOff = (reason: 'expired' | 'damaged', line: object) =>
      s.st.call('stock.issue', { destination: 'write_off', reason, lines: [{ itemId: medicine, quantity: 1, ...line }] }, s.store);
    expect(code(writeOff('expired', { quantity: 4 }))).toMatch(/^STOCK_INSUFFICIENT/);
    expect(code(writeOff('expired', { batchId: fresh }))).toBe('VALIDATION {"lines.0.batchId":"v.stock.notExpired"}');
    const damaged = writeOff('damaged', { quantity: 4 });
    expect(damaged.ok && noteOf(damaged.value).lines.map((l) => [l.expiresOn, l.quantity])).toEqual([
      ['2026-07-01', -3],
      ['2026-12-31', -1],
    ]);
    expect(code(writeOff('damaged', { batchId: fresh, quantity: 9 }))).toBe('ok');
    expect(code(writeOff('damaged', { batchId: fresh, quantity: 1 }))).toMatch(/^STOCK_INSUFFICIENT/);
    const other = s.item();
    expect(code(writeOff('damaged', { batchId: s.receive(other, 1).lines[0]!.batchId }))).toBe('VALIDATION {"lines.0.batchId":"v.stock.batchItem"}');
  });

  it('of the batch named take that batch only, though another expires sooner', () => {
    s = stockStation();
    const medicine = s.item({ category: 'medicine' });
    s.receive(medicine, 5, { expiresOn: '2026-07-01' }); // expired
    s.receive(medicine, 5, { expiresOn: '2026-08-01' });
    const broken = s.receive(medicine, 5, { expiresOn: '2026-12-31' }).lines[0]!.batchId;
    const out = noteOf(s.st.must('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: medicine, quantity: 2, batchId: broken }] }, s.store));
    expect(out.lines.map((l) => [l.batchId, l.quantity])).toEqual([[broken, -2]]);
    expect(batchesOf(medicine)).toEqual([
      ['2026-08-01', 5],
      ['2026-12-31', 3],
      ['2026-07-01', 5],
    ]);
    expect(onHand(medicine)).toMatchObject({ onHand: 13, usable: 8, expired: 5 });
    // The batch named holds 3: a fourth is not taken from the others.
    const more = s.st.call('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: medicine, quantity: 4, batchId: broken }] }, s.store);
    expect(code(more)).toBe('STOCK_INSUFFICIENT {"lines.0.quantity":"v.stock.insufficient"}');
    expect(!more.ok && more.error.detail).toMatchObject({ requested: 4, available: 3 });
  });

  it('above the settings’ value need an admin’s or duty leader’s approval, co-signed with their password; other issues never do', () => {
    s = stockStation();
    s.st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, stockWriteOffApprovalFen: 1000 }, s.st.adminSession);
    const water = s.item();
    s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 20, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    const writeOff = (quantity: number, approver?: { userId: number; password: string }) =>
      s.st.call('stock.issue', { destination: 'write_off', reason: 'damaged', note: '', lines: [{ itemId: water, quantity }], ...(approver ? { approver } : {}) }, s.store);
    const atLimit = writeOff(10); // at the limit: no approval
    expect(atLimit.ok && [atLimit.value.valueFen, noteOf(atLimit.value).approvedBy]).toEqual([1000, null]);
    s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 1, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    const refused = writeOff(11); // 1100 fen: over it
    expect(code(refused)).toBe('VALIDATION {"approver":"v.stock.approvalRequired"}');
    expect(!refused.ok && refused.error.detail).toEqual({ valueFen: 1100, limitFen: 1000 });
    expect(code(writeOff(11, { userId: s.colleague.id, password: PASSWORD }))).toBe('VALIDATION {"approver.userId":"v.stock.approverRole"}');
    expect(code(writeOff(11, { userId: s.leader.id, password: 'wrong-pass-1' }))).toBe('BAD_CREDENTIALS {"approver.password":"v.badCredentials"}');
    const done = writeOff(11, { userId: s.leader.id, password: PASSWORD });
    expect(done.ok && noteOf(done.value).approvedBy).toEqual({ id: s.leader.id, displayName: 'leader' });
    // The audit row keeps who approved, never the password.
    const audit = s.st.core.db.prepare("SELECT after FROM audit_log WHERE procedure = 'stock.issue' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(audit).toContain(`"approver":{"userId":${s.leader.id}}`);
    expect(audit).not.toContain(PASSWORD);
    // An issue that is no write-off needs no approval, whatever its value.
    s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 20, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    const kitchen = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 20 }] }, s.store);
    expect([kitchen.valueFen, noteOf(kitchen).approvedBy]).toEqual([2000, null]);
  });

  it('are approved by an active admin or duty leader only: anyone else is told so before their password is tried', () => {
    s = stockStation();
    s.st.must('settings.update', { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10, stockWriteOffApprovalFen: 0 }, s.st.adminSession);
    const water = s.item();
    s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 5, unitPriceFen: 100, expiresOn: '2027-01-01' }] }, s.store);
    const writeOff = (approver: { userId: number; password: string }) =>
      s.st.call('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ itemId: water, quantity: 1 }], approver }, s.store);
    // A colleague without the role, with a wrong password: refused for the role, before the password is tried.
    expect(code(writeOff({ userId: s.colleague.id, password: 'wrong-pass-1' }))).toBe('VALIDATION {"approver.userId":"v.stock.approverRole"}');
    // A duty leader whose account is disabled is no one.
    const former = s.st.userWith(['duty_leader'], 'former');
    const formerId = s.st.must('auth.session', {}, former).user.id;
    s.st.must('accounts.setDisabled', { id: formerId, disabled: true }, s.st.adminSession);
    expect(code(writeOff({ userId: formerId, password: PASSWORD }))).toBe('VALIDATION {"approver.userId":"v.witnessUnknown"}');
    expect(code(writeOff({ userId: s.leader.id, password: PASSWORD }))).toBe('ok');
  });

  it('offer as approvers each active admin and duty leader once (one who is both, once), by name', () => {
    s = stockStation();
    const both = s.st.must('auth.session', {}, s.st.userWith(['storekeeper', 'duty_leader', 'admin'], 'aaa-both')).user.id;
    const former = s.st.must('auth.session', {}, s.st.userWith(['duty_leader'], 'former')).user.id;
    s.st.must('accounts.setDisabled', { id: former, disabled: true }, s.st.adminSession);
    const admin = s.st.must('auth.session', {}, s.st.adminSession).user;
    const expected = [
      { id: both, displayName: 'aaa-both' },
      { id: admin.id, displayName: admin.displayName },
      { id: s.leader.id, displayName: 'leader' },
    ].sort((a, b) => (a.displayName < b.displayName ? -1 : a.displayName > b.displayName ? 1 : a.id - b.id));
    expect(s.st.must('stock.approvers', {}, s.store)).toEqual(expected);
  });
});

describe('reversals (红冲)', () => {
  it('put an issue back into its own batches; both stay, each reversing line points at its original, and once only (a second try names the first)', () => {
    s = stockStation();
    const water = s.item();
    s.receive(water, 10, { expiresOn: '2026-08-01' });
    s.receive(water, 10, { expiresOn: '2026-09-01' });
    const out = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 15 }] }, s.store);
    const { reversalId } = s.st.must('stock.reverse', { kind: 'issue', id: out.id, reason: '多登了' }, s.store);
    expect(batchesOf(water)).toEqual([
      ['2026-08-01', 10],
      ['2026-09-01', 10],
    ]);
    const view = s.st.must('stock.issueGet', { issueId: out.id }, s.store);
    expect(view.lines.map((l) => l.quantity)).toEqual([-10, -5]);
    expect(view.reversal).toMatchObject({ id: reversalId, reason: '多登了', lines: [{ quantity: 10 }, { quantity: 5 }] });
    const pointers = s.st.core.db.prepare('SELECT reverses FROM stock_movements WHERE reversal_id = ? ORDER BY id').pluck().all(reversalId);
    expect(pointers).toEqual(view.lines.map((l) => l.movementId));
    const again = s.st.call('stock.reverse', { kind: 'issue', id: out.id, reason: '再来一次' }, s.store);
    expect(code(again)).toBe('CONFLICT {"id":"v.stock.alreadyReversed"}');
    expect(!again.ok && again.error.detail).toEqual({ reversalId }); // the refusal names the reversal already made
    expect(code(s.st.call('stock.reverse', { kind: 'issue', id: 999, reason: 'x' }, s.store))).toBe('NOT_FOUND {}');
    balancesSound();
  });

  it('take a receipt back only while its stock is there, and its fund charge with it', () => {
    s = stockStation();
    const water = s.item();
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 0, medicine: 0, food: 100_000, clothing: 0, other: 0 } }, s.st.adminSession);
    const receipt = s.st.must('stock.receive', { source: 'purchase', supplier: '超市', invoiceNo: 'F1', charge: { fundId: fund.id, category: 'food' }, lines: [{ itemId: water, quantity: 10, unitPriceFen: 200, expiresOn: '2027-01-01' }] }, s.store);
    const out = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, s.store);
    const refused = s.st.call('stock.reverse', { kind: 'receipt', id: receipt.id, reason: '供应商送错货' }, s.store);
    expect(code(refused)).toBe('STOCK_INSUFFICIENT {"id":"v.stock.receiptIssued"}');
    expect(!refused.ok && refused.error.detail).toMatchObject({ available: 9, requested: 10 });
    s.st.must('stock.reverse', { kind: 'issue', id: out.id, reason: '先退回' }, s.store);
    s.st.must('stock.reverse', { kind: 'receipt', id: receipt.id, reason: '供应商送错货' }, s.store);
    expect(onHand(water).onHand).toBe(0);
    expect(s.st.must('stock.budget', {}, s.store)[0]!.categories.find((c) => c.category === 'food')!.spentFen).toBe(0);
    expect(s.st.must('stock.receiptGet', { receiptId: receipt.id }, s.store).reversal).toMatchObject({ reason: '供应商送错货', lines: [{ itemId: water, quantity: -10 }] });
    balancesSound();
  });
});

describe('every change of stock on the record', () => {
  it('names its entity and which one, with what was written: items, receipts, issues, reversals, stocktakes, funds and the rebuild', () => {
    s = stockStation();
    const rows = () =>
      (s.st.core.db.prepare("SELECT procedure, entity, entity_id AS entityId, before, after FROM audit_log WHERE procedure LIKE 'stock.%' ORDER BY id").all() as {
        procedure: string;
        entity: string;
        entityId: string | null;
        before: string | null;
        after: string | null;
      }[]).map((r) => ({ ...r, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) }));
    const water = s.item({ name: '矿泉水' });
    const received = s.receive(water, 10) as { id: number; lines: { batchId: number }[] };
    const issued = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, s.store);
    const toStay = s.st.must('stock.issueToStay', { stayId: s.stay(), lines: [{ itemId: water, quantity: 1 }] }, s.desk);
    const { reversalId } = s.st.must('stock.reverse', { kind: 'issue', id: issued.id, reason: '登记错误' }, s.store);
    const t = s.st.must('stock.stocktakeStart', {}, s.store);
    s.st.must('stock.stocktakeCount', { stocktakeId: t.id, counts: [{ batchId: received.lines[0]!.batchId, counted: 9 }] }, s.store);
    s.st.must('stock.stocktakeCancel', { stocktakeId: t.id, reason: '改日再盘' }, s.store);
    const fund = s.st.must('stock.fundSave', { name: '夏季送清凉', startsOn: '2026-06-01', endsOn: '2026-09-30', budgets: { services: 1_000, medicine: 0, food: 0, clothing: 0, other: 0 } }, s.st.adminSession);
    s.st.must('stock.fundCharge', { fundId: fund.id, category: 'services', amountFen: 100, description: '租车' }, s.store);
    const chargeId = s.st.must('stock.fundCharges', { fundId: fund.id }, s.store).charges[0]!.id;
    s.st.core.db.prepare('UPDATE stock_item_balances SET quantity = 99').run();
    const rebuilt = s.st.must('stock.balancesRebuild', {}, s.store);
    expect(rebuilt.ok).toBe(true);
    expect(s.st.must('stock.balancesCheck', {}, s.store)).toEqual(rebuilt); // recorded once the rebuild is committed

    const r = rows();
    expect(r.map((x) => [x.procedure, x.entity, x.entityId])).toEqual([
      ['stock.itemSave', 'stock_item', String(water)],
      ['stock.receive', 'stock_receipt', String(received.id)],
      ['stock.issue', 'stock_issue', String(issued.id)],
      ['stock.issueToStay', 'stock_issue', String(toStay.id)],
      ['stock.reverse', 'stock_reversal', String(reversalId)],
      ['stock.stocktakeStart', 'stock_stocktake', String(t.id)],
      ['stock.stocktakeCount', 'stock_stocktake', String(t.id)],
      ['stock.stocktakeCancel', 'stock_stocktake', String(t.id)],
      ['stock.fundSave', 'stock_fund', String(fund.id)],
      ['stock.fundCharge', 'stock_fund', String(fund.id)],
      ['stock.balancesRebuild', 'stock_balances', null],
    ]);
    const after = Object.fromEntries(r.map((x) => [x.procedure, x.after]));
    expect(after['stock.itemSave']).toMatchObject({ itemId: water });
    expect(after['stock.receive']).toMatchObject({ receiptId: received.id });
    expect(after['stock.issue']).toMatchObject({ issueId: issued.id });
    expect(after['stock.issueToStay']).toMatchObject({ issueId: toStay.id });
    expect(after['stock.reverse']).toMatchObject({ reversalId });
    expect(after['stock.stocktakeStart']).toMatchObject({ lines: [{ batchId: received.lines[0]!.batchId, expected: 9 }] });
    expect(after['stock.stocktakeCount']).toMatchObject({ batchIds: [received.lines[0]!.batchId] });
    expect(after['stock.fundSave']).toMatchObject({ fundId: fund.id });
    expect(after['stock.fundCharge']).toMatchObject({ chargeId });
    const rebuild = r.at(-1)!;
    expect(rebuild.before).toMatchObject({ mismatches: [{ itemId: water, batchId: null, month: null, kind: null, recorded: 99, fromMovements: 9 }] });
    expect(rebuild.after).toMatchObject({ ok: true });
  });

  it('lists today’s documents in the journal when no period is asked for', () => {
    s = stockStation();
    const water = s.item();
    const received = s.receive(water, 10) as { id: number };
    s.advance(DAY);
    const issued = s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 1 }] }, s.store);
    expect(s.st.must('stock.journal', {}, s.store).entries.map((e) => [e.kind, e.id])).toEqual([['issue', issued.id]]);
    expect(s.st.must('stock.journal', { from: '2026-07-20' }, s.store).entries.map((e) => [e.kind, e.id])).toEqual([
      ['issue', issued.id],
      ['receipt', received.id],
    ]);
    expect(s.st.must('stock.journal', { to: '2026-07-20' }, s.store).entries).toEqual([]); // from today (the 21st) to the 20th: nothing
  });
});
