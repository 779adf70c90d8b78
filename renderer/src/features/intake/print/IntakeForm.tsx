import { useTranslation } from 'react-i18next';
import type { StayDetail } from '../../../../../shared/contract/intake';
import { useRpcQuery } from '../../../api/hooks';
import { yuan } from '../../../components/format';
import { identityText } from '../../../components/identity';
import { FieldRow, FormTable, SectionRow, SheetFoot, SheetHead, Signatures, str, useWhen } from '../../../components/print';
import { specialGroups } from './specialGroups';

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
      <FormTable widths={['16%', '25%', '16%', '23%', '20%']}>
        <SectionRow title={t('print.intake.arrival')} />
        <FieldRow fields={[
          { label: t('print.intake.arrivedAt'), value: at(stay.arrivedAt) },
          { label: t('print.intake.channel'), value: t(`intake.channels.${stay.channel}`), span: 2 },
        ]} />
        <FieldRow fields={[
          { label: t('print.intake.unit'), value: str(d.unit) },
          { label: t('print.intake.officers'), value: str(d.officers), span: 2 },
        ]} />
        <FieldRow fields={[
          { label: t('print.intake.handoverAt'), value: handoverAt },
          { label: t('print.intake.referrer'), value: d.phone ? t('print.intake.withPhone', { name: str(d.referrer), phone: str(d.phone) }) : str(d.referrer), span: 2 },
        ]} />

        <SectionRow title={t('print.intake.identity')} />
        <FieldRow fields={[
          { label: t('intake.identity.fields.name'), value: id('name') },
          { label: t('intake.identity.fields.sex'), value: id('sex') },
        ]}>
          <td rowSpan={6} className="photo-cell">
            {photo.data ? <img src={`data:${photo.data.type};base64,${photo.data.dataBase64}`} alt={t('print.intake.photo')} /> : t('print.intake.photo')}
          </td>
        </FieldRow>
        <FieldRow fields={[
          { label: t('intake.identity.fields.birth'), value: id('birth') },
          { label: t('intake.identity.fields.dialect'), value: id('dialect') },
        ]} />
        <FieldRow fields={[{ label: t('intake.identity.fields.idNumber'), value: id('idNumber'), span: 3, cell: 'wide-spaced' }]} />
        <FieldRow fields={[{ label: t('intake.identity.fields.hukouPlace'), value: id('hukouPlace'), span: 3 }]} />
        <FieldRow fields={[{ label: t('intake.identity.fields.residence'), value: id('residence'), span: 3 }]} />
        <FieldRow fields={[
          { label: t('intake.identity.fields.benefits'), value: id('benefits') },
          { label: t('print.intake.conditions'), value: specialGroups(t, stay) },
        ]} />

        <SectionRow title={t('print.intake.physical')} />
        <FieldRow fields={[
          { label: t('people.heightCm'), value: p.heightCm === null ? '' : t('people.heightValue', { cm: p.heightCm }) },
          { label: t('people.build'), value: p.build ?? '', span: 2 },
        ]} />
        <FieldRow fields={[{ label: t('people.features'), value: p.features ?? '', span: 4 }]} />
        <FieldRow fields={[{ label: t('people.clothing'), value: p.clothing ?? '', span: 4 }]} />
        <FieldRow fields={[{ label: t('people.description'), value: p.description ?? '', span: 4 }]} />

        <SectionRow title={t('print.intake.history')} />
        <FieldRow fields={[{ label: t('print.intake.wandering'), span: 4, cell: 'tall' }]} />
        <FieldRow fields={[{ label: t('print.intake.relatives'), span: 4, cell: 'medium' }]} />
        <FieldRow fields={[{ label: t('print.intake.carried'), value: carried, span: 4, cell: 'medium' }]} />

        <SectionRow title={t('print.intake.check')} />
        <FieldRow fields={[
          { label: t('print.intake.temperature'), value: stay.temperatureC === null ? '' : t('print.temperatureValue', { value: stay.temperatureC.toFixed(1) }) },
          { label: t('print.intake.decision'), value: decision, span: 2 },
        ]} />
        <FieldRow fields={[{ label: t('print.intake.triageNote'), value: triage?.note ?? '', span: 4 }]} />
        <FieldRow fields={[
          { label: t('print.intake.triageBy'), value: triage?.by ?? '' },
          { label: t('print.intake.triageAt'), value: triage ? at(triage.at) : '', span: 2 },
        ]} />

        <SectionRow title={t('print.intake.responsibility')} />
        <FieldRow fields={[
          { label: t('print.intake.owner'), value: stay.owner.displayName },
          { label: t('print.intake.registeredBy'), value: stay.registeredBy.displayName, span: 2 },
        ]} />
      </FormTable>
      <Signatures labels={[t('print.intake.clientSign'), t('print.intake.deskSign')]} />
      <p className="sheet-note">{t('print.intake.proxyNote')}</p>
      <SheetFoot />
    </>
  );
}
