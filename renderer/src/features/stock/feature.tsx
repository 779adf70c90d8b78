import { ShopOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** In the menu and on the home page; its screens are not built yet (app/NotBuiltPage says so). */
export const stock: FeatureEntry = {
  key: 'stock',
  path: '/stock',
  menu: { group: 'module', icon: <ShopOutlined />, permission: 'stock.read' },
  homeCard: true,
  built: false,
  catalogs: { 'zh-CN': zhCN, en },
};
