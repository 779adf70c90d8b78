import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const H = 3_600_000;
const periods = (db: Database.Database, code: string) =>
  db
    .prepare('SELECT p.active_from AS "from", p.retired_at AS until FROM checkpoint_periods p JOIN checkpoints c ON c.id = p.checkpoint_id WHERE c.code = ? ORDER BY p.id')
    .all(code);

/**
 * A station at 0100 whose kitchen was in use from the start, retired at 10 h and brought back at 20 h (so its
 * `active_from` says 20 h), whose gate was renamed, and whose back door was added as retired; then 0110.
 */
function at0110() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { upTo: 100 });
  const kitchen = db.prepare("SELECT id FROM checkpoints WHERE code = 'CP-KITCHEN'").pluck().get() as number;
  const gate = db.prepare("SELECT id FROM checkpoints WHERE code = 'CP-GATE'").pluck().get() as number;
  db.prepare('UPDATE checkpoints SET active_from = ?, retired_at = NULL WHERE id = ?').run(20 * H, kitchen);
  const back = Number(db.prepare("INSERT INTO checkpoints (code, name, kind, active_from, retired_at) VALUES ('CP-BACK', '后门', 'entrance', ?, ?)").run(5 * H, 5 * H).lastInsertRowid);
  const audit = db.prepare(
    "INSERT INTO audit_log (at, actor_name, procedure, entity, entity_id, before, after, prev_hash, hash) VALUES (?, '管理员', ?, 'checkpoint', ?, ?, ?, 'x', 'x')",
  );
  const was = (id: number, code: string, active: boolean, activeFrom: number, retiredAt: number | null) =>
    JSON.stringify({ id, code, name: code, kind: 'other', zoneId: null, sort: 0, active, activeFrom, retiredAt });
  audit.run(5 * H, 'patrol.checkpointSave', String(back), null, JSON.stringify({ id: back }));
  audit.run(10 * H, 'patrol.checkpointSave', String(kitchen), was(kitchen, 'CP-KITCHEN', true, 0, null), JSON.stringify({ id: kitchen }));
  audit.run(12 * H, 'patrol.checkpointSave', String(gate), was(gate, 'CP-GATE', true, 0, null), JSON.stringify({ id: gate }));
  audit.run(20 * H, 'patrol.checkpointSave', String(kitchen), was(kitchen, 'CP-KITCHEN', false, 0, 10 * H), JSON.stringify({ id: kitchen }));
  // Another procedure's row about a retired checkpoint is no period.
  audit.run(21 * H, 'patrol.record', String(kitchen), was(kitchen, 'CP-KITCHEN', false, 1 * H, 2 * H), null);
  expect(migrate(db, { upTo: 110 }).applied).toEqual(['0110-checkpoint-periods.sql']);
  return db;
}

describe('0110-checkpoint-periods', () => {
  it('gives every checkpoint its current period, and a checkpoint brought back before the migration its earlier one from the audit trail', () => {
    const db = at0110();
    expect(periods(db, 'CP-KITCHEN')).toEqual([
      { from: 0, until: 10 * H },
      { from: 20 * H, until: null },
    ]);
    expect(periods(db, 'CP-GATE')).toEqual([{ from: 0, until: null }]);
    expect(periods(db, 'CP-BACK')).toEqual([{ from: 5 * H, until: 5 * H }]);
    const checkpoints = db.prepare('SELECT count(*) FROM checkpoints').pluck().get() as number;
    expect(db.prepare('SELECT count(DISTINCT checkpoint_id) FROM checkpoint_periods').pluck().get()).toBe(checkpoints);
  });

  it('keeps the periods as checkpoints are added, retired and brought back, whatever writes them', () => {
    const db = at0110();
    const id = Number(db.prepare("INSERT INTO checkpoints (code, name, kind, active_from) VALUES ('CP-ROOF', '天台', 'other', ?)").run(30 * H).lastInsertRowid);
    expect(periods(db, 'CP-ROOF')).toEqual([{ from: 30 * H, until: null }]);
    db.prepare('UPDATE checkpoints SET name = ?, sort = 9 WHERE id = ?').run('屋顶', id);
    expect(periods(db, 'CP-ROOF')).toEqual([{ from: 30 * H, until: null }]);
    db.prepare('UPDATE checkpoints SET retired_at = ? WHERE id = ?').run(31 * H, id);
    db.prepare('UPDATE checkpoints SET active_from = ?, retired_at = NULL WHERE id = ?').run(40 * H, id);
    db.prepare('UPDATE checkpoints SET retired_at = ? WHERE id = ?').run(41 * H, id);
    expect(periods(db, 'CP-ROOF')).toEqual([
      { from: 30 * H, until: 31 * H },
      { from: 40 * H, until: 41 * H },
    ]);
  });

  it('never changes or removes a period that is over, and closes the open one only', () => {
    const db = at0110();
    const past = db.prepare("SELECT p.id FROM checkpoint_periods p JOIN checkpoints c ON c.id = p.checkpoint_id WHERE c.code = 'CP-KITCHEN' AND p.retired_at IS NOT NULL").pluck().get();
    const open = db.prepare("SELECT p.id FROM checkpoint_periods p JOIN checkpoints c ON c.id = p.checkpoint_id WHERE c.code = 'CP-GATE'").pluck().get();
    expect(() => db.prepare('UPDATE checkpoint_periods SET retired_at = ? WHERE id = ?').run(11 * H, past)).toThrow(/only ever closed/);
    expect(() => db.prepare('UPDATE checkpoint_periods SET active_from = 1 WHERE id = ?').run(open)).toThrow(/only ever closed/);
    expect(() => db.prepare('DELETE FROM checkpoint_periods WHERE id = ?').run(past)).toThrow(/kept/);
    // A second open period for one checkpoint is refused.
    const gate = db.prepare("SELECT id FROM checkpoints WHERE code = 'CP-GATE'").pluck().get();
    expect(() => db.prepare('INSERT INTO checkpoint_periods (checkpoint_id, active_from) VALUES (?, ?)').run(gate, 50 * H)).toThrow(/UNIQUE/);
    db.prepare('UPDATE checkpoint_periods SET retired_at = ? WHERE id = ?').run(12 * H, open);
    expect(periods(db, 'CP-GATE')).toEqual([{ from: 0, until: 12 * H }]);
  });
});
