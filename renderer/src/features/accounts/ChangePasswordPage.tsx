import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { changePasswordInput } from '../../../../shared/contract/auth';
import { api } from '../../api/client';
import { useSession, useSessionInfo } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { FormField } from '../../components/FormField';
import { applyServerError } from '../../components/serverErrors';

type Values = z.input<typeof changePasswordInput>;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { accept, logout } = useSession();
  const info = useSessionInfo();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(changePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await api().call('auth.changePassword', values);
    if (r.ok) accept(r.value);
    else setFormError(applyServerError(r.error, setError, t, ['currentPassword', 'newPassword', 'newPasswordConfirm']));
  });

  return (
    <AuthLayout title={`${t('changePassword.title')} · ${info.user.displayName}`}>
      <Alert type="warning" showIcon title={t('changePassword.intro')} style={{ marginBottom: 16 }} />
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <FormField control={control} name="currentPassword" label={t('changePassword.current')} required>
          {(f) => <Input.Password {...f} autoComplete="current-password" autoFocus />}
        </FormField>
        <FormField control={control} name="newPassword" label={t('changePassword.next')} required extra={t('setup.passwordHint')}>
          {(f) => <Input.Password {...f} autoComplete="new-password" />}
        </FormField>
        <FormField control={control} name="newPasswordConfirm" label={t('changePassword.confirm')} required>
          {(f) => <Input.Password {...f} autoComplete="new-password" />}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={formState.isSubmitting}>
          {t('changePassword.submit')}
        </Button>
        <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>
          {t('header.logout')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
