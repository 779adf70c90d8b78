import { Checkbox, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { dischargeInput, DISCHARGE_TYPES, REFUSAL_REASONS, triageInput, type StayDetail } from '../../../../../shared/contract/intake';
import { contract } from '../../../../../shared/contract';
import { CONDITIONS } from '../../../../../shared/domain/person';
import { useRpcQuery } from '../../../api/hooks';
import { useSessionInfo } from '../../../app/session';
import { FormField } from '../../../components/FormField';
import { RpcFormModal } from '../../../components/RpcFormModal';
import { NumberField, TextField, YuanField } from './fields';

/** A stay's status shows on its person's page and in the people search: the two changes of status refresh them. */
const PERSON_PAGE = ['people'];

interface ModalProps {
  stay: StayDetail;
  open: boolean;
  onClose: () => void;
}

export function TriageModal({ stay, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  return (
    <RpcFormModal open={open} title={t('intake.triage.title')} procedure="intake.triage" schema={triageInput} okText={t('intake.triage.submit')}
      defaultValues={{ stayId: stay.id, decision: 'admit', conditions: stay.conditions, temperatureC: stay.temperatureC ?? undefined }}
      fields={['decision', 'temperatureC', 'conditions', 'destination', 'refusalReason', 'note']} refreshes={PERSON_PAGE} onClose={onClose}>
      {(control, v) => (
        <>
          <FormField control={control} name="decision" label={t('intake.triage.decision')} required>
            {(f) => (
              <Radio.Group id={f.id} value={f.value} onChange={(e) => f.onChange(e.target.value)} optionType="button" buttonStyle="solid"
                options={(['admit', 'hospital', 'police', 'refuse'] as const).map((d) => ({ value: d, label: t(`intake.triage.${d}`) }))} />
            )}
          </FormField>
          <NumberField control={control} name="temperatureC" label={t('intake.triage.temperature')} min={30} max={45} step={0.1} />
          <FormField control={control} name="conditions" label={t('intake.stay.conditions')}>
            {(f) => (
              <div id={f.id}>
                <Checkbox.Group value={f.value} onChange={f.onChange} options={CONDITIONS.map((c) => ({ value: c, label: t(`intake.conditions.${c}`) }))} />
              </div>
            )}
          </FormField>
          {(v.decision === 'hospital' || v.decision === 'police') && <TextField control={control} name="destination" label={t('intake.triage.destination')} required />}
          {v.decision === 'refuse' && (
            <FormField control={control} name="refusalReason" label={t('intake.triage.refusalReason')} required>
              {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={REFUSAL_REASONS.map((r) => ({ value: r, label: t(`intake.refusal.${r}`) }))} />}
            </FormField>
          )}
          <TextField control={control} name="note" label={t('intake.triage.note')} rows={2} />
        </>
      )}
    </RpcFormModal>
  );
}

export function BedModal({ stay, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const zones = useRpcQuery('intake.beds', {}, { enabled: open });
  return (
    <RpcFormModal open={open} title={t('intake.stay.assignBed')} procedure="intake.assignBed" schema={contract['intake.assignBed'].input}
      defaultValues={{ stayId: stay.id }} fields={['zoneId', 'bedId', 'reason']} onClose={onClose}>
      {(control, v) => {
        const zone = zones.data?.find((z) => z.id === v.zoneId);
        return (
          <>
            <FormField control={control} name="zoneId" label={t('intake.stay.zone')} required>
              {(f) => (
                <Select id={f.id} value={f.value} onChange={f.onChange}
                  options={(zones.data ?? []).map((z) => ({ value: z.id, label: `${z.name}（${z.occupied}/${z.beds.length}）` }))} />
              )}
            </FormField>
            <FormField control={control} name="bedId" label={t('intake.stay.bed')}>
              {(f) => (
                <Select id={f.id} value={f.value} onChange={f.onChange} allowClear
                  options={(zone?.beds ?? []).filter((b) => !b.occupant).map((b) => ({ value: b.id, label: b.label }))} />
              )}
            </FormField>
            <TextField control={control} name="reason" label={t('intake.stay.reason')} />
          </>
        );
      }}
    </RpcFormModal>
  );
}

export function ExtendModal({ stay, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  return (
    <RpcFormModal open={open} title={t('intake.stay.extend')} procedure="intake.extend" schema={contract['intake.extend'].input}
      defaultValues={{ stayId: stay.id, days: 5 }} fields={['days', 'reason']} onClose={onClose}>
      {(control) => (
        <>
          <NumberField control={control} name="days" label={t('intake.stay.extendDays')} min={1} max={90} required />
          <TextField control={control} name="reason" label={t('intake.stay.reason')} rows={2} required />
        </>
      )}
    </RpcFormModal>
  );
}

export function HandoverModal({ stay, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const me = useSessionInfo().user.id;
  const staff = useRpcQuery('intake.staff', {}, { enabled: open });
  return (
    <RpcFormModal open={open} title={t('intake.stay.handover')} procedure="intake.offerOwnership" schema={contract['intake.offerOwnership'].input}
      defaultValues={{ stayId: stay.id }} fields={['toUserId', 'note']} onClose={onClose}>
      {(control) => (
        <>
          <FormField control={control} name="toUserId" label={t('intake.stay.handoverTo')} required>
            {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={(staff.data ?? []).filter((s) => s.id !== me).map((s) => ({ value: s.id, label: s.displayName }))} />}
          </FormField>
          <TextField control={control} name="note" label={t('intake.triage.note')} />
        </>
      )}
    </RpcFormModal>
  );
}

/** What each discharge type asks for (the contract's discriminated union decides; this only lays it out). */
const TYPE_FIELDS: Record<(typeof DISCHARGE_TYPES)[number], [string, string, 'text' | 'yuan' | 'check' | 'area'][]> = {
  return_home: [['ticket', 'ticket', 'text'], ['cashFen', 'cashYuan', 'yuan'], ['receiptSigned', 'receiptSigned', 'check'], ['escort', 'escort', 'text']],
  family_collected: [['collectorName', 'collectorName', 'text'], ['relation', 'relation', 'text'], ['collectorIdNumber', 'collectorIdNumber', 'text']],
  self_discharge: [['declarationSigned', 'declarationSigned', 'check']],
  left_without_notice: [['record', 'record', 'area']],
  foster_care: [['home', 'home', 'text']],
  hospital: [['hospital', 'hospitalName', 'text']],
  other_agency: [['agency', 'agency', 'text']],
  assistance_ended: [['notice', 'notice', 'area']],
  death: [['policeInformed', 'policeInformed', 'check'], ['policeUnit', 'policeUnit', 'text']],
};

export function DischargeModal({ stay, open, onClose }: ModalProps) {
  const { t } = useTranslation();
  const all = Object.values(TYPE_FIELDS).flatMap((f) => f.map(([name]) => name));
  return (
    <RpcFormModal open={open} title={t('intake.discharge.title')} procedure="intake.discharge" schema={dischargeInput} okText={t('intake.discharge.submit')}
      defaultValues={{ stayId: stay.id, type: 'return_home' }} fields={['type', 'note', ...all]} refreshes={PERSON_PAGE} onClose={onClose} width={600}>
      {(control, v) => (
        <>
          <FormField control={control} name="type" label={t('intake.discharge.type')} required>
            {(f) => <Select id={f.id} value={f.value} onChange={f.onChange} options={DISCHARGE_TYPES.map((d) => ({ value: d, label: t(`intake.discharge.types.${d}`) }))} />}
          </FormField>
          {TYPE_FIELDS[v.type as (typeof DISCHARGE_TYPES)[number]]?.map(([name, label, kind]) =>
            kind === 'yuan' ? (
              <YuanField key={name} control={control} name={name} label={t(`intake.discharge.${label}`)} max={2000} />
            ) : kind === 'check' ? (
              <FormField key={name} control={control} name={name} label={null}>
                {(f) => <Checkbox id={f.id} checked={!!f.value} onChange={(e) => f.onChange(e.target.checked || undefined)}>{t(`intake.discharge.${label}`)}</Checkbox>}
              </FormField>
            ) : (
              <TextField key={name} control={control} name={name} label={t(`intake.discharge.${label}`)} rows={kind === 'area' ? 3 : undefined} />
            ),
          )}
          <TextField control={control} name="note" label={t('intake.discharge.note')} />
        </>
      )}
    </RpcFormModal>
  );
}
