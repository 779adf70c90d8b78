import { SwapOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

// The pages and the print in chunks of their own (app/feature.ts lazyPages).
const HandoverPrint = lazyPages(() => import('./print/HandoverPrint').then((m) => m.HandoverPrint));

/** Shift handovers: compose, acknowledge, sign, verify, history; the register page prints at /print/handover/:id. */
export const handover: FeatureEntry = {
  key: 'handover',
  path: '/handover',
  routes: lazyPages(() => import('./HandoverRoutes').then((m) => m.HandoverRoutes)),
  printRoutes: [{ path: 'handover/:id', element: <HandoverPrint /> }],
  menu: { group: 'module', icon: <SwapOutlined />, permission: 'duty.read' },
  homeCard: true,
  catalogs: { 'zh-CN': zhCN, en },
};
