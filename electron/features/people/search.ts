import { pinyin } from 'pinyin-pro';
import type { PersonHit, PersonMatch, StaySummary } from '../../../shared/contract/people';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { ageOn } from '../../../shared/domain/person';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';

/** What the pinyin keys keep of pinyin-pro's answer: its syllables and Latin letters, not a digit, a dot or a sign. */
// Stryker disable next-line Regex: pinyin-pro gives each character that is not Chinese as an element of its own, so an element is a whole syllable or one character: either anchor alone tests the same
const isSyllable = (s: string) => /^[a-z]+$/.test(s);

/**
 * Pinyin keys are computed here, in the main process, when a name is saved: the renderer never ships the
 * dictionary. `surname: 'head'` reads the first character as a surname (曾 → zeng, 单 → shan).
 */
export function pinyinKeys(name: string | null | undefined): { full: string; initials: string } {
  if (!name) return { full: '', initials: '' };
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true })
    .map((s) => s.toLowerCase())
    .filter(isSyllable);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

export interface IndexedPerson {
  id: number;
  name: string | null;
  pinyin_full: string;
  pinyin_initials: string;
  id_number: string | null;
  description: string | null;
  features: string | null;
  clothing: string | null;
}

/** The text the trigram index holds for a person (also written by the data generator's bulk path). */
export function searchText(p: Omit<IndexedPerson, 'id'>): string {
  // Missing fields are left out: the only query that could tell is one of the separators themselves ('|  |'), so
  // Stryker's survivor here (the filter removed) is listed in the README as left unmarked, not called equivalent.
  const present = [p.name, p.pinyin_full, p.pinyin_initials, p.id_number, p.description, p.features, p.clothing].filter(Boolean);
  return present.join(' | ').toLowerCase();
}

/** ASCII-only lower case, as SQLite's lower() and LIKE fold: the gram index keeps LIKE's matching rule. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
/** One gram as a token of the `ascii` tokenizer: any character can be searched, punctuation included. */
const gramToken = (g: string) => 'g' + Buffer.from(g).toString('hex');

/**
 * The short-query index (migration 0030): every 1- and 2-character substring of the name and description, and the
 * 1- and 2-character prefixes of the pinyin keys, each once. A 1–2 character query matches exactly the people the
 * former scan found (`name`/`description` LIKE '%q%', `name`/pinyin LIKE 'q%'). The SQL in 0030 computes the same set.
 */
export function gramText(p: Pick<IndexedPerson, 'name' | 'pinyin_full' | 'pinyin_initials' | 'description'>): string {
  const grams = new Set<string>();
  for (const text of [p.name, p.description]) {
    if (!text) continue;
    const chars = [...asciiLower(text)];
    chars.forEach((c, i) => {
      grams.add(c);
      if (i + 1 < chars.length) grams.add(c + chars[i + 1]);
    });
  }
  for (const key of [p.pinyin_initials, p.pinyin_full]) {
    if (!key) continue;
    const chars = [...key];
    grams.add(chars[0]!);
    grams.add(chars.slice(0, 2).join(''));
  }
  return [...grams].map(gramToken).join(' ');
}

/** The columns a search hit shows. */
export interface HitRow {
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

/**
 * Whole years from ISO date `b` to ISO date `a`, as date-fns differenceInYears counts them for dates
 * (the calendar years between, less one when a's month-day comes before b's; mirrored when b is later).
 * NULL unless both are real calendar dates; callers then ask ageOn (tests/core/migration-0030 compares the two).
 */
const yearsSql = (a: string, b: string) => `CASE WHEN date(${a}) IS NOT ${a} OR date(${b}) IS NOT ${b} THEN NULL
  WHEN ${a} >= ${b} THEN CAST(substr(${a}, 1, 4) AS INTEGER) - CAST(substr(${b}, 1, 4) AS INTEGER) - (substr(${a}, 6, 5) < substr(${b}, 6, 5))
  ELSE -(CAST(substr(${b}, 1, 4) AS INTEGER) - CAST(substr(${a}, 1, 4) AS INTEGER) - (substr(${a}, 6, 5) > substr(${b}, 6, 5))) END`;

/** ageOn (shared/domain/person) in SQL, for person row `p` on `@today`: a birth date after today is no age (NULL). */
export const AGE_SQL = `CASE
  WHEN date(@today) IS NOT @today THEN NULL
  WHEN p.birth_date IS NOT NULL AND p.birth_date <> '' THEN CASE WHEN p.birth_date > @today THEN NULL ELSE ${yearsSql('@today', 'p.birth_date')} END
  WHEN p.estimated_age IS NOT NULL THEN p.estimated_age + CASE WHEN p.estimated_on IS NULL THEN 0
    ELSE max(0, ${yearsSql('@today', 'p.estimated_on')}) END
  END`;

/** The age the statement computed, or ageOn's answer where it could not (no date, or a date SQLite does not accept). */
export function ageFrom(
  r: { age: number | null; birth_date: string | null; estimated_age: number | null; estimated_on: string | null },
  today: string,
): number | null {
  return r.age ?? ageOn(today, { birthDate: r.birth_date, estimatedAge: r.estimated_age, estimatedOn: r.estimated_on });
}

export function staysOf(db: DB, personId: number): StaySummary[] {
  return (
    stmt(db, `SELECT id, arrived_at, status, discharge_type, discharged_at FROM stays WHERE person_id = ? ORDER BY arrived_at DESC`).all(personId) as {
      id: number;
      arrived_at: number;
      status: string;
      discharge_type: string | null;
      discharged_at: number | null;
    }[]
  ).map((s) => ({ id: s.id, arrivedAt: s.arrived_at, status: s.status, dischargeType: s.discharge_type, dischargedAt: s.discharged_at }));
}

function toHit(db: DB, r: HitRow, today: string): PersonHit {
  const last = stmt(db, 'SELECT id, arrived_at, status, discharge_type, discharged_at FROM stays WHERE person_id = ? ORDER BY arrived_at DESC LIMIT 1').get(r.id) as
    | { id: number; arrived_at: number; status: string; discharge_type: string | null; discharged_at: number | null }
    | undefined;
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    age: ageOn(today, { birthDate: r.birth_date, estimatedAge: r.estimated_age, estimatedOn: r.estimated_on }),
    idNumber: r.id_number,
    description: r.description,
    pinyinInitials: r.pinyin_initials,
    lastStay: last ? { id: last.id, arrivedAt: last.arrived_at, status: last.status, dischargeType: last.discharge_type, dischargedAt: last.discharged_at } : null,
  };
}

interface SearchRow extends HitRow {
  age: number | null;
  l_id: number | null;
  l_arrived_at: number;
  l_status: string;
  l_discharge_type: string | null;
  l_discharged_at: number | null;
}

/**
 * One statement per search: people whose name is exactly the query first, then every other match; within each, the
 * newest record first. Both come from indexes in that order (the name index, and the full-text index walked by
 * rowid, i.e. person id, downwards), so a query matching 60,000 people costs what one matching 20 does. The rows come
 * out ready to show: age on `@today` and the latest stay.
 */
const searchSql = (index: 'persons_search' | 'persons_grams') => `
  WITH top (id, rank) AS (
    SELECT id, min(rank) FROM (
      SELECT id, 0 AS rank FROM (SELECT id FROM persons WHERE name = @q ORDER BY id DESC LIMIT @limit)
      UNION ALL
      SELECT id, 1 AS rank FROM (SELECT rowid AS id FROM ${index} WHERE ${index} MATCH @match ORDER BY rowid DESC LIMIT 2 * @limit)
    ) GROUP BY id ORDER BY min(rank), id DESC LIMIT @limit
  )
  SELECT ${HIT_COLUMNS}, ${AGE_SQL} AS age,
    l.id AS l_id, l.arrived_at AS l_arrived_at, l.status AS l_status, l.discharge_type AS l_discharge_type, l.discharged_at AS l_discharged_at
  FROM top JOIN persons p ON p.id = top.id
  LEFT JOIN stays l ON l.id = (SELECT s.id FROM stays s WHERE s.person_id = p.id ORDER BY s.arrived_at DESC LIMIT 1)
  ORDER BY top.rank, top.id DESC`;
export const SEARCH_SQL = { long: searchSql('persons_search'), short: searchSql('persons_grams') };

/** The query as each index reads it: a phrase for the trigram index (3+ characters), one gram token otherwise. */
export function searchQuery(q: string): { sql: string; match: string; q: string } | null {
  // Control characters (NUL above all) would cut the FTS query string short; they are never part of a name.
  const needle = q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().toLowerCase();
  // Stryker disable next-line ConditionalExpression: an empty needle would ask for the name '' (an emptied name is stored as NULL) and the gram token 'g' (every token has a byte after its g): nobody either way; this only saves the statement
  if (!needle) return null;
  return [...needle].length >= 3
    ? { sql: SEARCH_SQL.long, match: `"${needle.replace(/"/g, '""')}"`, q: needle }
    : { sql: SEARCH_SQL.short, match: `"${gramToken(needle)}"`, q: needle };
}

/**
 * Search while typing. Three characters or more answer from the trigram index (substring of name, pinyin,
 * ID digits, description). Shorter queries answer from the gram index: a substring of the name or description,
 * or a prefix of the full pinyin or the initials, so `张`, `zs` and `三` all find 张三.
 */
export function searchPeople(db: DB, q: string, limit: number, today: string): PersonHit[] {
  const query = searchQuery(q);
  if (!query) return [];
  const rows = stmt(db, query.sql).all({ match: query.match, q: query.q, limit, today }) as SearchRow[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    sex: r.sex,
    age: ageFrom(r, today),
    idNumber: r.id_number,
    description: r.description,
    pinyinInitials: r.pinyin_initials,
    lastStay:
      r.l_id === null
        ? null
        : { id: r.l_id, arrivedAt: r.l_arrived_at, status: r.l_status, dischargeType: r.l_discharge_type, dischargedAt: r.l_discharged_at },
  }));
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
  // Every number on record passed checkIdNumber and is kept as it normalizes it (18 characters, an upper-case X): the
  // typed number is read the same way, so an old 15-digit card finds its converted number, and a number that cannot be
  // valid (one still being typed) matches nobody.
  const card = m.idNumber ? checkIdNumber(m.idNumber) : null;
  if (card?.ok) add(stmt(db, `SELECT ${HIT_COLUMNS} FROM persons p WHERE p.id_number = ?`).all(card.normalized) as HitRow[], 'id_number');
  const name = m.name; // trimmed by the contract
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only saves a query: a name or year not given is bound as NULL, which equals no row
  if (name && m.birthYear) {
    add(
      stmt(
        db,
        `SELECT ${HIT_COLUMNS} FROM persons p WHERE p.name = @name AND (substr(p.birth_date, 1, 4) = @year
           OR (p.birth_date IS NULL AND p.estimated_age IS NOT NULL
               AND abs((CAST(substr(p.estimated_on, 1, 4) AS INTEGER) - p.estimated_age) - @y) <= 2))`,
      ).all({ name, year: String(m.birthYear), y: m.birthYear }) as HitRow[],
      'name_birth_year',
    );
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: only saves a query: without a name there is no pinyin and the statement is not run; a sex not given is bound as NULL, which equals no row
  if (name && m.sex) {
    const { full } = pinyinKeys(name);
    if (full) {
      add(
        stmt(db, `SELECT ${HIT_COLUMNS} FROM persons p WHERE p.pinyin_full = ? AND p.sex = ? LIMIT 20`).all(full, m.sex) as HitRow[],
        'pinyin_sex',
      );
    }
  }
  // More reasons first. The sort is stable and the same ID number's rows were found first, so among equals they lead.
  return [...found.values()]
    .sort((a, b) => b.reasons.size - a.reasons.size)
    .slice(0, 10)
    .map(({ row, reasons }) => ({ ...toHit(db, row, today), reasons: [...reasons], stays: staysOf(db, row.id) }));
}
