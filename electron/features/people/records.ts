/** The person registry's other changes: clearing an ID number, the photo, and linking two records of one person. */
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';
import { reindexPerson } from './rows';

/**
 * Clears a saved ID number (an explicit action: an emptied box never does). The birth date and sex it stated stay
 * as recorded. Returns the number removed, for the audit row.
 */
export function clearIdNumber(db: DB, id: number, now: number): string {
  const row = stmt(db, 'SELECT id_number FROM persons WHERE id = ?').get(id) as { id_number: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such person.');
  if (!row.id_number) throw new AppError('CONFLICT', 'This person has no ID number on record.');
  stmt(db, 'UPDATE persons SET id_number = NULL, updated_at = ? WHERE id = ?').run(now, id);
  reindexPerson(db, id);
  return row.id_number;
}

/** Stores a JPEG or PNG picture (checked by its first bytes, not its name); returns its size in bytes. */
export function setPhoto(db: DB, id: number, dataBase64: string, type: string, now: number): number {
  const bytes = Buffer.from(dataBase64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if ((type === 'image/png' && !png) || (type === 'image/jpeg' && !jpeg)) {
    throw new AppError('VALIDATION', 'The file is not a JPEG or PNG picture.', { dataBase64: 'v.photoType' });
  }
  const r = stmt(db, 'UPDATE persons SET photo = ?, photo_type = ?, updated_at = ? WHERE id = ?').run(bytes, type, now, id);
  if (r.changes === 0) throw new AppError('NOT_FOUND', 'No such person.');
  return bytes.length;
}

export function photoOf(db: DB, id: number): { dataBase64: string; type: string } | null {
  const row = stmt(db, 'SELECT photo, photo_type FROM persons WHERE id = ?').get(id) as { photo: Buffer | null; photo_type: string | null } | undefined;
  return row?.photo ? { dataBase64: row.photo.toString('base64'), type: row.photo_type ?? 'image/jpeg' } : null;
}

/** Two records of one person, linked (reversibly: an unlink keeps the link's history). Returns the link's id. */
export function linkPeople(db: DB, a: number, b: number, reason: string, actorId: number, now: number): number {
  if (a === b) throw new AppError('VALIDATION', 'A person cannot be linked to themselves.', { b: 'v.linkSelf' });
  for (const id of [a, b]) if (!stmt(db, 'SELECT 1 FROM persons WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', 'No such person.');
  const [lo, hi] = a < b ? [a, b] : [b, a];
  if (stmt(db, 'SELECT 1 FROM person_links WHERE person_a = ? AND person_b = ? AND unlinked_at IS NULL').get(lo, hi)) {
    throw new AppError('CONFLICT', 'These records are already linked.');
  }
  return Number(
    stmt(db, 'INSERT INTO person_links (person_a, person_b, reason, linked_at, linked_by) VALUES (?, ?, ?, ?, ?)').run(lo, hi, reason, now, actorId)
      .lastInsertRowid,
  );
}

export function unlinkPeople(db: DB, linkId: number, reason: string, actorId: number, now: number): { a: number; b: number } {
  const link = stmt(db, 'SELECT person_a AS a, person_b AS b FROM person_links WHERE id = ? AND unlinked_at IS NULL').get(linkId) as
    | { a: number; b: number }
    | undefined;
  if (!link) throw new AppError('NOT_FOUND', 'No such active link.');
  stmt(db, 'UPDATE person_links SET unlinked_at = ?, unlinked_by = ?, unlink_reason = ? WHERE id = ?').run(now, actorId, reason, linkId);
  return link;
}
