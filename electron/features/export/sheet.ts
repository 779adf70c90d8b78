import type { Period } from '../../../shared/contract/export';

/**
 * A typed description of one sheet of an XLSX export. Each column says what its values are, and the exporter turns
 * them into real cells with the matching format: numbers stay numbers and times stay times, so staff can sort,
 * filter and add them up in Excel or WPS.
 *
 * | type      | the getter returns                    | the cell                                          |
 * |-----------|---------------------------------------|---------------------------------------------------|
 * | `text`    | string                                | text (`@`), so ID numbers keep every digit        |
 * | `integer` | a safe integer                        | number, `0`                                       |
 * | `money`   | integer fen                           | yuan, fen / 100 in the cell only, `0.00`          |
 * | `date`    | 'YYYY-MM-DD' (a station-calendar day) | date, `yyyy-mm-dd`                                |
 * | `instant` | Unix ms                               | date-time on the station's clock, `yyyy-mm-dd hh:mm` |
 * | `percent` | a ratio (0.125 for 12.5 %)            | number, `0.0%`                                    |
 *
 * `null` or `undefined` leaves the cell empty. A value of the wrong kind (a float for fen, a malformed day) fails
 * the export: it is a bug in the getter, and a wrong number in a register sent to the bureau is worse than none.
 */
export type ColumnType = 'text' | 'integer' | 'money' | 'date' | 'instant' | 'percent';

/** What each column type's getter returns. */
export interface ColumnValues {
  text: string;
  integer: number;
  money: number;
  date: string;
  instant: number;
  percent: number;
}

interface ColumnOf<Row, T extends ColumnType> {
  /** The header, in Chinese (the file goes to the bureau as it is). */
  header: string;
  type: T;
  /** Width in characters (Excel's unit); each type has a default. */
  width?: number;
  value: (row: Row) => ColumnValues[T] | null | undefined;
}

export type Column<Row> = { [T in ColumnType]: ColumnOf<Row, T> }[ColumnType];

export interface SheetSpec<Row> {
  /** The tab's name: at most 31 characters, none of : \ / ? * [ ] (Excel's rules). */
  name: string;
  /** What the sheet is, after the station's name in the title row: 接待登记台账. */
  title: string;
  /** The period the rows cover, shown under the title. */
  period?: Period;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
}

declare const sheetBrand: unique symbol;
/** A sheet whose columns were checked against its rows; sheets of different row types go into one workbook. */
export type Sheet = SheetSpec<unknown> & { readonly [sheetBrand]: true };

/** Pairs columns with rows under one row type (checked here), then forgets the type so sheets can be listed together. */
export const sheet = <Row>(spec: SheetSpec<Row>): Sheet => spec as unknown as Sheet;

/** A whole file: the station and the maker head every sheet. */
export interface WorkbookSpec {
  /** The station's name (settings). */
  station: string;
  /** The station's time zone (settings): instants are shown on its clock. */
  timeZone: string;
  /** When the file was made (Unix ms) and by whom: the title rows say so. */
  madeAt: number;
  madeBy: string;
  sheets: readonly Sheet[];
}
