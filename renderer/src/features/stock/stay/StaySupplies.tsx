import { Alert, App, Button, Form, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StayIssueLine } from '../../../../../shared/contract/stock';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { useSessionInfo } from '../../../app/session';
import { LoadError } from '../../../components/LoadError';
import { useWhen } from '../../../components/useWhen';
import { useFieldErrors } from '../scan/fieldErrors';
import { addScan, baseQuantity, type ScanLine } from '../scan/lines';
import { LinesTable } from '../scan/LinesTable';
import { ScanField, type ScanFieldHandle } from '../scan/ScanField';

/** Front desk's small issue to the stay: only the items marked for front desk (water, medicine, summer clothes). */
function GiveForm({ stayId }: { stayId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scan = useRef<ScanFieldHandle>(null);
  const [lines, setLines] = useState<ScanLine[]>([]);
  const errors = useFieldErrors(t, (path) => lines[Number(path.split('.')[1])]?.item.unit);
  const give = useRpcMutation('stock.issueToStay', ['intake']);
  const refocus = () => scan.current?.focus();
  const submit = async () => {
    errors.clear();
    const r = await give.mutateAsync({ stayId, note: '', lines: lines.map((l) => ({ itemId: l.item.id, quantity: baseQuantity(l) ?? 0 })) });
    if (!r.ok) return (errors.show(r.error, (p) => p.startsWith('lines.')), refocus());
    setLines([]);
    void message.success(t('stock.stay.given'));
    refocus();
  };
  return (
    <Form layout="vertical" component="div" data-testid="stay-give">
      <ScanField ref={scan} accept={(i) => i.frontDesk} onItem={(item, perScan) => setLines((ls) => addScan(ls, item, perScan))} />
      {lines.length > 0 && (
        <>
          <LinesTable lines={lines} onChange={setLines} errors={errors} refocus={refocus} />
          <Button type="primary" style={{ marginTop: 12 }} onClick={() => void submit()} loading={give.isPending} data-testid="stay-give-submit">{t('stock.stay.give')}</Button>
        </>
      )}
      {errors.form && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errors.form} />}
    </Form>
  );
}

/** "Supplies given" on a stay's page (a StaySection of app/feature.ts): what the stay received, and a small issue. */
export function StaySupplies({ stayId, open }: { stayId: number; open: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const info = useSessionInfo();
  const given = useRpcQuery('stock.stayIssues', { stayId });
  const canGive = open && (info.permissions as string[]).includes('stock.issue_to_stay');
  if (given.error) return <LoadError error={given.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canGive && <GiveForm stayId={stayId} />}
      <Table<StayIssueLine>
        size="small"
        rowKey={(l) => `${l.issueId}-${l.itemId}`}
        loading={!given.data}
        dataSource={given.data ?? []}
        pagination={false}
        locale={{ emptyText: t('stock.stay.none') }}
        data-testid="stay-supplies"
        columns={[
          { title: t('stock.journal.at'), render: (_, l) => at(l.at) },
          { title: t('stock.lines.item'), render: (_, l) => <span>{l.itemName} {l.reversed && <Tag color="red">{t('stock.reverse.reversed')}</Tag>}</span> },
          { title: t('stock.lines.quantity'), align: 'right', render: (_, l) => `${l.quantity} ${l.unit}` },
          { title: t('stock.journal.by'), render: (_, l) => l.by.displayName },
          { title: '', render: (_, l) => <Link to={`/print/stock-issue/${l.issueId}`}>{t('stock.print.issueNote')}</Link> },
        ]}
      />
    </Space>
  );
}
