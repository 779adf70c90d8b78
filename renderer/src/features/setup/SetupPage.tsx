import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Divider, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { stationSetupInput } from '../../../../shared/contract/setup';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { AuthLayout } from '../../components/AuthLayout';
import { FormField } from '../../components/FormField';
import { applyServerError } from '../../components/serverErrors';
import { timeZoneOptions } from '../../components/timeZones';

type Values = z.input<typeof stationSetupInput>;
const FIELDS = ['stationName', 'timeZone', 'admin.username', 'admin.displayName', 'admin.password', 'admin.passwordConfirm'];

export function SetupPage() {
  const { t } = useTranslation();
  const { toLogin } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(timeZoneOptions, []);
  const { control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(stationSetupInput),
    defaultValues: {
      stationName: '',
      timeZone: 'Asia/Shanghai',
      admin: { username: '', displayName: '', password: '', passwordConfirm: '' },
    },
  });

  const [demoBusy, setDemoBusy] = useState(false);
  const loadDemo = async () => {
    setDemoBusy(true);
    setFormError(null);
    const r = await api().call('setup.loadDemo', {});
    setDemoBusy(false);
    if (r.ok) toLogin({ username: r.value.username, notice: t('setup.demoDone', { password: r.value.password, persons: r.value.persons, stays: r.value.stays }) });
    else setFormError(applyServerError(r.error, setError, t, []));
  };

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await api().call('setup.initialize', values);
    if (r.ok) toLogin({ username: values.admin.username, notice: t('setup.done') });
    else setFormError(applyServerError(r.error, setError, t, FIELDS));
  });

  return (
    <AuthLayout title={t('setup.title')} width={560}>
      <Alert type="info" showIcon title={t('setup.intro')} style={{ marginBottom: 20 }} />
      <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())} component="form">
        <Divider titlePlacement="start" plain>
          {t('setup.station')}
        </Divider>
        <FormField control={control} name="stationName" label={t('setup.stationName')} required>
          {(f) => <Input {...f} placeholder={t('setup.stationNamePlaceholder')} autoFocus />}
        </FormField>
        <FormField control={control} name="timeZone" label={t('setup.timeZone')} required>
          {(f) => <Select {...f} showSearch options={zones} />}
        </FormField>
        <Divider titlePlacement="start" plain>
          {t('setup.admin')}
        </Divider>
        <div className="form-row">
          <FormField control={control} name="admin.username" label={t('setup.username')} required>
            {(f) => <Input {...f} autoComplete="username" />}
          </FormField>
          <FormField control={control} name="admin.displayName" label={t('setup.displayName')} required>
            {(f) => <Input {...f} />}
          </FormField>
        </div>
        <div className="form-row">
          <FormField control={control} name="admin.password" label={t('setup.password')} required extra={t('setup.passwordHint')}>
            {(f) => <Input.Password {...f} autoComplete="new-password" />}
          </FormField>
          <FormField control={control} name="admin.passwordConfirm" label={t('setup.passwordConfirm')} required>
            {(f) => <Input.Password {...f} autoComplete="new-password" />}
          </FormField>
        </div>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={formState.isSubmitting}>
          {t('setup.submit')}
        </Button>
      </Form>
      <Divider plain>{t('setup.or')}</Divider>
      <Button block loading={demoBusy} onClick={() => void loadDemo()} data-testid="load-demo">
        {t('setup.demo')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('setup.demoHint')}
      </Typography.Paragraph>
    </AuthLayout>
  );
}
