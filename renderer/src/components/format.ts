import type { TFunction } from 'i18next';
import { formatInstant } from '../i18n';

/** How a client is named on every screen and print: the name, else the description, else "name unknown". */
export function clientLabel(t: TFunction, p: { name: string | null; description?: string | null }): string {
  return p.name ?? (p.description ? `${t('intake.unknownName')}（${p.description}）` : t('intake.unknownName'));
}

/** Integer fen as yuan with two decimals: 1500 → "15.00". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);

/** Station-clock date and time, e.g. 2026-07-20 03:00. */
export function when(ms: number, lng: string, timeZone: string): string {
  return formatInstant(ms, lng, timeZone, 'yyyy-MM-dd HH:mm');
}

/** A loosely typed value (event data, channel details) as text, or blank. */
export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A stay's status as a coloured tag, the same on the board, the stay, the person page and the search. */
export const STATUS_COLOR: Record<string, string> = {
  registered: 'gold',
  in_station: 'green',
  at_hospital: 'volcano',
  handed_to_police: 'purple',
  refused: 'red',
  discharged: 'default',
};

