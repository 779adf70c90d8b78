import { SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { HandoverSummary } from '../../../../shared/contract/handover';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { useWhen } from '../../components/useWhen';
import { shiftLabel, STATE_COLOR } from './shift';

/** The shift due to be handed over (open it, or carry on with it), then the history, newest first. */
export function HandoverListPage() {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  const at = useWhen();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages.at(-1);
  const list = useRpcQuery('handover.list', before === undefined ? { limit: 20 } : { before, limit: 20 });
  const open = useRpcMutation('handover.open');
  const write = (info.permissions as string[]).includes('duty.write');
  if (list.error) return <LoadError error={list.error} />;
  const due = list.data?.due ?? null;

  const start = async () => {
    const r = await open.mutateAsync(due ? { day: due.shift.day, shift: due.shift.code } : {});
    if (r.ok) navigate(`/handover/${r.value.id}`);
    else void message.error(errorText(r.error, t));
  };

  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('handover.listTitle')}</Typography.Title>
      {due && (
        <Card size="small" style={{ marginBottom: 16, maxWidth: 760 }} data-testid="handover-due">
          <Space wrap>
            <SwapOutlined style={{ fontSize: 20, color: '#1f4e8c' }} />
            <Typography.Text strong>{t('handover.dueShift', { shift: shiftLabel(due.shift, i18n.language, info.timeZone) })}</Typography.Text>
            {due.handoverId !== null ? (
              <Button type="primary" onClick={() => navigate(`/handover/${due.handoverId}`)} data-testid="handover-continue">{t('handover.continue')}</Button>
            ) : (
              write && <Button type="primary" loading={open.isPending} onClick={() => void start()} data-testid="handover-open">{t('handover.open')}</Button>
            )}
          </Space>
        </Card>
      )}
      <Table<HandoverSummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => navigate(`/handover/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('handover.col.shift'), render: (_, r) => shiftLabel(r.shift, i18n.language, info.timeZone) },
          { title: t('handover.col.state'), render: (_, r) => <Tag color={STATE_COLOR[r.state]}>{t(`handover.state.${r.state}`)}</Tag> },
          { title: t('handover.col.openedBy'), render: (_, r) => r.openedBy.displayName },
          { title: t('handover.col.submittedAt'), render: (_, r) => at(r.submittedAt) },
          { title: t('handover.col.acks'), dataIndex: 'acknowledgements' },
          { title: t('handover.col.signed'), render: (_, r) => (r.signedBy ? `${r.signedBy.displayName} · ${at(r.signedAt)}` : '') },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>{t('handover.newer')}</Button>
        <Button disabled={!list.data?.next} onClick={() => setPages([...pages, list.data!.next!])}>{t('handover.older')}</Button>
      </Space>
    </div>
  );
}
