/** Accounts: sign-in, password change, user administration. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    users: 'Users',
  },
  login: {
    title: 'Sign in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    disabled: 'This account is disabled. Ask the station administrator.',
  },
  changePassword: {
    title: 'Choose a new password',
    intro: 'Your administrator gave you a temporary password. Choose one only you know before you continue.',
    current: 'Current password',
    next: 'New password',
    confirm: 'New password again',
    submit: 'Set new password',
    done: 'Your new password is in effect.',
  },
  users: {
    title: 'Users',
    create: 'New user',
    edit: 'Edit user',
    username: 'Username',
    displayName: 'Full name',
    roles: 'Roles',
    status: 'Status',
    active: 'Active',
    disabled: 'Disabled',
    lastLogin: 'Last sign-in',
    never: 'Never',
    mustChange: 'Must change password',
    resetPassword: 'Reset password',
    resetTitle: 'Reset the password of {{name}}',
    resetHint: 'They must choose a new password at their next sign-in.',
    tempPassword: 'Temporary password',
    tempPasswordHint: 'They must replace it at their first sign-in',
    passwordConfirm: 'Again',
    disable: 'Disable',
    enable: 'Enable',
    disableConfirm: 'Disable {{name}}? They are signed out at once.',
    created: 'User {{name}} created',
  },
  entities: {
    session: 'Session',
    user: 'User',
  },
  procedures: {
    auth: {
      _: 'Sign-in and sessions',
      login: 'Sign in',
      logout: 'Sign out',
      changePassword: 'Change password',
      session: 'Read session',
      lock: 'Lock screen',
      unlock: 'Unlock',
      touch: 'Keep session alive',
    },
    accounts: {
      _: 'Users',
      create: 'Create user',
      update: 'Update user',
      setDisabled: 'Disable/enable user',
      resetPassword: 'Reset password',
      list: 'List users',
    },
  },
  v: {
    usernameTaken: 'This username is taken',
    rolesRequired: 'Choose at least one role',
    lastAdmin: 'The station must keep at least one active administrator',
  },
};

export default en;
