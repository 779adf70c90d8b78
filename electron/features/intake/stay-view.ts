/** A stay as the stay page shows it: everything about it, read once per call (not for audit rows). */
import type { FamilySearchTask, StayDetail, StayEvent } from '../../../shared/contract/intake';
import type { StationSettings } from '../../../shared/contract/settings';
import { ageGroup, stayClock, type Condition } from '../../../shared/domain/person';
import { stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';
import { getPerson } from '../people/service';
import { stayRow, staffMember, taskState } from './stays';

export function getStay(c: { db: DB; now: number; today: string; settings: StationSettings }, stayId: number): StayDetail {
  const { db, now, settings, today } = c;
  const row = stayRow(db, stayId);
  const person = getPerson(db, row.person_id, today);
  const conditions = JSON.parse(row.conditions) as Condition[];
  const extensions = stmt(db,
      `SELECT e.id, e.days, e.reason, u.display_name AS approved_by, e.at FROM stay_extensions e JOIN users u ON u.id = e.approved_by
       WHERE e.stay_id = ? ORDER BY e.id`,
    )
    .all(stayId) as { id: number; days: number; reason: string; approved_by: string; at: number }[];
  const clockDay = row.discharged_at !== null ? stationDay(row.discharged_at, settings.timeZone) : today;
  const events = (
    stmt(db, `SELECT e.id, e.at, u.display_name AS actor, e.kind, e.data FROM stay_events e JOIN users u ON u.id = e.actor_id WHERE stay_id = ? ORDER BY e.id`)
      .all(stayId) as { id: number; at: number; actor: string; kind: string; data: string }[]
  ).map((e): StayEvent => ({ id: e.id, at: e.at, actor: e.actor, kind: e.kind, data: JSON.parse(e.data) as Record<string, unknown> }));
  const bed = stmt(db,
      `SELECT b.id AS bed_id, b.label, z.name AS zone, a.from_at FROM bed_assignments a JOIN beds b ON b.id = a.bed_id
       JOIN zones z ON z.id = b.zone_id WHERE a.stay_id = ? AND a.to_at IS NULL`,
    )
    .get(stayId) as { bed_id: number; label: string; zone: string; from_at: number } | undefined;
  const offer = stmt(db, 'SELECT id, from_user, to_user, note, offered_at FROM ownership_offers WHERE stay_id = ? AND answered_at IS NULL')
    .get(stayId) as { id: number; from_user: number; to_user: number; note: string | null; offered_at: number } | undefined;
  const triage = row.triage ? (JSON.parse(row.triage) as StayDetail['triage']) : null;
  return {
    id: row.id,
    person,
    arrivedAt: row.arrived_at,
    arrivedOn: row.arrived_on,
    lateReason: row.late_reason,
    channel: row.channel,
    channelDetail: JSON.parse(row.channel_detail) as Record<string, unknown>,
    status: row.status,
    owner: staffMember(db, row.owner_id),
    registeredBy: staffMember(db, row.registered_by),
    pendingOffer: offer ? { id: offer.id, from: staffMember(db, offer.from_user), to: staffMember(db, offer.to_user), note: offer.note, offeredAt: offer.offered_at } : null,
    temperatureC: row.temperature_c10 === null ? null : row.temperature_c10 / 10,
    conditions,
    age: person.age,
    ageGroup: ageGroup(person.age),
    clock: stayClock(row.arrived_on, clockDay, { age: person.age, conditions, extensionDays: extensions.reduce((n, e) => n + e.days, 0) }, {
      warnDay: settings.stayWarnDay,
      limitDays: settings.stayLimitDays,
    }),
    triage,
    bed: bed ? { bedId: bed.bed_id, label: bed.label, zone: bed.zone, since: bed.from_at } : null,
    safetyChecks: (
      stmt(db,
          `SELECT s.id, s.at, s.findings, s.disposition, u1.display_name AS w1, u2.display_name AS w2 FROM safety_checks s
           JOIN users u1 ON u1.id = s.witness_1 JOIN users u2 ON u2.id = s.witness_2 WHERE s.stay_id = ? ORDER BY s.id`,
        )
        .all(stayId) as { id: number; at: number; findings: string; disposition: string; w1: string; w2: string }[]
    ).map((s) => ({ id: s.id, at: s.at, findings: s.findings, disposition: s.disposition, witnesses: [s.w1, s.w2] })),
    custody: custodyOf(db, stayId),
    extensions: extensions.map((e) => ({ id: e.id, days: e.days, reason: e.reason, approvedBy: e.approved_by, at: e.at })),
    familySearch: (
      stmt(db,
          `SELECT t.id, t.kind, t.due_at, t.done_at, u.display_name AS done_by, t.note FROM family_search_tasks t
           LEFT JOIN users u ON u.id = t.done_by WHERE t.stay_id = ? ORDER BY t.due_at`,
        )
        .all(stayId) as { id: number; kind: FamilySearchTask['kind']; due_at: number; done_at: number | null; done_by: string | null; note: string | null }[]
    ).map((t) => ({ id: t.id, kind: t.kind, dueAt: t.due_at, doneAt: t.done_at, doneBy: t.done_by, note: t.note, state: taskState(t, now) })),
    services: events.filter((e) => e.kind === 'service'),
    events,
    discharge:
      // Stryker disable next-line LogicalOperator,ConditionalExpression: a discharge writes its type and its time in one UPDATE (rows.ts), so both are set or neither is
      row.discharge_type && row.discharged_at !== null
        ? { type: row.discharge_type, at: row.discharged_at, detail: JSON.parse(row.discharge_detail ?? '{}') as Record<string, unknown> }
        : null,
    incomplete: person.missing.length > 0,
  };
}

export function custodyOf(db: DB, stayId: number): StayDetail['custody'] {
  return (
    stmt(db,
        `SELECT i.*, u1.display_name AS s1, u2.display_name AS s2, s.kind, s.reason, s.client_confirmed, s.at AS settled_at, u3.display_name AS settled_by
         FROM custody_items i JOIN users u1 ON u1.id = i.staff_1 JOIN users u2 ON u2.id = i.staff_2
         LEFT JOIN custody_settlements s ON s.item_id = i.id LEFT JOIN users u3 ON u3.id = s.by_user
         WHERE i.stay_id = ? ORDER BY i.id`,
      )
      .all(stayId) as {
      id: number;
      description: string;
      quantity: number;
      cash_fen: number;
      storage_place: string;
      received_at: number;
      s1: string;
      s2: string;
      kind: 'returned' | 'disposed' | 'handed_over' | null;
      reason: string | null;
      client_confirmed: number | null;
      settled_at: number | null;
      settled_by: string | null;
    }[]
  ).map((i) => ({
    id: i.id,
    description: i.description,
    quantity: i.quantity,
    cashFen: i.cash_fen,
    storagePlace: i.storage_place,
    receivedAt: i.received_at,
    staff: [i.s1, i.s2],
    settlement: i.kind ? { kind: i.kind, reason: i.reason, clientConfirmed: i.client_confirmed === 1, at: i.settled_at!, by: i.settled_by! } : null,
  }));
}

