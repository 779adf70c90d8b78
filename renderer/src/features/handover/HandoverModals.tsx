import { Alert, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { HandoverDetail } from '../../../../shared/contract/handover';
import { useRpcQuery } from '../../api/hooks';
import { useSessionInfo } from '../../app/session';
import { FormField } from '../../components/FormField';
import { RpcFormModal } from '../../components/RpcFormModal';

interface Props {
  handover: HandoverDetail;
  open: boolean;
  onClose: () => void;
}

/** The incoming staff member picks their own name and types their own password at this desk (the kit's witness). */
export function AcknowledgeModal({ handover, open, onClose }: Props) {
  const { t } = useTranslation();
  const staff = useRpcQuery('roster.staff', {}, { enabled: open });
  const done = new Set(handover.acknowledgements.map((a) => a.user.id));
  const options = (staff.data ?? [])
    .filter((s) => s.userId !== null && s.active && s.userId !== handover.submittedBy?.id && !done.has(s.userId))
    .map((s) => ({ value: s.userId!, label: s.name }));
  return (
    <RpcFormModal open={open} title={t('handover.ack.title')} procedure="handover.acknowledge" schema={contract['handover.acknowledge'].input}
      okText={t('handover.ack.ok')} defaultValues={{ id: handover.id }} fields={['incoming.userId', 'incoming.password']} onClose={onClose}>
      {(control) => (
        <>
          <Alert type="info" showIcon title={t('handover.ack.hint')} style={{ marginBottom: 16 }} />
          <FormField control={control} name="incoming.userId" label={t('handover.ack.who')} required>
            {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} showSearch optionFilterProp="label" options={options} data-testid="ack-who" />}
          </FormField>
          <FormField control={control} name="incoming.password" label={t('handover.ack.password')} required>
            {(f) => <Input.Password {...f} value={f.value ?? ''} autoComplete="off" data-testid="ack-password" />}
          </FormField>
        </>
      )}
    </RpcFormModal>
  );
}

/** The duty leader signs with their own password; a leader not on duty for the shift says why (shown on the record). */
export function SignModal({ handover, open, onClose }: Props) {
  const { t } = useTranslation();
  const me = useSessionInfo().user.id;
  const onDuty = handover.leadersOnDuty.some((l) => l.id === me);
  return (
    <RpcFormModal open={open} title={t('handover.sign.title')} procedure="handover.sign" schema={contract['handover.sign'].input}
      okText={t('handover.sign.ok')} defaultValues={{ id: handover.id }} fields={['password', 'reason']} onClose={onClose}>
      {(control) => (
        <>
          <Alert type={onDuty ? 'info' : 'warning'} showIcon style={{ marginBottom: 16 }}
            title={onDuty ? t('handover.sign.hint') : t('handover.sign.notOnDuty', { leaders: handover.leadersOnDuty.map((l) => l.displayName).join('、') || t('handover.sign.noLeader') })} />
          {!onDuty && (
            <FormField control={control} name="reason" label={t('handover.sign.reason')} required>
              {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={2} maxLength={300} data-testid="sign-reason" />}
            </FormField>
          )}
          <FormField control={control} name="password" label={t('handover.sign.password')} required>
            {(f) => <Input.Password {...f} value={f.value ?? ''} autoComplete="off" data-testid="sign-password" />}
          </FormField>
        </>
      )}
    </RpcFormModal>
  );
}

/** A sealed handover is never edited: a later note is an addendum, signed by whoever adds it. */
export function AddendumModal({ handover, open, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <RpcFormModal open={open} title={t('handover.addendum.title')} procedure="handover.addendum" schema={contract['handover.addendum'].input}
      okText={t('handover.addendum.ok')} defaultValues={{ id: handover.id }} fields={['note', 'password']} onClose={onClose}>
      {(control) => (
        <>
          <FormField control={control} name="note" label={t('handover.addendum.note')} required>
            {(f) => <Input.TextArea {...f} value={f.value ?? ''} rows={3} maxLength={2000} />}
          </FormField>
          <FormField control={control} name="password" label={t('handover.sign.password')} required>
            {(f) => <Input.Password {...f} value={f.value ?? ''} autoComplete="off" />}
          </FormField>
        </>
      )}
    </RpcFormModal>
  );
}
