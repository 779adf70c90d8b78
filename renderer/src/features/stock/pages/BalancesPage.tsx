import { Card, Col, Drawer, Row, Segmented, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchView, StockItemView } from '../../../../../shared/contract/stock';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { StockTags } from './StockTags';

type Filter = 'all' | 'alerts' | 'belowMinimum' | 'expiring' | 'expired';
const matches: Record<Filter, (i: StockItemView) => boolean> = {
  all: () => true,
  alerts: (i) => i.belowMinimum || i.expiring > 0 || i.expired > 0,
  belowMinimum: (i) => i.belowMinimum,
  expiring: (i) => i.expiring > 0,
  expired: (i) => i.expired > 0,
};

/** An item's batches in the order an issue takes them: earliest expiry first, expired last. */
function Batches({ itemId }: { itemId: number }) {
  const { t } = useTranslation();
  const item = useRpcQuery('stock.item', { itemId });
  if (item.error) return <LoadError error={item.error} />;
  return (
    <Table<BatchView>
      size="small"
      rowKey="id"
      loading={!item.data}
      pagination={false}
      dataSource={item.data?.batches ?? []}
      columns={[
        { title: t('stock.lines.lot'), render: (_, b) => b.lot || `#${b.id}` },
        { title: t('stock.lines.expiresOn'), render: (_, b) => (b.expiresOn ? <span>{b.expiresOn} {b.expired && <Tag color="red">{t('stock.balances.expired')}</Tag>}</span> : '—') },
        { title: t('stock.balances.onHand'), align: 'right', dataIndex: 'onHand' },
        { title: t('stock.balances.unitCost'), align: 'right', render: (_, b) => yuan(b.unitCostFen) },
      ]}
    />
  );
}

/** 库存: every item's balance and its alerts (below minimum, expiring, expired), its batches on a click. */
export function BalancesPage() {
  const { t } = useTranslation();
  const items = useRpcQuery('stock.items', { q: '', includeInactive: false });
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<StockItemView | null>(null);
  if (items.error) return <LoadError error={items.error} />;
  const all = items.data ?? [];
  const count = (f: Filter) => all.filter(matches[f]).length;
  return (
    <Card title={t('stock.balances.title')} data-testid="stock-balances">
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={6}><Statistic title={t('stock.balances.items')} value={all.length} /></Col>
        <Col span={6}><Statistic title={t('stock.alerts.belowMinimum')} value={count('belowMinimum')} valueStyle={count('belowMinimum') ? { color: '#d46b08' } : undefined} /></Col>
        <Col span={6}><Statistic title={t('stock.alerts.expiring')} value={count('expiring')} valueStyle={count('expiring') ? { color: '#d4b106' } : undefined} /></Col>
        <Col span={6}><Statistic title={t('stock.alerts.expired')} value={count('expired')} valueStyle={count('expired') ? { color: '#cf1322' } : undefined} /></Col>
      </Row>
      <Segmented<Filter>
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={setFilter}
        options={(['all', 'alerts', 'belowMinimum', 'expiring', 'expired'] as const).map((f) => ({ value: f, label: `${t(`stock.balances.filters.${f}`)} ${count(f)}` }))}
      />
      <Table<StockItemView>
        size="small"
        rowKey="id"
        loading={!items.data}
        dataSource={all.filter(matches[filter])}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('stock.item.name'), render: (_, r) => (r.size ? `${r.name}（${r.size}）` : r.name) },
          { title: t('stock.item.category'), width: 110, render: (_, r) => t(`stock.categories.${r.category}`) },
          { title: t('stock.balances.onHand'), width: 90, align: 'right', render: (_, r) => `${r.onHand} ${r.unit}` },
          { title: t('stock.balances.usable'), width: 90, align: 'right', render: (_, r) => <strong data-testid={`usable-${r.id}`}>{r.usable}</strong> },
          { title: t('stock.item.minLevel'), width: 80, align: 'right', dataIndex: 'minLevel' },
          { title: t('stock.balances.nextExpiry'), width: 110, render: (_, r) => r.nextExpiry ?? '—' },
          { title: t('stock.item.storagePlace'), width: 100, dataIndex: 'storagePlace' },
          { title: t('stock.balances.alerts'), render: (_, r) => <StockTags item={r} /> },
        ]}
      />
      <Drawer open={!!open} width={560} title={open?.name} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <Batches itemId={open.id} />}
      </Drawer>
    </Card>
  );
}
