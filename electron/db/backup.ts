import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './open';
import { NoWorkerError, onWorker, runHere } from './worker';

/** The ending of a backup still being written. */
export const PARTIAL = '.partial';

/** Pages copied per step on the main thread: about 400 KB, a millisecond or so, then calls are answered again. */
const PAGES_PER_STEP = 100;
/** How often the main thread looks at a worker's backup file to report progress. */
const PROGRESS_MS = 100;

/**
 * A backup through SQLite's online backup API (better-sqlite3's `db.backup`), never a file copy: with WAL on, a
 * copied file can miss pages still in the -wal file. It runs on a worker thread, from a connection of its own in one
 * read transaction (the copy is the database as it stood when the backup began); the main thread only looks at the
 * growing file to report progress. Where no worker can run, the main connection copies in small steps between
 * which calls are answered. `onProgress` hears pages copied of the total. Resolves with the file's size.
 * https://www.sqlite.org/backup.html
 */
export async function writeBackup(db: DB, file: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`backup file exists already: ${file}`);
  // Written under a name no list shows, then renamed: half a backup never looks like one, even after a crash.
  const partial = `${file}${PARTIAL}`;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const total = db.pragma('page_count', { simple: true }) as number;
  const watch = setInterval(() => {
    const size = fs.statSync(partial, { throwIfNoEntry: false })?.size ?? 0;
    onProgress?.(Math.min(total, Math.floor(size / pageSize)), total);
  }, PROGRESS_MS);
  try {
    try {
      await onWorker('backupTo', db.name, partial);
    } catch (e) {
      if (!(e instanceof NoWorkerError)) throw e;
      fs.rmSync(partial, { force: true });
      clearInterval(watch);
      await db.backup(partial, {
        progress: ({ totalPages, remainingPages }) => {
          onProgress?.(totalPages - remainingPages, totalPages);
          return PAGES_PER_STEP;
        },
      });
      runHere('asOneFile', partial);
    }
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    clearInterval(watch);
  }
  onProgress?.(total, total);
  return fs.statSync(file).size;
}

/** Moves the database file and its WAL companions to `aside` (never deletes them). */
export function setAside(file: string, aside: string): void {
  if (!fs.existsSync(file)) return;
  fs.renameSync(file, aside);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.renameSync(file + ext, aside + ext);
}

/** Puts a checked backup in place of the database file (the current one must be closed and set aside). */
export function installBackup(backupFile: string, file: string): void {
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.rmSync(file + ext);
  fs.copyFileSync(backupFile, file);
}

/** Undoes setAside: the set-aside database (and its WAL companions) goes back to its place. */
export function putBack(aside: string, file: string): void {
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
  fs.renameSync(aside, file);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(aside + ext)) fs.renameSync(aside + ext, file + ext);
}
