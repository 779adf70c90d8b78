import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Input, InputNumber, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useFieldArray, type Control, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../../shared/contract';
import { custodyAddInput, custodySettleInput, safetyCheckInput, SERVICE_KINDS, type CustodyItem, type StayDetail } from '../../../../../shared/contract/intake';
import { FormField } from '../../../components/FormField';
import { RpcFormModal } from '../../../components/RpcFormModal';
import { yuan } from '../../../components/format';
import { useWhen } from '../../../components/useWhen';
import { TextField, WitnessFields } from './fields';
import { isOpenStay } from '../../../../../shared/domain/stay';

export function SafetyTab({ stay, canWrite }: { stay: StayDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const [open, setOpen] = useState(false);
  return (
    <>
      {canWrite && <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>{t('intake.safety.add')}</Button>}
      <Table rowKey="id" size="small" pagination={false} dataSource={stay.safetyChecks} locale={{ emptyText: t('intake.safety.none') }}
        columns={[
          { title: t('audit.time'), dataIndex: 'at', render: at, width: 150 },
          { title: t('intake.safety.findings'), dataIndex: 'findings' },
          { title: t('intake.safety.disposition'), dataIndex: 'disposition' },
          { title: t('intake.safety.witnesses'), dataIndex: 'witnesses', render: (w: string[]) => w.join('、') },
        ]} />
      <RpcFormModal open={open} title={t('intake.safety.add')} procedure="intake.safetyCheck" schema={safetyCheckInput}
        defaultValues={{ stayId: stay.id }} fields={['findings', 'disposition', 'witness.userId', 'witness.password']} onClose={() => setOpen(false)}>
        {(control) => (
          <>
            <TextField control={control} name="findings" label={t('intake.safety.findings')} rows={2} required />
            <TextField control={control} name="disposition" label={t('intake.safety.disposition')} rows={2} required />
            <WitnessFields control={control} />
          </>
        )}
      </RpcFormModal>
    </>
  );
}

function CustodyItemsField({ control }: { control: Control<FieldValues> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'items' });
  return (
    <>
      {fields.map((item, i) => (
        <Space key={item.id} align="start" className="custody-row">
          <FormField control={control} name={`items.${i}.description`} label={i === 0 ? t('intake.custody.description') : null}>
            {(f) => <Input {...f} value={f.value ?? ''} style={{ width: 150 }} />}
          </FormField>
          <FormField control={control} name={`items.${i}.quantity`} label={i === 0 ? t('intake.custody.quantity') : null}>
            {(f) => <InputNumber id={f.id} value={f.value} onChange={(v) => f.onChange(v ?? undefined)} min={1} style={{ width: 70 }} />}
          </FormField>
          <FormField control={control} name={`items.${i}.cashFen`} label={i === 0 ? t('intake.custody.cashYuan') : null}>
            {(f) => <InputNumber id={f.id} value={f.value === undefined ? undefined : f.value / 100} precision={2} min={0}
              onChange={(v) => f.onChange(v == null ? undefined : Math.round(v * 100))} style={{ width: 100 }} />}
          </FormField>
          <FormField control={control} name={`items.${i}.storagePlace`} label={i === 0 ? t('intake.custody.storagePlace') : null}>
            {(f) => <Input {...f} value={f.value ?? ''} style={{ width: 120 }} />}
          </FormField>
          {fields.length > 1 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(i)} style={{ marginTop: i === 0 ? 30 : 0 }} />}
        </Space>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => append({ description: '', quantity: 1, storagePlace: '' })} block style={{ marginBottom: 16 }}>
        {t('common.create')}
      </Button>
    </>
  );
}

export function CustodyTab({ stay, canWrite }: { stay: StayDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const [adding, setAdding] = useState(false);
  const [settling, setSettling] = useState<CustodyItem | null>(null);
  const open = isOpenStay(stay.status);
  return (
    <>
      {canWrite && open && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>{t('intake.custody.add')}</Button>}
      <Table<CustodyItem> rowKey="id" size="small" pagination={false} dataSource={stay.custody} locale={{ emptyText: t('intake.custody.none') }}
        columns={[
          { title: t('intake.custody.description'), dataIndex: 'description' },
          { title: t('intake.custody.quantity'), dataIndex: 'quantity', width: 70 },
          { title: t('intake.custody.cashYuan'), dataIndex: 'cashFen', render: (f: number) => (f ? yuan(f) : '—'), width: 100 },
          { title: t('intake.custody.storagePlace'), dataIndex: 'storagePlace' },
          { title: t('intake.custody.staff'), dataIndex: 'staff', render: (s: string[]) => s.join('、') },
          { title: t('audit.time'), dataIndex: 'receivedAt', render: at, width: 150 },
          {
            title: t('users.status'),
            render: (_, i) =>
              i.settlement ? (
                <Tag color="green">{t(`intake.custody.${i.settlement.kind}`)}{i.settlement.reason ? `：${i.settlement.reason}` : ''} · {i.settlement.by}</Tag>
              ) : canWrite ? (
                <Button size="small" onClick={() => setSettling(i)}>{t('intake.custody.settle')}</Button>
              ) : (
                <Tag color="orange">{t('intake.custody.open')}</Tag>
              ),
          },
        ]} />
      <RpcFormModal open={adding} title={t('intake.custody.add')} procedure="intake.custodyAdd" schema={custodyAddInput} width={720}
        defaultValues={{ stayId: stay.id, items: [{ description: '', quantity: 1, storagePlace: '' }] }}
        fields={['items', 'witness.userId', 'witness.password', ...[0, 1, 2, 3, 4, 5].flatMap((i) => ['description', 'quantity', 'cashFen', 'storagePlace'].map((f) => `items.${i}.${f}`))]}
        onClose={() => setAdding(false)}>
        {(control) => (
          <>
            <CustodyItemsField control={control} />
            <WitnessFields control={control} />
          </>
        )}
      </RpcFormModal>
      {settling && (
        <RpcFormModal open title={`${t('intake.custody.settle')} · ${settling.description}`} procedure="intake.custodySettle" schema={custodySettleInput}
          defaultValues={{ itemId: settling.id, kind: 'returned' }} fields={['kind', 'reason', 'clientConfirmed']} onClose={() => setSettling(null)}>
          {(control, v) => (
            <>
              <FormField control={control} name="kind" label={t('intake.custody.settleKind')} required>
                {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={(['returned', 'disposed', 'handed_over'] as const).map((k) => ({ value: k, label: t(`intake.custody.${k}`) }))} />}
              </FormField>
              {v.kind === 'returned' ? (
                <FormField control={control} name="clientConfirmed" label={null}>
                  {(f) => <Checkbox id={f.id} checked={!!f.value} onChange={(e) => f.onChange(e.target.checked)}>{t('intake.custody.clientConfirmed')}</Checkbox>}
                </FormField>
              ) : (
                <TextField control={control} name="reason" label={t('intake.stay.reason')} required />
              )}
            </>
          )}
        </RpcFormModal>
      )}
    </>
  );
}

export function ServicesTab({ stay, canWrite }: { stay: StayDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const [open, setOpen] = useState(false);
  return (
    <>
      {canWrite && <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>{t('intake.services.add')}</Button>}
      {stay.services.length === 0 ? <Empty description={t('intake.services.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Table rowKey="id" size="small" pagination={false} dataSource={stay.services}
          columns={[
            { title: t('audit.time'), dataIndex: 'at', render: at, width: 150 },
            { title: t('intake.services.kind'), render: (_, e) => t(`intake.services.kinds.${String(e.data.kind)}`), width: 110 },
            { title: t('intake.services.note'), render: (_, e) => String(e.data.note ?? '') },
            { title: t('audit.actor'), dataIndex: 'actor', width: 110 },
          ]} />
      )}
      {stay.extensions.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          {stay.extensions.map((e) => <Tag key={e.id} color="blue">{t('intake.stay.extend')} +{e.days}：{e.reason}（{e.approvedBy}）</Tag>)}
        </Typography.Paragraph>
      )}
      <RpcFormModal open={open} title={t('intake.services.add')} procedure="intake.addService" schema={contract['intake.addService'].input}
        defaultValues={{ stayId: stay.id, kind: 'meal' }} fields={['kind', 'note']} onClose={() => setOpen(false)}>
        {(control) => (
          <>
            <FormField control={control} name="kind" label={t('intake.services.kind')} required>
              {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`intake.services.kinds.${k}`) }))} />}
            </FormField>
            <TextField control={control} name="note" label={t('intake.services.note')} required />
          </>
        )}
      </RpcFormModal>
    </>
  );
}

const TASK_COLOR = { done: 'green', due: 'orange', overdue: 'red', upcoming: 'default' } as const;

export function FamilyTab({ stay, canWrite }: { stay: StayDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const at = useWhen();
  const [taskId, setTaskId] = useState<number | null>(null);
  if (stay.familySearch.length === 0) return <Empty description={t('intake.family.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <>
      <Table rowKey="id" size="small" pagination={false} dataSource={stay.familySearch}
        columns={[
          { title: t('intake.services.kind'), dataIndex: 'kind', render: (k: string) => t(`intake.family.kinds.${k}`) },
          { title: t('intake.family.due'), dataIndex: 'dueAt', render: at, width: 150 },
          { title: t('users.status'), dataIndex: 'state', render: (s: keyof typeof TASK_COLOR) => <Tag color={TASK_COLOR[s]}>{t(`intake.family.states.${s}`)}</Tag> },
          { title: t('intake.family.note'), render: (_, r) => (r.doneAt ? `${r.note ?? ''}（${r.doneBy}，${at(r.doneAt)}）` : '') },
          { title: '', render: (_, r) => (!r.doneAt && canWrite ? <Button size="small" onClick={() => setTaskId(r.id)}>{t('intake.family.complete')}</Button> : null) },
        ]} />
      {taskId !== null && (
        <RpcFormModal open title={t('intake.family.complete')} procedure="intake.completeTask" schema={contract['intake.completeTask'].input}
          defaultValues={{ taskId }} fields={['note']} onClose={() => setTaskId(null)}>
          {(control) => <TextField control={control} name="note" label={t('intake.family.note')} rows={2} required />}
        </RpcFormModal>
      )}
    </>
  );
}

export function HistoryTab({ stay }: { stay: StayDetail }) {
  const { t } = useTranslation();
  const at = useWhen();
  return (
    <Timeline
      items={stay.events.map((e) => ({
        key: e.id,
        children: (
          <>
            <Typography.Text strong>{t(`intake.events.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>{' '}
            <Typography.Text type="secondary">{at(e.at)} · {e.actor}</Typography.Text>
            <div className="event-data">{describe(t, e.data)}</div>
          </>
        ),
      }))}
    />
  );
}

/** A few words for an event's data, using the catalogs where the value is an enum. */
function describe(t: TFunction, d: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof d.channel === 'string') parts.push(t(`intake.channels.${d.channel}`));
  if (typeof d.decision === 'string') parts.push(t(`intake.triage.${d.decision}`));
  if (typeof d.refusalReason === 'string') parts.push(t(`intake.refusal.${d.refusalReason}`));
  if (typeof d.type === 'string') parts.push(t(`intake.discharge.types.${d.type}`));
  for (const k of ['zone', 'bed', 'destination', 'findings', 'disposition', 'item', 'reason', 'note', 'ticket']) {
    if (typeof d[k] === 'string') parts.push(d[k] as string);
  }
  if (typeof d.days === 'number') parts.push(`+${d.days}`);
  return parts.join(' · ');
}
