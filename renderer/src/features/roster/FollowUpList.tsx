import { Button, Card, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/contract/patrol';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { errorText } from '../../components/serverErrors';
import { useWhen } from '../../components/useWhen';

/** Every open follow-up task (from rounds and incidents), overdue ones marked; closing one takes a note. */
export function FollowUpList() {
  const { t } = useTranslation();
  const at = useWhen();
  const write = (useSessionInfo().permissions as string[]).includes('duty.write');
  const q = useRpcQuery('patrol.followUps', {});
  const close = useRpcMutation('patrol.closeFollowUp');
  const [closing, setClosing] = useState<FollowUp | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const open = (q.data ?? []).filter((f) => f.done === null);
  const now = Date.now();
  return (
    <Card size="small" title={t('roster.followUp.open', { n: open.length })} data-testid="follow-ups">
      <List size="small" dataSource={open} locale={{ emptyText: t('roster.followUp.none') }} renderItem={(f) => (
        <List.Item style={{ paddingInline: 0 }} actions={write ? [<Button key="c" size="small" onClick={() => (setClosing(f), setNote(''), setError(null))}>{t('roster.followUp.close')}</Button>] : []}>
          <div>
            <div>{f.task} {f.dueAt < now && <Tag color="red">{t('roster.followUp.overdue')}</Tag>}</div>
            <Typography.Text type="secondary">{t('roster.followUp.line', { owner: f.owner.name, due: at(f.dueAt) })}</Typography.Text>
          </div>
        </List.Item>
      )} />
      <Modal open={closing !== null} title={t('roster.followUp.close')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={close.isPending}
        onCancel={() => setClosing(null)}
        onOk={() => void close.mutateAsync({ id: closing!.id, note }).then((r) => (r.ok ? setClosing(null) : setError(errorText(r.error, t))))}>
        <Typography.Paragraph>{closing?.task}</Typography.Paragraph>
        <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={300} placeholder={t('roster.followUp.closeNote')} />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Modal>
    </Card>
  );
}
