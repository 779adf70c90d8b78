import type { z } from 'zod';
import type { stocktakeCountInput } from '../../../shared/contract/stock';
import type { StocktakeLineView, StocktakeSummary, StocktakeView } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { SHORTAGE_REASONS, SURPLUS_REASONS, type StockCategory, type StocktakeReason } from '../../../shared/domain/stock';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { approve } from './approval';
import type { StockCtx } from './context';
import { staffRef, writeMovements } from './movements';
import { batchExpiry, insertBatch, lineItem } from './receipts';

/**
 * Stocktake (盘点). Starting one records the expected count of every batch on hand (of one category, or all). The
 * station keeps working meanwhile — water goes out at night — so each count is compared with the batch's book
 * balance at the moment it is entered (the expected count plus whatever moved since the start), not with the
 * snapshot: a bottle issued between the start and the count is neither lost nor found. Each difference needs a
 * reason. An admin or duty leader approves, and the differences are posted as adjustment movements then, each applied
 * to the batch's balance as it is at approval (what moved after the count stays as it was).
 */

interface Header {
  id: number;
  category: StockCategory | null;
  status: StocktakeView['status'];
  note: string;
  started_at: number;
  started_by: number;
  closed_at: number | null;
  closed_by: number | null;
  approved_by: number | null;
  cancel_reason: string | null;
}

function header(db: DB, id: number): Header {
  const h = cached(db, 'SELECT * FROM stock_stocktakes WHERE id = ?').get(id) as Header | undefined;
  if (!h) throw new AppError('NOT_FOUND', 'No such stocktake.');
  return h;
}

function openOne(db: DB, id: number): Header {
  const h = header(db, id);
  if (h.status !== 'open') throw new AppError('CONFLICT', 'This stocktake is closed.', { stocktakeId: 'v.stock.stocktakeClosed' });
  return h;
}

export function startStocktake(c: StockCtx, input: { category?: StockCategory; note: string }): number {
  const open = cached(c.db, "SELECT id FROM stock_stocktakes WHERE status = 'open'").pluck().get() as number | undefined;
  if (open !== undefined) throw new AppError('CONFLICT', 'A stocktake is already open.', { category: 'v.stock.stocktakeOpen' }, { stocktakeId: open });
  const id = Number(
    cached(c.db, "INSERT INTO stock_stocktakes (category, status, note, started_at, started_by) VALUES (?, 'open', ?, ?, ?)").run(input.category ?? null, input.note, c.now, c.actorId)
      .lastInsertRowid,
  );
  cached(
    c.db,
    `INSERT INTO stock_stocktake_lines (stocktake_id, batch_id, item_id, expected)
     SELECT :id, s.batch_id, s.item_id, s.quantity FROM stock_balances s JOIN stock_items i ON i.id = s.item_id
     WHERE s.quantity > 0 AND (:category IS NULL OR i.category = :category)`,
  ).run({ id, category: input.category ?? null });
  return id;
}

/** The reason a difference needs: a surplus is found or miscounted; a shortage lost, damaged, expired or miscounted. */
function reasonFor(counted: number, book: number, reason: StocktakeReason | undefined, field: string): StocktakeReason | null {
  if (counted === book) return null;
  if (!reason) throw new AppError('VALIDATION', 'A difference needs a reason.', { [field]: 'v.stock.reasonRequired' });
  if (!(counted > book ? SURPLUS_REASONS : SHORTAGE_REASONS).includes(reason)) {
    throw new AppError('VALIDATION', 'This reason does not fit the difference.', { [field]: 'v.stock.reasonDirection' });
  }
  return reason;
}

const UPSERT_LINE = `
  INSERT INTO stock_stocktake_lines (stocktake_id, batch_id, item_id, expected, book, counted, reason, counted_at, counted_by) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)
  ON CONFLICT (stocktake_id, batch_id) DO UPDATE SET book = excluded.book, counted = excluded.counted, reason = excluded.reason,
    counted_at = excluded.counted_at, counted_by = excluded.counted_by`;

/** Enters counts (a batch counted again replaces its count) and stock found that no batch held. */
export function countStocktake(c: StockCtx, input: z.output<typeof stocktakeCountInput>): { batchIds: number[] } {
  const { db } = c;
  const h = openOne(db, input.stocktakeId);
  const inScope = (itemId: number) => h.category === null || cached(db, 'SELECT category FROM stock_items WHERE id = ?').pluck().get(itemId) === h.category;
  const batchIds: number[] = [];
  input.counts.forEach((count, i) => {
    const batch = cached(db, 'SELECT s.item_id, s.quantity FROM stock_balances s WHERE s.batch_id = ?').get(count.batchId) as { item_id: number; quantity: number } | undefined;
    if (!batch) throw new AppError('VALIDATION', 'No such batch.', { [`counts.${i}.batchId`]: 'v.stock.unknownBatch' });
    if (!inScope(batch.item_id)) throw new AppError('VALIDATION', 'This batch is not in this stocktake.', { [`counts.${i}.batchId`]: 'v.stock.outOfScope' });
    const reason = reasonFor(count.counted, batch.quantity, count.reason, `counts.${i}.reason`);
    cached(db, UPSERT_LINE).run(h.id, count.batchId, batch.item_id, batch.quantity, count.counted, reason, c.now, c.actorId);
    batchIds.push(count.batchId);
  });
  input.found.forEach((f, i) => {
    const item = lineItem(db, f.itemId, `found.${i}.itemId`);
    if (!inScope(item.id)) throw new AppError('VALIDATION', 'This item is not in this stocktake.', { [`found.${i}.itemId`]: 'v.stock.outOfScope' });
    // Valued at 0 fen: nothing is known to have been paid for stock no batch held, and the ledger's values (and the
    // budget's spending) never count a cost nobody incurred. Its quantity counts in full.
    const batchId = insertBatch(c, { itemId: item.id, stocktakeId: h.id, lot: f.lot, producedOn: f.producedOn, expiresOn: batchExpiry(c, item, f, `found.${i}`), unitCostFen: 0 });
    cached(db, UPSERT_LINE).run(h.id, batchId, item.id, 0, f.quantity, 'found', c.now, c.actorId);
    batchIds.push(batchId);
  });
  return { batchIds };
}

/** The approver co-signs; every batch on the list must have been counted; the differences are posted. */
export function approveStocktake(c: StockCtx, input: { stocktakeId: number; approver: { userId: number; password: string } }): { movementIds: number[]; approvedBy: number } {
  const { db } = c;
  const h = openOne(db, input.stocktakeId);
  const uncounted = cached(db, 'SELECT batch_id FROM stock_stocktake_lines WHERE stocktake_id = ? AND counted IS NULL').pluck().all(h.id) as number[];
  if (uncounted.length) throw new AppError('CONFLICT', `${uncounted.length} batches are not counted yet.`, { stocktakeId: 'v.stock.uncounted' }, { uncounted: uncounted.length, batchIds: uncounted.slice(0, 50) });
  const approvedBy = approve(c, input.approver, 'approver');
  const differences = cached(
    db,
    `SELECT l.batch_id, l.item_id, l.counted - l.book AS delta, b.unit_cost_fen, s.quantity AS on_hand
     FROM stock_stocktake_lines l JOIN stock_batches b ON b.id = l.batch_id JOIN stock_balances s ON s.batch_id = l.batch_id
     WHERE l.stocktake_id = ? AND l.counted <> l.book ORDER BY l.item_id, l.batch_id`,
  ).all(h.id) as { batch_id: number; item_id: number; delta: number; unit_cost_fen: number; on_hand: number }[];
  for (const d of differences) {
    if (d.on_hand + d.delta < 0) {
      // Counted short of stock that has since been issued: the count cannot be right any more.
      throw new AppError('STOCK_INSUFFICIENT', 'A shortage is larger than what the batch now holds; count it again.', { stocktakeId: 'v.stock.recount' }, {
        itemId: d.item_id,
        batchId: d.batch_id,
        available: d.on_hand,
        requested: -d.delta,
      });
    }
  }
  const movementIds = writeMovements(
    c,
    differences.map((d) => ({ itemId: d.item_id, batchId: d.batch_id, kind: 'stocktake', quantity: d.delta, unitCostFen: d.unit_cost_fen, stocktakeId: h.id })),
  );
  cached(db, "UPDATE stock_stocktakes SET status = 'posted', closed_at = ?, closed_by = ?, approved_by = ? WHERE id = ?").run(c.now, c.actorId, approvedBy, h.id);
  return { movementIds, approvedBy };
}

export function cancelStocktake(c: StockCtx, input: { stocktakeId: number; reason: string }): void {
  const h = openOne(c.db, input.stocktakeId);
  cached(c.db, "UPDATE stock_stocktakes SET status = 'cancelled', closed_at = ?, closed_by = ?, cancel_reason = ? WHERE id = ?").run(c.now, c.actorId, input.reason, h.id);
}

/** A line's book and count are written together (the table's CHECK): both null until it is counted. */
type LineRow = LineFacts & ({ book: null; counted: null } | { book: number; counted: number });

interface LineFacts {
  batch_id: number;
  item_id: number;
  item_name: string;
  unit: string;
  lot: string;
  expires_on: string | null;
  expected: number;
  reason: StocktakeReason | null;
  unit_cost_fen: number;
  counted_at: number | null;
  counted_by: number | null;
  found: number;
}

export function stocktakeView(db: DB, id: number): StocktakeView {
  const h = header(db, id);
  const lines: StocktakeLineView[] = (
    cached(
      db,
      `SELECT l.*, i.name AS item_name, i.unit, b.lot, b.expires_on, b.unit_cost_fen, (b.stocktake_id IS l.stocktake_id) AS found
       FROM stock_stocktake_lines l JOIN stock_items i ON i.id = l.item_id JOIN stock_batches b ON b.id = l.batch_id
       WHERE l.stocktake_id = ? ORDER BY i.category, i.name, b.expires_on NULLS LAST, l.batch_id`,
    ).all(id) as LineRow[]
  ).map((l) => ({
    batchId: l.batch_id,
    itemId: l.item_id,
    itemName: l.item_name,
    unit: l.unit,
    lot: l.lot,
    expiresOn: l.expires_on,
    expected: l.expected,
    book: l.book,
    counted: l.counted,
    difference: l.counted === null ? null : l.counted - l.book,
    reason: l.reason,
    unitCostFen: l.unit_cost_fen,
    countedAt: l.counted_at,
    countedBy: l.counted_by === null ? null : staffRef(db, l.counted_by),
    found: l.found === 1,
  }));
  return {
    id: h.id,
    category: h.category,
    status: h.status,
    note: h.note,
    startedAt: h.started_at,
    startedBy: staffRef(db, h.started_by),
    closedAt: h.closed_at,
    closedBy: h.closed_by === null ? null : staffRef(db, h.closed_by),
    approvedBy: h.approved_by === null ? null : staffRef(db, h.approved_by),
    cancelReason: h.cancel_reason,
    lines,
    uncounted: lines.filter((l) => l.counted === null).length,
    differenceValueFen: lines.reduce((n, l) => n + (l.difference ?? 0) * l.unitCostFen, 0),
  };
}

export function stocktakes(db: DB): StocktakeSummary[] {
  const rows = cached(
    db,
    `SELECT t.id, t.category, t.status, t.started_at, t.started_by, t.closed_at,
            (SELECT count(*) FROM stock_stocktake_lines l WHERE l.stocktake_id = t.id) AS lines,
            (SELECT count(*) FROM stock_stocktake_lines l WHERE l.stocktake_id = t.id AND l.counted <> l.book) AS differences
     FROM stock_stocktakes t ORDER BY t.id DESC LIMIT 100`,
  ).all() as { id: number; category: StockCategory | null; status: StocktakeView['status']; started_at: number; started_by: number; closed_at: number | null; lines: number; differences: number }[];
  return rows.map((r) => ({
    id: r.id,
    category: r.category,
    status: r.status,
    startedAt: r.started_at,
    startedBy: staffRef(db, r.started_by),
    closedAt: r.closed_at,
    lines: r.lines,
    differences: r.differences,
  }));
}
