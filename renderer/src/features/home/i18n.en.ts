/** The home page. */
import type zhCN from './i18n.zh-CN';

const en: typeof zhCN = {
  nav: {
    home: 'Today',
  },
  home: {
    welcome: 'Hello, {{name}}',
    intro: 'These are the parts of StationDesk. Built ones can be used now; the others are plainly marked.',
    modules: 'Modules',
    built: 'Available',
    notBuilt: 'Not built yet',
  },
};

export default en;
