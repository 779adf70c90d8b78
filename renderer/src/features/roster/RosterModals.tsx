import { Input, Select, Typography } from 'antd';
import { format, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { RosterAssignment, StaffEntry } from '../../../../shared/contract/roster';
import type { ShiftTemplate } from '../../../../shared/domain/duty';
import { POSTS, type Post } from '../../../../shared/domain/duty';
import { useRpcQuery } from '../../api/hooks';
import { DatePicker } from '../../components/DatePicker';
import { FormField } from '../../components/FormField';
import { RpcFormModal } from '../../components/RpcFormModal';
import { ApprovalFields, approvalFields } from './ApprovalFields';

/** Everyone active, those qualified for the post first; the others are marked (the coverage check flags them too). */
export function staffOptions(t: (k: string) => string, staff: readonly StaffEntry[], post: Post | undefined, except?: number) {
  const active = staff.filter((s) => s.active && s.id !== except);
  const ok = (s: StaffEntry) => post === undefined || s.posts.includes(post);
  return [...active.filter(ok), ...active.filter((s) => !ok(s))].map((s) => ({
    value: s.id,
    label: ok(s) ? s.name : `${s.name}（${t('roster.unqualified')}）`,
  }));
}

function StaffField({ control, name, post, except, label }: { control: never; name: string; post?: Post; except?: number; label: string }) {
  const { t } = useTranslation();
  const staff = useRpcQuery('roster.staff', {});
  return (
    <FormField control={control} name={name} label={label} required>
      {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} showSearch optionFilterProp="label" options={staffOptions(t, staff.data ?? [], post, except)} data-testid={`field-${name}`} />}
    </FormField>
  );
}

function ReasonField({ control }: { control: never }) {
  const { t } = useTranslation();
  return (
    <FormField control={control} name="reason" label={t('roster.change.reason')} required>
      {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} maxLength={300} />}
    </FormField>
  );
}

/**
 * A station-calendar day ('YYYY-MM-DD') picked on a calendar. The picker's date is the day the user clicked, read as
 * a calendar day (no instant, no time zone in between); whether the range runs forwards is the contract's rule, shown
 * at the `to` field.
 */
function DayField({ control, name, label }: { control: never; name: string; label: string }) {
  return (
    <FormField control={control} name={name} label={label} required>
      {(f) => (
        <DatePicker id={f.id} value={f.value ? parseISO(f.value) : null} format="yyyy-MM-dd" style={{ width: 160 }}
          onChange={(d) => f.onChange(d ? format(d, 'yyyy-MM-dd') : undefined)} onBlur={f.onBlur} />
      )}
    </FormField>
  );
}

export interface Slot {
  day: string;
  shift: ShiftTemplate;
  published: boolean;
}

/** Put someone on a shift: into the draft, or, once the day is published, as a change (补排) a leader approves. */
export function AssignModal({ slot, onClose }: { slot: Slot | null; onClose: () => void }) {
  const { t } = useTranslation();
  const published = slot?.published ?? false;
  const fields = ['post', 'staffId', ...(published ? ['reason', ...approvalFields('approval')] : [])];
  const posts = (
    <Typography.Paragraph type="secondary">{slot && t('roster.assign.slot', { day: slot.day, shift: slot.shift.name, from: slot.shift.start, to: slot.shift.end })}</Typography.Paragraph>
  );
  const common = { open: slot !== null, onClose, fields, width: 520, defaultValues: { day: slot?.day ?? '', shift: slot?.shift.code ?? '', post: 'front_desk' as Post } };
  const body = (control: never, v: Record<string, unknown>) => (
    <>
      {posts}
      <FormField control={control} name="post" label={t('roster.assign.post')} required>
        {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={POSTS.map((p) => ({ value: p, label: t(`roster.posts.${p}`) }))} data-testid="field-post" />}
      </FormField>
      <StaffField control={control} name="staffId" post={v.post as Post} label={t('roster.assign.staff')} />
      {published && (
        <>
          <ReasonField control={control} />
          <ApprovalFields control={control} path="approval" />
        </>
      )}
    </>
  );
  return published ? (
    <RpcFormModal {...common} title={t('roster.assign.coverTitle')} procedure="roster.cover" schema={contract['roster.cover'].input}>
      {(control, v) => body(control as never, v)}
    </RpcFormModal>
  ) : (
    <RpcFormModal {...common} title={t('roster.assign.title')} procedure="roster.assign" schema={contract['roster.assign'].input}>
      {(control, v) => body(control as never, v)}
    </RpcFormModal>
  );
}

export type ChangeKind = 'replace' | 'swap' | 'sickLeave';

/** A change to a published assignment, never an edit: a replacement for a no-show, a swap, or sick leave. */
export function ChangeModal({ kind, assignment, others, onClose }: { kind: ChangeKind | null; assignment: RosterAssignment | null; others: readonly RosterAssignment[]; onClose: () => void }) {
  const { t } = useTranslation();
  if (!kind || !assignment) return null;
  const a = assignment;
  const head = <Typography.Paragraph type="secondary">{t('roster.change.of', { name: a.staff.name, day: a.day, post: t(`roster.posts.${a.post}`) })}</Typography.Paragraph>;
  const tail = (control: never) => (
    <>
      <ReasonField control={control} />
      <ApprovalFields control={control} path="approval" />
    </>
  );
  if (kind === 'replace')
    return (
      <RpcFormModal open title={t('roster.change.replace')} procedure="roster.replace" schema={contract['roster.replace'].input} defaultValues={{ assignmentId: a.id }}
        fields={['staffId', 'reason', ...approvalFields('approval')]} onClose={onClose}>
        {(control) => (
          <>
            {head}
            <StaffField control={control as never} name="staffId" post={a.post} except={a.staff.id} label={t('roster.change.replacement')} />
            {tail(control as never)}
          </>
        )}
      </RpcFormModal>
    );
  if (kind === 'swap')
    return (
      <RpcFormModal open title={t('roster.change.swap')} procedure="roster.swap" schema={contract['roster.swap'].input} defaultValues={{ a: a.id }}
        fields={['b', 'reason', ...approvalFields('approval')]} onClose={onClose}>
        {(control) => (
          <>
            {head}
            <FormField control={control} name="b" label={t('roster.change.swapWith')} required>
              {(f) => (
                <Select id={f.id} value={f.value} onChange={f.onChange} showSearch optionFilterProp="label"
                  options={others.filter((o) => o.id !== a.id && o.staff.id !== a.staff.id && o.removedBy === null).map((o) => ({ value: o.id, label: `${o.day} ${o.shift} ${t(`roster.posts.${o.post}`)} ${o.staff.name}` }))} />
              )}
            </FormField>
            {tail(control as never)}
          </>
        )}
      </RpcFormModal>
    );
  return (
    <RpcFormModal open title={t('roster.change.sickLeave')} procedure="roster.sickLeave" schema={contract['roster.sickLeave'].input}
      defaultValues={{ staffId: a.staff.id, from: a.day, to: a.day }} fields={['from', 'to', 'reason', ...approvalFields('approval')]} onClose={onClose}>
      {(control) => (
        <>
          {head}
          <div className="form-row">
            <DayField control={control as never} name="from" label={t('roster.change.from')} />
            <DayField control={control as never} name="to" label={t('roster.change.to')} />
          </div>
          {tail(control as never)}
        </>
      )}
    </RpcFormModal>
  );
}
