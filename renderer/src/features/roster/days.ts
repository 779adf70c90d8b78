import { addDays } from '../../../../shared/domain/duty';
import { parseCalendarDate } from '../../../../shared/domain/calendar';

/** 0 = Monday … 6 = Sunday: the station's week starts on Monday, as its paper rosters do. */
export function weekday(day: string): number {
  const p = parseCalendarDate(day)!;
  return (new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay() + 6) % 7;
}

export const mondayOf = (day: string) => addDays(day, -weekday(day));

/** The first and last day of `day`'s month. */
export function monthOf(day: string): { from: string; to: string } {
  const p = parseCalendarDate(day)!;
  const last = new Date(Date.UTC(p.y, p.m, 0)).getUTCDate();
  const ym = day.slice(0, 8);
  return { from: `${ym}01`, to: `${ym}${String(last).padStart(2, '0')}` };
}

/** The first day of the month `n` months from `day`'s. */
export function shiftMonth(day: string, n: number): string {
  const p = parseCalendarDate(day)!;
  const d = new Date(Date.UTC(p.y, p.m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}
