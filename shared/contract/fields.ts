import { z } from 'zod';
import { ROLES } from '../domain/roles';

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

export const idleLockMinutes = z.number().int().min(1, { message: 'v.idleLockRange' }).max(240, { message: 'v.idleLockRange' });

export const id = z.number().int().positive();
