import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { INCIDENT_CATEGORIES, type Incident } from '../../../../shared/contract/patrol';
import { addDays } from '../../../../shared/domain/duty';
import { stationDay } from '../../../../shared/domain/time';
import { useRpcQuery } from '../../api/hooks';
import { useRpcSearch } from '../../api/useRpcSearch';
import { useSessionInfo } from '../../app/session';
import { clientLabel } from '../../components/format';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { RpcFormModal } from '../../components/RpcFormModal';
import { StationTimePicker } from '../../components/StationTimePicker';
import { useWhen } from '../../components/useWhen';

/** Stays in the incident: search people by name or pinyin initials; a person's latest stay is what is linked. */
function StaysField({ value, onChange, known }: { value: number[] | undefined; onChange: (v: number[]) => void; known: Map<number, string> }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const hits = useRpcSearch('people.search', q.trim() ? { q, limit: 20 } : null).data ?? [];
  const options = [
    ...[...known].map(([id, label]) => ({ value: id, label })),
    ...hits.filter((h) => h.lastStay && !known.has(h.lastStay.id)).map((h) => ({ value: h.lastStay!.id, label: clientLabel(t, h) })),
  ];
  return (
    <Select mode="multiple" value={value ?? []} onChange={onChange} onSearch={setQ} filterOption={false} showSearch options={options}
      placeholder={t('roster.incident.staysHint')} notFoundContent={q ? t('roster.incident.noStay') : null} />
  );
}

/** The shift's incident log: fights, illness, absconding, visitors, complaints, police calls; corrections are new entries. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const at = useWhen();
  const today = stationDay(Date.now(), info.timeZone);
  const range = { from: addDays(today, -6), to: today };
  const list = useRpcQuery('incident.list', range);
  const [form, setForm] = useState<{ corrects?: Incident } | null>(null);
  const write = (info.permissions as string[]).includes('duty.write');
  const [known] = useState(() => new Map<number, string>());
  if (list.error) return <LoadError error={list.error} />;
  const c = form?.corrects;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {write && <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})} data-testid="incident-new">{t('roster.incident.new')}</Button>}
        <Typography.Text type="secondary">{t('roster.incident.range', range)}</Typography.Text>
      </Space>
      <Table<Incident> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data ?? []} pagination={false}
        rowClassName={(i) => (i.correctedBy !== null ? 'roster-removed' : '')}
        columns={[
          { title: t('roster.incident.at'), width: 150, render: (_, i) => at(i.at) },
          { title: t('roster.incident.category'), width: 90, render: (_, i) => <Tag>{t(`roster.incidentCategories.${i.category}`)}</Tag> },
          { title: t('roster.incident.description'), dataIndex: 'description' },
          { title: t('roster.incident.stays'), render: (_, i) => i.stays.map((s) => clientLabel(t, s)).join('、') },
          { title: t('roster.incident.action'), dataIndex: 'action' },
          { title: t('roster.incident.recordedBy'), width: 90, render: (_, i) => i.recordedBy.name },
          { title: '', width: 70, render: (_, i) => write && i.correctedBy === null && <Button size="small" type="link" onClick={() => setForm({ corrects: i })}>{t('roster.incident.correct')}</Button> },
        ]} />
      <RpcFormModal open={form !== null} title={c ? t('roster.incident.correctTitle') : t('roster.incident.new')} procedure="incident.record" schema={contract['incident.record'].input} width={640}
        defaultValues={c ? { correctsId: c.id, at: c.at, category: c.category, description: c.description, action: c.action, stayIds: c.stays.map((s) => s.stayId) } : { at: Date.now(), stayIds: [] }}
        fields={['at', 'category', 'description', 'action', 'stayIds']} onClose={() => setForm(null)}>
        {(control) => {
          c?.stays.forEach((s) => known.set(s.stayId, clientLabel(t, s)));
          return (
            <>
              <div className="form-row">
                <FormField control={control} name="at" label={t('roster.incident.at')} required>
                  {(f) => <StationTimePicker id={f.id} value={f.value} onChange={f.onChange} timeZone={info.timeZone} />}
                </FormField>
                <FormField control={control} name="category" label={t('roster.incident.category')} required>
                  {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={INCIDENT_CATEGORIES.map((k) => ({ value: k, label: t(`roster.incidentCategories.${k}`) }))} style={{ minWidth: 160 }} />}
                </FormField>
              </div>
              <FormField control={control} name="description" label={t('roster.incident.description')} required>
                {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={3} maxLength={1000} />}
              </FormField>
              <FormField control={control} name="stayIds" label={t('roster.incident.stays')}>
                {(f) => <StaysField value={f.value} onChange={f.onChange} known={known} />}
              </FormField>
              <FormField control={control} name="action" label={t('roster.incident.action')} required>
                {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} maxLength={1000} />}
              </FormField>
            </>
          );
        }}
      </RpcFormModal>
    </>
  );
}
