import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/contract';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { LoadError } from '../../components/LoadError';
import { errorText } from '../../components/serverErrors';
import { formatInstant } from '../../i18n';
import { CreateUserModal, EditUserModal, ResetPasswordModal } from './UserForms';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const info = useSessionInfo();
  const list = useRpcQuery('accounts.list', {});
  const setDisabled = useRpcMutation('accounts.setDisabled', ['intake']); // intake's staff list
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);

  const toggle = async (a: Account) => {
    const r = await setDisabled.mutateAsync({ id: a.id, disabled: !a.disabled });
    if (!r.ok) void message.error(errorText(r.error, t));
  };

  if (list.error) return <LoadError error={list.error} />;
  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      }
    >
      <Table<Account>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: Account['roles']) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>),
          },
          {
            title: t('users.status'),
            render: (_, a) => (
              <Space>
                {a.disabled ? <Badge status="default" text={t('users.disabled')} /> : <Badge status="success" text={t('users.active')} />}
                {a.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('users.lastLogin'),
            dataIndex: 'lastLoginAt',
            render: (v: number | null) => (v ? formatInstant(v, i18n.language, info.timeZone) : t('users.never')),
          },
          {
            title: t('common.actions'),
            render: (_, a) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(a)}>
                  {t('common.edit')}
                </Button>
                <Button type="link" onClick={() => setResetting(a)}>
                  {t('users.resetPassword')}
                </Button>
                {a.disabled ? (
                  <Button type="link" onClick={() => void toggle(a)}>
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Popconfirm
                    title={t('users.disableConfirm', { name: a.displayName })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => toggle(a)}
                    disabled={a.id === info.user.id}
                  >
                    <Button type="link" danger disabled={a.id === info.user.id}>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CreateUserModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) void message.success(t('users.created', { name: created.displayName }));
        }}
      />
      {editing && <EditUserModal account={editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />}
    </Card>
  );
}
