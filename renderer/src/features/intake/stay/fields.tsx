import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Control, FieldValues } from 'react-hook-form';
import { useRpcQuery } from '../../../api/hooks';
import { useSessionInfo } from '../../../app/session';
import { FormField } from '../../../components/FormField';

/** Text field, the common case in the stay forms. */
export function TextField({ control, name, label, required, rows }: { control: Control<FieldValues>; name: string; label: string; required?: boolean; rows?: number }) {
  return (
    <FormField control={control} name={name} label={label} required={required}>
      {(f) => (rows ? <Input.TextArea {...f} value={f.value ?? ''} rows={rows} /> : <Input {...f} value={f.value ?? ''} />)}
    </FormField>
  );
}

export function NumberField({ control, name, label, required, min, max, step }: { control: Control<FieldValues>; name: string; label: string; required?: boolean; min?: number; max?: number; step?: number }) {
  return (
    <FormField control={control} name={name} label={label} required={required}>
      {(f) => <InputNumber id={f.id} value={f.value} onChange={(v) => f.onChange(v ?? undefined)} min={min} max={max} step={step} style={{ width: '100%' }} />}
    </FormField>
  );
}

/** Amounts typed in yuan, stored in fen (integers) as the contract wants. */
export function YuanField({ control, name, label, max }: { control: Control<FieldValues>; name: string; label: string; max?: number }) {
  return (
    <FormField control={control} name={name} label={label}>
      {(f) => (
        <InputNumber id={f.id} value={f.value === undefined ? undefined : f.value / 100} min={0} max={max === undefined ? undefined : max / 100} precision={2}
          onChange={(v) => f.onChange(v === null || v === undefined ? undefined : Math.round(v * 100))} style={{ width: '100%' }} />
      )}
    </FormField>
  );
}

/** The second staff member and their password: a witness co-signs with their own account. */
export function WitnessFields({ control }: { control: Control<FieldValues> }) {
  const { t } = useTranslation();
  const me = useSessionInfo().user.id;
  const staff = useRpcQuery('intake.staff', {});
  return (
    <div className="form-row">
      <FormField control={control} name="witness.userId" label={t('intake.safety.witness')} required>
        {(f) => (
          <Select id={f.id} value={f.value} onChange={f.onChange} showSearch optionFilterProp="label"
            options={(staff.data ?? []).filter((s) => s.id !== me).map((s) => ({ value: s.id, label: s.displayName }))} />
        )}
      </FormField>
      <FormField control={control} name="witness.password" label={t('intake.safety.witnessPassword')} required>
        {(f) => <Input.Password {...f} value={f.value ?? ''} autoComplete="off" />}
      </FormField>
    </div>
  );
}
