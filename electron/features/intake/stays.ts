import { TZDate } from '@date-fns/tz';
import { addBusinessDays, addDays } from 'date-fns';
import type { z } from 'zod';
import type { FamilySearchTask, StayDetail, StayEvent, dischargeInput, registerInput, triageInput } from '../../../shared/contract/intake';
import type { StationSettings } from '../../../shared/contract/settings';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { ageGroup, stayClock, type Condition } from '../../../shared/domain/person';
import { AppError } from '../../../shared/domain/result';
import { stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';
import { getPerson, writePerson } from '../people/service';

export interface IntakeCtx {
  db: DB;
  now: number;
  actorId: number;
  settings: StationSettings;
}
export const todayOf = (c: { now: number; settings: StationSettings }) => stationDay(c.now, c.settings.timeZone);

const OPEN = ['registered', 'in_station', 'at_hospital'] as const;


interface StayRow {
  id: number;
  person_id: number;
  arrived_at: number;
  arrived_on: string;
  channel: StayDetail['channel'];
  channel_detail: string;
  status: StayDetail['status'];
  owner_id: number;
  registered_by: number;
  temperature_c10: number | null;
  conditions: string;
  triage: string | null;
  discharge_type: StayDetail['discharge'] extends infer D ? (D extends { type: infer T } ? T : never) : never;
  discharge_detail: string | null;
  discharged_at: number | null;
}

export function stayRow(db: DB, stayId: number): StayRow {
  const row = stmt(db, 'SELECT * FROM stays WHERE id = ?').get(stayId) as StayRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such stay.');
  return row;
}

export function requireOpen(row: StayRow): void {
  if (!(OPEN as readonly string[]).includes(row.status)) {
    throw new AppError('CONFLICT', 'This stay is closed.', undefined, { status: row.status });
  }
}

export function addEvent(db: DB, stayId: number, actorId: number, at: number, kind: string, data: Record<string, unknown> = {}): void {
  stmt(db, 'INSERT INTO stay_events (stay_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)').run(stayId, at, actorId, kind, JSON.stringify(data));
}

const staffName = (db: DB, id: number) =>
  ({ id, displayName: (stmt(db, 'SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string }).n });

export function register(c: IntakeCtx, input: z.output<typeof registerInput>): { stayId: number; personId: number } {
  const { db, now } = c;
  const today = todayOf(c);
  if (input.arrivedAt > now + 5 * 60_000) throw new AppError('VALIDATION', 'Arrival cannot be in the future.', { arrivedAt: 'v.future' });
  let personId: number;
  if (input.personId !== undefined) {
    personId = getPerson(db, input.personId, today).id;
    const open = stmt(db, `SELECT id FROM stays WHERE person_id = ? AND status IN ('registered', 'in_station', 'at_hospital')`).get(personId) as
      | { id: number }
      | undefined;
    if (open) throw new AppError('CONFLICT', 'This person is already in the station.', { personId: 'v.openStay' }, { stayId: open.id });
  } else {
    personId = writePerson(db, null, input.person ?? {}, { now, today, actorId: c.actorId });
  }
  const stayId = Number(
    stmt(db,
        `INSERT INTO stays (person_id, arrived_at, arrived_on, channel, channel_detail, status, owner_id, registered_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?)`,
      )
      .run(personId, input.arrivedAt, stationDay(input.arrivedAt, c.settings.timeZone), input.channel, JSON.stringify(input.channelDetail), c.actorId, c.actorId, now, now)
      .lastInsertRowid,
  );
  addEvent(db, stayId, c.actorId, now, 'registered', { channel: input.channel });
  const person = getPerson(db, personId, today);
  if (person.name === null && person.idNumber === null) createFamilySearchTasks(c, stayId, input.arrivedAt);
  return { stayId, personId };
}

/** Identity unknown: notice within N hours, DNA request within N working days, refresh after N days. */
export function familySearchDue(settings: StationSettings, arrivedAt: number): [FamilySearchTask['kind'], number][] {
  const arrival = new TZDate(arrivedAt, settings.timeZone);
  return [
    ['notice', arrivedAt + settings.familyNoticeHours * 3_600_000],
    ['dna_request', addBusinessDays(arrival, settings.dnaWorkingDays).getTime()],
    ['notice_refresh', addDays(arrival, settings.noticeRefreshDays).getTime()],
  ];
}

function createFamilySearchTasks(c: IntakeCtx, stayId: number, arrivedAt: number): void {
  const insert = stmt(c.db, 'INSERT INTO family_search_tasks (stay_id, kind, due_at) VALUES (?, ?, ?)');
  for (const [kind, due] of familySearchDue(c.settings, arrivedAt)) insert.run(stayId, kind, due);
}

const DAY = 86_400_000;
export function taskState(t: { due_at: number; done_at: number | null }, now: number): FamilySearchTask['state'] {
  if (t.done_at !== null) return 'done';
  // "Within 24 hours": once the deadline is reached, the task is late.
  if (t.due_at <= now) return 'overdue';
  return t.due_at - now <= DAY ? 'due' : 'upcoming';
}

export function getStay(c: Omit<IntakeCtx, 'actorId'>, stayId: number): StayDetail {
  const { db, now, settings } = c;
  const today = todayOf(c);
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
  const offer = stmt(db, 'SELECT id, from_user, to_user, offered_at FROM ownership_offers WHERE stay_id = ? AND answered_at IS NULL')
    .get(stayId) as { id: number; from_user: number; to_user: number; offered_at: number } | undefined;
  const triage = row.triage ? (JSON.parse(row.triage) as StayDetail['triage']) : null;
  return {
    id: row.id,
    person,
    arrivedAt: row.arrived_at,
    arrivedOn: row.arrived_on,
    channel: row.channel,
    channelDetail: JSON.parse(row.channel_detail) as Record<string, unknown>,
    status: row.status,
    owner: staffName(db, row.owner_id),
    registeredBy: staffName(db, row.registered_by),
    pendingOffer: offer ? { id: offer.id, from: staffName(db, offer.from_user), to: staffName(db, offer.to_user), offeredAt: offer.offered_at } : null,
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

/** What a triage decision makes of a stay: its new status, and the record kept on it. */
export function triageOutcome(input: Omit<z.output<typeof triageInput>, 'stayId'>, at: number, by: string) {
  const status = ({ admit: 'in_station', hospital: 'at_hospital', police: 'handed_to_police', refuse: 'refused' } as const)[input.decision];
  const record = {
    decision: input.decision,
    ...(input.refusalReason ? { refusalReason: input.refusalReason } : {}),
    ...(input.destination ? { destination: input.destination } : {}),
    ...(input.note ? { note: input.note } : {}),
    at,
    by,
  };
  return { status, record };
}

export function triage(c: IntakeCtx, input: z.output<typeof triageInput>): void {
  const row = stayRow(c.db, input.stayId);
  if (row.status !== 'registered' && row.status !== 'at_hospital') {
    throw new AppError('CONFLICT', 'This stay has already been triaged.', { decision: 'v.alreadyTriaged' });
  }
  const { status, record: triageRecord } = triageOutcome(input, c.now, staffName(c.db, c.actorId).displayName);
  stmt(c.db,
      `UPDATE stays SET status = ?, triage = ?, conditions = ?, temperature_c10 = coalesce(?, temperature_c10), updated_at = ? WHERE id = ?`,
    )
    .run(status, JSON.stringify(triageRecord), JSON.stringify(input.conditions), input.temperatureC === undefined ? null : Math.round(input.temperatureC * 10), c.now, input.stayId);
  addEvent(c.db, input.stayId, c.actorId, c.now, 'triage', { ...triageRecord, status });
}

export function setConditions(c: IntakeCtx, stayId: number, conditions: Condition[], temperatureC: number | undefined): void {
  requireOpen(stayRow(c.db, stayId));
  stmt(c.db, 'UPDATE stays SET conditions = ?, temperature_c10 = coalesce(?, temperature_c10), updated_at = ? WHERE id = ?')
    .run(JSON.stringify(conditions), temperatureC === undefined ? null : Math.round(temperatureC * 10), c.now, stayId);
  addEvent(c.db, stayId, c.actorId, c.now, 'conditions', { conditions, temperatureC });
}

/** What each discharge type requires beyond its fields (DOMAIN §1), checked against the stay. */
export function discharge(c: IntakeCtx, input: z.output<typeof dischargeInput>): void {
  const stay = getStay(c, input.stayId);
  requireOpen(stayRow(c.db, input.stayId));
  if (stay.custody.some((i) => i.settlement === null)) {
    throw new AppError('CONFLICT', 'Belongings in custody must be returned or settled first.', { type: 'v.custodyOpen' });
  }
  const detail: Record<string, unknown> = { ...input };
  for (const k of ['stayId', 'type', 'dischargedAt']) delete detail[k];
  switch (input.type) {
    case 'self_discharge': {
      if (stay.age === null) throw new AppError('VALIDATION', 'Age unknown: self-discharge needs an adult.', { type: 'v.selfDischargeAgeUnknown' });
      if (stay.age < 18) throw new AppError('VALIDATION', 'Minors may not self-discharge.', { type: 'v.selfDischargeMinor' });
      if (stay.conditions.includes('mental_disorder') || stay.conditions.includes('intellectual_disability')) {
        throw new AppError('VALIDATION', 'Not for people with a mental or intellectual disability.', { type: 'v.selfDischargeCondition' });
      }
      break;
    }
    case 'return_home':
      if (input.cashFen > 0 && !input.receiptSigned) {
        throw new AppError('VALIDATION', 'Cash needs a signed receipt.', { receiptSigned: 'v.receiptRequired' });
      }
      if (stay.age !== null && stay.age < 16 && !input.escort) {
        throw new AppError('VALIDATION', 'Under 16: name who escorts them home.', { escort: 'v.escortRequired' });
      }
      break;
    case 'family_collected': {
      const id = checkIdNumber(input.collectorIdNumber, todayOf(c));
      if (!id.ok) throw new AppError('VALIDATION', 'The collector’s ID number is not valid.', { collectorIdNumber: `v.id.${id.problem}` });
      detail.collectorIdNumber = id.normalized;
      break;
    }
    case 'left_without_notice':
    case 'foster_care':
    case 'hospital':
    case 'other_agency':
    case 'assistance_ended':
    case 'death':
      break;
  }
  const at = input.dischargedAt ?? c.now;
  if (at < stay.arrivedAt || at > c.now + 5 * 60_000) throw new AppError('VALIDATION', 'Discharge time out of range.', { dischargedAt: 'v.dischargeTime' });
  stmt(c.db, `UPDATE stays SET status = 'discharged', discharge_type = ?, discharge_detail = ?, discharged_at = ?, updated_at = ? WHERE id = ?`)
    .run(input.type, JSON.stringify(detail), at, c.now, input.stayId);
  // Discharge frees the bed.
  stmt(c.db, 'UPDATE bed_assignments SET to_at = ? WHERE stay_id = ? AND to_at IS NULL').run(at, input.stayId);
  stmt(c.db, 'UPDATE ownership_offers SET answered_at = ?, accepted = 0 WHERE stay_id = ? AND answered_at IS NULL').run(c.now, input.stayId);
  addEvent(c.db, input.stayId, c.actorId, c.now, 'discharged', { type: input.type, ...detail });
}
