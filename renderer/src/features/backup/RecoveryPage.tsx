import { Alert, App, Button, Card, Descriptions, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryStatus } from '../../../../shared/contract/backup';
import { api } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { when } from '../../components/format';
import { errorText } from '../../components/serverErrors';
import { fieldMessage } from '../../i18n';
import { BackupList } from './BackupList';

const TZ = 'Asia/Shanghai'; // the station's setting lives in the database that cannot be opened

/**
 * Shown when the station's database cannot be opened: what is wrong, that nothing was changed, and the
 * newest good backup to restore. Never a crash, never "delete all data".
 */
export function RecoveryPage({ onRestored }: { onRestored: (notice: string) => void }) {
  const { t, i18n } = useTranslation();
  const { modal } = App.useApp();
  const [status, setStatus] = useState<Extract<RecoveryStatus, { mode: 'recovery' }> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Asked again while backups are still being checked (a worker reads each one).
  const checking = status?.backups.some((b) => b.ok === null) ?? false;
  useEffect(() => {
    const ask = () =>
      void api()
        .call('recovery.status', {})
        .then((r) => (r.ok && r.value.mode === 'recovery' ? setStatus(r.value) : r.ok ? onRestored('') : setError(errorText(r.error, t))));
    if (!status) return ask();
    if (!checking) return;
    const timer = setInterval(ask, 1000);
    return () => clearInterval(timer);
  }, [t, onRestored, status, checking]);

  const restore = async (file: string) => {
    setBusy(true);
    const r = await api().call('recovery.restore', { file });
    setBusy(false);
    if (r.ok) onRestored(t('recovery.restored', { file: r.value.restoredFrom }));
    else setError(fieldMessage(r.error.fields?.file) ?? errorText(r.error, t));
  };
  const confirm = (file: string) =>
    modal.confirm({ title: t('recovery.restore'), content: file, okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: () => restore(file) });

  if (!status) return <div className="center-screen">{error ? <Result status="error" title={error} /> : <Spin size="large" />}</div>;
  // The newest backup not known to be bad: good, or still being checked (then wait for it rather than offer an older one).
  const newestCandidate = status.backups.find((b) => b.ok !== false);
  const newest = newestCandidate?.ok ? newestCandidate : undefined;
  return (
    <AuthLayout title={t('recovery.title')} width={900}>
      <Alert type="error" showIcon title={t(`recovery.problem.${status.problem}`)} description={t('recovery.intro')} style={{ marginBottom: 16 }} />
      {status.problem === 'future' && <Alert type="warning" showIcon title={t('recovery.futureHint')} style={{ marginBottom: 16 }} />}
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('recovery.file')}>
          <Typography.Text code>{status.databaseFile}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {newest ? (
        <Card size="small" title={t('recovery.newest')} style={{ marginBottom: 16 }} data-testid="newest-backup">
          <Typography.Paragraph>
            <Typography.Text strong>{newest.name}</Typography.Text>
            {newest.madeAt ? ` · ${when(newest.madeAt, i18n.language, TZ)}` : ''}
          </Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => confirm(newest.file)}>
            {t('recovery.restore')}
          </Button>
        </Card>
      ) : newestCandidate ? (
        <Alert type="info" showIcon icon={<Spin size="small" />} title={t('recovery.checking')} style={{ marginBottom: 16 }} />
      ) : (
        <Alert type="warning" showIcon title={t('recovery.none')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('recovery.backups')}</Typography.Title>
      <BackupList backups={status.backups} timeZone={TZ} busy={busy} onRestore={(f) => confirm(f)} />
    </AuthLayout>
  );
}
