import type { z } from 'zod';
import type { fundSaveInput } from '../../../shared/contract/stock';
import type { FundChargesPage, FundView } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import { BUDGET_CATEGORIES, BUDGET_WARN_PERMILLE, spentPermille, type BudgetCategory } from '../../../shared/domain/stock';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { StockCtx } from './context';
import { staffRef } from './movements';

const spentOn = (db: DB, fundId: number, category: BudgetCategory) =>
  cached(db, 'SELECT coalesce(sum(amount_fen), 0) FROM stock_fund_charges WHERE fund_id = ? AND category = ?').pluck().get(fundId, category) as number;

/** The fund a charge names, refused at `field` of the caller's input when there is none. */
export function requireFund(db: DB, fundId: number, field: string): void {
  if (!cached(db, 'SELECT 1 FROM stock_funds WHERE id = ?').get(fundId)) {
    throw new AppError('VALIDATION', 'No such fund.', { [field]: 'v.stock.unknownFund' });
  }
}

/**
 * Charges the campaign fund: a purchase's total or a purchased service. A charge that would take its category over
 * the budget is refused until the storekeeper confirms it (`confirmOverBudget`): the warning comes before the
 * money is spent, never after. A receipt checks its fund (`requireFund`) before it writes itself.
 */
export function chargeFund(
  c: Pick<StockCtx, 'db' | 'now' | 'actorId'>,
  charge: { fundId: number; category: BudgetCategory; amountFen: number; confirmOverBudget: boolean; receiptId?: number; description?: string; invoiceNo?: string },
): number | null {
  requireFund(c.db, charge.fundId, 'fundId');
  if (charge.amountFen === 0) return null;
  const budgetFen =
    (cached(c.db, 'SELECT budget_fen FROM stock_fund_budgets WHERE fund_id = ? AND category = ?').pluck().get(charge.fundId, charge.category) as number | undefined) ?? 0;
  const spentFen = spentOn(c.db, charge.fundId, charge.category);
  if (spentFen + charge.amountFen > budgetFen && !charge.confirmOverBudget) {
    throw new AppError(
      'CONFLICT',
      'This takes the category over its budget.',
      { confirmOverBudget: 'v.stock.overBudget' },
      { budgetFen, spentFen, afterFen: spentFen + charge.amountFen },
    );
  }
  return Number(
    cached(
      c.db,
      'INSERT INTO stock_fund_charges (fund_id, category, amount_fen, receipt_id, description, invoice_no, at, by_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(charge.fundId, charge.category, charge.amountFen, charge.receiptId ?? null, charge.description ?? null, charge.invoiceNo || null, c.now, c.actorId).lastInsertRowid,
  );
}

/** Every fund, newest first, with spent against budget per category. */
export function funds(db: DB, only?: number): FundView[] {
  const list = (only === undefined
    ? cached(db, 'SELECT id, name, starts_on, ends_on FROM stock_funds ORDER BY starts_on DESC, id DESC').all()
    : cached(db, 'SELECT id, name, starts_on, ends_on FROM stock_funds WHERE id = ?').all(only)) as { id: number; name: string; starts_on: string; ends_on: string }[];
  return list.map((f) => {
    const budgets = new Map(
      (cached(db, 'SELECT category, budget_fen FROM stock_fund_budgets WHERE fund_id = ?').all(f.id) as { category: BudgetCategory; budget_fen: number }[]).map((b) => [
        b.category,
        b.budget_fen,
      ]),
    );
    const categories = BUDGET_CATEGORIES.map((category) => {
      const budgetFen = budgets.get(category) ?? 0;
      const spentFen = spentOn(db, f.id, category);
      const permille = spentPermille(spentFen, budgetFen);
      return {
        category,
        budgetFen,
        spentFen,
        remainingFen: budgetFen - spentFen,
        permille,
        state: spentFen > budgetFen ? ('exceeded' as const) : permille >= BUDGET_WARN_PERMILLE ? ('warning' as const) : ('ok' as const),
      };
    });
    return {
      id: f.id,
      name: f.name,
      startsOn: f.starts_on,
      endsOn: f.ends_on,
      budgetFen: categories.reduce((n, x) => n + x.budgetFen, 0),
      spentFen: categories.reduce((n, x) => n + x.spentFen, 0),
      categories,
    };
  });
}

export function fundView(db: DB, fundId: number): FundView {
  const f = funds(db, fundId)[0];
  // Stryker disable next-line StringLiteral: its callers (fundSave, fundCharge) have found or written the fund first, so this never throws
  if (!f) throw new AppError('NOT_FOUND', 'No such fund.');
  return f;
}

/**
 * A fund's charges, newest first, each with its reversal: an original points at the entry that cancels it, a
 * cancelling entry at the original, and both at the reversal document (a charge's own, or its receipt's).
 */
export function fundCharges(db: DB, q: { fundId: number; limit: number; offset: number }): FundChargesPage {
  if (!cached(db, 'SELECT 1 FROM stock_funds WHERE id = ?').get(q.fundId)) throw new AppError('NOT_FOUND', 'No such fund.');
  const total = cached(db, 'SELECT count(*) FROM stock_fund_charges WHERE fund_id = ?').pluck().get(q.fundId) as number;
  const rows = cached(
    db,
    `SELECT c.id, c.category, c.amount_fen, c.description, c.invoice_no, c.receipt_id, c.at, c.by_user, c.reverses, r.id AS reversed_by,
            v.id AS reversal_id, v.reason AS reversal_reason, v.at AS reversal_at, v.by_user AS reversal_by
     FROM stock_fund_charges c
     LEFT JOIN stock_fund_charges r ON r.reverses = c.id
     LEFT JOIN stock_reversals v ON v.id = coalesce(c.reversal_id, r.reversal_id)
     WHERE c.fund_id = ? ORDER BY c.id DESC LIMIT ? OFFSET ?`,
  ).all(q.fundId, q.limit, q.offset) as {
    id: number;
    category: BudgetCategory;
    amount_fen: number;
    description: string | null;
    invoice_no: string | null;
    receipt_id: number | null;
    at: number;
    by_user: number;
    reverses: number | null;
    reversed_by: number | null;
    reversal_id: number | null;
    reversal_reason: string | null;
    reversal_at: number | null;
    reversal_by: number | null;
  }[];
  return {
    total,
    charges: rows.map((r) => ({
      id: r.id,
      category: r.category,
      amountFen: r.amount_fen,
      description: r.description,
      invoiceNo: r.invoice_no,
      receiptId: r.receipt_id,
      at: r.at,
      by: staffRef(db, r.by_user),
      reverses: r.reverses,
      reversedBy: r.reversed_by,
      reversal: r.reversal_id === null ? null : { id: r.reversal_id, reason: r.reversal_reason!, at: r.reversal_at!, by: staffRef(db, r.reversal_by!) },
    })),
  };
}

/** Creates or changes a fund's name, period and budgets (what was charged stays as it was). */
export function saveFund(c: Pick<StockCtx, 'db' | 'now'>, input: z.output<typeof fundSaveInput>): number {
  const { db } = c;
  if (input.id !== undefined && !cached(db, 'SELECT 1 FROM stock_funds WHERE id = ?').get(input.id)) throw new AppError('NOT_FOUND', 'No such fund.');
  if (cached(db, 'SELECT 1 FROM stock_funds WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null)) {
    throw new AppError('VALIDATION', 'A fund of this name exists.', { name: 'v.stock.fundNameTaken' });
  }
  let fundId = input.id;
  if (fundId === undefined) {
    fundId = Number(
      cached(db, 'INSERT INTO stock_funds (name, starts_on, ends_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(input.name, input.startsOn, input.endsOn, c.now, c.now)
        .lastInsertRowid,
    );
  } else {
    cached(db, 'UPDATE stock_funds SET name = ?, starts_on = ?, ends_on = ?, updated_at = ? WHERE id = ?').run(input.name, input.startsOn, input.endsOn, c.now, fundId);
  }
  for (const category of BUDGET_CATEGORIES) {
    cached(db, 'INSERT INTO stock_fund_budgets (fund_id, category, budget_fen) VALUES (?, ?, ?) ON CONFLICT (fund_id, category) DO UPDATE SET budget_fen = excluded.budget_fen').run(
      fundId,
      category,
      input.budgets[category],
    );
  }
  return fundId;
}
