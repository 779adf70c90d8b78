import { z } from 'zod';
import { mutation, operation, output, query } from './define';

export type BackupProblem = 'unreadable' | 'corrupt' | 'future' | 'not_stationdesk';

export interface BackupFile {
  file: string;
  name: string;
  size: number;
  kind: 'auto' | 'manual' | 'before_restore' | 'other';
  /** When the data in it was last changed (its newest audit row). */
  madeAt: number | null;
  ok: boolean;
  problem: BackupProblem | null;
}

export interface RestoreResult {
  restoredFrom: string;
  madeAt: number | null;
  /** Where the database that was replaced now lives (kept, never deleted). */
  setAside: string | null;
  safetyBackup: string | null;
}

export type RecoveryStatus =
  | { mode: 'normal' }
  | { mode: 'recovery'; problem: BackupProblem; message: string; databaseFile: string; backups: BackupFile[] };

const absolutePath = z
  .string()
  .trim()
  .min(1, { message: 'v.required' })
  .max(1000, { message: 'v.tooLong' })
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p) && !p.includes('\0'), { message: 'v.absolutePath' });

export const backupContract = {
  'backup.list': query('settings.manage', z.object({}).strict(), output<{ folder: string; backups: BackupFile[]; lastAutoAt: number | null }>()),
  /** Back up now, to the station's backup folder or a chosen one (e.g. a USB stick, to move to a new PC). */
  'backup.run': operation('settings.manage', z.object({ folder: absolutePath.optional() }), output<BackupFile>()),
  /** Replace the database with a checked backup; the current one is kept aside. Everyone signs in again. */
  'backup.restore': operation('settings.manage', z.object({ file: absolutePath }), output<RestoreResult>()),
  /** Whether the station's database could be opened; when not, the backups that could replace it. */
  'recovery.status': query('public', z.object({}).strict(), output<RecoveryStatus>()),
  /** Only while the database cannot be opened (no one can sign in then): restore a checked backup. */
  'recovery.restore': operation('public', z.object({ file: absolutePath }), output<RestoreResult>()),
};
