import type { ZoneRules, ZoneView } from '../../../shared/contract/intake';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached as stmt } from '../../db/statements';

/** A row of `zones` as SQLite gives it. */
export interface ZoneRow {
  id: number;
  code: string;
  name: string;
  sex: 'male' | 'female' | null;
  min_age: number | null;
  max_age: number | null;
  medical: number;
  active: number;
}

/** A zone and its placement rules, as every view of zones shows them. */
export const zoneRules = (z: ZoneRow): ZoneRules => ({
  id: z.id,
  code: z.code,
  name: z.name,
  sex: z.sex,
  minAge: z.min_age,
  maxAge: z.max_age,
  medical: z.medical === 1,
});

export interface ZoneInput {
  id?: number;
  code: string;
  name: string;
  sex?: 'male' | 'female' | null;
  minAge?: number | null;
  maxAge?: number | null;
  medical: boolean;
  active: boolean;
}

const occupantsOfZone = (db: DB, zoneId: number) =>
  (stmt(db, 'SELECT count(*) AS n FROM bed_assignments a JOIN beds b ON b.id = a.bed_id WHERE b.zone_id = ? AND a.to_at IS NULL').get(zoneId) as { n: number }).n;

/** What a change to zones or beds did, for its audit row: the values it replaced and what it wrote. */
export interface ZoneChange {
  id: number;
  before?: Record<string, unknown>;
  wrote: Record<string, unknown>;
}

/**
 * Zones are the station's to configure (DOMAIN §1: by sex, age, condition). A change may not strand anyone:
 * a zone with people in it cannot be closed, and its rules cannot be changed to exclude who is there.
 */
export function saveZone(db: DB, z: ZoneInput): ZoneChange {
  // An open end is no limit: from age 0, or up to any age.
  if ((z.minAge ?? 0) > (z.maxAge ?? Infinity)) throw new AppError('VALIDATION', 'Age range is reversed.', { maxAge: 'v.ageRange' });
  const dup = stmt(db, 'SELECT id FROM zones WHERE code = ? AND id IS NOT ?').get(z.code, z.id ?? null) as { id: number } | undefined;
  if (dup) throw new AppError('CONFLICT', 'This code is taken.', { code: 'v.zoneCodeTaken' });
  const values = { code: z.code, name: z.name, sex: z.sex ?? null, min_age: z.minAge ?? null, max_age: z.maxAge ?? null, medical: z.medical ? 1 : 0, active: z.active ? 1 : 0 };
  if (z.id === undefined) {
    const sort = (stmt(db, 'SELECT coalesce(max(sort), 0) + 1 AS s FROM zones').get() as { s: number }).s;
    const id = Number(
      stmt(db, 'INSERT INTO zones (code, name, sex, min_age, max_age, medical, sort, active) VALUES (@code, @name, @sex, @min_age, @max_age, @medical, @sort, @active)').run({ ...values, sort }).lastInsertRowid,
    );
    return { id, wrote: { zoneId: id, sort } };
  }
  const old = stmt(db, 'SELECT * FROM zones WHERE id = ?').get(z.id) as ZoneRow | undefined;
  if (!old) throw new AppError('NOT_FOUND', 'No such zone.');
  if (occupantsOfZone(db, z.id) > 0) {
    const rulesChanged = old.sex !== values.sex || old.min_age !== values.min_age || old.max_age !== values.max_age;
    if (!z.active || rulesChanged) throw new AppError('CONFLICT', 'People are placed in this zone: move them first.', { active: 'v.zoneOccupied' });
  }
  stmt(db, 'UPDATE zones SET code = @code, name = @name, sex = @sex, min_age = @min_age, max_age = @max_age, medical = @medical, active = @active WHERE id = @id').run({ ...values, id: z.id });
  return { id: z.id, before: { ...zoneRules(old), active: old.active === 1 }, wrote: {} };
}

export function addBeds(db: DB, zoneId: number, labels: string[]): ZoneChange {
  if (!stmt(db, 'SELECT 1 FROM zones WHERE id = ?').get(zoneId)) throw new AppError('NOT_FOUND', 'No such zone.');
  const insert = stmt(db, 'INSERT INTO beds (zone_id, label) VALUES (?, ?)');
  const bedIds: number[] = [];
  for (const label of labels) {
    if (stmt(db, 'SELECT 1 FROM beds WHERE zone_id = ? AND label = ?').get(zoneId, label)) {
      throw new AppError('CONFLICT', `Bed ${label} exists already.`, { labels: 'v.bedLabelTaken' });
    }
    bedIds.push(Number(insert.run(zoneId, label).lastInsertRowid));
  }
  return { id: zoneId, wrote: { bedIds } };
}

/** A bed is taken out of use (not deleted: its history stays); never while someone sleeps in it. */
export function setBedActive(db: DB, bedId: number, active: boolean): ZoneChange {
  const bed = stmt(db, 'SELECT active FROM beds WHERE id = ?').get(bedId) as { active: number } | undefined;
  if (!bed) throw new AppError('NOT_FOUND', 'No such bed.');
  if (!active && stmt(db, 'SELECT 1 FROM bed_assignments WHERE bed_id = ? AND to_at IS NULL').get(bedId)) {
    throw new AppError('CONFLICT', 'Someone is in this bed.', { bedId: 'v.bedOccupied' });
  }
  stmt(db, 'UPDATE beds SET active = ? WHERE id = ?').run(active ? 1 : 0, bedId);
  return { id: bedId, before: { active: bed.active === 1 }, wrote: {} };
}

/** Every zone and bed, closed ones too, for the settings screen. */
export function allZones(db: DB) {
  const zones = stmt(db, 'SELECT * FROM zones ORDER BY sort, id').all() as ZoneRow[];
  const beds = stmt(
    db,
    `SELECT b.id, b.zone_id, b.label, b.active, EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id AND a.to_at IS NULL) AS occupied
     FROM beds b ORDER BY b.label`,
  ).all() as { id: number; zone_id: number; label: string; active: number; occupied: number }[];
  return zones.map((z) => ({
    ...zoneRules(z),
    active: z.active === 1,
    beds: beds.filter((b) => b.zone_id === z.id).map((b) => ({ id: b.id, label: b.label, active: b.active === 1, occupied: b.occupied === 1 })),
  }));
}

/** The active zones and their beds with who sleeps in each: the bed board. */
export function zonesView(db: DB): ZoneView[] {
  const zones = stmt(db, 'SELECT * FROM zones WHERE active = 1 ORDER BY sort, id').all() as ZoneRow[];
  const beds = stmt(
    db,
    `SELECT b.id, b.zone_id, b.label, a.stay_id, s.person_id, p.name, p.description FROM beds b
     LEFT JOIN bed_assignments a ON a.bed_id = b.id AND a.to_at IS NULL
     LEFT JOIN stays s ON s.id = a.stay_id LEFT JOIN persons p ON p.id = s.person_id
     WHERE b.active = 1 ORDER BY b.label`,
  ).all() as { id: number; zone_id: number; label: string; stay_id: number | null; person_id: number | null; name: string | null; description: string | null }[];
  return zones.map((z) => {
    const own = beds.filter((b) => b.zone_id === z.id);
    return {
      ...zoneRules(z),
      occupied: own.filter((b) => b.stay_id !== null).length,
      beds: own.map((b) => ({
        id: b.id,
        label: b.label,
        occupant: b.stay_id === null ? null : { stayId: b.stay_id, personId: b.person_id!, name: b.name, description: b.description },
      })),
    };
  });
}
