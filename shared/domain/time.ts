import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

let lastDay = { minute: NaN, timeZone: '', day: '' };

/**
 * The station-calendar day (YYYY-MM-DD) of an instant, in the station's time zone. Most calls ask about the same
 * minute (it is "today" for each call), so the last answer is kept: days change on whole minutes in every zone
 * in use since 1972, and the time-zone arithmetic costs more than many a query.
 */
export function stationDay(ms: number, timeZone: string): string {
  const minute = Math.floor(ms / 60_000);
  if (minute === lastDay.minute && timeZone === lastDay.timeZone) return lastDay.day;
  const day = format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
  lastDay = { minute, timeZone, day };
  return day;
}

/** The instant a station-calendar day starts. */
export function dayStart(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
}
