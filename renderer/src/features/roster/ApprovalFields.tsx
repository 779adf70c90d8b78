import { Input, Select } from 'antd';
import type { Control, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { FormField } from '../../components/FormField';

/**
 * A duty leader's approval of a change or an override. A leader signed in approves by being signed in (nothing to
 * fill); anyone else asks a duty leader at the desk to pick their name and type their own password.
 */
export function ApprovalFields({ control, path }: { control: Control<FieldValues>; path: 'approval' | 'override.leader' }) {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const staff = useRpcQuery('roster.staff', {});
  const leaders = (staff.data ?? []).filter((s) => s.leader && s.active && s.userId !== null);
  if (leaders.some((l) => l.userId === info.user.id)) return null;
  return (
    <div className="form-row">
      <FormField control={control} name={`${path}.userId`} label={t('roster.approval.leader')} required>
        {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={leaders.map((l) => ({ value: l.userId!, label: l.name }))} />}
      </FormField>
      <FormField control={control} name={`${path}.password`} label={t('roster.approval.password')} required>
        {(f) => <Input.Password {...f} value={f.value ?? ''} autoComplete="off" />}
      </FormField>
    </div>
  );
}

export const approvalFields = (path: string) => [`${path}.userId`, `${path}.password`];
