import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';

const plan = (db: Database.Database, sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / ');

function before0080() {
  const db = new Database(':memory:');
  migrate(db, { upTo: 70 });
  db.exec("INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'a', '甲', 'h', 1, 1), (2, 'b', '乙', 'h', 1, 1)");
  return db;
}

const OPEN = `INSERT INTO handovers (id, shift_day, shift, shift_name, shift_from, shift_to, opened_at, opened_by, compiled_at, sections)
  VALUES (1, '2026-07-20', 'night', '夜班', 100, 200, 190, 1, 190, '[]')`;

describe('0080-handovers', () => {
  it('adds handovers to a station at 0070, one per shift, served by their indexes', () => {
    const db = before0080();
    expect(migrate(db, { upTo: 80 }).applied).toEqual(['0080-handovers.sql']);
    db.exec(OPEN);
    expect(() => db.exec(OPEN.replace('(1,', '(2,'))).toThrow(/UNIQUE/);
    expect(plan(db, 'SELECT * FROM handovers h WHERE h.id < 9 ORDER BY h.id DESC')).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(plan(db, "SELECT id FROM handovers WHERE shift_day = '2026-07-20' AND shift = 'night'")).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_handovers_1/);
    expect(plan(db, "SELECT 1 FROM signatures WHERE entity = 'handover' AND entity_id = '1'")).toMatch(/USING COVERING INDEX signatures_by_record/);
  });

  it('takes acknowledgements only once submitted; fixes a submitted handover; goes back only before an acknowledgement', () => {
    const db = before0080();
    migrate(db, { upTo: 80 });
    db.exec(OPEN);
    db.exec("UPDATE handovers SET notes = '草稿' WHERE id = 1");
    expect(() => db.exec('INSERT INTO handover_acks (handover_id, user_id, at) VALUES (1, 2, 300)')).toThrow(/only a submitted/);
    db.exec('UPDATE handovers SET submitted_at = 250, submitted_by = 1 WHERE id = 1');
    expect(() => db.exec("UPDATE handovers SET notes = '改' WHERE id = 1")).toThrow(/fixed/);
    expect(() => db.exec('UPDATE handovers SET shift_to = 999 WHERE id = 1')).toThrow(/never changes/);
    db.exec('UPDATE handovers SET submitted_at = NULL, submitted_by = NULL WHERE id = 1'); // back, nobody acknowledged
    db.exec('UPDATE handovers SET submitted_at = 260, submitted_by = 1 WHERE id = 1');
    db.exec('INSERT INTO handover_acks (handover_id, user_id, at) VALUES (1, 2, 300)');
    expect(() => db.exec('UPDATE handovers SET submitted_at = NULL, submitted_by = NULL WHERE id = 1')).toThrow(/fixed/);
    expect(() => db.exec('DELETE FROM handover_acks')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM handovers')).toThrow(/kept/);
  });

  it('seals a signed handover', () => {
    const db = before0080();
    migrate(db, { upTo: 80 });
    db.exec(OPEN);
    db.exec(`INSERT INTO signing_keys (id, user_id, public_key, kdf, salt, iv, tag, ciphertext, created_at) VALUES (1, 1, x'01', 'k', x'02', x'03', x'04', x'05', 1);
             INSERT INTO signatures (entity, entity_id, record_hash, signer_id, key_id, signed_at, anchor_id, anchor_hash, signature) VALUES ('handover', '1', 'r', 1, 1, 5, 0, 'g', x'00');`);
    expect(() => db.exec("UPDATE handovers SET notes = '改' WHERE id = 1")).toThrow(/sealed/);
  });
});
