import type { MovementLine } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { isExpired, type MovementKind } from '../../../shared/domain/stock';
import { stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { StockCtx } from './context';

/** A batch that holds stock, as an issue sees it. */
export interface OnHand {
  batchId: number;
  expiresOn: string | null;
  quantity: number;
  unitCostFen: number;
}

/** How much of which batch a line takes. */
export interface Allocation {
  batchId: number;
  quantity: number;
  unitCostFen: number;
}

/**
 * The batches of an item that hold anything, earliest expiry first (batches that never expire last), the older
 * batch first on the same day. Read from the balances' partial index: a handful of rows, however long the history.
 */
export function onHand(db: DB, itemId: number): OnHand[] {
  return cached(
    db,
    `SELECT s.batch_id AS batchId, s.expires_on AS expiresOn, s.quantity, b.unit_cost_fen AS unitCostFen
     FROM stock_balances s JOIN stock_batches b ON b.id = s.batch_id
     WHERE s.item_id = ? AND s.quantity > 0 ORDER BY s.expires_on NULLS LAST, s.batch_id`,
  ).all(itemId) as OnHand[];
}

/**
 * Which batches a line of `quantity` takes:
 * - `usable` (every issue): earliest expiry first, expired stock never;
 * - `expired` (a write-off of expired stock): expired batches only, earliest first;
 * - `any` (a write-off of damaged stock): expired batches first, then earliest expiry first;
 * - or the one batch named.
 * Never more than there is: STOCK_INSUFFICIENT at `field`, saying how much is available. `taken` carries what the
 * document's earlier lines took (by batch), so two lines of one item never count the same stock twice.
 */
export function allocate(
  c: Pick<StockCtx, 'db' | 'today'>,
  line: { itemId: number; quantity: number; batchId?: number },
  mode: 'usable' | 'expired' | 'any',
  field: string,
  taken = new Map<number, number>(),
): Allocation[] {
  const all = onHand(c.db, line.itemId)
    .map((b) => ({ ...b, quantity: b.quantity - (taken.get(b.batchId) ?? 0) }))
    .filter((b) => b.quantity > 0);
  const expired = all.filter((b) => isExpired(b.expiresOn, c.today));
  const usable = all.filter((b) => !isExpired(b.expiresOn, c.today));
  let eligible = mode === 'usable' ? usable : mode === 'expired' ? expired : [...expired, ...usable];
  if (line.batchId !== undefined) {
    // Stryker disable next-line Regex: every caller names a line's quantity, `lines.<i>.quantity`, whose only "quantity" is at its end
    const batchField = field.replace(/quantity$/, 'batchId');
    const batch = cached(c.db, 'SELECT item_id, expires_on FROM stock_batches WHERE id = ?').get(line.batchId) as { item_id: number; expires_on: string | null } | undefined;
    if (!batch || batch.item_id !== line.itemId) throw new AppError('VALIDATION', 'This batch is not of this item.', { [batchField]: 'v.stock.batchItem' });
    if (mode === 'expired' && !isExpired(batch.expires_on, c.today)) throw new AppError('VALIDATION', 'This batch has not expired.', { [batchField]: 'v.stock.notExpired' });
    eligible = eligible.filter((b) => b.batchId === line.batchId);
  }
  const available = eligible.reduce((n, b) => n + b.quantity, 0);
  if (available < line.quantity) {
    throw new AppError(
      'STOCK_INSUFFICIENT',
      `Only ${available} available; ${line.quantity} asked for.`,
      { [field]: 'v.stock.insufficient' },
      { itemId: line.itemId, requested: line.quantity, available, expiredOnHand: expired.reduce((n, b) => n + b.quantity, 0) },
    );
  }
  const out: Allocation[] = [];
  let left = line.quantity;
  for (const b of eligible) {
    if (left === 0) break;
    const take = Math.min(left, b.quantity);
    out.push({ batchId: b.batchId, quantity: take, unitCostFen: b.unitCostFen });
    taken.set(b.batchId, (taken.get(b.batchId) ?? 0) + take);
    left -= take;
  }
  return out;
}

export interface NewMovement {
  itemId: number;
  batchId: number;
  kind: MovementKind;
  /** + into stock, − out of it. */
  quantity: number;
  unitCostFen: number;
  receiptId?: number;
  issueId?: number;
  stocktakeId?: number;
  reversalId?: number;
  reverses?: number;
}

/**
 * Appends a document's movements, in one statement: the rows go in as one JSON array, so an issue across 50 batches
 * is one call into SQLite instead of 50 (a fifth of its insert time, issue 11's bench). The balances follow row by
 * row in the same statement (the movements' trigger, migration 0090). The ids come back in the order given: rows are
 * inserted in the array's order, and each new rowid is one above the largest.
 */
export function writeMovements(c: Pick<StockCtx, 'db' | 'now' | 'settings'>, movements: readonly NewMovement[]): number[] {
  const rows = movements.map((m) => [
    m.itemId,
    m.batchId,
    m.kind,
    m.quantity,
    m.quantity * m.unitCostFen,
    m.receiptId ?? null,
    m.issueId ?? null,
    m.stocktakeId ?? null,
    m.reversalId ?? null,
    m.reverses ?? null,
  ]);
  const ids = cached(
    c.db,
    `INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, receipt_id, issue_id, stocktake_id, reversal_id, reverses, at, on_day)
     SELECT r.value ->> 0, r.value ->> 1, r.value ->> 2, r.value ->> 3, r.value ->> 4, r.value ->> 5, r.value ->> 6, r.value ->> 7, r.value ->> 8,
            r.value ->> 9, ?, ?
     FROM json_each(?) r ORDER BY r.key RETURNING id`,
  )
    .pluck()
    .all(c.now, stationDay(c.now, c.settings.timeZone), JSON.stringify(rows)) as number[];
  // RETURNING's order is SQLite's to choose (today it is the rows'); the ids' order is the rows'.
  // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: SQLite returns an INSERT's rows in the order it inserts them, so unsorted ids are in order too, and `a + b` (ids are positive) reads every pair as in order, which keeps the order given; the sort holds the promise should SQLite's order change
  return ids.sort((a, b) => a - b);
}

const LINES = `
  SELECT m.id AS movementId, m.item_id AS itemId, i.name AS itemName, i.unit, m.batch_id AS batchId, b.lot, b.expires_on AS expiresOn,
         m.quantity, b.unit_cost_fen AS unitCostFen, m.value_fen AS valueFen
  FROM stock_movements m JOIN stock_items i ON i.id = m.item_id JOIN stock_batches b ON b.id = m.batch_id`;

/** A document's own movements (its reversal's are listed with the reversal). */
export function linesOf(db: DB, doc: 'receipt' | 'issue' | 'reversal', id: number): MovementLine[] {
  const sql =
    doc === 'receipt'
      ? `${LINES} WHERE m.receipt_id = ? AND m.reversal_id IS NULL ORDER BY m.id`
      : doc === 'issue'
        ? `${LINES} WHERE m.issue_id = ? AND m.reversal_id IS NULL ORDER BY m.id`
        : `${LINES} WHERE m.reversal_id = ? ORDER BY m.id`;
  return cached(db, sql).all(id) as MovementLine[];
}

export const staffRef = (db: DB, id: number) => ({
  id,
  // Stryker disable next-line StringLiteral: every id passed is a document's by_user or approved_by, which reference users (foreign keys on), so a user is always found
  displayName: (cached(db, 'SELECT display_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? '',
});
