import type { RosterChangeKind } from '../../../shared/contract/roster';
import type { Post, ShiftInstance } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import { cached } from '../../db/statements';
import { assignmentRow, insertAssignment, isPublished, requireNoOverlap, templateShift, type AssignmentRow } from './assignments';
import { approve, type DutyCtx } from './context';
import { requireStaff } from './staff';

/**
 * Changes to a published roster (DOMAIN §2: "recorded as changes, never as edits"): each is a row naming its kind,
 * reason and the duty leader who approved it; it removes standing assignments (roster_removals) and adds new ones
 * (roster_assignments.change_id). The plan as published stays readable beside the roster as worked.
 */
type Approval = { userId: number; password?: string } | undefined;

export interface ChangeResult {
  changeId: number;
  days: string[];
  removed: number[];
  added: number[];
}

/** A standing assignment of a published day, named by an input field. */
function standing(c: DutyCtx, id: number, field: string): AssignmentRow {
  const row = assignmentRow(c.db, id);
  if (!row) throw new AppError('VALIDATION', 'No such assignment.', { [field]: 'v.assignmentUnknown' });
  if (row.removed_by !== null) throw new AppError('CONFLICT', 'This assignment was already changed.', { [field]: 'v.assignmentRemoved' });
  if (!isPublished(c.db, row.day)) throw new AppError('CONFLICT', 'This day is not published yet: edit the draft.', { [field]: 'v.notPublished' });
  return row;
}

/** The window an existing assignment covers, as a shift to place someone else in. */
// Stryker disable next-line StringLiteral: an assignment keeps the shift's code and window, not its name
const windowOf = (r: AssignmentRow): ShiftInstance => ({ day: r.day, code: r.shift, name: '', from: r.starts_at, to: r.ends_at, night: r.night === 1 });

function record(c: DutyCtx, kind: RosterChangeKind, reason: string, approval: Approval, detail: Record<string, unknown> = {}): number {
  const approvedBy = approve(c, approval, 'approval');
  const { lastInsertRowid } = cached(
    c.db,
    'INSERT INTO roster_changes (kind, reason, approved_by, recorded_by, recorded_at, detail) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(kind, reason, approvedBy, c.actorId, c.now, JSON.stringify(detail));
  return Number(lastInsertRowid);
}

const remove = (c: DutyCtx, assignmentId: number, changeId: number) =>
  cached(c.db, 'INSERT INTO roster_removals (assignment_id, change_id) VALUES (?, ?)').run(assignmentId, changeId);

/** Two people exchange their assignments. */
export function swap(c: DutyCtx, input: { a: number; b: number; reason: string; approval?: Approval }): ChangeResult {
  const a = standing(c, input.a, 'a');
  const b = standing(c, input.b, 'b');
  if (a.staff_id === b.staff_id) throw new AppError('VALIDATION', 'A swap is between two people.', { b: 'v.swapSame' });
  requireStaff(c.db, a.staff_id, 'a');
  requireStaff(c.db, b.staff_id, 'b');
  requireNoOverlap(c.db, b.staff_id, a.starts_at, a.ends_at, 'a', [a.id, b.id]);
  requireNoOverlap(c.db, a.staff_id, b.starts_at, b.ends_at, 'b', [a.id, b.id]);
  const changeId = record(c, 'swap', input.reason, input.approval);
  remove(c, a.id, changeId);
  remove(c, b.id, changeId);
  const added = [
    insertAssignment(c.db, { day: a.day, shift: windowOf(a), post: a.post, staffId: b.staff_id, changeId }, c.actorId, c.now),
    insertAssignment(c.db, { day: b.day, shift: windowOf(b), post: b.post, staffId: a.staff_id, changeId }, c.actorId, c.now),
  ];
  return { changeId, days: [...new Set([a.day, b.day])], removed: [a.id, b.id], added };
}

/** Someone else takes over an assignment (a no-show), from `from` (default: its start) to its end. */
export function replace(c: DutyCtx, input: { assignmentId: number; staffId: number; from?: number; reason: string; approval?: Approval }): ChangeResult {
  const row = standing(c, input.assignmentId, 'assignmentId');
  const staff = requireStaff(c.db, input.staffId, 'staffId');
  if (staff.id === row.staff_id) throw new AppError('VALIDATION', 'The replacement is someone else.', { staffId: 'v.sameStaff' });
  const from = input.from ?? row.starts_at;
  if (from < row.starts_at || from >= row.ends_at) throw new AppError('VALIDATION', 'The replacement starts during the shift.', { from: 'v.outsideShift' });
  // Stryker disable next-line ArrayDeclaration: the replaced row is another person's (v.sameStaff above), so it never clashes with the replacement's own
  requireNoOverlap(c.db, staff.id, from, row.ends_at, 'staffId', [row.id]);
  const changeId = record(c, 'replacement', input.reason, input.approval, { noShow: row.staff_id, from });
  remove(c, row.id, changeId);
  const added = [insertAssignment(c.db, { day: row.day, shift: windowOf(row), post: row.post, staffId: staff.id, from, changeId }, c.actorId, c.now)];
  return { changeId, days: [row.day], removed: [row.id], added };
}

/**
 * Sick leave from `from` to `to`: the person's standing assignments on published days in that range are removed. The
 * gaps they leave show in the coverage check until someone is added to cover them (`cover`).
 */
export function sickLeave(c: DutyCtx, input: { staffId: number; from: string; to: string; reason: string; approval?: Approval }): ChangeResult {
  const staff = requireStaffKnown(c, input.staffId);
  const rows = (
    cached(
      c.db,
      `SELECT a.id, a.day FROM roster_assignments a JOIN roster_published_days p ON p.day = a.day
       WHERE a.staff_id = ? AND a.day BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM roster_removals r WHERE r.assignment_id = a.id) ORDER BY a.starts_at`,
    ).all(staff, input.from, input.to) as { id: number; day: string }[]
  );
  if (rows.length === 0) throw new AppError('CONFLICT', 'Nothing published for this person in those days.', { staffId: 'v.noAssignments' });
  const changeId = record(c, 'sick_leave', input.reason, input.approval, { staffId: staff, from: input.from, to: input.to });
  for (const r of rows) remove(c, r.id, changeId);
  return { changeId, days: [...new Set(rows.map((r) => r.day))], removed: rows.map((r) => r.id), added: [] };
}

/** Adds someone to a published day (to fill a gap left by sick leave, or a busy night). */
export function cover(c: DutyCtx, input: { day: string; shift: string; post: Post; staffId: number; reason: string; approval?: Approval }): ChangeResult {
  const shift = templateShift(c.settings, input.day, input.shift);
  requireStaff(c.db, input.staffId, 'staffId');
  if (!isPublished(c.db, input.day)) throw new AppError('CONFLICT', 'This day is not published yet: edit the draft.', { day: 'v.notPublished' });
  requireNoOverlap(c.db, input.staffId, shift.from, shift.to, 'staffId');
  const changeId = record(c, 'cover', input.reason, input.approval);
  const added = [insertAssignment(c.db, { day: input.day, shift, post: input.post, staffId: input.staffId, changeId }, c.actorId, c.now)];
  return { changeId, days: [input.day], removed: [], added };
}

/** Sick leave names anyone in the directory, active or not (they may have left since). */
function requireStaffKnown(c: DutyCtx, id: number): number {
  if (!cached(c.db, 'SELECT 1 FROM staff WHERE id = ?').get(id)) throw new AppError('VALIDATION', 'No such staff member.', { staffId: 'v.staffUnknown' });
  return id;
}
