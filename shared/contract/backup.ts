import { z } from 'zod';
import type { AppErrorShape } from '../domain/result';
import { operation, output, query } from './define';

export type BackupProblem = 'unreadable' | 'corrupt' | 'future' | 'not_stationdesk';

export interface BackupFile {
  file: string;
  name: string;
  size: number;
  kind: 'auto' | 'manual' | 'before_restore' | 'other';
  /** When the data in it was last changed (its newest audit row). */
  madeAt: number | null;
  /** Whether it passed the check (opens, integrity, StationDesk's, not newer); null while the check runs. */
  ok: boolean | null;
  problem: BackupProblem | null;
}

export interface RestoreResult {
  restoredFrom: string;
  madeAt: number | null;
  /** Where the database that was replaced now lives (kept, never deleted). */
  setAside: string | null;
  safetyBackup: string | null;
}

/**
 * A backup or restore that runs in the background (it reads the whole database: seconds to minutes on years of
 * data) while the station keeps answering. Its id is random and given only to the caller who started it.
 */
export interface Job<R> {
  id: string;
  kind: 'backup' | 'restore';
  state: 'running' | 'done' | 'failed';
  /** What it is doing now: checking a file, copying pages, replacing the database. */
  step: 'checking' | 'copying' | 'replacing' | 'finished';
  /** Pages copied of the total while copying (0 of 0 otherwise). */
  done: number;
  total: number;
  startedAt: number;
  finishedAt: number | null;
  result: R | null;
  error: AppErrorShape | null;
}
export type BackupJob = Job<BackupFile>;
export type RestoreJob = Job<RestoreResult>;

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
  /** The backups, and the backup or restore running now (a page opened meanwhile follows it). */
  'backup.list': query(
    'settings.manage',
    z.object({}).strict(),
    output<{ folder: string; backups: BackupFile[]; lastAutoAt: number | null; running: BackupJob | RestoreJob | null }>(),
  ),
  /**
   * Back up now, to the station's backup folder or a chosen one (e.g. a USB stick, to move to a new PC): starts
   * the job (the folder is checked at once) and returns it; `backup.job` follows its progress.
   */
  'backup.run': operation('settings.manage', z.object({ folder: absolutePath.optional() }), output<BackupJob>()),
  /**
   * Replace the database with a checked backup; the current one is kept aside. Starts the job: the file is
   * checked, a safety backup written, then the database replaced and everyone signed out.
   */
  'backup.restore': operation('settings.manage', z.object({ file: absolutePath }), output<RestoreJob>()),
  /**
   * A job's progress and outcome. Public: a restore signs everyone out before its outcome is read, and the
   * random id is the permission (an unknown id is NOT_FOUND).
   */
  'backup.job': query('public', z.object({ id: z.uuid() }).strict(), output<BackupJob | RestoreJob>()),
  /** Whether the station's database could be opened; when not, the backups that could replace it. */
  'recovery.status': query('public', z.object({}).strict(), output<RecoveryStatus>()),
  /** Only while the database cannot be opened (no one can sign in then): restore a checked backup. */
  'recovery.restore': operation('public', z.object({ file: absolutePath }), output<RestoreResult>()),
};
