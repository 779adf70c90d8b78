import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { reverseInput, type IssueView, type MovementLine, type ReceiptView } from '../../../../../shared/contract/stock';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { errorText } from '../../../components/serverErrors';
import { useWhen } from '../../../components/useWhen';
import { fieldMessage } from '../../../i18n';

export type DocRef = { kind: 'receipt' | 'issue'; id: number };

/**
 * The reversal (红冲) of a receipt, an issue or a fund charge: a reason, then new entries that point at the original.
 * No reason, no call: the contract's rule, said at the field before asking.
 */
export function ReverseModal({ doc, onClose }: { doc: DocRef | { kind: 'charge'; id: number }; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reverse = useRpcMutation('stock.reverse', ['intake']);
  const submit = async () => {
    const input = { kind: doc.kind, id: doc.id, reason: reason.trim() };
    const checked = reverseInput.safeParse(input);
    if (!checked.success) return setError(fieldMessage(checked.error.issues[0]?.message) ?? null);
    const r = await reverse.mutateAsync(input);
    if (!r.ok) return setError(fieldMessage(r.error.fields?.reason) ?? fieldMessage(r.error.fields?.id) ?? errorText(r.error, t));
    void message.success(t('stock.reverse.done'));
    onClose();
  };
  return (
    <Modal open title={t('stock.reverse.title')} okText={t('stock.reverse.submit')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onOk={() => void submit()} confirmLoading={reverse.isPending} onCancel={onClose}>
      <Alert type="info" showIcon title={t('stock.reverse.explain')} style={{ marginBottom: 12 }} />
      <Input.TextArea autoFocus rows={3} value={reason} onChange={(e) => (setReason(e.target.value), setError(null))} placeholder={t('stock.reverse.reason')} aria-label={t('stock.reverse.reason')} status={error ? 'error' : undefined} />
      {error && <div style={{ color: '#cf1322', marginTop: 4 }}>{error}</div>}
    </Modal>
  );
}

export function MovementLines({ lines }: { lines: MovementLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<MovementLine>
      size="small"
      rowKey="movementId"
      pagination={false}
      dataSource={lines}
      columns={[
        { title: t('stock.lines.item'), dataIndex: 'itemName' },
        { title: t('stock.lines.lot'), render: (_, l) => l.lot || `#${l.batchId}` },
        { title: t('stock.lines.expiresOn'), render: (_, l) => l.expiresOn ?? '—' },
        { title: t('stock.lines.quantity'), align: 'right', render: (_, l) => `${Math.abs(l.quantity)} ${l.unit}` },
        { title: t('stock.lines.value'), align: 'right', render: (_, l) => yuan(Math.abs(l.valueFen)) },
      ]}
    />
  );
}

function Body({ doc, view, canWrite }: { doc: DocRef; view: ReceiptView | IssueView; canWrite: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const navigate = useNavigate();
  const [reversing, setReversing] = useState(false);
  const receipt = doc.kind === 'receipt' ? (view as ReceiptView) : null;
  const issue = doc.kind === 'issue' ? (view as IssueView) : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('stock.journal.type')}>
          {receipt ? t(`stock.sources.${receipt.source}`) : t(`stock.destinations.${issue!.destination}`)}
          {view.reversal && <Tag color="red" style={{ marginLeft: 8 }}>{t('stock.reverse.reversed')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('stock.journal.at')}>{at(view.at)} · {view.by.displayName}</Descriptions.Item>
        {receipt?.supplier && <Descriptions.Item label={t('stock.receive.supplier')}>{receipt.supplier}</Descriptions.Item>}
        {receipt?.invoiceNo && <Descriptions.Item label={t('stock.receive.invoiceNo')}>{receipt.invoiceNo}</Descriptions.Item>}
        {receipt?.donor && <Descriptions.Item label={t('stock.receive.donor')}>{receipt.donor}</Descriptions.Item>}
        {receipt?.reference && <Descriptions.Item label={t('stock.receive.reference')}>{receipt.reference}</Descriptions.Item>}
        {issue?.department && <Descriptions.Item label={t('stock.issue.department')}>{issue.department}</Descriptions.Item>}
        {issue?.outreachRef && <Descriptions.Item label={t('stock.issue.outreachRef')}>{issue.outreachRef}</Descriptions.Item>}
        {issue?.stay && <Descriptions.Item label={t('stock.issue.stayId')}>{issue.stay.name ?? issue.stay.description ?? `#${issue.stay.id}`}</Descriptions.Item>}
        {issue?.writeOffReason && <Descriptions.Item label={t('stock.issue.reason')}>{t(`stock.writeOffReasons.${issue.writeOffReason}`)}</Descriptions.Item>}
        {issue?.approvedBy && <Descriptions.Item label={t('stock.approval.who')}>{issue.approvedBy.displayName}</Descriptions.Item>}
        {issue?.recipient && <Descriptions.Item label={t('stock.issue.recipient')}>{issue.recipient}</Descriptions.Item>}
        <Descriptions.Item label={t('stock.lines.value')}>{yuan(receipt ? receipt.totalFen : issue!.valueFen)}</Descriptions.Item>
        {view.note && <Descriptions.Item label={t('stock.note')}>{view.note}</Descriptions.Item>}
      </Descriptions>
      <MovementLines lines={view.lines} />
      {view.reversal && (
        <Alert type="error" showIcon title={t('stock.reverse.by', { who: view.reversal.by.displayName, at: at(view.reversal.at) })} description={view.reversal.reason} />
      )}
      <Space>
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/stock-${doc.kind}/${doc.id}`)}>{doc.kind === 'receipt' ? t('stock.print.receiptNote') : t('stock.print.issueNote')}</Button>
        {canWrite && !view.reversal && <Button danger onClick={() => setReversing(true)} data-testid="reverse">{t('stock.reverse.title')}</Button>}
      </Space>
      {reversing && <ReverseModal doc={doc} onClose={() => setReversing(false)} />}
    </Space>
  );
}

/** A receipt or an issue, with its print and its reversal. */
export function DocumentDrawer({ doc, onClose, canWrite }: { doc: DocRef | null; onClose: () => void; canWrite: boolean }) {
  const { t } = useTranslation();
  const receipt = useRpcQuery('stock.receiptGet', { receiptId: doc?.id ?? 0 }, { enabled: doc?.kind === 'receipt' });
  const issue = useRpcQuery('stock.issueGet', { issueId: doc?.id ?? 0 }, { enabled: doc?.kind === 'issue' });
  const view = doc?.kind === 'receipt' ? receipt.data : issue.data;
  return (
    <Drawer open={!!doc} width={720} onClose={onClose} title={doc && (doc.kind === 'receipt' ? t('stock.journal.receiptNo', { id: doc.id }) : t('stock.journal.issueNo', { id: doc.id }))} destroyOnHidden>
      {doc && view && <Body doc={doc} view={view} canWrite={canWrite} />}
    </Drawer>
  );
}
