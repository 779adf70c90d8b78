import type { PersonDetail } from '../../../shared/contract/people';
import type { z } from 'zod';
import type { personFields } from '../../../shared/contract/people';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { ageOn, IDENTITY_FIELDS, type IdentityField } from '../../../shared/domain/person';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';
import { indexNewPerson, insertPerson, reindexPerson, updatePersonColumns, type PersonRowValues } from './rows';
import { pinyinKeys, staysOf, type HitRow } from './search';

export type PersonFields = z.output<typeof personFields>;

/** A whole `persons` row (the search's hit columns and the rest). */
interface PersonRow extends HitRow {
  hukou_place: string | null;
  residence: string | null;
  benefits: PersonDetail['benefits'];
  dialect: string | null;
  height_cm: number | null;
  build: string | null;
  features: string | null;
  clothing: string | null;
  has_photo: number;
  field_states: string;
  created_at: number;
}

/** Maps contract field names to columns, for the fields a person record holds. */
const COLUMNS = {
  name: 'name',
  sex: 'sex',
  birthDate: 'birth_date',
  estimatedAge: 'estimated_age',
  idNumber: 'id_number',
  hukouPlace: 'hukou_place',
  residence: 'residence',
  benefits: 'benefits',
  dialect: 'dialect',
  heightCm: 'height_cm',
  build: 'build',
  features: 'features',
  clothing: 'clothing',
  description: 'description',
} as const satisfies Partial<Record<keyof PersonFields, string>>;

/** A person's stored columns apart from keys, times and the photo: what an edit reads, changes and reports. */
interface StoredPerson {
  name: string | null;
  sex: 'male' | 'female' | null;
  birth_date: string | null;
  estimated_age: number | null;
  estimated_on: string | null;
  id_number: string | null;
  hukou_place: string | null;
  residence: string | null;
  benefits: PersonDetail['benefits'];
  dialect: string | null;
  height_cm: number | null;
  build: string | null;
  features: string | null;
  clothing: string | null;
  description: string | null;
  field_states: string;
}
const STORED_COLUMNS =
  'name, sex, birth_date, estimated_age, estimated_on, id_number, hukou_place, residence, benefits, dialect, height_cm, build, features, clothing, description, field_states';

/** The identity fields neither filled nor marked unknown or refused (the person page and the board both show them). */
export function missingOf(
  r: Record<'name' | 'sex' | 'birth_date' | 'estimated_age' | 'id_number' | 'hukou_place' | 'residence' | 'benefits' | 'dialect', unknown>,
  states: PersonDetail['fieldStates'],
): IdentityField[] {
  const filled: Record<IdentityField, boolean> = {
    name: r.name !== null,
    sex: r.sex !== null,
    birth: r.birth_date !== null || r.estimated_age !== null,
    idNumber: r.id_number !== null,
    hukouPlace: r.hukou_place !== null,
    residence: r.residence !== null,
    benefits: r.benefits !== null,
    dialect: r.dialect !== null,
  };
  return IDENTITY_FIELDS.filter((f) => !filled[f] && !states[f]);
}

export function getPerson(db: DB, id: number, today: string): PersonDetail {
  // Not `SELECT *`: the photo's bytes are not read to say whether there is one.
  const r = stmt(db, `SELECT ${STORED_COLUMNS}, id, pinyin_initials, created_at, photo IS NOT NULL AS has_photo FROM persons WHERE id = ?`).get(id) as
    | PersonRow
    | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such person.');
  const fieldStates = JSON.parse(r.field_states) as PersonDetail['fieldStates'];
  const links = stmt(
      db,
      `SELECT l.id, CASE WHEN l.person_a = @id THEN l.person_b ELSE l.person_a END AS other_id, l.reason, l.linked_at,
              u.display_name AS linked_by, o.name AS other_name
       FROM person_links l JOIN users u ON u.id = l.linked_by
       JOIN persons o ON o.id = CASE WHEN l.person_a = @id THEN l.person_b ELSE l.person_a END
       WHERE (l.person_a = @id OR l.person_b = @id) AND l.unlinked_at IS NULL ORDER BY l.id`,
    ).all({ id }) as { id: number; other_id: number; reason: string; linked_at: number; linked_by: string; other_name: string | null }[];
  return {
    id: r.id,
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    estimatedAge: r.estimated_age,
    estimatedOn: r.estimated_on,
    age: ageOn(today, { birthDate: r.birth_date, estimatedAge: r.estimated_age, estimatedOn: r.estimated_on }),
    idNumber: r.id_number,
    hukouPlace: r.hukou_place,
    residence: r.residence,
    benefits: r.benefits,
    dialect: r.dialect,
    heightCm: r.height_cm,
    build: r.build,
    features: r.features,
    clothing: r.clothing,
    description: r.description,
    hasPhoto: r.has_photo === 1,
    fieldStates,
    missing: missingOf(r, fieldStates),
    stays: staysOf(db, id),
    links: links.map((l) => ({ id: l.id, otherId: l.other_id, otherName: l.other_name, reason: l.reason, linkedAt: l.linked_at, linkedBy: l.linked_by })),
    createdAt: r.created_at,
  };
}

/** The few facts of a person that intake's rules ask about (arrival before birth, bed zones, discharge), in one row read. */
export function personFacts(db: DB, id: number, today: string) {
  const r = stmt(db, 'SELECT name, sex, birth_date, estimated_age, estimated_on, id_number FROM persons WHERE id = ?').get(id) as
    | Pick<StoredPerson, 'name' | 'sex' | 'birth_date' | 'estimated_age' | 'estimated_on' | 'id_number'>
    | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such person.');
  return {
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    idNumber: r.id_number,
    age: ageOn(today, { birthDate: r.birth_date, estimatedAge: r.estimated_age, estimatedOn: r.estimated_on }),
  };
}

function storedPerson(db: DB, id: number): StoredPerson {
  const r = stmt(db, `SELECT ${STORED_COLUMNS} FROM persons WHERE id = ?`).get(id) as StoredPerson | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such person.');
  return r;
}

/** The three fields that an ID number also states. */
type IdFacts = Pick<PersonFields, 'idNumber' | 'birthDate' | 'sex'>;

/**
 * The record and its ID number never disagree, whatever the order of edits. The ID number (given now, or stored)
 * decides the birth date and sex: changing any of the three re-checks it against the other two, as they will be
 * after the change. A contradiction is a field error on the field being changed: the ID number when it is part
 * of the change, otherwise the birth date or sex that was changed. A new ID number fills an absent birth date and sex.
 */
function reconcileId(values: Partial<PersonFields>, stored: Partial<IdFacts>, today: string): Partial<PersonFields> {
  const changing = (['idNumber', 'birthDate', 'sex'] as const).filter((k) => values[k] !== undefined);
  const raw = values.idNumber ?? stored.idNumber;
  if (!raw || changing.length === 0) return values;
  const id = checkIdNumber(raw, today);
  if (!id.ok) throw new AppError('VALIDATION', 'The ID number is not valid.', { idNumber: `v.id.${id.problem}` });
  const blame = (field: 'birthDate' | 'sex') => (values.idNumber !== undefined ? 'idNumber' : field);
  const birthDate = values.birthDate ?? stored.birthDate;
  if (birthDate && birthDate !== id.birthDate && changing.some((k) => k === 'idNumber' || k === 'birthDate')) {
    throw new AppError('VALIDATION', 'The ID number’s birth date differs from the recorded one.', { [blame('birthDate')]: 'v.id.birthMismatch' });
  }
  const sex = values.sex ?? stored.sex;
  if (sex && sex !== id.sex && changing.some((k) => k === 'idNumber' || k === 'sex')) {
    throw new AppError('VALIDATION', 'The ID number’s sex digit differs from the recorded sex.', { [blame('sex')]: 'v.id.sexMismatch' });
  }
  return values.idNumber !== undefined ? { ...values, idNumber: id.normalized, birthDate: id.birthDate, sex: id.sex } : values;
}

const blankToNull = (v: unknown) => (v === '' ? null : v);

/** What writePerson did, in the contract's field names: for the audit row and for the caller's own rules. */
export interface PersonWrite {
  id: number;
  /** The changed fields as they were (null for a new person). */
  before: Record<string, unknown> | null;
  /** The fields written, as stored (an ID number normalized, and the birth date and sex it states), with the marks kept. */
  wrote: Record<string, unknown>;
}

/** The indexed columns that, when changed, rewrite the person's search rows. */
const INDEXED = ['name', 'id_number', 'description', 'features', 'clothing'];

/**
 * Writes the given fields (undefined = unchanged, '' = cleared) and keeps pinyin and the search index in step. A
 * filled identity field loses its unknown/refused mark, in the same write: the stored row is read once, before.
 */
export function writePerson(db: DB, id: number | null, input: Partial<PersonFields>, ctx: { now: number; today: string; actorId: number }): PersonWrite {
  const stored = id === null ? null : storedPerson(db, id);
  const facts: Partial<IdFacts> = stored
    ? { idNumber: stored.id_number ?? undefined, birthDate: stored.birth_date ?? undefined, sex: stored.sex ?? undefined }
    : {};
  const values = reconcileId(input, facts, ctx.today);
  if (values.idNumber) {
    const other = stmt(db, 'SELECT id FROM persons WHERE id_number = ? AND id IS NOT ?').get(values.idNumber, id) as { id: number } | undefined;
    if (other) throw new AppError('CONFLICT', 'Another person has this ID number.', { idNumber: 'v.id.taken' }, { personId: other.id });
  }
  const sets: Record<string, unknown> = {};
  const wrote: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const v = values[key as keyof typeof COLUMNS];
    if (v !== undefined) wrote[key] = sets[column] = blankToNull(v);
  }
  if (values.estimatedAge !== undefined) wrote.estimatedOn = sets.estimated_on = ctx.today;
  // A filled field is known: its unknown/refused mark is dropped.
  const row = { ...(stored ?? EMPTY_PERSON), ...sets } as StoredPerson;
  const marks = values.fieldStates ?? (stored ? (JSON.parse(stored.field_states) as PersonDetail['fieldStates']) : {});
  const unfilled = new Set(missingOf(row, {}));
  const states = Object.fromEntries(Object.entries(marks).filter(([f]) => unfilled.has(f as IdentityField)));
  sets.field_states = JSON.stringify(states);
  if (values.fieldStates !== undefined || stored === null || sets.field_states !== stored.field_states) wrote.fieldStates = states;
  if (sets.name !== undefined) {
    const keys = pinyinKeys(sets.name as string | null);
    sets.pinyin_full = keys.full;
    sets.pinyin_initials = keys.initials;
  }
  sets.updated_at = ctx.now;
  if (stored === null) {
    const person: PersonRowValues = {
      ...EMPTY_PERSON,
      ...(sets as Partial<PersonRowValues>),
      created_at: ctx.now,
      created_by: ctx.actorId,
      updated_at: ctx.now,
    };
    const personId = insertPerson(db, person);
    indexNewPerson(db, personId, person);
    return { id: personId, before: null, wrote };
  }
  updatePersonColumns(db, id!, sets);
  if (INDEXED.some((c) => c in sets)) reindexPerson(db, id!);
  const storedStates = JSON.parse(stored.field_states) as PersonDetail['fieldStates'];
  const before = Object.fromEntries(
    Object.keys(wrote).map((key) => [key, key === 'fieldStates' ? storedStates : key === 'estimatedOn' ? stored.estimated_on : stored[COLUMNS[key as keyof typeof COLUMNS]]]),
  );
  return { id: id!, before, wrote };
}

/** A new person's columns before the given fields are set: what the table's defaults would make of them. */
const EMPTY_PERSON: Omit<PersonRowValues, 'created_at' | 'created_by' | 'updated_at'> = {
  name: null,
  sex: null,
  birth_date: null,
  estimated_age: null,
  estimated_on: null,
  id_number: null,
  hukou_place: null,
  residence: null,
  benefits: null,
  dialect: null,
  height_cm: null,
  build: null,
  features: null,
  clothing: null,
  description: null,
  // Stryker disable next-line StringLiteral: writePerson sets field_states from the marks before it inserts a row, so this default is never written
  field_states: '{}',
  pinyin_full: '',
  pinyin_initials: '',
};
