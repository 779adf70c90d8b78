import { DatabaseOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** Backups and restore (an admin page). The recovery screen is a gate screen (app/App.tsx). */
export const backup: FeatureEntry = {
  key: 'backup',
  path: '/admin/backup',
  routes: lazyPages(() => import('./BackupPage').then((m) => m.BackupPage)),
  menu: { group: 'admin', icon: <DatabaseOutlined />, permission: 'settings.manage' },
  catalogs: { 'zh-CN': zhCN, en },
};
