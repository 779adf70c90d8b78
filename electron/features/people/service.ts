import type { PersonDetail } from '../../../shared/contract/people';
import type { z } from 'zod';
import type { personFields } from '../../../shared/contract/people';
import { checkIdNumber } from '../../../shared/domain/idcard';
import { ageOn, IDENTITY_FIELDS, type IdentityField } from '../../../shared/domain/person';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';
import { pinyinKeys, reindexPerson, staysOf, type HitRow } from './search';

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
  const r = db.prepare('SELECT *, photo IS NOT NULL AS has_photo FROM persons WHERE id = ?').get(id) as PersonRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such person.');
  const fieldStates = JSON.parse(r.field_states) as PersonDetail['fieldStates'];
  const links = db
    .prepare(
      `SELECT l.id, CASE WHEN l.person_a = @id THEN l.person_b ELSE l.person_a END AS other_id, l.reason, l.linked_at,
              u.display_name AS linked_by, o.name AS other_name
       FROM person_links l JOIN users u ON u.id = l.linked_by
       JOIN persons o ON o.id = CASE WHEN l.person_a = @id THEN l.person_b ELSE l.person_a END
       WHERE (l.person_a = @id OR l.person_b = @id) AND l.unlinked_at IS NULL ORDER BY l.id`,
    )
    .all({ id }) as { id: number; other_id: number; reason: string; linked_at: number; linked_by: string; other_name: string | null }[];
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

/** Writes the given fields (undefined = unchanged, '' = cleared) and keeps pinyin and the search index in step. */
export function writePerson(db: DB, id: number | null, input: Partial<PersonFields>, ctx: { now: number; today: string; actorId: number }): number {
  const values = reconcileId(input, id === null ? {} : storedIdFacts(db, id), ctx.today);
  if (values.idNumber) {
    const other = db.prepare('SELECT id FROM persons WHERE id_number = ? AND id IS NOT ?').get(values.idNumber, id) as { id: number } | undefined;
    if (other) throw new AppError('CONFLICT', 'Another person has this ID number.', { idNumber: 'v.id.taken' }, { personId: other.id });
  }
  const sets: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) {
    const v = values[key as keyof typeof COLUMNS];
    if (v !== undefined) sets[column] = blankToNull(v);
  }
  if (values.estimatedAge !== undefined) sets.estimated_on = ctx.today;
  if (values.fieldStates !== undefined || id === null) {
    // A filled field is known: its unknown/refused mark is dropped.
    const states = { ...(values.fieldStates ?? {}) };
    sets.field_states = JSON.stringify(states);
  }
  if (sets.name !== undefined) {
    const keys = pinyinKeys(sets.name as string | null);
    sets.pinyin_full = keys.full;
    sets.pinyin_initials = keys.initials;
  }
  sets.updated_at = ctx.now;
  let personId: number;
  if (id === null) {
    sets.created_at = ctx.now;
    sets.created_by = ctx.actorId;
    const cols = Object.keys(sets);
    personId = Number(
      db.prepare(`INSERT INTO persons (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(sets).lastInsertRowid,
    );
  } else {
    db.prepare(`UPDATE persons SET ${Object.keys(sets).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...sets, id });
    personId = id;
  }
  dropStatesOfFilled(db, personId, ctx.today);
  reindexPerson(db, personId);
  return personId;
}

function dropStatesOfFilled(db: DB, id: number, today: string): void {
  const p = getPerson(db, id, today);
  const filled: Record<IdentityField, boolean> = {
    name: p.name !== null,
    sex: p.sex !== null,
    birth: p.birthDate !== null || p.estimatedAge !== null,
    idNumber: p.idNumber !== null,
    hukouPlace: p.hukouPlace !== null,
    residence: p.residence !== null,
    benefits: p.benefits !== null,
    dialect: p.dialect !== null,
  };
  const states = Object.fromEntries(Object.entries(p.fieldStates).filter(([f]) => !filled[f as IdentityField]));
  db.prepare('UPDATE persons SET field_states = ? WHERE id = ?').run(JSON.stringify(states), id);
}

function storedIdFacts(db: DB, id: number): Partial<IdFacts> {
  const r = stmt(db, 'SELECT id_number, birth_date, sex FROM persons WHERE id = ?').get(id) as
    | { id_number: string | null; birth_date: string | null; sex: 'male' | 'female' | null }
    | undefined;
  if (!r) throw new AppError('NOT_FOUND', 'No such person.');
  return { idNumber: r.id_number ?? undefined, birthDate: r.birth_date ?? undefined, sex: r.sex ?? undefined };
}

/**
 * Clears a saved ID number (an explicit action: an emptied box never does). The birth date and sex it stated stay
 * as recorded. Returns the number removed, for the audit row.
 */
export function clearIdNumber(db: DB, id: number, now: number): string {
  const { idNumber } = storedIdFacts(db, id);
  if (!idNumber) throw new AppError('CONFLICT', 'This person has no ID number on record.');
  stmt(db, 'UPDATE persons SET id_number = NULL, updated_at = ? WHERE id = ?').run(now, id);
  reindexPerson(db, id);
  return idNumber;
}

export function setPhoto(db: DB, id: number, dataBase64: string, type: string, now: number): void {
  const bytes = Buffer.from(dataBase64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if ((type === 'image/png' && !png) || (type === 'image/jpeg' && !jpeg)) {
    throw new AppError('VALIDATION', 'The file is not a JPEG or PNG picture.', { dataBase64: 'v.photoType' });
  }
  const r = db.prepare('UPDATE persons SET photo = ?, photo_type = ?, updated_at = ? WHERE id = ?').run(bytes, type, now, id);
  if (r.changes === 0) throw new AppError('NOT_FOUND', 'No such person.');
}

export function linkPeople(db: DB, a: number, b: number, reason: string, actorId: number, now: number): number {
  if (a === b) throw new AppError('VALIDATION', 'A person cannot be linked to themselves.', { b: 'v.linkSelf' });
  for (const id of [a, b]) if (!db.prepare('SELECT 1 FROM persons WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', 'No such person.');
  const [lo, hi] = a < b ? [a, b] : [b, a];
  if (db.prepare('SELECT 1 FROM person_links WHERE person_a = ? AND person_b = ? AND unlinked_at IS NULL').get(lo, hi)) {
    throw new AppError('CONFLICT', 'These records are already linked.');
  }
  return Number(
    db
      .prepare('INSERT INTO person_links (person_a, person_b, reason, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)')
      .run(lo, hi, reason, now, actorId).lastInsertRowid,
  );
}

export function unlinkPeople(db: DB, linkId: number, reason: string, actorId: number, now: number): { a: number; b: number } {
  const link = db.prepare('SELECT person_a AS a, person_b AS b FROM person_links WHERE id = ? AND unlinked_at IS NULL').get(linkId) as
    | { a: number; b: number }
    | undefined;
  if (!link) throw new AppError('NOT_FOUND', 'No such active link.');
  db.prepare('UPDATE person_links SET unlinked_at = ?, unlinked_by = ?, unlink_reason = ? WHERE id = ?').run(now, actorId, reason, linkId);
  return link;
}
