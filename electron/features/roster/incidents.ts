import type { z } from 'zod';
import type { Incident, IncidentStay, incidentRecordInput } from '../../../shared/contract/patrol';
import { addDays } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import { dayStart } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { DutyCtx } from './context';
import { followUpsOfIncident, openFollowUp } from './follow-ups';

/** The shift's incident log (DOMAIN §2): fights, illness, absconding, visitors, complaints, police calls. */
interface IncidentRow {
  id: number;
  at: number;
  category: Incident['category'];
  description: string;
  action: string;
  corrects_id: number | null;
  corrected_by: number | null;
  recorded_by: number;
  recorder: string;
  recorded_at: number;
}

const SELECT = `SELECT i.*, u.display_name AS recorder, (SELECT x.id FROM incidents x WHERE x.corrects_id = i.id) AS corrected_by
  FROM incidents i JOIN users u ON u.id = i.recorded_by`;

export function staysOfIncident(db: DB, id: number): IncidentStay[] {
  return cached(
    db,
    `SELECT s.id AS stayId, s.person_id AS personId, p.name, p.description FROM incident_stays l JOIN stays s ON s.id = l.stay_id
     JOIN persons p ON p.id = s.person_id WHERE l.incident_id = ? ORDER BY s.id`,
  ).all(id) as IncidentStay[];
}

const toIncident = (db: DB, r: IncidentRow): Incident => ({
  id: r.id,
  at: r.at,
  category: r.category,
  description: r.description,
  action: r.action,
  stays: staysOfIncident(db, r.id),
  recordedBy: { id: r.recorded_by, name: r.recorder },
  recordedAt: r.recorded_at,
  correctsId: r.corrects_id,
  correctedBy: r.corrected_by,
  followUps: followUpsOfIncident(db, r.id),
});

export const incidentById = (db: DB, id: number): Incident => toIncident(db, cached(db, `${SELECT} WHERE i.id = ?`).get(id) as IncidentRow);

/**
 * Records an incident with the stays involved. A mistake in an earlier entry is corrected by a new entry naming it
 * (once: a correction of a correction names the newer entry).
 */
export function recordIncident(c: DutyCtx, input: z.output<typeof incidentRecordInput>): { id: number; followUpId: number | null } {
  const stayIds = [...new Set(input.stayIds)];
  input.stayIds.forEach((stayId, i) => {
    if (!cached(c.db, 'SELECT 1 FROM stays WHERE id = ?').get(stayId)) throw new AppError('VALIDATION', 'No such stay.', { [`stayIds.${i}`]: 'v.stayUnknown' });
  });
  if (input.correctsId !== undefined) {
    const old = cached(c.db, `${SELECT} WHERE i.id = ?`).get(input.correctsId) as IncidentRow | undefined;
    if (!old) throw new AppError('VALIDATION', 'No such incident.', { correctsId: 'v.incidentUnknown' });
    if (old.corrected_by !== null) throw new AppError('CONFLICT', 'This entry was already corrected.', { correctsId: 'v.alreadyCorrected' });
  }
  const { lastInsertRowid } = cached(
    c.db,
    'INSERT INTO incidents (at, category, description, action, corrects_id, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(input.at, input.category, input.description, input.action, input.correctsId ?? null, c.actorId, c.now);
  const id = Number(lastInsertRowid);
  const link = cached(c.db, 'INSERT INTO incident_stays (incident_id, stay_id) VALUES (?, ?)');
  for (const stayId of stayIds) link.run(id, stayId);
  const followUpId = input.followUp ? openFollowUp(c, { incidentId: id }, input.followUp, input.at) : null;
  return { id, followUpId };
}

/** The incidents of `from`…`to` (incidents_by_time), corrected ones included and marked. */
export function incidentsOf(c: DutyCtx, from: string, to: string): Incident[] {
  const rows = cached(c.db, `${SELECT} WHERE i.at >= ? AND i.at < ? ORDER BY i.at, i.id`).all(
    dayStart(from, c.settings.timeZone),
    dayStart(addDays(to, 1), c.settings.timeZone),
  ) as IncidentRow[];
  return rows.map((r) => toIncident(c.db, r));
}

/** The incidents during [from, to] for a handover section. */
export function incidentsDuring(db: DB, from: number, to: number): Incident[] {
  return (cached(db, `${SELECT} WHERE i.at >= ? AND i.at <= ? ORDER BY i.at, i.id`).all(from, to) as IncidentRow[]).map((r) => toIncident(db, r));
}
