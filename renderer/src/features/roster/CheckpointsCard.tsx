import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKPOINT_KINDS, checkpointSaveInput, type Checkpoint } from '../../../../shared/contract/patrol';
import { useRpcQuery } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { RpcFormModal } from '../../components/RpcFormModal';

const FIELDS = ['code', 'name', 'kind', 'zoneId', 'sort', 'active'];

/**
 * The patrol checkpoints (a settings card, see feature.tsx): each with the code its barcode label carries, what kind of
 * place it is, its zone and its place in the list. A checkpoint is retired, never deleted: its rounds stay in the log.
 * How often each is walked is the duty settings' patrol schedule, one for every checkpoint.
 */
export function CheckpointsCard() {
  const { t } = useTranslation();
  const checkpoints = useRpcQuery('patrol.checkpoints', {});
  const zones = useRpcQuery('intake.zones', {});
  const [editing, setEditing] = useState<Partial<Checkpoint> | null>(null);
  if (checkpoints.error) return <LoadError error={checkpoints.error} />;
  const list = checkpoints.data ?? [];
  const zoneName = (id: number | null) => (id === null ? '' : (zones.data?.find((z) => z.id === id)?.name ?? `#${id}`));
  const nextSort = list.reduce((m, c) => Math.max(m, c.sort), 0) + 10;
  return (
    <Card title={t('roster.checkpoints.title')} style={{ maxWidth: 1100 }}
      extra={<Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'dormitory', active: true, sort: Math.min(nextSort, 999) })} data-testid="checkpoint-add">{t('roster.checkpoints.add')}</Button>}>
      <Table<Checkpoint> rowKey="id" size="small" pagination={false} loading={checkpoints.isLoading} dataSource={list} data-testid="checkpoints-table"
        columns={[
          { title: t('roster.checkpoints.name'), dataIndex: 'name', render: (n: string, c) => <>{n} {!c.active && <Tag>{t('roster.checkpoints.retired')}</Tag>}</> },
          { title: t('roster.checkpoints.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
          { title: t('roster.checkpoints.kind'), dataIndex: 'kind', render: (k: Checkpoint['kind']) => t(`roster.checkpointKinds.${k}`) },
          { title: t('roster.checkpoints.zone'), dataIndex: 'zoneId', render: zoneName },
          { title: t('roster.checkpoints.sort'), dataIndex: 'sort', width: 80 },
          { title: '', width: 90, render: (_, c) => <Button type="link" onClick={() => setEditing(c)} data-testid={`checkpoint-edit-${c.code}`}>{t('common.edit')}</Button> },
        ]} />
      {editing && (
        <RpcFormModal open title={editing.id ? t('roster.checkpoints.edit', { name: editing.name }) : t('roster.checkpoints.add')} procedure="patrol.checkpointSave" schema={checkpointSaveInput}
          defaultValues={{ id: editing.id, code: editing.code ?? '', name: editing.name ?? '', kind: editing.kind ?? 'dormitory', zoneId: editing.zoneId ?? null, sort: editing.sort ?? 0, active: editing.active ?? true }}
          fields={FIELDS} onClose={() => setEditing(null)}>
          {(control) => (
            <>
              <div className="form-row">
                <FormField control={control} name="name" label={t('roster.checkpoints.name')} required>{(f) => <Input {...f} value={f.value ?? ''} maxLength={40} data-testid="checkpoint-name" />}</FormField>
                <FormField control={control} name="code" label={t('roster.checkpoints.code')} required extra={t('roster.checkpoints.codeHint')}>
                  {(f) => <Input {...f} value={f.value ?? ''} maxLength={20} data-testid="checkpoint-code" />}
                </FormField>
              </div>
              <div className="form-row">
                <FormField control={control} name="kind" label={t('roster.checkpoints.kind')} required>
                  {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: t(`roster.checkpointKinds.${k}`) }))} style={{ minWidth: 160 }} />}
                </FormField>
                <FormField control={control} name="zoneId" label={t('roster.checkpoints.zone')}>
                  {(f) => (
                    <Select id={f.id} value={f.value ?? ''} onChange={(v) => f.onChange(v === '' ? null : v)} style={{ minWidth: 160 }}
                      options={[{ value: '', label: t('roster.checkpoints.noZone') }, ...(zones.data ?? []).map((z) => ({ value: z.id, label: z.name }))]} />
                  )}
                </FormField>
                <FormField control={control} name="sort" label={t('roster.checkpoints.sort')}>
                  {(f) => <InputNumber id={f.id} value={f.value} min={0} max={999} onChange={(v) => f.onChange(v ?? 0)} />}
                </FormField>
              </div>
              <FormField control={control} name="active" label={null} extra={t('roster.checkpoints.activeHint')}>
                {(f) => <Checkbox id={f.id} checked={!!f.value} onChange={(e) => f.onChange(e.target.checked)}>{t('roster.checkpoints.active')}</Checkbox>}
              </FormField>
            </>
          )}
        </RpcFormModal>
      )}
    </Card>
  );
}
