import { SettingOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** Station settings, with the zones and beds. */
export const settings: FeatureEntry = {
  key: 'settings',
  path: '/admin/settings',
  routes: lazyPages(() => import('./SettingsPage').then((m) => m.SettingsPage)),
  menu: { group: 'admin', icon: <SettingOutlined />, permission: 'settings.manage' },
  catalogs: { 'zh-CN': zhCN, en },
};
