import type { TFunction } from 'i18next';
import { formatInstant } from '../../i18n';

/** How a client is named on every screen and print: the name, else the description, else "name unknown". */
export function clientLabel(t: TFunction, p: { name: string | null; description?: string | null }): string {
  return p.name ?? (p.description ? `${t('intake.unknownName')}（${p.description}）` : t('intake.unknownName'));
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Station-clock date and time, e.g. 2026-07-20 03:00. */
export function when(ms: number, lng: string, timeZone: string): string {
  return formatInstant(ms, lng, timeZone, 'yyyy-MM-dd HH:mm');
}

export const STATUS_COLOR: Record<string, string> = {
  registered: 'gold',
  in_station: 'green',
  at_hospital: 'volcano',
  handed_to_police: 'purple',
  refused: 'red',
  discharged: 'default',
};
