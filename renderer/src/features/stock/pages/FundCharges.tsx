import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FundChargeView, FundView } from '../../../../../shared/contract/stock';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { useWhen } from '../../../components/useWhen';
import { DocumentDrawer, ReverseModal, type DocRef } from './DocumentDrawer';

const PAGE = 20;

/**
 * 支出明细: what the fund paid, newest first. A reversal (红冲) is an entry of its own, with the opposite sign,
 * and the charge it cancels stays, marked, pointing at it; clicking a pointer picks out the other entry. A
 * purchase's charge is reversed with its receipt, which opens from here.
 */
export function FundCharges({ fund, canReverse }: { fund: FundView; canReverse: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const [page, setPage] = useState(1);
  const [reversing, setReversing] = useState<number | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<DocRef | null>(null);
  const charges = useRpcQuery('stock.fundCharges', { fundId: fund.id, limit: PAGE, offset: (page - 1) * PAGE });
  if (charges.error) return <LoadError error={charges.error} />;
  const pointer = (id: number, label: string) => (
    <Typography.Link onClick={() => setPicked(id)} data-testid={`charge-pointer-${id}`}>
      {label}
    </Typography.Link>
  );
  const what = (c: FundChargeView) => (
    <Space size={4} wrap>
      {c.receiptId !== null ? <Typography.Link onClick={() => setReceipt({ kind: 'receipt', id: c.receiptId! })}>{t('stock.budget.ofReceipt', { id: c.receiptId })}</Typography.Link> : <span>{c.description}</span>}
      {c.reverses !== null && (
        <>
          <Tag color="red">{t('stock.reverse.title')}</Tag>
          {pointer(c.reverses, t('stock.budget.reverses', { id: c.reverses, reason: c.reversal?.reason ?? '' }))}
        </>
      )}
      {c.reversedBy !== null && (
        <>
          <Tag color="red">{t('stock.reverse.reversed')}</Tag>
          {pointer(c.reversedBy, t('stock.budget.reversedBy', { id: c.reversedBy }))}
        </>
      )}
    </Space>
  );
  const action = (c: FundChargeView) => {
    if (c.reverses !== null || c.reversedBy !== null) return null;
    if (c.receiptId !== null) return <span style={{ color: '#888' }}>{t('stock.budget.withReceipt')}</span>;
    return (
      <Button size="small" danger onClick={() => setReversing(c.id)} data-testid={`reverse-charge-${c.id}`}>
        {t('stock.reverse.title')}
      </Button>
    );
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('stock.budget.charges')}
      </Typography.Title>
      <Table<FundChargeView>
        size="small"
        rowKey="id"
        loading={!charges.data}
        dataSource={charges.data?.charges ?? []}
        locale={{ emptyText: t('stock.budget.noCharges') }}
        rowClassName={(c) => (c.id === picked ? 'ant-table-row-selected' : '')}
        pagination={{ current: page, pageSize: PAGE, total: charges.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid={`fund-charges-${fund.id}`}
        columns={[
          { title: '#', width: 70, render: (_, c) => t('stock.budget.entry', { id: c.id }) },
          { title: t('stock.budget.at'), width: 150, render: (_, c) => at(c.at) },
          { title: t('stock.budget.category'), width: 90, render: (_, c) => t(`stock.budgetCategories.${c.category}`) },
          { title: t('stock.budget.description'), render: (_, c) => what(c) },
          { title: t('stock.receive.invoiceNo'), width: 100, render: (_, c) => c.invoiceNo ?? '' },
          {
            title: t('stock.lines.value'),
            width: 110,
            align: 'right',
            render: (_, c) => <span style={{ color: c.amountFen < 0 ? '#cf1322' : undefined }}>{yuan(c.amountFen)}</span>,
          },
          { title: t('stock.budget.by'), width: 90, render: (_, c) => c.by.displayName },
          ...(canReverse ? [{ title: '', width: 110, render: (_: unknown, c: FundChargeView) => action(c) }] : []),
        ]}
      />
      {reversing !== null && <ReverseModal doc={{ kind: 'charge', id: reversing }} onClose={() => setReversing(null)} />}
      <DocumentDrawer doc={receipt} onClose={() => setReceipt(null)} canWrite={canReverse} />
    </>
  );
}
