import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS } from '../../../electron/features/stock/ledger-export';
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
