import { z } from 'zod';
import { isCalendarDate, yearsBefore } from '../domain/calendar';
import { ROLES } from '../domain/roles';
import { dayStart, stationDay } from '../domain/time';
import { validationContext } from './validation-context';

/**
 * Field rules written once, used by the main process to validate and by the renderer's forms.
 * Messages starting with `v.` are catalog keys (renderer/src/i18n); the renderer translates them.
 */
export const username = z
  .string()
  .trim()
  .min(2, { message: 'v.usernameLength' })
  .max(32, { message: 'v.usernameLength' })
  .regex(/^[a-zA-Z0-9_.-]+$/, { message: 'v.usernameChars' });

export const displayName = z
  .string()
  .trim()
  .min(1, { message: 'v.required' })
  .max(40, { message: 'v.tooLong' });

/** New passwords: at least 8 characters, not all digits. Existing ones are only checked for presence. */
export const newPassword = z
  .string()
  .min(8, { message: 'v.passwordTooShort' })
  .max(128, { message: 'v.tooLong' })
  .refine((p) => !/^\d+$/.test(p), { message: 'v.passwordAllDigits' });

export const currentPassword = z.string().min(1, { message: 'v.required' }).max(128, { message: 'v.tooLong' });

export const role = z.enum(ROLES);
export const roles = z.array(role).min(1, { message: 'v.rolesRequired' }).max(ROLES.length);

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const timeZone = z.string().min(1, { message: 'v.required' }).refine(isTimeZone, { message: 'v.timeZone' });

export const stationName = z.string().trim().min(2, { message: 'v.required' }).max(60, { message: 'v.tooLong' });

/**
 * A whole number typed into a form (days, hours, minutes, an age, a head count), from `min` to `max`, both allowed.
 * A fraction is refused with `v.wholeNumber` (zod's own "expected int" would reach the desk as its generic text);
 * a number outside the limits with `message`.
 */
export const wholeNumber = (min: number, max: number, message = 'v.range') =>
  z.number().int({ message: 'v.wholeNumber' }).min(min, { message }).max(max, { message });

export const idleLockMinutes = wholeNumber(1, 240, 'v.idleLockRange');

export const id = z.number().int().positive();

/** Text fields: trimmed, bounded; `required` also refuses an empty one. */
export const text = (max: number) => z.string().trim().max(max, { message: 'v.tooLong' });
export const requiredText = (max: number) => text(max).min(1, { message: 'v.required' });

/**
 * The kinds of date and time field the contract uses. Each schema carries its kind as metadata, so the harnesses
 * (tests/core/harness/fuzz.test.ts) can aim the boundary values of that kind at every such field in the contract.
 */
export type FieldKind = 'calendarDate' | 'birthDate' | 'eventTime' | 'idNumber';
// Stryker disable next-line ObjectLiteral: the field's kind is metadata read only by the fuzz harness (tests/core/harness/fuzz.test.ts), to aim boundary values at it; no caller of the contract reads it
export const kindOf = <T extends z.ZodType>(schema: T, fieldKind: FieldKind): T => schema.meta({ fieldKind });

/** How far ahead of the main process's clock a time may be (a desk PC's clock runs a little fast). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A station-calendar day, 'YYYY-MM-DD', that exists: 2026-02-30, 1990-13-01 and 29 February of a common year are
 * refused (the shape alone once let an impossible birth date through, whose age came out NaN). 1900–2199.
 */
export const calendarDate = kindOf(
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'v.date', abort: true })
    .refine(isCalendarDate, { message: 'v.date', abort: true })
    .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'v.dateRange' }),
  // Stryker disable next-line StringLiteral: the field's kind is metadata read only by the fuzz harness (tests/core/harness/fuzz.test.ts), to aim boundary values at it; no caller of the contract reads it
  'calendarDate',
);

/** A birth date: a real day, not after today on the station's calendar, and not more than 120 years back. */
export const birthDate = kindOf(
  calendarDate.superRefine((d, ctx) => {
    const { now, timeZone } = validationContext();
    const today = stationDay(now, timeZone);
    if (d > today) ctx.addIssue({ code: 'custom', message: 'v.birthFuture' });
    else if (d < yearsBefore(today, 120)) ctx.addIssue({ code: 'custom', message: 'v.birthTooOld' });
  }),
  // Stryker disable next-line StringLiteral: the field's kind is metadata read only by the fuzz harness (tests/core/harness/fuzz.test.ts), to aim boundary values at it; no caller of the contract reads it
  'birthDate',
);

/**
 * When something happened (an arrival, a police handover, a discharge): a whole number of Unix ms, not in the
 * future beyond the clock skew, and not before the station's date floor (setting). An arrival time of 0 once put
 * a stay clock on day 20,790.
 */
export const eventTime = kindOf(
  z
    .number()
    .int()
    .superRefine((ms, ctx) => {
      const { now, timeZone, dateFloor } = validationContext();
      if (ms > now + CLOCK_SKEW_MS) ctx.addIssue({ code: 'custom', message: 'v.future' });
      else if (ms < dayStart(dateFloor, timeZone)) ctx.addIssue({ code: 'custom', message: 'v.beforeFloor', params: { floor: dateFloor } });
    }),
  // Stryker disable next-line StringLiteral: the field's kind is metadata read only by the fuzz harness (tests/core/harness/fuzz.test.ts), to aim boundary values at it; no caller of the contract reads it
  'eventTime',
);
