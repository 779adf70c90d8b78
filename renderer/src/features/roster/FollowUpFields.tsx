import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StaffEntry } from '../../../../shared/contract/roster';

/** Deadlines a duty leader picks without a calendar: the task is due this many hours from now. */
export const DUE_HOURS = [2, 8, 24, 72, 168] as const;

export interface FollowUpDraft {
  task: string;
  ownerId: number | undefined;
  dueHours: number;
}

export const emptyFollowUp: FollowUpDraft = { task: '', ownerId: undefined, dueHours: 24 };

/** The follow-up task an issue may open: what, who, by when; left empty, none is opened. */
export function FollowUpFields({ value, onChange, staff }: { value: FollowUpDraft; onChange: (v: FollowUpDraft) => void; staff: readonly StaffEntry[] }) {
  const { t } = useTranslation();
  return (
    <div className="form-row">
      <Input placeholder={t('roster.followUp.task')} value={value.task} maxLength={200} onChange={(e) => onChange({ ...value, task: e.target.value })} aria-label={t('roster.followUp.task')} />
      <Select placeholder={t('roster.followUp.owner')} value={value.ownerId} onChange={(ownerId) => onChange({ ...value, ownerId })} showSearch optionFilterProp="label"
        options={staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.name }))} aria-label={t('roster.followUp.owner')} style={{ minWidth: 140 }} />
      <Select value={value.dueHours} onChange={(dueHours) => onChange({ ...value, dueHours })} options={DUE_HOURS.map((h) => ({ value: h, label: t('roster.followUp.dueIn', { count: h }) }))} style={{ minWidth: 120 }} />
    </div>
  );
}

/** The contract's follow-up input, or nothing when no task was written. */
export function followUpInput(v: FollowUpDraft, now: number) {
  if (!v.task.trim() && v.ownerId === undefined) return undefined;
  return { task: v.task, ownerId: v.ownerId ?? 0, dueAt: now + v.dueHours * 3_600_000 };
}
