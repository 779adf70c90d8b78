import type { BalanceCheck, BalanceMismatch } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

/**
 * The balances and the ledger's month totals are derived data: the movements are the record. This recomputes every
 * batch's and every item's balance and every month total from the movements (summed from covering indexes) and names
 * each one that differs. Plain SQL text, so the start-up check can run it on a worker thread's read-only connection
 * (electron/db/file-work.cjs, `query`): it reads every movement, seconds at two million.
 */
const MONTH_TOTALS = `
  SELECT item_id, substr(on_day, 1, 7) AS month, kind, sum(max(quantity, 0)) AS gained, sum(min(quantity, 0)) AS lost,
         sum(CASE WHEN quantity > 0 THEN value_fen ELSE 0 END) AS gained_fen, sum(CASE WHEN quantity < 0 THEN value_fen ELSE 0 END) AS lost_fen
  FROM stock_movements GROUP BY 1, 2, 3`;

export const BALANCE_MISMATCHES = `
  SELECT s.item_id AS itemId, s.batch_id AS batchId, NULL AS month, NULL AS kind, s.quantity AS recorded, coalesce(m.total, 0) AS fromMovements
  FROM stock_balances s LEFT JOIN (SELECT batch_id, sum(quantity) AS total FROM stock_movements GROUP BY batch_id) m ON m.batch_id = s.batch_id
  WHERE s.quantity IS NOT coalesce(m.total, 0)
  UNION ALL
  SELECT m.item_id, m.batch_id, NULL, NULL, 0, sum(m.quantity) FROM stock_movements m
  WHERE NOT EXISTS (SELECT 1 FROM stock_balances s WHERE s.batch_id = m.batch_id) GROUP BY m.batch_id
  UNION ALL
  SELECT i.id, NULL, NULL, NULL, coalesce(b.quantity, 0), coalesce(t.total, 0)
  FROM stock_items i LEFT JOIN stock_item_balances b ON b.item_id = i.id
  LEFT JOIN (SELECT item_id, sum(quantity) AS total FROM stock_movements GROUP BY item_id) t ON t.item_id = i.id
  WHERE b.item_id IS NULL OR b.quantity IS NOT coalesce(t.total, 0)
  UNION ALL
  SELECT coalesce(t.item_id, m.item_id), NULL, coalesce(t.month, m.month), coalesce(t.kind, m.kind), coalesce(t.gained + t.lost, 0), coalesce(m.gained + m.lost, 0)
  FROM stock_month_totals t FULL JOIN (${MONTH_TOTALS}) m ON m.item_id = t.item_id AND m.month = t.month AND m.kind = t.kind
  WHERE t.item_id IS NULL OR m.item_id IS NULL OR t.gained <> m.gained OR t.lost <> m.lost OR t.gained_fen <> m.gained_fen OR t.lost_fen <> m.lost_fen
  ORDER BY 1, 2, 3, 4`;

/** The last check's answer per connection: the start-up check's, or a rebuild's. */
const known = new WeakMap<DB, BalanceCheck>();

export function checkBalances(db: DB, now: number): BalanceCheck {
  const mismatches = cached(db, BALANCE_MISMATCHES).all() as BalanceMismatch[];
  return { ok: mismatches.length === 0, checkedAt: now, mismatches };
}

export function recordCheck(db: DB, check: BalanceCheck): void {
  known.set(db, check);
}
export const lastCheck = (db: DB): BalanceCheck | undefined => known.get(db);

/**
 * While the balances are known not to match the movements, stock is not moved: an issue checked against a wrong
 * balance could oversell, or refuse what is there. The storekeeper rebuilds them (stock.balancesRebuild) first.
 */
export function requireBalancesSound(db: DB): void {
  const check = known.get(db);
  if (check && !check.ok) {
    throw new AppError('CONFLICT', 'The stock balances do not match the movements; rebuild them first.', undefined, { mismatches: check.mismatches.length });
  }
}

/** Sets every balance and month total to the sum of its movements (what the movements say is what there is). */
export function rebuildBalances(db: DB): void {
  cached(db, 'INSERT INTO stock_balances (batch_id, item_id, expires_on) SELECT b.id, b.item_id, b.expires_on FROM stock_batches b WHERE NOT EXISTS (SELECT 1 FROM stock_balances s WHERE s.batch_id = b.id)').run();
  cached(db, 'INSERT INTO stock_item_balances (item_id) SELECT i.id FROM stock_items i WHERE NOT EXISTS (SELECT 1 FROM stock_item_balances s WHERE s.item_id = i.id)').run();
  cached(db, 'UPDATE stock_balances SET quantity = (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.batch_id = stock_balances.batch_id)').run();
  cached(db, 'UPDATE stock_item_balances SET quantity = (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.item_id = stock_item_balances.item_id)').run();
  cached(db, 'DELETE FROM stock_month_totals').run();
  cached(db, `INSERT INTO stock_month_totals (item_id, month, kind, gained, lost, gained_fen, lost_fen) ${MONTH_TOTALS}`).run();
}
