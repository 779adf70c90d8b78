import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../../../shared/contract/stock';

/** An item's alerts as tags: below minimum, expiring, expired (the same three as the board's alerts). */
export function StockTags({ item }: { item: StockItemView }) {
  const { t } = useTranslation();
  return (
    <>
      {item.belowMinimum && <Tag color="orange">{t('stock.alerts.belowMinimum')}</Tag>}
      {item.expiring > 0 && <Tag color="gold">{t('stock.balances.expiringTag', { n: item.expiring, unit: item.unit })}</Tag>}
      {item.expired > 0 && <Tag color="red">{t('stock.balances.expiredTag', { n: item.expired, unit: item.unit })}</Tag>}
    </>
  );
}
