import type { HandoverSection } from '../../../shared/contract/alerts';
import type { HandoverDetail, HandoverDue, HandoverList, HandoverShift, HandoverState, HandoverSummary, StaffMember } from '../../../shared/contract/handover';
import { shiftInstance, shiftToHandOver } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import { dayStart } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { compileSections } from '../alerts/registry';
import type { DutyCtx } from '../roster/context';
import { leadersOnDuty } from '../roster/on-duty';
import { addendaOf, signaturesOf } from '../signatures';

/**
 * Shift handovers (DOMAIN §2). What the handover holds is compiled by the features' section providers (the kit's
 * registry); this code knows no feature. States: open → submitted → acknowledged → signed (see the contract).
 */
export interface HandoverRow {
  id: number;
  shift_day: string;
  shift: string;
  shift_name: string;
  shift_from: number;
  shift_to: number;
  opened_at: number;
  opened_by: number;
  compiled_at: number;
  sections: string;
  notes: string;
  submitted_at: number | null;
  submitted_by: number | null;
}

export function handoverRow(db: DB, id: number): HandoverRow {
  const row = cached(db, 'SELECT * FROM handovers WHERE id = ?').get(id) as HandoverRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such handover.');
  return row;
}

const acksOf = (db: DB, id: number) =>
  cached(db, 'SELECT a.user_id AS userId, a.at, u.display_name AS displayName FROM handover_acks a JOIN users u ON u.id = a.user_id WHERE a.handover_id = ? ORDER BY a.at, a.user_id').all(
    id,
  ) as { userId: number; at: number; displayName: string }[];

const isSignedSql = "EXISTS (SELECT 1 FROM signatures s WHERE s.entity = 'handover' AND s.entity_id = CAST(h.id AS TEXT))";

export function stateOf(db: DB, row: HandoverRow): HandoverState {
  if (cached(db, "SELECT 1 FROM signatures WHERE entity = 'handover' AND entity_id = ? LIMIT 1").get(String(row.id))) return 'signed';
  if (row.submitted_at === null) return 'open';
  return cached(db, 'SELECT 1 FROM handover_acks WHERE handover_id = ? LIMIT 1').get(row.id) ? 'acknowledged' : 'submitted';
}

/**
 * What a signature covers, read back from the database the same way when signing and when verifying: the shift, the
 * compiled sections, the notes, who opened and submitted it and when, and the acknowledgements. Names are left out
 * (an account's display name may change; its id does not), and so are the signatures and addenda themselves.
 * The sections go in as the JSON text stored: any change to it changes the hash, and hashing one string is a tenth of
 * the cost of walking a few hundred lines of objects (verify's budget is 5 ms).
 */
export function sealedForm(db: DB, id: number) {
  const h = handoverRow(db, id);
  return {
    id: h.id,
    shift: { day: h.shift_day, code: h.shift, name: h.shift_name, from: h.shift_from, to: h.shift_to },
    openedAt: h.opened_at,
    openedBy: h.opened_by,
    compiledAt: h.compiled_at,
    sections: h.sections,
    notes: h.notes,
    submittedAt: h.submitted_at,
    submittedBy: h.submitted_by,
    acknowledgements: acksOf(db, id).map((a) => ({ userId: a.userId, at: a.at })),
  };
}

const shiftOf = (h: HandoverRow): HandoverShift => ({ day: h.shift_day, code: h.shift, name: h.shift_name, from: h.shift_from, to: h.shift_to });
const member = (db: DB, userId: number): StaffMember => ({ id: userId, displayName: (cached(db, 'SELECT display_name FROM users WHERE id = ?').pluck().get(userId) as string) ?? '' });

/** The leaders on duty for the handover's shift who have accounts (only they can sign). */
export function leadersOf(db: DB, h: HandoverRow): StaffMember[] {
  // Stryker disable next-line MethodExpression: only a duty leader's account can be leader on duty (v.leaderNotSigner), so every leader has a user id and the filter keeps them all
  return leadersOnDuty(db, { day: h.shift_day, from: h.shift_from, to: h.shift_to })
    .filter((l) => l.userId !== null)
    .map((l) => ({ id: l.userId!, displayName: l.name }));
}

export function handoverDetail(db: DB, id: number): HandoverDetail {
  const h = handoverRow(db, id);
  return {
    id: h.id,
    shift: shiftOf(h),
    state: stateOf(db, h),
    openedAt: h.opened_at,
    openedBy: member(db, h.opened_by),
    compiledAt: h.compiled_at,
    sections: JSON.parse(h.sections) as HandoverSection[],
    notes: h.notes,
    submittedAt: h.submitted_at,
    submittedBy: h.submitted_by === null ? null : member(db, h.submitted_by),
    acknowledgements: acksOf(db, id).map((a) => ({ user: { id: a.userId, displayName: a.displayName }, at: a.at })),
    leadersOnDuty: leadersOf(db, h),
    signatures: signaturesOf(db, 'handover', id),
    addenda: addendaOf(db, 'handover', id),
  };
}

/**
 * The sections of the shift, from every feature's provider: what happened from its start to now (or to its end, for a
 * handover compiled after it: what happens then is the next shift's), and what stands open now.
 */
export function compile(c: DutyCtx, shift: { from: number; to: number }): string {
  const ctx = { db: c.db, now: c.now, today: c.today, settings: c.settings, actorId: null };
  // The window's end is inclusive, and the shift's is not: compiled after the shift, it ends a millisecond before the
  // next shift begins (what happens at that moment is the next shift's). A handover opened at the shift's very first
  // millisecond still covers a window that runs forwards.
  const to = Math.max(Math.min(c.now, shift.to - 1), shift.from + 1);
  return JSON.stringify(compileSections(c.handoverSections, ctx, { from: shift.from, to }));
}

/** The shift a handover opened now closes, or the one named; CONFLICT if it has not begun or already has one. */
export function shiftToOpen(c: DutyCtx, day: string | undefined, code: string | undefined): HandoverShift {
  let shift: HandoverShift | null;
  // Stryker disable next-line LogicalOperator: the contract takes a day and a shift together or neither (handoverOpenInput's refine), so either names both
  if (day !== undefined && code !== undefined) {
    const template = c.settings.shifts.find((s) => s.code === code);
    if (!template) throw new AppError('VALIDATION', 'The shift template has no such shift.', { shift: 'v.shiftUnknown' });
    shift = shiftInstance(day, template, c.settings.timeZone);
  } else {
    shift = shiftToHandOver(c.now, c.settings.shifts, c.today, c.settings.timeZone);
  }
  // Stryker disable next-line StringLiteral,ObjectLiteral: settings refuse a shift template with a gap (v.shiftsGap), so a shift to hand over is always found and this refusal is never made
  if (!shift) throw new AppError('CONFLICT', 'The shift template leaves this time uncovered.', { shift: 'v.shiftUnknown' });
  if (shift.to <= dayStart(c.settings.dateFloor, c.settings.timeZone)) {
    throw new AppError('VALIDATION', 'Nothing is recorded before the station’s date floor.', { day: 'v.beforeFloor' }, { floor: c.settings.dateFloor });
  }
  if (shift.from > c.now) throw new AppError('CONFLICT', 'This shift has not begun.', { shift: 'v.shiftNotStarted' });
  const existing = cached(c.db, 'SELECT id FROM handovers WHERE shift_day = ? AND shift = ?').pluck().get(shift.day, shift.code) as number | undefined;
  if (existing !== undefined) throw new AppError('CONFLICT', 'This shift’s handover is already open.', { shift: 'v.handoverExists' }, { handoverId: existing });
  return { day: shift.day, code: shift.code, name: shift.name, from: shift.from, to: shift.to };
}

export function openHandover(c: DutyCtx, shift: HandoverShift): number {
  const { lastInsertRowid } = cached(
    c.db,
    `INSERT INTO handovers (shift_day, shift, shift_name, shift_from, shift_to, opened_at, opened_by, compiled_at, sections)
     VALUES (@day, @code, @name, @from, @to, @now, @by, @now, @sections)`,
  ).run({ ...shift, now: c.now, by: c.actorId, sections: compile(c, shift) });
  return Number(lastInsertRowid);
}

export function handoverList(c: DutyCtx, before: number | undefined, limit: number): HandoverList {
  const rows = cached(
    c.db,
    `SELECT h.*, (SELECT count(*) FROM handover_acks a WHERE a.handover_id = h.id) AS acks,
       (SELECT s.signer_id FROM signatures s WHERE s.entity = 'handover' AND s.entity_id = CAST(h.id AS TEXT) ORDER BY s.id LIMIT 1) AS signer_id,
       (SELECT s.signed_at FROM signatures s WHERE s.entity = 'handover' AND s.entity_id = CAST(h.id AS TEXT) ORDER BY s.id LIMIT 1) AS signed_at,
       ${isSignedSql} AS signed
     FROM handovers h WHERE h.id < @before ORDER BY h.id DESC LIMIT @limit`,
  ).all({ before: before ?? Number.MAX_SAFE_INTEGER, limit: limit + 1 }) as (HandoverRow & { acks: number; signer_id: number | null; signed_at: number | null; signed: number })[];
  const items: HandoverSummary[] = rows.slice(0, limit).map((h) => ({
    id: h.id,
    shift: shiftOf(h),
    state: h.signed ? 'signed' : h.submitted_at === null ? 'open' : h.acks > 0 ? 'acknowledged' : 'submitted',
    openedBy: member(c.db, h.opened_by),
    submittedAt: h.submitted_at,
    acknowledgements: h.acks,
    signedBy: h.signer_id === null ? null : member(c.db, h.signer_id),
    signedAt: h.signed_at,
  }));
  return { due: dueHandover(c), items, next: rows.length > limit ? items[items.length - 1]!.id : null };
}

function dueHandover(c: DutyCtx): HandoverDue | null {
  const shift = shiftToHandOver(c.now, c.settings.shifts, c.today, c.settings.timeZone);
  if (!shift) return null;
  const id = cached(c.db, 'SELECT id FROM handovers WHERE shift_day = ? AND shift = ?').pluck().get(shift.day, shift.code) as number | undefined;
  return { shift: { day: shift.day, code: shift.code, name: shift.name, from: shift.from, to: shift.to }, handoverId: id ?? null };
}
