import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationReport {
  from: number;
  to: number;
  applied: string[];
}

/** A database written by a newer StationDesk: opening it here could lose what that version stored. */
export class DatabaseFromFutureError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of StationDesk (schema ${found}; this version knows up to ${supported}). ` +
        'It has not been changed. Install the newer version, or restore a backup made by this one.',
    );
    this.name = 'DatabaseFromFutureError';
  }
}

const MIGRATION_FILE = /^(\d{4})-([a-z0-9-]+)\.sql$/;

/** The migrations shipped beside this file (`migrations/NNNN-name.sql`), strictly increasing. */
export function loadMigrations(dir = path.join(__dirname, 'migrations')): Migration[] {
  const list = fs
    .readdirSync(dir)
    .map((file) => {
      const m = MIGRATION_FILE.exec(file);
      if (!m) throw new Error(`unexpected file in migrations: ${file}`);
      return { version: Number(m[1]), name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    const prev = list[i - 1];
    if (m.version <= 0 || (prev && prev.version === m.version)) throw new Error(`duplicate or zero migration ${m.name}`);
  });
  return list;
}

/**
 * Applies every pending migration in one transaction, tracked by `PRAGMA user_version`.
 * A database from a newer version is refused before anything is written to it.
 */
export function migrate(
  db: Database.Database,
  opts: {
    migrations?: Migration[];
    upTo?: number;
    /** Runs before anything is written (every open: the connection's write pragmas). */
    beforeFirstWrite?: () => void;
    /** Runs only when a migration is about to change the schema (the place for a check of the file first). */
    beforeMigrating?: () => void;
  } = {},
): MigrationReport {
  const migrations = opts.migrations ?? loadMigrations();
  const latest = migrations.at(-1)?.version ?? 0;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new DatabaseFromFutureError(from, latest);
  const target = opts.upTo ?? latest;
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length) opts.beforeMigrating?.();
  opts.beforeFirstWrite?.();
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: pending.at(-1)?.version ?? from, applied: pending.map((m) => m.name) };
}
