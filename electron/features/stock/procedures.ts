import type { stockContract } from '../../../shared/contract/stock';
import type { HandlerContext, Handlers } from '../../rpc/context';
import { approvers } from './approval';
import { checkBalances, lastCheck, rebuildBalances, recordCheck, requireBalancesSound } from './balances';
import { chargeFund, fundCharges, funds, fundView, saveFund } from './budget';
import { itemDetail, listItems, saveItem, scan } from './catalogue';
import { stockCtx, type StockCtx } from './context';
import { issue, issueView, stayIssues } from './issues';
import { journal } from './journal';
import { ensureExportRoom, startExport } from '../export/start';
import { ledger, ledgerEntries } from './ledger';
import { ledgerFileName, ledgerSheet } from './ledger-export';
import { receive, receiptView } from './receipts';
import { reverse } from './reversals';
import { approveStocktake, cancelStocktake, countStocktake, startStocktake, stocktakes, stocktakeView } from './stocktake';

/** A change of stock: refused while the balances are known not to match the movements (balances.ts). */
function moving(ctx: HandlerContext): StockCtx {
  requireBalancesSound(ctx.db);
  return stockCtx(ctx);
}

export const stockHandlers: Handlers<keyof typeof stockContract> = {
  'stock.items': (input, ctx) => listItems(stockCtx(ctx), input),
  'stock.item': (input, ctx) => itemDetail(stockCtx(ctx), input.itemId),
  'stock.scan': (input, ctx) => scan(stockCtx(ctx), input.code),
  'stock.itemSave': (input, ctx) => {
    const c = stockCtx(ctx);
    const { itemId } = saveItem(c, input);
    ctx.audit({ entity: 'stock_item', entityId: itemId, after: { itemId } });
    return itemDetail(c, itemId);
  },

  'stock.receive': (input, ctx) => {
    const c = moving(ctx);
    const written = receive(c, input);
    ctx.audit({ entity: 'stock_receipt', entityId: written.receiptId, after: written });
    return receiptView(c, written.receiptId);
  },
  'stock.receiptGet': (input, ctx) => receiptView({ db: ctx.db, settings: ctx.settings }, input.receiptId),
  'stock.issue': (input, ctx) => {
    const c = moving(ctx);
    const written = issue(c, input);
    ctx.audit({ entity: 'stock_issue', entityId: written.issueId, after: written });
    return { id: written.issueId, valueFen: written.valueFen };
  },
  'stock.issueToStay': (input, ctx) => {
    const c = moving(ctx);
    const written = issue(c, { destination: 'stay', ...input });
    ctx.audit({ entity: 'stock_issue', entityId: written.issueId, after: written });
    return { id: written.issueId, valueFen: written.valueFen };
  },
  'stock.issueGet': (input, ctx) => issueView(ctx.db, input.issueId),
  'stock.stayIssues': (input, ctx) => stayIssues(ctx.db, input.stayId),
  'stock.reverse': (input, ctx) => {
    const c = moving(ctx);
    const written = reverse(c, input);
    ctx.audit({ entity: 'stock_reversal', entityId: written.reversalId, after: written });
    return { reversalId: written.reversalId };
  },
  'stock.journal': (input, ctx) => {
    return journal(ctx.db, ctx.settings.timeZone, { ...input, from: input.from ?? ctx.today, to: input.to ?? ctx.today });
  },
  'stock.approvers': (_input, ctx) => approvers(ctx.db),

  'stock.stocktakeStart': (input, ctx) => {
    const c = moving(ctx);
    const id = startStocktake(c, input);
    const view = stocktakeView(c.db, id);
    ctx.audit({ entity: 'stock_stocktake', entityId: id, after: { lines: view.lines.map((l) => ({ batchId: l.batchId, expected: l.expected })) } });
    return view;
  },
  'stock.stocktakeCount': (input, ctx) => {
    const c = moving(ctx);
    const written = countStocktake(c, input);
    ctx.audit({ entity: 'stock_stocktake', entityId: input.stocktakeId, after: written });
    return stocktakeView(c.db, input.stocktakeId);
  },
  'stock.stocktakeApprove': (input, ctx) => {
    const c = moving(ctx);
    const written = approveStocktake(c, input);
    ctx.audit({ entity: 'stock_stocktake', entityId: input.stocktakeId, after: written });
    return stocktakeView(c.db, input.stocktakeId);
  },
  'stock.stocktakeCancel': (input, ctx) => {
    const c = moving(ctx);
    cancelStocktake(c, input);
    ctx.audit({ entity: 'stock_stocktake', entityId: input.stocktakeId });
    return stocktakeView(c.db, input.stocktakeId);
  },
  'stock.stocktakeGet': (input, ctx) => stocktakeView(ctx.db, input.stocktakeId),
  'stock.stocktakes': (_input, ctx) => stocktakes(ctx.db),

  'stock.ledger': (input, ctx) => ledger(ctx.db, input),
  'stock.ledgerEntries': (input, ctx) => ledgerEntries(ctx.db, input),
  'stock.exportLedger': (period, ctx) => {
    ensureExportRoom(ctx);
    const report = ledger(ctx.db, period);
    return startExport(ctx, { what: 'stock_ledger', fileName: ledgerFileName(period), sheets: [ledgerSheet(period, report)] });
  },
  'stock.budget': (_input, ctx) => funds(ctx.db),
  'stock.fundCharges': (input, ctx) => fundCharges(ctx.db, input),
  'stock.fundSave': (input, ctx) => {
    const c = stockCtx(ctx);
    const fundId = saveFund(c, input);
    ctx.audit({ entity: 'stock_fund', entityId: fundId, after: { fundId } });
    return fundView(c.db, fundId);
  },
  'stock.fundCharge': (input, ctx) => {
    const c = moving(ctx);
    const chargeId = chargeFund(c, input);
    ctx.audit({ entity: 'stock_fund', entityId: input.fundId, after: { chargeId } });
    return fundView(c.db, input.fundId);
  },

  // The last known check, never a new one: it reads every movement (seconds at two million), which a query may not
  // make the desk wait for. The start-up check runs it on a worker; a rebuild runs it here, on purpose.
  'stock.balancesCheck': (_input, ctx) => lastCheck(ctx.db) ?? null,
  'stock.balancesRebuild': (_input, ctx) => {
    const before = checkBalances(ctx.db, ctx.now);
    rebuildBalances(ctx.db);
    const after = checkBalances(ctx.db, ctx.now);
    ctx.audit({ entity: 'stock_balances', entityId: null, before: { mismatches: before.mismatches }, after: { ok: after.ok } });
    ctx.afterCommit(() => recordCheck(ctx.db, after));
    return after;
  },
};
