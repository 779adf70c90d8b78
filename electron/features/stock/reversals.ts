import type { z } from 'zod';
import type { reverseInput } from '../../../shared/contract/stock';
import { AppError } from '../../../shared/domain/result';
import type { MovementKind } from '../../../shared/domain/stock';
import { cached } from '../../db/statements';
import type { StockCtx } from './context';
import { writeMovements } from './movements';

export interface Reversed {
  reversalId: number;
  movementIds: number[];
  chargeIds: number[];
}

interface Original {
  id: number;
  item_id: number;
  batch_id: number;
  kind: MovementKind;
  quantity: number;
  unit_cost_fen: number;
}

/**
 * A reversal (红冲) of a whole receipt, issue or fund charge: new entries with the opposite sign, each pointing at the
 * one it cancels. Both stay; nothing is edited. A document is reversed at most once, and a receipt whose stock has
 * since been issued cannot be taken back (its batches would go below zero): those issues are reversed first.
 */
export function reverse(c: StockCtx, input: z.output<typeof reverseInput>): Reversed {
  const { db } = c;
  // Stryker disable next-line StringLiteral: the table's name only words the NOT_FOUND message (its code is what callers read)
  const table = { receipt: 'stock_receipts', issue: 'stock_issues', charge: 'stock_fund_charges' }[input.kind];
  const exists = {
    receipt: 'SELECT 1 FROM stock_receipts WHERE id = ?',
    issue: 'SELECT 1 FROM stock_issues WHERE id = ?',
    charge: 'SELECT receipt_id, reversal_id FROM stock_fund_charges WHERE id = ?',
  }[input.kind];
  const found = cached(db, exists).get(input.id) as { receipt_id?: number | null; reversal_id?: number | null } | undefined;
  if (!found) throw new AppError('NOT_FOUND', `No such ${table.replace('stock_', '')}.`);
  // Only a charge is read with these columns (a receipt's or issue's check selects neither).
  if (found.receipt_id != null || found.reversal_id != null) {
    // A purchase's charge goes with its receipt; a reversal is not reversed again.
    throw new AppError('CONFLICT', 'Reverse the receipt this charge belongs to.', { id: 'v.stock.chargeOfReceipt' });
  }
  const already = {
    receipt: 'SELECT id FROM stock_reversals WHERE receipt_id = ?',
    issue: 'SELECT id FROM stock_reversals WHERE issue_id = ?',
    charge: 'SELECT id FROM stock_reversals WHERE charge_id = ?',
  }[input.kind];
  const earlier = cached(db, already).pluck().get(input.id) as number | undefined;
  if (earlier !== undefined) throw new AppError('CONFLICT', 'This is reversed already.', { id: 'v.stock.alreadyReversed' }, { reversalId: earlier });

  const reversalId = Number(
    cached(db, 'INSERT INTO stock_reversals (receipt_id, issue_id, charge_id, reason, at, by_user) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.kind === 'receipt' ? input.id : null,
      input.kind === 'issue' ? input.id : null,
      input.kind === 'charge' ? input.id : null,
      input.reason,
      c.now,
      c.actorId,
    ).lastInsertRowid,
  );

  const originals = (
    input.kind === 'receipt'
      ? cached(db, 'SELECT m.id, m.item_id, m.batch_id, m.kind, m.quantity, b.unit_cost_fen FROM stock_movements m JOIN stock_batches b ON b.id = m.batch_id WHERE m.receipt_id = ? AND m.reversal_id IS NULL ORDER BY m.id').all(input.id)
      : input.kind === 'issue'
        ? cached(db, 'SELECT m.id, m.item_id, m.batch_id, m.kind, m.quantity, b.unit_cost_fen FROM stock_movements m JOIN stock_batches b ON b.id = m.batch_id WHERE m.issue_id = ? AND m.reversal_id IS NULL ORDER BY m.id').all(input.id)
        : []
  ) as Original[];
  for (const m of originals) {
    // A receipt's batches must still hold what it brought in (one movement per batch, so each is checked alone). An
    // issue's movements are negative: any balance holds their reversal.
    const onHand = cached(db, 'SELECT quantity FROM stock_balances WHERE batch_id = ?').pluck().get(m.batch_id) as number;
    if (onHand < m.quantity) {
      throw new AppError(
        'STOCK_INSUFFICIENT',
        'Part of this receipt has been issued; reverse those issues first.',
        { id: 'v.stock.receiptIssued' },
        { itemId: m.item_id, batchId: m.batch_id, available: onHand, requested: m.quantity },
      );
    }
  }
  const movementIds = writeMovements(
    c,
    originals.map((m) => ({
      itemId: m.item_id,
      batchId: m.batch_id,
      kind: m.kind,
      quantity: -m.quantity,
      unitCostFen: m.unit_cost_fen,
      receiptId: input.kind === 'receipt' ? input.id : undefined,
      issueId: input.kind === 'issue' ? input.id : undefined,
      reversalId,
      reverses: m.id,
    })),
  );

  const charges = (
    input.kind === 'charge'
      ? cached(db, 'SELECT id FROM stock_fund_charges WHERE id = ?').all(input.id)
      : input.kind === 'receipt'
        ? cached(db, 'SELECT id FROM stock_fund_charges WHERE receipt_id = ? AND reversal_id IS NULL').all(input.id)
        : []
  ) as { id: number }[];
  const chargeIds = charges.map((ch) =>
    Number(
      cached(db, `INSERT INTO stock_fund_charges (fund_id, category, amount_fen, receipt_id, description, invoice_no, reversal_id, reverses, at, by_user)
         SELECT fund_id, category, -amount_fen, receipt_id, description, invoice_no, ?, id, ?, ? FROM stock_fund_charges WHERE id = ?`).run(
        reversalId,
        c.now,
        c.actorId,
        ch.id,
      ).lastInsertRowid,
    ),
  );
  return { reversalId, movementIds, chargeIds };
}
