import type { FollowUp } from '../../../shared/contract/patrol';
import { AppError } from '../../../shared/domain/result';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { DutyCtx } from './context';
import { requireStaff } from './staff';

/** Follow-up tasks opened by an issue found on a round or by an incident: an owner, a deadline, then closed once. */
interface FollowUpRow {
  id: number;
  round_id: number | null;
  incident_id: number | null;
  task: string;
  owner_id: number;
  owner: string;
  due_at: number;
  created_at: number;
  created_by: number;
  creator: string;
  done_at: number | null;
  done_by: number | null;
  closer: string | null;
  done_note: string | null;
}

const SELECT = `SELECT f.*, coalesce(s.name, su.display_name) AS owner, c.display_name AS creator, d.display_name AS closer
  FROM follow_ups f JOIN staff s ON s.id = f.owner_id LEFT JOIN users su ON su.id = s.user_id
  JOIN users c ON c.id = f.created_by LEFT JOIN users d ON d.id = f.done_by`;

const YEAR_MS = 366 * 86_400_000;

const toFollowUp = (f: FollowUpRow): FollowUp => ({
  id: f.id,
  source: f.round_id !== null ? { kind: 'round', id: f.round_id } : { kind: 'incident', id: f.incident_id! },
  task: f.task,
  owner: { id: f.owner_id, name: f.owner },
  dueAt: f.due_at,
  createdAt: f.created_at,
  createdBy: { id: f.created_by, name: f.creator },
  // Stryker disable next-line StringLiteral: a closed task always has its closer (CHECK and foreign key in 0070-duty.sql, display_name NOT NULL), so the fallback name is never used
  done: f.done_at === null ? null : { at: f.done_at, by: { id: f.done_by!, name: f.closer ?? '' }, note: f.done_note! },
});

/**
 * Opens a task for what was found at `since` (a round's or an incident's time). Its owner is an active staff member;
 * its deadline is not before `since` (reversed times) nor more than a year ahead. Errors at `followUp.*`.
 */
export function openFollowUp(c: DutyCtx, source: { roundId?: number; incidentId?: number }, f: { task: string; ownerId: number; dueAt: number }, since: number): number {
  requireStaff(c.db, f.ownerId, 'followUp.ownerId');
  if (f.dueAt < since) throw new AppError('VALIDATION', 'The deadline is before what it follows up.', { 'followUp.dueAt': 'v.timeReversed' });
  if (f.dueAt > c.now + YEAR_MS) throw new AppError('VALIDATION', 'The deadline is more than a year ahead.', { 'followUp.dueAt': 'v.tooFar' });
  const { lastInsertRowid } = cached(
    c.db,
    'INSERT INTO follow_ups (round_id, incident_id, task, owner_id, due_at, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(source.roundId ?? null, source.incidentId ?? null, f.task, f.ownerId, f.dueAt, c.now, c.actorId);
  return Number(lastInsertRowid);
}

export function closeFollowUp(c: DutyCtx, id: number, note: string): FollowUp {
  const f = followUp(c.db, id);
  if (!f) throw new AppError('NOT_FOUND', 'No such follow-up task.');
  if (f.done) throw new AppError('CONFLICT', 'This task is already closed.', { id: 'v.followUpClosed' });
  cached(c.db, 'UPDATE follow_ups SET done_at = ?, done_by = ?, done_note = ? WHERE id = ?').run(c.now, c.actorId, note, id);
  return followUp(c.db, id)!;
}

export function followUp(db: DB, id: number): FollowUp | undefined {
  const row = cached(db, `${SELECT} WHERE f.id = ?`).get(id) as FollowUpRow | undefined;
  return row && toFollowUp(row);
}

/** Every open task, the earliest deadline first (follow_ups_open). */
export function openFollowUps(db: DB): FollowUp[] {
  return (cached(db, `${SELECT} WHERE f.done_at IS NULL ORDER BY f.due_at, f.id`).all() as FollowUpRow[]).map(toFollowUp);
}

export const followUpsOfRound = (db: DB, roundId: number): FollowUp[] =>
  (cached(db, `${SELECT} WHERE f.round_id = ? ORDER BY f.id`).all(roundId) as FollowUpRow[]).map(toFollowUp);

/** The tasks of every round walked in [from, to), by round: the patrol log's, in one read. */
export function followUpsOfRoundsDuring(db: DB, from: number, to: number): Map<number, FollowUp[]> {
  const rows = cached(db, `${SELECT} JOIN patrol_rounds r ON r.id = f.round_id WHERE r.at >= ? AND r.at < ? ORDER BY f.id`).all(from, to) as FollowUpRow[];
  const out = new Map<number, FollowUp[]>();
  for (const row of rows) out.set(row.round_id!, [...(out.get(row.round_id!) ?? []), toFollowUp(row)]);
  return out;
}

export const followUpsOfIncident = (db: DB, incidentId: number): FollowUp[] =>
  (cached(db, `${SELECT} WHERE f.incident_id = ? ORDER BY f.id`).all(incidentId) as FollowUpRow[]).map(toFollowUp);
