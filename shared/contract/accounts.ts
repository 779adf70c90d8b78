import { z } from 'zod';
import type { Role } from '../domain/roles';
import { mutation, output, query } from './define';
import { displayName, id, newPassword, roles, username } from './fields';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

export const accountCreateInput = z
  .object({ username, displayName, roles, password: newPassword, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { message: 'v.passwordMismatch', path: ['passwordConfirm'] });

export const accountUpdateInput = z.object({ id, displayName, roles });
export const accountResetPasswordInput = z
  .object({ id, password: newPassword, passwordConfirm: z.string() })
  .refine((v) => v.password === v.passwordConfirm, { message: 'v.passwordMismatch', path: ['passwordConfirm'] });

export const accountsContract = {
  'accounts.list': query('accounts.manage', z.object({}).strict(), output<Account[]>()),
  'accounts.create': mutation('accounts.manage', accountCreateInput, output<Account>()),
  'accounts.update': mutation('accounts.manage', accountUpdateInput, output<Account>()),
  'accounts.setDisabled': mutation('accounts.manage', z.object({ id, disabled: z.boolean() }), output<Account>()),
  /** The user must choose a new password at the next login. */
  'accounts.resetPassword': mutation('accounts.manage', accountResetPasswordInput, output<Account>()),
};
