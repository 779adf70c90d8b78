import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core';
import { DatabaseFromFutureError, loadMigrations, migrate } from '../../../electron/db/migrate';
import { DATABASE_FILE, openDatabase } from '../../../electron/db/open';
import { tempDirs } from '../helpers';

const dirs = tempDirs();
const fresh = dirs.fresh;
afterEach(dirs.cleanUp);

describe('opening the database', () => {
  it('sets the pragmas the architecture promises', () => {
    const { db } = openDatabase(fresh());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('migrations are numbered, strictly increasing, and all applied to a new database in one go', () => {
    const list = loadMigrations();
    expect(list.length).toBeGreaterThan(0);
    list.forEach((m, i) => i > 0 && expect(m.version).toBeGreaterThan(list[i - 1]!.version));
    const { db, migration } = openDatabase(fresh());
    expect(migration).toEqual({ from: 0, to: list.at(-1)!.version, applied: list.map((m) => m.name) });
    expect(db.pragma('user_version', { simple: true })).toBe(list.at(-1)!.version);
    db.close();
  });

  it('opening again applies nothing', () => {
    const dir = fresh();
    openDatabase(dir).db.close();
    const again = openDatabase(dir);
    expect(again.migration.applied).toEqual([]);
    again.db.close();
  });

  it('refuses a database from a newer version and leaves the file byte for byte as it was', () => {
    const dir = fresh();
    const file = path.join(dir, DATABASE_FILE);
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_thing (x)');
    raw.pragma('user_version = 99999');
    raw.close();
    const before = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    expect(() => openCore({ dataDir: dir, logger: { info() {}, error() {} } })).toThrow(DatabaseFromFutureError);
    expect(() => openDatabase(dir)).toThrow(/newer version of StationDesk/);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('a failing migration rolls back every step of the batch', () => {
    const db = new Database(':memory:');
    const steps = [
      { version: 10, name: '0010-a.sql', sql: 'CREATE TABLE a (x);' },
      { version: 20, name: '0020-b.sql', sql: 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => migrate(db, { migrations: steps })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
  });
});

describe('0010-foundation', () => {
  it('creates settings, users with roles, and an append-only audit log', () => {
    const db = new Database(':memory:');
    migrate(db, { upTo: 10 });
    db.prepare("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('a', 'A', 'h', 1, 1)").run();
    db.prepare("INSERT INTO user_roles VALUES (1, 'front_desk')").run();
    expect(() => db.prepare("INSERT INTO user_roles VALUES (1, 'janitor')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('A', 'x', 'h', 1, 1)").run()).toThrow(/UNIQUE/);
    db.prepare(
      "INSERT INTO audit_log (at, actor_id, actor_name, procedure, entity, prev_hash, hash) VALUES (1, 1, 'A', 'p', 'e', 'x', 'y')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor_name = 'B'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE actor_id = 1 ORDER BY id DESC').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/audit_log_by_actor/);
  });
});
