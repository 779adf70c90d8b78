import { describe, expect, it } from 'vitest';
import { fields, parsed } from '../harness/contract-parse';

/**
 * The cooling supplies' field rules as the contract states them (shared/contract/stock.ts, DOMAIN §3): quantities in
 * whole base units, money in whole fen, each limit on both sides. No database.
 */
const item = { name: '纯净水', category: 'water', unit: '瓶', tracksExpiry: true };
const keys = (r: Record<string, string>) => Object.keys(r);

describe('an item of the catalogue', () => {
  it('a new item takes no packs, no barcodes, no minimum, no storage place, not at the front desk, active', () => {
    expect(parsed('stock.itemSave', item)).toEqual({ ...item, packs: [], barcodes: [], minLevel: 0, storagePlace: '', frontDesk: false, active: true });
    expect(parsed('stock.itemSave', { ...item, barcodes: [{ code: ' 6901234567892 ' }] })).toMatchObject({ barcodes: [{ code: '6901234567892', quantity: 1 }] });
  });

  it('a size and a sex belong to clothing only', () => {
    expect(fields('stock.itemSave', { ...item, size: 'L', sex: 'male' })).toEqual({ size: 'v.stock.clothingOnly', sex: 'v.stock.clothingOnly' });
    expect(fields('stock.itemSave', { ...item, sex: 'female' })).toEqual({ sex: 'v.stock.clothingOnly' });
    expect(fields('stock.itemSave', { ...item, category: 'clothing', size: 'L', sex: 'unisex' })).toEqual({});
    expect(fields('stock.itemSave', { ...item, size: '' })).toEqual({});
  });

  it('a shelf life only for an item whose expiry is tracked, from 1 to 3,650 days', () => {
    expect(fields('stock.itemSave', { ...item, tracksExpiry: false, shelfLifeDays: 30 })).toEqual({ shelfLifeDays: 'v.stock.shelfLifeNoExpiry' });
    expect(fields('stock.itemSave', { ...item, tracksExpiry: false })).toEqual({});
    expect([1, 3650].map((d) => fields('stock.itemSave', { ...item, shelfLifeDays: d }))).toEqual([{}, {}]);
    expect([0, 3651, 1.5].map((d) => keys(fields('stock.itemSave', { ...item, shelfLifeDays: d })))).toEqual([['shelfLifeDays'], ['shelfLifeDays'], ['shelfLifeDays']]);
    expect(fields('stock.itemSave', { ...item, shelfLifeDays: 0 })).toEqual({ shelfLifeDays: 'v.range' });
    expect(fields('stock.itemSave', { ...item, shelfLifeDays: 3651 })).toEqual({ shelfLifeDays: 'v.range' });
    expect(fields('stock.itemSave', { ...item, shelfLifeDays: 1.5 })).toEqual({ shelfLifeDays: 'v.wholeNumber' });
  });

  it('a barcode is 4 to 32 digits, letters, dots or dashes, once per item, each scan counting 1 to 1,000,000 base units', () => {
    const codes = (barcodes: object[]) => fields('stock.itemSave', { ...item, barcodes });
    expect(codes([{ code: 'AB-1.' }, { code: 'x'.repeat(32), quantity: 24 }, { code: '1234', quantity: 1_000_000 }])).toEqual({});
    expect(codes([{ code: '123' }])).toEqual({ 'barcodes.0.code': 'v.stock.barcode' });
    expect(codes([{ code: 'x'.repeat(33) }])).toEqual({ 'barcodes.0.code': 'v.stock.barcode' });
    expect(codes([{ code: '12 34' }])).toEqual({ 'barcodes.0.code': 'v.stock.barcode' });
    expect(codes([{ code: '1234', quantity: 0 }])).toEqual({ 'barcodes.0.quantity': 'v.stock.quantity' });
    expect(codes([{ code: '1234', quantity: 1_000_001 }])).toEqual({ 'barcodes.0.quantity': 'v.range' });
    expect(codes([{ code: '1234' }, { code: '5678' }, { code: '1234' }])).toEqual({ 'barcodes.2.code': 'v.stock.barcodeDuplicate' });
    expect(keys(codes(Array.from({ length: 21 }, (_, i) => ({ code: `code${i}` }))))).toEqual(['barcodes']);
    expect(codes(Array.from({ length: 20 }, (_, i) => ({ code: `code${i}` })))).toEqual({});
  });

  it('a pack holds 2 to 100,000 base units, each pack name once, at most 10 packs', () => {
    const packs = (p: object[]) => fields('stock.itemSave', { ...item, packs: p });
    expect(packs([{ name: '箱', quantity: 2 }, { name: '托', quantity: 100_000 }])).toEqual({});
    expect(packs([{ name: '箱', quantity: 1 }])).toEqual({ 'packs.0.quantity': 'v.stock.packSize' });
    expect(packs([{ name: '箱', quantity: 100_001 }])).toEqual({ 'packs.0.quantity': 'v.range' });
    expect(packs([{ name: '箱', quantity: 24.5 }])).toEqual({ 'packs.0.quantity': 'v.wholeNumber' });
    expect(packs([{ name: '箱', quantity: 24 }, { name: '包', quantity: 6 }, { name: '箱', quantity: 12 }])).toEqual({ 'packs.2.name': 'v.stock.packDuplicate' });
    expect(packs(Array.from({ length: 10 }, (_, i) => ({ name: `p${i}`, quantity: 2 })))).toEqual({});
    expect(keys(packs(Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, quantity: 2 }))))).toEqual(['packs']);
  });

  it('the minimum level is a whole number from 0 to 1,000,000', () => {
    expect([0, 1_000_000].map((m) => fields('stock.itemSave', { ...item, minLevel: m }))).toEqual([{}, {}]);
    expect([-1, 1_000_001, 0.5].map((m) => fields('stock.itemSave', { ...item, minLevel: m }))).toEqual([{ minLevel: 'v.range' }, { minLevel: 'v.range' }, { minLevel: 'v.wholeNumber' }]);
  });
});

describe('quantities and money', () => {
  const line = (l: object) => fields('stock.receive', { source: 'allocation', lines: [{ itemId: 1, quantity: 1, ...l }] });

  it('a quantity is a whole number of base units from 1 to 1,000,000', () => {
    expect([1, 1_000_000].map((quantity) => line({ quantity }))).toEqual([{}, {}]);
    expect([0, 1.5].map((quantity) => line({ quantity }))).toEqual([{ 'lines.0.quantity': 'v.stock.quantity' }, { 'lines.0.quantity': 'v.stock.quantity' }]);
    expect(line({ quantity: 1_000_001 })).toEqual({ 'lines.0.quantity': 'v.range' });
  });

  it('a unit price is whole fen from 0 to 100,000,000, never rounded', () => {
    expect([0, 100_000_000].map((unitPriceFen) => line({ unitPriceFen }))).toEqual([{}, {}]);
    expect([-1, 0.5].map((unitPriceFen) => line({ unitPriceFen }))).toEqual([{ 'lines.0.unitPriceFen': 'v.stock.fen' }, { 'lines.0.unitPriceFen': 'v.stock.fen' }]);
    expect(line({ unitPriceFen: 100_000_001 })).toEqual({ 'lines.0.unitPriceFen': 'v.range' });
  });

  it('a batch expires no earlier than it was produced: the same day is allowed', () => {
    expect(line({ producedOn: '2026-07-01', expiresOn: '2026-07-01' })).toEqual({});
    expect(line({ producedOn: '2026-07-01', expiresOn: '2026-06-30' })).toEqual({ 'lines.0.expiresOn': 'v.stock.expiryBeforeProduction' });
    expect(line({ expiresOn: '2026-06-30' })).toEqual({});
    expect(line({ producedOn: '2026-07-01' })).toEqual({});
  });
});

describe('a receipt', () => {
  const purchase = { source: 'purchase', supplier: '超市', invoiceNo: 'F001', lines: [{ itemId: 1, quantity: 1, unitPriceFen: 150 }] };

  it('a purchase names its supplier, its invoice and the price of every line', () => {
    expect(fields('stock.receive', purchase)).toEqual({});
    expect(fields('stock.receive', { ...purchase, supplier: ' ', invoiceNo: '' })).toEqual({ supplier: 'v.required', invoiceNo: 'v.required' });
    expect(fields('stock.receive', { ...purchase, lines: [...purchase.lines, { itemId: 1, quantity: 1 }] })).toEqual({ 'lines.1.unitPriceFen': 'v.required' });
  });

  it('a donation names its donor; an allocation needs neither supplier, invoice, donor nor price', () => {
    expect(fields('stock.receive', { source: 'donation', lines: [{ itemId: 1, quantity: 1 }] })).toEqual({ donor: 'v.required' });
    expect(fields('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: 1, quantity: 1 }] })).toEqual({});
    expect(fields('stock.receive', { source: 'allocation', lines: [{ itemId: 1, quantity: 1 }] })).toEqual({});
  });

  it('only a purchase is charged to a fund, and is not over budget unless confirmed', () => {
    const charge = { fundId: 1, category: 'food' };
    expect(parsed('stock.receive', { ...purchase, charge })).toMatchObject({ charge, confirmOverBudget: false, note: '' });
    expect(fields('stock.receive', { source: 'donation', donor: '爱心企业', charge, lines: [{ itemId: 1, quantity: 1 }] })).toEqual({ charge: 'v.stock.chargePurchaseOnly' });
  });

  it('a receipt has 1 to 100 lines', () => {
    expect(fields('stock.receive', { ...purchase, lines: [] })).toEqual({ lines: 'v.stock.linesRequired' });
    expect(fields('stock.receive', { source: 'allocation', lines: Array.from({ length: 100 }, () => ({ itemId: 1, quantity: 1 })) })).toEqual({});
    expect(keys(fields('stock.receive', { source: 'allocation', lines: Array.from({ length: 101 }, () => ({ itemId: 1, quantity: 1 })) }))).toEqual(['lines']);
  });
});

describe('an issue', () => {
  const lines = [{ itemId: 1, quantity: 1 }];

  it('an outreach trip names its trip, station use its department, each with 1 to 50 lines', () => {
    expect(parsed('stock.issue', { destination: 'outreach', outreachRef: '夜间巡查', lines })).toEqual({ destination: 'outreach', outreachRef: '夜间巡查', note: '', lines });
    expect(fields('stock.issue', { destination: 'outreach', outreachRef: ' ', lines })).toEqual({ outreachRef: 'v.required' });
    expect(fields('stock.issue', { destination: 'station_use', department: '', lines })).toEqual({ department: 'v.required' });
    expect(fields('stock.issue', { destination: 'station_use', department: '厨房', lines: [] })).toEqual({ lines: 'v.stock.linesRequired' });
    expect(fields('stock.issue', { destination: 'station_use', department: '厨房', lines: Array.from({ length: 50 }, () => lines[0]) })).toEqual({});
    expect(keys(fields('stock.issue', { destination: 'station_use', department: '厨房', lines: Array.from({ length: 51 }, () => lines[0]) }))).toEqual(['lines']);
  });

  it('a write-off gives its reason, and a note when the reason is "other"', () => {
    expect(fields('stock.issue', { destination: 'write_off', reason: 'other', lines })).toEqual({ note: 'v.required' });
    expect(fields('stock.issue', { destination: 'write_off', reason: 'other', note: '鼠咬', lines })).toEqual({});
    expect(fields('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ ...lines[0], batchId: 3 }] })).toEqual({});
    expect(fields('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [] })).toEqual({ lines: 'v.stock.linesRequired' });
    expect(keys(fields('stock.issue', { destination: 'write_off', reason: 'damaged', lines: Array.from({ length: 51 }, () => lines[0]) }))).toEqual(['lines']);
    expect(fields('stock.issue', { destination: 'write_off', reason: 'damaged', lines: Array.from({ length: 50 }, () => lines[0]) })).toEqual({});
  });

  it('station use keeps its note empty unless given; a write-off keeps the batch it names', () => {
    expect(parsed('stock.issue', { destination: 'station_use', department: '厨房', lines })).toEqual({ destination: 'station_use', department: '厨房', note: '', lines });
    expect(parsed('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ ...lines[0], batchId: 3 }] })).toMatchObject({ lines: [{ itemId: 1, quantity: 1, batchId: 3 }] });
    expect(keys(fields('stock.issue', { destination: 'write_off', reason: 'damaged', lines: [{ ...lines[0], batchId: 0 }] }))).toEqual(['lines.0.batchId']);
  });

  it('a receipt, an issue or a fund charge is reversed, nothing else', () => {
    expect(['receipt', 'issue', 'charge'].map((kind) => fields('stock.reverse', { kind, id: 1, reason: '录错' }))).toEqual([{}, {}, {}]);
    expect(keys(fields('stock.reverse', { kind: 'stocktake', id: 1, reason: '录错' }))).toEqual(['kind']);
  });

  it('an issue to a stay takes 1 to 50 lines', () => {
    expect(parsed('stock.issueToStay', { stayId: 1, lines })).toEqual({ stayId: 1, lines, note: '' });
    expect(fields('stock.issueToStay', { stayId: 1, lines: [] })).toEqual({ lines: 'v.stock.linesRequired' });
  });
});

describe('a stocktake', () => {
  it('a count enters at least one batch or one found batch; a batch counted from 0 to 1,000,000', () => {
    expect(fields('stock.stocktakeCount', { stocktakeId: 1 })).toEqual({ counts: 'v.stock.linesRequired' });
    expect(parsed('stock.stocktakeCount', { stocktakeId: 1, counts: [{ batchId: 1, counted: 0 }] })).toEqual({ stocktakeId: 1, counts: [{ batchId: 1, counted: 0 }], found: [] });
    expect(fields('stock.stocktakeCount', { stocktakeId: 1, found: [{ itemId: 1, quantity: 1 }] })).toEqual({});
    expect(fields('stock.stocktakeCount', { stocktakeId: 1, counts: [{ batchId: 1, counted: 1_000_000 }] })).toEqual({});
    expect(fields('stock.stocktakeCount', { stocktakeId: 1, counts: [{ batchId: 1, counted: -1 }] })).toEqual({ 'counts.0.counted': 'v.range' });
    expect(fields('stock.stocktakeCount', { stocktakeId: 1, counts: [{ batchId: 1, counted: 1_000_001 }] })).toEqual({ 'counts.0.counted': 'v.range' });
    expect(fields('stock.stocktakeCount', { stocktakeId: 1, counts: [{ batchId: 1, counted: 2.5 }] })).toEqual({ 'counts.0.counted': 'v.wholeNumber' });
  });

  it('a batch found at a count expires no earlier than it was produced', () => {
    const found = (f: object) => fields('stock.stocktakeCount', { stocktakeId: 1, found: [{ itemId: 1, quantity: 2, ...f }] });
    expect(found({ producedOn: '2026-07-01', expiresOn: '2026-06-30' })).toEqual({ 'found.0.expiresOn': 'v.stock.expiryBeforeProduction' });
    expect(found({ producedOn: '2026-07-01', expiresOn: '2026-07-01' })).toEqual({});
    expect(found({ producedOn: '2026-07-01' })).toEqual({});
  });

  it('a count may enter counted batches and found ones together', () => {
    expect(fields('stock.stocktakeCount', { stocktakeId: 1, counts: [{ batchId: 1, counted: 3, reason: 'lost' }], found: [{ itemId: 1, quantity: 2 }] })).toEqual({});
  });

  it('a stocktake starts for one category or for all, its note empty unless given', () => {
    expect(parsed('stock.stocktakeStart', {})).toEqual({ note: '' });
    expect(parsed('stock.stocktakeStart', { category: 'water' })).toEqual({ category: 'water', note: '' });
  });
});

describe('funds and periods', () => {
  const budgets = { services: 0, medicine: 10_000_000_000, food: 0, clothing: 0, other: 0 };

  it('a fund runs from its first day to its last, the same day allowed, each budget whole fen up to 100 million yuan', () => {
    expect(fields('stock.fundSave', { name: '防暑基金', startsOn: '2026-07-01', endsOn: '2026-07-01', budgets })).toEqual({});
    expect(fields('stock.fundSave', { name: '防暑基金', startsOn: '2026-07-02', endsOn: '2026-07-01', budgets })).toEqual({ endsOn: 'v.stock.period' });
    expect(fields('stock.fundSave', { name: '防暑基金', startsOn: '2026-07-01', endsOn: '2026-08-01', budgets: { ...budgets, food: 10_000_000_001 } })).toEqual({ 'budgets.food': 'v.range' });
  });

  it('a charge is at least 1 fen', () => {
    const charge = { fundId: 1, category: 'food', description: '盒饭', amountFen: 1 };
    expect(parsed('stock.fundCharge', charge)).toEqual({ ...charge, confirmOverBudget: false });
    expect(fields('stock.fundCharge', { ...charge, amountFen: 0 })).toEqual({ amountFen: 'v.stock.fen' });
  });

  it('a ledger period ends no earlier than it starts: one day is a period', () => {
    expect(fields('stock.ledger', { from: '2026-07-01', to: '2026-07-01' })).toEqual({});
    expect(fields('stock.ledger', { from: '2026-07-02', to: '2026-07-01' })).toEqual({ to: 'v.stock.period' });
    expect(fields('stock.ledgerEntries', { from: '2026-07-02', to: '2026-07-01', itemId: 1 })).toEqual({ to: 'v.stock.period' });
  });

  it('the journal and a fund’s charges come 1 to 200 at a time, 50 unless asked', () => {
    expect(parsed('stock.journal', {})).toEqual({ limit: 50, offset: 0 });
    expect(parsed('stock.fundCharges', { fundId: 1 })).toEqual({ fundId: 1, limit: 50, offset: 0 });
    expect([0, 201].map((limit) => keys(fields('stock.journal', { limit })))).toEqual([['limit'], ['limit']]);
    expect([1, 200].map((limit) => fields('stock.fundCharges', { fundId: 1, limit }))).toEqual([{}, {}]);
  });

  it('the journal and a fund’s charges are paged from offset 0 to 10,000,000', () => {
    expect([0, 10_000_000].map((offset) => fields('stock.journal', { offset }))).toEqual([{}, {}]);
    expect([-1, 10_000_001].map((offset) => keys(fields('stock.journal', { offset })))).toEqual([['offset'], ['offset']]);
    expect([0, 10_000_000].map((offset) => fields('stock.fundCharges', { fundId: 1, offset }))).toEqual([{}, {}]);
    expect([-1, 10_000_001].map((offset) => keys(fields('stock.fundCharges', { fundId: 1, offset })))).toEqual([['offset'], ['offset']]);
  });

  it('the ledger is asked for one item or one category of a period', () => {
    expect(parsed('stock.ledger', { from: '2026-07-01', to: '2026-07-31', itemId: 2, category: 'food' })).toEqual({ from: '2026-07-01', to: '2026-07-31', itemId: 2, category: 'food' });
    expect(keys(fields('stock.ledger', { from: '2026-07-01', to: '2026-07-31', category: 'toys' }))).toEqual(['category']);
  });
});

describe('the item list', () => {
  it('lists the active items of every category unless asked, searched by up to 60 characters', () => {
    expect(parsed('stock.items', {})).toEqual({ q: '', includeInactive: false });
    expect(parsed('stock.items', { q: ' 水 ', category: 'water', includeInactive: true })).toEqual({ q: '水', category: 'water', includeInactive: true });
    expect(fields('stock.items', { q: 'x'.repeat(61) })).toEqual({ q: 'v.tooLong' });
    expect(keys(fields('stock.items', { category: 'toys' }))).toEqual(['category']);
  });
});
