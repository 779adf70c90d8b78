import type { CoverageGap, RosterCheck, RosterConflict } from '../../../shared/contract/roster';
import type { StationSettings } from '../../../shared/contract/settings';
import { addDays, daysFrom, hoursOf, leastCover, shiftInstance, wallInstant, type StaffingRule } from '../../../shared/domain/duty';
import type { DB } from '../../db/open';
import { standingOfDays, type AssignmentRow } from './assignments';
import { listStaff, qualifiedPosts } from './staff';

const MINUTE = 60_000;

/**
 * The coverage check of the roster days `from`…`to` as they stand (as worked where published): each gap (day, hour,
 * post) against the staffing minimums, and each conflict that involves an assignment of those days — overlapping
 * shifts, too little rest, too many nights in a row, a post its holder is not qualified for. A night shift counts on
 * both of its days: the one before `from` is read, and so are the days around the range that the rest and night
 * rules look at. One indexed read of the assignments; the rest is arithmetic over a few hundred rows a month.
 */
export function rosterCheck(db: DB, settings: StationSettings, from: string, to: string): RosterCheck {
  const pad = Math.max(settings.maxNightsInRow, 2) + 1;
  const rows = standingOfDays(db, addDays(from, -pad), addDays(to, pad));
  return { from, to, gaps: gapsOf(rows, settings, from, to), conflicts: conflictsOf(db, rows, settings, from, to) };
}

function gapsOf(rows: AssignmentRow[], settings: StationSettings, from: string, to: string): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  const spansOf = (rule: StaffingRule) => rows.filter((r) => r.post === rule.post).map((r) => ({ from: r.starts_at, to: r.ends_at }));
  const tz = settings.timeZone;
  for (const rule of settings.staffing) {
    const spans = spansOf(rule);
    for (const day of daysFrom(from, to)) {
      const gap = (hour: number | null, shift: string | null, have: number, at: number) => {
        if (have < rule.min) gaps.push({ day, hour, shift, post: rule.post, need: rule.min, have, at });
      };
      if (rule.scope === 'hour') {
        for (const h of hoursOf(day, tz)) gap(h.hour, null, leastCover(spans, h.from, h.to), h.from);
      } else if (rule.scope === 'day') {
        gap(null, null, new Set(rows.filter((r) => r.day === day && r.post === rule.post).map((r) => r.staff_id)).size, wallInstant(day, 0, tz));
      } else {
        const template = settings.shifts.find((s) => s.code === rule.shift);
        if (!template) continue; // settings are checked as a whole when saved; a rule cannot outlive its shift
        const shift = shiftInstance(day, template, tz);
        // The day's hours come in order, so the first to end after the shift starts is the hour it starts in.
        // Stryker disable next-line OptionalChaining: a shift of a roster day starts within that day's hours, so one is always found
        const startHour = hoursOf(day, tz).find((h) => shift.from < h.to)?.hour ?? null;
        gap(startHour, shift.code, leastCover(spans, shift.from, shift.to), shift.from);
      }
    }
  }
  return gaps.sort((a, b) => a.at - b.at || (a.hour === null ? -1 : 0) - (b.hour === null ? -1 : 0) || a.post.localeCompare(b.post));
}

function conflictsOf(db: DB, rows: AssignmentRow[], settings: StationSettings, from: string, to: string): RosterConflict[] {
  const inRange = (day: string) => day >= from && day <= to;
  const out: RosterConflict[] = [];
  const byStaff = new Map<number, AssignmentRow[]>();
  for (const r of rows) byStaff.set(r.staff_id, [...(byStaff.get(r.staff_id) ?? []), r]);
  const staff = new Map(listStaff(db).map((s) => [s.id, s]));
  const minRest = settings.minRestHours * 60 * MINUTE;

  for (const [staffId, list] of byStaff) {
    const who = { id: staffId, name: list[0]!.staff_name };
    const conflict = (kind: RosterConflict['kind'], involved: AssignmentRow[], detail: string) => {
      if (involved.some((r) => inRange(r.day))) {
        // Stryker disable next-line MethodExpression: the rows come in order of start, and a roster day's shift starts on that day, so their days are in order already
        out.push({ kind, staff: who, days: [...new Set(involved.map((r) => r.day))].sort(), assignmentIds: involved.map((r) => r.id), detail });
      }
    };
    // Rows come ordered by start. `last` is the one ending latest so far: the next must not start before it ends,
    // and must start at least the minimum rest after it.
    let last: AssignmentRow | null = null;
    for (const r of list) {
      if (last && r.starts_at < last.ends_at) conflict('overlap', [last, r], String((Math.min(last.ends_at, r.ends_at) - r.starts_at) / MINUTE));
      else if (last && r.starts_at - last.ends_at < minRest) conflict('rest', [last, r], String((r.starts_at - last.ends_at) / MINUTE));
      if (!last || r.ends_at > last.ends_at) last = r;
    }
    // Night shifts on consecutive roster days (in day order already: the rows come by start, and a shift starts on its day).
    const nights = list.filter((r) => r.night === 1);
    let run: AssignmentRow[] = [];
    const closeRun = () => {
      const days = new Set(run.map((r) => r.day)).size;
      if (days > settings.maxNightsInRow) conflict('nights', run, String(days));
      run = [];
    };
    for (const r of nights) {
      const previous = run[run.length - 1];
      if (previous && r.day !== previous.day && r.day !== addDays(previous.day, 1)) closeRun();
      run.push(r);
    }
    closeRun();
    // Posts the person may not fill (or nobody active any more).
    const entry = staff.get(staffId);
    // Stryker disable next-line ArrayDeclaration: without a directory entry every row is listed as inactive below, before `qualified` is read
    const qualified = entry ? qualifiedPosts(entry) : [];
    for (const r of list) {
      // Stryker disable next-line OptionalChaining: every assignment names a row of the staff directory (a foreign key), and none is ever deleted
      if (!entry?.active) conflict('unqualified', [r], 'inactive');
      else if (!qualified.includes(r.post)) conflict('unqualified', [r], r.post);
    }
  }
  const order = { overlap: 0, rest: 1, nights: 2, unqualified: 3 };
  return out.sort((a, b) => a.days[0]!.localeCompare(b.days[0]!) || order[a.kind] - order[b.kind] || a.staff.id - b.staff.id);
}
