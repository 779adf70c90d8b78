import type { Samples } from './types';

/** A valid input for each of accounts's procedures. */
export const accountsSamples = {
  'auth.login': { username: 'admin', password: 'Admin-pass-1' },
  'auth.logout': {},
  'auth.session': {},
  'auth.changePassword': { currentPassword: 'Own-pass-22', newPassword: 'Newer-pass-3', newPasswordConfirm: 'Newer-pass-3' },
  'auth.lock': {},
  'auth.unlock': { password: 'Own-pass-22' },
  'auth.touch': {},
  'accounts.list': {},
  'accounts.create': { username: 'newbie', displayName: '新人', roles: ['front_desk'], password: 'Temp-pass-1', passwordConfirm: 'Temp-pass-1' },
  'accounts.update': { id: 1, displayName: '王站长', roles: ['admin'] },
  'accounts.setDisabled': { id: 1, disabled: false },
  'accounts.resetPassword': { id: 1, password: 'Reset-pass-1', passwordConfirm: 'Reset-pass-1' },
} satisfies Samples;
