import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { canPick, pickPath } from '../../api/picker';
import { useRpcQuery } from '../../api/hooks';
import { useSession, useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { when } from '../../components/format';
import { errorText } from '../../components/serverErrors';
import { fieldMessage } from '../../i18n';
import type { BackupFile, Job, RestoreResult } from '../../../../shared/contract/backup';
import type { PickKind } from '../../../../shared/bridge';
import type { AppErrorShape } from '../../../../shared/domain/result';
import { BackupList } from './BackupList';
import { jobPercent, useJob } from './useJob';

export function BackupPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const info = useSessionInfo();
  const { toLogin } = useSession();
  // While a listed backup is still being checked (a worker reads it), ask again.
  const list = useRpcQuery('backup.list', {}, { refetchWhile: (d) => (d.backups.some((b) => b.ok === null) ? 1000 : false) });
  const [folder, setFolder] = useState('');
  const [importFile, setImportFile] = useState('');
  const { job, follow, clear } = useJob();
  const busy = job?.state === 'running';
  const [problem, setProblem] = useState<{ field: 'folder' | 'file'; text: string } | null>(null);
  const [queued, setQueued] = useState(false);
  const shown = (field: 'folder' | 'file', error: AppErrorShape) =>
    setProblem({ field, text: error.code === 'CONFLICT' ? t('backup.busy') : (fieldMessage(error.fields?.[field]) ?? errorText(error, t)) });

  /** Follows a job to its end and says how it ended: the file written, the data restored, or why not. */
  const see = async (started: Job<unknown>) => {
    const done = await follow(started);
    clear();
    // Not after a restore that succeeded: it ended every session, and the list is for the next sign-in.
    if (done.kind === 'backup' || !done.result) void list.refetch();
    if (done.kind === 'backup') {
      const made = done.result as BackupFile | null;
      if (made) void message.success(t('backup.done', { name: made.name }));
      else if (done.error) shown('folder', done.error);
      return;
    }
    const r = done.result as RestoreResult | null;
    if (!r) return done.error && shown('file', done.error);
    // Every session ended with the restore: say what happened, then sign in on the restored data.
    modal.success({
      title: t('backup.title'),
      content: t('backup.restored', { file: r.restoredFrom, at: r.madeAt ? when(r.madeAt, i18n.language, info.timeZone) : '—', aside: r.setAside ?? '—' }),
      onOk: () => toLogin({ username: info.user.username }),
    });
  };

  // A backup or restore started before this page opened (from another visit to it): follow it here too.
  const adopted = useRef(false);
  const running = list.data?.running ?? null;
  useEffect(() => {
    if (!running || adopted.current || job) return;
    adopted.current = true;
    void see(running);
  });

  if (list.error) return <LoadError error={list.error} />;

  const run = async (to?: string) => {
    setProblem(null);
    const input = to ? { folder: to } : {};
    let started = await api().call('backup.run', input);
    // A backup already running, begun since this page loaded (the automatic one, 5 s after start-up and then hourly, or
    // one asked for in another window): follow it, saying that the one asked for comes next, then make it. Never after
    // a restore: it ends every session.
    const other = !started.ok && started.error.code === 'CONFLICT' ? started.error.detail?.jobId : undefined;
    if (typeof other === 'string') {
      const asked = await api().call('backup.job', { id: other });
      const running = asked.ok ? asked.value : null;
      if (running?.kind === 'backup' && running.state === 'running') {
        setQueued(true);
        await follow<unknown>(running);
        setQueued(false);
        void list.refetch();
        started = await api().call('backup.run', input);
      }
    }
    if (!started.ok) return shown('folder', started.error);
    await see(started.value);
  };

  const restore = async (file: string) => {
    setProblem(null);
    const started = await api().call('backup.restore', { file });
    if (!started.ok) return shown('file', started.error);
    await see(started.value);
  };

  return (
    <Card title={t('backup.title')}>
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('backup.folder')}>
          <Typography.Text code>{list.data?.folder}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('backup.lastAuto')}>{list.data?.lastAutoAt ? when(list.data.lastAutoAt, i18n.language, info.timeZone) : t('backup.never')}</Descriptions.Item>
      </Descriptions>
      {job && (
        <div data-testid="job-progress" style={{ marginBottom: 16 }}>
          {queued && <Alert type="info" showIcon data-testid="backup-queued" style={{ marginBottom: 8 }} title={t('backup.queued')} />}
          <Typography.Text>{t(`backup.steps.${job.step}`, { done: job.done, total: job.total })}</Typography.Text>
          <Progress percent={jobPercent(job)} status={job.state === 'failed' ? 'exception' : 'active'} />
        </div>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => void run()}>
          {t('backup.runNow')}
        </Button>
      </Space>
      <Form layout="vertical">
        <PathField id="backup-folder" kind="folder" label={t('backup.runTo')} value={folder} onChange={setFolder} placeholder="/media/usb"
          error={problem?.field === 'folder' ? problem.text : undefined}>
          <Button icon={<SaveOutlined />} disabled={!folder.trim()} loading={busy} onClick={() => void run(folder.trim())}>
            {t('backup.runNow')}
          </Button>
        </PathField>
        <PathField id="restore-file" kind="backupFile" label={t('backup.restoreFrom')} value={importFile} onChange={setImportFile} placeholder="/media/usb/stationdesk-….sqlite"
          error={problem?.field === 'file' ? problem.text : undefined}>
          <Button danger icon={<CloudDownloadOutlined />} disabled={!importFile.trim()} loading={busy}
            onClick={() => modal.confirm({ title: t('backup.restoreConfirm'), okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: () => restore(importFile.trim()) })}>
            {t('backup.restore')}
          </Button>
        </PathField>
      </Form>
      {list.data && <BackupList backups={list.data.backups} timeZone={info.timeZone} busy={busy} onRestore={(f) => void restore(f)} />}
      {list.data?.backups.length === 0 && <Alert type="warning" showIcon title={t('backup.never')} />}
    </Card>
  );
}

/**
 * A path typed in, or chosen with the operating system's picker where there is one (the desktop window), with
 * its action button beside it and the main process's word on it at the field.
 */
function PathField(props: {
  id: string;
  kind: PickKind;
  label: string;
  value: string;
  onChange: (path: string) => void;
  placeholder: string;
  error: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={props.label} htmlFor={props.id} validateStatus={props.error ? 'error' : undefined} help={props.error}>
      <Space.Compact style={{ width: '100%' }}>
        <Input id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} placeholder={props.placeholder} />
        {canPick() && (
          <Button icon={<FolderOpenOutlined />} onClick={() => void pickPath(props.kind).then((p) => p && props.onChange(p))}>
            {t('backup.choose')}
          </Button>
        )}
        {props.children}
      </Space.Compact>
    </Form.Item>
  );
}
