import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
const fails = (db: Database.Database, sql: string) => () => db.exec(sql);

/** A station at 0010 (accounts and the audit trail) with two members of staff and an audit row. */
function stationAt10() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { upTo: 10 });
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1), (2, 'b', '乙', 'h', 1, 1);
    INSERT INTO audit_log (id, at, actor_id, actor_name, procedure, entity, entity_id, before, after, prev_hash, hash)
      VALUES (1, 1, 1, '甲', 'setup.initialize', 'station', NULL, NULL, '{}', '0', 'x');`);
  return db;
}

describe('0020-intake', () => {
  it('a station at 0010 gains the intake tables, keeps its accounts and trail, and starts with five zones of 38 beds', () => {
    const db = stationAt10();
    const before = JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM audit_log').all()]);
    expect(migrate(db, { upTo: 20 }).applied).toEqual(['0020-intake.sql']);
    expect(JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM audit_log').all()])).toBe(before);
    const zones = db.prepare('SELECT z.code, z.sex, z.min_age, z.max_age, z.medical, count(b.id) AS beds FROM zones z JOIN beds b ON b.zone_id = z.id GROUP BY z.id ORDER BY z.sort').all();
    expect(zones).toEqual([
      { code: 'men', sex: 'male', min_age: 18, max_age: 59, medical: 0, beds: 12 },
      { code: 'women', sex: 'female', min_age: 18, max_age: 59, medical: 0, beds: 8 },
      { code: 'minors', sex: null, min_age: 0, max_age: 17, medical: 0, beds: 6 },
      { code: 'elderly', sex: null, min_age: 60, max_age: null, medical: 0, beds: 8 },
      { code: 'medical', sex: null, min_age: null, max_age: null, medical: 1, beds: 4 },
    ]);
  });

  it('serves the intake’s questions from indexes', () => {
    const db = stationAt10();
    migrate(db, { upTo: 20 });
    expect(plan(db, "SELECT id FROM persons WHERE id_number = '1'")).toMatch(/USING (COVERING )?INDEX persons_by_id_number/);
    expect(plan(db, "SELECT id FROM persons WHERE pinyin_initials = 'zs'")).toMatch(/USING (COVERING )?INDEX persons_by_initials/);
    expect(plan(db, 'SELECT * FROM stays WHERE person_id = 1 ORDER BY arrived_at')).toMatch(/USING INDEX stays_by_person/);
    expect(plan(db, 'SELECT * FROM stay_events WHERE stay_id = 1 ORDER BY id')).toMatch(/USING INDEX stay_events_by_stay/);
    expect(plan(db, 'SELECT * FROM custody_items WHERE stay_id = 1')).toMatch(/USING INDEX custody_items_by_stay/);
  });

  it('holds the rules the database itself can hold: one ID a person, one bed a person, one person a bed, two different witnesses', () => {
    const db = stationAt10();
    migrate(db, { upTo: 20 });
    db.exec(`
      INSERT INTO persons (id, name, id_number, created_at, created_by, updated_at) VALUES (1, '张三', '110105197903150013', 1, 1, 1), (2, '李四', NULL, 1, 1, 1);
      INSERT INTO stays (id, person_id, arrived_at, arrived_on, channel, status, owner_id, registered_by, created_at, updated_at)
        VALUES (1, 1, 1, '2026-07-20', 'walk_in', 'in_station', 1, 1, 1, 1), (2, 2, 1, '2026-07-20', 'walk_in', 'in_station', 1, 1, 1, 1);
      INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user) VALUES (1, 1, 1, 1);`);
    expect(fails(db, "INSERT INTO persons (name, id_number, created_at, created_by, updated_at) VALUES ('重号', '110105197903150013', 1, 1, 1)")).toThrow(/UNIQUE/);
    expect(fails(db, 'INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user) VALUES (2, 1, 1, 1)')).toThrow(/UNIQUE/); // bed 1 is taken
    expect(fails(db, 'INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user) VALUES (1, 2, 1, 1)')).toThrow(/UNIQUE/); // stay 1 has a bed
    db.exec('UPDATE bed_assignments SET to_at = 2 WHERE stay_id = 1');
    db.exec('INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user) VALUES (2, 1, 2, 1)'); // freed, then taken again
    expect(fails(db, "INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (1, 1, '无', '无', 1, 1)")).toThrow(/CHECK/);
    expect(fails(db, "INSERT INTO custody_items (stay_id, description, quantity, storage_place, received_at, staff_1, staff_2) VALUES (1, '手机', 0, 'A', 1, 1, 2)")).toThrow(/CHECK/);
    expect(fails(db, "INSERT INTO stays (person_id, arrived_at, arrived_on, channel, status, owner_id, registered_by, created_at, updated_at) VALUES (1, 1, '2026-07-20', 'teleport', 'in_station', 1, 1, 1, 1)")).toThrow(/CHECK/);
    expect(fails(db, "INSERT INTO stays (person_id, arrived_at, arrived_on, channel, status, owner_id, registered_by, created_at, updated_at) VALUES (99, 1, '2026-07-20', 'walk_in', 'in_station', 1, 1, 1, 1)")).toThrow(/FOREIGN KEY/);
  });
});
