import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');

/** A station just before 0090 with a user and a stay, then the stock tables. */
function at0090() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { upTo: 89 });
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1);
    INSERT INTO persons (id, name, created_at, created_by, updated_at) VALUES (1, '小明', 1, 1, 1);
    INSERT INTO stays (id, person_id, arrived_at, arrived_on, channel, status, owner_id, registered_by, created_at, updated_at)
      VALUES (1, 1, 1, '2026-07-20', 'walk_in', 'in_station', 1, 1, 1, 1);`);
  const kept = JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM stays').all()]);
  expect(migrate(db, { upTo: 90 }).applied).toEqual(['0090-stock.sql']);
  expect(JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM stays').all()])).toBe(kept);
  db.exec(`
    INSERT INTO stock_items (id, name, category, unit, tracks_expiry, created_at, updated_at) VALUES (1, '矿泉水', 'water', '瓶', 1, 1, 1);
    INSERT INTO stock_receipts (id, source, total_fen, at, by_user) VALUES (1, 'allocation', 0, 1, 1);
    INSERT INTO stock_batches (id, item_id, receipt_id, expires_on, unit_cost_fen, created_at) VALUES (1, 1, 1, '2027-01-01', 150, 1);
    INSERT INTO stock_movements (id, item_id, batch_id, kind, quantity, value_fen, receipt_id, at, on_day) VALUES (1, 1, 1, 'allocation', 24, 3600, 1, 1, '2026-07-20');`);
  return db;
}
const balances = (db: Database.Database) => [
  db.prepare('SELECT quantity FROM stock_balances WHERE batch_id = 1').pluck().get(),
  db.prepare('SELECT quantity FROM stock_item_balances WHERE item_id = 1').pluck().get(),
];

describe('0090-stock', () => {
  it('adds the stock tables to a station at the previous version, keeping every row; each movement keeps the balances', () => {
    const db = at0090();
    expect(balances(db)).toEqual([24, 24]);
    db.exec(`INSERT INTO stock_issues (id, destination, stay_id, value_fen, at, by_user) VALUES (1, 'stay', 1, 450, 2, 1);
             INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, issue_id, at, on_day) VALUES (1, 1, 'stay', -3, -450, 1, 2, '2026-07-20');`);
    expect(balances(db)).toEqual([21, 21]);
    // …and the ledger's month totals, gains and losses apart.
    expect(db.prepare('SELECT month, kind, gained, lost, gained_fen, lost_fen FROM stock_month_totals ORDER BY kind').all()).toEqual([
      { month: '2026-07', kind: 'allocation', gained: 24, lost: 0, gained_fen: 3600, lost_fen: 0 },
      { month: '2026-07', kind: 'stay', gained: 0, lost: -3, gained_fen: 0, lost_fen: -450 },
    ]);
  });

  it('refuses a balance below zero, a zero or wrongly signed movement, and a movement of another item’s batch', () => {
    const db = at0090();
    db.exec("INSERT INTO stock_issues (id, destination, department, value_fen, at, by_user) VALUES (1, 'station_use', '厨房', 0, 2, 1)");
    const move = (quantity: number) =>
      db.exec(`INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, issue_id, at, on_day) VALUES (1, 1, 'station_use', ${quantity}, 0, 1, 2, '2026-07-20')`);
    expect(() => move(-25)).toThrow(/CHECK constraint failed: quantity >= 0/);
    expect(() => move(0)).toThrow(/CHECK/);
    expect(() => move(5)).toThrow(/CHECK/); // an issue takes stock out
    move(-24);
    expect(balances(db)).toEqual([0, 0]);
    db.exec("INSERT INTO stock_items (id, name, category, unit, tracks_expiry, created_at, updated_at) VALUES (2, '人丹', 'medicine', '盒', 1, 1, 1)");
    expect(() => db.exec("INSERT INTO stock_movements (item_id, batch_id, kind, quantity, value_fen, receipt_id, at, on_day) VALUES (2, 1, 'allocation', 1, 0, 1, 3, '2026-07-20')")).toThrow(
      /own batch's item/,
    );
  });

  it('keeps movements, documents and batches append-only, and a movement reversed at most once', () => {
    const db = at0090();
    expect(() => db.exec('UPDATE stock_movements SET quantity = 25')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM stock_movements')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE stock_receipts SET note = 'x'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM stock_batches')).toThrow(/never change/);
    expect(() => db.exec("UPDATE stock_batches SET expires_on = '2030-01-01'")).toThrow(/never change/);
    expect(() => db.exec('DELETE FROM stock_items')).toThrow(/inactive/);
    db.exec("INSERT INTO stock_reversals (id, receipt_id, reason, at, by_user) VALUES (1, 1, '错', 2, 1)");
    const reverse = (id: number) =>
      db.exec(`INSERT INTO stock_movements (id, item_id, batch_id, kind, quantity, value_fen, receipt_id, reversal_id, reverses, at, on_day) VALUES (${id}, 1, 1, 'allocation', -1, 0, 1, 1, 1, 2, '2026-07-20')`);
    reverse(2);
    expect(() => reverse(3)).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO stock_reversals (receipt_id, reason, at, by_user) VALUES (1, '再错', 3, 1)")).toThrow(/UNIQUE/);
  });

  it('seals a stocktake once it is closed, and keeps one open at a time', () => {
    const db = at0090();
    db.exec("INSERT INTO stock_stocktakes (id, status, started_at, started_by) VALUES (1, 'open', 1, 1)");
    expect(() => db.exec("INSERT INTO stock_stocktakes (id, status, started_at, started_by) VALUES (2, 'open', 1, 1)")).toThrow(/UNIQUE/);
    db.exec('INSERT INTO stock_stocktake_lines (stocktake_id, batch_id, item_id, expected) VALUES (1, 1, 1, 24)');
    expect(() => db.exec('UPDATE stock_stocktake_lines SET book = 24, counted = 20, counted_at = 2, counted_by = 1')).toThrow(/CHECK/); // a difference without a reason
    db.exec("UPDATE stock_stocktake_lines SET book = 24, counted = 20, counted_at = 2, counted_by = 1, reason = 'lost'");
    expect(() => db.exec('UPDATE stock_stocktake_lines SET expected = 1')).toThrow(/never changes/);
    db.exec("UPDATE stock_stocktakes SET status = 'posted', closed_at = 3, closed_by = 1, approved_by = 1");
    expect(() => db.exec('UPDATE stock_stocktake_lines SET counted = 24, reason = NULL')).toThrow(/never changes/);
    expect(() => db.exec("UPDATE stock_stocktakes SET note = 'x'")).toThrow(/never changes/);
  });

  it('answers the hot queries from indexes', () => {
    const db = at0090();
    expect(plan(db, "SELECT sum(quantity), sum(value_fen) FROM stock_movements WHERE item_id = 1 AND on_day < '2026-01-01'")).toMatch(/COVERING INDEX stock_movements_ledger/);
    expect(plan(db, "SELECT kind, sum(quantity) FROM stock_movements WHERE item_id = 1 AND on_day BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY kind")).toMatch(
      /COVERING INDEX stock_movements_ledger/,
    );
    expect(plan(db, 'SELECT batch_id, expires_on, quantity FROM stock_balances WHERE item_id = 1 AND quantity > 0 ORDER BY expires_on')).toMatch(/INDEX stock_balances_on_hand/);
    expect(plan(db, 'SELECT batch_id, sum(quantity) FROM stock_movements GROUP BY batch_id')).toMatch(/COVERING INDEX stock_movements_by_batch/);
    expect(plan(db, 'SELECT * FROM stock_issues WHERE stay_id = 1')).toMatch(/INDEX stock_issues_by_stay/);
    expect(plan(db, "SELECT month, kind, gained FROM stock_month_totals WHERE item_id = 1 AND month BETWEEN '2026-01' AND '2026-12'")).toMatch(/PRIMARY KEY/);
    expect(plan(db, 'SELECT * FROM stock_movements WHERE issue_id = 1 AND reversal_id IS NULL')).toMatch(/INDEX stock_movements_by_issue/);
    expect(plan(db, 'SELECT * FROM stock_receipts WHERE at >= 1 AND at < 2')).toMatch(/INDEX stock_receipts_by_time/);
  });
});
