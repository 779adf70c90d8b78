import type { LineDetail } from '../../app/feature';

/**
 * Stock's handover lines in words (FeatureEntry.lineDetails; electron/features/stock/alerts.ts writes them): a batch
 * expired or expiring is `quantity:expiry`, an item below its minimum `usable:minimum`, a budget category
 * `category:permille`, an item whose balances disagree with its movements the number of its batches that do (0: only
 * the item's total).
 */
export const stockLineDetail: LineDetail = (t, section, detail) => {
  if (section !== 'supplyAlerts') return detail;
  const [a, b] = detail.split(':');
  if (b === undefined) return detail === '0' ? t('stock.handover.detail.mismatchTotal') : /^\d+$/.test(detail) ? t('stock.handover.detail.mismatch', { batches: detail }) : detail;
  if (/^\d{4}-\d{2}-\d{2}$/.test(b)) return t('stock.handover.detail.batch', { quantity: a, expiresOn: b });
  if (!/^\d+$/.test(a!)) return t('stock.handover.detail.budget', { category: t(`stock.budgetCategories.${a}`), percent: (Number(b) / 10).toFixed(1) });
  return t('stock.handover.detail.level', { usable: a, minimum: b });
};
