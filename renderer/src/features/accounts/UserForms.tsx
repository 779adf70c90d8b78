import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Account } from '../../../../shared/contract';
import { accountCreateInput, accountResetPasswordInput, accountUpdateInput } from '../../../../shared/contract/accounts';
import { ROLES } from '../../../../shared/domain/roles';
import { useRpcMutation } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { applyServerError } from '../../components/serverErrors';

function RolesField({ value, onChange, id }: { value: string[]; onChange: (v: string[]) => void; id: string }) {
  const { t } = useTranslation();
  return (
    <div id={id}>
      <Checkbox.Group
        value={value}
        onChange={(v) => onChange(v as string[])}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        className="roles-grid"
      />
    </div>
  );
}

type CreateValues = z.input<typeof accountCreateInput>;

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: (created?: Account) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useRpcMutation('accounts.create', ['intake']); // intake's staff list (witnesses, handovers)
  const { control, handleSubmit, setError, reset } = useForm<CreateValues>({
    resolver: zodResolver(accountCreateInput),
    defaultValues: { username: '', displayName: '', roles: [], password: '', passwordConfirm: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await create.mutateAsync(values);
    if (r.ok) {
      reset();
      onClose(r.value);
    } else setFormError(applyServerError(r.error, setError, t, ['username', 'displayName', 'roles', 'password', 'passwordConfirm']));
  });
  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      onCancel={() => onClose()}
      destroyOnHidden
      width={560}
    >
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <div className="form-row">
          <FormField control={control} name="username" label={t('users.username')} required>
            {(f) => <Input {...f} autoComplete="off" />}
          </FormField>
          <FormField control={control} name="displayName" label={t('users.displayName')} required>
            {(f) => <Input {...f} />}
          </FormField>
        </div>
        <FormField control={control} name="roles" label={t('users.roles')} required>
          {(f) => <RolesField id={f.id} value={f.value} onChange={f.onChange} />}
        </FormField>
        <div className="form-row">
          <FormField control={control} name="password" label={t('users.tempPassword')} required extra={t('users.tempPasswordHint')}>
            {(f) => <Input.Password {...f} autoComplete="new-password" />}
          </FormField>
          <FormField control={control} name="passwordConfirm" label={t('users.passwordConfirm')} required>
            {(f) => <Input.Password {...f} autoComplete="new-password" />}
          </FormField>
        </div>
        {formError && <Alert type="error" showIcon title={formError} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

type UpdateValues = z.input<typeof accountUpdateInput>;

export function EditUserModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const update = useRpcMutation('accounts.update', ['intake']);
  const { control, handleSubmit, setError } = useForm<UpdateValues>({
    resolver: zodResolver(accountUpdateInput),
    defaultValues: { id: account.id, displayName: account.displayName, roles: account.roles },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await update.mutateAsync(values);
    if (r.ok) onClose();
    else setFormError(applyServerError(r.error, setError, t, ['displayName', 'roles']));
  });
  return (
    <Modal
      open
      title={`${t('users.edit')} · ${account.username}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={update.isPending}
      onCancel={onClose}
      width={560}
    >
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <FormField control={control} name="displayName" label={t('users.displayName')} required>
          {(f) => <Input {...f} />}
        </FormField>
        <FormField control={control} name="roles" label={t('users.roles')} required>
          {(f) => <RolesField id={f.id} value={f.value} onChange={f.onChange} />}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

type ResetValues = z.input<typeof accountResetPasswordInput>;

export function ResetPasswordModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const resetPassword = useRpcMutation('accounts.resetPassword');
  const { control, handleSubmit, setError } = useForm<ResetValues>({
    resolver: zodResolver(accountResetPasswordInput),
    defaultValues: { id: account.id, password: '', passwordConfirm: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await resetPassword.mutateAsync(values);
    if (r.ok) onClose();
    else setFormError(applyServerError(r.error, setError, t, ['password', 'passwordConfirm']));
  });
  return (
    <Modal
      open
      title={t('users.resetTitle', { name: account.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={resetPassword.isPending}
      onCancel={onClose}
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <FormField control={control} name="password" label={t('users.tempPassword')} required>
          {(f) => <Input.Password {...f} autoComplete="new-password" />}
        </FormField>
        <FormField control={control} name="passwordConfirm" label={t('users.passwordConfirm')} required>
          {(f) => <Input.Password {...f} autoComplete="new-password" />}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
