import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellTypeError, cellValue, stationClock } from '../../../electron/features/export/cells';
import { sheet, type Column, type WorkbookSpec } from '../../../electron/features/export/sheet';
import { ROWS_PER_TURN, writeWorkbook } from '../../../electron/features/export/workbook';

/** The exporter on its own, as the roster, ledger and report modules will use it. */

interface StockLine {
  item: string;
  quantity: number;
  priceFen: number | null;
  expires: string;
  receivedAt: number;
  share: number;
}
const LEDGER: Column<StockLine>[] = [
  { header: '物资', type: 'text', value: (r) => r.item },
  { header: '数量', type: 'integer', value: (r) => r.quantity },
  { header: '金额（元）', type: 'money', value: (r) => r.priceFen },
  { header: '有效期至', type: 'date', value: (r) => r.expires },
  { header: '入库时间', type: 'instant', value: (r) => r.receivedAt },
  { header: '占比', type: 'percent', value: (r) => r.share },
];
const BOOK = { station: '测试区救助管理站', timeZone: 'Asia/Shanghai', madeAt: Date.UTC(2026, 7, 31, 1, 5), madeBy: '王站长' };
const lines: StockLine[] = [
  { item: '矿泉水', quantity: 240, priceFen: 123456, expires: '2027-03-01', receivedAt: Date.UTC(2026, 7, 1, 15, 59, 59), share: 0.125 },
  { item: '藿香正气水', quantity: 3, priceFen: 1, expires: '2026-12-31', receivedAt: Date.UTC(2026, 7, 1, 16, 0), share: 1 },
  { item: '捐赠毛毯', quantity: 0, priceFen: null, expires: '2028-02-29', receivedAt: 0, share: 0 },
];

async function read(book: WorkbookSpec): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(book)) as unknown as ArrayBuffer);
  return wb;
}

describe('the XLSX exporter', () => {
  it('writes money as yuan with two decimals, days and instants as dates, ratios as percents, empty for null', async () => {
    const ws = (await read({ ...BOOK, sheets: [sheet({ name: '台账', title: '物资台账', period: { from: '2026-08-01', to: '2026-08-31' }, columns: LEDGER, rows: lines })] })).worksheets[0]!;
    expect(ws.getCell('A3').value).toBe('制表时间：2026-08-31 09:05　制表人：王站长　共 3 条');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['物资', '数量', '金额（元）', '有效期至', '入库时间', '占比']);
    expect(ws.getCell('C5').value).toBe(1234.56);
    expect(ws.getCell('C6').value).toBe(0.01);
    expect(ws.getCell('C7').value).toBeNull();
    expect(ws.getCell('C5').numFmt).toBe('0.00');
    expect(ws.getCell('D7').value).toEqual(new Date(Date.UTC(2028, 1, 29)));
    expect(ws.getCell('D7').numFmt).toBe('yyyy-mm-dd');
    // 15:59:59 UTC is 23:59:59 on 1 August in Shanghai; 16:00 UTC is midnight of the 2nd.
    expect(ws.getCell('E5').value).toEqual(new Date(Date.UTC(2026, 7, 1, 23, 59, 59)));
    expect(ws.getCell('E6').value).toEqual(new Date(Date.UTC(2026, 7, 2, 0, 0)));
    expect(ws.getCell('F5').value).toBe(0.125);
    expect(ws.getCell('F5').numFmt).toBe('0.0%');
    expect(ws.getCell('B7').value).toBe(0);
    // Text stays text (an ID number is never turned into 1.1E+17), counts are whole, instants carry their minute.
    expect(ws.getCell('A5').numFmt).toBe('@');
    expect(ws.getCell('B5').numFmt).toBe('0');
    expect(ws.getCell('E5').numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('puts several sheets in one workbook, each with its own title, frozen header and filter', async () => {
    const wb = await read({
      ...BOOK,
      sheets: [
        sheet({ name: '台账', title: '物资台账', columns: LEDGER, rows: lines }),
        sheet({ name: '汇总', title: '月度汇总', period: { from: '2026-08-01', to: '2026-08-31' }, columns: [{ header: '项目', type: 'text', value: (r: string) => r }], rows: ['接待人数'] }),
      ],
    });
    expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '汇总']);
    const [ledger, summary] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    // Without a period there is no period line: the header moves up a row.
    expect(ledger.getCell('A2').value).toMatch(/^制表时间/);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ledger.autoFilter).toBe('A3:F6');
    // Printed, a sheet is A4 landscape, as wide as the page.
    expect(ledger.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(summary.getCell('A1').value).toBe('测试区救助管理站　月度汇总');
    expect(summary.getCell('A2').value).toBe('统计期间：2026-08-01 至 2026-08-31');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(summary.getCell('A5').value).toBe('接待人数');
  });

  it('lays a sheet out to be read and printed: a large bold title and small grey notes across all columns, a bold shaded header, every cell ruled', async () => {
    const columns: Column<StockLine>[] = [...LEDGER.slice(0, 5), { ...LEDGER[5]!, width: 30 }];
    const wb = await read({ ...BOOK, sheets: [sheet({ name: '台账', title: '物资台账', period: { from: '2026-08-01', to: '2026-08-31' }, columns, rows: lines })] });
    const ws = wb.worksheets[0]!;
    // The file says what made it and when.
    expect([wb.creator, wb.created]).toEqual(['StationDesk', new Date(BOOK.madeAt)]);
    // The title and the two notes each span the sheet's columns.
    expect((ws.model as { merges: string[] }).merges).toEqual(['A1:F1', 'A2:F2', 'A3:F3']);
    expect([1, 2, 3, 4].map((n) => ws.getRow(n).height)).toEqual([26, 18, 18, 22]);
    expect(ws.getCell('A1').style).toMatchObject({ font: { bold: true, size: 14 }, alignment: { vertical: 'middle', horizontal: 'center' } });
    for (const note of ['A2', 'A3']) {
      expect(ws.getCell(note).style).toMatchObject({ font: { size: 10, color: { argb: 'FF595959' } }, alignment: { vertical: 'middle', horizontal: 'left' } });
      expect(ws.getCell(note).font.bold).toBeUndefined();
    }
    const rule = { style: 'thin', color: { argb: 'FFBFBFBF' } };
    const ruled = { top: rule, left: rule, bottom: rule, right: rule };
    expect(ws.getCell('C4').style).toMatchObject({
      font: { bold: true },
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
      border: ruled,
    });
    for (const cell of ['A5', 'B6', 'C7', 'D5', 'E6', 'F7']) expect(ws.getCell(cell).border, cell).toEqual(ruled);
    // Each column as wide as its type needs, unless the sheet says otherwise.
    expect(ws.columns.map((c) => c.width)).toEqual([16, 8, 12, 12, 17, 30]);
  });

  it('hears its progress every few rows, and gives the event loop a turn between them', async () => {
    const rows = Array.from({ length: ROWS_PER_TURN * 2 + 1 }, (_, i) => ({ ...lines[0]!, quantity: i }));
    const heard: number[] = [];
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const built = writeWorkbook({ ...BOOK, sheets: [sheet({ name: '台账', title: '物资台账', columns: LEDGER, rows })] }, (n) => heard.push(n));
    const turnsWhileBuilding = await built.then(() => turns);
    clearInterval(ticking);
    expect(heard).toEqual([ROWS_PER_TURN, ROWS_PER_TURN * 2, ROWS_PER_TURN * 2 + 1]);
    expect(turnsWhileBuilding).toBeGreaterThan(0);
  });

  it('refuses tab names Excel refuses, and a sheet without columns', async () => {
    const named = (name: string) => sheet({ name, title: 't', columns: LEDGER, rows: [] });
    for (const bad of ['', 'a'.repeat(32), '1/2', 'a:b', 'x?', 'a*', '[x]', 'a\\b']) {
      await expect(writeWorkbook({ ...BOOK, sheets: [named(bad)] }), bad).rejects.toThrow(/sheet name/);
    }
    await expect(writeWorkbook({ ...BOOK, sheets: [named('台账'), named('台账')] })).rejects.toThrow(/sheet name/);
    // Excel compares tab names without case: Stock and STOCK are one name to it.
    await expect(writeWorkbook({ ...BOOK, sheets: [named('Stock'), named('STOCK')] })).rejects.toThrow(/sheet name/);
    await expect(writeWorkbook({ ...BOOK, sheets: [named('STOCK'), named('Stock')] })).rejects.toThrow(/sheet name/);
    await expect(writeWorkbook({ ...BOOK, sheets: [named('a'.repeat(31))] })).resolves.toBeInstanceOf(Buffer);
    await expect(writeWorkbook({ ...BOOK, sheets: [sheet({ name: 'x', title: 't', columns: [], rows: [] })] })).rejects.toThrow(/no columns/);
  });
});

describe('cells', () => {
  const TZ = 'Asia/Shanghai';
  it('refuses a value of the wrong kind for its column (a bug in a getter fails the export)', () => {
    expect(() => cellValue('money', 12.5, TZ)).toThrow(CellTypeError);
    expect(() => cellValue('money', '1250', TZ)).toThrow(CellTypeError);
    expect(() => cellValue('integer', 2 ** 53, TZ)).toThrow(CellTypeError);
    expect(cellValue('integer', 2 ** 53 - 1, TZ)).toBe(2 ** 53 - 1);
    expect(() => cellValue('date', '2026-02-29', TZ)).toThrow(CellTypeError); // not a leap year
    expect(() => cellValue('date', '2026-2-28', TZ)).toThrow(CellTypeError);
    expect(cellValue('date', '2026-02-28', TZ)).toEqual(new Date(Date.UTC(2026, 1, 28)));
    expect(() => cellValue('instant', 1.5, TZ)).toThrow(CellTypeError);
    expect(() => cellValue('percent', Number.NaN, TZ)).toThrow(CellTypeError);
    expect(() => cellValue('percent', '0.5', TZ)).toThrow(CellTypeError);
    expect(() => cellValue('integer', '5', TZ)).toThrow(CellTypeError);
    expect(() => cellValue('text', 42, TZ)).toThrow(CellTypeError);
    expect(cellValue('text', undefined, TZ)).toBeNull();
  });

  it('keeps text a file can carry: XML-illegal characters replaced, at most 32,767 characters', () => {
    expect(cellValue('text', 'a\u0000b\u0008c\td\ne\uD800f\u007F', TZ)).toBe('a\uFFFDb\uFFFDc\td\ne\uFFFDf\uFFFD');
    expect(cellValue('text', '一\r\n二\r三\n', TZ)).toBe('一\n二\n三\n');
    expect(cellValue('text', '🧑‍🚒 张三', TZ)).toBe('🧑‍🚒 张三');
    expect(cellValue('text', 'x'.repeat(32_767), TZ)).toHaveLength(32_767);
    expect(cellValue('text', 'x'.repeat(32_768), TZ)).toHaveLength(32_767);
  });

  it('carries any text a record can hold into a file Excel opens: each unit XML cannot carry becomes U+FFFD, the rest as it was', async () => {
    // The oracle, written apart from the exporter's pattern: XML 1.0's Char production, by UTF-16 code unit, and DEL
    // (which exceljs drops); line ends as an XML reader normalizes them.
    const carried = (text: string) =>
      Array.from(text.split('\r\n').join('\n').split('\r').join('\n'), (ch) => {
        const c = ch.codePointAt(0)!;
        const lone = ch.length === 1 && c >= 0xd800 && c <= 0xdfff;
        return lone || (c < 0x20 && ![0x09, 0x0a, 0x0d].includes(c)) || c === 0x7f || c === 0xfffe || c === 0xffff ? '\uFFFD' : ch;
      }).join('');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('<b>&amp;</b>', '=1+1', ']]>', ' 前后空格 ', '\r\n'));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (texts) => {
        const ws = (await read({ ...BOOK, sheets: [sheet({ name: 'x', title: 't', columns: [{ header: '文字', type: 'text', value: (r: string) => r }], rows: texts })] })).worksheets[0]!;
        texts.forEach((t, i) => expect(ws.getCell(`A${i + 4}`).value ?? '').toBe(carried(t)));
      }),
      { numRuns: 60, seed: 20_260_720 },
    );
  });

  it('shows an instant on the station’s clock, whole seconds, in the zone the settings name', () => {
    const t = Date.UTC(2026, 0, 1, 12, 0, 5, 999);
    expect(stationClock(t, 'Asia/Shanghai')).toEqual(new Date(Date.UTC(2026, 0, 1, 20, 0, 5)));
    expect(stationClock(t, 'UTC')).toEqual(new Date(Date.UTC(2026, 0, 1, 12, 0, 5)));
    expect(stationClock(t, 'Asia/Urumqi')).toEqual(new Date(Date.UTC(2026, 0, 1, 18, 0, 5)));
    expect(stationClock(-1, 'UTC')).toEqual(new Date(-1000));
  });
});
