import { SafetyCertificateOutlined } from '@ant-design/icons';
import { TZDate } from '@date-fns/tz';
import { Alert, Button, Card, Descriptions, Select, Space, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type AuditEntry, type AuditVerification } from '../../../../shared/contract';
import { api } from '../../api/client';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { DatePicker } from '../../components/DatePicker';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { formatInstant } from '../../i18n';

const PAGE_SIZE = 20;
const MUTATIONS = Object.entries(contract)
  .filter(([, def]) => def.kind === 'mutation')
  .map(([name]) => name);
const FEATURES = [...new Set(MUTATIONS.map((n) => n.split('.')[0]!))];

/** A calendar day picked in the browser, as the start of that day on the station's clock. */
const stationDayStart = (d: Date, timeZone: string, plusDays = 0) =>
  new TZDate(d.getFullYear(), d.getMonth(), d.getDate() + plusDays, timeZone).getTime();

export function procedureLabel(t: TFunction, name: string): string {
  return t(`procedures.${name}`, { defaultValue: name });
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const [page, setPage] = useState(1);
  const [actorId, setActorId] = useState<number | undefined>();
  const [procedure, setProcedure] = useState<string | undefined>();
  const [range, setRange] = useState<[Date, Date] | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);

  const actors = useRpcQuery('audit.actors', {});
  const list = useRpcQuery('audit.list', {
    page,
    pageSize: PAGE_SIZE,
    actorId,
    procedure,
    from: range ? stationDayStart(range[0], info.timeZone) : undefined,
    to: range ? stationDayStart(range[1], info.timeZone, 1) : undefined,
  });

  const verify = async () => {
    setVerifying(true);
    setVerifyError(null);
    const r = await api().call('audit.verify', {});
    setVerifying(false);
    if (r.ok) {
      setVerification(r.value);
      void list.refetch();
      void actors.refetch();
    } else setVerifyError(errorText(r.error, t));
  };

  const when = (ms: number) => formatInstant(ms, i18n.language, info.timeZone, 'yyyy-MM-dd HH:mm:ss');
  const procedureOptions = [
    ...FEATURES.map((f) => ({ value: f, label: t(`procedures.${f}._`, { defaultValue: procedureLabel(t, `${f}`) }) })),
    ...MUTATIONS.map((m) => ({ value: m, label: `· ${procedureLabel(t, m)}` })),
  ];

  if (list.error) return <LoadError error={list.error} />;
  return (
    <Card
      title={t('audit.title')}
      extra={
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
      {verification && (
        <Alert
          data-testid="audit-verification"
          style={{ marginBottom: 16 }}
          showIcon
          type={verification.ok ? 'success' : 'error'}
          title={
            verification.ok
              ? t('audit.verifyOk', { count: verification.checked, at: when(verification.verifiedAt) })
              : t('audit.verifyBad', {
                  id: verification.firstBadId,
                  reason: t(`audit.reasons.${verification.reason ?? 'hash_mismatch'}`),
                  count: verification.checked,
                })
          }
        />
      )}
      {verifyError && <Alert type="error" showIcon title={verifyError} style={{ marginBottom: 16 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('audit.allActors')}
          value={actorId}
          onChange={(v) => (setActorId(v), setPage(1))}
          options={(actors.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          data-testid="audit-actor"
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('audit.allProcedures')}
          value={procedure}
          onChange={(v) => (setProcedure(v), setPage(1))}
          options={procedureOptions}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => (setRange(v && v[0] && v[1] ? [v[0], v[1]] : null), setPage(1))}
          placeholder={[t('audit.range'), t('audit.range')]}
        />
      </Space>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.rows ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
        }}
        expandable={{
          expandedRowRender: (row) => (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('audit.before')}>
                <pre className="json">{row.before === null ? '—' : JSON.stringify(row.before, null, 2)}</pre>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.after')}>
                <pre className="json">{row.after === null ? '—' : JSON.stringify(row.after, null, 2)}</pre>
              </Descriptions.Item>
              <Descriptions.Item label={t('audit.hash')}>
                <code>{row.hash}</code>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          { title: t('audit.time'), dataIndex: 'at', width: 190, render: when },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 140 },
          { title: t('audit.procedure'), dataIndex: 'procedure', render: (p: string) => procedureLabel(t, p) },
          {
            title: t('audit.entity'),
            render: (_, r) => (
              <Typography.Text type="secondary">
                {t(`entities.${r.entity}`, { defaultValue: r.entity })}
                {r.entityId ? ` #${r.entityId}` : ''}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
