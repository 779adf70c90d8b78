import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

describe('0050-late-registration', () => {
  it('a station at 0040 gains the late-registration reason, with every stay kept and impossible dates left as they were', () => {
    const db = new Database(':memory:');
    migrate(db, { upTo: 40 });
    db.exec(`
      INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1);
      INSERT INTO persons (id, name, birth_date, created_at, created_by, updated_at) VALUES (1, '小明', '2012-02-30', 1, 1, 1);
      INSERT INTO stays (id, person_id, arrived_at, arrived_on, channel, status, owner_id, registered_by, created_at, updated_at)
        VALUES (1, 1, 1, '2026-07-20', 'walk_in', 'in_station', 1, 1, 1, 1);`);
    const before = db.prepare('SELECT * FROM stays').get() as Record<string, unknown>;
    expect(migrate(db, { upTo: 50 }).applied).toEqual(['0050-late-registration.sql']);
    expect(db.prepare('SELECT * FROM stays').get()).toEqual({ ...before, late_reason: null });
    // Nothing is silently changed: the impossible birth date stays on record (its age reads as unknown).
    expect(db.prepare('SELECT birth_date FROM persons').pluck().get()).toBe('2012-02-30');
    db.prepare("UPDATE stays SET late_reason = '补登' WHERE id = 1").run();
    expect(db.prepare('SELECT late_reason FROM stays').pluck().get()).toBe('补登');
  });
});
