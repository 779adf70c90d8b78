import type { LineDetail } from '../../app/feature';

/**
 * Stock's handover lines in words (FeatureEntry.lineDetails; electron/features/stock/alerts.ts writes them): a batch
 * expired or expiring is `quantity:expiry`, an item below its minimum `usable:minimum`.
 */
export const stockLineDetail: LineDetail = (t, section, detail) => {
  const [a, b] = detail.split(':');
  if (section !== 'supplyAlerts' || b === undefined) return detail;
  return /^\d{4}-\d{2}-\d{2}$/.test(b) ? t('stock.handover.detail.batch', { quantity: a, expiresOn: b }) : t('stock.handover.detail.level', { usable: a, minimum: b });
};
