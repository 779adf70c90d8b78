import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Border, Style, Worksheet } from 'exceljs';
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CELL_FORMATS, cellValue } from './cells';
import type { ColumnType, Sheet, WorkbookSpec } from './sheet';

/**
 * Rows written between two turns of the event loop. The file is built on the main thread, after the call that read
 * its rows, and the desk keeps working meanwhile: 100 rows of 13 columns take about 5–20 ms here (2 cores), so no
 * call waits longer than that behind an export.
 */
export const ROWS_PER_TURN = 100;

const DEFAULT_WIDTH: Record<ColumnType, number> = { text: 16, integer: 8, money: 12, date: 12, instant: 17, percent: 9 };
const thin: Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const TITLE_STYLE: Partial<Style> = { font: { bold: true, size: 14 }, alignment: { vertical: 'middle', horizontal: 'center' } };
const NOTE_STYLE: Partial<Style> = { font: { size: 10, color: { argb: 'FF595959' } }, alignment: { vertical: 'middle', horizontal: 'left' } };
const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  border: { top: thin, left: thin, bottom: thin, right: thin },
};
// One style object per column type, shared by every cell: exceljs then looks its id up once, not once per cell.
const CELL_STYLES = Object.fromEntries(
  Object.entries(CELL_FORMATS).map(([type, numFmt]) => [type, { numFmt, border: { top: thin, left: thin, bottom: thin, right: thin } }]),
) as Record<ColumnType, Partial<Style>>;

/** The rows above a sheet's header: what the file is, the period, and when and by whom it was made. */
export function titleLines(book: WorkbookSpec, s: Sheet): string[] {
  const madeAt = format(new TZDate(book.madeAt, book.timeZone), 'yyyy-MM-dd HH:mm');
  const lines = [`${book.station}　${s.title}`];
  if (s.period) lines.push(`统计期间：${s.period.from} 至 ${s.period.to}`);
  lines.push(`制表时间：${madeAt}　制表人：${book.madeBy}　共 ${s.rows.length} 条`);
  return lines;
}

/** Excel refuses such a tab name, or a second tab of the same name: a bug in the caller, not the user's doing. */
function checkNames(sheets: readonly Sheet[]): void {
  const seen = new Set<string>();
  for (const s of sheets) {
    if (!s.name || s.name.length > 31 || /[:\\/?*[\]]/.test(s.name) || seen.has(s.name.toLowerCase())) throw new Error(`Bad sheet name ${JSON.stringify(s.name)}`);
    if (s.columns.length === 0) throw new Error(`Sheet ${s.name} has no columns`);
    seen.add(s.name.toLowerCase());
  }
}

/**
 * The workbook as XLSX bytes, written by exceljs's streaming writer: each row is serialized when committed, so the
 * whole sheet is never held as cells (a year of a large station, 50,000 rows, is about 3 MB and 2 s), and the
 * event loop gets a turn every ROWS_PER_TURN rows. `progress` hears the rows written so far.
 */
export async function writeWorkbook(book: WorkbookSpec, progress: (written: number) => void = () => {}): Promise<Buffer> {
  checkNames(book.sheets);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    // Stryker disable next-line StringLiteral: nothing errors this in-memory stream (a PassThrough errors only when destroyed with an error, which nothing here does); a getter's bug throws out of the loop below
    out.on('error', reject);
  });
  // exceljs (with its dependencies, about 650 modules) is loaded by the first export, not at start-up, where every
  // station would pay for it. A plain require: this is CommonJS, and Electron then reads it from the app's asar as
  // it reads every other module.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stream } = require('exceljs') as typeof import('exceljs');
  // Shared strings: text cells as Excel itself writes them (t="s"); without, exceljs marks them as formula results.
  const wb = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'StationDesk';
  wb.created = new Date(book.madeAt);
  let written = 0;
  for (const s of book.sheets) {
    const lines = titleLines(book, s);
    const headerRow = lines.length + 1;
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + s.rows.length, column: s.columns.length } };
    ws.columns = s.columns.map((c) => ({ width: c.width ?? DEFAULT_WIDTH[c.type] }));
    writeHead(ws, lines, s);
    for (const row of s.rows) {
      const values = s.columns.map((c) => cellValue(c.type, (c.value as (r: unknown) => unknown)(row), book.timeZone));
      const added = ws.addRow(values);
      s.columns.forEach((c, i) => (added.getCell(i + 1).style = CELL_STYLES[c.type]));
      added.commit();
      written += 1;
      if (written % ROWS_PER_TURN === 0) {
        progress(written);
        await nextTurn();
      }
    }
    ws.commit();
  }
  await wb.commit();
  await ended;
  progress(written);
  return Buffer.concat(chunks);
}

function writeHead(ws: Worksheet, lines: string[], s: Sheet): void {
  lines.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).style = i === 0 ? TITLE_STYLE : NOTE_STYLE;
    row.height = i === 0 ? 26 : 18;
    ws.mergeCells(i + 1, 1, i + 1, s.columns.length);
    row.commit();
  });
  const header = ws.getRow(lines.length + 1);
  s.columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    header.getCell(i + 1).style = HEADER_STYLE;
  });
  header.height = 22;
  header.commit();
}
