import type { z } from 'zod';
import type { receiptLine, receiveInput } from '../../../shared/contract/stock';
import type { ReceiptView, ReversalView } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { addDays, isExpired } from '../../../shared/domain/stock';
import { stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { chargeFund, requireFund } from './budget';
import type { StockCtx } from './context';
import { linesOf, staffRef, writeMovements } from './movements';

interface ItemFacts {
  id: number;
  active: number;
  tracks_expiry: number;
  shelf_life_days: number | null;
}

/** The item a line names, at the line's own field. */
export function lineItem(db: DB, itemId: number, field: string): ItemFacts {
  const item = cached(db, 'SELECT id, active, tracks_expiry, shelf_life_days FROM stock_items WHERE id = ?').get(itemId) as ItemFacts | undefined;
  if (!item) throw new AppError('VALIDATION', 'No such item.', { [field]: 'v.stock.unknownItem' });
  return item;
}

/**
 * A new batch's expiry: as given; else, for an item with a shelf life, its production day (or today) plus the shelf
 * life. An item that tracks expiry needs one; an item that does not takes none. Production is never in the future.
 */
export function batchExpiry(c: Pick<StockCtx, 'today'>, item: ItemFacts, line: { producedOn?: string; expiresOn?: string }, at: string): string | null {
  if (line.producedOn && line.producedOn > c.today) throw new AppError('VALIDATION', 'Produced in the future.', { [`${at}.producedOn`]: 'v.stock.producedFuture' });
  if (!item.tracks_expiry) {
    if (line.expiresOn) throw new AppError('VALIDATION', 'This item does not track expiry.', { [`${at}.expiresOn`]: 'v.stock.noExpiry' });
    return null;
  }
  if (line.expiresOn) return line.expiresOn;
  if (item.shelf_life_days !== null) return addDays(line.producedOn ?? c.today, item.shelf_life_days);
  throw new AppError('VALIDATION', 'This item needs an expiry date.', { [`${at}.expiresOn`]: 'v.stock.expiryRequired' });
}

export function insertBatch(
  c: Pick<StockCtx, 'db' | 'now'>,
  b: { itemId: number; receiptId?: number; stocktakeId?: number; lot?: string; producedOn?: string; expiresOn: string | null; unitCostFen: number },
): number {
  return Number(
    cached(
      c.db,
      'INSERT INTO stock_batches (item_id, receipt_id, stocktake_id, lot, produced_on, expires_on, unit_cost_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(b.itemId, b.receiptId ?? null, b.stocktakeId ?? null, b.lot ?? '', b.producedOn ?? null, b.expiresOn, b.unitCostFen, c.now).lastInsertRowid,
  );
}

export interface Received {
  receiptId: number;
  batchIds: number[];
  movementIds: number[];
  chargeId: number | null;
}

/** A receipt (入库): each line becomes a batch of its own and one movement into it. A purchase may charge the fund. */
export function receive(c: StockCtx, input: z.output<typeof receiveInput>): Received {
  const { db } = c;
  const prepared = input.lines.map((line: z.output<typeof receiptLine>, i) => {
    const item = lineItem(db, line.itemId, `lines.${i}.itemId`);
    if (!item.active) throw new AppError('VALIDATION', 'This item is no longer kept.', { [`lines.${i}.itemId`]: 'v.stock.itemInactive' });
    return { line, expiresOn: batchExpiry(c, item, line, `lines.${i}`), unitCostFen: line.unitPriceFen ?? 0 };
  });
  const totalFen = prepared.reduce((n, p) => n + p.line.quantity * p.unitCostFen, 0);
  // Before the receipt is written: it names its fund, which must exist.
  if (input.charge) requireFund(db, input.charge.fundId, 'charge.fundId');
  const receiptId = Number(
    cached(
      db,
      `INSERT INTO stock_receipts (source, supplier, invoice_no, donor, reference, fund_id, budget_category, note, total_fen, at, by_user)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.source,
      input.supplier || null,
      input.invoiceNo || null,
      input.donor || null,
      input.reference || null,
      input.charge?.fundId ?? null,
      input.charge?.category ?? null,
      input.note,
      totalFen,
      c.now,
      c.actorId,
    ).lastInsertRowid,
  );
  const chargeId = input.charge
    ? chargeFund(c, { ...input.charge, amountFen: totalFen, receiptId, confirmOverBudget: input.confirmOverBudget })
    : null;
  const batchIds = prepared.map((p) =>
    insertBatch(c, { itemId: p.line.itemId, receiptId, lot: p.line.lot, producedOn: p.line.producedOn, expiresOn: p.expiresOn, unitCostFen: p.unitCostFen }),
  );
  const movementIds = writeMovements(
    c,
    prepared.map((p, i) => ({ itemId: p.line.itemId, batchId: batchIds[i]!, kind: input.source, quantity: p.line.quantity, unitCostFen: p.unitCostFen, receiptId })),
  );
  return { receiptId, batchIds, movementIds, chargeId };
}

interface ReceiptRow {
  id: number;
  source: ReceiptView['source'];
  supplier: string | null;
  invoice_no: string | null;
  donor: string | null;
  reference: string | null;
  fund_id: number | null;
  fund_name: string | null;
  budget_category: NonNullable<ReceiptView['charge']>['category'] | null;
  note: string;
  total_fen: number;
  at: number;
  by_user: number;
}

export function reversalOf(db: DB, column: 'receipt_id' | 'issue_id', id: number): ReversalView | null {
  const sql =
    column === 'receipt_id'
      ? 'SELECT id, reason, at, by_user FROM stock_reversals WHERE receipt_id = ?'
      : 'SELECT id, reason, at, by_user FROM stock_reversals WHERE issue_id = ?';
  const r = cached(db, sql).get(id) as { id: number; reason: string; at: number; by_user: number } | undefined;
  // Stryker disable next-line StringLiteral: linesOf reads any document but 'receipt' and 'issue' as a reversal, so '' reads the same lines
  return r ? { id: r.id, reason: r.reason, at: r.at, by: staffRef(db, r.by_user), lines: linesOf(db, 'reversal', r.id) } : null;
}

/** A receipt as its note (入库单) shows it. */
export function receiptView(c: Pick<StockCtx, 'db' | 'settings'>, receiptId: number): ReceiptView {
  const { db } = c;
  const r = cached(db, 'SELECT r.*, f.name AS fund_name FROM stock_receipts r LEFT JOIN stock_funds f ON f.id = r.fund_id WHERE r.id = ?').get(receiptId) as
    | ReceiptRow
    | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such receipt.');
  const lines = linesOf(db, 'receipt', receiptId);
  const arrivedOn = stationDay(r.at, c.settings.timeZone);
  return {
    id: r.id,
    source: r.source,
    supplier: r.supplier,
    invoiceNo: r.invoice_no,
    donor: r.donor,
    reference: r.reference,
    // Stryker disable next-line StringLiteral: a receipt's fund always exists (foreign key, checked before the receipt is written), so its name is never missing
    charge: r.fund_id !== null ? { fundId: r.fund_id, fundName: r.fund_name ?? '', category: r.budget_category! } : null,
    note: r.note,
    totalFen: r.total_fen,
    at: r.at,
    by: staffRef(db, r.by_user),
    lines,
    reversal: reversalOf(db, 'receipt_id', receiptId),
    expiredOnArrival: lines.flatMap((l, i) => (isExpired(l.expiresOn, arrivedOn) ? [i] : [])),
  };
}
