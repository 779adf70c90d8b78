import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');

/** A station just before 0070: two accounts, one zone closed, some audit rows. */
function before0070() {
  const db = new Database(':memory:');
  migrate(db, { upTo: 69 });
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 5, 5), (2, 'b', '乙', 'h', 7, 7);
    UPDATE zones SET active = 0 WHERE code = 'minors';`);
  return db;
}

const ASSIGN = `INSERT INTO roster_assignments (day, shift, post, staff_id, starts_at, ends_at, night, change_id, created_at, created_by)
  VALUES (@day, 'day', 'front_desk', 1, 10, 20, 0, @change, 1, 1)`;

describe('0070-duty', () => {
  it('gives every account its staff row (and every later account one), and seeds the checkpoints from the active zones', () => {
    const db = before0070();
    expect(migrate(db, { upTo: 70 }).applied).toEqual(['0070-duty.sql']);
    expect(db.prepare('SELECT id, user_id, name, posts, created_at FROM staff ORDER BY id').all()).toEqual([
      { id: 1, user_id: 1, name: null, posts: null, created_at: 5 },
      { id: 2, user_id: 2, name: null, posts: null, created_at: 7 },
    ]);
    db.exec("INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (3, 'c', '丙', 'h', 9, 9)");
    expect(db.prepare('SELECT user_id FROM staff WHERE id = 3').pluck().get()).toBe(3);
    expect(() => db.exec("INSERT INTO staff (name, created_at, updated_at) VALUES ('保安', 1, 1)")).toThrow(/CHECK/); // no posts
    expect(() => db.exec('DELETE FROM staff WHERE id = 1')).toThrow(/kept/);
    const codes = db.prepare('SELECT code FROM checkpoints ORDER BY sort, id').pluck().all();
    expect(codes).toEqual(['CP-MEN', 'CP-WOMEN', 'CP-ELDERLY', 'CP-MEDICAL', 'CP-KITCHEN', 'CP-GATE', 'CP-FIRE-1', 'CP-FIRE-2']);
    expect(db.prepare("SELECT kind FROM checkpoints WHERE code = 'CP-MEDICAL'").pluck().get()).toBe('medical');
  });

  it('keeps a published day’s plan: no edit, no removal, no plan added; a change only on a published day', () => {
    const db = before0070();
    migrate(db, { upTo: 70 });
    const draft = Number(db.prepare(ASSIGN).run({ day: '2026-07-27', change: null }).lastInsertRowid);
    db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(draft); // drafts are edited freely
    const planned = Number(db.prepare(ASSIGN).run({ day: '2026-07-27', change: null }).lastInsertRowid);
    expect(() => db.prepare('UPDATE roster_assignments SET staff_id = 2 WHERE id = ?').run(planned)).toThrow(/never edited/);
    db.exec(`INSERT INTO roster_publications (id, from_day, to_day, published_at, published_by, gaps, conflicts, check_detail) VALUES (1, '2026-07-27', '2026-07-27', 1, 1, 0, 0, '{}');
             INSERT INTO roster_published_days (day, publication_id) VALUES ('2026-07-27', 1);`);
    expect(() => db.exec("INSERT INTO roster_publications (from_day, to_day, published_at, published_by, gaps, conflicts, check_detail) VALUES ('2026-07-28', '2026-07-28', 1, 1, 3, 0, '{}')")).toThrow(/CHECK/); // gaps need an override
    expect(() => db.prepare('DELETE FROM roster_assignments WHERE id = ?').run(planned)).toThrow(/recorded change/);
    expect(() => db.prepare(ASSIGN).run({ day: '2026-07-27', change: null })).toThrow(/published day takes changes/);
    db.exec("INSERT INTO roster_changes (id, kind, reason, approved_by, recorded_by, recorded_at) VALUES (1, 'cover', '顶班', 1, 1, 1)");
    expect(() => db.prepare(ASSIGN).run({ day: '2026-07-28', change: 1 })).toThrow(/published day takes changes/);
    db.prepare(ASSIGN).run({ day: '2026-07-27', change: 1 });
    db.prepare('INSERT INTO roster_removals (assignment_id, change_id) VALUES (?, 1)').run(planned);
    for (const sql of ['DELETE FROM roster_removals', "UPDATE roster_changes SET reason = 'x'", 'DELETE FROM roster_published_days']) expect(() => db.exec(sql), sql).toThrow(/append-only/);
  });

  it('serves the roster’s, patrols’ and follow-ups’ reads from indexes', () => {
    const db = before0070();
    migrate(db, { upTo: 70 });
    expect(plan(db, "SELECT * FROM roster_assignments WHERE day BETWEEN '2026-07-01' AND '2026-07-31'")).toMatch(/USING INDEX roster_by_day/);
    expect(plan(db, 'SELECT * FROM roster_assignments a WHERE a.staff_id = 1 AND a.starts_at > 5 AND a.starts_at < 10')).toMatch(/USING INDEX roster_by_staff/);
    expect(plan(db, 'SELECT * FROM roster_assignments a WHERE a.starts_at > 5 AND a.starts_at < 10')).toMatch(/USING INDEX roster_by_start/);
    expect(plan(db, 'SELECT * FROM patrol_rounds WHERE at >= 1 AND at <= 9')).toMatch(/USING INDEX patrol_rounds_by_time/);
    expect(plan(db, 'SELECT 1 FROM patrol_rounds WHERE checkpoint_id = 1 AND walked_by = 1 AND at > 1 AND at < 9')).toMatch(/USING INDEX patrol_rounds_by_checkpoint/);
    expect(plan(db, 'SELECT * FROM follow_ups f WHERE f.done_at IS NULL ORDER BY f.due_at')).toMatch(/USING INDEX follow_ups_open/);
    expect(plan(db, 'SELECT * FROM incidents WHERE at >= 1 AND at < 9')).toMatch(/USING INDEX incidents_by_time/);
  });

  it('closes a follow-up task once and never edits it; keeps rounds and incidents append-only', () => {
    const db = before0070();
    migrate(db, { upTo: 70 });
    db.exec(`INSERT INTO patrol_rounds (id, checkpoint_id, at, walked_by, finding, category, recorded_by, recorded_at) VALUES (1, 1, 1, 1, 'issue', 'facility', 1, 1);
             INSERT INTO follow_ups (id, round_id, task, owner_id, due_at, created_at, created_by) VALUES (1, 1, '修门', 1, 9, 1, 1);`);
    expect(() => db.exec("INSERT INTO patrol_rounds (checkpoint_id, at, walked_by, finding, recorded_by, recorded_at) VALUES (1, 1, 1, 'issue', 1, 1)")).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE follow_ups SET due_at = 99 WHERE id = 1')).toThrow(/closed once/);
    db.exec("UPDATE follow_ups SET done_at = 5, done_by = 1, done_note = '已修' WHERE id = 1");
    expect(() => db.exec("UPDATE follow_ups SET done_note = '改' WHERE id = 1")).toThrow(/closed once/);
    expect(() => db.exec('DELETE FROM patrol_rounds')).toThrow(/append-only/);
  });
});
