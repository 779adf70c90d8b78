import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The station-calendar day (YYYY-MM-DD) of an instant, in the station's time zone. */
export function stationDay(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}

/** The instant a station-calendar day starts. */
export function dayStart(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
}
