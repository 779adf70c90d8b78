import { parseCalendarDate } from './calendar';
import type { Role } from './roles';

/**
 * Duty (DOMAIN §2): the posts staff fill, shift templates on the station's clock, and the pure rules both processes
 * share (the settings form and the main process check the same template; the coverage check counts the same hours).
 */
export const POSTS = ['front_desk', 'duty', 'leader', 'kitchen', 'storekeeper', 'driver'] as const;
export type Post = (typeof POSTS)[number];

/** The posts an account may fill by its roles, until the roster's staff directory names them explicitly. */
export const ROLE_POSTS: Record<Role, readonly Post[]> = {
  front_desk: ['front_desk'],
  duty_staff: ['duty'],
  duty_leader: ['leader', 'duty'],
  storekeeper: ['storekeeper'],
  food_safety: ['kitchen'],
  inspector: [],
  admin: [],
};

/** A shift of the template: a wall-clock start and end; an end at or before the start is on the next day. */
export interface ShiftTemplate {
  code: string;
  name: string;
  start: string; // 'HH:MM'
  end: string;
}

/**
 * A minimum head count for a post: every hour of the day (`hour`), at least once each roster day (`day`), or
 * throughout one shift of the template (`shift`).
 */
export interface StaffingRule {
  post: Post;
  min: number;
  scope: 'hour' | 'day' | 'shift';
  shift?: string;
}

/** Rounds at every checkpoint once per `intervalMinutes`, from `from` to `to` (wall clock; `to` ≤ `from` is overnight). */
export interface PatrolBand {
  from: string;
  to: string;
  intervalMinutes: number;
}

export const DAY_MINUTES = 1440;
const MINUTE = 60_000;

/** Minutes after midnight of 'HH:MM'. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * The minutes of the day a wall-clock span covers, as half-open runs on [0, 1440). A span whose end is at or before
 * its start runs past midnight; a span that ends where it starts covers the whole day (a 24-hour shift).
 */
export function spanRuns(start: string, end: string): [number, number][] {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (e > s) return [[s, e]];
  if (e === s) return [[0, DAY_MINUTES]];
  return e === 0 ? [[s, DAY_MINUTES]] : [[s, DAY_MINUTES], [0, e]];
}

/** A night shift is one that covers any of the small hours (00:00–06:00): the one counted by "nights in a row". */
export function isNightShift(start: string, end: string): boolean {
  return spanRuns(start, end).some(([a]) => a < 6 * 60);
}

/**
 * What is wrong with a list of wall-clock spans that must not overlap (and, with `wholeDay`, must cover every minute
 * of the day): `{ '<index>.<field>': message }`, the index of the later span of an overlap, and `'(list)'` for a gap.
 */
export function spanProblems(spans: readonly { start: string; end: string }[], wholeDay: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  const owner = new Array<number>(DAY_MINUTES).fill(-1);
  spans.forEach((span, i) => {
    for (const [a, b] of spanRuns(span.start, span.end)) {
      for (let m = a; m < b; m += 1) {
        if (owner[m] !== -1 && owner[m] !== i) {
          problems[`${i}.start`] ??= 'v.timesOverlap';
        } else owner[m] = i;
      }
    }
  });
  if (wholeDay && Object.keys(problems).length === 0) {
    const gap = owner.indexOf(-1);
    if (gap !== -1) problems['(list)'] = 'v.shiftsGap';
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Days and instants on the station's clock.

/** The calendar day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const p = parseCalendarDate(day);
  if (!p) throw new Error(`not a calendar date: ${day}`);
  const d = new Date(Date.UTC(p.y, p.m - 1, p.d + n));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (b − a): the calendar's, which the stay clock counts with too. */
export { daysBetween } from './calendar';

/** Every day from `from` to `to`, inclusive. */
export function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Wall clock ↔ instant in a time zone, for the roster's hot paths: a month's coverage check turns ~800 wall-clock
 * hours into instants, and a TZDate costs ~35 µs each (it builds an Intl formatter every time). One formatter per zone
 * is kept; an offset costs a `formatToParts`.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms (Shanghai: +8 h). */
export function zoneOffset(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  // Stryker disable next-line StringLiteral: a literal part (a separator) lands under its own key, which nothing reads
  for (const p of formatterOf(timeZone).formatToParts(ms)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant a wall-clock time names, from the zone's offsets (two or three `formatToParts`). */
function exactWallInstant(day: string, minutes: number, timeZone: string): number {
  const p = parseCalendarDate(day)!;
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, Math.floor(minutes / 60), minutes % 60);
  const first = zoneOffset(asUtc, timeZone);
  const guess = asUtc - first;
  const second = zoneOffset(guess, timeZone);
  if (second === first) return guess;
  const other = asUtc - second;
  return zoneOffset(other, timeZone) === second ? other : Math.max(guess, other);
}

/**
 * Where a station-calendar day begins and ends. A day of exactly 24 hours has one offset throughout (a zone changes
 * its clocks at most once a day), so every wall-clock time in it is its start plus the minutes. Kept per zone and day:
 * the roster's views ask about the same few months all day.
 */
const bounds = new Map<string, { start: number; end: number; regular: boolean }>();
function dayBounds(day: string, timeZone: string) {
  const key = `${timeZone}|${day}`;
  let b = bounds.get(key);
  if (!b) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: clearing the memo sooner, later or always only recomputes the same bounds
    if (bounds.size > 20_000) bounds.clear();
    const start = exactWallInstant(day, 0, timeZone);
    const end = exactWallInstant(addDays(day, 1), 0, timeZone);
    // Stryker disable next-line ArithmeticOperator: a miscount makes every day irregular, which takes the exact path (the same instants and hours, slower)
    b = { start, end, regular: end - start === DAY_MINUTES * MINUTE };
    bounds.set(key, b);
  }
  return b;
}

/**
 * The instant a wall-clock time ('HH:MM' as minutes) names on a station-calendar day. A time that does not exist (the
 * hour a zone skips in spring) is read with the offset from before the change, as TZDate reads it.
 */
export function wallInstant(day: string, minutes: number, timeZone: string): number {
  const b = dayBounds(day, timeZone);
  return b.regular ? b.start + minutes * MINUTE : exactWallInstant(day, minutes, timeZone);
}

/** The wall-clock hour (0–23) of an instant. */
export const wallHour = (ms: number, timeZone: string): number => Math.floor((((ms + zoneOffset(ms, timeZone)) % 86_400_000) + 86_400_000) % 86_400_000 / 3_600_000);

/** One shift on one roster day: the day it starts, and its window on the station's clock. */
export interface ShiftInstance {
  day: string;
  code: string;
  name: string;
  from: number;
  to: number;
  night: boolean;
}

/** The window of a template shift on a roster day; a shift past midnight ends on the next day. */
export function shiftInstance(day: string, shift: ShiftTemplate, timeZone: string): ShiftInstance {
  const s = minutesOf(shift.start);
  const e = minutesOf(shift.end);
  const from = wallInstant(day, s, timeZone);
  const to = wallInstant(e > s ? day : addDays(day, 1), e, timeZone);
  return { day, code: shift.code, name: shift.name, from, to, night: isNightShift(shift.start, shift.end) };
}

/** The template's shift running at `now`: yesterday's night shift, or one of today's. Null only for a template with a gap. */
export function shiftAt(now: number, shifts: readonly ShiftTemplate[], today: string, timeZone: string): ShiftInstance | null {
  for (const day of [addDays(today, -1), today]) {
    for (const shift of shifts) {
      const i = shiftInstance(day, shift, timeZone);
      if (i.from <= now && now < i.to) return i;
    }
  }
  return null;
}

/**
 * The shift a handover made at `now` closes: the one whose end is nearest, the current shift's ahead or the previous
 * one's just past (at 07:45 and at 08:10 alike, the night shift that ends at 08:00).
 */
export function shiftToHandOver(now: number, shifts: readonly ShiftTemplate[], today: string, timeZone: string): ShiftInstance | null {
  let best: ShiftInstance | null = null;
  for (const day of [addDays(today, -2), addDays(today, -1), today]) {
    for (const shift of shifts) {
      const i = shiftInstance(day, shift, timeZone);
      if (i.from > now) continue;
      if (!best || Math.abs(i.to - now) < Math.abs(best.to - now)) best = i;
    }
  }
  return best;
}

/** The hours of a station-calendar day, as instants: 24 of them, or 23 and 25 on the days a zone changes its clocks. */
export function hoursOf(day: string, timeZone: string): { hour: number; from: number; to: number }[] {
  const { start, end, regular } = dayBounds(day, timeZone);
  const out: { hour: number; from: number; to: number }[] = [];
  for (let t = start, h = 0; t < end; t += 60 * MINUTE, h += 1) {
    out.push({ hour: regular ? h : wallHour(t, timeZone), from: t, to: Math.min(t + 60 * MINUTE, end) });
  }
  return out;
}

/**
 * The fewest of `spans` covering any moment of [from, to): an hour is covered by a post only if someone holds it
 * throughout (one person 08:00–08:30 and another 08:30–09:00 cover it; one person until 08:30 does not).
 */
export function leastCover(spans: readonly { from: number; to: number }[], from: number, to: number): number {
  const inside = spans.filter((s) => s.from < to && s.to > from);
  if (inside.length === 0) return 0;
  const cuts = new Set<number>([from]);
  for (const s of inside) {
    if (s.from > from && s.from < to) cuts.add(s.from);
    if (s.to > from && s.to < to) cuts.add(s.to);
  }
  let least = Infinity;
  for (const t of cuts) least = Math.min(least, inside.filter((s) => s.from <= t && t < s.to).length);
  return least;
}

/**
 * The patrol slots of a band that start within [from, to): each `intervalMinutes` from the band's start, the last one
 * cut at the band's end. A round is due at each checkpoint by the end of each slot.
 */
export function patrolSlots(bands: readonly PatrolBand[], from: number, to: number, timeZone: string, firstDay: string, lastDay: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    for (const band of bands) {
      // Stryker disable next-line StringLiteral: the window's code and name are never read, only its instants
      const window = shiftInstance(day, { code: '', name: '', start: band.from, end: band.to }, timeZone);
      const step = band.intervalMinutes * MINUTE;
      for (let s = window.from; s < window.to; s += step) {
        if (s >= from && s < to) out.push({ from: s, to: Math.min(s + step, window.to) });
      }
    }
  }
  return out.sort((a, b) => a.from - b.from);
}
