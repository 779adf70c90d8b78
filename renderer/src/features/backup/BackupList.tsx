import { Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../shared/contract/backup';
import { when } from '../../components/format';

const size = (bytes: number) => (bytes > 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Backups with their check result; a good one can be restored after a confirmation. */
export function BackupList({ backups, timeZone, onRestore, busy }: { backups: BackupFile[]; timeZone: string; onRestore: (file: string) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<BackupFile>
      rowKey="file"
      size="small"
      dataSource={backups}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('backup.never') }}
      columns={[
        { title: t('backup.name'), dataIndex: 'name', ellipsis: true },
        { title: t('backup.kind'), dataIndex: 'kind', width: 90, render: (k: BackupFile['kind']) => t(`backup.kinds.${k}`) },
        { title: t('backup.madeAt'), dataIndex: 'madeAt', width: 150, render: (v: number | null) => (v ? when(v, i18n.language, timeZone) : '—') },
        { title: t('backup.size'), dataIndex: 'size', width: 90, render: size },
        {
          title: t('backup.check'),
          width: 200,
          render: (_, b) =>
            b.ok === null ? (
              <Tag color="processing">{t('backup.checking')}</Tag>
            ) : b.ok ? (
              <Tag color="green">{t('backup.good')}</Tag>
            ) : (
              <Tag color="red">{t(`v.backup.${b.problem ?? 'unreadable'}`)}</Tag>
            ),
        },
        {
          title: '',
          width: 90,
          render: (_, b) =>
            b.ok && (
              <Popconfirm title={t('backup.restoreConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => onRestore(b.file)}>
                <Button size="small" danger loading={busy}>
                  {t('backup.restore')}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}
