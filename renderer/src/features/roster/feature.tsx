import { ScheduleOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** In the menu and on the home page; its screens are not built yet (app/NotBuiltPage says so). */
export const roster: FeatureEntry = {
  key: 'roster',
  path: '/roster',
  menu: { group: 'module', icon: <ScheduleOutlined />, permission: 'roster.read' },
  homeCard: true,
  built: false,
  catalogs: { 'zh-CN': zhCN, en },
};
