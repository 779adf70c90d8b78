import { pinyin } from 'pinyin-pro';
import type { PersonHit, PersonMatch, StaySummary } from '../../../shared/contract/people';
import { ageOn } from '../../../shared/domain/person';
import type { DB } from '../../db/open';

/**
 * Pinyin keys are computed here, in the main process, when a name is saved: the renderer never ships the
 * dictionary. `surname: 'head'` reads the first character as a surname (曾 → zeng, 单 → shan).
 */
export function pinyinKeys(name: string | null | undefined): { full: string; initials: string } {
  if (!name) return { full: '', initials: '' };
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((s) => s.toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s));
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

interface IndexedPerson {
  id: number;
  name: string | null;
  pinyin_full: string;
  pinyin_initials: string;
  id_number: string | null;
  description: string | null;
  features: string | null;
  clothing: string | null;
}

/** Keeps the trigram index in step with a person row; call inside the same transaction. */
export function reindexPerson(db: DB, personId: number): void {
  const p = db
    .prepare('SELECT id, name, pinyin_full, pinyin_initials, id_number, description, features, clothing FROM persons WHERE id = ?')
    .get(personId) as IndexedPerson | undefined;
  db.prepare('DELETE FROM persons_search WHERE rowid = ?').run(personId);
  if (!p) return;
  const text = [p.name, p.pinyin_full, p.pinyin_initials, p.id_number, p.description, p.features, p.clothing]
    .filter(Boolean)
    .join(' | ')
    .toLowerCase();
  db.prepare('INSERT INTO persons_search (rowid, text) VALUES (?, ?)').run(personId, text);
}

interface HitRow {
  id: number;
  name: string | null;
  sex: 'male' | 'female' | null;
  birth_date: string | null;
  estimated_age: number | null;
  estimated_on: string | null;
  id_number: string | null;
  description: string | null;
  pinyin_initials: string;
}

const HIT_COLUMNS = 'p.id, p.name, p.sex, p.birth_date, p.estimated_age, p.estimated_on, p.id_number, p.description, p.pinyin_initials';

export function staysOf(db: DB, personId: number): StaySummary[] {
  return (
    db
      .prepare(
        `SELECT id, arrived_at, status, discharge_type, discharged_at FROM stays WHERE person_id = ? ORDER BY arrived_at DESC`,
      )
      .all(personId) as { id: number; arrived_at: number; status: string; discharge_type: string | null; discharged_at: number | null }[]
  ).map((s) => ({ id: s.id, arrivedAt: s.arrived_at, status: s.status, dischargeType: s.discharge_type, dischargedAt: s.discharged_at }));
}

function toHit(db: DB, r: HitRow, today: string): PersonHit {
  const last = db
    .prepare('SELECT id, arrived_at, status, discharge_type, discharged_at FROM stays WHERE person_id = ? ORDER BY arrived_at DESC LIMIT 1')
    .get(r.id) as { id: number; arrived_at: number; status: string; discharge_type: string | null; discharged_at: number | null } | undefined;
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    age: ageOn(today, { birthDate: r.birth_date, estimatedAge: r.estimated_age, estimatedOn: r.estimated_on }),
    idNumber: r.id_number,
    description: r.description,
    pinyinInitials: r.pinyin_initials,
    lastStay: last
      ? { id: last.id, arrivedAt: last.arrived_at, status: last.status, dischargeType: last.discharge_type, dischargedAt: last.discharged_at }
      : null,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * Search while typing. Three characters or more answer from the trigram index (substring of name, pinyin,
 * ID digits, description). Shorter queries use the indexed prefixes (name, full pinyin, initials) and then
 * a bounded substring scan, so `张`, `zs` and `三` all find 张三.
 */
export function searchPeople(db: DB, q: string, limit: number, today: string): PersonHit[] {
  // Control characters (NUL above all) would cut the FTS query string short; they are never part of a name.
  const needle = q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().toLowerCase();
  if (!needle) return [];
  let rows: HitRow[];
  if ([...needle].length >= 3) {
    rows = db
      .prepare(
        `SELECT ${HIT_COLUMNS} FROM persons_search s JOIN persons p ON p.id = s.rowid
         WHERE persons_search MATCH @match ORDER BY (p.name = @q) DESC, p.updated_at DESC LIMIT @limit`,
      )
      .all({ match: `"${needle.replace(/"/g, '""')}"`, q: needle, limit }) as HitRow[];
  } else {
    const prefix = `${escapeLike(needle)}%`;
    rows = db
      .prepare(
        `SELECT ${HIT_COLUMNS} FROM persons p WHERE p.name LIKE @prefix ESCAPE '\\' OR p.pinyin_initials LIKE @prefix ESCAPE '\\'
           OR p.pinyin_full LIKE @prefix ESCAPE '\\'
         UNION
         SELECT * FROM (SELECT ${HIT_COLUMNS} FROM persons p
           WHERE p.name LIKE @anywhere ESCAPE '\\' OR p.description LIKE @anywhere ESCAPE '\\' LIMIT @limit)
         LIMIT @limit`,
      )
      .all({ prefix, anywhere: `%${escapeLike(needle)}%`, limit }) as HitRow[];
  }
  return rows.map((r) => toHit(db, r, today));
}

/**
 * Search before create: the same ID number; the same name and birth year; the same pinyin and sex.
 * Each match says why it matched and lists its past stays.
 */
export function matchPeople(
  db: DB,
  m: { name?: string; sex?: 'male' | 'female'; birthYear?: number; idNumber?: string },
  today: string,
): PersonMatch[] {
  const found = new Map<number, { row: HitRow; reasons: Set<PersonMatch['reasons'][number]> }>();
  const add = (rows: HitRow[], reason: PersonMatch['reasons'][number]) => {
    for (const row of rows) {
      const e = found.get(row.id) ?? { row, reasons: new Set() };
      e.reasons.add(reason);
      found.set(row.id, e);
    }
  };
  const idNumber = m.idNumber?.trim().toUpperCase();
  if (idNumber && idNumber.length >= 15) {
    add(db.prepare(`SELECT ${HIT_COLUMNS} FROM persons p WHERE p.id_number = ?`).all(idNumber) as HitRow[], 'id_number');
  }
  const name = m.name?.trim();
  if (name && m.birthYear) {
    add(
      db
        .prepare(
          `SELECT ${HIT_COLUMNS} FROM persons p WHERE p.name = @name AND (substr(p.birth_date, 1, 4) = @year
             OR (p.birth_date IS NULL AND p.estimated_age IS NOT NULL
                 AND abs((CAST(substr(p.estimated_on, 1, 4) AS INTEGER) - p.estimated_age) - @y) <= 2))`,
        )
        .all({ name, year: String(m.birthYear), y: m.birthYear }) as HitRow[],
      'name_birth_year',
    );
  }
  if (name && m.sex) {
    const { full } = pinyinKeys(name);
    if (full) {
      add(
        db.prepare(`SELECT ${HIT_COLUMNS} FROM persons p WHERE p.pinyin_full = ? AND p.sex = ? LIMIT 20`).all(full, m.sex) as HitRow[],
        'pinyin_sex',
      );
    }
  }
  return [...found.values()]
    .sort((a, b) => b.reasons.size - a.reasons.size || (a.reasons.has('id_number') ? -1 : 1))
    .slice(0, 10)
    .map(({ row, reasons }) => ({ ...toHit(db, row, today), reasons: [...reasons], stays: staysOf(db, row.id) }));
}
