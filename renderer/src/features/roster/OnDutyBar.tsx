import { ClockCircleOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { formatInstant } from '../../i18n';

/** How often "on duty now" asks again: shifts change on the minute, and a minute late is fine for a header. */
const EVERY_MINUTE = 60_000;

/** "On duty now", above every page (roster's frame widget): the current shift, the leader on duty, the next handover. */
export function OnDutyBar() {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSessionInfo();
  const q = useRpcQuery('roster.onDuty', {}, { refetchWhile: () => EVERY_MINUTE });
  const d = q.data;
  if (!d) return null;
  const clock = (ms: number) => formatInstant(ms, i18n.language, timeZone, 'HH:mm');
  return (
    <Space size="large" wrap data-testid="on-duty-now">
      <span>
        <ClockCircleOutlined /> {t('roster.onDuty.shift')}{' '}
        <Typography.Text strong>{d.shift ? `${d.shift.name} ${clock(d.shift.from)}–${clock(d.shift.to)}` : t('roster.onDuty.noShift')}</Typography.Text>
      </span>
      <span>
        <UserOutlined /> {t('roster.onDuty.leader')}{' '}
        <Typography.Text strong type={d.leaders.length ? undefined : 'danger'}>{d.leaders.map((l) => l.name).join('、') || t('roster.onDuty.noLeader')}</Typography.Text>
      </span>
      <span>
        <TeamOutlined /> {t('roster.onDuty.staff')}{' '}
        <Typography.Text>{d.onDuty.flatMap((p) => p.staff.map((s) => s.name)).join('、') || '—'}</Typography.Text>
      </span>
      {d.nextHandoverAt !== null && (
        <Link to="/handover">{t('roster.onDuty.nextHandover', { time: clock(d.nextHandoverAt) })}</Link>
      )}
    </Space>
  );
}
