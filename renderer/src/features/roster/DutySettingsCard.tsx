import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Divider, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { addProblems, dutySettingsFields, dutySettingsProblems, type DutySettings } from '../../../../shared/contract/duty-settings';
import { POSTS } from '../../../../shared/domain/duty';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { FormField } from '../../components/FormField';
import { LoadError } from '../../components/LoadError';
import { applyServerError } from '../../components/serverErrors';
import { fieldMessage } from '../../i18n';

/** The duty part of the settings, every field given: the contract's own rules, checked together as the main process does. */
const dutyForm = z
  .object({
    shifts: dutySettingsFields.shifts.unwrap(),
    staffing: dutySettingsFields.staffing.unwrap(),
    minRestHours: dutySettingsFields.minRestHours.unwrap(),
    maxNightsInRow: dutySettingsFields.maxNightsInRow.unwrap(),
    patrolBands: dutySettingsFields.patrolBands.unwrap(),
    patrolGraceMinutes: dutySettingsFields.patrolGraceMinutes.unwrap(),
  })
  .superRefine((v, ctx) => addProblems(dutySettingsProblems(v), ctx));

type Values = DutySettings;
type Ctl = Control<Values>;

const dutyOf = (s: DutySettings): Values => ({
  shifts: s.shifts, staffing: s.staffing, minRestHours: s.minRestHours, maxNightsInRow: s.maxNightsInRow, patrolBands: s.patrolBands, patrolGraceMinutes: s.patrolGraceMinutes,
});

/** The form's field names, so the main process's field errors (`shifts.1.start`) land on them. */
function fieldNames(v: Values): string[] {
  return [
    'shifts', 'staffing', 'patrolBands', 'minRestHours', 'maxNightsInRow', 'patrolGraceMinutes',
    ...v.shifts.flatMap((_, i) => ['code', 'name', 'start', 'end'].map((k) => `shifts.${i}.${k}`)),
    ...v.staffing.flatMap((_, i) => ['post', 'min', 'scope', 'shift'].map((k) => `staffing.${i}.${k}`)),
    ...v.patrolBands.flatMap((_, i) => ['from', 'to', 'intervalMinutes'].map((k) => `patrolBands.${i}.${k}`)),
  ];
}

/** A list's own error (shifts that leave an hour uncovered, too many rows), from the form's rules or the main process. */
function ListError({ errors, name }: { errors: FieldErrors<Values>; name: 'shifts' | 'staffing' | 'patrolBands' }) {
  const e = errors[name] as { message?: string; root?: { message?: string } } | undefined;
  const message = e?.root?.message ?? e?.message;
  return message ? <Typography.Text type="danger" data-testid={`duty-${name}-error`}>{fieldMessage(message)}</Typography.Text> : null;
}

const clock = (control: Ctl, name: `shifts.${number}.${'start' | 'end'}` | `patrolBands.${number}.${'from' | 'to'}`, label: string) => (
  <FormField control={control} name={name} label={label} required>
    {(f) => <Input {...f} value={f.value ?? ''} placeholder="08:00" maxLength={5} style={{ width: 90 }} />}
  </FormField>
);

function Shifts({ control, errors }: { control: Ctl; errors: FieldErrors<Values> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'shifts' });
  return (
    <>
      {fields.map((row, i) => (
        <Space key={row.id} align="start" wrap data-testid={`duty-shift-${i}`}>
          <FormField control={control} name={`shifts.${i}.name`} label={t('roster.dutySettings.shiftName')} required>
            {(f) => <Input {...f} value={f.value ?? ''} maxLength={20} style={{ width: 110 }} />}
          </FormField>
          <FormField control={control} name={`shifts.${i}.code`} label={t('roster.dutySettings.shiftCode')} required>
            {(f) => <Input {...f} value={f.value ?? ''} maxLength={16} style={{ width: 110 }} />}
          </FormField>
          {clock(control, `shifts.${i}.start`, t('roster.dutySettings.start'))}
          {clock(control, `shifts.${i}.end`, t('roster.dutySettings.end'))}
          <Button type="link" danger style={{ marginTop: 30 }} disabled={fields.length <= 1} onClick={() => remove(i)}>{t('roster.dutySettings.remove')}</Button>
        </Space>
      ))}
      <div><ListError errors={errors} name="shifts" /></div>
      <Button size="small" disabled={fields.length >= 6} onClick={() => append({ code: '', name: '', start: '', end: '' })}>{t('roster.dutySettings.addShift')}</Button>
    </>
  );
}

function Staffing({ control, errors, shiftOptions, setValue }: { control: Ctl; errors: FieldErrors<Values>; shiftOptions: { value: string; label: string }[]; setValue: (name: `staffing.${number}.shift`, v: undefined) => void }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'staffing' });
  const rules = useWatch({ control, name: 'staffing' }) ?? [];
  return (
    <>
      {fields.map((row, i) => (
        <Space key={row.id} align="start" wrap data-testid={`duty-staffing-${i}`}>
          <FormField control={control} name={`staffing.${i}.post`} label={t('roster.dutySettings.post')} required>
            {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} style={{ width: 130 }} options={POSTS.map((p) => ({ value: p, label: t(`roster.posts.${p}`) }))} />}
          </FormField>
          <FormField control={control} name={`staffing.${i}.scope`} label={t('roster.dutySettings.scope')} required>
            {(f) => (
              <Select id={f.id} value={f.value} style={{ width: 150 }} options={(['hour', 'day', 'shift'] as const).map((s) => ({ value: s, label: t(`roster.dutySettings.scopes.${s}`) }))}
                onChange={(v) => (f.onChange(v), v !== 'shift' && setValue(`staffing.${i}.shift`, undefined))} />
            )}
          </FormField>
          <FormField control={control} name={`staffing.${i}.shift`} label={t('roster.dutySettings.shift')}>
            {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} style={{ width: 110 }} allowClear disabled={rules[i]?.scope !== 'shift'} options={shiftOptions} />}
          </FormField>
          <FormField control={control} name={`staffing.${i}.min`} label={t('roster.dutySettings.min')} required>
            {(f) => <InputNumber id={f.id} value={f.value} min={1} max={20} onChange={(v) => f.onChange(v ?? undefined)} style={{ width: 80 }} />}
          </FormField>
          <Button type="link" danger style={{ marginTop: 30 }} onClick={() => remove(i)}>{t('roster.dutySettings.remove')}</Button>
        </Space>
      ))}
      <div><ListError errors={errors} name="staffing" /></div>
      <Button size="small" disabled={fields.length >= 30} onClick={() => append({ post: 'front_desk', min: 1, scope: 'hour' })}>{t('roster.dutySettings.addStaffing')}</Button>
    </>
  );
}

function PatrolBands({ control, errors }: { control: Ctl; errors: FieldErrors<Values> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control, name: 'patrolBands' });
  return (
    <>
      {fields.map((row, i) => (
        <Space key={row.id} align="start" wrap data-testid={`duty-band-${i}`}>
          {clock(control, `patrolBands.${i}.from`, t('roster.dutySettings.start'))}
          {clock(control, `patrolBands.${i}.to`, t('roster.dutySettings.end'))}
          <FormField control={control} name={`patrolBands.${i}.intervalMinutes`} label={t('roster.dutySettings.interval')} required>
            {(f) => <InputNumber id={f.id} value={f.value} min={15} max={720} step={15} onChange={(v) => f.onChange(v ?? undefined)} style={{ width: 110 }} />}
          </FormField>
          <Button type="link" danger style={{ marginTop: 30 }} onClick={() => remove(i)}>{t('roster.dutySettings.remove')}</Button>
        </Space>
      ))}
      <div><ListError errors={errors} name="patrolBands" /></div>
      <Button size="small" disabled={fields.length >= 12} onClick={() => append({ from: '', to: '', intervalMinutes: 60 })}>{t('roster.dutySettings.addBand')}</Button>
    </>
  );
}

/**
 * The duty settings (a settings card, see feature.tsx): the shift template, minimum head counts, the rest and night
 * rules, the patrol schedule and its grace period. Saved through `settings.update` with the station's own fields as
 * they stand, which that call requires; the rosters' coverage and the patrol board follow at once.
 */
export function DutySettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const current = useRpcQuery('settings.get', {});
  const update = useRpcMutation('settings.update', ['roster', 'patrol', 'handover']);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, reset, watch, setValue, formState } = useForm<Values>({ resolver: zodResolver(dutyForm) as never });
  useEffect(() => {
    if (current.data) reset(dutyOf(current.data));
  }, [current.data, reset]);

  const submit = handleSubmit(async (values) => {
    if (!current.data) return;
    setFormError(null);
    const { stationName, timeZone, idleLockMinutes } = current.data;
    const r = await update.mutateAsync({ stationName, timeZone, idleLockMinutes, ...values });
    if (r.ok) void message.success(t('common.saved'));
    else setFormError(applyServerError(r.error, setError, t, fieldNames(values)));
  });

  if (current.error) return <LoadError error={current.error} />;
  const shiftOptions = (watch('shifts') ?? []).filter((s) => s.code).map((s) => ({ value: s.code, label: s.name || s.code }));
  const number = (name: 'minRestHours' | 'maxNightsInRow' | 'patrolGraceMinutes', min: number, max: number) => (
    <FormField control={control} name={name} label={t(`roster.dutySettings.${name}`)} required>
      {(f) => <InputNumber id={f.id} value={f.value} min={min} max={max} onChange={(v) => f.onChange(v ?? undefined)} style={{ width: 140 }} data-testid={`duty-${name}`} />}
    </FormField>
  );
  return (
    <Card title={t('roster.dutySettings.title')} loading={current.isLoading} style={{ maxWidth: 1100 }}>
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <Divider titlePlacement="start" plain>{t('roster.dutySettings.shifts')}</Divider>
        <Typography.Paragraph type="secondary">{t('roster.dutySettings.shiftsHint')}</Typography.Paragraph>
        <Shifts control={control} errors={formState.errors} />
        <Divider titlePlacement="start" plain>{t('roster.dutySettings.staffing')}</Divider>
        <Staffing control={control} errors={formState.errors} shiftOptions={shiftOptions} setValue={(n, v) => setValue(n, v)} />
        <Divider titlePlacement="start" plain>{t('roster.dutySettings.rest')}</Divider>
        <div className="form-row">
          {number('minRestHours', 0, 24)}
          {number('maxNightsInRow', 1, 14)}
        </div>
        <Divider titlePlacement="start" plain>{t('roster.dutySettings.patrol')}</Divider>
        <Typography.Paragraph type="secondary">{t('roster.dutySettings.patrolHint')}</Typography.Paragraph>
        <PatrolBands control={control} errors={formState.errors} />
        <div className="form-row" style={{ marginTop: 16 }}>{number('patrolGraceMinutes', 0, 120)}</div>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="duty-settings-save">{t('common.save')}</Button>
      </Form>
    </Card>
  );
}
