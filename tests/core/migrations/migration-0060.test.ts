import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');
const snapshot = (db: Database.Database) => JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM audit_log').all()]);

/** A station just before 0060, with two users and some audit rows. */
function before0060() {
  const db = new Database(':memory:');
  migrate(db, { upTo: 59 });
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1), (2, 'b', '乙', 'h', 1, 1);
    INSERT INTO audit_log (id, at, actor_id, actor_name, procedure, entity, entity_id, prev_hash, hash)
      VALUES (1, 1, 1, '甲', 'setup.initialize', 'station', NULL, 'p0', 'h1'), (2, 2, 2, '乙', 'auth.login', 'session', '2', 'h1', 'h2');`);
  return db;
}

const KEY = "INSERT INTO signing_keys (id, user_id, public_key, kdf, salt, iv, tag, ciphertext, created_at) VALUES (?, ?, x'01', 'scrypt$32768$8$1', x'02', x'03', x'04', x'05', 1)";
const SIGNATURE =
  "INSERT INTO signatures (id, entity, entity_id, record_hash, signer_id, key_id, signed_at, anchor_id, anchor_hash, signature) VALUES (1, 'handover', '7', 'r', 1, 1, 5, 2, 'h2', x'00')";

describe('0060-signatures', () => {
  it('adds the tables to a station at the previous version, giving nobody a key and keeping every row', () => {
    const db = before0060();
    const kept = snapshot(db);
    expect(migrate(db, { upTo: 60 }).applied).toEqual(['0060-signatures.sql']);
    expect(snapshot(db)).toBe(kept);
    expect(db.prepare('SELECT count(*) AS n FROM signing_keys').get()).toEqual({ n: 0 });
    expect(plan(db, "SELECT * FROM signatures WHERE entity = 'handover' AND entity_id = '7' ORDER BY id")).toMatch(/USING INDEX signatures_by_record/);
    expect(plan(db, "SELECT * FROM addenda WHERE entity = 'handover' AND entity_id = '7' ORDER BY id")).toMatch(/USING INDEX addenda_by_record/);
    expect(plan(db, 'SELECT * FROM signing_keys WHERE user_id = 1 AND retired_at IS NULL')).toMatch(/USING INDEX signing_keys_current/);
  });

  it('keeps signatures and addenda append-only', () => {
    const db = before0060();
    migrate(db, { upTo: 60 });
    db.prepare(KEY).run(1, 1);
    db.exec(SIGNATURE);
    db.exec("INSERT INTO addenda (id, entity, entity_id, note, added_at, added_by) VALUES (1, 'handover', '7', '补记', 6, 1)");
    expect(() => db.exec("UPDATE signatures SET reason = 'x'")).toThrow(/signatures are append-only/);
    expect(() => db.exec('DELETE FROM signatures')).toThrow(/signatures are append-only/);
    expect(() => db.exec("UPDATE addenda SET note = 'x'")).toThrow(/addenda are append-only/);
    expect(() => db.exec('DELETE FROM addenda')).toThrow(/addenda are append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM signatures').get()).toEqual({ n: 1 });
  });

  it('lets a current key be re-sealed and retired once, never changed in its identity, deleted or revived', () => {
    const db = before0060();
    migrate(db, { upTo: 60 });
    db.prepare(KEY).run(1, 1);
    expect(() => db.prepare(KEY).run(2, 1)).toThrow(/UNIQUE/); // one current key a user
    db.prepare(KEY).run(2, 2);
    db.exec("UPDATE signing_keys SET salt = x'12', iv = x'13', tag = x'14', ciphertext = x'15' WHERE id = 1");
    expect(() => db.exec("UPDATE signing_keys SET public_key = x'09' WHERE id = 1")).toThrow(/identity never changes/);
    expect(() => db.exec('UPDATE signing_keys SET user_id = 2 WHERE id = 1')).toThrow(/identity never changes/);
    expect(() => db.exec('DELETE FROM signing_keys WHERE id = 1')).toThrow(/kept for ever/);
    // Retiring drops the sealed private half in the same update, or the row is refused.
    expect(() => db.exec("UPDATE signing_keys SET retired_at = 9, retired_reason = 'password_reset' WHERE id = 1")).toThrow(/CHECK/);
    db.exec("UPDATE signing_keys SET retired_at = 9, retired_reason = 'password_reset', kdf = NULL, salt = NULL, iv = NULL, tag = NULL, ciphertext = NULL WHERE id = 1");
    expect(() => db.exec('UPDATE signing_keys SET retired_at = NULL, retired_reason = NULL WHERE id = 1')).toThrow(/retired signing key never changes/);
    db.prepare(KEY).run(3, 1); // a new current key beside the retired one
    expect(db.prepare('SELECT id FROM signing_keys WHERE user_id = 1 ORDER BY id').pluck().all()).toEqual([1, 3]);
  });
});
