/**
 * Calendar dates as the station writes them: 'YYYY-MM-DD' text that names a day that exists (30 February and
 * 29 February of a common year do not). Pure, so both processes share it.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 'YYYY-MM-DD' naming a real day, or null (wrong shape, 13th month, 30 February …). */
export function parseCalendarDate(s: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(s);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(y, m, d) ? { y, m, d } : null;
}

export const isCalendarDate = (s: unknown): s is string => typeof s === 'string' && parseCalendarDate(s) !== null;

/** The same month and day `years` earlier (29 February falls back to 28 February in a common year). */
export function yearsBefore(date: string, years: number): string {
  const p = parseCalendarDate(date);
  if (!p) throw new Error(`not a calendar date: ${date}`);
  const y = p.y - years;
  const d = isRealDate(y, p.m, p.d) ? p.d : p.d - 1;
  return `${String(y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Whole calendar days from `from` to `to` (both 'YYYY-MM-DD'; negative when `to` is earlier), NaN when either is not
 * a calendar date. Plain arithmetic on the day numbers: the stay clock runs it for every open stay on every board,
 * alert and handover, where parsing through date-fns cost a fifth of the board's time.
 */
export function daysBetween(from: string, to: string): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  if (!a || !b) return Number.NaN;
  return (Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / 86_400_000;
}

/**
 * Whole years from `from` to `to` (an age: the years since a birth date), NaN when either is not a calendar date.
 * A year is complete when the month and day are reached, so someone born on 29 February turns a year older on
 * 1 March of a common year: the same rule as the database's AGE_SQL (people/search.ts), which the board and search use.
 */
export function yearsBetween(from: string, to: string): number {
  const a = parseCalendarDate(from);
  const b = parseCalendarDate(to);
  if (!a || !b) return Number.NaN;
  const before = b.m < a.m || (b.m === a.m && b.d < a.d);
  return b.y - a.y - (before ? 1 : 0);
}
