import { z } from 'zod';
import { ARRIVAL_CHANNELS, CONDITIONS, SEXES, type AgeGroup, type Condition, type StayClock } from '../domain/person';
import type { StayStatus } from '../domain/stay';
import { mutation, output, query } from './define';
import { period, type ExportStarted } from './export';
import { isCalendarDate } from '../domain/calendar';
import { dayStart, stationDay } from '../domain/time';
import { currentPassword, eventTime, id, requiredText as required, text, wholeNumber } from './fields';
import { personFields, type PersonDetail } from './people';
import { validationContext } from './validation-context';

export const REFUSAL_REASONS = ['not_eligible', 'refuses_safety_check', 'refuses_information', 'false_information', 'can_pay', 'demands_cash'] as const;
export const TRIAGE_DECISIONS = ['admit', 'hospital', 'police', 'refuse'] as const;
export const SERVICE_KINDS = ['meal', 'medical', 'family_call', 'ticket', 'note'] as const;
export const DISCHARGE_TYPES = [
  'return_home',
  'family_collected',
  'self_discharge',
  'left_without_notice',
  'foster_care',
  'hospital',
  'other_agency',
  'assistance_ended',
  'death',
] as const;
export type DischargeType = (typeof DISCHARGE_TYPES)[number];

/** Quick intake: a person registered in a few fields; the rest is completed later. */
export const registerInput = z
  .object({
    /** An existing person (a repeat visitor found by search-before-create), or a new one below. */
    personId: id.optional(),
    person: personFields.pick({ name: true, sex: true, estimatedAge: true, birthDate: true, idNumber: true, description: true }).optional(),
    channel: z.enum(ARRIVAL_CHANNELS),
    channelDetail: z
      .object({
        unit: text(80).optional(), // police station, city-management team, hospital, other station
        officers: text(80).optional(),
        handoverAt: eventTime.optional(),
        referrer: text(80).optional(),
        phone: text(40).optional(),
      })
      .default({}),
    arrivedAt: eventTime,
    /** Why the arrival is registered so long after it happened (required beyond the setting's hours). */
    lateReason: text(300).optional(),
  })
  .superRefine((v, ctx) => {
    const { now, timeZone, lateRegistrationHours } = validationContext();
    if (v.arrivedAt < now - lateRegistrationHours * 3_600_000 && !v.lateReason) {
      ctx.addIssue({ code: 'custom', path: ['lateReason'], message: 'v.lateReason', params: { hours: lateRegistrationHours } });
    }
    // Nobody arrives before they were born (a person already on record is checked against their record). A birth
    // date refused in its own right (in the future) is said once, at its field.
    const born = v.person?.birthDate;
    if (isCalendarDate(born) && born <= stationDay(now, timeZone) && v.arrivedAt < dayStart(born, timeZone)) {
      ctx.addIssue({ code: 'custom', path: ['arrivedAt'], message: 'v.beforeBirth' });
    }
    // A new person needs a name or, when the name is unknown, a description; a known person needs neither.
    if (v.personId === undefined && !v.person?.name && !v.person?.description) {
      ctx.addIssue({ code: 'custom', path: ['person', 'name'], message: 'v.nameOrDescription' });
    }
    if (v.channel === 'police' && !v.channelDetail.unit) {
      ctx.addIssue({ code: 'custom', path: ['channelDetail', 'unit'], message: 'v.policeUnit' });
    }
  });

const dischargeBase = { stayId: id, note: text(500).optional(), dischargedAt: eventTime.optional() };
export const dischargeInput = z.discriminatedUnion('type', [
  z.object({
    ...dischargeBase,
    type: z.literal('return_home'),
    ticket: required(120), // ticket or travel voucher
    /** Cash only for local transport, at most 20 yuan, with a signed receipt. */
    cashFen: z.number().int().min(0).max(2000, { message: 'v.cashLimit' }).default(0),
    receiptSigned: z.boolean().default(false),
    /** Under 16: escorted home (staff or family), never sent alone. */
    escort: text(80).optional(),
  }),
  z.object({ ...dischargeBase, type: z.literal('family_collected'), collectorName: required(40), relation: required(20), collectorIdNumber: required(18) }),
  z.object({ ...dischargeBase, type: z.literal('self_discharge'), declarationSigned: z.literal(true, { message: 'v.declarationRequired' }) }),
  z.object({ ...dischargeBase, type: z.literal('left_without_notice'), record: required(500) }),
  z.object({ ...dischargeBase, type: z.literal('foster_care'), home: required(120) }),
  z.object({ ...dischargeBase, type: z.literal('hospital'), hospital: required(120) }),
  z.object({ ...dischargeBase, type: z.literal('other_agency'), agency: required(120) }),
  z.object({ ...dischargeBase, type: z.literal('assistance_ended'), notice: required(500) }),
  z.object({ ...dischargeBase, type: z.literal('death'), policeInformed: z.literal(true, { message: 'v.policeInformed' }), policeUnit: required(80) }),
]);
export type DischargeInput = z.input<typeof dischargeInput>;

export const triageInput = z
  .object({
    stayId: id,
    decision: z.enum(TRIAGE_DECISIONS),
    temperatureC: z.number().min(30, { message: 'v.temperature' }).max(45, { message: 'v.temperature' }).optional(),
    conditions: z.array(z.enum(CONDITIONS)).default([]),
    refusalReason: z.enum(REFUSAL_REASONS).optional(),
    destination: text(120).optional(), // hospital or police unit
    note: text(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refuse' && !v.refusalReason) ctx.addIssue({ code: 'custom', path: ['refusalReason'], message: 'v.required' });
    if ((v.decision === 'hospital' || v.decision === 'police') && !v.destination) {
      ctx.addIssue({ code: 'custom', path: ['destination'], message: 'v.required' });
    }
  });

/** The second witness co-signs with their own password: a witness is someone who was there. */
const coSigner = z.object({ userId: id, password: currentPassword });

export const safetyCheckInput = z.object({ stayId: id, findings: required(500), disposition: required(500), witness: coSigner });
export const custodyAddInput = z.object({
  stayId: id,
  items: z
    .array(
      z.object({
        description: required(120),
        quantity: wholeNumber(1, 10_000, 'v.quantity'),
        cashFen: z.number().int().min(0).max(100_000_000).default(0),
        storagePlace: required(60),
      }),
    )
    .min(1, { message: 'v.itemsRequired' }),
  witness: coSigner,
});
export const custodySettleInput = z
  .object({ itemId: id, kind: z.enum(['returned', 'disposed', 'handed_over']), reason: text(300).optional(), clientConfirmed: z.boolean().default(false) })
  .superRefine((v, ctx) => {
    if (v.kind === 'returned' && !v.clientConfirmed) ctx.addIssue({ code: 'custom', path: ['clientConfirmed'], message: 'v.clientConfirm' });
    if (v.kind !== 'returned' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'v.required' });
  });

export interface StaffMember {
  id: number;
  displayName: string;
}

export interface BedView {
  id: number;
  label: string;
  occupant: { stayId: number; personId: number; name: string | null; description: string | null } | null;
}
/** A zone and its placement rules (sex, age range, medical), as every view of zones carries them. */
export interface ZoneRules {
  id: number;
  code: string;
  name: string;
  sex: 'male' | 'female' | null;
  minAge: number | null;
  maxAge: number | null;
  medical: boolean;
}
export interface ZoneView extends ZoneRules {
  beds: BedView[];
  occupied: number;
}

export interface CustodyItem {
  id: number;
  description: string;
  quantity: number;
  cashFen: number;
  storagePlace: string;
  receivedAt: number;
  staff: [string, string];
  settlement: { kind: 'returned' | 'disposed' | 'handed_over'; reason: string | null; clientConfirmed: boolean; at: number; by: string } | null;
}

export interface StayEvent {
  id: number;
  at: number;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
}

export interface FamilySearchTask {
  id: number;
  kind: 'notice' | 'dna_request' | 'notice_refresh';
  dueAt: number;
  doneAt: number | null;
  doneBy: string | null;
  note: string | null;
  state: 'done' | 'due' | 'overdue' | 'upcoming';
}

export interface StayDetail {
  id: number;
  person: PersonDetail;
  arrivedAt: number;
  arrivedOn: string;
  /** Why the arrival was registered late (more than the setting's hours after it happened), or null. */
  lateReason: string | null;
  channel: (typeof registerInput)['_output']['channel'];
  channelDetail: Record<string, unknown>;
  status: StayStatus;
  owner: StaffMember;
  registeredBy: StaffMember;
  /** A case offered to a colleague and not yet answered; the note is what the owner asked them to follow up. */
  pendingOffer: { id: number; to: StaffMember; from: StaffMember; note: string | null; offeredAt: number } | null;
  temperatureC: number | null;
  conditions: Condition[];
  age: number | null;
  ageGroup: AgeGroup;
  clock: StayClock;
  triage: { decision: string; refusalReason?: string; destination?: string; note?: string; at: number; by: string } | null;
  bed: { bedId: number; label: string; zone: string; since: number } | null;
  safetyChecks: { id: number; at: number; findings: string; disposition: string; witnesses: [string, string] }[];
  custody: CustodyItem[];
  extensions: { id: number; days: number; reason: string; approvedBy: string; at: number }[];
  familySearch: FamilySearchTask[];
  services: StayEvent[];
  events: StayEvent[];
  discharge: { type: DischargeType; at: number; detail: Record<string, unknown> } | null;
  incomplete: boolean;
}

export interface BoardLine {
  stayId: number;
  personId: number;
  name: string | null;
  description: string | null;
  owner: string;
  detail: string; // a short machine value (e.g. days, task kind, zone) the UI formats
  at: number | null;
}

/** The board's lists, each a count and its first lines; "all" pages through one with `intake.boardList`. */
export const BOARD_LISTS = [
  'arrivals',
  'departures',
  'awaitingTriage',
  'withoutBed',
  'nearLimit',
  'overLimit',
  'familySearchDue',
  'openCustody',
  'incomplete',
  'offersToMe',
] as const;
export type BoardListKey = (typeof BOARD_LISTS)[number];
/** Lines the board carries per list: its payload and DOM stay the same size however large the station grows. */
export const BOARD_FIRST_LINES = 8;
export const BOARD_PAGE_MAX = 100;

export interface BoardList {
  /** Every line of the list, not only those carried. */
  count: number;
  lines: BoardLine[];
}

export type TodayBoard = {
  today: string;
  zones: { id: number; name: string; beds: number; occupied: number }[];
  residents: number;
} & Record<BoardListKey, BoardList>;

export interface ZoneConfig extends ZoneRules {
  active: boolean;
  beds: { id: number; label: string; active: boolean; occupied: boolean }[];
}

const age = wholeNumber(0, 120, 'v.age').nullable().optional();
export const zoneSaveInput = z.object({
  id: id.optional(),
  code: z.string().trim().regex(/^[a-z0-9_-]{2,20}$/, { message: 'v.zoneCode' }),
  name: required(20),
  sex: z.enum(SEXES).nullable().optional(),
  minAge: age,
  maxAge: age,
  medical: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const intakeContract = {
  /**
   * The intake register (接待登记台账) of the stays that arrived in a period, as XLSX for the bureau. Personal data
   * leaves the system: the audit row names who exported which period and how many rows.
   */
  'intake.exportRegister': mutation('intake.read', period, output<ExportStarted>()),
  'intake.register': mutation('intake.write', registerInput, output<{ stayId: number; personId: number }>()),
  'intake.get': query('intake.read', z.object({ stayId: id }), output<StayDetail>()),
  'intake.board': query('intake.read', z.object({}).strict(), output<TodayBoard>()),
  'intake.boardList': query(
    'intake.read',
    z.object({ list: z.enum(BOARD_LISTS), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(BOARD_PAGE_MAX).default(20) }).strict(),
    output<BoardList>(),
  ),
  'intake.staff': query('intake.read', z.object({}).strict(), output<StaffMember[]>()),
  'intake.triage': mutation('intake.write', triageInput, output<StayDetail>()),
  'intake.setConditions': mutation(
    'intake.write',
    z.object({ stayId: id, conditions: z.array(z.enum(CONDITIONS)), temperatureC: triageInput.shape.temperatureC }),
    output<StayDetail>(),
  ),
  'intake.safetyCheck': mutation('intake.write', safetyCheckInput, output<StayDetail>()),
  'intake.custodyAdd': mutation('intake.write', custodyAddInput, output<StayDetail>()),
  'intake.custodySettle': mutation('intake.write', custodySettleInput, output<StayDetail>()),
  'intake.beds': query('intake.read', z.object({}).strict(), output<ZoneView[]>()),
  'intake.assignBed': mutation(
    'intake.write',
    z
      .object({ stayId: id, bedId: id.optional(), zoneId: id.optional(), reason: text(200).optional() })
      .refine((v) => v.bedId !== undefined || v.zoneId !== undefined, { message: 'v.required', path: ['bedId'] }),
    output<StayDetail>(),
  ),
  'intake.extend': mutation('intake.approve', z.object({ stayId: id, days: wholeNumber(1, 90), reason: required(300) }), output<StayDetail>()),
  'intake.completeTask': mutation('intake.write', z.object({ taskId: id, note: required(300) }), output<StayDetail>()),
  'intake.addService': mutation('intake.write', z.object({ stayId: id, kind: z.enum(SERVICE_KINDS), note: required(300) }), output<StayDetail>()),
  'intake.offerOwnership': mutation('intake.write', z.object({ stayId: id, toUserId: id, note: text(200).optional() }), output<StayDetail>()),
  'intake.answerOwnership': mutation('intake.write', z.object({ offerId: id, accept: z.boolean() }), output<StayDetail>()),
  'intake.discharge': mutation('intake.write', dischargeInput, output<StayDetail>()),
  /** Zones and beds are the station's to configure (administrators). */
  'intake.zones': query('settings.manage', z.object({}).strict(), output<ZoneConfig[]>()),
  'intake.zoneSave': mutation('settings.manage', zoneSaveInput, output<ZoneConfig[]>()),
  'intake.bedsAdd': mutation(
    'settings.manage',
    z.object({ zoneId: id, labels: z.array(required(20)).min(1, { message: 'v.required' }).max(100) }),
    output<ZoneConfig[]>(),
  ),
  'intake.bedSetActive': mutation('settings.manage', z.object({ bedId: id, active: z.boolean() }), output<ZoneConfig[]>()),
};

export { SEXES };
