import { loadMigrations } from './migrate';
import { onWorker, runHere, type BackupCheck } from './worker';

export type { BackupCheck } from './worker';

/**
 * `PRAGMA quick_check` of `file` on a worker thread, so the main process keeps answering the desk while SQLite
 * reads the whole file (about 3 s on ten years of data). Resolves with SQLite's answer ('ok', or the first
 * problem). Rejects only when the worker cannot run: the caller then checks on the main thread, never skips it.
 * The worker reads a snapshot (WAL lets it read beside the main connection's writes).
 */
export const checkInBackground = (file: string): Promise<string> => onWorker('quickCheck', file);

const latestSchema = () => loadMigrations().at(-1)?.version ?? 0;

/**
 * Checks a candidate file before it may replace the station's database: it opens, passes
 * `PRAGMA integrity_check`, is StationDesk's, and is not from a newer version. Opened read-only. On this thread,
 * for callers that may block (the recovery screen, where no one is working).
 */
export const checkBackup = (file: string): BackupCheck => runHere('checkBackup', file, latestSchema());

/** checkBackup on a worker thread; on this thread if no worker can run. Never rejects. */
export async function checkBackupInBackground(file: string): Promise<BackupCheck> {
  const latest = latestSchema();
  try {
    return await onWorker('checkBackup', file, latest);
  } catch {
    return runHere('checkBackup', file, latest);
  }
}
