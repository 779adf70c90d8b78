import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/**
 * The person registry's pages. No menu item of its own: a person is found through intake's search, so the page
 * keeps its address under intake's (the menu marks 接待登记 there).
 */
export const people: FeatureEntry = {
  key: 'people',
  path: '/intake/person',
  routes: lazyPages(() => import('./PeopleRoutes').then((m) => m.PeopleRoutes)),
  catalogs: { 'zh-CN': zhCN, en },
};
