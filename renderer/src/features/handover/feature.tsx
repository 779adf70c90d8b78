import { SwapOutlined } from '@ant-design/icons';
import type { FeatureEntry } from '../../app/feature';
import { HandoverRoutes } from './HandoverRoutes';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';
import { HandoverPrint } from './print/HandoverPrint';

/** Shift handovers: compose, acknowledge, sign, verify, history; the register page prints at /print/handover/:id. */
export const handover: FeatureEntry = {
  key: 'handover',
  path: '/handover',
  routes: HandoverRoutes,
  printRoutes: [{ path: 'handover/:id', element: <HandoverPrint /> }],
  menu: { group: 'module', icon: <SwapOutlined />, permission: 'duty.read' },
  homeCard: true,
  catalogs: { 'zh-CN': zhCN, en },
};
