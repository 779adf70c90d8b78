/** The application shell: its header, the lock screen, the admin group of the menu, the page of a module not built yet. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    admin: 'Administration',
  },
  modules: {
    admin: 'Users, roles, audit trail, station settings',
  },
  header: { lock: 'Lock', logout: 'Sign out', language: '中文', today: 'Today' },
  lock: {
    title: 'Screen locked',
    hint: "{{name}}'s session was locked after {{minutes}} idle minutes or by hand. Enter the password to continue; unsaved work is still there.",
    password: 'Password',
    unlock: 'Unlock',
    switchUser: 'Sign in as someone else',
  },
  procedures: { alerts: { _: 'Alerts', list: 'View alerts' } },
  notBuilt: {
    title: 'This module is not built yet',
    body: 'This part is still being developed and holds no data. Keep using the paper forms for now.',
  },
};

export default en;
