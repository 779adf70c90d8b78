import type { z } from 'zod';
import type { Checkpoint, CheckpointStatus, checkpointSaveInput, FollowUp, PatrolLog, PatrolRound, patrolRecordInput } from '../../../shared/contract/patrol';
import { addDays, shiftAt } from '../../../shared/domain/duty';
import { AppError } from '../../../shared/domain/result';
import { dayStart } from '../../../shared/domain/time';
import type { DB } from '../../db/open';
import { cached } from '../../db/statements';
import type { DutyCtx } from './context';
import { followUpsOfRound, followUpsOfRoundsDuring, openFollowUp } from './follow-ups';
import { patrolTally } from './schedule';
import { requireStaff, staffOfUser } from './staff';

/** Duty patrols inside the station (DOMAIN §2): checkpoints, rounds and their findings, the patrol screen and log. */
interface CheckpointRow {
  id: number;
  code: string;
  name: string;
  kind: Checkpoint['kind'];
  zone_id: number | null;
  sort: number;
  active_from: number;
  retired_at: number | null;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  id: r.id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  zoneId: r.zone_id,
  sort: r.sort,
  active: r.retired_at === null,
  activeFrom: r.active_from,
  retiredAt: r.retired_at,
});

export const listCheckpoints = (db: DB): Checkpoint[] => (cached(db, 'SELECT * FROM checkpoints ORDER BY sort, id').all() as CheckpointRow[]).map(toCheckpoint);

/**
 * Adds or changes a checkpoint. Retiring one ends the rounds expected there; bringing it back expects them again from
 * now (the gap in between is not counted as missed). Each time in use is kept as a period of its own (migration 0110):
 * the patrol log of the days before still expects what was expected then.
 */
export function saveCheckpoint(c: DutyCtx, input: z.output<typeof checkpointSaveInput>): { before: Checkpoint | null; id: number } {
  const before = input.id === undefined ? null : (listCheckpoints(c.db).find((cp) => cp.id === input.id) ?? null);
  if (input.id !== undefined && !before) throw new AppError('NOT_FOUND', 'No such checkpoint.');
  const taken = cached(c.db, 'SELECT id FROM checkpoints WHERE code = ? COLLATE NOCASE').pluck().get(input.code) as number | undefined;
  if (taken !== undefined && taken !== input.id) throw new AppError('CONFLICT', 'This code is already used.', { code: 'v.checkpointCodeTaken' });
  if (input.zoneId != null && !cached(c.db, 'SELECT 1 FROM zones WHERE id = ?').get(input.zoneId)) {
    throw new AppError('VALIDATION', 'No such zone.', { zoneId: 'v.zoneUnknown' });
  }
  const values = { code: input.code, name: input.name, kind: input.kind, zone: input.zoneId ?? null, sort: input.sort, now: c.now };
  if (!before) {
    const { lastInsertRowid } = cached(
      c.db,
      'INSERT INTO checkpoints (code, name, kind, zone_id, sort, active_from, retired_at) VALUES (@code, @name, @kind, @zone, @sort, @now, @retired)',
    ).run({ ...values, retired: input.active ? null : c.now });
    return { before, id: Number(lastInsertRowid) };
  }
  const retire = before.active && !input.active;
  const revive = !before.active && input.active;
  cached(
    c.db,
    `UPDATE checkpoints SET code = @code, name = @name, kind = @kind, zone_id = @zone, sort = @sort,
       active_from = CASE WHEN @revive THEN @now ELSE active_from END,
       retired_at = CASE WHEN @retire THEN @now WHEN @revive THEN NULL ELSE retired_at END WHERE id = @id`,
  ).run({ ...values, id: before.id, retire: retire ? 1 : 0, revive: revive ? 1 : 0 });
  return { before, id: before.id };
}

interface RoundRow {
  id: number;
  checkpoint_id: number;
  code: string;
  cp_name: string;
  at: number;
  walked_by: number;
  walker: string;
  finding: 'normal' | 'issue';
  category: PatrolRound['category'];
  note: string | null;
  recorded_by: number;
  recorder: string;
  recorded_at: number;
}

const ROUND_SQL = `SELECT r.*, c.code, c.name AS cp_name, coalesce(s.name, su.display_name) AS walker, u.display_name AS recorder
  FROM patrol_rounds r JOIN checkpoints c ON c.id = r.checkpoint_id JOIN staff s ON s.id = r.walked_by LEFT JOIN users su ON su.id = s.user_id
  JOIN users u ON u.id = r.recorded_by`;

const toRound = (r: RoundRow, followUps: FollowUp[]): PatrolRound => ({
  id: r.id,
  checkpoint: { id: r.checkpoint_id, code: r.code, name: r.cp_name },
  at: r.at,
  walkedBy: { id: r.walked_by, name: r.walker },
  finding: r.finding,
  category: r.category,
  note: r.note,
  recordedBy: { id: r.recorded_by, name: r.recorder },
  recordedAt: r.recorded_at,
  followUps,
});

export const roundById = (db: DB, id: number): PatrolRound => toRound(cached(db, `${ROUND_SQL} WHERE r.id = ?`).get(id) as RoundRow, followUpsOfRound(db, id));

/** A scanner that bounces types the same code twice: the same walker at the same checkpoint within this is one round. */
const BOUNCE_MS = 60_000;

/** Records a round: the checkpoint by the code the scanner typed, who walked it, what was found, and a follow-up. */
export function recordRound(c: DutyCtx, input: z.output<typeof patrolRecordInput>): { id: number; followUpId: number | null } {
  const cp = cached(c.db, 'SELECT id, retired_at FROM checkpoints WHERE code = ? COLLATE NOCASE').get(input.code) as { id: number; retired_at: number | null } | undefined;
  if (!cp) throw new AppError('VALIDATION', 'No checkpoint has this code.', { code: 'v.checkpointUnknown' });
  if (cp.retired_at !== null) throw new AppError('VALIDATION', 'This checkpoint is retired.', { code: 'v.checkpointRetired' });
  const walker = input.walkedBy === undefined ? staffOfUser(c.db, c.actorId) : requireStaff(c.db, input.walkedBy, 'walkedBy');
  const at = input.at ?? c.now;
  const bounce = cached(c.db, 'SELECT 1 FROM patrol_rounds WHERE checkpoint_id = ? AND walked_by = ? AND at > ? AND at < ?').get(cp.id, walker.id, at - BOUNCE_MS, at + BOUNCE_MS);
  if (bounce) throw new AppError('CONFLICT', 'This round was just recorded.', { code: 'v.justRecorded' });
  const { lastInsertRowid } = cached(
    c.db,
    `INSERT INTO patrol_rounds (checkpoint_id, at, walked_by, finding, category, note, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(cp.id, at, walker.id, input.finding, input.category ?? null, input.note || null, c.actorId, c.now);
  const id = Number(lastInsertRowid);
  const followUpId = input.followUp ? openFollowUp(c, { roundId: id }, input.followUp, at) : null;
  return { id, followUpId };
}

/** The patrol log of `from`…`to`: every round with its findings, and every slot missed, up to now. */
export function patrolLog(c: DutyCtx, from: string, to: string): PatrolLog {
  const start = dayStart(from, c.settings.timeZone);
  const end = Math.min(dayStart(addDays(to, 1), c.settings.timeZone), c.now + 1);
  const rows = end > start ? (cached(c.db, `${ROUND_SQL} WHERE r.at >= ? AND r.at < ? ORDER BY r.at, r.id`).all(start, end) as RoundRow[]) : [];
  const tally = end > start ? patrolTally(c.db, c.settings, start, end, c.now) : { missed: [], due: 0 };
  const followUps = end > start ? followUpsOfRoundsDuring(c.db, start, end) : new Map<number, FollowUp[]>();
  return { from, to, rounds: rows.map((r) => toRound(r, followUps.get(r.id) ?? [])), missed: tally.missed, due: tally.due };
}

/** The patrol screen: each active checkpoint, its last round, the slot running now and the current shift's misses. */
export function patrolStatus(c: DutyCtx): CheckpointStatus[] {
  const shift = shiftAt(c.now, c.settings.shifts, c.today, c.settings.timeZone);
  // Stryker disable next-line OptionalChaining,ArithmeticOperator: settings refuse a shift template with a gap (v.shiftsGap), so shiftAt always finds the shift running now and the fallback is never taken
  const from = shift?.from ?? c.now - 86_400_000;
  const tally = patrolTally(c.db, c.settings, from, c.now + 1, c.now);
  const last = cached(
    c.db,
    `SELECT c.id, c.code, c.name, r.at, r.finding, r.walked_by, coalesce(s.name, su.display_name) AS walker
     FROM checkpoints c LEFT JOIN patrol_rounds r ON r.id = (SELECT x.id FROM patrol_rounds x WHERE x.checkpoint_id = c.id ORDER BY x.at DESC, x.id DESC LIMIT 1)
     LEFT JOIN staff s ON s.id = r.walked_by LEFT JOIN users su ON su.id = s.user_id
     WHERE c.retired_at IS NULL ORDER BY c.sort, c.id`,
  ).all() as { id: number; code: string; name: string; at: number | null; finding: 'normal' | 'issue' | null; walked_by: number | null; walker: string | null }[];
  return last.map((cp) => {
    const mine = tally.slots.filter((s) => s.checkpoint.id === cp.id);
    const now = mine.find((s) => s.from <= c.now && c.now < s.dueAt);
    return {
      checkpoint: { id: cp.id, code: cp.code, name: cp.name },
      // Stryker disable next-line StringLiteral: a round's walker always has a name (staff hold a name or an account, CHECK in 0070-duty.sql), so the fallback name is never used
      lastRound: cp.at === null ? null : { at: cp.at, walkedBy: { id: cp.walked_by!, name: cp.walker ?? '' }, finding: cp.finding! },
      slot: now ? { from: now.from, dueAt: now.dueAt, done: now.roundId !== null } : null,
      missed: mine.filter((s) => s.missed).length,
    };
  });
}
