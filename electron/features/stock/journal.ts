import type { JournalEntry, JournalPage } from '../../../shared/contract/stock-views';
import { addDays } from '../../../shared/domain/stock';
import { dayStart } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { staffRef } from './movements';

/**
 * Every document of a period, newest first: receipts, issues, reversals, posted stocktakes and the fund's direct
 * charges. Each branch reads its own table's time index, and only when the kind asked for is its own.
 */
const ENTRIES = `
  SELECT 'receipt' AS kind, r.id, r.at, r.by_user, r.source AS type, coalesce(r.supplier, r.donor, r.reference, '') AS summary,
         (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.receipt_id = r.id AND m.reversal_id IS NULL) AS quantity,
         r.total_fen AS valueFen, EXISTS (SELECT 1 FROM stock_reversals v WHERE v.receipt_id = r.id) AS reversed
  FROM stock_receipts r WHERE (:kind IS NULL OR :kind = 'receipt') AND r.at >= :fromAt AND r.at < :toAt
  UNION ALL
  SELECT 'issue', i.id, i.at, i.by_user, i.destination,
         coalesce(i.department, i.outreach_ref, i.write_off_reason,
                  (SELECT coalesce(p.name, p.description, '') FROM stays s JOIN persons p ON p.id = s.person_id WHERE s.id = i.stay_id), ''),
         (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.issue_id = i.id AND m.reversal_id IS NULL),
         -i.value_fen, EXISTS (SELECT 1 FROM stock_reversals v WHERE v.issue_id = i.id)
  FROM stock_issues i WHERE (:kind IS NULL OR :kind = 'issue') AND i.at >= :fromAt AND i.at < :toAt
  UNION ALL
  SELECT 'reversal', v.id, v.at, v.by_user, CASE WHEN v.receipt_id IS NOT NULL THEN 'receipt' WHEN v.issue_id IS NOT NULL THEN 'issue' ELSE 'charge' END, v.reason,
         (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.reversal_id = v.id),
         coalesce((SELECT sum(m.value_fen) FROM stock_movements m WHERE m.reversal_id = v.id), (SELECT sum(c.amount_fen) FROM stock_fund_charges c WHERE c.reversal_id = v.id), 0), 0
  FROM stock_reversals v WHERE (:kind IS NULL OR :kind = 'reversal') AND v.at >= :fromAt AND v.at < :toAt
  UNION ALL
  SELECT 'stocktake', t.id, t.closed_at, t.closed_by, coalesce(t.category, ''), t.note,
         (SELECT coalesce(sum(m.quantity), 0) FROM stock_movements m WHERE m.stocktake_id = t.id),
         (SELECT coalesce(sum(m.value_fen), 0) FROM stock_movements m WHERE m.stocktake_id = t.id), 0
  FROM stock_stocktakes t WHERE (:kind IS NULL OR :kind = 'stocktake') AND t.status = 'posted' AND t.closed_at >= :fromAt AND t.closed_at < :toAt
  UNION ALL
  SELECT 'charge', c.id, c.at, c.by_user, c.category, c.description, 0, c.amount_fen, EXISTS (SELECT 1 FROM stock_reversals v WHERE v.charge_id = c.id)
  FROM stock_fund_charges c WHERE (:kind IS NULL OR :kind = 'charge') AND c.receipt_id IS NULL AND c.reversal_id IS NULL AND c.at >= :fromAt AND c.at < :toAt`;

export function journal(db: DB, timeZone: string, q: { from: string; to: string; kind?: JournalEntry['kind']; limit: number; offset: number }): JournalPage {
  const params = { kind: q.kind ?? null, fromAt: dayStart(q.from, timeZone), toAt: dayStart(addDays(q.to, 1), timeZone) };
  const total = cached(db, `SELECT count(*) FROM (${ENTRIES})`).pluck().get(params) as number;
  const rows = cached(db, `${ENTRIES} ORDER BY at DESC, kind, id DESC LIMIT :limit OFFSET :offset`).all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<
    JournalEntry,
    'by' | 'reversed'
  > & { by_user: number; reversed: number })[];
  return { total, entries: rows.map(({ by_user, reversed, ...e }) => ({ ...e, by: staffRef(db, by_user), reversed: reversed === 1 })) };
}
