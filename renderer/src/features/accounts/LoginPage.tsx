import { zodResolver } from '@hookform/resolvers/zod';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { loginInput } from '../../../../shared/contract/auth';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { FormField } from '../../components/FormField';
import { applyServerError } from '../../components/serverErrors';

type Values = z.input<typeof loginInput>;

export function LoginPage({ username, notice }: { username?: string; notice?: string }) {
  const { t } = useTranslation();
  const { accept } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(loginInput),
    defaultValues: { username: username ?? '', password: '' },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await api().call('auth.login', values);
    if (r.ok) accept(r.value);
    else setFormError(applyServerError(r.error, setError, t, ['username', 'password']));
  });

  return (
    <AuthLayout title={t('login.title')}>
      {notice && <Alert type="success" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <FormField control={control} name="username" label={t('login.username')}>
          {(f) => <Input {...f} prefix={<UserOutlined />} autoComplete="username" autoFocus={!username} size="large" />}
        </FormField>
        <FormField control={control} name="password" label={t('login.password')}>
          {(f) => (
            <Input.Password {...f} prefix={<LockOutlined />} autoComplete="current-password" autoFocus={!!username} size="large" />
          )}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={formState.isSubmitting}>
          {t('login.submit')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
