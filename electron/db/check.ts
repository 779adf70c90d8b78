import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupProblem } from '../../shared/contract/backup';
import { loadMigrations } from './migrate';

/** What a check of a backup file found (electron/db/file-check.cjs answers this shape). */
export interface BackupCheck {
  ok: boolean;
  problem: BackupProblem | null;
  schema: number | null;
  /** When the file was made, from the newest audit row in it (falls back to the file time). */
  madeAt: number | null;
  stationName: string | null;
}

/** electron/db/file-check.cjs: the checks themselves, loadable by a worker and by this thread alike. */
interface FileChecks {
  quickCheck(driver: typeof Database, file: string): string;
  checkBackup(driver: typeof Database, file: string, latest: number): BackupCheck;
}
type Task = keyof FileChecks;
type Args<T extends Task> = Parameters<FileChecks[T]> extends [unknown, ...infer R] ? R : never;

const localRequire = createRequire(__filename);
// In the installed app the program is unpacked beside the asar archive (electron-builder.yml, asarUnpack): a
// worker reads its file from the real disk.
const PROGRAM = path.join(__dirname, 'file-check.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
const checks = (): FileChecks => localRequire(PROGRAM) as FileChecks;

/** The same check on this thread: for callers that must have the answer now, and when no worker can run. */
export function runHere<T extends Task>(task: T, ...args: Args<T>): ReturnType<FileChecks[T]> {
  const fn = checks()[task] as unknown as (driver: typeof Database, ...rest: Args<T>) => ReturnType<FileChecks[T]>;
  return fn(Database, ...args);
}

/** On a worker thread; rejects only when the worker itself cannot run. */
function onWorker<T extends Task>(task: T, ...args: Args<T>): Promise<ReturnType<FileChecks[T]>> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const worker = new Worker(PROGRAM, { workerData: { task, args, driver: localRequire.resolve('better-sqlite3').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`) } });
    worker.on('message', (m: ReturnType<FileChecks[T]>) => {
      answered = true;
      resolve(m);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => answered || reject(new Error(`${task} worker exited with ${code}`)));
  });
}

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

/**
 * checkBackup on a worker thread; on this thread if no worker
 * can run. Never rejects.
 */
export async function checkBackupInBackground(file: string): Promise<BackupCheck> {
  const latest = latestSchema();
  try {
    return await onWorker('checkBackup', file, latest);
  } catch {
    return runHere('checkBackup', file, latest);
  }
}
