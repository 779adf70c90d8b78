import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockItemView } from '../../../../../shared/contract/stock';
import { STOCK_CATEGORIES, type StockCategory } from '../../../../../shared/domain/stock';
import { useRpcSearch } from '../../../api/useRpcSearch';
import { ItemForm } from './ItemForm';
import { StockTags } from './StockTags';

/** 物资目录: search while typing (name, pinyin, barcode), add and edit items. */
export function ItemsPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [category, setCategory] = useState<StockCategory | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<StockItemView | 'new' | null>(null);
  const items = useRpcSearch('stock.items', { q: q.trim(), category, includeInactive });
  return (
    <Card
      title={t('stock.items.title')}
      extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="item-add">{t('stock.item.add')}</Button>}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear autoFocus style={{ width: 320 }} placeholder={t('stock.items.search')} aria-label={t('stock.items.search')} value={q} onChange={(e) => setQ(e.target.value)} />
        <Select allowClear style={{ width: 160 }} placeholder={t('stock.item.category')} value={category} onChange={setCategory} options={STOCK_CATEGORIES.map((c) => ({ value: c, label: t(`stock.categories.${c}`) }))} />
        <Space>
          <Switch size="small" checked={includeInactive} onChange={setIncludeInactive} />
          {t('stock.items.inactive')}
        </Space>
      </Space>
      <Table<StockItemView>
        size="small"
        rowKey="id"
        loading={items.searching && !items.data}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ onDoubleClick: () => canWrite && setEditing(r) })}
        columns={[
          { title: t('stock.item.name'), render: (_, r) => <Space size={4}>{r.name}{r.size && <Tag>{r.size}</Tag>}{r.sex && <Tag>{t(`stock.sexes.${r.sex}`)}</Tag>}{!r.active && <Tag>{t('stock.items.inactiveTag')}</Tag>}</Space> },
          { title: t('stock.item.category'), width: 110, render: (_, r) => t(`stock.categories.${r.category}`) },
          { title: t('stock.item.unit'), width: 60, dataIndex: 'unit' },
          { title: t('stock.item.packs'), width: 120, render: (_, r) => r.packs.map((p) => `${p.name}×${p.quantity}`).join('、') },
          { title: t('stock.item.barcodes'), render: (_, r) => r.barcodes.map((b) => (b.quantity > 1 ? `${b.code}（${b.quantity}）` : b.code)).join('、') },
          { title: t('stock.balances.usable'), width: 90, align: 'right', render: (_, r) => r.usable },
          { title: t('stock.item.minLevel'), width: 90, align: 'right', dataIndex: 'minLevel' },
          { title: t('stock.balances.alerts'), render: (_, r) => <StockTags item={r} /> },
          ...(canWrite ? [{ width: 70, render: (_: unknown, r: StockItemView) => <Button size="small" onClick={() => setEditing(r)}>{t('common.edit')}</Button> }] : []),
        ]}
      />
      {editing && <ItemForm open item={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
