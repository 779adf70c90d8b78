import { Alert, App, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { StocktakeSummary } from '../../../../../shared/contract/stock';
import { STOCK_CATEGORIES, type StockCategory } from '../../../../../shared/domain/stock';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { LoadError } from '../../../components/LoadError';
import { errorText } from '../../../components/serverErrors';
import { useWhen } from '../../../components/useWhen';
import { fieldMessage } from '../../../i18n';

export const STATUS_COLOR = { open: 'processing', posted: 'success', cancelled: 'default' } as const;

/** 盘点: the stocktakes so far, and a new one (of everything, or of one category). */
export function StocktakesPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const at = useWhen();
  const navigate = useNavigate();
  const list = useRpcQuery('stock.stocktakes', {});
  const start = useRpcMutation('stock.stocktakeStart');
  const [category, setCategory] = useState<StockCategory | undefined>();
  const [error, setError] = useState<string | null>(null);
  if (list.error) return <LoadError error={list.error} />;
  const begin = async () => {
    setError(null);
    const r = await start.mutateAsync({ category, note: '' });
    if (!r.ok) return setError(fieldMessage(r.error.fields?.category) ?? errorText(r.error, t));
    void message.success(t('stock.stocktake.started'));
    navigate(`/stock/stocktake/${r.value.id}`);
  };
  return (
    <Card title={t('stock.stocktake.title')}>
      {canWrite && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear aria-label={t('stock.stocktake.scope')} style={{ width: 180 }} placeholder={t('stock.stocktake.allCategories')} value={category} onChange={setCategory} options={STOCK_CATEGORIES.map((c) => ({ value: c, label: t(`stock.categories.${c}`) }))} />
          <Button type="primary" onClick={() => void begin()} loading={start.isPending} data-testid="stocktake-start">{t('stock.stocktake.start')}</Button>
          <span style={{ color: '#888' }}>{t('stock.stocktake.duringCount')}</span>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<StocktakeSummary>
        size="small"
        rowKey="id"
        loading={!list.data}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(s) => ({ onClick: () => navigate(`/stock/stocktake/${s.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '#', width: 60, dataIndex: 'id' },
          { title: t('stock.stocktake.scope'), render: (_, s) => (s.category ? t(`stock.categories.${s.category}`) : t('stock.stocktake.allCategories')) },
          { title: t('stock.stocktake.status'), render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{t(`stock.stocktake.statuses.${s.status}`)}</Tag> },
          { title: t('stock.stocktake.startedAt'), render: (_, s) => `${at(s.startedAt)} · ${s.startedBy.displayName}` },
          { title: t('stock.stocktake.lines'), align: 'right', dataIndex: 'lines' },
          { title: t('stock.stocktake.differences'), align: 'right', dataIndex: 'differences' },
        ]}
      />
    </Card>
  );
}
