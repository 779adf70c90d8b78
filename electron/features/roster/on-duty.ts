import type { OnDutyNow, StaffRef } from '../../../shared/contract/roster';
import type { StationSettings } from '../../../shared/contract/settings';
import { POSTS, shiftAt } from '../../../shared/domain/duty';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

const DAY_MS = 86_400_000;

interface DutyRow {
  post: (typeof POSTS)[number];
  staff_id: number;
  user_id: number | null;
  name: string;
  starts_at: number;
  ends_at: number;
  day: string;
}

/**
 * Who stands on the roster during [from, to), and the leaders of the roster day `day`: one statement, two indexes
 * (roster_by_start for the window, roster_by_day for the day's leaders).
 */
function dutyRows(db: DB, from: number, to: number, day: string): DutyRow[] {
  return cached(
    db,
    `SELECT a.post, a.staff_id, s.user_id, coalesce(s.name, u.display_name) AS name, a.starts_at, a.ends_at, a.day
     FROM roster_assignments a JOIN staff s ON s.id = a.staff_id LEFT JOIN users u ON u.id = s.user_id
     WHERE ((a.starts_at > @earliest AND a.starts_at < @to AND a.ends_at > @from) OR (a.day = @day AND a.post = 'leader'))
       AND NOT EXISTS (SELECT 1 FROM roster_removals r WHERE r.assignment_id = a.id)
     ORDER BY a.starts_at, a.id`,
  ).all({ earliest: from - DAY_MS - 1, from, to, day }) as DutyRow[];
}

/**
 * The leader on duty for a shift: the leaders rostered during it; if none is, the leaders of its roster day (a station
 * that rosters its leader once a day, for the day shift, has them lead the night that follows too).
 */
function leadersAmong(rows: DutyRow[], shift: { day: string; from: number; to: number }): DutyRow[] {
  const leaders = rows.filter((r) => r.post === 'leader');
  const during = leaders.filter((r) => r.starts_at < shift.to && r.ends_at > shift.from);
  // Stryker disable next-line MethodExpression: every leader row dutyRows reads is either during the shift or of its roster day (its WHERE), so when none is during, all are of the day
  const chosen = during.length ? during : leaders.filter((r) => r.day === shift.day);
  return [...new Map(chosen.map((r) => [r.staff_id, r])).values()];
}

export function leadersOnDuty(db: DB, shift: { day: string; from: number; to: number }): { staffId: number; userId: number | null; name: string }[] {
  return leadersAmong(dutyRows(db, shift.from, shift.to, shift.day), shift).map((r) => ({ staffId: r.staff_id, userId: r.user_id, name: r.name }));
}

/** "On duty now" for the header of every screen: the current shift, its leader, who holds each post, the next handover. */
export function onDutyNow(db: DB, settings: StationSettings, now: number, today: string): OnDutyNow {
  const shift = shiftAt(now, settings.shifts, today, settings.timeZone);
  // Stryker disable next-line ObjectLiteral,ArrayDeclaration: settings refuse a shift template with a gap (v.shiftsGap), so shiftAt always finds the shift running now and this answer is never given
  if (!shift) return { now, shift: null, leaders: [], onDuty: [], nextHandoverAt: null };
  const rows = dutyRows(db, shift.from, shift.to, shift.day);
  const ref = (r: DutyRow): StaffRef => ({ id: r.staff_id, name: r.name });
  const current = rows.filter((r) => r.starts_at <= now && now < r.ends_at);
  const onDuty = POSTS.map((post) => ({ post, staff: [...new Map(current.filter((r) => r.post === post).map((r) => [r.staff_id, ref(r)])).values()] })).filter(
    (p) => p.staff.length > 0,
  );
  return {
    now,
    shift: { day: shift.day, code: shift.code, name: shift.name, from: shift.from, to: shift.to },
    leaders: leadersAmong(rows, shift).map(ref),
    onDuty,
    nextHandoverAt: shift.to,
  };
}
