import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { StockItemView, StocktakeLineView, StocktakeView } from '../../../../../shared/contract/stock';
import { SHORTAGE_REASONS, SURPLUS_REASONS, type StocktakeReason } from '../../../../../shared/domain/stock';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { LoadError } from '../../../components/LoadError';
import { useSessionInfo } from '../../../app/session';
import { useWhen } from '../../../components/useWhen';
import { ApproverFields, type Approval } from '../scan/ApproverFields';
import { useFieldErrors } from '../scan/fieldErrors';
import { ScanField, type ScanFieldHandle } from '../scan/ScanField';
import { FoundStockModal, inScope } from './FoundStockModal';
import { STATUS_COLOR } from './StocktakesPage';

type Draft = Record<number, { counted: number | null; reason?: StocktakeReason }>;
const bookOf = (l: StocktakeLineView) => l.book ?? l.expected;

/** A scan counts one more (or a pack) on the item's first batch still short of its book; then the next batch. */
export function countScan(lines: readonly StocktakeLineView[], draft: Draft, itemId: number, perScan: number): { draft: Draft; batchId: number } | null {
  const mine = lines.filter((l) => l.itemId === itemId);
  if (!mine.length) return null;
  const now = (l: StocktakeLineView) => draft[l.batchId]?.counted ?? l.counted ?? 0;
  const target = mine.find((l) => now(l) < bookOf(l)) ?? mine[mine.length - 1]!;
  const prev = draft[target.batchId] ?? { counted: target.counted, reason: target.reason ?? undefined };
  return { draft: { ...draft, [target.batchId]: { ...prev, counted: now(target) + perScan } }, batchId: target.batchId };
}

function Sheet({ view, canWrite }: { view: StocktakeView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const at = useWhen();
  const navigate = useNavigate();
  const scan = useRef<ScanFieldHandle>(null);
  const [draft, setDraft] = useState<Draft>({});
  const [approval, setApproval] = useState<Approval>({ password: '' });
  const [flash, setFlash] = useState<number | null>(null);
  // The found-stock form, open with nothing yet, or with the item whose scan found no batch on this sheet.
  const [finding, setFinding] = useState<{ first?: { item: StockItemView; perScan: number } } | null>(null);
  const errors = useFieldErrors(t);
  const count = useRpcMutation('stock.stocktakeCount');
  const approve = useRpcMutation('stock.stocktakeApprove');
  // Counting and approving are the storekeeper's; everyone else who reads stock sees the sheet as it stands.
  const open = view.status === 'open' && canWrite;
  const sent = Object.entries(draft).map(([batchId, d]) => ({ batchId: Number(batchId), counted: d.counted ?? 0, reason: d.reason }));
  const indexOf = (batchId: number) => sent.findIndex((s) => s.batchId === batchId);
  const countedOf = (l: StocktakeLineView) => (l.batchId in draft ? draft[l.batchId]!.counted : l.counted);
  const reasonOf = (l: StocktakeLineView) => (l.batchId in draft ? draft[l.batchId]!.reason : (l.reason ?? undefined));
  const edit = (l: StocktakeLineView, patch: Partial<Draft[number]>) => setDraft((d) => ({ ...d, [l.batchId]: { counted: countedOf(l), reason: reasonOf(l), ...d[l.batchId], ...patch } }));

  const save = async () => {
    errors.clear();
    const r = await count.mutateAsync({ stocktakeId: view.id, counts: sent, found: [] });
    if (!r.ok) return errors.show(r.error, (p) => p.startsWith('counts.'));
    setDraft({});
    void message.success(t('stock.stocktake.saved'));
    scan.current?.focus();
  };
  const approveNow = async () => {
    errors.clear();
    const r = await approve.mutateAsync({ stocktakeId: view.id, approver: { userId: approval.userId ?? 0, password: approval.password } });
    if (!r.ok) return errors.show(r.error, (p) => p.startsWith('approver'));
    void message.success(t('stock.stocktake.approved'));
  };
  const err = (l: StocktakeLineView, f: 'counted' | 'reason') => (indexOf(l.batchId) >= 0 ? errors.at(`counts.${indexOf(l.batchId)}.${f}`) : undefined);

  return (
    <Card
      title={<Space>{t('stock.stocktake.sheet', { id: view.id })}<Tag color={STATUS_COLOR[view.status]}>{t(`stock.stocktake.statuses.${view.status}`)}</Tag></Space>}
      extra={<Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/stock-stocktake/${view.id}`)}>{t('stock.print.stocktakeReport')}</Button>}
    >
      <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('stock.stocktake.scope')}>{view.category ? t(`stock.categories.${view.category}`) : t('stock.stocktake.allCategories')}</Descriptions.Item>
        <Descriptions.Item label={t('stock.stocktake.startedAt')}>{at(view.startedAt)} · {view.startedBy.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('stock.stocktake.uncounted')}><span data-testid="stocktake-uncounted">{view.uncounted}</span></Descriptions.Item>
        <Descriptions.Item label={t('stock.stocktake.differenceValue')}>{yuan(view.differenceValueFen)}</Descriptions.Item>
        {view.approvedBy && <Descriptions.Item label={t('stock.approval.who')}>{view.approvedBy.displayName}</Descriptions.Item>}
      </Descriptions>
      {open && (
        <Form layout="vertical" component="div">
          <ScanField
            ref={scan}
            onItem={(item, perScan) => {
              if (!view.lines.some((l) => l.itemId === item.id)) {
                // No batch of it on the books: in scope, it can only be stock found.
                if (inScope(view, item)) return setFinding({ first: { item, perScan } });
                return void message.warning(t('v.stock.outOfScope'));
              }
              // From the latest draft, not this render's: scans come faster than renders.
              setDraft((d) => {
                const r = countScan(view.lines, d, item.id, perScan)!;
                setFlash(r.batchId);
                return r.draft;
              });
            }}
          />
        </Form>
      )}
      <Table<StocktakeLineView>
        size="small"
        rowKey="batchId"
        pagination={false}
        dataSource={view.lines}
        rowClassName={(l) => (l.batchId === flash ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('stock.lines.item'), render: (_, l) => <span>{l.itemName} {l.found && <Tag color="green" data-testid={`found-${l.batchId}`}>{t('stock.found.tag')}</Tag>}</span> },
          { title: t('stock.lines.lot'), width: 100, render: (_, l) => l.lot || `#${l.batchId}` },
          { title: t('stock.lines.expiresOn'), width: 110, render: (_, l) => l.expiresOn ?? '—' },
          { title: t('stock.stocktake.book'), width: 80, align: 'right', render: (_, l) => `${bookOf(l)} ${l.unit}` },
          {
            title: t('stock.stocktake.counted'),
            width: 130,
            render: (_, l) => {
              const e = err(l, 'counted');
              return open ? (
                <Form.Item validateStatus={e ? 'error' : undefined} help={e} style={{ marginBottom: 0 }}>
                  <InputNumber min={0} precision={0} value={countedOf(l)} onChange={(v) => edit(l, { counted: v })} onPressEnter={() => scan.current?.focus()} aria-label={t('stock.stocktake.countedOf', { item: l.itemName })} data-testid={`count-${l.batchId}`} />
                </Form.Item>
              ) : (countedOf(l) ?? '—');
            },
          },
          {
            title: t('stock.stocktake.difference'),
            width: 80,
            align: 'right',
            render: (_, l) => {
              const c = countedOf(l);
              const d = c === null || c === undefined ? null : c - bookOf(l);
              return d === null ? '—' : <strong style={{ color: d < 0 ? '#cf1322' : d > 0 ? '#389e0d' : undefined }} data-testid={`diff-${l.batchId}`}>{d > 0 ? `+${d}` : d}</strong>;
            },
          },
          {
            title: t('stock.stocktake.reason'),
            width: 150,
            render: (_, l) => {
              const c = countedOf(l);
              const d = c === null || c === undefined ? 0 : c - bookOf(l);
              if (d === 0) return null;
              const e = err(l, 'reason');
              return open ? (
                <Form.Item validateStatus={e ? 'error' : undefined} help={e} style={{ marginBottom: 0 }}>
                  <Select style={{ width: 130 }} value={reasonOf(l)} onChange={(reason: StocktakeReason) => edit(l, { reason })} aria-label={t('stock.stocktake.reasonOf', { item: l.itemName })} options={(d > 0 ? SURPLUS_REASONS : SHORTAGE_REASONS).map((r) => ({ value: r, label: t(`stock.stocktakeReasons.${r}`) }))} />
                </Form.Item>
              ) : l.reason && t(`stock.stocktakeReasons.${l.reason}`);
            },
          },
        ]}
      />
      {open && (
        <Space direction="vertical" style={{ marginTop: 16, width: '100%' }}>
          <Space wrap>
            <Button type="primary" onClick={() => void save()} disabled={sent.length === 0} loading={count.isPending} data-testid="stocktake-save">{t('stock.stocktake.save', { n: sent.length })}</Button>
            <Button onClick={() => setFinding({})} data-testid="stocktake-found">{t('stock.found.button')}</Button>
          </Space>
          <Alert
            type="info"
            title={t('stock.stocktake.approveTitle')}
            description={
              <Space wrap align="end">
                <ApproverFields value={approval} onChange={setApproval} errors={errors} />
                <Button type="primary" onClick={() => void approveNow()} disabled={sent.length > 0 || view.uncounted > 0} loading={approve.isPending} data-testid="stocktake-approve" style={{ marginBottom: 24 }}>{t('stock.stocktake.approve')}</Button>
              </Space>
            }
          />
        </Space>
      )}
      {errors.form && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errors.form} />}
      {finding && open && <FoundStockModal view={view} first={finding.first} onClose={() => (setFinding(null), scan.current?.focus())} />}
    </Card>
  );
}

export function StocktakeSheet() {
  const id = Number(useParams().id);
  const view = useRpcQuery('stock.stocktakeGet', { stocktakeId: id });
  const canWrite = (useSessionInfo().permissions as string[]).includes('stock.write');
  if (view.error) return <LoadError error={view.error} />;
  if (!view.data) return <Card loading />;
  return <Sheet key={view.data.id} view={view.data} canWrite={canWrite} />;
}
