import { tzOffset } from '@date-fns/tz';
import { missingCase } from '../../../shared/domain/result';
import type { ColumnType } from './sheet';

/** What goes into an exceljs cell. */
export type CellValue = string | number | Date | null;

/** Each column type's number format (Excel's codes; WPS reads them alike). */
export const CELL_FORMATS: Record<ColumnType, string> = {
  text: '@',
  integer: '0',
  money: '0.00',
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm',
  percent: '0.0%',
};

/** The most characters a cell holds (Excel's limit); more would make Excel call the file damaged. */
const MAX_CELL_TEXT = 32_767;
/**
 * Characters a cell cannot carry: XML 1.0 has no controls other than tab and line breaks, no lone surrogates and no
 * U+FFFE/U+FFFF; exceljs would drop them, and DEL, silently. Each becomes U+FFFD, so the cell shows something was there.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// Stryker disable all: a developer's text, read in the log only. A getter's bug fails the build, and ExportFiles logs
// the error's stack and tells the user INTERNAL in its own words; no caller reads this text, nor the error's name.
/** What each column's getter should have returned, for the log. */
const EXPECTED: Record<ColumnType, string> = {
  text: 'a string',
  integer: 'a safe integer',
  money: 'a safe integer of fen',
  date: "a day 'YYYY-MM-DD'",
  instant: 'a safe integer of Unix ms',
  percent: 'a finite ratio',
};

/** A value of the wrong kind for its column: a bug in the sheet's getter, which fails the export. */
export class CellTypeError extends Error {
  override name = 'CellTypeError';
  constructor(type: ColumnType, value: unknown) {
    // A text column's value is not logged: it may be personal data (an ID number given as a number).
    super(`${type}: ${EXPECTED[type]} expected, got ${typeof value}${type === 'text' ? '' : ` ${String(value)}`}`);
  }
}
// Stryker restore all

/**
 * A getter's value as the cell holds it. Excel's date cells have no time zone: a Date is written by its UTC fields,
 * so dates and instants become Dates whose UTC fields read as the station's calendar and clock.
 */
export function cellValue(type: ColumnType, value: unknown, timeZone: string): CellValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      if (typeof value !== 'string') throw new CellTypeError(type, value);
      // Line breaks as XML readers see them anyway (a bare CR is read as LF).
      return value.replace(NOT_XML, '\uFFFD').replace(/\r\n?/g, '\n').slice(0, MAX_CELL_TEXT);
    case 'integer':
      return wholeNumber(value, type);
    case 'money':
      // Converted here only, once per cell: the data and any sums stay in integer fen.
      return wholeNumber(value, type) / 100;
    case 'date':
      return calendarDay(value, type);
    case 'instant':
      return stationClock(wholeNumber(value, type), timeZone);
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new CellTypeError(type, value);
      return value;
    // Stryker disable next-line ConditionalExpression: unreachable, every ColumnType has its case (missingCase is the compiler's check)
    default:
      return missingCase(type);
  }
}

function wholeNumber(value: unknown, type: ColumnType): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new CellTypeError(type, value);
  return value;
}

/** 'YYYY-MM-DD' as midnight UTC of that day, which Excel shows as that day. */
function calendarDay(value: unknown, type: 'date'): Date {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  // Date.UTC rolls 2026-02-30 over into March: a day that does not round-trip does not exist.
  if (!date || date.toISOString().slice(0, 10) !== value) throw new CellTypeError(type, value);
  return date;
}

/** An instant as the station's wall clock shows it, to the second. */
export function stationClock(ms: number, timeZone: string): Date {
  const wall = ms + tzOffset(timeZone, new Date(ms)) * 60_000;
  return new Date(wall - (((wall % 1000) + 1000) % 1000));
}
