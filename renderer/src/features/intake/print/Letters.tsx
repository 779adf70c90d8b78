import { useTranslation } from 'react-i18next';
import type { StayDetail } from '../../../../../shared/contract/intake';
import { useSessionInfo } from '../../../app/session';
import { clientLabel, yuan } from '../../../components/format';
import { ageText, identityText } from '../../../components/identity';
import { FieldRow, FormTable, ListTable, SheetFoot, SheetHead, Signatures, useWhen } from '../../../components/print';
import { formatInstant } from '../../../i18n';
import { settlementText } from './ServiceForm';

/** A formal date on the station's clock: 2026年7月20日. */
function useFormalDate(): (ms: number) => string {
  const { t, i18n } = useTranslation();
  const info = useSessionInfo();
  return (ms) => formatInstant(ms, i18n.language, info.timeZone, t('print.datePattern'));
}

/** 不予救助通知书: the reason in writing, its legal basis, the station's seal and the receipt. */
export function RefusalNotice({ stay }: { stay: StayDetail }) {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const at = useWhen();
  const formal = useFormalDate();
  const p = stay.person;
  const triage = stay.triage;
  const reason = triage?.refusalReason ? t(`intake.refusal.${triage.refusalReason}`) : '';
  // Addressed by name; without one, by what identifies them: sex, age, and the description.
  const name = p.name ?? t('intake.unknownName');
  const detail = [p.sex ? t(`intake.sex.${p.sex}`) : null, ageText(t, p), p.name ? null : p.description].filter(Boolean).join('，');

  return (
    <>
      <SheetHead title={t('print.refusal.title')} right={t('print.refusal.no', { id: stay.id })} />
      <div className="letter">
        <p className="letter-to">{detail ? t('print.refusal.toWithDetail', { name, detail }) : t('print.refusal.to', { name })}</p>
        <p>{t('print.refusal.body', { date: at(stay.arrivedAt), reason })}</p>
        <p>{t('print.refusal.basis')}</p>
        {triage?.note && <p>{t('print.refusal.note', { note: triage.note })}</p>}
        <p>{t('print.refusal.closing')}</p>
      </div>
      <div className="letter-sign">
        <div className="seal-space">{t('print.refusal.seal')}</div>
        <div>{info.stationName}</div>
        <div>{triage ? formal(triage.at) : t('print.blankDate')}</div>
      </div>
      <div className="letter-lines">
        {[t('print.refusal.handler'), t('print.refusal.receipt')].map((label) => (
          <div key={label} className="letter-line">
            <span>{label}</span>
            <span className="fill-line" />
            <span>{t('print.date')}</span>
            <span className="fill-line">{t('print.blankDate')}</span>
          </div>
        ))}
        <p className="sheet-note">{t('print.refusal.receiptNote')}</p>
        <p className="sheet-note">{t('print.refusal.stub')}</p>
      </div>
      <SheetFoot />
    </>
  );
}

/** 自行离站声明书: the client leaves of their own will, 16+ and of sound mind, with their belongings back. */
export function SelfDischargeDeclaration({ stay }: { stay: StayDetail }) {
  const { t } = useTranslation();
  const info = useSessionInfo();
  const at = useWhen();
  const p = stay.person;
  const left = stay.discharge?.type === 'self_discharge' ? at(stay.discharge.at) : '';
  const items = ['free', 'capable', 'belongings', 'responsibility'] as const;

  return (
    <>
      <SheetHead title={t('print.selfDischarge.title')} left={t('print.regNo', { id: stay.id })} />
      <FormTable widths={['15%', '35%', '15%', '35%']}>
        <FieldRow fields={[
          { label: t('print.selfDischarge.name'), value: clientLabel(t, p) },
          { label: t('print.selfDischarge.sex'), value: identityText(t, p, 'sex') },
        ]} />
        <FieldRow fields={[
          { label: t('print.selfDischarge.age'), value: identityText(t, p, 'birth') },
          { label: t('print.selfDischarge.idNumber'), value: identityText(t, p, 'idNumber'), cell: 'wide-spaced' },
        ]} />
        <FieldRow fields={[
          { label: t('print.intake.arrivedAt'), value: at(stay.arrivedAt) },
          { label: t('print.selfDischarge.dischargeAt'), value: left || <span className="blank-date">{t('print.blankDateTime')}</span> },
        ]} />
      </FormTable>
      <div className="letter">
        <p>{t('print.selfDischarge.intro', { name: clientLabel(t, p), arrived: at(stay.arrivedAt), station: info.stationName, id: stay.id })}</p>
        <ol className="letter-items">
          {items.map((k) => (
            <li key={k}>{t(`print.selfDischarge.items.${k}`)}</li>
          ))}
        </ol>
      </div>
      {stay.custody.length === 0 ? (
        <p className="letter-plain">{t('print.selfDischarge.noItems')}</p>
      ) : (
        <ListTable
          title={t('print.selfDischarge.returned')}
          heads={[t('print.service.item'), t('print.service.quantity'), t('print.service.cashYuan'), t('print.service.settlement')]}
          widths={['30%', '10%', '14%', '46%']}
          empty={null}
          rows={stay.custody.map((i) => [i.description, i.quantity, i.cashFen ? yuan(i.cashFen) : '', settlementText(t, at, i)])}
        />
      )}
      <Signatures labels={[t('print.selfDischarge.clientSign'), t('print.selfDischarge.handlerSign')]} />
      <SheetFoot />
    </>
  );
}
