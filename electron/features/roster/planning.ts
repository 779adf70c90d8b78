import type { z } from 'zod';
import type { publishInput } from '../../../shared/contract/roster';
import { addDays, daysFrom, type Post } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import { cached } from '../../db/statements';
import { assignmentRow, assignmentsOfDays, insertAssignment, isPublished, requireNoOverlap, templateShift } from './assignments';
import { approve, type DutyCtx } from './context';
import { rosterCheck } from './coverage';
import { requireStaff, staffEntry } from './staff';

/**
 * The roster before publishing: drafts are edited freely (assign, unassign, copy last week); publishing fixes a week
 * or a month, after the coverage check, with a duty leader's override if it found gaps or conflicts.
 */

function requireDraft(c: DutyCtx, day: string, field: string): void {
  if (isPublished(c.db, day)) throw new AppError('CONFLICT', 'This day is published: record a change instead.', { [field]: 'v.published' });
}

export function assign(c: DutyCtx, input: { day: string; shift: string; post: Post; staffId: number }): number {
  const shift = templateShift(c.settings, input.day, input.shift);
  requireStaff(c.db, input.staffId, 'staffId');
  requireDraft(c, input.day, 'day');
  const same = cached(c.db, 'SELECT 1 FROM roster_assignments WHERE day = ? AND shift = ? AND post = ? AND staff_id = ? AND change_id IS NULL').get(
    input.day,
    input.shift,
    input.post,
    input.staffId,
  );
  if (same) throw new AppError('CONFLICT', 'Already on the roster there.', { staffId: 'v.alreadyAssigned' });
  requireNoOverlap(c.db, input.staffId, shift.from, shift.to, 'staffId');
  return insertAssignment(c.db, { day: input.day, shift, post: input.post, staffId: input.staffId, changeId: null }, c.actorId, c.now);
}

export function unassign(c: DutyCtx, assignmentId: number): { day: string } {
  const row = assignmentRow(c.db, assignmentId);
  if (!row) throw new AppError('NOT_FOUND', 'No such assignment.');
  requireDraft(c, row.day, 'assignmentId');
  cached(c.db, 'DELETE FROM roster_assignments WHERE id = ?').run(assignmentId);
  return { day: row.day };
}

export interface Skipped {
  day: string;
  shift: string;
  post: Post;
  staffId: number;
  why: string;
}

/**
 * Copies the plan of the seven days before `weekStart` onto the seven days from it, with each shift's window from the
 * current template. Published days, shifts no longer in the template, staff no longer active, places already filled
 * by the same person and overlaps are skipped and reported.
 */
export function copyWeek(c: DutyCtx, weekStart: string): { ids: number[]; skipped: Skipped[] } {
  const source = assignmentsOfDays(c.db, addDays(weekStart, -7), addDays(weekStart, -1)).filter((r) => r.change_id === null);
  if (source.length === 0) throw new AppError('CONFLICT', 'The week before has no roster to copy.', { weekStart: 'v.nothingToCopy' });
  const ids: number[] = [];
  const skipped: Skipped[] = [];
  for (const r of source) {
    const day = addDays(r.day, 7);
    const skip = (why: string) => void skipped.push({ day, shift: r.shift, post: r.post, staffId: r.staff_id, why });
    if (isPublished(c.db, day)) {
      skip('published');
      continue;
    }
    const shift = c.settings.shifts.find((s) => s.code === r.shift) ? templateShift(c.settings, day, r.shift) : null;
    if (!shift) {
      skip('shiftUnknown');
      continue;
    }
    if (!staffEntry(c.db, r.staff_id)?.active) {
      skip('inactive');
      continue;
    }
    if (cached(c.db, 'SELECT 1 FROM roster_assignments WHERE day = ? AND shift = ? AND post = ? AND staff_id = ? AND change_id IS NULL').get(day, r.shift, r.post, r.staff_id)) {
      skip('duplicate');
      continue;
    }
    try {
      requireNoOverlap(c.db, r.staff_id, shift.from, shift.to, 'weekStart');
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skip('overlap');
      continue;
    }
    ids.push(insertAssignment(c.db, { day, shift, post: r.post, staffId: r.staff_id, changeId: null }, c.actorId, c.now));
  }
  return { ids, skipped };
}

/**
 * Publishes the days of [from, to] not yet published. The coverage check runs first; with gaps or conflicts, a duty
 * leader overrides with a reason (CONFLICT `v.coverageGaps` at `override.reason` without one). The check as it stood
 * is kept with the publication.
 */
export function publish(c: DutyCtx, input: z.output<typeof publishInput>) {
  const days = daysFrom(input.from, input.to).filter((d) => !isPublished(c.db, d));
  if (days.length === 0) throw new AppError('CONFLICT', 'These days are already published.', { from: 'v.alreadyPublished' });
  const check = rosterCheck(c.db, c.settings, input.from, input.to);
  const problems = check.gaps.length + check.conflicts.length;
  let override: { reason: string; by: number } | null = null;
  if (problems > 0) {
    if (!input.override) {
      throw new AppError('CONFLICT', 'The roster has gaps or conflicts: a duty leader must override them.', { 'override.reason': 'v.coverageGaps' }, {
        gaps: check.gaps.length,
        conflicts: check.conflicts.length,
      });
    }
    override = { reason: input.override.reason, by: approve(c, input.override.leader, 'override.leader') };
  }
  const { lastInsertRowid } = cached(
    c.db,
    `INSERT INTO roster_publications (from_day, to_day, published_at, published_by, gaps, conflicts, override_reason, override_by, check_detail)
     VALUES (@from, @to, @now, @by, @gaps, @conflicts, @reason, @overrideBy, @detail)`,
  ).run({
    from: input.from,
    to: input.to,
    now: c.now,
    by: c.actorId,
    gaps: check.gaps.length,
    conflicts: check.conflicts.length,
    reason: override?.reason ?? null,
    overrideBy: override?.by ?? null,
    detail: JSON.stringify(check),
  });
  const publicationId = Number(lastInsertRowid);
  const mark = cached(c.db, 'INSERT INTO roster_published_days (day, publication_id) VALUES (?, ?)');
  for (const day of days) mark.run(day, publicationId);
  return { publicationId, days, check, override };
}
