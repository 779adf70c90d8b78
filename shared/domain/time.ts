import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

// The memo below changes how fast, never what: a memo that never answers gives the same days. Its equivalent mutants
// (a finer key, an emptied or unset memo, a memo never consulted) are marked where they occur.
// Stryker disable next-line ObjectLiteral,StringLiteral: NaN equals no minute, so the first call never answers from these values
let lastDay = { minute: NaN, timeZone: '', day: '' };

/**
 * The station-calendar day (YYYY-MM-DD) of an instant, in the station's time zone. Most calls ask about the same
 * minute (it is "today" for each call), so the last answer is kept: days change on whole minutes in every zone
 * in use since 1972, and the time-zone arithmetic costs more than many a query.
 */
export function stationDay(ms: number, timeZone: string): string {
  // Stryker disable next-line ArithmeticOperator: a finer key (ms * 60_000 keys each instant) only remembers less
  const minute = Math.floor(ms / 60_000);
  // Stryker disable next-line ConditionalExpression: never answering from the memo gives the same days (its EqualityOperator and LogicalOperator mutants stay, and are caught)
  if (minute === lastDay.minute && timeZone === lastDay.timeZone) return lastDay.day;
  const day = format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
  // Stryker disable next-line ObjectLiteral: an empty memo is never consulted
  lastDay = { minute, timeZone, day };
  return day;
}

/** The instant a station-calendar day starts. */
export function dayStart(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, timeZone).getTime();
}

/**
 * An instant as a Date whose local fields (year … minute) read as the station's clock shows it. For pickers, which
 * show a Date's local fields: on a PC set to another zone, they still show and take the station's time.
 */
export function stationWallClock(ms: number, timeZone: string): Date {
  const z = new TZDate(ms, timeZone);
  return new Date(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds(), z.getMilliseconds());
}

/** The instant a wall-clock Date (as stationWallClock makes, or a picker returns) names on the station's clock. */
export function fromStationWallClock(d: Date, timeZone: string): number {
  return new TZDate(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), timeZone).getTime();
}
