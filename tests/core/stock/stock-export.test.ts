import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS, ledgerFileName, ledgerSheet, type LedgerSheetRow } from '../../../electron/features/stock/ledger-export';
import type { LedgerRow } from '../../../shared/contract/stock-views';
import { STOCK_CATEGORIES } from '../../../shared/domain/stock';
import type { ExportStarted } from '../../../shared/contract/export';
import { stockStation, type StockStation } from './stock-helpers';

let s: StockStation;
afterEach(() => s?.st.close());

const JULY = { from: '2026-07-01', to: '2026-07-31' };

async function workbookOf(started: ExportStarted): Promise<ExcelJS.Worksheet> {
  await s.st.core.services.exports.idle();
  const file = s.st.must('export.file', { id: started.id }, s.store);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The header row is the first whose first cell reads 类别 (title rows come before it). */
function headerRow(ws: ExcelJS.Worksheet): number {
  for (let n = 1; n <= 10; n++) if (ws.getRow(n).getCell(1).value === '类别') return n;
  throw new Error('no header row');
}

describe('the ledger export (stock.exportLedger)', () => {
  it('writes one row per item with Chinese headers, number formats, a frozen header, and totals that match the ledger', async () => {
    s = stockStation();
    const water = s.item({ name: '矿泉水', unit: '瓶' });
    const tea = s.item({ name: '凉茶', unit: '罐' });
    s.st.must('stock.receive', { source: 'donation', donor: '爱心企业', lines: [{ itemId: water, quantity: 2400, unitPriceFen: 150, expiresOn: '2027-06-30' }] }, s.store);
    s.st.must('stock.receive', { source: 'allocation', lines: [{ itemId: tea, quantity: 48, unitPriceFen: 325, expiresOn: '2027-06-30' }] }, s.store);
    s.st.must('stock.issue', { destination: 'station_use', department: '厨房', lines: [{ itemId: water, quantity: 200 }] }, s.store);
    s.st.must('stock.issueToStay', { stayId: s.stay(), lines: [{ itemId: water, quantity: 3 }] }, s.desk);

    const started = s.st.must('stock.exportLedger', JULY, s.store);
    expect(started.fileName).toBe('防暑物资台账_2026-07-01_2026-07-31.xlsx');
    const ws = await workbookOf(started);
    const head = headerRow(ws);
    expect((ws.getRow(head).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: head });

    const col = (header: string) => LEDGER_COLUMNS.findIndex((c) => c.header === header) + 1;
    const byName = new Map<string, ExcelJS.Row>();
    for (let n = head + 1; n <= ws.rowCount; n++) byName.set(String(ws.getRow(n).getCell(col('物资名称')).value ?? ws.getRow(n).getCell(1).value), ws.getRow(n));
    const w = byName.get('矿泉水')!;
    expect(w.getCell(col('捐赠入库')).value).toBe(2400);
    expect(w.getCell(col('站内使用')).value).toBe(200);
    expect(w.getCell(col('发放受助人员')).value).toBe(3);
    expect(w.getCell(col('期末数量')).value).toBe(2197);
    expect(w.getCell(col('期末金额')).value).toBe(3295.5);
    expect(w.getCell(col('期末金额')).numFmt).toBe('0.00');
    expect(w.getCell(col('期末数量')).numFmt).toBe('0');
    // Totals: values in yuan across items, matching the ledger procedure to the fen.
    const report = s.st.must('stock.ledger', JULY, s.store);
    const closingFen = report.rows.reduce((n, r) => n + r.closingValueFen, 0);
    expect(closingFen).toBe(2197 * 150 + 48 * 325);
    const total = byName.get('合计')!;
    expect(total.getCell(col('期末金额')).value).toBe(closingFen / 100);
    expect(total.getCell(col('入库金额')).value).toBe((2400 * 150 + 48 * 325) / 100);
    expect(total.getCell(col('期末数量')).value).toBeNull();
  });

  it('writes who exported the ledger of which period in the audit trail, as the stock ledger, with its file and row count', () => {
    s = stockStation();
    s.item({ name: '矿泉水' });
    const started = s.st.must('stock.exportLedger', JULY, s.store);
    const audit = s.st.core.db.prepare("SELECT procedure, actor_id, entity_id, after FROM audit_log WHERE entity = 'export' ORDER BY id DESC LIMIT 1").get() as {
      procedure: string;
      actor_id: number;
      entity_id: string;
      after: string;
    };
    expect(audit).toMatchObject({ procedure: 'stock.exportLedger', actor_id: s.st.must('auth.session', {}, s.store).user.id, entity_id: started.id });
    expect(JSON.parse(audit.after)).toMatchObject({ what: 'stock_ledger', from: '2026-07-01', to: '2026-07-31', fileName: started.fileName, rows: started.rows });
  });

  it('refuses a period that ends before it starts, at the end field', () => {
    s = stockStation();
    const r = s.st.call('stock.exportLedger', { from: '2026-07-31', to: '2026-07-01' }, s.store);
    expect(r.ok ? null : r.error.fields).toEqual({ to: 'v.periodOrder' });
  });

  it('is refused to a role that does not read stock (an inspector)', () => {
    s = stockStation();
    const inspector = s.st.userWith(['inspector']);
    expect(s.st.call('stock.exportLedger', JULY, inspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the ledger sheet (台账) as the bureau reads it', () => {
  const row = (id: number, category: LedgerRow['item']['category'], fen: number): LedgerRow => ({
    item: { id, name: `物资${id}`, unit: '箱', category },
    opening: 10,
    in: { purchase: 1, donation: 2, allocation: 3, stocktake: 4 },
    out: { stay: 5, outreach: 6, station_use: 7, write_off: 8, stocktake: 9 },
    closing: 15,
    openingValueFen: fen,
    inValueFen: 2 * fen,
    outValueFen: 3 * fen,
    closingValueFen: 4 * fen,
  });

  it('has the bureau’s columns in order: category, name, unit, then opening, each way in, each way out and closing, quantities whole and values in yuan', () => {
    expect(LEDGER_COLUMNS.map((c) => [c.header, c.type])).toEqual([
      ['类别', 'text'],
      ['物资名称', 'text'],
      ['单位', 'text'],
      ['期初数量', 'integer'],
      ['期初金额', 'money'],
      ['采购入库', 'integer'],
      ['捐赠入库', 'integer'],
      ['局拨入库', 'integer'],
      ['盘盈', 'integer'],
      ['入库合计', 'integer'],
      ['入库金额', 'money'],
      ['发放受助人员', 'integer'],
      ['外展巡查', 'integer'],
      ['站内使用', 'integer'],
      ['报损', 'integer'],
      ['盘亏', 'integer'],
      ['出库合计', 'integer'],
      ['出库金额', 'money'],
      ['期末数量', 'integer'],
      ['期末金额', 'money'],
    ]);
  });

  it('gives each item its category’s name, its quantities by kind with their sums, and a totals row of values only (bottles and boxes do not add up)', () => {
    const report = { from: '2026-07-01', to: '2026-07-31', rows: STOCK_CATEGORIES.map((c, i) => row(i + 1, c, 100 * (i + 1))) };
    const s = ledgerSheet({ from: '2026-07-01', to: '2026-07-31' }, report);
    expect([s.name, s.title, s.period]).toEqual(['防暑物资台账', '防暑物资台账', { from: '2026-07-01', to: '2026-07-31' }]);
    expect(ledgerFileName({ from: '2026-07-01', to: '2026-07-31' })).toBe('防暑物资台账_2026-07-01_2026-07-31.xlsx');
    const cells = (r: LedgerSheetRow) => LEDGER_COLUMNS.map((c) => (c.value as (x: LedgerSheetRow) => unknown)(r));
    const rows = s.rows as LedgerSheetRow[];
    expect(rows.map((r) => cells(r)[0])).toEqual(['饮用水', '防暑药品', '食品', '衣物', '床上用品', '设备', '其他', '合计']);
    expect(cells(rows[0]!)).toEqual(['饮用水', '物资1', '箱', 10, 100, 1, 2, 3, 4, 10, 200, 5, 6, 7, 8, 9, 35, 300, 15, 400]);
    // 100 + 200 + … + 700 fen = 2,800 fen of opening value across the seven items.
    expect(cells(rows[7]!)).toEqual(['合计', null, null, null, 2_800, null, null, null, null, null, 5_600, null, null, null, null, null, null, 8_400, null, 11_200]);
  });
});
