import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/db/migrate';
import { BOARD_SQL } from '../../../electron/features/intake/board';
import { AGE_SQL, ageFrom, gramText, pinyinKeys, searchPeople, searchText } from '../../../electron/features/people/search';
import { ageOn } from '../../../shared/domain/person';

/** A station at schema 0020 with people written as the 0020 code wrote them (person row + trigram row). */
function stationAt20() {
  const db = new Database(':memory:');
  migrate(db, { upTo: 20 });
  db.prepare("INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES ('desk', '李明', 'h', 1, 1)").run();
  const insert = db.prepare(
    `INSERT INTO persons (name, sex, description, features, clothing, id_number, pinyin_full, pinyin_initials, created_at, created_by, updated_at)
     VALUES (@name, @sex, @description, @features, @clothing, @id_number, @pinyin_full, @pinyin_initials, 1, 1, 1)`,
  );
  const people = [
    { name: '张三丰', sex: 'male', description: null, id_number: '41010219700101123X' },
    { name: '曾小贤', sex: 'male', description: null, id_number: null },
    { name: null, sex: 'male', description: '光头，左臂有龙形纹身，穿Ｔ恤，说ABC', id_number: null },
    { name: 'Anna Müller', sex: 'female', description: 'ÄÖ 外籍 😀', id_number: null },
    { name: '王', sex: 'female', description: '', id_number: null },
    { name: null, sex: null, description: null, id_number: null },
  ];
  for (const p of people) {
    const keys = pinyinKeys(p.name);
    const row = { ...p, features: null, clothing: null, pinyin_full: keys.full, pinyin_initials: keys.initials };
    const id = Number(insert.run(row).lastInsertRowid);
    db.prepare('INSERT INTO persons_search (rowid, text) VALUES (?, ?)').run(id, searchText(row));
  }
  return db;
}

const vocab = (db: Database.Database, table: string) => {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_${table} USING fts5vocab(main, ${table}, 'instance')`);
  return (db.prepare(`SELECT term, doc FROM temp.v_${table} ORDER BY doc, term`).raw().all() as [string, number][]).map(([t, d]) => `${d}:${t}`);
};

describe('0030-search-and-board', () => {
  it('fills the gram index for existing people with exactly the grams the main process writes', () => {
    const db = stationAt20();
    migrate(db, { upTo: 30 });
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    const persons = db.prepare('SELECT id, name, pinyin_full, pinyin_initials, description FROM persons ORDER BY id').all() as {
      id: number;
      name: string | null;
      pinyin_full: string;
      pinyin_initials: string;
      description: string | null;
    }[];
    const expected = persons
      .flatMap((p) => (gramText(p) ? gramText(p).split(' ').map((t) => `${p.id}:${t}`) : []))
      .sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]) || (a < b ? -1 : a > b ? 1 : 0));
    expect(expected.length).toBeGreaterThan(50);
    expect(vocab(db, 'persons_grams')).toEqual(expected);
    // Nobody without a name, description or pinyin gets a row.
    expect(db.prepare('SELECT count(*) AS n FROM persons_grams').get()).toEqual({ n: 5 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('short queries find what the former LIKE scan found: name and description substrings, pinyin prefixes', () => {
    const db = stationAt20();
    migrate(db, { upTo: 30 });
    const ids = (q: string) => searchPeople(db, q, 20, '2026-07-20').map((h) => h.id);
    expect(ids('张')).toEqual([1]);
    expect(ids('三')).toEqual([1]);
    expect(ids('zs')).toEqual([1]);
    expect(ids('zh')).toEqual([1]); // zhangsanfeng
    expect(ids('z')).toEqual([2, 1]); // zeng…, zhang…: newest first
    expect(ids('纹身')).toEqual([3]);
    expect(ids('，')).toEqual([3]); // punctuation is a character like any other
    expect(ids('ab')).toEqual([3]); // ASCII case folds, as LIKE did…
    expect(ids('ＡＢ'.slice(0, 1))).toEqual([]); // …other letters keep their case, as LIKE did
    expect(ids('Ｔ')).toEqual([]);
    expect(ids('ä')).toEqual([]);
    expect(ids('Ä')).toEqual([]); // the needle is lowered by the app, the text is not
    expect(ids('ül')).toEqual([4]);
    expect(ids('😀')).toEqual([4]);
    expect(ids('王')).toEqual([5, 1].filter((i) => i === 5)); // exactly 王: the exact name first
    expect(ids('an')).toEqual([4]);
  });

  it('a hit shows the record as stored, and no last stay for someone never registered for one', () => {
    const db = stationAt20();
    migrate(db, { upTo: 30 });
    const hit = { id: 1, name: '张三丰', sex: 'male', age: null, idNumber: '41010219700101123X', description: null, pinyinInitials: 'zsf', lastStay: null };
    expect(searchPeople(db, '张三丰', 20, '2026-07-20')).toEqual([hit]);
    expect(searchPeople(db, '张三', 20, '2026-07-20')).toEqual([hit]);
  });

  it('puts an exact name first, then the newest records, for both indexes', () => {
    const db = stationAt20();
    migrate(db, { upTo: 30 });
    const add = (name: string) => {
      const keys = pinyinKeys(name);
      const id = Number(
        db
          .prepare(`INSERT INTO persons (name, pinyin_full, pinyin_initials, created_at, created_by, updated_at) VALUES (?, ?, ?, 1, 1, 1)`)
          .run(name, keys.full, keys.initials).lastInsertRowid,
      );
      const p = { name, pinyin_full: keys.full, pinyin_initials: keys.initials, id_number: null, description: null, features: null, clothing: null };
      db.prepare('INSERT INTO persons_search (rowid, text) VALUES (?, ?)').run(id, searchText(p));
      db.prepare('INSERT INTO persons_grams (rowid, grams) VALUES (?, ?)').run(id, gramText(p));
      return id;
    };
    const exact = add('张伟');
    const a = add('张伟民');
    const b = add('张伟华');
    const ids = (q: string, limit = 20) => searchPeople(db, q, limit, '2026-07-20').map((h) => h.id);
    expect(ids('张伟')).toEqual([exact, b, a]);
    expect(ids('张伟', 2)).toEqual([exact, b]);
    const exact3 = add('张伟民');
    expect(ids('张伟民')).toEqual([exact3, a]);
  });

  it('serves the board’s open stays from the new partial index, and its tasks from the open stays', () => {
    const db = stationAt20();
    migrate(db, { upTo: 30 });
    const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    expect(plan(BOARD_SQL.open, { today: '2026-07-20' }).join(' / ')).toMatch(/SCAN s USING INDEX stays_open_by_arrival/);
    expect(plan(BOARD_SQL.tasks)[0]).toMatch(/SCAN s USING INDEX stays_open_by_arrival/);
    expect(plan(BOARD_SQL.tasks).join(' / ')).toMatch(/SEARCH t USING INDEX sqlite_autoindex_family_search_tasks/);
  });

  it('computes ages in SQL exactly as ageOn does (valid, impossible and future dates, estimates)', () => {
    const db = new Database(':memory:');
    const age = db.prepare(`SELECT ${AGE_SQL} AS age FROM (SELECT @birth_date AS birth_date, @estimated_age AS estimated_age, @estimated_on AS estimated_on) p`);
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    // Month 1–13 and day 1–31: impossible dates (2001-02-29, 2000-04-31, month 13) are part of the space.
    const isoDate = fc.tuple(fc.integer({ min: 1880, max: 2100 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    const person = fc.record({
      birth_date: fc.option(isoDate, { nil: null }),
      estimated_age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      estimated_on: fc.option(isoDate, { nil: null }),
    });
    const same = (a: number | null, b: number | null) => (Number.isNaN(a) && Number.isNaN(b)) || a === b;
    fc.assert(
      fc.property(person, isoDate, (p, today) => {
        const sql = (age.get({ ...p, today }) as { age: number | null }).age;
        const expected = ageOn(today, { birthDate: p.birth_date, estimatedAge: p.estimated_age, estimatedOn: p.estimated_on });
        expect(same(ageFrom({ ...p, age: sql }, today), expected), JSON.stringify({ p, today, sql, expected })).toBe(true);
      }),
      { numRuns: 3000 },
    );
    // Leap days and the day before a birthday, by hand.
    for (const [birth, today, years] of [
      ['2000-02-29', '2026-02-28', 25],
      ['2000-02-29', '2026-03-01', 26],
      ['2000-02-29', '2028-02-29', 28],
      ['1990-07-21', '2026-07-20', 35],
      ['1990-07-20', '2026-07-20', 36],
      // A birth date after today is no age at all (issue 8: it once gave 0 or a negative age).
      ['2026-07-21', '2026-07-20', null],
      ['2027-01-01', '2026-07-20', null],
      ['2028-01-01', '2026-07-20', null],
    ] as const) {
      expect((age.get({ birth_date: birth, estimated_age: null, estimated_on: null, today }) as { age: number | null }).age, `${birth} ${today}`).toBe(years);
      expect(ageOn(today, { birthDate: birth })).toBe(years);
    }
  });
});
