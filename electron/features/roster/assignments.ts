import type { RosterAssignment } from '../../../shared/contract/roster';
import type { StationSettings } from '../../../shared/contract/settings';
import { shiftInstance, type Post, type ShiftInstance } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

/** The roster's rows as read for views, checks and changes. `removed_by` is null while an assignment stands. */
export interface AssignmentRow {
  id: number;
  day: string;
  shift: string;
  post: Post;
  staff_id: number;
  staff_name: string;
  starts_at: number;
  ends_at: number;
  night: number;
  change_id: number | null;
  removed_by: number | null;
}

const SELECT = `SELECT a.id, a.day, a.shift, a.post, a.staff_id, coalesce(s.name, u.display_name) AS staff_name, a.starts_at, a.ends_at,
    a.night, a.change_id, r.change_id AS removed_by
  FROM roster_assignments a JOIN staff s ON s.id = a.staff_id LEFT JOIN users u ON u.id = s.user_id
  LEFT JOIN roster_removals r ON r.assignment_id = a.id`;
const STANDING = 'NOT EXISTS (SELECT 1 FROM roster_removals x WHERE x.assignment_id = a.id)';
const DAY_MS = 86_400_000;

/** Every assignment of the roster days `from`…`to`, standing or removed (roster_by_day). */
export function assignmentsOfDays(db: DB, from: string, to: string): AssignmentRow[] {
  return cached(db, `${SELECT} WHERE a.day BETWEEN ? AND ? ORDER BY a.starts_at, a.id`).all(from, to) as AssignmentRow[];
}

/** The standing assignments of those days: the roster as worked (as planned, where nothing was changed). */
export function standingOfDays(db: DB, from: string, to: string): AssignmentRow[] {
  return cached(db, `${SELECT} WHERE a.day BETWEEN ? AND ? AND ${STANDING} ORDER BY a.starts_at, a.id`).all(from, to) as AssignmentRow[];
}

export function assignmentRow(db: DB, id: number): AssignmentRow | undefined {
  return cached(db, `${SELECT} WHERE a.id = ?`).get(id) as AssignmentRow | undefined;
}

/**
 * The one rule no roster may break, checked on every write: nobody works two overlapping shifts. `except` are
 * assignments being replaced by the same change. Throws CONFLICT `v.overlap` at `field`.
 */
// Stryker disable next-line ArrayDeclaration: `except` only keeps ids out of the clash; a default holding a string keeps none out, as the empty one does (SQLite never finds an integer id equal to text)
export function requireNoOverlap(db: DB, staffId: number, from: number, to: number, field: string, except: number[] = []): void {
  const clash = cached(
    db,
    `SELECT a.id, a.day, a.shift FROM roster_assignments a WHERE a.staff_id = @staff AND a.starts_at > @earliest AND a.starts_at < @to AND a.ends_at > @from
       AND a.id NOT IN (@x1, @x2) AND ${STANDING} LIMIT 1`,
  ).get({ staff: staffId, earliest: from - DAY_MS - 1, from, to, x1: except[0] ?? 0, x2: except[1] ?? 0 }) as { id: number; day: string; shift: string } | undefined;
  if (clash) {
    throw new AppError('CONFLICT', 'This person already works a shift at that time.', { [field]: 'v.overlap' }, { assignmentId: clash.id, day: clash.day, shift: clash.shift });
  }
}

/** A shift of the current template on a roster day, or VALIDATION `v.shiftUnknown` at `field`. */
export function templateShift(settings: StationSettings, day: string, code: string, field = 'shift'): ShiftInstance {
  const shift = settings.shifts.find((s) => s.code === code);
  if (!shift) throw new AppError('VALIDATION', 'The shift template has no such shift.', { [field]: 'v.shiftUnknown' });
  return shiftInstance(day, shift, settings.timeZone);
}

export const isPublished = (db: DB, day: string): boolean => cached(db, 'SELECT 1 FROM roster_published_days WHERE day = ?').get(day) !== undefined;

export function insertAssignment(
  db: DB,
  a: { day: string; shift: ShiftInstance; post: Post; staffId: number; from?: number; changeId: number | null },
  by: number,
  now: number,
): number {
  const { lastInsertRowid } = cached(
    db,
    `INSERT INTO roster_assignments (day, shift, post, staff_id, starts_at, ends_at, night, change_id, created_at, created_by)
     VALUES (@day, @shift, @post, @staff, @from, @to, @night, @change, @now, @by)`,
  ).run({ day: a.day, shift: a.shift.code, post: a.post, staff: a.staffId, from: a.from ?? a.shift.from, to: a.shift.to, night: a.shift.night ? 1 : 0, change: a.changeId, now, by });
  return Number(lastInsertRowid);
}

export const toAssignment = (r: AssignmentRow): RosterAssignment => ({
  id: r.id,
  day: r.day,
  shift: r.shift,
  post: r.post,
  staff: { id: r.staff_id, name: r.staff_name },
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  night: r.night === 1,
  addedBy: r.change_id,
  removedBy: r.removed_by,
});
