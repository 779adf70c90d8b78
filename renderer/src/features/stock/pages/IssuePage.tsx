import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Segmented, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Input as In } from '../../../../../shared/contract';
import type { IssueDone } from '../../../../../shared/contract/stock';
import { WRITE_OFF_REASONS } from '../../../../../shared/domain/stock';
import { useRpcMutation } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { ApproverFields, type Approval } from '../scan/ApproverFields';
import { useFieldErrors } from '../scan/fieldErrors';
import { baseQuantity, addScan, type ScanLine } from '../scan/lines';
import { LinesTable } from '../scan/LinesTable';
import { ScanField, type ScanFieldHandle } from '../scan/ScanField';

const DESTINATIONS = ['stay', 'station_use', 'outreach', 'write_off'] as const;
type Destination = (typeof DESTINATIONS)[number];

/** The header fields each destination needs, and where their errors land. */
const HEADER_FIELDS = ['stayId', 'department', 'outreachRef', 'recipient', 'reason', 'note'];

/**
 * 出库: scan, count, choose where it goes. The batches are chosen by the main process, earliest expiry first; a
 * quantity above what can be issued is refused at its field, saying how much there is.
 */
export function IssuePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const scan = useRef<ScanFieldHandle>(null);
  const [destination, setDestination] = useState<Destination>('station_use');
  const [lines, setLines] = useState<ScanLine[]>([]);
  const [header, setHeader] = useState<{ stayId?: number | null; department?: string; outreachRef?: string; recipient?: string; reason?: string; note?: string }>({});
  const [approval, setApproval] = useState<Approval>({ password: '' });
  const [needsApproval, setNeedsApproval] = useState(false);
  const [done, setDone] = useState<IssueDone | null>(null);
  const errors = useFieldErrors(t, (path) => lines[Number(path.split('.')[1])]?.item.unit);
  const toStay = useRpcMutation('stock.issueToStay', ['intake']);
  const issue = useRpcMutation('stock.issue');
  const refocus = () => scan.current?.focus();
  const set = (patch: Partial<typeof header>) => setHeader((h) => ({ ...h, ...patch }));

  const submit = async () => {
    errors.clear();
    const items = lines.map((l) => ({ itemId: l.item.id, quantity: baseQuantity(l) ?? 0 }));
    const note = header.note?.trim() ?? '';
    const recipient = header.recipient?.trim() || undefined;
    const approver = approval.userId !== undefined ? { userId: approval.userId, password: approval.password } : undefined;
    const r =
      destination === 'stay'
        ? await toStay.mutateAsync({ stayId: header.stayId ?? 0, lines: items, note })
        : await issue.mutateAsync(
            (destination === 'station_use'
              ? { destination, department: header.department ?? '', recipient, note, lines: items }
              : destination === 'outreach'
                ? { destination, outreachRef: header.outreachRef ?? '', recipient, note, lines: items }
                : { destination, reason: header.reason ?? '', note, lines: items, approver }) as In<'stock.issue'>,
          );
    if (!r.ok) {
      if (r.error.fields?.approver) setNeedsApproval(true);
      errors.show(r.error, (p) => p.startsWith('lines.') || p.startsWith('approver') || HEADER_FIELDS.includes(p));
      return refocus();
    }
    setDone(r.value);
    setLines([]);
    setApproval({ password: '' });
    setNeedsApproval(false);
    void message.success(t('stock.issue.done', { id: r.value.id }));
    refocus();
  };

  const field = (name: string, label: string, node: React.ReactNode, required = false) => (
    <Col xs={24} md={8}>
      <Form.Item label={label} required={required} htmlFor={`issue-${name}`} validateStatus={errors.at(name) ? 'error' : undefined} help={errors.at(name)}>
        {node}
      </Form.Item>
    </Col>
  );
  return (
    <Card title={t('stock.issue.title')} data-testid="stock-issue">
      <Form layout="vertical" component="div">
        <Form.Item label={t('stock.issue.destination')}>
          <Segmented<Destination>
            value={destination}
            onChange={(d) => (setDestination(d), errors.clear(), refocus())}
            options={DESTINATIONS.map((d) => ({ value: d, label: t(`stock.destinations.${d}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          {destination === 'stay' && field('stayId', t('stock.issue.stayId'), <InputNumber id="issue-stayId" min={1} precision={0} style={{ width: '100%' }} value={header.stayId} onChange={(v) => set({ stayId: v })} />, true)}
          {destination === 'station_use' && field('department', t('stock.issue.department'), <Input id="issue-department" value={header.department} onChange={(e) => set({ department: e.target.value })} />, true)}
          {destination === 'outreach' && field('outreachRef', t('stock.issue.outreachRef'), <Input id="issue-outreachRef" value={header.outreachRef} onChange={(e) => set({ outreachRef: e.target.value })} />, true)}
          {destination === 'write_off' &&
            field(
              'reason',
              t('stock.issue.reason'),
              <Select id="issue-reason" value={header.reason} onChange={(v: string) => set({ reason: v })} options={WRITE_OFF_REASONS.map((r) => ({ value: r, label: t(`stock.writeOffReasons.${r}`) }))} />,
              true,
            )}
          {(destination === 'station_use' || destination === 'outreach') && field('recipient', t('stock.issue.recipient'), <Input id="issue-recipient" value={header.recipient} onChange={(e) => set({ recipient: e.target.value })} />)}
          {field('note', t('stock.note'), <Input id="issue-note" value={header.note} onChange={(e) => set({ note: e.target.value })} />, destination === 'write_off' && header.reason === 'other')}
        </Row>
        <ScanField ref={scan} onItem={(item, perScan) => setLines((ls) => addScan(ls, item, perScan))} />
        <LinesTable lines={lines} onChange={setLines} errors={errors} refocus={refocus} />
        {destination === 'write_off' && (needsApproval || approval.userId !== undefined) && (
          <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('stock.approval.writeOff')} description={<ApproverFields value={approval} onChange={setApproval} errors={errors} />} />
        )}
        {errors.form && <Alert style={{ marginTop: 12 }} type="error" showIcon title={errors.form} />}
        <Space style={{ marginTop: 16 }} wrap>
          <Button type="primary" size="large" onClick={() => void submit()} loading={issue.isPending || toStay.isPending} disabled={lines.length === 0} data-testid="issue-submit">
            {t('stock.issue.submit')}
          </Button>
          {destination === 'write_off' && !needsApproval && approval.userId === undefined && <Button onClick={() => setNeedsApproval(true)}>{t('stock.approval.add')}</Button>}
          {done && (
            <span data-testid="issue-done">
              {t('stock.issue.last', { id: done.id, value: yuan(done.valueFen) })} <Link to={`/print/stock-issue/${done.id}`}>{t('stock.print.issueNote')}</Link>
            </span>
          )}
        </Space>
      </Form>
    </Card>
  );
}
