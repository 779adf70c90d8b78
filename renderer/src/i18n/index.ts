import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { enUS, zhCN as dfZhCN } from 'date-fns/locale';
import { LANGUAGES, mergeCatalogs, type CatalogSource, type CatalogTree, type Language } from './catalogs';
import en from './en';
import zhCN from './zh-CN';

export type { Language } from './catalogs';
const LANGUAGE_KEY = 'stationdesk.language';

export function storedLanguage(): Language {
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

/** zod's own messages (the ones without a `v.` catalog key) follow the UI language too. */
function setZodLanguage(lng: Language) {
  z.config(lng === 'en' ? z.locales.en() : z.locales.zhCN());
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
setZodLanguage(storedLanguage());

/** The strings every screen may use (this folder); the features' own come with their registration. */
const SHARED: CatalogSource = { source: 'i18n (shared)', catalogs: { 'zh-CN': zhCN, en } };

/**
 * Makes the catalogs the shared one plus `parts` (app/catalogs.ts calls it once, with the shell's, the print
 * kit's and every registered feature's). Throws when two parts give the same key, before anything is shown.
 * Returns the merged catalogs.
 */
export function installCatalogs(parts: readonly CatalogSource[]): Record<Language, CatalogTree> {
  const merged = mergeCatalogs([SHARED, ...parts]);
  // Replaced whole rather than deep-merged: i18next's deep merge would write into the shared catalog's own object.
  for (const lng of LANGUAGES) {
    i18n.removeResourceBundle(lng, 'translation');
    i18n.addResourceBundle(lng, 'translation', merged[lng]);
  }
  return merged;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(LANGUAGE_KEY, lng);
  setZodLanguage(lng);
  void i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** A field message from zod or the server: a `v.` key is translated, anything else is shown as it came. */
export function fieldMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.startsWith('v.') && i18n.exists(message) ? i18n.t(message) : message;
}

export const dateLocale = (lng: string) => (lng === 'en' ? enUS : dfZhCN);

/** Instants (Unix ms) on the station's clock (its time zone setting): 2026年7月20日 09:30. */
export function formatInstant(ms: number, lng: string, timeZone: string, pattern = 'PPP HH:mm'): string {
  return format(new TZDate(ms, timeZone), pattern, { locale: dateLocale(lng) });
}
