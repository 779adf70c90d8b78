import { createContext, Fragment, useContext, type ReactNode } from 'react';

/** How many columns the table around a row has: a section title spans them all. */
const Columns = createContext(1);

/** The column widths of a bordered form table, as percentages of the sheet. */
function ColumnWidths({ widths }: { widths: readonly string[] }) {
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: w }} />
      ))}
    </colgroup>
  );
}

/**
 * A bordered form of labelled fields, as on the station's paper forms: `SectionRow`s and `FieldRow`s inside.
 * `spaced` leaves a small gap above a table that follows another.
 */
export function FormTable({ widths, spaced, children }: { widths: readonly string[]; spaced?: boolean; children: ReactNode }) {
  return (
    <table className={spaced ? 'form-table section-table' : 'form-table'}>
      <ColumnWidths widths={widths} />
      <Columns.Provider value={widths.length}>
        <tbody>{children}</tbody>
      </Columns.Provider>
    </table>
  );
}

/** A section's title across the whole table (到站情况, 身份信息 …). */
export function SectionRow({ title }: { title: ReactNode }) {
  const columns = useContext(Columns);
  return (
    <tr>
      <th colSpan={columns} className="section">
        {title}
      </th>
    </tr>
  );
}

/** One labelled field of a FieldRow: the label cell, then its value over `span` columns. */
export interface PrintField {
  label: ReactNode;
  /** Nothing: a blank to fill in by hand. */
  value?: ReactNode;
  span?: number;
  /** 'tall' and 'medium' leave room to write in; 'wide-spaced' spreads an ID number's digits. */
  cell?: 'tall' | 'medium' | 'wide-spaced';
}

/** A row of labelled fields (label, value, label, value …); `children` adds cells of its own, e.g. a photo. */
export function FieldRow({ fields, children }: { fields: readonly PrintField[]; children?: ReactNode }) {
  return (
    <tr>
      {fields.map((f, i) => (
        <Fragment key={i}>
          <th>{f.label}</th>
          <td colSpan={f.span} className={f.cell}>
            {f.value}
          </td>
        </Fragment>
      ))}
      {children}
    </tr>
  );
}

/**
 * A list as a bordered table: its title and column heads repeat at the top of each new page, one row per entry,
 * and `empty` across the table when there is none.
 */
export function ListTable({ title, heads, widths, rows, empty }: { title: ReactNode; heads: readonly string[]; widths: readonly string[]; rows: readonly ReactNode[][]; empty: ReactNode }) {
  return (
    <table className="form-table section-table">
      <ColumnWidths widths={widths} />
      <thead>
        <tr>
          <th colSpan={heads.length} className="section">
            {title}
          </th>
        </tr>
        <tr>
          {heads.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={heads.length} className="empty-row">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
