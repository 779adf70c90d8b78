import { useTranslation } from 'react-i18next';
import { useSessionInfo } from '../app/session';
import { when } from './format';

/** Station-clock date and time in the user's language, or nothing (a blank to fill in by hand on paper). */
export function useWhen(): (ms: number | null | undefined) => string {
  const { i18n } = useTranslation();
  const { timeZone } = useSessionInfo();
  return (ms) => (ms === null || ms === undefined ? '' : when(ms, i18n.language, timeZone));
}
