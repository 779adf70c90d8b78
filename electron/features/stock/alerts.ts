import type { AlertLine, HandoverSection } from '../../../shared/contract/alerts';
import { addDays } from '../../../shared/domain/stock';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { group, type AlertContext, type AlertProvider, type HandoverSectionProvider } from '../alerts/registry';
import { lastCheck } from './balances';
import { funds } from './budget';
import { listItems } from './catalogue';

/** A line opens its item; `detail` is `quantity:expiry` for a batch, `usable:minimum` for a level. */
const itemLine = (id: number, name: string, detail: string, at: number | null = null): AlertLine => ({ entity: 'stock_item', id, name, description: null, owner: null, detail, at });

function batchesExpiring(db: DB, from: string | null, to: string) {
  const rows = cached(
    db,
    `SELECT s.item_id, i.name, s.quantity, s.expires_on FROM stock_balances s JOIN stock_items i ON i.id = s.item_id
     WHERE s.quantity > 0 AND s.expires_on IS NOT NULL AND s.expires_on >= coalesce(?, '') AND s.expires_on <= ? ORDER BY s.expires_on, i.name, s.batch_id`,
  ).all(from, to) as { item_id: number; name: string; quantity: number; expires_on: string }[];
  return rows.map((r) => itemLine(r.item_id, r.name, `${r.quantity}:${r.expires_on}`));
}

/** What the alerts and the handover show, from one read. */
function stockLists(ctx: AlertContext) {
  // Every item, for the names of the mismatched (an item no longer kept may still hold stock that disagrees); only
  // the items kept are measured against their minimum.
  const everyItem = listItems(ctx, { includeInactive: true });
  const items = everyItem.filter((i) => i.active);
  const yesterday = addDays(ctx.today, -1);
  return {
    expired: batchesExpiring(ctx.db, null, yesterday),
    expiring: batchesExpiring(ctx.db, ctx.today, addDays(ctx.today, ctx.settings.stockExpiringDays)),
    belowMinimum: items.filter((i) => i.belowMinimum).map((i) => itemLine(i.id, i.name, `${i.usable}:${i.minLevel}`)),
    overBudget: funds(ctx.db)
      .filter((f) => f.startsOn <= ctx.today && ctx.today <= f.endsOn)
      .flatMap((f) => f.categories.filter((c) => c.state !== 'ok').map((c) => ({ entity: 'stock_fund', id: f.id, name: f.name, description: null, owner: null, detail: `${c.category}:${c.permille}`, at: null }))),
    // One line an item whose balance (or a batch's) disagrees with its movements; detail: how many batches.
    mismatched: [...new Set((lastCheck(ctx.db)?.mismatches ?? []).map((m) => m.itemId))].map((itemId) =>
      // Stryker disable next-line OptionalChaining,StringLiteral: a mismatch names an item by a row that references stock_items, and items are never deleted, so `everyItem` always holds it
      itemLine(itemId, everyItem.find((i) => i.id === itemId)?.name ?? '', String(lastCheck(ctx.db)!.mismatches.filter((m) => m.itemId === itemId && m.batchId !== null).length)),
    ),
  };
}

/**
 * Stock's alerts (DOMAIN §3): expired stock on hand and balances that disagree with the movements are urgent; items
 * below their minimum level and a budget category near or over its limit need action; batches expiring within the
 * setting's days are to be seen to.
 */
export const stockAlerts: AlertProvider = {
  feature: 'stock',
  permission: 'stock.read',
  alerts(ctx, n) {
    const l = stockLists(ctx);
    return [
      group('stock.balancesMismatch', 'stock', 'urgent', l.mismatched, n),
      group('stock.expired', 'stock', 'urgent', l.expired, n),
      group('stock.belowMinimum', 'stock', 'warning', l.belowMinimum, n),
      group('stock.budget', 'stock', 'warning', l.overBudget, n),
      group('stock.expiring', 'stock', 'notice', l.expiring, n),
    ];
  },
};

/** Stock's part of the shift handover (DOMAIN §2, "supply alerts"): every stock alert, and what moved during the shift. */
export const stockHandoverSections: HandoverSectionProvider = {
  feature: 'stock',
  sections(ctx, window) {
    const l = stockLists(ctx);
    const moved = cached(
      ctx.db,
      `SELECT (SELECT count(*) FROM stock_receipts WHERE at BETWEEN :from AND :to) AS receipts,
              (SELECT count(*) FROM stock_issues WHERE at BETWEEN :from AND :to AND destination <> 'write_off') AS issues,
              (SELECT count(*) FROM stock_issues WHERE at BETWEEN :from AND :to AND destination = 'write_off') AS writeOffs`,
    ).get({ from: window.from, to: window.to }) as { receipts: number; issues: number; writeOffs: number };
    const section = (name: string, lines: AlertLine[], figures: HandoverSection['figures']): HandoverSection => ({ key: `stock.${name}`, feature: 'stock', figures, lines });
    return [
      section('shift', [], [
        { key: 'receipts', value: moved.receipts },
        { key: 'issues', value: moved.issues },
        { key: 'writeOffs', value: moved.writeOffs },
      ]),
      // The alerts' lines, most urgent first as on the board: balances that disagree, stock expired, below minimum, a
      // budget category near or over its limit, stock expiring.
      section('supplyAlerts', [...l.mismatched, ...l.expired, ...l.belowMinimum, ...l.overBudget, ...l.expiring], [
        { key: 'balancesMismatch', value: l.mismatched.length },
        { key: 'expired', value: l.expired.length },
        { key: 'belowMinimum', value: l.belowMinimum.length },
        { key: 'budget', value: l.overBudget.length },
        { key: 'expiring', value: l.expiring.length },
      ]),
    ];
  },
};
