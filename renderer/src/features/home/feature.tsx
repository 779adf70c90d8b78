import { HomeOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import { HomePage } from './HomePage';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** The first screen after sign-in: the station's modules as cards. Not lazy: every session opens it. */
export const home: FeatureEntry = {
  key: 'home',
  path: '/',
  routes: HomePage,
  menu: { group: 'module', icon: <HomeOutlined /> },
  catalogs: { 'zh-CN': zhCN, en },
};
