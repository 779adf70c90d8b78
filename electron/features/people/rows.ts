/**
 * The person registry's row writers, beneath writePerson's checks: the demo generator's bulk path writes its persons
 * through the same functions (one write path for `persons` and both search indexes).
 */
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import { gramText, searchText, type IndexedPerson } from './search';

/** A whole new `persons` row (photo aside: it is set later, by setPhoto). */
export interface PersonRowValues {
  name: string | null;
  sex: string | null;
  birth_date: string | null;
  estimated_age: number | null;
  estimated_on: string | null;
  id_number: string | null;
  hukou_place: string | null;
  residence: string | null;
  benefits: string | null;
  dialect: string | null;
  height_cm: number | null;
  build: string | null;
  features: string | null;
  clothing: string | null;
  description: string | null;
  field_states: string;
  pinyin_full: string;
  pinyin_initials: string;
  created_at: number;
  created_by: number;
  updated_at: number;
}

export const PERSON_ROW_COLUMNS = [
  'name',
  'sex',
  'birth_date',
  'estimated_age',
  'estimated_on',
  'id_number',
  'hukou_place',
  'residence',
  'benefits',
  'dialect',
  'height_cm',
  'build',
  'features',
  'clothing',
  'description',
  'field_states',
  'pinyin_full',
  'pinyin_initials',
  'created_at',
  'created_by',
  'updated_at',
] as const satisfies readonly (keyof PersonRowValues)[];

const INSERT_PERSON = `INSERT INTO persons (${PERSON_ROW_COLUMNS.join(', ')}) VALUES (${PERSON_ROW_COLUMNS.map((c) => '@' + c).join(', ')})`;

/** Inserts the row; its search index rows are written by indexNewPerson (at once, or batched by a bulk load). */
export function insertPerson(db: DB, row: PersonRowValues): number {
  return Number(cached(db, INSERT_PERSON).run(row).lastInsertRowid);
}

/**
 * Sets the given columns of one person. A statement of variable shape: its text follows the columns an edit changes
 * (any subset of about twenty), so it is prepared for the call rather than kept in the per-connection statement
 * cache, which holds a bounded set of fixed texts.
 */
export function updatePersonColumns(db: DB, id: number, sets: Record<string, unknown>): void {
  db.prepare(`UPDATE persons SET ${Object.keys(sets).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...sets, id });
}

/** Both search index rows of a person that has none yet. */
export function indexNewPerson(db: DB, id: number, p: Omit<IndexedPerson, 'id'>): void {
  cached(db, 'INSERT INTO persons_search (rowid, text) VALUES (?, ?)').run(id, searchText(p));
  const grams = gramText(p);
  if (grams) cached(db, 'INSERT INTO persons_grams (rowid, grams) VALUES (?, ?)').run(id, grams);
}

/** Replaces a person's search index rows with the row as it now stands (after any change to an indexed column). */
export function reindexPerson(db: DB, id: number): void {
  const p = cached(db, 'SELECT id, name, pinyin_full, pinyin_initials, id_number, description, features, clothing FROM persons WHERE id = ?').get(id) as
    | IndexedPerson
    | undefined;
  cached(db, 'DELETE FROM persons_search WHERE rowid = ?').run(id);
  cached(db, 'DELETE FROM persons_grams WHERE rowid = ?').run(id);
  if (p) indexNewPerson(db, id, p);
}
