import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import { format, parseISO } from 'date-fns';
import { useMemo, useState } from 'react';
import { useForm, type Control, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { peopleContract, personUpdateInput, type PersonDetail } from '../../../../../shared/contract/people';
import { BENEFITS, FIELD_STATES, SEXES, type IdentityField } from '../../../../../shared/domain/person';
import { useRpcMutation } from '../../../api/hooks';
import { cleanEmpty } from '../../../components/cleanEmpty';
import { DatePicker } from '../../../components/DatePicker';
import { FormField } from '../../../components/FormField';
import { RpcFormModal } from '../../../components/RpcFormModal';
import { applyServerError } from '../../../components/serverErrors';

const clearIdInput = peopleContract['people.clearIdNumber'].input;
const FIELDS = ['name', 'sex', 'birthDate', 'estimatedAge', 'idNumber', 'hukouPlace', 'residence', 'benefits', 'dialect', 'heightCm', 'build', 'features', 'clothing', 'description'];

/** Known, unknown or refused: an identity field is never left ambiguous. */
function StateSwitch({ control, field, onMarked }: { control: Control<FieldValues>; field: IdentityField; onMarked: () => void }) {
  const { t } = useTranslation();
  return (
    <FormField control={control} name={`fieldStates.${field}`} label={null}>
      {(f) => (
        <Radio.Group size="small" id={f.id} value={f.value ?? 'known'} data-testid={`state-${field}`}
          onChange={(e) => (f.onChange(e.target.value === 'known' ? undefined : e.target.value), e.target.value !== 'known' && onMarked())}
          options={[{ value: 'known', label: t('intake.identity.known') }, ...FIELD_STATES.map((s) => ({ value: s, label: t(`intake.fieldState.${s}`) }))]} />
      )}
    </FormField>
  );
}

export function IdentityTab({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useRpcMutation('people.update', ['intake']); // the stay and the board show the person
  const [formError, setFormError] = useState<string | null>(null);
  const base = useMemo(() => zodResolver(personUpdateInput) as unknown as Resolver<FieldValues>, []);
  const { control, handleSubmit, setError, setValue, watch } = useForm<FieldValues>({
    resolver: (values, ctx, opts) => base(cleanEmpty(values), ctx, opts),
    values: {
      id: person.id,
      name: person.name ?? '',
      sex: person.sex ?? undefined,
      birthDate: person.birthDate ?? undefined,
      estimatedAge: person.estimatedAge ?? undefined,
      idNumber: person.idNumber ?? '',
      hukouPlace: person.hukouPlace ?? '',
      residence: person.residence ?? '',
      benefits: person.benefits ?? undefined,
      dialect: person.dialect ?? '',
      heightCm: person.heightCm ?? undefined,
      build: person.build ?? '',
      features: person.features ?? '',
      clothing: person.clothing ?? '',
      description: person.description ?? '',
      fieldStates: person.fieldStates,
    },
  });
  const states = (watch('fieldStates') ?? {}) as Partial<Record<IdentityField, string>>;
  const [clearing, setClearing] = useState(false);
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    // An emptied box would be read as "unchanged"; a saved number is only removed by the explicit action below.
    if (person.idNumber && !String(values.idNumber ?? '').trim()) {
      setError('idNumber', { type: 'client', message: 'v.id.clearExplicitly' });
      return;
    }
    const r = await update.mutateAsync(cleanEmpty({ ...values, fieldStates: values.fieldStates ?? {} }) as never);
    if (r.ok) void message.success(t('common.saved'));
    else setFormError(applyServerError(r.error, setError, t, FIELDS));
  });

  /** An identity field with its known/unknown/refused switch; marking it clears and disables the value. */
  const identity = (field: IdentityField, label: string, names: string[], input: (disabled: boolean) => React.ReactElement) => (
    <div className="identity-field">
      <div className="identity-label">
        <label htmlFor={names[0]}>{label}</label>
        <StateSwitch control={control} field={field} onMarked={() => names.forEach((n) => setValue(n, undefined))} />
      </div>
      {input(!!states[field])}
    </div>
  );
  const text = (name: string, disabled = false) => (
    <FormField control={control} name={name} label={null}>
      {(f) => <Input {...f} value={f.value ?? ''} disabled={disabled} />}
    </FormField>
  );

  return (
    <>
    <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
      {person.missing.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={<Space wrap>{t('intake.identity.missing', { count: person.missing.length })}{person.missing.map((m) => <Tag key={m}>{t(`intake.identity.fields.${m}`)}</Tag>)}</Space>} />
      )}
      <div className="identity-grid">
        {identity('name', t('intake.quick.name'), ['name'], (d) => text('name', d))}
        {identity('sex', t('intake.quick.sex'), ['sex'], (d) => (
          <FormField control={control} name="sex" label={null}>
            {(f) => <Radio.Group id={f.id} disabled={d} value={f.value} onChange={(e) => f.onChange(e.target.value)} options={SEXES.map((s) => ({ value: s, label: t(`intake.sex.${s}`) }))} />}
          </FormField>
        ))}
        {identity('idNumber', t('intake.quick.idNumber'), ['idNumber'], (d) => (
          <>
            {text('idNumber', d)}
            {person.idNumber && (
              <div style={{ textAlign: 'right', marginTop: -20 }}>
                <Button type="link" size="small" danger onClick={() => setClearing(true)} data-testid="clear-id" style={{ padding: 0 }}>
                  {t('intake.identity.clearId')}
                </Button>
              </div>
            )}
          </>
        ))}
        {identity('birth', t('intake.identity.fields.birth'), ['birthDate', 'estimatedAge'], (d) => (
          <Space.Compact style={{ width: '100%' }}>
            <FormField control={control} name="birthDate" label={null}>
              {(f) => <DatePicker id={f.id} disabled={d} disabledDate={(day) => day > new Date()} value={f.value ? parseISO(f.value) : null} onChange={(v) => f.onChange(v ? format(v, 'yyyy-MM-dd') : undefined)} placeholder={t('intake.quick.birthDate')} />}
            </FormField>
            <FormField control={control} name="estimatedAge" label={null}>
              {(f) => <InputNumber id={f.id} disabled={d} value={f.value} onChange={(v) => f.onChange(v ?? undefined)} min={0} max={120} placeholder={t('intake.quick.estimatedAge')} />}
            </FormField>
          </Space.Compact>
        ))}
        {identity('hukouPlace', t('intake.identity.hukouPlace'), ['hukouPlace'], (d) => text('hukouPlace', d))}
        {identity('residence', t('intake.identity.residence'), ['residence'], (d) => text('residence', d))}
        {identity('benefits', t('intake.identity.benefits'), ['benefits'], (d) => (
          <FormField control={control} name="benefits" label={null}>
            {(f) => <Select id={f.id} disabled={d} value={f.value} onChange={f.onChange} allowClear options={BENEFITS.map((b) => ({ value: b, label: t(`intake.benefits.${b}`) }))} />}
          </FormField>
        ))}
        {identity('dialect', t('intake.identity.dialect'), ['dialect'], (d) => text('dialect', d))}
      </div>
      <div className="identity-grid">
        <FormField control={control} name="heightCm" label={t('intake.identity.heightCm')}>
          {(f) => <InputNumber id={f.id} value={f.value} onChange={(v) => f.onChange(v ?? undefined)} min={30} max={250} style={{ width: '100%' }} />}
        </FormField>
        <FormField control={control} name="build" label={t('intake.identity.build')}>
          {(f) => <Input {...f} value={f.value ?? ''} />}
        </FormField>
        <FormField control={control} name="features" label={t('intake.identity.features')}>
          {(f) => <Input {...f} value={f.value ?? ''} />}
        </FormField>
        <FormField control={control} name="clothing" label={t('intake.identity.clothing')}>
          {(f) => <Input {...f} value={f.value ?? ''} />}
        </FormField>
      </div>
      <FormField control={control} name="description" label={t('intake.quick.description')}>
        {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} />}
      </FormField>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('intake.identity.save')}
      </Button>
    </Form>
    {/* Outside the form above: a portal's events still bubble through React's tree. */}
    <RpcFormModal open={clearing} title={t('intake.identity.clearIdTitle')} procedure="people.clearIdNumber" schema={clearIdInput}
        defaultValues={{ id: person.id, reason: '' }} fields={['reason']} refreshes={['intake']} okText={t('intake.identity.clearId')}
        onClose={(done) => (setClearing(false), done && void message.success(t('common.saved')))}>
        {(c) => (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('intake.identity.clearIdWarning', { id: person.idNumber })} />
            <FormField control={c} name="reason" label={t('intake.identity.clearIdReason')} required>
              {(f) => <Input {...f} value={f.value ?? ''} autoFocus />}
            </FormField>
          </>
        )}
    </RpcFormModal>
    </>
  );
}
