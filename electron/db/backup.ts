import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { loadMigrations } from './migrate';
import type { DB } from './open';

/**
 * Backups through SQLite, never file copies: with WAL on, a copied file can miss pages that are still in
 * the -wal file. `VACUUM INTO` writes a consistent, compact copy from a read transaction.
 * https://www.sqlite.org/lang_vacuum.html#vacuuminto
 */
export function writeBackup(db: DB, file: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) throw new Error(`backup file exists already: ${file}`);
  db.prepare('VACUUM INTO ?').run(file);
  return fs.statSync(file).size;
}

export type BackupProblem = 'unreadable' | 'corrupt' | 'future' | 'not_stationdesk';

export interface BackupCheck {
  ok: boolean;
  problem: BackupProblem | null;
  schema: number | null;
  /** When the file was made, from the newest audit row in it (falls back to the file time). */
  madeAt: number | null;
  stationName: string | null;
}

/**
 * Checks a candidate file before it may replace the station's database: it opens, passes
 * `PRAGMA integrity_check`, is StationDesk's, and is not from a newer version. Opened read-only.
 */
export function checkBackup(file: string): BackupCheck {
  let db: Database.Database | undefined;
  const fail = (problem: BackupProblem, schema: number | null = null): BackupCheck => ({ ok: false, problem, schema, madeAt: null, stationName: null });
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const schema = db.pragma('user_version', { simple: true }) as number;
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return fail('corrupt', schema);
    const latest = loadMigrations().at(-1)?.version ?? 0;
    if (schema > latest) return fail('future', schema);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    if (!['users', 'audit_log', 'settings'].every((t) => tables.includes(t))) return fail('not_stationdesk', schema);
    const madeAt = (db.prepare('SELECT max(at) FROM audit_log').pluck().get() as number | null) ?? fs.statSync(file).mtimeMs;
    const name = db.prepare("SELECT value FROM settings WHERE key = 'stationName'").pluck().get() as string | undefined;
    return { ok: true, problem: null, schema, madeAt: Math.round(madeAt), stationName: name ? (JSON.parse(name) as string) : null };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return fail(/not a database|malformed|corrupt/i.test(msg) ? 'corrupt' : 'unreadable');
  } finally {
    db?.close();
  }
}

/** Moves the database file and its WAL companions aside (never deletes them); returns the new path. */
export function setAside(file: string, suffix: string): string | null {
  if (!fs.existsSync(file)) return null;
  const aside = `${file}.${suffix}`;
  fs.renameSync(file, aside);
  for (const ext of ['-wal', '-shm']) if (fs.existsSync(file + ext)) fs.renameSync(file + ext, aside + ext);
  return aside;
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
