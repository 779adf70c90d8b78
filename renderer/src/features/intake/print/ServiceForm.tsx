import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CustodyItem, StayDetail } from '../../../../../shared/contract/intake';
import { clientLabel, yuan } from '../../../components/format';
import { identityText } from '../../../components/identity';
import { FieldRow, FormTable, ListTable, SectionRow, SheetFoot, SheetHead, Signatures, str, useWhen } from '../../../components/print';
import { specialGroups } from './specialGroups';

/** How an item left custody: returned (with the client's count), disposed or handed over, when and by whom. */
export function settlementText(t: TFunction, at: (ms: number) => string, item: CustodyItem): string {
  const s = item.settlement;
  if (!s) return t('print.service.open');
  const label = t(`intake.custody.${s.kind}`);
  const kind = s.kind === 'returned' && s.clientConfirmed ? t('print.service.returnedConfirmed', { kind: label }) : label;
  const line = t('print.service.settled', { kind, at: at(s.at), by: s.by });
  return s.reason ? t('print.service.settledReason', { line, reason: s.reason }) : line;
}

/** The discharge's own fields (ticket, collector, home …) as label-value lines. */
function dischargeDetails(t: TFunction, detail: Record<string, unknown>): string[] {
  const out: string[] = [];
  // The free-text note last, after the type's own fields.
  const entries = Object.entries(detail).sort(([a], [b]) => Number(a === 'note') - Number(b === 'note'));
  for (const [key, value] of entries) {
    if (value === undefined || value === null || value === '') continue;
    let text: string;
    if (key === 'cashFen' && typeof value === 'number') text = yuan(value);
    else if (typeof value === 'boolean') {
      if (key === 'receiptSigned' || key === 'declarationSigned') text = value ? t('print.discharge.signed') : t('print.discharge.unsigned');
      else if (key === 'policeInformed') text = value ? t('print.discharge.informed') : t('print.no');
      else text = value ? t('print.yes') : t('print.no');
    } else text = str(value);
    out.push(t('print.pair', { label: t(`print.discharge.${key}`, { defaultValue: key }), value: text }));
  }
  return out;
}

/** Bed history from the stay's events: each assignment and move, with its zone and time. */
function bedLines(t: TFunction, at: (ms: number) => string, stay: StayDetail): string[] {
  const lines = stay.events
    .filter((e) => e.kind === 'bed_assigned' || e.kind === 'bed_moved')
    .map((e) => {
      const args = { zone: str(e.data.zone), bed: str(e.data.bed), at: at(e.at) };
      const line = e.kind === 'bed_moved' ? t('print.service.bedMoved', args) : t('print.service.bedLine', args);
      return e.data.reason ? line + t('print.service.bedReason', { reason: str(e.data.reason) }) : line;
    });
  if (lines.length === 0 && stay.bed) lines.push(t('print.service.bedLine', { zone: stay.bed.zone, bed: stay.bed.label, at: at(stay.bed.since) }));
  return lines;
}

/** 在站服务及离站登记表: bed, safety checks, belongings, services, extensions, family search, discharge. */
export function ServiceForm({ stay }: { stay: StayDetail }) {
  const { t } = useTranslation();
  const at = useWhen();
  const p = stay.person;
  const none = t('print.none');
  const beds = bedLines(t, at, stay);

  return (
    <>
      <SheetHead title={t('print.service.title')} left={t('print.regNo', { id: stay.id })} right={t('print.arrivedLine', { at: at(stay.arrivedAt) })} />
      <FormTable widths={['14%', '21%', '10%', '10%', '17%', '28%']}>
        <SectionRow title={t('print.service.basic')} />
        <FieldRow fields={[
          { label: t('intake.identity.fields.name'), value: clientLabel(t, p) },
          { label: t('intake.identity.fields.sex'), value: identityText(t, p, 'sex') },
          { label: t('intake.identity.fields.birth'), value: identityText(t, p, 'birth') },
        ]} />
        <FieldRow fields={[
          { label: t('intake.identity.fields.idNumber'), value: identityText(t, p, 'idNumber'), span: 3, cell: 'wide-spaced' },
          { label: t('print.service.stayDay'), value: t('print.service.stayDayValue', { day: stay.clock.day }) },
        ]} />
        <FieldRow fields={[
          { label: t('print.intake.owner'), value: stay.owner.displayName, span: 3 },
          { label: t('print.intake.conditions'), value: specialGroups(t, stay) },
        ]} />
        <FieldRow fields={[{ label: t('print.service.bed'), value: beds.length === 0 ? t('print.service.noBed') : beds.map((l, i) => <div key={i}>{l}</div>), span: 5 }]} />
      </FormTable>

      <ListTable
        title={t('print.service.safety')}
        heads={[t('print.service.safetyAt'), t('print.service.findings'), t('print.service.disposition'), t('print.service.witnesses')]}
        widths={['18%', '32%', '32%', '18%']}
        empty={none}
        rows={stay.safetyChecks.map((s) => [at(s.at), s.findings, s.disposition, s.witnesses.join(t('print.listSep'))])}
      />

      <ListTable
        title={t('print.service.custody')}
        heads={[
          t('print.service.item'),
          t('print.service.quantity'),
          t('print.service.cashYuan'),
          t('print.service.place'),
          t('print.service.receivedAt'),
          t('print.service.staff'),
          t('print.service.settlement'),
        ]}
        widths={['17%', '6%', '9%', '12%', '13%', '12%', '31%']}
        empty={none}
        rows={stay.custody.map((i) => [
          i.description,
          i.quantity,
          i.cashFen ? yuan(i.cashFen) : '',
          i.storagePlace,
          at(i.receivedAt),
          i.staff.join(t('print.listSep')),
          settlementText(t, at, i),
        ])}
      />

      <ListTable
        title={t('print.service.services')}
        heads={[t('print.service.serviceAt'), t('print.service.serviceKind'), t('print.service.serviceNote'), t('print.service.serviceBy')]}
        widths={['18%', '14%', '52%', '16%']}
        empty={none}
        rows={stay.services.map((s) => [at(s.at), t(`intake.services.kinds.${str(s.data.kind)}`, { defaultValue: str(s.data.kind) }), str(s.data.note), s.actor])}
      />

      <ListTable
        title={t('print.service.extensions')}
        heads={[t('print.service.extendAt'), t('print.service.days'), t('print.service.reason'), t('print.service.approver')]}
        widths={['18%', '12%', '54%', '16%']}
        empty={none}
        rows={stay.extensions.map((e) => [at(e.at), t('print.service.daysValue', { days: e.days }), e.reason, e.approvedBy])}
      />

      <ListTable
        title={t('print.service.family')}
        heads={[t('print.service.task'), t('print.service.due'), t('print.service.doneAt'), t('print.service.doneBy'), t('print.service.taskNote')]}
        widths={['20%', '17%', '17%', '12%', '34%']}
        empty={none}
        rows={stay.familySearch.map((f) => [
          t(`intake.family.kinds.${f.kind}`),
          at(f.dueAt),
          f.doneAt ? at(f.doneAt) : t(`intake.family.states.${f.state}`),
          f.doneBy ?? '',
          f.note ?? '',
        ])}
      />

      <FormTable widths={['16%', '34%', '16%', '34%']} spaced>
        <SectionRow title={t('print.service.discharge')} />
        <FieldRow fields={[
          { label: t('print.service.dischargeType'), value: stay.discharge ? t(`intake.discharge.types.${stay.discharge.type}`) : t('print.service.notDischarged') },
          { label: t('print.service.dischargeAt'), value: stay.discharge ? at(stay.discharge.at) : '' },
        ]} />
        <FieldRow fields={[{
          label: t('print.service.dischargeDetail'),
          value: stay.discharge && dischargeDetails(t, stay.discharge.detail).map((l, i) => <div key={i}>{l}</div>),
          span: 3,
          cell: 'medium',
        }]} />
      </FormTable>

      <Signatures labels={[t('print.service.clientSign'), t('print.service.handlerSign'), t('print.service.leaderSign')]} />
      <SheetFoot />
    </>
  );
}
