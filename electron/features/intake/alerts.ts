import type { AlertLine, HandoverSection } from '../../../shared/contract/alerts';
import type { BoardLine } from '../../../shared/contract/intake';
import { group, type AlertProvider, type HandoverSectionProvider } from '../alerts/registry';
import { movements, openStayLists, zoneCensus } from './board';

/** A board line as the alert registry carries it: it opens its stay. */
const toAlertLine = (l: BoardLine): AlertLine => ({ entity: 'stay', id: l.stayId, name: l.name, description: l.description, owner: l.owner, detail: l.detail, at: l.at });
const lines = (list: BoardLine[]) => list.map(toAlertLine);

/**
 * Intake's alerts (DOMAIN §1), from one read of the open stays: over the stay limit and family-search tasks due
 * are urgent (a person who was not helped in time); no bed, near the limit and awaiting triage need action this
 * shift; open custody and incomplete records are to be seen to.
 */
export const intakeAlerts: AlertProvider = {
  feature: 'intake',
  permission: 'intake.read',
  alerts(ctx, n) {
    const l = openStayLists(ctx.db, ctx.now, ctx.settings, ctx.actorId);
    return [
      group('intake.overLimit', 'intake', 'urgent', lines(l.overLimit), n),
      group('intake.familySearchDue', 'intake', 'urgent', lines(l.familySearchDue), n),
      group('intake.offersToMe', 'intake', 'warning', lines(l.offersToMe), n),
      group('intake.awaitingTriage', 'intake', 'warning', lines(l.awaitingTriage), n),
      group('intake.withoutBed', 'intake', 'warning', lines(l.withoutBed), n),
      group('intake.nearLimit', 'intake', 'warning', lines(l.nearLimit), n),
      group('intake.openCustody', 'intake', 'notice', lines(l.openCustody), n),
      group('intake.incomplete', 'intake', 'notice', lines(l.incomplete), n),
    ];
  },
};

/**
 * Intake's part of the shift handover (DOMAIN §2): the census by zone and free beds; who came and who left during
 * the shift; who is at hospital; stays near or over their limit; family-search tasks due; open custody and
 * incomplete records.
 */
export const intakeHandoverSections: HandoverSectionProvider = {
  feature: 'intake',
  sections(ctx, window) {
    const l = openStayLists(ctx.db, ctx.now, ctx.settings, null);
    const zones = zoneCensus(ctx.db);
    const beds = zones.reduce((n, z) => n + z.beds, 0);
    const taken = zones.reduce((n, z) => n + z.occupied, 0);
    // What happened at the very moment of compiling belongs to the shift being handed over.
    const moved = movements(ctx.db, window.from, window.to + 1, ctx.settings.timeZone);
    const section = (name: string, list: BoardLine[], figures: HandoverSection['figures'] = []): HandoverSection => ({
      key: `intake.${name}`,
      feature: 'intake',
      figures,
      lines: lines(list),
    });
    return [
      section('census', [], [
        { key: 'residents', value: l.residents },
        // Registered and not yet triaged: in the building all the same, and the incoming shift's first task.
        { key: 'awaitingTriage', value: l.awaitingTriage.length },
        { key: 'atHospital', value: l.atHospital.length },
        { key: 'freeBeds', value: beds - taken, of: beds },
        ...zones.map((z) => ({ key: 'zone', label: z.name, value: z.occupied, of: z.beds })),
      ]),
      section('arrivals', moved.arrivals, [{ key: 'count', value: moved.arrivals.length }]),
      section('departures', moved.departures, [{ key: 'count', value: moved.departures.length }]),
      section('atHospital', l.atHospital),
      section('overLimit', l.overLimit),
      section('nearLimit', l.nearLimit),
      section('familySearchDue', l.familySearchDue),
      section('openCustody', l.openCustody),
      section('incomplete', l.incomplete),
    ];
  },
};
