import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyItem, StayDetail } from '../../../../../shared/contract/intake';
import { clientLabel, yuan } from '../format';
import { identityText } from '../identity';
import { SheetFoot, SheetHead, Signatures, specialGroups, str, useWhen } from './PrintFrame';

/** One section of the form: a bordered table whose title and column heads repeat on a new page. */
function Section({ title, heads, widths, rows, empty }: { title: string; heads: string[]; widths: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    <table className="form-table section-table">
      <colgroup>
        {widths.map((w, i) => (
          <col key={i} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th colSpan={heads.length} className="section">
            {title}
          </th>
        </tr>
        <tr>
          {heads.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={heads.length} className="empty-row">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

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
      <table className="form-table">
        <colgroup>
          <col style={{ width: '14%' }} />
          <col style={{ width: '21%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '10%' }} />
          <col style={{ width: '17%' }} />
          <col style={{ width: '28%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th colSpan={6} className="section">
              {t('print.service.basic')}
            </th>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.name')}</th>
            <td>{clientLabel(t, p)}</td>
            <th>{t('intake.identity.fields.sex')}</th>
            <td>{identityText(t, p, 'sex')}</td>
            <th>{t('intake.identity.fields.birth')}</th>
            <td>{identityText(t, p, 'birth')}</td>
          </tr>
          <tr>
            <th>{t('intake.identity.fields.idNumber')}</th>
            <td colSpan={3} className="wide-spaced">
              {identityText(t, p, 'idNumber')}
            </td>
            <th>{t('print.service.stayDay')}</th>
            <td>{t('print.service.stayDayValue', { day: stay.clock.day })}</td>
          </tr>
          <tr>
            <th>{t('print.intake.owner')}</th>
            <td colSpan={3}>{stay.owner.displayName}</td>
            <th>{t('print.intake.conditions')}</th>
            <td>{specialGroups(t, stay)}</td>
          </tr>
          <tr>
            <th>{t('print.service.bed')}</th>
            <td colSpan={5}>
              {beds.length === 0
                ? t('print.service.noBed')
                : beds.map((l, i) => (
                    <div key={i}>{l}</div>
                  ))}
            </td>
          </tr>
        </tbody>
      </table>

      <Section
        title={t('print.service.safety')}
        heads={[t('print.service.safetyAt'), t('print.service.findings'), t('print.service.disposition'), t('print.service.witnesses')]}
        widths={['18%', '32%', '32%', '18%']}
        empty={none}
        rows={stay.safetyChecks.map((s) => [at(s.at), s.findings, s.disposition, s.witnesses.join(t('print.listSep'))])}
      />

      <Section
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

      <Section
        title={t('print.service.services')}
        heads={[t('print.service.serviceAt'), t('print.service.serviceKind'), t('print.service.serviceNote'), t('print.service.serviceBy')]}
        widths={['18%', '14%', '52%', '16%']}
        empty={none}
        rows={stay.services.map((s) => [at(s.at), t(`intake.services.kinds.${str(s.data.kind)}`, { defaultValue: str(s.data.kind) }), str(s.data.note), s.actor])}
      />

      <Section
        title={t('print.service.extensions')}
        heads={[t('print.service.extendAt'), t('print.service.days'), t('print.service.reason'), t('print.service.approver')]}
        widths={['18%', '12%', '54%', '16%']}
        empty={none}
        rows={stay.extensions.map((e) => [at(e.at), t('print.service.daysValue', { days: e.days }), e.reason, e.approvedBy])}
      />

      <Section
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

      <table className="form-table section-table">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
          <col style={{ width: '16%' }} />
          <col style={{ width: '34%' }} />
        </colgroup>
        <tbody>
          <tr>
            <th colSpan={4} className="section">
              {t('print.service.discharge')}
            </th>
          </tr>
          <tr>
            <th>{t('print.service.dischargeType')}</th>
            <td>{stay.discharge ? t(`intake.discharge.types.${stay.discharge.type}`) : t('print.service.notDischarged')}</td>
            <th>{t('print.service.dischargeAt')}</th>
            <td>{stay.discharge ? at(stay.discharge.at) : ''}</td>
          </tr>
          <tr>
            <th>{t('print.service.dischargeDetail')}</th>
            <td colSpan={3} className="medium">
              {stay.discharge &&
                dischargeDetails(t, stay.discharge.detail).map((l, i) => (
                  <div key={i}>{l}</div>
                ))}
            </td>
          </tr>
        </tbody>
      </table>

      <Signatures labels={[t('print.service.clientSign'), t('print.service.handlerSign'), t('print.service.leaderSign')]} />
      <SheetFoot />
    </>
  );
}
