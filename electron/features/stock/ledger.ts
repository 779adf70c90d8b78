import type { LedgerEntries, LedgerReport, LedgerRow } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { addDays, IN_KINDS, OUT_KINDS, splitByMonth, type InKind, type MovementKind, type OutKind, type StockCategory } from '../../../shared/domain/stock';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

/**
 * The ledger (台账): per item and period, the opening balance, what came in by kind, what went out by kind, and the
 * closing balance, all summed from the movements — whole months from their month totals (kept by the movements'
 * trigger, and checked against the movements like the balances), the days at a period's ends from the movements
 * themselves — so it reconciles with them exactly and one period's closing is the next one's opening. A year's ledger
 * reads a few dozen rows however long the history. A reversal sits in its original's column with the opposite sign
 * (red ink); a stocktake's gains are in, its losses out.
 */

type Item = LedgerRow['item'];
interface Sums {
  gained: number;
  lost: number;
  gainedFen: number;
  lostFen: number;
}

const MONTHS = `
  SELECT kind, sum(gained) AS gained, sum(lost) AS lost, sum(gained_fen) AS gainedFen, sum(lost_fen) AS lostFen
  FROM stock_month_totals WHERE item_id = ? AND month BETWEEN ? AND ? GROUP BY kind`;
const DAYS = `
  SELECT kind,
         coalesce(sum(CASE WHEN quantity > 0 THEN quantity END), 0) AS gained, coalesce(sum(CASE WHEN quantity < 0 THEN quantity END), 0) AS lost,
         coalesce(sum(CASE WHEN quantity > 0 THEN value_fen END), 0) AS gainedFen, coalesce(sum(CASE WHEN quantity < 0 THEN value_fen END), 0) AS lostFen
  FROM stock_movements WHERE item_id = ? AND on_day BETWEEN ? AND ? GROUP BY kind`;

/** The item's movements from `from` (null: the beginning) to `to`, by column. */
export function sumsByKind(db: DB, itemId: number, from: string | null, to: string): Map<MovementKind, Sums> {
  const { months, days } = splitByMonth(from, to);
  const rows = [
    ...(months ? (cached(db, MONTHS).all(itemId, months[0], months[1]) as ({ kind: MovementKind } & Sums)[]) : []),
    ...days.flatMap(([a, b]) => cached(db, DAYS).all(itemId, a, b) as ({ kind: MovementKind } & Sums)[]),
  ];
  const out = new Map<MovementKind, Sums>();
  for (const { kind, ...r } of rows) {
    const t = out.get(kind) ?? { gained: 0, lost: 0, gainedFen: 0, lostFen: 0 };
    out.set(kind, { gained: t.gained + r.gained, lost: t.lost + r.lost, gainedFen: t.gainedFen + r.gainedFen, lostFen: t.lostFen + r.lostFen });
  }
  return out;
}

/** The balance (and its value) at the start of `day`. */
function openingOf(db: DB, itemId: number, day: string): { q: number; v: number } {
  let q = 0;
  let v = 0;
  for (const s of sumsByKind(db, itemId, null, addDays(day, -1)).values()) {
    q += s.gained + s.lost;
    v += s.gainedFen + s.lostFen;
  }
  return { q, v };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
/** A column of stock coming in (a stocktake's, which goes both ways, is taken apart before this is asked). */
const isIn = (k: MovementKind): k is InKind => (IN_KINDS as readonly string[]).includes(k);

export function ledgerRow(db: DB, item: Item, from: string, to: string): LedgerRow {
  const opening = openingOf(db, item.id, from);
  const inCols = zeros(IN_KINDS);
  const outCols = zeros(OUT_KINDS);
  let inValueFen = 0;
  let outValueFen = 0;
  for (const [kind, d] of sumsByKind(db, item.id, from, to)) {
    if (kind === 'stocktake') {
      inCols.stocktake += d.gained;
      outCols.stocktake -= d.lost;
      inValueFen += d.gainedFen;
      outValueFen -= d.lostFen;
    } else if (isIn(kind)) {
      inCols[kind] += d.gained + d.lost; // net of reversals (red ink)
      inValueFen += d.gainedFen + d.lostFen;
    } else {
      outCols[kind as OutKind] -= d.gained + d.lost;
      outValueFen -= d.gainedFen + d.lostFen;
    }
  }
  const sum = (r: Record<string, number>) => Object.values(r).reduce((n, x) => n + x, 0);
  return {
    item,
    opening: opening.q,
    in: inCols,
    out: outCols,
    closing: opening.q + sum(inCols) - sum(outCols),
    openingValueFen: opening.v,
    inValueFen,
    outValueFen,
    closingValueFen: opening.v + inValueFen - outValueFen,
  };
}

const ITEM = 'SELECT id, name, unit, category FROM stock_items WHERE id = ?';

export function ledger(db: DB, q: { from: string; to: string; itemId?: number; category?: StockCategory }): LedgerReport {
  let items: (Item & { active: number })[];
  if (q.itemId !== undefined) {
    const one = cached(db, 'SELECT id, name, unit, category, active FROM stock_items WHERE id = ?').get(q.itemId) as (Item & { active: number }) | undefined;
    if (!one) throw new AppError('VALIDATION', 'No such item.', { itemId: 'v.stock.unknownItem' });
    items = [one];
  } else {
    items = (cached(db, 'SELECT id, name, unit, category, active FROM stock_items ORDER BY category, name, size, id').all() as (Item & { active: number })[]).filter(
      (i) => !q.category || i.category === q.category,
    );
  }
  const rows = items
    .map(({ active, ...item }) => ({ active, row: ledgerRow(db, item, q.from, q.to) }))
    // An item no longer kept shows only while it has stock or moved in the period: stock at its start, or a column
    // that moved (its closing is its opening plus what came in less what went out, and a value changes only with a
    // movement, so stock at the end or a value that changed is one of these).
    .filter(({ active, row }) => q.itemId !== undefined || active === 1 || row.opening !== 0 || Object.values(row.in).some(Boolean) || Object.values(row.out).some(Boolean))
    .map(({ row }) => row);
  return { from: q.from, to: q.to, rows };
}

/** One item's ledger line by line (明细账): each document's net movement of the item, with the running balance. */
export function ledgerEntries(db: DB, q: { itemId: number; from: string; to: string }): LedgerEntries {
  const item = cached(db, ITEM).get(q.itemId) as Item | undefined;
  if (!item) throw new AppError('VALIDATION', 'No such item.', { itemId: 'v.stock.unknownItem' });
  const opening = openingOf(db, item.id, q.from).q;
  const rows = cached(
    db,
    `SELECT CASE WHEN reversal_id IS NOT NULL THEN 'reversal' WHEN receipt_id IS NOT NULL THEN 'receipt' WHEN issue_id IS NOT NULL THEN 'issue' ELSE 'stocktake' END AS doc,
            coalesce(reversal_id, receipt_id, issue_id, stocktake_id) AS id, kind AS col, min(at) AS at, on_day AS day,
            sum(quantity) AS quantity, sum(value_fen) AS valueFen
     FROM stock_movements WHERE item_id = ? AND on_day BETWEEN ? AND ?
     GROUP BY 1, 2, 3 ORDER BY min(id)`,
  ).all(item.id, q.from, q.to) as { doc: LedgerEntries['entries'][number]['kind']; id: number; col: MovementKind; at: number; day: string; quantity: number; valueFen: number }[];
  let balance = opening;
  const entries = rows.map(({ doc, col, ...r }) => ({ kind: doc, column: col, ...r, balance: (balance += r.quantity) }));
  return { item, from: q.from, to: q.to, opening, entries, closing: balance };
}
