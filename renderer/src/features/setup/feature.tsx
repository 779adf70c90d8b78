import type { FeatureEntry } from '../../app/feature';
import en from './i18n.en';
import zhCN from './i18n.zh-CN';

/** First-run setup: a gate screen before anyone signs in (app/App.tsx), so only its strings register here. */
export const setup: FeatureEntry = {
  key: 'setup',
  catalogs: { 'zh-CN': zhCN, en },
};
