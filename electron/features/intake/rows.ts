/**
 * Intake's row writers: each INSERT or UPDATE of an intake table, once, beneath the checks. The checked services
 * (stays.ts, care.ts) call these after their rules have passed; the demo generator's bulk path calls the same
 * functions without the checks (its plan already obeys them), so there is one write path for every intake table.
 * Every function takes exactly the values it writes and returns the new row's id where there is one.
 */
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';

const rowId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

export interface StayRowValues {
  personId: number;
  arrivedAt: number;
  arrivedOn: string;
  channel: string;
  channelDetail: Record<string, unknown>;
  ownerId: number;
  lateReason: string | null;
  at: number;
}

/** A new stay, registered: the registering staff member owns it (first-contact responsibility). */
export function insertStay(db: DB, v: StayRowValues): number {
  return rowId(
    cached(
      db,
      `INSERT INTO stays (person_id, arrived_at, arrived_on, channel, channel_detail, status, owner_id, registered_by, late_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'registered', ?, ?, ?, ?, ?)`,
    ).run(v.personId, v.arrivedAt, v.arrivedOn, v.channel, JSON.stringify(v.channelDetail), v.ownerId, v.ownerId, v.lateReason, v.at, v.at),
  );
}

/** A line of the stay's history (append-only). */
export function insertStayEvent(db: DB, stayId: number, actorId: number, at: number, kind: string, data: Record<string, unknown> = {}): number {
  return rowId(cached(db, 'INSERT INTO stay_events (stay_id, at, actor_id, kind, data) VALUES (?, ?, ?, ?, ?)').run(stayId, at, actorId, kind, JSON.stringify(data)));
}

export function insertFamilySearchTask(db: DB, stayId: number, kind: string, dueAt: number): number {
  return rowId(cached(db, 'INSERT INTO family_search_tasks (stay_id, kind, due_at) VALUES (?, ?, ?)').run(stayId, kind, dueAt));
}

export function markFamilySearchTaskDone(db: DB, taskId: number, at: number, by: number, note: string): void {
  cached(db, 'UPDATE family_search_tasks SET done_at = ?, done_by = ?, note = ? WHERE id = ?').run(at, by, note, taskId);
}

/** Triage's decision on the stay row; a temperature not given keeps the one recorded. */
export function updateStayTriage(db: DB, stayId: number, v: { status: string; triage: object; conditions: string[]; temperatureC10: number | null; at: number }): void {
  cached(db, 'UPDATE stays SET status = ?, triage = ?, conditions = ?, temperature_c10 = coalesce(?, temperature_c10), updated_at = ? WHERE id = ?').run(
    v.status,
    JSON.stringify(v.triage),
    JSON.stringify(v.conditions),
    v.temperatureC10,
    v.at,
    stayId,
  );
}

export function updateStayConditions(db: DB, stayId: number, conditions: string[], temperatureC10: number | null, at: number): void {
  cached(db, 'UPDATE stays SET conditions = ?, temperature_c10 = coalesce(?, temperature_c10), updated_at = ? WHERE id = ?').run(
    JSON.stringify(conditions),
    temperatureC10,
    at,
    stayId,
  );
}

export function updateStayOwner(db: DB, stayId: number, ownerId: number, at: number): void {
  cached(db, 'UPDATE stays SET owner_id = ?, updated_at = ? WHERE id = ?').run(ownerId, at, stayId);
}

/** Closes the stay: its status, type and detail. (The bed and any open handover offer: releaseBed, withdrawOffers.) */
export function updateStayDischarged(db: DB, stayId: number, type: string, detail: Record<string, unknown>, dischargedAt: number, at: number): void {
  cached(db, `UPDATE stays SET status = 'discharged', discharge_type = ?, discharge_detail = ?, discharged_at = ?, updated_at = ? WHERE id = ?`).run(
    type,
    JSON.stringify(detail),
    dischargedAt,
    at,
    stayId,
  );
}

export function insertBedAssignment(db: DB, stayId: number, bedId: number, fromAt: number, byUser: number, reason: string | null): number {
  return rowId(cached(db, 'INSERT INTO bed_assignments (stay_id, bed_id, from_at, by_user, reason) VALUES (?, ?, ?, ?, ?)').run(stayId, bedId, fromAt, byUser, reason));
}

/** Ends the stay's current bed assignment (history kept); the number of assignments ended, 0 or 1. */
export function releaseBed(db: DB, stayId: number, at: number): number {
  return cached(db, 'UPDATE bed_assignments SET to_at = ? WHERE stay_id = ? AND to_at IS NULL').run(at, stayId).changes;
}

export function insertSafetyCheck(db: DB, stayId: number, v: { at: number; findings: string; disposition: string; witness1: number; witness2: number }): number {
  return rowId(
    cached(db, 'INSERT INTO safety_checks (stay_id, at, findings, disposition, witness_1, witness_2) VALUES (?, ?, ?, ?, ?, ?)').run(
      stayId,
      v.at,
      v.findings,
      v.disposition,
      v.witness1,
      v.witness2,
    ),
  );
}

export interface CustodyItemValues {
  description: string;
  quantity: number;
  cashFen: number;
  storagePlace: string;
}

/** One item received into custody, signed for by two staff members. */
export function insertCustodyItem(db: DB, stayId: number, item: CustodyItemValues, receivedAt: number, staff1: number, staff2: number): number {
  return rowId(
    cached(
      db,
      'INSERT INTO custody_items (stay_id, description, quantity, cash_fen, storage_place, received_at, staff_1, staff_2) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(stayId, item.description, item.quantity, item.cashFen, item.storagePlace, receivedAt, staff1, staff2),
  );
}

export function insertCustodySettlement(db: DB, itemId: number, kind: string, reason: string | null, clientConfirmed: boolean, at: number, byUser: number): number {
  return rowId(
    cached(db, 'INSERT INTO custody_settlements (item_id, kind, reason, client_confirmed, at, by_user) VALUES (?, ?, ?, ?, ?, ?)').run(
      itemId,
      kind,
      reason,
      clientConfirmed ? 1 : 0,
      at,
      byUser,
    ),
  );
}

export function insertStayExtension(db: DB, stayId: number, days: number, reason: string, approvedBy: number, at: number): number {
  return rowId(cached(db, 'INSERT INTO stay_extensions (stay_id, days, reason, approved_by, at) VALUES (?, ?, ?, ?, ?)').run(stayId, days, reason, approvedBy, at));
}

export function insertOwnershipOffer(db: DB, stayId: number, fromUser: number, toUser: number, note: string | null, at: number): number {
  return rowId(cached(db, 'INSERT INTO ownership_offers (stay_id, from_user, to_user, note, offered_at) VALUES (?, ?, ?, ?, ?)').run(stayId, fromUser, toUser, note, at));
}

export function answerOwnershipOffer(db: DB, offerId: number, accepted: boolean, at: number): void {
  cached(db, 'UPDATE ownership_offers SET answered_at = ?, accepted = ? WHERE id = ?').run(at, accepted ? 1 : 0, offerId);
}

/** Declines the stay's unanswered handover offer, if any (a discharged stay has no one to hand it to); 0 or 1. */
export function withdrawOffers(db: DB, stayId: number, at: number): number {
  return cached(db, 'UPDATE ownership_offers SET answered_at = ?, accepted = 0 WHERE stay_id = ? AND answered_at IS NULL').run(at, stayId).changes;
}
