import { SettingOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { SettingsPage } from './SettingsPage';

/** Station settings, with the zones and beds. */
export const settings: FeatureEntry = {
  key: 'settings',
  path: '/admin/settings',
  routes: SettingsPage,
  menu: { group: 'admin', icon: <SettingOutlined />, permission: 'settings.manage' },
  catalogs: { 'zh-CN': zhCN, en },
};
