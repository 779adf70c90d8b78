import { z } from 'zod';
import { POSTS, daysBetween, type Post } from '../domain/duty';
import { isCalendarDate } from '../domain/calendar';
import { mutation, output, query } from './define';
import { shiftCode } from './duty-settings';
import { period, type ExportStarted } from './export';
import { calendarDate, currentPassword, id, requiredText, text } from './fields';

/**
 * Rosters (DOMAIN §2, issue 10): the staff directory, assignments of people to posts and shifts, publishing, the
 * changes recorded after publishing, the coverage check, and who is on duty now.
 */

/** Someone who can be rostered: an account, or staff who never sign in. */
export interface StaffEntry {
  id: number;
  /** The account, or null for staff who never sign in (contracted guards, cleaners). */
  userId: number | null;
  name: string;
  job: string | null;
  posts: Post[];
  /** The posts come from the account's roles (none were set in the directory). */
  postsFromRoles: boolean;
  active: boolean;
  /** A duty leader's account: may be rostered as leader on duty and sign handovers. */
  leader: boolean;
}

export interface StaffRef {
  id: number;
  name: string;
}

export interface RosterAssignment {
  id: number;
  day: string;
  shift: string;
  post: Post;
  staff: StaffRef;
  startsAt: number;
  endsAt: number;
  night: boolean;
  /** The change that added it after publishing, or null for the plan. */
  addedBy: number | null;
  /** The change that removed it after publishing, or null while it stands. */
  removedBy: number | null;
}

export const CHANGE_KINDS = ['swap', 'replacement', 'sick_leave', 'cover'] as const;
export type RosterChangeKind = (typeof CHANGE_KINDS)[number];

export interface RosterChange {
  id: number;
  kind: RosterChangeKind;
  reason: string;
  approvedBy: StaffRef;
  recordedBy: StaffRef;
  recordedAt: number;
  added: number[];
  removed: number[];
  detail: Record<string, unknown>;
}

/** An hour (or, for a daily minimum, a day; for a shift's minimum, that shift) with fewer people at a post than required. */
export interface CoverageGap {
  day: string;
  /** The wall-clock hour (0–23), or null for a daily minimum. */
  hour: number | null;
  /** The shift, for a shift's minimum. */
  shift: string | null;
  post: Post;
  need: number;
  have: number;
  /** The instant the gap begins. */
  at: number;
}

/**
 * - `overlap`: the same person in two shifts at once (detail: minutes of overlap);
 * - `rest`: less than the minimum rest between one shift's end and the next's start (detail: minutes of rest);
 * - `nights`: more night shifts in a row than allowed (detail: how many);
 * - `unqualified`: a post filled by someone not qualified for it, or no longer active (detail: the post, or 'inactive').
 */
export interface RosterConflict {
  kind: 'overlap' | 'rest' | 'nights' | 'unqualified';
  staff: StaffRef;
  days: string[];
  assignmentIds: number[];
  detail: string;
}

export interface RosterCheck {
  from: string;
  to: string;
  gaps: CoverageGap[];
  conflicts: RosterConflict[];
}

export interface RosterPublication {
  id: number;
  from: string;
  to: string;
  publishedAt: number;
  publishedBy: StaffRef;
  gaps: number;
  conflicts: number;
  override: { reason: string; by: StaffRef } | null;
}

/**
 * The roster of a range of days: every assignment of those days and of the day before (its night shift runs into the
 * first day), planned and changed. As published: `addedBy === null`; as worked: `removedBy === null`.
 */
export interface RosterView {
  from: string;
  to: string;
  published: { day: string; publicationId: number }[];
  publications: RosterPublication[];
  assignments: RosterAssignment[];
  changes: RosterChange[];
  check: RosterCheck;
}

export interface OnDutyNow {
  now: number;
  shift: { day: string; code: string; name: string; from: number; to: number } | null;
  /** The leader on duty for the current shift (rostered in it, else on its roster day). */
  leaders: StaffRef[];
  /** Everyone rostered now, by post. */
  onDuty: { post: Post; staff: StaffRef[] }[];
  /** When the current shift ends and is handed over. */
  nextHandoverAt: number | null;
}

/** Refines a range of roster days, `from` to `to` inclusive: forwards, and at most `max` days. */
function rangeRule(max: number) {
  return (v: { from: string; to: string }, ctx: z.RefinementCtx) => {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: zod runs this refinement only once both days parsed (calendarDate aborts on a day that is not a date), so the guard changes no outcome; it stays should that change
    if (!isCalendarDate(v.from) || !isCalendarDate(v.to)) return;
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.rangeReversed' });
    else if (daysBetween(v.from, v.to) >= max) ctx.addIssue({ code: 'custom', path: ['to'], message: 'v.rangeTooLong', params: { days: max } });
  };
}

/** A range of roster days, at most `max` of them. */
export const dayRange = (max: number) => z.object({ from: calendarDate, to: calendarDate }).superRefine(rangeRule(max));

/**
 * A duty leader approving a change or an override: the signed-in user if they are one (no password), or another duty
 * leader at this desk, who types their own password.
 */
export const approval = z.object({ userId: id, password: currentPassword.optional() });

export const staffSaveInput = z
  .object({
    id: id.optional(),
    name: requiredText(40).optional(),
    job: text(40).optional(),
    /** The posts they can fill; null puts an account back to the posts of its roles. */
    posts: z.array(z.enum(POSTS)).max(POSTS.length).nullable().optional(),
    active: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.id === undefined && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'v.required' });
    if (v.id === undefined && !v.posts?.length) ctx.addIssue({ code: 'custom', path: ['posts'], message: 'v.required' });
  });

const slot = { day: calendarDate, shift: shiftCode, post: z.enum(POSTS), staffId: id };
const change = { reason: requiredText(300), approval: approval.optional() };

export const publishInput = z
  .object({
    from: calendarDate,
    to: calendarDate,
    /** Publishing with gaps or conflicts: a duty leader's override, with why. */
    override: z.object({ reason: requiredText(300), leader: approval.optional() }).optional(),
  })
  .superRefine(rangeRule(62));

export const sickLeaveInput = z
  .object({ staffId: id, from: calendarDate, to: calendarDate, ...change })
  .superRefine(rangeRule(62));

/** What a change to the roster returns: the coverage check of the days it touched (the check runs on every change). */
export interface RosterUpdate {
  ids: number[];
  check: RosterCheck;
}

export const rosterContract = {
  'roster.staff': query('roster.read', z.object({}).strict(), output<StaffEntry[]>()),
  'roster.staffSave': mutation('roster.write', staffSaveInput, output<StaffEntry>()),
  'roster.get': query('roster.read', dayRange(62), output<RosterView>()),
  'roster.check': query('roster.read', dayRange(62), output<RosterCheck>()),
  'roster.onDuty': query('roster.read', z.object({}).strict(), output<OnDutyNow>()),
  // Drafts: days not yet published.
  'roster.assign': mutation('roster.write', z.object(slot), output<RosterUpdate>()),
  'roster.unassign': mutation('roster.write', z.object({ assignmentId: id }), output<RosterUpdate>()),
  'roster.copyWeek': mutation('roster.write', z.object({ weekStart: calendarDate }), output<RosterUpdate & { skipped: { day: string; shift: string; post: Post; staffId: number; why: string }[] }>()),
  'roster.publish': mutation('roster.write', publishInput, output<RosterUpdate & { publicationId: number; days: string[] }>()),
  // Changes after publishing, each approved by a duty leader.
  'roster.swap': mutation(
    'roster.write',
    z.object({ a: id, b: id, ...change }).refine((v) => v.a !== v.b, { path: ['b'], message: 'v.swapSame' }),
    output<RosterUpdate>(),
  ),
  /** A replacement for a no-show, from `from` (default: the start of the shift). */
  'roster.replace': mutation('roster.write', z.object({ assignmentId: id, staffId: id, from: z.number().int().optional(), ...change }), output<RosterUpdate>()),
  'roster.sickLeave': mutation('roster.write', sickLeaveInput, output<RosterUpdate>()),
  'roster.cover': mutation('roster.write', z.object({ ...slot, ...change }), output<RosterUpdate>()),
  /** The roster of a period as XLSX, through the exporter (as published and as worked, and the changes). */
  'roster.export': mutation('roster.read', period, output<ExportStarted>()),
};
