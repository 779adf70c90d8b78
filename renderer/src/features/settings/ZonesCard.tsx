import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { zoneSaveInput, type ZoneConfig } from '../../../../shared/contract/intake';
import { SEXES } from '../../../../shared/domain/person';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { RpcFormModal } from '../../components/RpcFormModal';
import { errorText } from '../../components/serverErrors';

/** Zones (by sex, age, medical observation) and their beds: the station's own layout. */
export function ZonesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const zones = useRpcQuery('intake.zones', {});
  const toggleBed = useRpcMutation('intake.bedSetActive');
  const [editing, setEditing] = useState<Partial<ZoneConfig> | null>(null);
  const [addingTo, setAddingTo] = useState<ZoneConfig | null>(null);
  if (zones.error) return <LoadError error={zones.error} />;
  const rule = (z: ZoneConfig) =>
    [z.sex ? t(`intake.sex.${z.sex}`) : null, z.minAge !== null || z.maxAge !== null ? `${z.minAge ?? 0}–${z.maxAge ?? '∞'}` : null, z.medical ? t('zones.medical') : null]
      .filter(Boolean)
      .join(' · ');
  const toggle = async (bedId: number, active: boolean) => {
    const r = await toggleBed.mutateAsync({ bedId, active });
    if (!r.ok) void message.error(errorText(r.error, t));
  };
  return (
    <Card title={t('zones.title')} style={{ maxWidth: 1100, marginTop: 16 }}
      extra={<Button icon={<PlusOutlined />} onClick={() => setEditing({ medical: false, active: true })}>{t('zones.add')}</Button>}>
      <Table<ZoneConfig> rowKey="id" size="small" pagination={false} loading={zones.isLoading} dataSource={zones.data ?? []}
        columns={[
          { title: t('zones.name'), dataIndex: 'name', render: (n: string, z) => <Space>{n}{!z.active && <Tag>{t('zones.closed')}</Tag>}</Space> },
          { title: t('zones.rule'), render: (_, z) => rule(z) || t('zones.anyone') },
          {
            title: t('zones.beds'),
            render: (_, z) => (
              <Space size={4} wrap>
                {z.beds.map((b) => (
                  <Tag key={b.id} color={!b.active ? 'default' : b.occupied ? 'blue' : 'green'} style={{ cursor: b.occupied ? 'default' : 'pointer', textDecoration: b.active ? undefined : 'line-through' }}
                    onClick={() => !b.occupied && void toggle(b.id, !b.active)} title={b.occupied ? t('zones.occupied') : b.active ? t('zones.closeBed') : t('zones.openBed')}>
                    {b.label}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: '',
            width: 170,
            render: (_, z) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(z)}>{t('common.edit')}</Button>
                <Button type="link" onClick={() => setAddingTo(z)}>{t('zones.addBeds')}</Button>
              </Space>
            ),
          },
        ]} />
      {editing && (
        <RpcFormModal open title={editing.id ? t('common.edit') : t('zones.add')} procedure="intake.zoneSave" schema={zoneSaveInput}
          defaultValues={{ id: editing.id, code: editing.code ?? '', name: editing.name ?? '', sex: editing.sex ?? undefined, minAge: editing.minAge ?? undefined, maxAge: editing.maxAge ?? undefined, medical: editing.medical ?? false, active: editing.active ?? true }}
          fields={['code', 'name', 'sex', 'minAge', 'maxAge', 'medical', 'active']} onClose={() => setEditing(null)}>
          {(control) => (
            <>
              <div className="form-row">
                <FormField control={control} name="name" label={t('zones.name')} required>{(f) => <Input {...f} value={f.value ?? ''} />}</FormField>
                <FormField control={control} name="code" label={t('zones.code')} required>{(f) => <Input {...f} value={f.value ?? ''} />}</FormField>
              </div>
              <div className="form-row">
                <FormField control={control} name="sex" label={t('intake.quick.sex')}>
                  {(f) => <Select id={f.id} value={f.value ?? ''} onChange={(v) => f.onChange(v || null)} options={[{ value: '', label: t('zones.anyone') }, ...SEXES.map((s) => ({ value: s, label: t(`intake.sex.${s}`) }))]} />}
                </FormField>
                <Space>
                  <FormField control={control} name="minAge" label={t('zones.minAge')}>{(f) => <InputNumber id={f.id} value={f.value} min={0} max={120} onChange={(v) => f.onChange(v ?? null)} />}</FormField>
                  <FormField control={control} name="maxAge" label={t('zones.maxAge')}>{(f) => <InputNumber id={f.id} value={f.value} min={0} max={120} onChange={(v) => f.onChange(v ?? null)} />}</FormField>
                </Space>
              </div>
              <Space size="large">
                <FormField control={control} name="medical" label={null}>{(f) => <Checkbox id={f.id} checked={!!f.value} onChange={(e) => f.onChange(e.target.checked)}>{t('zones.medical')}</Checkbox>}</FormField>
                <FormField control={control} name="active" label={null}>{(f) => <Checkbox id={f.id} checked={!!f.value} onChange={(e) => f.onChange(e.target.checked)}>{t('zones.active')}</Checkbox>}</FormField>
              </Space>
            </>
          )}
        </RpcFormModal>
      )}
      {addingTo && (
        <RpcFormModal open title={`${t('zones.addBeds')} · ${addingTo.name}`} procedure="intake.bedsAdd" schema={contract['intake.bedsAdd'].input}
          defaultValues={{ zoneId: addingTo.id, labels: [] }} fields={['labels']} onClose={() => setAddingTo(null)}>
          {(control) => (
            <FormField control={control} name="labels" label={t('zones.labels')} required extra={t('zones.labelsHint')}>
              {(f) => <Select id={f.id} mode="tags" value={f.value} onChange={f.onChange} open={false} tokenSeparators={[',', '，', ' ']} />}
            </FormField>
          )}
        </RpcFormModal>
      )}
    </Card>
  );
}
