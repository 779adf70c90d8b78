import { z } from 'zod';
import type { Permission, Role } from '../domain/roles';
import { mutation, output, query } from './define';
import { currentPassword, newPassword } from './fields';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
}
export interface SessionInfo {
  sessionId: string;
  user: SessionUser;
  permissions: Permission[];
  mustChangePassword: boolean;
  locked: boolean;
  idleLockMinutes: number;
  stationName: string;
  timeZone: string;
  /** The date rules' settings (shared/contract/validation-context.ts), so the forms check what the main process does. */
  dateFloor: string;
  lateRegistrationHours: number;
}

export const loginInput = z.object({
  username: z.string().trim().min(1, { message: 'v.required' }).max(64),
  password: currentPassword,
});

export const changePasswordInput = z
  .object({ currentPassword, newPassword, newPasswordConfirm: z.string() })
  .refine((v) => v.newPassword === v.newPasswordConfirm, { message: 'v.passwordMismatch', path: ['newPasswordConfirm'] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: 'v.passwordUnchanged', path: ['newPassword'] });

export const authContract = {
  'auth.login': mutation('public', loginInput, output<SessionInfo>()),
  'auth.logout': mutation('session', z.object({}).strict(), output<null>()),
  /** The caller's own session (also tells the renderer it is locked or must change its password). */
  'auth.session': query('session', z.object({}).strict(), output<SessionInfo>()),
  'auth.changePassword': mutation('session', changePasswordInput, output<SessionInfo>()),
  /** Lock the screen now (the renderer's idle timer, or the lock button). */
  'auth.lock': query('session', z.object({}).strict(), output<null>()),
  'auth.unlock': query('session', z.object({ password: currentPassword }), output<SessionInfo>()),
  /** Keeps the session awake while the person at the desk is typing without saving. */
  'auth.touch': query('user', z.object({}).strict(), output<null>()),
};
