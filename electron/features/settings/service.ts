import { DEFAULT_DUTY_SETTINGS } from '../../../shared/contract/duty-settings';
import type { StationSettings } from '../../../shared/contract/settings';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

export const DEFAULT_SETTINGS: StationSettings = {
  // Stryker disable next-line StringLiteral: read only before set-up (setup.status answers null then); both ways of setting up a station write its name
  stationName: '',
  timeZone: 'Asia/Shanghai',
  idleLockMinutes: 10,
  stayWarnDay: 8,
  stayLimitDays: 10,
  familyNoticeHours: 24,
  dnaWorkingDays: 7,
  noticeRefreshDays: 30,
  dateFloor: '2000-01-01',
  lateRegistrationHours: 24,
  ...DEFAULT_DUTY_SETTINGS,
  stockExpiringDays: 30,
  stockWriteOffApprovalFen: 20_000,
};

type Key = keyof StationSettings;

/**
 * The committed settings of each connection: every call reads them (idle lock, time zone), and this process is
 * the database's only writer. Never filled inside a transaction (it might roll back); emptied by every write.
 */
const committed = new WeakMap<DB, StationSettings>();

export function readSettings(db: DB): StationSettings {
  const known = committed.get(db);
  // Stryker disable next-line ConditionalExpression: never answering from the memo reads the same settings from the table
  if (known) return structuredClone(known);
  const rows = cached(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const out: StationSettings = structuredClone(DEFAULT_SETTINGS);
  for (const { key, value } of rows) {
    if (key in out) (out as unknown as Record<string, unknown>)[key] = JSON.parse(value);
  }
  if (!db.inTransaction) committed.set(db, structuredClone(out));
  return out;
}

export function writeSettings(db: DB, values: Partial<StationSettings>): void {
  committed.delete(db);
  const upsert = cached(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [key, value] of Object.entries(values) as [Key, unknown][]) {
    if (value !== undefined) upsert.run(key, JSON.stringify(value));
  }
}
