import exportEn from '../components/export/i18n.en';
import exportZhCN from '../components/export/i18n.zh-CN';
import printEn from '../components/print/i18n.en';
import printZhCN from '../components/print/i18n.zh-CN';
import { installCatalogs } from '../i18n';
import type { CatalogSource } from '../i18n/catalogs';
import { FEATURES } from './features';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/**
 * The catalogs as the app uses them: the shared ones (i18n/), the shell's, the print kit's, and every registered
 * feature's, merged once at start. A key given twice stops the app here, naming both givers.
 */
export const CATALOG_PARTS: readonly CatalogSource[] = [
  { source: 'app', catalogs: { 'zh-CN': zhCN, en } },
  { source: 'components/print', catalogs: { 'zh-CN': printZhCN, en: printEn } },
  { source: 'components/export', catalogs: { 'zh-CN': exportZhCN, en: exportEn } },
  ...FEATURES.map((f) => ({ source: `features: ${f.key}`, catalogs: f.catalogs })),
];

export const CATALOGS = installCatalogs(CATALOG_PARTS);
