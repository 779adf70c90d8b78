import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BedView, ZoneView } from '../../../../shared/contract/intake';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { formatInstant } from '../../i18n';
import { clientLabel } from '../../components/format';
import './beds.css';

/** The board refreshes itself, so the screen at the desk is never an hour old. */
const REFRESH_MS = 60_000;

/** Who a zone takes, in a few words: sex, ages, medical observation. */
function zoneRule(t: TFunction, z: ZoneView): string {
  const parts = [z.sex ? t(`people.beds.rule.${z.sex}`) : t('people.beds.rule.anySex')];
  if (z.minAge !== null && z.maxAge !== null) parts.push(t('people.beds.rule.ageRange', { min: z.minAge, max: z.maxAge }));
  else if (z.minAge !== null && z.minAge > 0) parts.push(t('people.beds.rule.minAge', { min: z.minAge }));
  else if (z.maxAge !== null) parts.push(t('people.beds.rule.maxAge', { max: z.maxAge }));
  if (z.medical) parts.push(t('people.beds.rule.medical'));
  return parts.join(' · ');
}

function BedTile({ bed }: { bed: BedView }) {
  const { t } = useTranslation();
  if (!bed.occupant) {
    return (
      <div className="bed bed-free" data-testid="bed-free">
        <div className="bed-label">{bed.label}</div>
        <div className="bed-state">{t('people.beds.free')}</div>
      </div>
    );
  }
  const name = clientLabel(t, bed.occupant);
  return (
    <Link
      to={`/intake/stay/${bed.occupant.stayId}`}
      className="bed bed-taken"
      title={name}
      aria-label={t('people.beds.openStay', { name })}
      data-testid="bed-taken"
    >
      <div className="bed-label">{bed.label}</div>
      <div className="bed-occupant">{bed.occupant.name ?? t('intake.unknownName')}</div>
      {!bed.occupant.name && bed.occupant.description && <div className="bed-description">{bed.occupant.description}</div>}
    </Link>
  );
}

function ZoneCard({ zone }: { zone: ZoneView }) {
  const { t } = useTranslation();
  const total = zone.beds.length;
  const free = total - zone.occupied;
  return (
    <section className="zone-card" aria-label={zone.name} data-testid={`zone-${zone.code}`}>
      <header className="zone-head">
        <div>
          <h2 className="zone-name">{zone.name}</h2>
          <div className="zone-rule">{zoneRule(t, zone)}</div>
        </div>
        <div className="zone-count">
          <span className={free === 0 ? 'zone-count-full' : undefined}>
            {zone.occupied}
            <span className="zone-count-total">/{total}</span>
          </span>
          {free === 0 ? <Tag color="red">{t('people.beds.full')}</Tag> : <Tag color="green">{t('people.beds.freeCount', { count: free })}</Tag>}
        </div>
      </header>
      <div className="bed-grid">
        {zone.beds.map((b) => (
          <BedTile key={b.id} bed={b} />
        ))}
      </div>
    </section>
  );
}

export function BedBoardPage() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const zones = useRpcQuery('intake.beds', {});
  const { refetch } = zones;

  useEffect(() => {
    const timer = window.setInterval(() => void refetch(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);

  if (zones.error) return <LoadError error={zones.error} />;
  if (!zones.data) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;
  const list = zones.data;
  const total = list.reduce((n, z) => n + z.beds.length, 0);
  const occupied = list.reduce((n, z) => n + z.occupied, 0);

  return (
    <div className="bed-board">
      <div className="bed-board-head">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('people.beds.title')}
        </Typography.Title>
        <span className="bed-board-summary" data-testid="bed-summary">
          {t('people.beds.summary', { occupied, free: total - occupied, total })}
        </span>
        <span className="bed-board-updated">
          {t('people.beds.updatedAt', { time: formatInstant(zones.dataUpdatedAt, i18n.language, info.timeZone, 'HH:mm') })}
        </span>
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={zones.isFetching}>
          {t('people.beds.refresh')}
        </Button>
      </div>
      {list.length === 0 ? (
        <Empty description={t('people.beds.none')} />
      ) : (
        <div className="zone-grid">
          {list.map((z) => (
            <ZoneCard key={z.id} zone={z} />
          ))}
        </div>
      )}
    </div>
  );
}
