import { useTranslation } from 'react-i18next';
import type { StayDetail } from '../../../../../shared/contract/intake';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../format';
import { identityText } from '../identity';
import { SheetFoot, SheetHead, Signatures, specialGroups, str, useWhen } from './PrintFrame';

/** 求助登记表: everything known at intake, with blanks where the desk writes by hand. */
export function IntakeForm({ stay }: { stay: StayDetail }) {
  const { t } = useTranslation();
  const at = useWhen();
  const p = stay.person;
  const photo = useRpcQuery('people.photo', { id: p.id });
  const d = stay.channelDetail;
  const id = (f: Parameters<typeof identityText>[2]) => identityText(t, p, f);
  const handoverAt = typeof d.handoverAt === 'number' ? at(d.handoverAt) : '';
  const triage = stay.triage;
  const decision = triage
    ? [
        t(`intake.triage.${triage.decision}`),
        triage.destination ? t('print.intake.destination', { place: triage.destination }) : null,
        triage.refusalReason ? t('print.intake.refusalReason', { reason: t(`intake.refusal.${triage.refusalReason}`) }) : null,
      ]
        .filter(Boolean)
        .join(t('print.clauseSep'))
    : t('print.intake.notTriaged');
  const carried = stay.custody
    .map((i) => (i.cashFen ? t('print.intake.carriedCash', { item: i.description, qty: i.quantity, cash: yuan(i.cashFen) }) : t('print.intake.carriedItem', { item: i.description, qty: i.quantity })))
    .join(t('print.clauseSep'));

  return (
    <>
      <SheetHead title={t('print.intake.title')} left={t('print.regNo', { id: stay.id })} right={t('print.arrivedLine', { at: at(stay.arrivedAt) })} />
      <table className="form-table">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '25%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '23%' }} />
          <col style={{ width: '20%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th colSpan={5} className="section">
              {t('print.intake.arrival')}
            </th>
          </tr>
          <tr>
            <th>{t('print.intake.arrivedAt')}</th>
            <td>{at(stay.arrivedAt)}</td>
            <th>{t('print.intake.channel')}</th>
            <td colSpan={2}>{t(`intake.channels.${stay.channel}`)}</td>
          </tr>
          <tr>
            <th>{t('print.intake.unit')}</th>
            <td>{str(d.unit)}</td>
            <th>{t('print.intake.officers')}</th>
            <td colSpan={2}>{str(d.officers)}</td>
          </tr>
          <tr>
            <th>{t('print.intake.handoverAt')}</th>
            <td>{handoverAt}</td>
            <th>{t('print.intake.referrer')}</th>
            <td colSpan={2}>
              {d.phone ? t('print.intake.withPhone', { name: str(d.referrer), phone: str(d.phone) }) : str(d.referrer)}
            </td>
          </tr>

          <tr>
            <th colSpan={5} className="section">
              {t('print.intake.identity')}
            </th>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.name')}</th>
            <td>{id('name')}</td>
            <th>{t('intake.identity.fields.sex')}</th>
            <td>{id('sex')}</td>
            <td rowSpan={6} className="photo-cell">
              {photo.data ? <img src={`data:${photo.data.type};base64,${photo.data.dataBase64}`} alt={t('print.intake.photo')} /> : t('print.intake.photo')}
            </td>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.birth')}</th>
            <td>{id('birth')}</td>
            <th>{t('intake.identity.fields.dialect')}</th>
            <td>{id('dialect')}</td>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.idNumber')}</th>
            <td colSpan={3} className="wide-spaced">
              {id('idNumber')}
            </td>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.hukouPlace')}</th>
            <td colSpan={3}>{id('hukouPlace')}</td>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.residence')}</th>
            <td colSpan={3}>{id('residence')}</td>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.benefits')}</th>
            <td>{id('benefits')}</td>
            <th>{t('print.intake.conditions')}</th>
            <td>{specialGroups(t, stay)}</td>
          </tr>

          <tr>
            <th colSpan={5} className="section">
              {t('print.intake.physical')}
            </th>
          </tr>
          <tr>
            <th>{t('people.heightCm')}</th>
            <td>{p.heightCm === null ? '' : t('people.heightValue', { cm: p.heightCm })}</td>
            <th>{t('people.build')}</th>
            <td colSpan={2}>{p.build ?? ''}</td>
          </tr>
          <tr>
            <th>{t('people.features')}</th>
            <td colSpan={4}>{p.features ?? ''}</td>
          </tr>
          <tr>
            <th>{t('people.clothing')}</th>
            <td colSpan={4}>{p.clothing ?? ''}</td>
          </tr>
          <tr>
            <th>{t('people.description')}</th>
            <td colSpan={4}>{p.description ?? ''}</td>
          </tr>

          <tr>
            <th colSpan={5} className="section">
              {t('print.intake.history')}
            </th>
          </tr>
          <tr>
            <th>{t('print.intake.wandering')}</th>
            <td colSpan={4} className="tall" />
          </tr>
          <tr>
            <th>{t('print.intake.relatives')}</th>
            <td colSpan={4} className="medium" />
          </tr>
          <tr>
            <th>{t('print.intake.carried')}</th>
            <td colSpan={4} className="medium">
              {carried}
            </td>
          </tr>

          <tr>
            <th colSpan={5} className="section">
              {t('print.intake.check')}
            </th>
          </tr>
          <tr>
            <th>{t('print.intake.temperature')}</th>
            <td>{stay.temperatureC === null ? '' : t('print.temperatureValue', { value: stay.temperatureC.toFixed(1) })}</td>
            <th>{t('print.intake.decision')}</th>
            <td colSpan={2}>{decision}</td>
          </tr>
          <tr>
            <th>{t('print.intake.triageNote')}</th>
            <td colSpan={4}>{triage?.note ?? ''}</td>
          </tr>
          <tr>
            <th>{t('print.intake.triageBy')}</th>
            <td>{triage?.by ?? ''}</td>
            <th>{t('print.intake.triageAt')}</th>
            <td colSpan={2}>{triage ? at(triage.at) : ''}</td>
          </tr>

          <tr>
            <th colSpan={5} className="section">
              {t('print.intake.responsibility')}
            </th>
          </tr>
          <tr>
            <th>{t('print.intake.owner')}</th>
            <td>{stay.owner.displayName}</td>
            <th>{t('print.intake.registeredBy')}</th>
            <td colSpan={2}>{stay.registeredBy.displayName}</td>
          </tr>
        </tbody>
      </table>
      <Signatures labels={[t('print.intake.clientSign'), t('print.intake.deskSign')]} />
      <p className="sheet-note">{t('print.intake.proxyNote')}</p>
      <SheetFoot />
    </>
  );
}
