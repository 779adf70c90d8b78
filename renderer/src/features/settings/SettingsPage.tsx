import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { settingsUpdateInput } from '../../../../shared/contract/settings';
import { setValidationDefaults } from '../../../../shared/contract/validation-context';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { settingsCards, useFeatures } from '../../app/feature';
import { useSessionInfo } from '../../app/session';
import { format, parseISO } from 'date-fns';
import { DatePicker } from '../../components/DatePicker';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { applyServerError } from '../../components/serverErrors';
import { timeZoneOptions } from '../../components/timeZones';
import { ZonesCard } from './ZonesCard';

type Values = z.input<typeof settingsUpdateInput>;

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useRpcQuery('settings.get', {});
  const update = useRpcMutation('settings.update', ['intake']); // the stay clock and family-search deadlines follow the settings
  const zones = useMemo(timeZoneOptions, []);
  // Other features' cards (roster's duty settings and checkpoints), in the registry's order: see FeatureEntry.settingsCards.
  const cards = settingsCards(useFeatures(), useSessionInfo().permissions);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, reset } = useForm<Values>({ resolver: zodResolver(settingsUpdateInput) });
  useEffect(() => {
    if (current.data) reset(current.data);
  }, [current.data, reset]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await update.mutateAsync(values);
    if (r.ok) {
      // The forms' date rules follow the new settings at once (shared/contract/validation-context.ts).
      const { timeZone, dateFloor, lateRegistrationHours } = r.value;
      setValidationDefaults({ timeZone, dateFloor, lateRegistrationHours });
      void message.success(t('common.saved'));
    }
    else setFormError(applyServerError(r.error, setError, t, ['stationName', 'timeZone', 'idleLockMinutes', 'stayWarnDay', 'stayLimitDays', 'familyNoticeHours', 'dnaWorkingDays', 'noticeRefreshDays', 'dateFloor', 'lateRegistrationHours']));
  });

  if (current.error) return <LoadError error={current.error} />;
  return (
    <>
    <Card title={t('settings.title')} loading={current.isLoading} style={{ maxWidth: 720 }}>
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <FormField control={control} name="stationName" label={t('settings.stationName')} required>
          {(f) => <Input {...f} />}
        </FormField>
        <FormField control={control} name="timeZone" label={t('settings.timeZone')} required>
          {(f) => <Select {...f} showSearch options={zones} />}
        </FormField>
        <FormField control={control} name="idleLockMinutes" label={t('settings.idleLockMinutes')} extra={t('settings.idleLockHint')} required>
          {(f) => <InputNumber {...f} min={1} max={240} style={{ width: 160 }} />}
        </FormField>
        <Divider titlePlacement="start" plain>
          {t('settings.intake')}
        </Divider>
        <div className="form-row">
          {(['stayWarnDay', 'stayLimitDays', 'familyNoticeHours', 'dnaWorkingDays', 'noticeRefreshDays'] as const).map((name) => (
            <FormField key={name} control={control} name={name} label={t(`settings.${name}`)} required>
              {(f) => <InputNumber {...f} min={1} style={{ width: 160 }} />}
            </FormField>
          ))}
        </div>
        <div className="form-row">
          <FormField control={control} name="dateFloor" label={t('settings.dateFloor')} extra={t('settings.dateFloorHint')} required>
            {(f) => (
              <DatePicker id={f.id} value={f.value ? parseISO(f.value) : null} allowClear={false} style={{ width: 160 }}
                onChange={(v) => f.onChange(v ? format(v, 'yyyy-MM-dd') : undefined)} />
            )}
          </FormField>
          <FormField control={control} name="lateRegistrationHours" label={t('settings.lateRegistrationHours')} extra={t('settings.lateRegistrationHint')} required>
            {(f) => <InputNumber {...f} min={1} max={720} style={{ width: 160 }} />}
          </FormField>
        </div>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
    <ZonesCard />
    {cards.map(({ key, component: CardBody }) => (
      <div key={key} data-testid={`settings-card-${key}`} style={{ marginTop: 16 }}>
        <CardBody />
      </div>
    ))}
    </>
  );
}
