import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { StaffEntry } from '../../../../shared/contract/roster';
import { POSTS, type Post } from '../../../../shared/domain/duty';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { RpcFormModal } from '../../components/RpcFormModal';
import { errorText } from '../../components/serverErrors';

/** The staff directory: every account and the staff who never sign in, with the posts each can fill. */
export function StaffPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const info = useSessionInfo();
  const write = (info.permissions as string[]).includes('roster.write');
  const staff = useRpcQuery('roster.staff', {});
  const save = useRpcMutation('roster.staffSave');
  const [adding, setAdding] = useState(false);
  if (staff.error) return <LoadError error={staff.error} />;
  const update = async (input: { id: number; posts?: Post[] | null; active?: boolean }) => {
    const r = await save.mutateAsync(input);
    if (!r.ok) void message.error(errorText(r.error, t));
  };
  const postOptions = POSTS.map((p) => ({ value: p, label: t(`roster.posts.${p}`) }));
  return (
    <>
      {write && <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>{t('roster.staff.add')}</Button>}
      <Table<StaffEntry>
        rowKey="id"
        size="small"
        loading={staff.isLoading}
        dataSource={staff.data ?? []}
        pagination={false}
        columns={[
          { title: t('roster.staff.name'), render: (_, s) => <>{s.name} {s.leader && <Tag color="gold">{t('roster.posts.leader')}</Tag>}</> },
          { title: t('roster.staff.kind'), render: (_, s) => (s.userId !== null ? t('roster.staff.account') : t('roster.staff.noAccount')) },
          { title: t('roster.staff.job'), dataIndex: 'job' },
          {
            title: t('roster.staff.posts'),
            render: (_, s) => (
              <Checkbox.Group disabled={!write || save.isPending} value={s.posts} options={postOptions} onChange={(v) => void update({ id: s.id, posts: v as Post[] })} />
            ),
          },
          { title: t('roster.staff.fromRoles'), render: (_, s) => (s.postsFromRoles ? <Tag>{t('roster.staff.byRoles')}</Tag> : s.userId !== null && write && <Button size="small" type="link" onClick={() => void update({ id: s.id, posts: null })}>{t('roster.staff.resetPosts')}</Button>) },
          { title: t('roster.staff.active'), render: (_, s) => <Switch size="small" checked={s.active} disabled={!write || s.userId !== null} onChange={(active) => void update({ id: s.id, active })} /> },
        ]}
      />
      <RpcFormModal open={adding} title={t('roster.staff.add')} procedure="roster.staffSave" schema={contract['roster.staffSave'].input} defaultValues={{ posts: [] }}
        fields={['name', 'job', 'posts']} onClose={() => setAdding(false)}>
        {(control) => (
          <>
            <FormField control={control} name="name" label={t('roster.staff.name')} required>{(f) => <Input {...f} value={f.value ?? ''} maxLength={40} />}</FormField>
            <FormField control={control} name="job" label={t('roster.staff.job')}>{(f) => <Input {...f} value={f.value ?? ''} maxLength={40} />}</FormField>
            <FormField control={control} name="posts" label={t('roster.staff.posts')} required>
              {(f) => <Checkbox.Group value={f.value} onChange={f.onChange} options={postOptions} />}
            </FormField>
          </>
        )}
      </RpcFormModal>
    </>
  );
}
