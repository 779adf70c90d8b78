import { TZDate } from '@date-fns/tz';
import { addBusinessDays, addDays } from 'date-fns';
import type { z } from 'zod';
import type { FamilySearchTask, StayDetail, dischargeInput, registerInput, triageInput } from '../../../shared/contract/intake';
import type { StationSettings } from '../../../shared/contract/settings';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { mayBeUnder, type Condition } from '../../../shared/domain/person';
import { AppError, fieldsUnder, missingCase } from '../../../shared/domain/result';
import { isOpenStay, OPEN_STAY_SQL } from '../../../shared/domain/stay';
import { dayStart, stationDay } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';
import { personFacts, writePerson } from '../people/service';
import {
  insertFamilySearchTask,
  insertStay,
  insertStayEvent,
  releaseBed,
  updateStayConditions,
  updateStayDischarged,
  updateStayTriage,
  withdrawOffers,
} from './rows';

/** What intake's services need of a call: a handler's context with its actor's id, or the demo generator's own. */
export interface IntakeCtx {
  db: DB;
  now: number;
  /** The station-calendar day of `now`. */
  today: string;
  actorId: number;
  settings: StationSettings;
}
export const todayOf = (c: { now: number; settings: StationSettings }) => stationDay(c.now, c.settings.timeZone);

/**
 * What a change to a stay did, for its audit row (electron/rpc/audit-record.ts): the stay, the values it replaced,
 * and what it wrote (ids of the rows inserted, new values of the columns changed).
 */
export interface StayChange {
  stayId: number;
  before?: Record<string, unknown>;
  wrote: Record<string, unknown>;
}

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
  late_reason: string | null;
}

export function stayRow(db: DB, stayId: number): StayRow {
  const row = stmt(db, 'SELECT * FROM stays WHERE id = ?').get(stayId) as StayRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such stay.');
  return row;
}

export function requireOpen(row: StayRow): void {
  if (!isOpenStay(row.status)) {
    throw new AppError('CONFLICT', 'This stay is closed.', undefined, { status: row.status });
  }
}

export const staffMember = (db: DB, id: number) =>
  ({ id, displayName: (stmt(db, 'SELECT display_name AS n FROM users WHERE id = ?').get(id) as { n: string }).n });

const tenths = (temperatureC: number | undefined) => (temperatureC === undefined ? null : Math.round(temperatureC * 10));

export function register(c: IntakeCtx, input: z.output<typeof registerInput>): StayChange & { personId: number } {
  const { db, now, today } = c;
  const wrote: Record<string, unknown> = {};
  let personId: number;
  let identityUnknown: boolean;
  if (input.personId !== undefined) {
    const known = personFacts(db, input.personId, today);
    personId = input.personId;
    if (known.birthDate && input.arrivedAt < dayStart(known.birthDate, c.settings.timeZone)) {
      throw new AppError('VALIDATION', 'The arrival is before the person was born.', { arrivedAt: 'v.beforeBirth' });
    }
    const open = stmt(db, `SELECT id FROM stays WHERE person_id = ? AND status IN ${OPEN_STAY_SQL}`).get(personId) as { id: number } | undefined;
    if (open) throw new AppError('CONFLICT', 'This person is already in the station.', { personId: 'v.openStay' }, { stayId: open.id });
    identityUnknown = known.name === null && known.idNumber === null;
  } else {
    // The form's fields are `person.…`: its refusals are named so, and land at the field that caused them.
    const person = fieldsUnder('person', () => writePerson(db, null, input.person ?? {}, { now, today, actorId: c.actorId }));
    personId = person.id;
    wrote.person = { id: person.id, ...person.wrote };
    identityUnknown = (person.wrote.name ?? null) === null && (person.wrote.idNumber ?? null) === null;
  }
  const arrivedOn = stationDay(input.arrivedAt, c.settings.timeZone);
  const stayId = insertStay(db, {
    personId,
    arrivedAt: input.arrivedAt,
    arrivedOn,
    channel: input.channel,
    channelDetail: input.channelDetail,
    ownerId: c.actorId,
    lateReason: input.lateReason ?? null,
    at: now,
  });
  wrote.arrivedOn = arrivedOn;
  wrote.status = 'registered';
  wrote.eventId = insertStayEvent(db, stayId, c.actorId, now, 'registered', { channel: input.channel, ...(input.lateReason ? { lateReason: input.lateReason } : {}) });
  if (identityUnknown) wrote.familySearchTaskIds = createFamilySearchTasks(c, stayId, input.arrivedAt);
  return { stayId, personId, wrote };
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

function createFamilySearchTasks(c: IntakeCtx, stayId: number, arrivedAt: number): number[] {
  return familySearchDue(c.settings, arrivedAt).map(([kind, due]) => insertFamilySearchTask(c.db, stayId, kind, due));
}

const DAY = 86_400_000;
export function taskState(t: { due_at: number; done_at: number | null }, now: number): FamilySearchTask['state'] {
  if (t.done_at !== null) return 'done';
  // "Within 24 hours": once the deadline is reached, the task is late.
  if (t.due_at <= now) return 'overdue';
  return t.due_at - now <= DAY ? 'due' : 'upcoming';
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

export function triage(c: IntakeCtx, input: z.output<typeof triageInput>): StayChange {
  const row = stayRow(c.db, input.stayId);
  if (row.status !== 'registered' && row.status !== 'at_hospital') {
    throw new AppError('CONFLICT', 'This stay has already been triaged.', { decision: 'v.alreadyTriaged' });
  }
  const { status, record } = triageOutcome(input, c.now, staffMember(c.db, c.actorId).displayName);
  updateStayTriage(c.db, input.stayId, { status, triage: record, conditions: input.conditions, temperatureC10: tenths(input.temperatureC), at: c.now });
  const eventId = insertStayEvent(c.db, input.stayId, c.actorId, c.now, 'triage', { ...record, status });
  return {
    stayId: input.stayId,
    before: { status: row.status, conditions: JSON.parse(row.conditions) as Condition[], temperatureC10: row.temperature_c10 },
    wrote: { status, triage: record, eventId },
  };
}

export function setConditions(c: IntakeCtx, stayId: number, conditions: Condition[], temperatureC: number | undefined): StayChange {
  const row = stayRow(c.db, stayId);
  requireOpen(row);
  updateStayConditions(c.db, stayId, conditions, tenths(temperatureC), c.now);
  const eventId = insertStayEvent(c.db, stayId, c.actorId, c.now, 'conditions', { conditions, temperatureC });
  return { stayId, before: { conditions: JSON.parse(row.conditions) as Condition[], temperatureC10: row.temperature_c10 }, wrote: { eventId } };
}

/** What each discharge type requires beyond its fields (DOMAIN §1), checked against the stay. */
export function discharge(c: IntakeCtx, input: z.output<typeof dischargeInput>): StayChange {
  const row = stayRow(c.db, input.stayId);
  requireOpen(row);
  const openItems = stmt(
    c.db,
    'SELECT count(*) AS n FROM custody_items i WHERE i.stay_id = ? AND NOT EXISTS (SELECT 1 FROM custody_settlements s WHERE s.item_id = i.id)',
  ).get(input.stayId) as { n: number };
  if (openItems.n > 0) {
    throw new AppError('CONFLICT', 'Belongings in custody must be returned or settled first.', { type: 'v.custodyOpen' });
  }
  const { age } = personFacts(c.db, row.person_id, c.today);
  const conditions = JSON.parse(row.conditions) as Condition[];
  const detail: Record<string, unknown> = { ...input };
  for (const k of ['stayId', 'type', 'dischargedAt']) delete detail[k];
  switch (input.type) {
    case 'self_discharge': {
      if (age === null) throw new AppError('VALIDATION', 'Age unknown: self-discharge needs an adult.', { type: 'v.selfDischargeAgeUnknown' });
      if (age < 18) throw new AppError('VALIDATION', 'Minors may not self-discharge.', { type: 'v.selfDischargeMinor' });
      if (conditions.includes('mental_disorder') || conditions.includes('intellectual_disability')) {
        throw new AppError('VALIDATION', 'Not for people with a mental or intellectual disability.', { type: 'v.selfDischargeCondition' });
      }
      break;
    }
    case 'return_home':
      if (input.cashFen > 0 && !input.receiptSigned) {
        throw new AppError('VALIDATION', 'Cash needs a signed receipt.', { receiptSigned: 'v.receiptRequired' });
      }
      // Under 16, or of unknown age (possibly under 16): never sent home alone.
      if (mayBeUnder(age, 16) && !input.escort) {
        throw new AppError('VALIDATION', 'Under 16 or age unknown: name who escorts them home.', { escort: 'v.escortRequired' });
      }
      break;
    case 'family_collected': {
      const id = checkIdNumber(input.collectorIdNumber, c.today);
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
    // Stryker disable next-line ConditionalExpression: unreachable, the contract's union admits only the types above (missingCase makes the compiler check that none is left out)
    default:
      missingCase(input);
  }
  const at = input.dischargedAt ?? c.now;
  // Not in the future: the contract's eventTime already refused that.
  if (at < row.arrived_at) throw new AppError('VALIDATION', 'Discharge time out of range.', { dischargedAt: 'v.dischargeTime' });
  updateStayDischarged(c.db, input.stayId, input.type, detail, at, c.now);
  // Discharge frees the bed, and a handover offer still waiting has no one left to hand over.
  const bedReleased = releaseBed(c.db, input.stayId, at) > 0;
  const offerWithdrawn = withdrawOffers(c.db, input.stayId, c.now) > 0;
  const eventId = insertStayEvent(c.db, input.stayId, c.actorId, c.now, 'discharged', { type: input.type, ...detail });
  return {
    stayId: input.stayId,
    before: { status: row.status },
    wrote: { status: 'discharged', dischargedAt: at, detail, bedReleased, offerWithdrawn, eventId },
  };
}
