import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LedgerEntry, LedgerRow } from '../../../../../shared/contract/stock';
import { IN_KINDS, OUT_KINDS, STOCK_CATEGORIES, type StockCategory } from '../../../../../shared/domain/stock';
import { useRpcQuery } from '../../../api/hooks';
import { useSessionInfo } from '../../../app/session';
import { PeriodExportButton } from '../../../components/export';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { useWhen } from '../../../components/useWhen';
import { PeriodPicker, useThisMonth, type Period } from './PeriodPicker';

/** The column a ledger figure sits in: 盘盈 in, 盘亏 out, the rest by kind. */
export const inLabel = (t: (k: string) => string, k: (typeof IN_KINDS)[number]) => (k === 'stocktake' ? t('stock.ledger.stocktakeIn') : t(`stock.ledgerColumns.${k}`));
export const outLabel = (t: (k: string) => string, k: (typeof OUT_KINDS)[number]) => (k === 'stocktake' ? t('stock.ledger.stocktakeOut') : t(`stock.ledgerColumns.${k}`));

/** One item's ledger line by line (明细账), with the running balance. */
function Entries({ itemId, period }: { itemId: number; period: Period }) {
  const { t } = useTranslation();
  const at = useWhen();
  const e = useRpcQuery('stock.ledgerEntries', { itemId, ...period });
  if (e.error) return <LoadError error={e.error} />;
  return (
    <Table<LedgerEntry>
      size="small"
      rowKey={(r) => `${r.kind}-${r.id}-${r.column}`}
      loading={!e.data}
      pagination={false}
      dataSource={e.data?.entries ?? []}
      title={() => t('stock.ledger.opening', { n: e.data?.opening ?? '' })}
      footer={() => t('stock.ledger.closing', { n: e.data?.closing ?? '' })}
      columns={[
        { title: t('stock.journal.at'), render: (_, r) => at(r.at) },
        { title: t('stock.journal.kind'), render: (_, r) => <Tag color={r.kind === 'reversal' ? 'red' : undefined}>{t(`stock.journalKinds.${r.kind}`)} #{r.id}</Tag> },
        { title: t('stock.journal.type'), render: (_, r) => t(`stock.ledgerColumns.${r.column}`) },
        { title: t('stock.lines.quantity'), align: 'right', render: (_, r) => (r.quantity > 0 ? `+${r.quantity}` : r.quantity) },
        { title: t('stock.ledger.balance'), align: 'right', dataIndex: 'balance' },
      ]}
    />
  );
}

/** 台账: per item and period, opening, in by kind, out by kind, closing; printed on A4 and exported to XLSX. */
export function LedgerPage() {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(useThisMonth());
  const [category, setCategory] = useState<StockCategory | undefined>();
  const [item, setItem] = useState<LedgerRow['item'] | null>(null);
  const ledger = useRpcQuery('stock.ledger', { ...period, category });
  if (ledger.error) return <LoadError error={ledger.error} />;
  const printQuery = `?from=${period.from}&to=${period.to}${category ? `&category=${category}` : ''}`;
  return (
    <Card
      title={t('stock.ledger.title')}
      extra={
        <Space>
          <Button size="large" icon={<PrinterOutlined />} onClick={() => navigate(`/print/stock-ledger${printQuery}`)} data-testid="ledger-print">{t('stock.print.ledger')}</Button>
          <PeriodExportButton procedure="stock.exportLedger" title={t('stock.ledger.export')} timeZone={info.timeZone} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <PeriodPicker value={period} onChange={setPeriod} />
        <Select allowClear style={{ width: 160 }} placeholder={t('stock.stocktake.allCategories')} value={category} onChange={setCategory} options={STOCK_CATEGORIES.map((c) => ({ value: c, label: t(`stock.categories.${c}`) }))} />
      </Space>
      <Table<LedgerRow>
        size="small"
        bordered
        rowKey={(r) => r.item.id}
        loading={!ledger.data}
        dataSource={ledger.data?.rows ?? []}
        pagination={false}
        scroll={{ x: 980 }}
        onRow={(r) => ({ onClick: () => setItem(r.item), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('stock.lines.item'), fixed: 'left', width: 130, render: (_, r) => r.item.name },
          { title: t('stock.item.unit'), width: 50, render: (_, r) => r.item.unit },
          { title: t('stock.ledger.openingHead'), width: 64, align: 'right', dataIndex: 'opening' },
          { title: t('stock.ledger.in'), children: IN_KINDS.map((k) => ({ title: inLabel(t, k), width: 58, align: 'right' as const, render: (_: unknown, r: LedgerRow) => r.in[k] || '' })) },
          { title: t('stock.ledger.out'), children: OUT_KINDS.map((k) => ({ title: outLabel(t, k), width: 66, align: 'right' as const, render: (_: unknown, r: LedgerRow) => r.out[k] || '' })) },
          { title: t('stock.ledger.closingHead'), width: 64, fixed: 'right', align: 'right', render: (_, r) => <strong data-testid={`closing-${r.item.id}`}>{r.closing}</strong> },
          { title: t('stock.ledger.closingValue'), width: 96, fixed: 'right', align: 'right', render: (_, r) => yuan(r.closingValueFen) },
        ]}
      />
      <Drawer open={!!item} width={640} title={item && t('stock.ledger.entriesOf', { item: item.name })} onClose={() => setItem(null)} destroyOnHidden>
        {item && <Entries itemId={item.id} period={period} />}
      </Drawer>
    </Card>
  );
}
