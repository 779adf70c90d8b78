import type { z } from 'zod';
import type { ZoneView, custodyAddInput, safetyCheckInput } from '../../../shared/contract/intake';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import type { LoginThrottle } from '../accounts/throttle';
import { verifyPassword } from '../accounts/password';
import { getPerson } from '../people/service';
import { addEvent, requireOpen, stayRow, todayOf, type IntakeCtx } from './stays';
import { zoneRules, type ZoneRow } from './zones';

export function zonesView(db: DB): ZoneView[] {
  const zones = db.prepare('SELECT * FROM zones WHERE active = 1 ORDER BY sort, id').all() as ZoneRow[];
  const beds = db
    .prepare(
      `SELECT b.id, b.zone_id, b.label, a.stay_id, s.person_id, p.name, p.description FROM beds b
       LEFT JOIN bed_assignments a ON a.bed_id = b.id AND a.to_at IS NULL
       LEFT JOIN stays s ON s.id = a.stay_id LEFT JOIN persons p ON p.id = s.person_id
       WHERE b.active = 1 ORDER BY b.label`,
    )
    .all() as { id: number; zone_id: number; label: string; stay_id: number | null; person_id: number | null; name: string | null; description: string | null }[];
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

/**
 * Zoned placement: one person a bed; a zone never holds more people than it has beds; sex and age rules
 * of the zone hold (a minor never goes to an adult zone). Moving closes the old assignment (history kept).
 */
export function assignBed(c: IntakeCtx, stayId: number, target: { bedId?: number; zoneId?: number }, reason: string | undefined): void {
  const { db } = c;
  const stay = stayRow(db, stayId);
  if (stay.status !== 'in_station') throw new AppError('CONFLICT', 'Only admitted clients get a bed.', { bedId: 'v.notAdmitted' });
  let bedId = target.bedId;
  // A chosen bed decides the zone whose rules apply: never the rules of one zone and a bed in another.
  const zoneId =
    bedId === undefined ? target.zoneId : (db.prepare('SELECT zone_id FROM beds WHERE id = ? AND active = 1').get(bedId) as { zone_id: number } | undefined)?.zone_id;
  const zone = zoneId === undefined ? undefined : (db.prepare('SELECT * FROM zones WHERE id = ? AND active = 1').get(zoneId) as ZoneRow | undefined);
  if (!zone) throw new AppError('NOT_FOUND', 'No such bed or zone.');
  const person = getPerson(db, stay.person_id, todayOf(c));
  if (zone.sex && person.sex !== zone.sex) throw new AppError('CONFLICT', `${zone.name} is for ${zone.sex} clients.`, { bedId: 'v.zoneSex' });
  if (zone.min_age !== null || zone.max_age !== null) {
    if (person.age === null) throw new AppError('CONFLICT', 'Record an age or estimate first.', { bedId: 'v.zoneAgeUnknown' });
    if (person.age < 18 && (zone.min_age ?? 0) >= 18) throw new AppError('CONFLICT', 'A minor never goes to an adult zone.', { bedId: 'v.zoneMinor' });
    if ((zone.min_age !== null && person.age < zone.min_age) || (zone.max_age !== null && person.age > zone.max_age)) {
      throw new AppError('CONFLICT', `${zone.name} does not take this age.`, { bedId: 'v.zoneAge' });
    }
  }
  const occupied = (
    db.prepare('SELECT count(*) AS n FROM bed_assignments a JOIN beds b ON b.id = a.bed_id WHERE b.zone_id = ? AND a.to_at IS NULL AND a.stay_id <> ?').get(zone.id, stayId) as {
      n: number;
    }
  ).n;
  const capacity = (db.prepare('SELECT count(*) AS n FROM beds WHERE zone_id = ? AND active = 1').get(zone.id) as { n: number }).n;
  if (occupied >= capacity) throw new AppError('CONFLICT', `${zone.name} is full.`, { bedId: 'v.zoneFull' }, { zone: zone.name, capacity });
  if (bedId === undefined) {
    bedId = (
      db
        .prepare(
          `SELECT b.id FROM beds b WHERE b.zone_id = ? AND b.active = 1
           AND NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id AND a.to_at IS NULL) ORDER BY b.label LIMIT 1`,
        )
        .get(zone.id) as { id: number } | undefined
    )?.id;
    // A client moving within a full zone: no other bed is free for them.
    if (bedId === undefined) throw new AppError('CONFLICT', `${zone.name} is full.`, { bedId: 'v.zoneFull' }, { zone: zone.name, capacity });
  } else if (db.prepare('SELECT 1 FROM bed_assignments WHERE bed_id = ? AND to_at IS NULL AND stay_id <> ?').get(bedId, stayId)) {
    throw new AppError('CONFLICT', 'That bed is taken.', { bedId: 'v.bedTaken' });
  }
  const current = db.prepare('SELECT bed_id FROM bed_assignments WHERE stay_id = ? AND to_at IS NULL').get(stayId) as { bed_id: number } | undefined;
  if (current?.bed_id === bedId) return;
  db.prepare('UPDATE bed_assignments SET to_at = ? WHERE stay_id = ? AND to_at IS NULL').run(c.now, stayId);
  db.prepare('INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user, reason) VALUES (?, ?, ?, ?, ?)').run(stayId, bedId, c.now, c.actorId, reason ?? null);
  const label = (db.prepare('SELECT label FROM beds WHERE id = ?').get(bedId) as { label: string }).label;
  addEvent(db, stayId, c.actorId, c.now, current ? 'bed_moved' : 'bed_assigned', { bed: label, zone: zone.name, ...(reason ? { reason } : {}) });
}

/** The second staff member signs with their own password; they must be another active account. */
export function coSign(c: IntakeCtx & { throttle: LoginThrottle }, witness: { userId: number; password: string }): void {
  if (witness.userId === c.actorId) throw new AppError('VALIDATION', 'The second witness must be someone else.', { 'witness.userId': 'v.witnessSelf' });
  const user = c.db.prepare('SELECT username, password_hash FROM users WHERE id = ? AND disabled = 0').get(witness.userId) as
    | { username: string; password_hash: string }
    | undefined;
  if (!user) throw new AppError('VALIDATION', 'No such active staff member.', { 'witness.userId': 'v.witnessUnknown' });
  const wait = c.throttle.waitFor(user.username, c.now);
  if (wait > 0) throw new AppError('RATE_LIMITED', 'Too many wrong passwords.', undefined, { retryAfterMs: wait });
  if (!verifyPassword(witness.password, user.password_hash)) {
    c.throttle.recordFailure(user.username, c.now);
    throw new AppError('BAD_CREDENTIALS', 'The witness’s password is wrong.', { 'witness.password': 'v.badCredentials' });
  }
  c.throttle.recordSuccess(user.username);
}

export function safetyCheck(c: IntakeCtx & { throttle: LoginThrottle }, input: z.output<typeof safetyCheckInput>): void {
  requireOpen(stayRow(c.db, input.stayId));
  coSign(c, input.witness);
  c.db
    .prepare('INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.stayId, c.now, input.findings, input.disposition, c.actorId, input.witness.userId);
  addEvent(c.db, input.stayId, c.actorId, c.now, 'safety_check', { findings: input.findings, disposition: input.disposition });
}

export function custodyAdd(c: IntakeCtx & { throttle: LoginThrottle }, input: z.output<typeof custodyAddInput>): void {
  requireOpen(stayRow(c.db, input.stayId));
  coSign(c, input.witness);
  const insert = c.db.prepare(
    'INSERT INTO custody_items (stay_id, description, quantity, cash_fen, storage_place, received_at, staff_1, staff_2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const i of input.items) insert.run(input.stayId, i.description, i.quantity, i.cashFen, i.storagePlace, c.now, c.actorId, input.witness.userId);
  addEvent(c.db, input.stayId, c.actorId, c.now, 'custody_received', { items: input.items.length });
}

export function custodySettle(c: IntakeCtx, itemId: number, kind: 'returned' | 'disposed' | 'handed_over', reason: string | undefined, clientConfirmed: boolean): number {
  const item = c.db.prepare('SELECT stay_id, description FROM custody_items WHERE id = ?').get(itemId) as { stay_id: number; description: string } | undefined;
  if (!item) throw new AppError('NOT_FOUND', 'No such item.');
  if (c.db.prepare('SELECT 1 FROM custody_settlements WHERE item_id = ?').get(itemId)) throw new AppError('CONFLICT', 'This item is already settled.');
  c.db
    .prepare('INSERT INTO custody_settlements (item_id, kind, reason, client_confirmed, at, by_user) VALUES (?, ?, ?, ?, ?, ?)')
    .run(itemId, kind, reason ?? null, clientConfirmed ? 1 : 0, c.now, c.actorId);
  addEvent(c.db, item.stay_id, c.actorId, c.now, 'custody_settled', { item: item.description, kind, ...(reason ? { reason } : {}) });
  return item.stay_id;
}

export function extend(c: IntakeCtx, stayId: number, days: number, reason: string): void {
  const stay = stayRow(c.db, stayId);
  if (stay.status !== 'in_station') throw new AppError('CONFLICT', 'Only a stay in the station can be extended.');
  c.db.prepare('INSERT INTO stay_extensions (stay_id, days, reason, approved_by, at) VALUES (?, ?, ?, ?, ?)').run(stayId, days, reason, c.actorId, c.now);
  addEvent(c.db, stayId, c.actorId, c.now, 'extended', { days, reason });
}

export function completeTask(c: IntakeCtx, taskId: number, note: string): number {
  const t = c.db.prepare('SELECT stay_id, kind, done_at FROM family_search_tasks WHERE id = ?').get(taskId) as
    | { stay_id: number; kind: string; done_at: number | null }
    | undefined;
  if (!t) throw new AppError('NOT_FOUND', 'No such task.');
  if (t.done_at !== null) throw new AppError('CONFLICT', 'This task is already done.');
  c.db.prepare('UPDATE family_search_tasks SET done_at = ?, done_by = ?, note = ? WHERE id = ?').run(c.now, c.actorId, note, taskId);
  addEvent(c.db, t.stay_id, c.actorId, c.now, 'family_search', { kind: t.kind, note });
  return t.stay_id;
}

export function addService(c: IntakeCtx, stayId: number, kind: string, note: string): void {
  requireOpen(stayRow(c.db, stayId));
  addEvent(c.db, stayId, c.actorId, c.now, 'service', { kind, note });
}

/** First-contact responsibility passes only when the other staff member accepts it. */
export function offerOwnership(c: IntakeCtx, stayId: number, toUserId: number, note: string | undefined): void {
  const stay = stayRow(c.db, stayId);
  requireOpen(stay);
  if (stay.owner_id !== c.actorId) throw new AppError('FORBIDDEN', 'Only the responsible staff member can hand the case over.');
  if (toUserId === c.actorId) throw new AppError('VALIDATION', 'Choose another staff member.', { toUserId: 'v.witnessSelf' });
  if (!c.db.prepare('SELECT 1 FROM users WHERE id = ? AND disabled = 0').get(toUserId)) throw new AppError('VALIDATION', 'No such active staff member.', { toUserId: 'v.witnessUnknown' });
  if (c.db.prepare('SELECT 1 FROM ownership_offers WHERE stay_id = ? AND answered_at IS NULL').get(stayId)) {
    throw new AppError('CONFLICT', 'A handover of this case is already waiting for an answer.');
  }
  c.db.prepare('INSERT INTO ownership_offers (stay_id, from_user, to_user, note, offered_at) VALUES (?, ?, ?, ?, ?)').run(stayId, c.actorId, toUserId, note ?? null, c.now);
  addEvent(c.db, stayId, c.actorId, c.now, 'ownership_offered', { to: toUserId, ...(note ? { note } : {}) });
}

export function answerOwnership(c: IntakeCtx, offerId: number, accept: boolean): number {
  const offer = c.db.prepare('SELECT stay_id, to_user, answered_at FROM ownership_offers WHERE id = ?').get(offerId) as
    | { stay_id: number; to_user: number; answered_at: number | null }
    | undefined;
  if (!offer || offer.answered_at !== null) throw new AppError('NOT_FOUND', 'No such open handover.');
  if (offer.to_user !== c.actorId) throw new AppError('FORBIDDEN', 'This handover is addressed to someone else.');
  c.db.prepare('UPDATE ownership_offers SET answered_at = ?, accepted = ? WHERE id = ?').run(c.now, accept ? 1 : 0, offerId);
  if (accept) c.db.prepare('UPDATE stays SET owner_id = ?, updated_at = ? WHERE id = ?').run(c.actorId, c.now, offer.stay_id);
  addEvent(c.db, offer.stay_id, c.actorId, c.now, accept ? 'ownership_accepted' : 'ownership_declined');
  return offer.stay_id;
}
