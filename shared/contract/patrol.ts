import { z } from 'zod';
import { mutation, output, query } from './define';
import { eventTime, id, requiredText, text, wholeNumber } from './fields';
import { dayRange, type StaffRef } from './roster';

/**
 * Duty patrols inside the station and the shift's incident log (DOMAIN §2, issue 10): checkpoints a barcode scanner
 * names by code, rounds with their findings, follow-up tasks, missed rounds, and incidents linked to stays.
 */
export const CHECKPOINT_KINDS = ['dormitory', 'kitchen', 'entrance', 'fire_exit', 'medical', 'other'] as const;
export const FINDING_CATEGORIES = ['fire_hazard', 'fight', 'illness', 'absconding', 'hygiene', 'facility'] as const;
export const INCIDENT_CATEGORIES = ['fight', 'illness', 'absconding', 'visitor', 'complaint', 'police_call'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export interface Checkpoint {
  id: number;
  code: string;
  name: string;
  kind: (typeof CHECKPOINT_KINDS)[number];
  zoneId: number | null;
  sort: number;
  active: boolean;
  /** Rounds are expected from this instant (0: always) … */
  activeFrom: number;
  /** … until this one. */
  retiredAt: number | null;
}

export type CheckpointRef = Pick<Checkpoint, 'id' | 'code' | 'name'>;

export interface FollowUp {
  id: number;
  source: { kind: 'round' | 'incident'; id: number };
  task: string;
  owner: StaffRef;
  dueAt: number;
  createdAt: number;
  createdBy: StaffRef;
  done: { at: number; by: StaffRef; note: string } | null;
}

export interface PatrolRound {
  id: number;
  checkpoint: CheckpointRef;
  at: number;
  walkedBy: StaffRef;
  finding: 'normal' | 'issue';
  category: FindingCategory | null;
  note: string | null;
  recordedBy: StaffRef;
  recordedAt: number;
  followUps: FollowUp[];
}

/** A slot in which a checkpoint had no round: due by `dueAt`, missed once the grace period after it ran out. */
export interface MissedRound {
  checkpoint: CheckpointRef;
  slotFrom: number;
  dueAt: number;
  missedAt: number;
}

export interface PatrolLog {
  from: string;
  to: string;
  rounds: PatrolRound[];
  missed: MissedRound[];
  /** How many slots were due in the range (done + missed; slots still open are not counted). */
  due: number;
}

/** The patrol screen's board: each checkpoint's last round and its current slot. */
export interface CheckpointStatus {
  checkpoint: CheckpointRef;
  lastRound: { at: number; walkedBy: StaffRef; finding: 'normal' | 'issue' } | null;
  /** The slot now running (null outside every patrol band) and whether its round is done. */
  slot: { from: number; dueAt: number; done: boolean } | null;
  /** Slots of the current shift already missed. */
  missed: number;
}

export interface IncidentStay {
  stayId: number;
  personId: number;
  name: string | null;
  description: string | null;
}

export interface Incident {
  id: number;
  at: number;
  category: IncidentCategory;
  description: string;
  action: string;
  stays: IncidentStay[];
  recordedBy: StaffRef;
  recordedAt: number;
  /** The entry this one corrects, and the entry that corrects this one. */
  correctsId: number | null;
  correctedBy: number | null;
  followUps: FollowUp[];
}

/**
 * A deadline: a whole number of Unix ms. It lies ahead, so it is not an `eventTime`; the main process checks it
 * against the round or incident (not before it, not beyond a year).
 */
export const deadline = z.number().int();
export const followUpInput = z.object({ task: requiredText(200), ownerId: id, dueAt: deadline });

export const patrolRecordInput = z
  .object({
    /** What the scanner typed (or the desk chose): a checkpoint's code. */
    code: z.string().trim().min(1, { message: 'v.required' }).max(40, { message: 'v.tooLong' }),
    /** When the checkpoint was walked (default: now). */
    at: eventTime.optional(),
    /** Who walked it (default: the signed-in user). */
    walkedBy: id.optional(),
    finding: z.enum(['normal', 'issue']),
    category: z.enum(FINDING_CATEGORIES).optional(),
    note: text(500).optional(),
    followUp: followUpInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.finding === 'issue' && !v.category) ctx.addIssue({ code: 'custom', path: ['category'], message: 'v.required' });
    if (v.finding === 'normal' && v.category) ctx.addIssue({ code: 'custom', path: ['category'], message: 'v.categoryNormal' });
    if (v.finding === 'normal' && v.followUp) ctx.addIssue({ code: 'custom', path: ['followUp', 'task'], message: 'v.followUpNeedsIssue' });
  });

export const checkpointSaveInput = z.object({
  id: id.optional(),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{2,20}$/, { message: 'v.checkpointCode' }),
  name: requiredText(40),
  kind: z.enum(CHECKPOINT_KINDS),
  zoneId: id.nullable().optional(),
  sort: wholeNumber(0, 999).default(0),
  active: z.boolean().default(true),
});

export const incidentRecordInput = z.object({
  at: eventTime,
  category: z.enum(INCIDENT_CATEGORIES),
  description: requiredText(1000),
  action: requiredText(1000),
  stayIds: z.array(id).max(20, { message: 'v.tooMany' }).default([]),
  /** An earlier entry this one corrects (entries are never edited). */
  correctsId: id.optional(),
  followUp: followUpInput.optional(),
});

export const patrolContract = {
  'patrol.checkpoints': query('user', z.object({}).strict(), output<Checkpoint[]>()),
  'patrol.checkpointSave': mutation('settings.manage', checkpointSaveInput, output<Checkpoint[]>()),
  'patrol.status': query('duty.read', z.object({}).strict(), output<CheckpointStatus[]>()),
  'patrol.record': mutation('duty.write', patrolRecordInput, output<PatrolRound>()),
  'patrol.log': query('duty.read', dayRange(31), output<PatrolLog>()),
  'patrol.followUps': query('duty.read', z.object({}).strict(), output<FollowUp[]>()),
  'patrol.closeFollowUp': mutation('duty.write', z.object({ id, note: requiredText(300) }), output<FollowUp>()),
  'incident.record': mutation('duty.write', incidentRecordInput, output<Incident>()),
  'incident.list': query('duty.read', dayRange(31), output<Incident[]>()),
};
