import fs from 'node:fs';
import path from 'node:path';
import type { DB } from './open';

/** The ending of a backup still being written. */
export const PARTIAL = '.partial';

/** Pages copied per step: about 400 KB, a millisecond or so, then the event loop answers calls again. */
const PAGES_PER_STEP = 100;

/**
 * A backup through SQLite's online backup API (better-sqlite3's `db.backup`), never a file copy: with WAL on, a
 * copied file can miss pages still in the -wal file. It copies in small steps between which the main process
 * keeps answering; a change this connection makes meanwhile is carried into the copy by SQLite itself.
 * `onProgress` hears the pages copied of the total after each step. Resolves with the file's size.
 * https://www.sqlite.org/backup.html
 */
export async function writeBackup(db: DB, file: string, onProgress?: (done: number, total: number) => void): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`backup file exists already: ${file}`);
  // Written under a name no list shows, then renamed: half a backup never looks like one, even after a crash.
  const partial = `${file}${PARTIAL}`;
  try {
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return PAGES_PER_STEP;
      },
    });
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
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
