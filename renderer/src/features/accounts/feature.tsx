import { UserOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** User administration (an admin page). Sign-in and the password change are gate screens (app/App.tsx). */
export const accounts: FeatureEntry = {
  key: 'users',
  path: '/admin/users',
  routes: lazyPages(() => import('./UsersPage').then((m) => m.UsersPage)),
  menu: { group: 'admin', icon: <UserOutlined />, permission: 'accounts.manage' },
  catalogs: { 'zh-CN': zhCN, en },
};
