import { AuditOutlined } from '@ant-design/icons';
import { lazyPages, type FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** The audit trail: who did what and when, and the chain's verification. */
export const audit: FeatureEntry = {
  key: 'audit',
  path: '/admin/audit',
  routes: lazyPages(() => import('./AuditPage').then((m) => m.AuditPage)),
  menu: { group: 'admin', icon: <AuditOutlined />, permission: 'audit.read' },
  catalogs: { 'zh-CN': zhCN, en },
};
