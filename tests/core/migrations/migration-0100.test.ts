import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';
import { BALANCE_MISMATCHES, REBUILD_BATCH_BALANCES } from '../../../electron/features/stock/balances';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);

/** A station at 0090 with two batches of one item and three movements, then 0100. */
function at0100() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { upTo: 90 });
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1);
    INSERT INTO stock_items (id, name, category, unit, tracks_expiry, created_at, updated_at) VALUES (1, '矿泉水', 'water', '瓶', 1, 1, 1);
    INSERT INTO stock_receipts (id, source, total_fen, at, by_user) VALUES (1, 'allocation', 0, 1, 1);
    INSERT INTO stock_batches (id, item_id, receipt_id, expires_on, unit_cost_fen, created_at) VALUES (1, 1, 1, '2027-01-01', 150, 1), (2, 1, 1, '2027-03-01', 150, 1);
    INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, receipt_id, at, on_day) VALUES
      (1, 1, 'allocation', 24, 3600, 1, 1, '2026-07-20'), (1, 2, 'allocation', 12, 1800, 1, 1, '2026-07-20');
    INSERT INTO stock_issues (id, destination, department, value_fen, at, by_user) VALUES (1, 'station_use', '厨房', 750, 2, 1);
    INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, issue_id, at, on_day) VALUES (1, 1, 'station_use', -5, -750, 1, 2, '2026-07-21');`);
  const kept = JSON.stringify([db.prepare('SELECT * FROM stock_movements').all(), db.prepare('SELECT * FROM stock_balances').all()]);
  expect(migrate(db, { upTo: 100 }).applied).toEqual(['0100-stock-write-pages.sql']);
  expect(JSON.stringify([db.prepare('SELECT * FROM stock_movements').all(), db.prepare('SELECT * FROM stock_balances').all()])).toBe(kept);
  return db;
}

describe('0100-stock-write-pages', () => {
  it('leaves no index of the movements keyed by batch, so a document across many batches writes few pages', () => {
    const db = at0100();
    const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'stock_movements' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
    expect(indexes.map((i) => i.name)).not.toContain('stock_movements_by_batch');
    expect(indexes.filter((i) => /ON stock_movements \(batch_id/.test(i.sql))).toEqual([]);
  });

  it('keeps the balances check and the rebuild to one pass over the movements, not one search per batch', () => {
    const db = at0100();
    const rebuild = plan(db, REBUILD_BATCH_BALANCES);
    // The movements are scanned once, into the materialized sums; each batch then searches those sums.
    expect(rebuild.filter((d) => /stock_movements/.test(d))).toEqual(['SCAN stock_movements']);
    expect(rebuild[rebuild.indexOf('SCAN stock_movements') - 1]).toBe('MATERIALIZE per_batch');
    expect(rebuild.some((d) => /^SEARCH p USING .*INDEX \(batch_id=\?\)$/.test(d))).toBe(true);
    expect(plan(db, BALANCE_MISMATCHES).filter((d) => /^SCAN stock_movements$/.test(d))).toHaveLength(1);
    db.exec('UPDATE stock_balances SET quantity = 0');
    db.exec(REBUILD_BATCH_BALANCES);
    expect(db.prepare('SELECT batch_id, quantity FROM stock_balances ORDER BY batch_id').all()).toEqual([
      { batch_id: 1, quantity: 19 },
      { batch_id: 2, quantity: 12 },
    ]);
    expect(db.prepare(BALANCE_MISMATCHES).all()).toEqual([]);
  });
});
