import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, type MigrationReport } from './migrate';

export type DB = Database.Database;

export const DATABASE_FILE = 'stationdesk.sqlite';

/** The WAL's size, in pages, at which a commit on the main connection checkpoints by itself (SQLite's default: 1,000). */
export const WAL_INLINE_PAGES = 8_000;

/** The file opens but SQLite finds damage in it (`PRAGMA quick_check`). */
export class DatabaseCorruptError extends Error {
  constructor(readonly detail: string) {
    super(`The station's database is damaged (${detail}). It has not been changed; restore a backup.`);
    this.name = 'DatabaseCorruptError';
  }
}

export interface OpenedDatabase {
  db: DB;
  file: string;
  migration: MigrationReport;
  /** quick_check ran (and passed) during the open: a migration was about to change the file. */
  checked: boolean;
}

/** `PRAGMA quick_check` on an open connection; throws DatabaseCorruptError unless it answers ok. */
export function quickCheck(db: DB): void {
  const quick = db.pragma('quick_check', { simple: true });
  if (quick !== 'ok') throw new DatabaseCorruptError(String(quick));
}

/**
 * Opens (creating if needed) the station's database in `dataDir`, refuses one written by a newer version
 * before touching it, sets the pragmas, and applies pending migrations. A schema change is never written into a
 * damaged file: when a migration is pending, quick_check runs first, here. Otherwise the check is the caller's, off
 * the main thread (checkInBackground): on ten years of data it reads 700 MB, about 3 s, and the desk must not wait.
 */
export function openDatabase(dataDir: string): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  try {
    // Wait up to 5 s for a lock held by another connection (a backup, a second window) instead of failing.
    db.pragma('busy_timeout = 5000');
    // Not enabled by default in SQLite: without it REFERENCES clauses are decoration.
    db.pragma('foreign_keys = ON');
    // migrate() reads user_version and refuses a newer database before anything below writes to the file.
    let checked = false;
    const migration = migrate(db, {
      beforeMigrating: () => {
        quickCheck(db);
        checked = true;
      },
      beforeFirstWrite: () => setWritePragmas(db),
    });
    return { db, file, migration, checked };
  } catch (e) {
    db.close();
    throw e;
  }
}

function setWritePragmas(db: DB): void {
  // WAL: readers never block the writer, and a crash mid-write leaves the last commit intact.
  // https://www.sqlite.org/wal.html
  db.pragma('journal_mode = WAL');
  // FULL: every commit is on disk before the call returns; the ledger-grade records (stock, custody,
  // audit) must survive a power cut. https://www.sqlite.org/pragma.html#pragma_synchronous
  db.pragma('synchronous = FULL');
  // The checkpoint runs on a worker (electron/db/checkpoint.ts); this connection runs one only when the WAL has grown
  // past WAL_INLINE_PAGES all the same: no worker could run, or nothing runs the timer (a tool, the demo generator).
  db.pragma(`wal_autocheckpoint = ${WAL_INLINE_PAGES}`);
}

/** `PRAGMA optimize` before close, as SQLite recommends for long-lived connections. */
export function closeDatabase(db: DB): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
  }
}
