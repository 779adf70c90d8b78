import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');

describe('0040-stay-page-indexes', () => {
  it('a station at 0030 gets its stay page’s safety checks and extensions by stay, with every row kept', () => {
    const db = new Database(':memory:');
    migrate(db, { upTo: 30 });
    expect(plan(db, 'SELECT * FROM safety_checks WHERE stay_id = 1')).toMatch(/SCAN safety_checks/);
    db.exec(`
      INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1), (2, 'b', '乙', 'h', 1, 1);
      INSERT INTO persons (id, name, created_at, created_by, updated_at) VALUES (1, '张三', 1, 1, 1);
      INSERT INTO stays (id, person_id, arrived_at, arrived_on, channel, status, owner_id, registered_by, created_at, updated_at)
        VALUES (1, 1, 1, '2026-07-20', 'walk_in', 'in_station', 1, 1, 1, 1);
      INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (1, 2, '无', 'none', 1, 2);
      INSERT INTO stay_extensions (stay_id, days, reason, approved_by, at) VALUES (1, 3, '等待家属', 1, 3);`);
    const before = JSON.stringify([db.prepare('SELECT * FROM safety_checks').all(), db.prepare('SELECT * FROM stay_extensions').all()]);
    expect(migrate(db, { upTo: 40 }).applied).toEqual(['0040-stay-page-indexes.sql']);
    expect(plan(db, 'SELECT * FROM safety_checks WHERE stay_id = 1')).toMatch(/USING INDEX safety_checks_by_stay/);
    expect(plan(db, 'SELECT * FROM stay_extensions WHERE stay_id = 1')).toMatch(/USING INDEX stay_extensions_by_stay/);
    expect(JSON.stringify([db.prepare('SELECT * FROM safety_checks').all(), db.prepare('SELECT * FROM stay_extensions').all()])).toBe(before);
  });
});
