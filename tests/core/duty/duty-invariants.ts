import type { Core } from '../../../electron/core';
import { sealedForm } from '../../../electron/features/handover/service';
import { verifyRecord } from '../../../electron/features/signatures';

/**
 * What must hold of the duty records whatever calls were made (issue 10): nobody stands in two overlapping shifts, a
 * follow-up task is not due before what it follows up, and every signed handover was acknowledged and still verifies.
 * One line per violation (part of tests/core/harness/invariants.ts, so the fuzzer checks them after every procedure).
 */
export function dutyViolations(core: Core): string[] {
  const { db } = core;
  const out: string[] = [];
  const overlaps = db
    .prepare(
      `SELECT a.id AS a, b.id AS b FROM roster_assignments a JOIN roster_assignments b ON b.staff_id = a.staff_id AND b.id > a.id
         AND b.starts_at < a.ends_at AND a.starts_at < b.ends_at
       WHERE NOT EXISTS (SELECT 1 FROM roster_removals r WHERE r.assignment_id IN (a.id, b.id))`,
    )
    .all() as { a: number; b: number }[];
  for (const o of overlaps) out.push(`roster assignments ${o.a} and ${o.b}: one person in two shifts at once`);
  const early = db
    .prepare(
      `SELECT f.id FROM follow_ups f LEFT JOIN patrol_rounds r ON r.id = f.round_id LEFT JOIN incidents i ON i.id = f.incident_id
       WHERE f.due_at < coalesce(r.at, i.at)`,
    )
    .pluck()
    .all() as number[];
  for (const id of early) out.push(`follow-up ${id}: due before what it follows up`);
  const signed = db.prepare("SELECT DISTINCT CAST(entity_id AS INTEGER) FROM signatures WHERE entity = 'handover'").pluck().all() as number[];
  for (const id of signed) {
    if (!db.prepare('SELECT 1 FROM handover_acks WHERE handover_id = ?').get(id)) out.push(`handover ${id}: signed without an acknowledgement`);
    const v = verifyRecord(db, 'handover', id, sealedForm(db, id));
    if (!v.ok) out.push(`handover ${id}: does not verify (${JSON.stringify(v.signatures.map((s) => s.problems))})`);
  }
  return out;
}
