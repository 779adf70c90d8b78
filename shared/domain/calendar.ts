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
