import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Dropdown, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { StayDetail } from '../../../../shared/contract/intake';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useFeatures } from '../../app/feature';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { clientLabel, STATUS_COLOR, when } from '../../components/format';
import { BedModal, DischargeModal, ExtendModal, HandoverModal, TriageModal } from './stay/ActionModals';
import { CustodyTab, FamilyTab, HistoryTab, SafetyTab, ServicesTab } from './stay/CareTabs';
import { IdentityTab } from './stay/IdentityTab';
import { isOpenStay } from '../../../../shared/domain/stay';

type Action = 'triage' | 'bed' | 'extend' | 'handover' | 'discharge' | null;
const CLOCK_COLOR = { ok: 'blue', warn: 'orange', overdue: 'red', exempt: 'default' } as const;

function StayHeader({ stay, onAction }: { stay: StayDetail; onAction: (a: Action) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const info = useSessionInfo();
  const navigate = useNavigate();
  const answer = useRpcMutation('intake.answerOwnership');
  const can = (p: string) => (info.permissions as string[]).includes(p);
  const open = isOpenStay(stay.status);
  const write = can('intake.write');
  const at = (ms: number) => when(ms, i18n.language, info.timeZone);
  const reply = async (accept: boolean) => {
    const r = await answer.mutateAsync({ offerId: stay.pendingOffer!.id, accept });
    if (!r.ok) void message.error(errorText(r.error, t));
  };
  const prints = [
    { key: `/print/intake/${stay.id}`, label: '求助登记表' },
    { key: `/print/service/${stay.id}`, label: '在站服务及离站登记表' },
    ...(stay.status === 'refused' ? [{ key: `/print/refusal/${stay.id}`, label: '不予救助通知书' }] : []),
    ...(stay.discharge?.type === 'self_discharge' ? [{ key: `/print/self-discharge/${stay.id}`, label: '自行离站声明书' }] : []),
  ];
  const clock = stay.clock;
  return (
    <Card
      title={
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="stay-title">{clientLabel(t, stay.person)}</Typography.Title>
          <Link to={`/intake/person/${stay.person.id}`}>#{stay.person.id}</Link>
          <Tag color={STATUS_COLOR[stay.status]} data-testid="stay-status">{t(`intake.status.${stay.status}`)}</Tag>
          {stay.person.sex && <Tag>{t(`intake.sex.${stay.person.sex}`)}</Tag>}
          <Tag color={stay.ageGroup === 'adult' ? 'default' : 'magenta'}>{stay.age !== null ? `${stay.age} · ` : ''}{t(`intake.ageGroup.${stay.ageGroup}`)}</Tag>
          {stay.conditions.map((c) => <Tag key={c} color="red">{t(`intake.conditions.${c}`)}</Tag>)}
          {open && (
            <Tag color={CLOCK_COLOR[clock.state]} data-testid="stay-clock">
              {t('intake.stay.day', { day: clock.day })}
              {clock.state === 'exempt'
                ? ` · ${clock.exemptBecause ? t(`intake.stay.exemptBecause.${clock.exemptBecause}`) : t('intake.stay.exempt')}`
                : ` / ${t('intake.stay.limit', { limit: clock.limitDay })}`}
              {clock.state === 'warn' && ` · ${t('intake.stay.warn')}`}
              {clock.state === 'overdue' && ` · ${t('intake.stay.overdue')}`}
            </Tag>
          )}
          {stay.incomplete && <Tag color="gold">{t('intake.stay.incomplete')}</Tag>}
        </Space>
      }
      extra={
        <Space wrap>
          {write && (stay.status === 'registered' || stay.status === 'at_hospital') && <Button type="primary" onClick={() => onAction('triage')}>{t('intake.triage.title')}</Button>}
          {write && stay.status === 'in_station' && <Button onClick={() => onAction('bed')}>{t('intake.stay.assignBed')}</Button>}
          {can('intake.approve') && stay.status === 'in_station' && <Button onClick={() => onAction('extend')}>{t('intake.stay.extend')}</Button>}
          {write && open && stay.owner.id === info.user.id && !stay.pendingOffer && <Button onClick={() => onAction('handover')}>{t('intake.stay.handover')}</Button>}
          {write && open && <Button danger onClick={() => onAction('discharge')}>{t('intake.discharge.title')}</Button>}
          <Dropdown menu={{ items: prints, onClick: (e) => navigate(e.key) }}>
            <Button icon={<PrinterOutlined />}>{t('intake.stay.print')}</Button>
          </Dropdown>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('intake.stay.arrivedAt')}>{at(stay.arrivedAt)}</Descriptions.Item>
        {stay.lateReason && <Descriptions.Item label={t('intake.stay.lateReason')}>{stay.lateReason}</Descriptions.Item>}
        <Descriptions.Item label={t('intake.stay.channel')}>
          {t(`intake.channels.${stay.channel}`)}
          {typeof stay.channelDetail.unit === 'string' ? `（${stay.channelDetail.unit}${typeof stay.channelDetail.officers === 'string' ? ` ${stay.channelDetail.officers}` : ''}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.stay.owner')}>
          <Space>
            <span data-testid="stay-owner">{stay.owner.displayName}</span>
            {stay.pendingOffer && <Tag color="orange">{t('intake.stay.pendingOffer', { name: stay.pendingOffer.to.displayName })}</Tag>}
            {stay.pendingOffer?.note && <Typography.Text type="secondary" data-testid="offer-note">{stay.pendingOffer.note}</Typography.Text>}
            {stay.pendingOffer?.to.id === info.user.id && (
              <>
                <Button size="small" type="primary" onClick={() => void reply(true)}>{t('intake.stay.accept')}</Button>
                <Button size="small" onClick={() => void reply(false)}>{t('intake.stay.decline')}</Button>
              </>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.stay.bed')}>
          <span data-testid="stay-bed">{stay.bed ? `${stay.bed.zone} ${stay.bed.label}` : t('intake.stay.noBed')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('intake.stay.temperature')}>{stay.temperatureC !== null ? `${stay.temperatureC} ℃` : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('intake.stay.registeredBy')}>{stay.registeredBy.displayName}</Descriptions.Item>
        {stay.triage && (
          <Descriptions.Item label={t('intake.triage.decision')}>
            {t(`intake.triage.${stay.triage.decision}`)}
            {stay.triage.refusalReason ? `：${t(`intake.refusal.${stay.triage.refusalReason}`)}` : ''}
            {stay.triage.destination ? `：${stay.triage.destination}` : ''}
          </Descriptions.Item>
        )}
        {stay.discharge && (
          <Descriptions.Item label={t('intake.discharge.type')}>
            <span data-testid="stay-discharge">{t(`intake.discharge.types.${stay.discharge.type}`)} · {at(stay.discharge.at)}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export function StayPage() {
  const { t } = useTranslation();
  const stayId = Number(useParams().id);
  const info = useSessionInfo();
  const stay = useRpcQuery('intake.get', { stayId });
  const [action, setAction] = useState<Action>(null);
  // Other features' tabs (app/feature.ts StaySection), after intake's own.
  const sections = useFeatures().flatMap((f) => f.staySections ?? []).filter((x) => !x.permission || (info.permissions as string[]).includes(x.permission));
  if (stay.error) return <LoadError error={stay.error} />;
  if (!stay.data) return <Card loading />;
  const s = stay.data;
  const canWrite = (info.permissions as string[]).includes('intake.write');
  const open = isOpenStay(s.status);
  const close = () => setAction(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <StayHeader stay={s} onAction={setAction} />
      <Card>
        <Tabs
          items={[
            { key: 'identity', label: t('intake.stay.tabs.identity'), children: <IdentityTab person={s.person} /> },
            { key: 'safety', label: t('intake.stay.tabs.safety'), children: <SafetyTab stay={s} canWrite={canWrite && open} /> },
            { key: 'custody', label: `${t('intake.stay.tabs.custody')}${s.custody.some((i) => !i.settlement) ? ' •' : ''}`, children: <CustodyTab stay={s} canWrite={canWrite} /> },
            { key: 'services', label: t('intake.stay.tabs.services'), children: <ServicesTab stay={s} canWrite={canWrite && open} /> },
            { key: 'family', label: t('intake.stay.tabs.family'), children: <FamilyTab stay={s} canWrite={canWrite && open} /> },
            { key: 'history', label: t('intake.stay.tabs.history'), children: <HistoryTab stay={s} /> },
            ...sections.map((x) => ({ key: x.key, label: t(x.label), children: <x.component stayId={s.id} open={open} /> })),
          ]}
        />
      </Card>
      <TriageModal stay={s} open={action === 'triage'} onClose={close} />
      <BedModal stay={s} open={action === 'bed'} onClose={close} />
      <ExtendModal stay={s} open={action === 'extend'} onClose={close} />
      <HandoverModal stay={s} open={action === 'handover'} onClose={close} />
      <DischargeModal stay={s} open={action === 'discharge'} onClose={close} />
    </Space>
  );
}
