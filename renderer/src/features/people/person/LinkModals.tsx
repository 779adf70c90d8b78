import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { peopleContract, type PersonDetail, type PersonHit, type PersonLink } from '../../../../../shared/contract/people';
import { useRpcMutation, useRpcQuery } from '../../../api/hooks';
import { useRpcSearch } from '../../../api/useRpcSearch';
import { useSessionInfo } from '../../../app/session';
import { FormField } from '../../../components/FormField';
import { applyServerError } from '../../../components/serverErrors';
import { clientLabel, when } from '../../../components/format';

/** A missing required value says "required" in the user's language, not zod's "expected number". */
const requiredWhenMissing = { error: (iss: { input?: unknown }) => (iss.input === undefined ? 'v.required' : undefined) };

const linkInput = peopleContract['people.link'].input;
type LinkValues = z.input<typeof linkInput>;

function hitLabel(t: ReturnType<typeof useTranslation>['t'], at: (ms: number) => string, h: PersonHit): string {
  const parts = [clientLabel(t, h)];
  if (h.sex) parts.push(t(`intake.sex.${h.sex}`));
  if (h.age !== null) parts.push(t('people.ageValue', { age: h.age }));
  if (h.idNumber) parts.push(`…${h.idNumber.slice(-4)}`);
  parts.push(t('people.personNo', { id: h.id }));
  if (h.lastStay) parts.push(t('people.links.lastStay', { at: at(h.lastStay.arrivedAt) }));
  return parts.join(' · ');
}

export function LinkModal({ person, onClose }: { person: PersonDetail; onClose: (done?: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const { timeZone } = useSessionInfo();
  const [formError, setFormError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const link = useRpcMutation('people.link', ['intake']); // a stay shows its person's links
  const { control, handleSubmit, setError } = useForm<LinkValues>({
    resolver: zodResolver(linkInput, requiredWhenMissing),
    defaultValues: { a: person.id, reason: '' },
  });

  const typed = q.trim();
  const search = useRpcSearch('people.search', typed ? { q: typed, limit: 10 } : null);
  // A person number typed as such (short digits) is offered too, by its record: a lookup, not a search, so it
  // shows no earlier number's record while it loads.
  const typedNumber = /^\d{1,9}$/.test(typed) ? Number(typed) : null;
  const byNumber = useRpcQuery('people.get', { id: typedNumber ?? 0 }, { enabled: typedNumber !== null && typedNumber > 0 });

  const linked = useMemo(() => new Set([person.id, ...person.links.map((l) => l.otherId)]), [person]);
  const options = useMemo(() => {
    const hits: PersonHit[] = [...(search.data ?? [])];
    const n = byNumber.data;
    if (n && typedNumber !== null && !hits.some((h) => h.id === n.id)) {
      hits.unshift({ id: n.id, name: n.name, sex: n.sex, age: n.age, idNumber: n.idNumber, description: n.description, pinyinInitials: '', lastStay: n.stays[0] ?? null });
    }
    return hits.filter((h) => !linked.has(h.id)).map((h) => ({ value: h.id, label: hitLabel(t, (ms) => when(ms, i18n.language, timeZone), h) }));
  }, [search.data, byNumber.data, typedNumber, linked, t, i18n.language, timeZone]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await link.mutateAsync(values);
    if (r.ok) onClose(true);
    else setFormError(applyServerError(r.error, setError, t, ['b', 'reason']));
  });

  return (
    <Modal
      open
      title={t('people.links.linkTitle')}
      okText={t('people.links.link')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={link.isPending}
      onCancel={() => onClose()}
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('people.links.intro')}</Typography.Paragraph>
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <Form.Item label={t('people.title')}>
          <Typography.Text strong>
            {clientLabel(t, person)} · {t('people.personNo', { id: person.id })}
          </Typography.Text>
        </Form.Item>
        <FormField control={control} name="b" label={t('people.links.target')} required extra={t('people.links.targetHint')}>
          {(f) => (
            <Select<number>
              id={f.id}
              ref={f.ref}
              value={f.value}
              onChange={(v) => f.onChange(v)}
              onBlur={f.onBlur}
              placeholder={t('people.links.targetPlaceholder')}
              showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
              options={options}
              loading={search.searching || byNumber.isFetching}
              notFoundContent={typed === '' ? null : search.searching || byNumber.isFetching ? t('people.links.searching') : t('intake.noResults')}
              allowClear
              style={{ width: '100%' }}
            />
          )}
        </FormField>
        <FormField control={control} name="reason" label={t('people.links.reason')} required>
          {(f) => <Input.TextArea {...f} rows={2} maxLength={200} showCount placeholder={t('people.links.reasonPlaceholder')} />}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

const unlinkInput = peopleContract['people.unlink'].input;
type UnlinkValues = z.input<typeof unlinkInput>;

export function UnlinkModal({ link, onClose }: { link: PersonLink; onClose: (done?: boolean) => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const unlink = useRpcMutation('people.unlink', ['intake']);
  const { control, handleSubmit, setError } = useForm<UnlinkValues>({
    resolver: zodResolver(unlinkInput),
    defaultValues: { linkId: link.id, reason: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await unlink.mutateAsync(values);
    if (r.ok) onClose(true);
    else setFormError(applyServerError(r.error, setError, t, ['reason']));
  });
  return (
    <Modal
      open
      title={t('people.links.unlinkTitle', { name: clientLabel(t, { name: link.otherName }), id: link.otherId })}
      okText={t('people.links.unlink')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      confirmLoading={unlink.isPending}
      onCancel={() => onClose()}
    >
      <Form layout="vertical" component="form" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        <FormField control={control} name="reason" label={t('people.links.unlinkReason')} required>
          {(f) => <Input.TextArea {...f} rows={2} maxLength={200} showCount placeholder={t('people.links.unlinkReasonPlaceholder')} />}
        </FormField>
        {formError && <Alert type="error" showIcon title={formError} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
