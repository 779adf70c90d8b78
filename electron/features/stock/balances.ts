import type { BalanceCheck, BalanceMismatch } from '../../../shared/contract/stock-views';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

/** Month totals from the movements: by day first, in the ledger index's own order, then by month (a small sort). */
const MONTH_TOTALS = `
  SELECT item_id, substr(on_day, 1, 7) AS month, kind, sum(g) AS gained, sum(l) AS lost, sum(gf) AS gained_fen, sum(lf) AS lost_fen
  FROM (SELECT item_id, on_day, kind, sum(max(quantity, 0)) AS g, sum(min(quantity, 0)) AS l,
               sum(CASE WHEN quantity > 0 THEN value_fen ELSE 0 END) AS gf, sum(CASE WHEN quantity < 0 THEN value_fen ELSE 0 END) AS lf
        FROM stock_movements GROUP BY item_id, on_day, kind)
  GROUP BY 1, 2, 3`;

/**
 * The balances and the ledger's month totals are derived data: the movements are the record. This recomputes every
 * batch's and every item's balance and every month total from the movements (the batches in one pass over the table,
 * the items and months from the ledger's covering index) and names each one that differs. Plain SQL text, so the
 * start-up check can run it on a worker thread's read-only connection (electron/db/file-work.cjs, `query`): it reads
 * every movement, about 3 s at two million.
 */
export const BALANCE_MISMATCHES = `
  WITH per_batch AS MATERIALIZED (SELECT batch_id, sum(quantity) AS total FROM stock_movements GROUP BY batch_id),
       per_item AS MATERIALIZED (SELECT b.item_id, sum(p.total) AS total FROM per_batch p JOIN stock_batches b ON b.id = p.batch_id GROUP BY b.item_id),
       months AS MATERIALIZED (${MONTH_TOTALS}),
       recorded AS (SELECT item_id, month, kind, gained, lost, gained_fen, lost_fen FROM stock_month_totals),
       differing AS (SELECT item_id, month, kind FROM (SELECT * FROM recorded EXCEPT SELECT * FROM months)
                     UNION SELECT item_id, month, kind FROM (SELECT * FROM months EXCEPT SELECT * FROM recorded))
  SELECT b.item_id AS itemId, b.id AS batchId, NULL AS month, NULL AS kind, coalesce(s.quantity, 0) AS recorded, coalesce(p.total, 0) AS fromMovements
  FROM stock_batches b LEFT JOIN stock_balances s ON s.batch_id = b.id LEFT JOIN per_batch p ON p.batch_id = b.id
  WHERE s.batch_id IS NULL OR s.quantity IS NOT coalesce(p.total, 0)
  UNION ALL
  SELECT i.id, NULL, NULL, NULL, coalesce(s.quantity, 0), coalesce(p.total, 0)
  FROM stock_items i LEFT JOIN stock_item_balances s ON s.item_id = i.id LEFT JOIN per_item p ON p.item_id = i.id
  WHERE s.item_id IS NULL OR s.quantity IS NOT coalesce(p.total, 0)
  UNION ALL
  SELECT d.item_id, NULL, d.month, d.kind,
         coalesce((SELECT r.gained + r.lost FROM recorded r WHERE r.item_id = d.item_id AND r.month = d.month AND r.kind = d.kind), 0),
         coalesce((SELECT m.gained + m.lost FROM months m WHERE m.item_id = d.item_id AND m.month = d.month AND m.kind = d.kind), 0)
  FROM differing d
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

/** Every batch's balance from one grouped pass over the movements (no index is keyed by batch: migration 0100), not one search per batch. */
export const REBUILD_BATCH_BALANCES = `
  WITH per_batch AS MATERIALIZED (SELECT batch_id, sum(quantity) AS total FROM stock_movements GROUP BY batch_id)
  UPDATE stock_balances SET quantity = coalesce((SELECT p.total FROM per_batch p WHERE p.batch_id = stock_balances.batch_id), 0)`;

/** Sets every balance and month total to the sum of its movements (what the movements say is what there is). */
export function rebuildBalances(db: DB): void {
  cached(db, 'INSERT INTO stock_balances (batch_id, item_id, expires_on) SELECT b.id, b.item_id, b.expires_on FROM stock_batches b WHERE NOT EXISTS (SELECT 1 FROM stock_balances s WHERE s.batch_id = b.id)').run();
  cached(db, 'INSERT INTO stock_item_balances (item_id) SELECT i.id FROM stock_items i WHERE NOT EXISTS (SELECT 1 FROM stock_item_balances s WHERE s.item_id = i.id)').run();
  cached(db, REBUILD_BATCH_BALANCES).run();
  cached(db, 'UPDATE stock_item_balances SET quantity = (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.item_id = stock_item_balances.item_id)').run();
  cached(db, 'DELETE FROM stock_month_totals').run();
  cached(db, `INSERT INTO stock_month_totals (item_id, month, kind, gained, lost, gained_fen, lost_fen) ${MONTH_TOTALS}`).run();
}
