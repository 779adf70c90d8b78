import type { Input, ProcedureName } from '../../shared/contract';

/**
 * One valid input for every procedure in the contract. Typed against the contract, so a new procedure
 * without a sample here does not compile: the whole-contract tests then cover it the day it lands.
 */
export const validInputs: { [K in ProcedureName]: Input<K> } = {
  'setup.status': {},
  'setup.initialize': {
    stationName: '西城区救助管理站',
    timeZone: 'Asia/Shanghai',
    admin: { username: 'second', displayName: '第二', password: 'Second-pass-1', passwordConfirm: 'Second-pass-1' },
  },
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
  'audit.list': {},
  'audit.actors': {},
  'audit.verify': {},
  'settings.get': {},
  'settings.update': { stationName: '测试区救助管理站', timeZone: 'Asia/Shanghai', idleLockMinutes: 10 },
};
