import { Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { JOURNAL_KINDS, type JournalEntry } from '../../../../../shared/contract/stock';
import { WRITE_OFF_REASONS } from '../../../../../shared/domain/stock';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { useWhen } from '../../../components/useWhen';
import { DocumentDrawer, type DocRef } from './DocumentDrawer';
import { PeriodPicker, useThisMonth } from './PeriodPicker';

const PAGE = 50;

/** 出入库流水: every movement document of a period; a receipt or an issue opens with its print and its reversal. */
export function JournalPage({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(useThisMonth());
  const [kind, setKind] = useState<JournalEntry['kind'] | undefined>();
  const [page, setPage] = useState(1);
  const [doc, setDoc] = useState<DocRef | null>(null);
  const journal = useRpcQuery('stock.journal', { ...period, kind, limit: PAGE, offset: (page - 1) * PAGE });
  if (journal.error) return <LoadError error={journal.error} />;
  const typeOf = (e: JournalEntry) =>
    e.kind === 'receipt' ? t(`stock.sources.${e.type}`) : e.kind === 'issue' ? t(`stock.destinations.${e.type}`) : e.kind === 'charge' ? t(`stock.budgetCategories.${e.type}`) : e.kind === 'reversal' ? t(`stock.journalKinds.${e.type}`) : e.type ? t(`stock.categories.${e.type}`) : t('stock.stocktake.allCategories');
  // A write-off's summary is its reason's code, a stocktake's is empty: both are said in words here.
  const summaryOf = (e: JournalEntry) =>
    e.kind === 'issue' && e.type === 'write_off' && (WRITE_OFF_REASONS as readonly string[]).includes(e.summary)
      ? t(`stock.writeOffReasons.${e.summary}`)
      : e.kind === 'stocktake' && !e.summary
        ? t('stock.stocktake.sheet', { id: e.id })
        : e.summary;
  const open = (e: JournalEntry) => {
    if (e.kind === 'receipt' || e.kind === 'issue') setDoc({ kind: e.kind, id: e.id });
    if (e.kind === 'stocktake') navigate(`/stock/stocktake/${e.id}`);
  };
  return (
    <Card title={t('stock.journal.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <PeriodPicker value={period} onChange={(p) => (setPeriod(p), setPage(1))} />
        <Select allowClear style={{ width: 140 }} placeholder={t('stock.journal.kind')} value={kind} onChange={(k) => (setKind(k), setPage(1))} options={JOURNAL_KINDS.map((k) => ({ value: k, label: t(`stock.journalKinds.${k}`) }))} />
      </Space>
      <Table<JournalEntry>
        size="small"
        rowKey={(e) => `${e.kind}-${e.id}`}
        loading={!journal.data}
        dataSource={journal.data?.entries ?? []}
        pagination={{ current: page, pageSize: PAGE, total: journal.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(e) => ({ onClick: () => open(e), style: { cursor: e.kind === 'receipt' || e.kind === 'issue' || e.kind === 'stocktake' ? 'pointer' : undefined } })}
        columns={[
          { title: t('stock.journal.at'), width: 150, render: (_, e) => at(e.at) },
          { title: t('stock.journal.kind'), width: 80, render: (_, e) => <Tag color={e.kind === 'reversal' ? 'red' : e.kind === 'receipt' ? 'green' : e.kind === 'issue' ? 'blue' : 'default'}>{t(`stock.journalKinds.${e.kind}`)}</Tag> },
          { title: t('stock.journal.type'), width: 120, render: (_, e) => typeOf(e) },
          { title: t('stock.journal.summary'), render: (_, e) => <span>{summaryOf(e)} {e.reversed && <Tag color="red">{t('stock.reverse.reversed')}</Tag>}</span> },
          { title: t('stock.lines.quantity'), width: 90, align: 'right', render: (_, e) => (e.kind === 'charge' ? '' : e.quantity) },
          { title: t('stock.lines.value'), width: 100, align: 'right', render: (_, e) => yuan(e.valueFen) },
          { title: t('stock.journal.by'), width: 100, render: (_, e) => e.by.displayName },
        ]}
      />
      <DocumentDrawer doc={doc} onClose={() => setDoc(null)} canWrite={canWrite} />
    </Card>
  );
}
