import { useTranslation } from 'react-i18next';
import type { StayDetail } from '../../../../../shared/contract/intake';
import { useSessionInfo } from '../../../app/session';
import { formatInstant } from '../../../i18n';
import { clientLabel, yuan } from '../format';
import { ageText, identityText } from '../identity';
import { SheetFoot, SheetHead, Signatures, useWhen } from './PrintFrame';
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
      <table className="form-table">
        <colgroup>
          <col style={{ width: '15%' }} />
          <col style={{ width: '35%' }} />
          <col style={{ width: '15%' }} />
          <col style={{ width: '35%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th>{t('print.selfDischarge.name')}</th>
            <td>{clientLabel(t, p)}</td>
            <th>{t('print.selfDischarge.sex')}</th>
            <td>{identityText(t, p, 'sex')}</td>
          </tr>
          <tr>
            <th>{t('print.selfDischarge.age')}</th>
            <td>{identityText(t, p, 'birth')}</td>
            <th>{t('print.selfDischarge.idNumber')}</th>
            <td className="wide-spaced">{identityText(t, p, 'idNumber')}</td>
          </tr>
          <tr>
            <th>{t('print.intake.arrivedAt')}</th>
            <td>{at(stay.arrivedAt)}</td>
            <th>{t('print.selfDischarge.dischargeAt')}</th>
            <td>{left || <span className="blank-date">{t('print.blankDateTime')}</span>}</td>
          </tr>
        </tbody>
      </table>
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
        <table className="form-table section-table">
          <colgroup>
            <col style={{ width: '30%' }} />
            <col style={{ width: '10%' }} />
            <col style={{ width: '14%' }} />
            <col style={{ width: '46%' }} />
          </colgroup>
          <thead>
            <tr>
              <th colSpan={4} className="section">
                {t('print.selfDischarge.returned')}
              </th>
            </tr>
            <tr>
              <th>{t('print.service.item')}</th>
              <th>{t('print.service.quantity')}</th>
              <th>{t('print.service.cashYuan')}</th>
              <th>{t('print.service.settlement')}</th>
            </tr>
          </thead>
          <tbody>
            {stay.custody.map((i) => (
              <tr key={i.id}>
                <td>{i.description}</td>
                <td>{i.quantity}</td>
                <td>{i.cashFen ? yuan(i.cashFen) : ''}</td>
                <td>{settlementText(t, at, i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Signatures labels={[t('print.selfDischarge.clientSign'), t('print.selfDischarge.handlerSign')]} />
      <SheetFoot />
    </>
  );
}
